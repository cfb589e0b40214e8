"""A reproducible build: every library pyproject.toml names is pinned in constraints.txt, at a
version its range allows, on every system PartnerDesk is built for; every install the scripts
make takes those pins. (The ranges' lower bounds are tested by scripts/test-lowest, in CI.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.dependencies import requirements

ROOT = Path(__file__).resolve().parents[1]
SYSTEMS = {"win32": "Windows", "darwin": "macOS", "linux": "Linux"}


def pins(sys_platform: str) -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pin = Requirement(line)
        if pin.marker is not None and not pin.marker.evaluate({"sys_platform": sys_platform}):
            continue
        [(operator, version)] = [(s.operator, s.version) for s in pin.specifier]
        assert operator == "==", f"constraints.txt: {line} is not an exact version"
        found[_name(pin.name)] = version
    return found


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyinstaller() -> Requirement:
    common = (ROOT / "scripts" / "common.sh").read_text(encoding="utf-8")
    return Requirement(re.search(r'^PYINSTALLER="([^"]+)"', common, re.MULTILINE)[1])


@pytest.mark.parametrize("sys_platform", SYSTEMS)
def test_every_library_is_pinned_within_its_range(sys_platform):
    pinned = pins(sys_platform)
    wanted = [*requirements(), *requirements("test"), pyinstaller()]
    for requirement in wanted:
        if requirement.marker is not None and not requirement.marker.evaluate(
            {"sys_platform": sys_platform}
        ):
            continue
        name = _name(requirement.name)
        assert name in pinned, f"{requirement} is not pinned for {SYSTEMS[sys_platform]}"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"constraints.txt pins {name}=={pinned[name]}, outside pyproject.toml's {requirement}"
        )


def test_every_install_of_the_scripts_takes_the_pins():
    installs = []
    for script in sorted((ROOT / "scripts").iterdir()):
        if script.suffix in ("", ".sh"):
            for line in script.read_text(encoding="utf-8").splitlines():
                if re.search(r"\bpip install\b", line) and not line.lstrip().startswith("#"):
                    installs.append((script.name, line.strip()))
    assert installs
    for script, line in installs:
        if "--upgrade pip" in line:
            continue  # pip itself, which no bundle holds
        assert '-c "$CONSTRAINTS"' in line or "--resolution lowest-direct" in line, (
            f"scripts/{script}: {line}"
        )
