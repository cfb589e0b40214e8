"""Draw PartnerDesk's application icon and write it in each platform's format.

    .venv/bin/python scripts/make_icons.py      (needs Pillow, which the test tools install)

Writes resources/icons/partnerdesk.png (512 px, the window's icon), partnerdesk.ico
(Windows: 16 to 256 px), partnerdesk.icns (macOS: 16 to 1024 px) and, for Linux menus and
docks, packaging/linux/icons/hicolor/<size>/apps/org.partnerdesk.PartnerDesk.png (16 to 512 px). The icon is two linked rings
(two partners) on a rounded blue square, drawn at 1024 px and scaled down, so it stays readable at
16 px. The files are committed: building the distributable does not need Pillow.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 1024
SUPERSAMPLE = 2  # drawn at twice the size, then scaled down: smooth edges without antialiasing
BLUE_TOP, BLUE_BOTTOM = (31, 78, 121), (17, 49, 82)
RING_LEFT, RING_RIGHT = (255, 255, 255), (127, 205, 196)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
HICOLOR = ICONS.parents[1] / "packaging" / "linux" / "icons" / "hicolor"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "org.partnerdesk.PartnerDesk"


def draw_icon(size: int = SIZE) -> Image.Image:
    big = size * SUPERSAMPLE
    gradient = Image.new("RGB", (1, big))
    for y in range(big):
        t = y / (big - 1)
        gradient.putpixel(
            (0, y),
            tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True)),
        )
    background = gradient.resize((big, big))
    mask = Image.new("L", (big, big), 0)
    margin = big * 0.06
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, big - margin, big - margin), radius=big * 0.2, fill=255
    )
    icon = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    icon.paste(background, (0, 0), mask)

    draw = ImageDraw.Draw(icon)
    radius, width = big * 0.22, round(big * 0.075)
    cy = big * 0.5
    left, right = big * 0.37, big * 0.63

    def ring(cx: float, colour: tuple[int, int, int], start: float = 0, end: float = 360) -> None:
        box = (cx - radius, cy - radius, cx + radius, cy + radius)
        draw.arc(box, start, end, fill=colour, width=width)

    # Linked, not stacked: the right ring passes over the left one at the top and under it at
    # the bottom, which is what makes two circles read as a link.
    ring(right, RING_RIGHT)
    ring(left, RING_LEFT, -90, 90)  # the left ring's right half, drawn over the right ring...
    ring(right, RING_RIGHT, 200, 260)  # ...then the right ring again where it crosses on top
    ring(left, RING_LEFT, 90, 270)
    return icon.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    icon = draw_icon()
    icon.resize((512, 512), Image.Resampling.LANCZOS).save(ICONS / "partnerdesk.png", optimize=True)
    icon.save(ICONS / "partnerdesk.ico", sizes=ICO_SIZES)
    icon.save(ICONS / "partnerdesk.icns")
    write_hicolor(icon)
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ICONS.parents[1])}: {path.stat().st_size // 1024} KB")


def write_hicolor(icon: Image.Image) -> None:
    """The freedesktop.org icon theme's sizes, each scaled from the large drawing."""
    for size in HICOLOR_SIZES:
        folder = HICOLOR / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        small = icon.resize((size, size), Image.Resampling.LANCZOS)
        small.save(folder / f"{APP_ID}.png", optimize=True)


if __name__ == "__main__":
    main()
