"""build.spec on each system, read here with PyInstaller's build steps recorded instead of run:
on Windows the window's program opens no console and the command line has a console program of
its own; on Linux and macOS one program does both (macOS inside the .app)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class Step:
    """One of PyInstaller's build steps, as build.spec called it."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []


def _pyinstaller_modules() -> dict[str, types.ModuleType]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]
    hooks.collect_data_files = lambda package: []
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda path: []
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                 "StringStruct", "VarFileInfo", "VarStruct"):  # fmt: skip
        setattr(versioninfo, name, lambda *args, _name=name, **kwargs: (_name, args, kwargs))
    modules = {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.depend": types.ModuleType("PyInstaller.depend"),
        "PyInstaller.depend.bindepend": bindepend,
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
        "PyInstaller.utils.win32": types.ModuleType("PyInstaller.utils.win32"),
        "PyInstaller.utils.win32.versioninfo": versioninfo,
    }
    modules["PyInstaller.depend"].bindepend = bindepend
    modules["PyInstaller.utils.win32"].versioninfo = versioninfo
    return modules


def read_spec(monkeypatch, platform: str) -> dict:
    return run_spec(monkeypatch, platform)[0]


def run_spec(monkeypatch, platform: str) -> tuple[dict, dict]:
    """build.spec's build steps, and what it defined."""
    for name, module in _pyinstaller_modules().items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    steps: dict[str, list[Step]] = {}

    def step(kind: str):
        def record(*args, **kwargs) -> Step:
            made = Step(*args, **kwargs)
            steps.setdefault(kind, []).append(made)
            return made

        return record

    spec = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    spec.update({kind: step(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")})
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), spec)
    return steps, spec


def test_on_windows_the_window_has_no_console_and_the_command_line_has_its_own(monkeypatch):
    steps = read_spec(monkeypatch, "win32")
    programs = {exe.kwargs["name"]: exe.kwargs for exe in steps["EXE"]}
    assert set(programs) == {"partnerdesk", "partnerdesk-cli"}
    assert programs["partnerdesk"]["console"] is False
    assert programs["partnerdesk-cli"]["console"] is True
    for name, program in programs.items():
        assert program["icon"].endswith("partnerdesk.ico")
        strings = str(program["version"])
        assert f"'{name}.exe'" in strings  # OriginalFilename
    [collect] = steps["COLLECT"]
    assert [a for a in collect.args if isinstance(a, Step)] == steps["EXE"]  # one folder
    assert "BUNDLE" not in steps


@pytest.mark.parametrize(("platform", "console"), [("linux", True), ("darwin", False)])
def test_elsewhere_one_program_is_the_window_and_the_command_line(monkeypatch, platform, console):
    steps = read_spec(monkeypatch, platform)
    [exe] = steps["EXE"]
    assert exe.kwargs["name"] == "partnerdesk" and exe.kwargs["console"] is console
    assert ("BUNDLE" in steps) is (platform == "darwin")


def test_qts_own_french_is_shipped_and_no_unused_translation(monkeypatch):
    wanted = run_spec(monkeypatch, "linux")[1]["wanted_data"]
    folder = "PySide6/Qt/translations"
    # desktop.i18n loads qtbase_fr.qm for a French window (its file dialog's "Voir dans :")
    assert wanted(f"{folder}/qtbase_fr.qm")
    # none for English (Qt's own language), nor for languages PartnerDesk does not speak
    for unused in ("qtbase_en.qm", "qtbase_de.qm", "qt_fr.qm", "qtmultimedia_fr.qm"):
        assert not wanted(f"{folder}/{unused}"), unused
    assert wanted("resources/translations/partnerdesk_en.qm")  # English's plural forms
