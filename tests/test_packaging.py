"""Installing like a desktop application on Linux: a menu entry, AppStream metadata and icons
16 to 512 px under one application id, which the window also gives its docks and task bars; an
install script for the officer's own menu. macOS's settings file is named after the bundle."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import __version__
from desktop.app import APPLICATION_ID, ORGANIZATION_DOMAIN, make_application

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_one_application_id_names_the_entry_its_icon_its_metadata_and_the_bundle():
    entry = _entry(LINUX / f"{APPLICATION_ID}.desktop")
    assert entry["Type"] == "Application" and entry["Exec"] == "partnerdesk %f"
    assert entry["Icon"] == APPLICATION_ID
    assert entry["StartupWMClass"] == "PartnerDesk"  # X11's WM_CLASS: the application's name
    component = ET.parse(LINUX / f"{APPLICATION_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APPLICATION_ID
    assert component.find("launchable").text == f"{APPLICATION_ID}.desktop"
    assert component.find("releases/release").get("version") == __version__
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert f'bundle_identifier="{APPLICATION_ID}"' in spec
    assert APPLICATION_ID.lower().startswith(".".join(reversed(ORGANIZATION_DOMAIN.split("."))))


def test_the_window_gives_docks_its_menu_entrys_name_and_macos_its_bundles(qapp):
    app = make_application()
    assert app.desktopFileName() == APPLICATION_ID
    assert f"{app.organizationDomain()}" == ORGANIZATION_DOMAIN
    # QSettings on macOS: <reversed domain>.<application>.plist, the bundle identifier.
    reversed_domain = ".".join(reversed(app.organizationDomain().split(".")))
    assert f"{reversed_domain}.{app.applicationName()}" == APPLICATION_ID


@pytest.mark.parametrize("size", SIZES)
def test_an_icon_at_each_size_of_the_theme(size):
    icon = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APPLICATION_ID}.png"
    assert _png_size(icon) == (size, size)


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_the_appstream_metadata_is_valid():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APPLICATION_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    not shutil.which("desktop-file-validate"), reason="desktop-file-validate is not installed"
)
def test_the_menu_entry_is_valid():
    path = LINUX / f"{APPLICATION_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_install_script_puts_the_unpacked_folder_in_the_officers_menu_and_takes_it_away(
    tmp_path,
):
    folder = tmp_path / "Partner Desk 0.1"  # a folder name with spaces
    shutil.copytree(LINUX, folder / "linux")
    program = folder / "partnerdesk"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    done = subprocess.run(
        ["sh", str(folder / "linux" / "install.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    entry = _entry(data / "applications" / f"{APPLICATION_ID}.desktop")
    assert entry["Exec"] == f'"{program}" %f' and entry["TryExec"] == str(program)
    assert (data / "metainfo" / f"{APPLICATION_ID}.metainfo.xml").exists()
    assert (data / "mime" / "packages" / f"{APPLICATION_ID}.xml").exists()
    for size in SIZES:
        assert (
            data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APPLICATION_ID}.png"
        ).exists()
    removed = subprocess.run(
        ["sh", str(folder / "linux" / "install.sh"), "--remove"], env=env, capture_output=True
    )
    assert removed.returncode == 0
    assert [p for p in data.rglob("*") if p.is_file() and APPLICATION_ID in p.name] == []
    assert program.exists()


def test_the_install_script_refuses_to_run_outside_the_unpacked_folder(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    done = subprocess.run(
        ["sh", str(LINUX / "install.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1 and "unpacked PartnerDesk folder" in done.stderr
    assert not (tmp_path / "share").exists()


@pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xprop")), reason="needs Xvfb and xprop"
)
def test_on_an_x11_desktop_the_window_names_its_menu_entry(tmp_path):
    # Xvfb chooses a free display and says which once it is ready.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24"], stdout=subprocess.PIPE, text=True
    )
    try:
        display = f":{server.stdout.readline().strip()}"
        code = (
            "import subprocess, sys\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QWidget\n"
            "from desktop.app import make_application\n"
            "app = make_application()\n"
            "w = QWidget(); w.show()\n"
            "def probe():\n"
            "    print(subprocess.run(['xprop', '-id', str(int(w.winId()))],\n"
            "                         capture_output=True, text=True).stdout); app.quit()\n"
            "QTimer.singleShot(300, probe); app.exec()\n"
        )
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        ).stdout
    finally:
        server.terminate()
        server.wait()
    assert re.search(r'WM_CLASS\(STRING\) = "[^"]*", "PartnerDesk"', out), out
    assert f'_GTK_APPLICATION_ID(UTF8_STRING) = "{APPLICATION_ID}"' in out


NSIS = ROOT / "packaging" / "windows" / "partnerdesk.nsi"


@pytest.mark.skipif(not shutil.which("makensis"), reason="NSIS (makensis) is not installed")
def test_the_windows_installer_is_made_from_the_one_folder_bundle(tmp_path):
    bundle = tmp_path / "dist" / "partnerdesk"  # as PyInstaller leaves it on Windows
    (bundle / "_internal").mkdir(parents=True)
    for program in ("partnerdesk.exe", "partnerdesk-cli.exe"):
        (bundle / program).write_bytes(b"MZ" + program.encode() * 100)
    (bundle / "_internal" / "python311.dll").write_bytes(os.urandom(20_000))
    done = subprocess.run(
        ["makensis", "-V2", f"-DVERSION={__version__}", f"-DDIST={bundle}", str(NSIS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    installer = tmp_path / "dist" / f"PartnerDesk-{__version__}-setup.exe"
    assert installer.read_bytes()[:2] == b"MZ"
    assert installer.stat().st_size > 20_000  # the bundle is inside


def test_the_installer_is_per_user_and_uninstalling_leaves_the_officers_data():
    script = NSIS.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script  # not the data folder
    uninstall = script[script.index('Section "Uninstall"') :]
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # only what the installer put there
    assert "$LOCALAPPDATA\\PartnerDesk" not in uninstall.replace("%LOCALAPPDATA%", "")
    assert "HKCU" in uninstall and "$SMPROGRAMS" in uninstall


# -- the exchange file opens PartnerDesk when double-clicked ------------------------------------------
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _exported_file_start(tmp_path) -> bytes:
    from db.exchange.document import export_document, write_file
    from db.records.services import open_store

    with open_store(tmp_path / "store.sqlite") as store:
        write_file(export_document(store), tmp_path / "all.json")
    return (tmp_path / "all.json").read_bytes()


def test_linux_knows_an_exchange_file_and_opens_it_with_partnerdesk(tmp_path):
    from db.exchange.document import MEDIA_TYPE, NAME_ENDING
    from desktop.sync_bundle_file import MEDIA_TYPE as SYNC_TYPE

    entry = _entry(LINUX / f"{APPLICATION_ID}.desktop")
    assert entry["MimeType"] == f"{MEDIA_TYPE};{SYNC_TYPE};" and entry["Exec"].endswith(" %f")
    kind, _bundle = ET.parse(LINUX / f"{APPLICATION_ID}.xml").getroot().findall(f"{MIME}mime-type")
    assert kind.get("type") == MEDIA_TYPE
    assert kind.find(f"{MIME}sub-class-of").get("type") == "application/json"
    assert kind.find(f"{MIME}glob").get("pattern") == f"*{NAME_ENDING}"
    # A file named plain .json, as `partnerdesk export FILE.json` writes it, is told by its start.
    start = _exported_file_start(tmp_path)
    matches = kind.findall(f"{MIME}magic/{MIME}match")
    assert any(
        m.get("value").encode() in start[: int(m.get("offset").split(":")[1])] for m in matches
    )


@pytest.mark.skipif(
    not shutil.which("update-mime-database"), reason="shared-mime-info is not installed"
)
def test_the_exchange_files_type_is_one_shared_mime_info_accepts(tmp_path):
    from db.exchange.document import MEDIA_TYPE, NAME_ENDING

    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / f"{APPLICATION_ID}.xml", tmp_path / "mime" / "packages")
    done = subprocess.run(
        ["update-mime-database", "-V", str(tmp_path / "mime")], capture_output=True, text=True
    )
    assert done.returncode == 0 and "warning" not in done.stderr.lower(), done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert f"60:{MEDIA_TYPE}:*{NAME_ENDING}" in globs
    assert MEDIA_TYPE in (tmp_path / "mime" / "magic").read_bytes().decode("latin-1")


def test_linux_knows_a_sync_bundle_and_opens_it_with_partnerdesk():
    from desktop.sync_bundle_file import MEDIA_TYPE, SUFFIX

    _exchange, kind = (
        ET.parse(LINUX / f"{APPLICATION_ID}.xml").getroot().findall(f"{MIME}mime-type")
    )
    assert kind.get("type") == MEDIA_TYPE
    assert kind.find(f"{MIME}sub-class-of").get("type") == "application/zip"
    assert kind.find(f"{MIME}glob").get("pattern") == f"*{SUFFIX}"
    assert MEDIA_TYPE in _entry(LINUX / f"{APPLICATION_ID}.desktop")["MimeType"].split(";")


@pytest.mark.skipif(
    not shutil.which("update-mime-database"), reason="shared-mime-info is not installed"
)
def test_the_sync_bundles_type_is_one_shared_mime_info_accepts(tmp_path):
    from desktop.sync_bundle_file import MEDIA_TYPE, SUFFIX

    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / f"{APPLICATION_ID}.xml", tmp_path / "mime" / "packages")
    done = subprocess.run(
        ["update-mime-database", "-V", str(tmp_path / "mime")], capture_output=True, text=True
    )
    assert done.returncode == 0 and "warning" not in done.stderr.lower(), done.stderr
    assert f"60:{MEDIA_TYPE}:*{SUFFIX}" in (tmp_path / "mime" / "globs2").read_text()
    assert f"{MEDIA_TYPE} application/zip" in (tmp_path / "mime" / "subclasses").read_text()


def test_windows_offers_partnerdesk_for_exchange_files_per_user_and_forgets_it_on_uninstall():
    script = NSIS.read_text(encoding="utf-8")
    install = script[: script.index('Section "Uninstall"')]
    uninstall = script[script.index('Section "Uninstall"') :]
    assert '!define CLASSES "Software\\Classes"' in script  # HKCU: this officer only
    assert 'WriteRegStr HKCU "${CLASSES}\\.json\\OpenWithProgids" "${PROGID}" ""' in install
    assert '\'"$INSTDIR\\partnerdesk.exe" "%1"\'' in install  # the GUI program, with the file
    assert "HKLM" not in script
    for key in ("${CLASSES}\\${PROGID}", "${CLASSES}\\Applications\\partnerdesk.exe"):
        assert f'WriteRegStr HKCU "{key}' in install
        assert f'DeleteRegKey HKCU "{key}"' in uninstall
    assert 'DeleteRegValue HKCU "${CLASSES}\\.json\\OpenWithProgids" "${PROGID}"' in uninstall


def test_windows_opens_sync_bundles_with_partnerdesk_per_user_and_forgets_it_on_uninstall():
    script = NSIS.read_text(encoding="utf-8")
    install = script[: script.index('Section "Uninstall"')]
    uninstall = script[script.index('Section "Uninstall"') :]
    assert 'WriteRegStr HKCU "${CLASSES}\\.pdsync" "" "${SYNC_PROGID}"' in install
    assert (
        'WriteRegStr HKCU "${CLASSES}\\${SYNC_PROGID}\\shell\\open\\command" "" '
        '\'"$INSTDIR\\partnerdesk.exe" "%1"\'' in install
    )
    assert 'SupportedTypes" ".pdsync" ""' in install
    for key in ("${CLASSES}\\${SYNC_PROGID}", "${CLASSES}\\.pdsync"):
        assert f'DeleteRegKey HKCU "{key}"' in uninstall


def test_macos_declares_the_exchange_files_type_and_opens_json_when_asked():
    import ast

    from db.exchange.document import MEDIA_TYPE, NAME_ENDING

    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    [types] = [
        ast.literal_eval(node.value)
        for node in ast.parse(spec).body
        if isinstance(node, ast.Assign)
        and getattr(node.targets[0], "id", "") == "EXCHANGE_FILE_TYPES"
    ]
    declared, bundle = types["UTExportedTypeDeclarations"]
    tags = declared["UTTypeTagSpecification"]
    assert declared["UTTypeConformsTo"] == ["public.json"]
    assert tags["public.mime-type"] == [MEDIA_TYPE]
    assert tags["public.filename-extension"] == [NAME_ENDING.lstrip(".")]
    handled = {
        t["LSItemContentTypes"][0]: t["LSHandlerRank"] for t in types["CFBundleDocumentTypes"]
    }
    assert handled == {
        declared["UTTypeIdentifier"]: "Owner",
        "public.json": "Alternate",
        bundle["UTTypeIdentifier"]: "Owner",
    }
    from desktop.sync_bundle_file import MEDIA_TYPE as SYNC_TYPE
    from desktop.sync_bundle_file import SUFFIX

    assert bundle["UTTypeConformsTo"] == ["public.zip-archive"]
    assert bundle["UTTypeTagSpecification"] == {
        "public.filename-extension": [SUFFIX.lstrip(".")],
        "public.mime-type": [SYNC_TYPE],
    }
    assert "**EXCHANGE_FILE_TYPES" in spec[spec.index("BUNDLE(") :]


def test_the_disk_image_recipe_runs_on_macos_only_and_signs_where_asked():
    script = ROOT / "packaging" / "macos" / "make-dmg.sh"
    assert subprocess.run(["sh", "-n", str(script)]).returncode == 0
    text = script.read_text(encoding="utf-8")
    assert "hdiutil create" in text and "notarytool submit" in text and "stapler staple" in text
    assert text.index("codesign --force --deep") < text.index("hdiutil create")  # app signed first
    if sys.platform != "darwin":
        done = subprocess.run(["sh", str(script), "0.1.0"], capture_output=True, text=True)
        assert done.returncode == 1 and "needs macOS" in done.stderr
