"""The first page of the IOM sample briefing, compared with a committed picture of it, so that
a change of layout is seen. Rasterized small (40 dpi) and compared with a tolerance, so that a
different poppler or FreeType version does not fail it while a moved block or a lost line does.

When the layout changes on purpose, look at the new page and regenerate the golden image:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/desktop/briefing/test_golden.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from tests.desktop.briefing.helpers import poppler, render

GOLDEN = Path(__file__).parent / "golden" / "iom-page1.png"
# Mean absolute difference per channel (0-255). Rendering noise between versions stays far
# under 1 (a changed word gives 0.003); a mandate two lines longer, moving all below it, gives 15.
TOLERANCE = 1.0


def first_page_png(pdf: Path, stem: Path) -> Path:
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png")


def difference(a: Path, b: Path) -> float:
    with Image.open(a) as first, Image.open(b) as second:
        if first.size != second.size:
            return 255.0
        diff = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
        return sum(ImageStat.Stat(diff).mean) / 3


def test_the_iom_briefing_looks_as_it_did(sample_store, tmp_path):
    pdf, _ = render(sample_store, "IOM", tmp_path / "iom.pdf")
    page = first_page_png(pdf, tmp_path / "page1")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        shutil.copyfile(page, GOLDEN)
    assert GOLDEN.exists(), "no golden image: run once with UPDATE_GOLDEN=1 and look at it"
    measured = difference(page, GOLDEN)
    if measured >= TOLERANCE:
        kept = Path(os.environ.get("TMPDIR", "/tmp")) / "iom-page1-actual.png"
        shutil.copyfile(page, kept)
        raise AssertionError(
            f"page 1 differs from {GOLDEN.name} by {measured:.2f} (tolerance {TOLERANCE}); "
            f"the new rendering is in {kept}"
        )
