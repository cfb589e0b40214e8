"""``partnerdesk --self-test``: does this installation work, here, now?

Run from a source checkout or from the PyInstaller bundle, it goes through what an officer's first
hour needs, on a new store in a temporary folder (the officer's own store, settings and logs are
never touched), one step after the other:

- ``resources``  the bundled files: fonts, translations, thematic tree, sample data, schema,
                 migration scripts, country names
- ``store``      a new store created and migrated to the newest schema, default tree loaded
- ``records``    every record kind written and read back through db.services (names in Arabic
                 and Chinese), an attached file, the change history and the search index
- ``briefing``   a briefing sheet with those names rendered to PDF in the bundled fonts
- ``integrity``  db.maintenance.check_store, then a verified backup
- ``window``     the main window opened offscreen on that store, every page shown, the briefing
                 previewed (QtPdf) for a printer (QtPrintSupport), then closed; the French
                 translations loaded

Each step prints one line with its time; the first failing step is named, with its reason, and
the exit status is 1. Qt is loaded by the last step only.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

import resources
from db import clock
from db.errors import StorageError, ValidationError
from db.records import services
from db.records.maintenance import check_store
from db.records.services import open_store
from db.store.engine import Store, default_store_path
from desktop import __version__
from desktop.briefing import BriefingOptions, render_briefing

EXIT_OK, EXIT_FAILED = 0, 1
WINDOW_TIMEOUT_S = 30
# The offscreen platform cannot do this and says so once per window: not a problem of the install.
HARMLESS_QT_MESSAGES = ("This plugin does not support",)


class StepFailed(Exception):
    """A check of a step that did not hold; its message says what was expected."""


@dataclass
class Run:
    """What the steps hand on to each other."""

    folder: Path
    today: date = field(default_factory=clock.today)
    store: Store | None = None
    ids: dict[str, str] = field(default_factory=dict)
    areas: int = 0  # thematic areas in the new store, before the self-test adds its own
    written: dict[str, int] = field(default_factory=dict)  # exchange key -> records written
    cleanup: ExitStack = field(default_factory=ExitStack)

    def open_store(self) -> Store:
        if self.store is None:
            raise StepFailed("there is no store: the store step did not run")
        return self.store


# -- the steps ---------------------------------------------------------------------------------------
def check_resources(run: Run) -> str:
    from db.store import migrations
    from desktop.briefing.fonts import FILES
    from desktop.briefing.words import Words

    for name in FILES.values():
        resources.path("fonts", name)
    resources.path("translations", "partnerdesk_fr.qm")
    tree = resources.load_json("thematic_areas.json")
    sample = resources.load_json("sample", "partnerships.json")
    schemas = list(resources.path("schema").glob("*.schema.json"))
    if not tree or not sample.get("organizations") or not schemas:
        raise StepFailed("the thematic tree, the sample data or the exchange schema is empty")
    head = migrations.head_revision()
    if not head:
        raise StepFailed(f"no migration script was found in {migrations.HERE}")
    tunisia = Words("fr").country("TN")
    if tunisia != "Tunisie":
        raise StepFailed(f"country names in French are missing (TN is {tunisia!r})")
    zones = bundled_time_zones()
    driver = team_server_driver()
    # Named, not created: this system's data folder, where the officer's store would be.
    return (
        f"{len(FILES)} fonts, translations, thematic tree, sample data, schema, "
        f"migrations (head {head}), country names, {zones}, {driver}; "
        f"the officer's data folder: {default_store_path().parent}"
    )


def bundled_time_zones() -> str:
    """The tzdata package's own zone database, which Windows needs (it has none of its own):
    read from the package, not from the system's."""
    import importlib.metadata
    import importlib.resources
    from zoneinfo import ZoneInfo

    try:
        zones = importlib.resources.files("tzdata.zoneinfo")
        with zones.joinpath("Asia").joinpath("Tokyo").open("rb") as fh:
            tokyo = ZoneInfo.from_file(fh, key="Asia/Tokyo")
        version = importlib.metadata.version("tzdata")
    except (ImportError, OSError, ValueError, importlib.metadata.PackageNotFoundError) as exc:
        raise StepFailed(f"the time-zone database (tzdata) is missing: {exc}") from exc
    if datetime(2026, 12, 10, 9).replace(tzinfo=tokyo).utcoffset().total_seconds() != 9 * 3600:
        raise StepFailed("the time-zone database (tzdata) gives Tokyo a wrong offset")
    return f"time zones (tzdata {version})"


def team_server_driver() -> str:
    """psycopg with the libpq its wheel carries (with its own TLS): what `partnerdesk sync
    --server` connects with, loaded as it would be, without connecting anywhere."""
    try:
        import psycopg
        from sqlalchemy.dialects.postgresql import psycopg as _dialect  # noqa: F401

        libpq = psycopg.pq.version()
    except (ImportError, OSError) as exc:
        raise StepFailed(f"the team server's driver (psycopg) does not load: {exc}") from exc
    major, minor = divmod(libpq, 10_000)
    return (
        f"team server driver (psycopg {psycopg.__version__}, {psycopg.pq.__impl__}, libpq "
        f"{major}.{minor}), {system_keyring()}"
    )


# The keyring that keeps the team server's password, by system: keyring's entry point's name.
KEYRINGS = {"win32": "Windows", "darwin": "macOS"}


def system_keyring() -> str:
    """The keyring backend of this system is there to be found (its module, and the entry point
    keyring finds it by), whether or not this session offers a keyring (CI's does not)."""
    import importlib
    import importlib.metadata

    name = KEYRINGS.get(sys.platform, "SecretService")
    found = [e for e in importlib.metadata.entry_points(group="keyring.backends") if e.name == name]
    try:
        importlib.import_module(found[0].value)
    except (IndexError, ImportError) as exc:
        raise StepFailed(f"the keyring for the team server's password ({name}) is missing") from exc
    return f"keyring ({name})"


def create_store(run: Run) -> str:
    from db.store import migrations

    path = run.folder / "self-test.sqlite"
    run.store = open_store(path)
    run.cleanup.callback(run.store.close)
    revision, head = run.store.schema_revision(), migrations.head_revision()
    if revision != head:
        raise StepFailed(f"the new store is at schema {revision}, not at the newest, {head}")
    run.areas = check_store(run.store).counts.get("thematic_areas", 0)
    if not run.areas:
        raise StepFailed("the default thematic tree was not loaded into the new store")
    journal = run.store.pragmas()["journal_mode"]
    return (
        f"created at {path}, migrated to {revision}, {run.areas} thematic areas, {journal} journal"
    )


def write_and_read_records(run: Run) -> str:
    store = run.open_store()
    batches = records_to_write(run.today)
    for kind, key, record in batches:
        record = resolve(record, run.ids)
        record_id = services.save(store, kind, record)
        run.ids[key] = record_id
        read = services.get_exchange(store, kind, record_id)
        difference = first_difference(record, read)
        if difference:
            raise StepFailed(f"the {kind} {key!r} was not read back as written: {difference}")
        if not services.change_history(store, kind, record_id):
            raise StepFailed(f"the {kind} {key!r} has no change history")
        exchange_key = _exchange_key(kind)
        run.written[exchange_key] = run.written.get(exchange_key, 0) + 1
    note = run.folder / "signed-memorandum.txt"
    content = "مذكرة تفاهم موقعة — 已签署的谅解备忘录 — signed memorandum\n".encode()
    note.write_bytes(content)
    attachment = services.attach_file(store, "agreement", run.ids["agreement"], note)
    if services.attachment_bytes(store, attachment) != content:
        raise StepFailed("the attached file did not come back as it was attached")
    hits = services.find(store, "AIMC")
    if not any(hit.record_id == run.ids["arabic partner"] for hit in hits):
        raise StepFailed("the search index does not find the partner by its acronym")
    kinds = len({kind for kind, _key, _record in batches})
    return f"{len(batches)} records of {kinds} kinds written and read back, 1 attachment, history, search"


def render_sheet(run: Run) -> str:
    store = run.open_store()
    target = run.folder / "briefing.pdf"
    options = BriefingOptions(
        partner_id=run.ids["arabic partner"],
        consultation_id=run.ids["consultation"],
        include_contacts=True,
        talking_points="نقاط للحديث: تجديد المذكرة.\n谈话要点：续签备忘录。",
        language="fr",
    )
    result = render_briefing(store, options, target)
    unprintable = [w for w in result.warnings if "glyph" in w]
    if unprintable:
        raise StepFailed(unprintable[0])
    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or result.pages < 1:
        raise StepFailed(f"{target} is not a PDF")
    from reportlab.pdfbase import pdfmetrics

    from desktop.briefing.fonts import ARABIC, CJK, FILES

    # Embedded fonts are named "ABCDEF+<PostScript name>" in the PDF.
    missing = [
        FILES[font]
        for font in (ARABIC, CJK)
        if b"+" + pdfmetrics.getFont(font).face.name not in data
    ]
    if missing:
        raise StepFailed(f"the sheet does not use the bundled font(s) {', '.join(missing)}")
    return f"{_pages(result.pages)}, Arabic and Chinese set in the bundled fonts, {len(data) // 1024} KB"


def check_integrity(run: Run) -> str:
    from db.store.backups import problem_with_backup, take_backup

    store = run.open_store()
    report = check_store(store)
    if not report.ok:
        raise StepFailed("; ".join(report.problems))
    expected = {**run.written, "thematic_areas": run.areas + run.written.get("thematic_areas", 0)}
    wrong = {k: report.counts.get(k) for k, n in expected.items() if report.counts.get(k) != n}
    if wrong:
        raise StepFailed(f"the store counts {wrong}, expected {expected}")
    backup = take_backup(store.path, "manual")
    problem = problem_with_backup(backup.path)
    if problem:
        raise StepFailed(f"the backup {backup.path} is not sound: {problem}")
    check_lock(store.path)
    return (
        f"integrity, foreign keys, search index and schema sound; verified backup "
        f"{backup.path.name}; store lock taken, seen and released"
    )


def check_lock(store_path: Path) -> None:
    """The lock that keeps a second window read-only, by this system's own means (flock, or a
    byte-range lock on Windows): taken, seen from another handle, refused twice, released."""
    from db.store.lock import StoreInUseError, StoreLock, holder_of

    with StoreLock(store_path, program="self-test"):
        holder = holder_of(store_path)
        if holder is None or holder.pid != os.getpid():
            raise StepFailed(f"the store's lock is not seen while held (holder: {holder})")
        try:
            StoreLock(store_path).acquire()
        except StoreInUseError:
            pass
        else:
            raise StepFailed("the store's lock was taken twice")
    if holder_of(store_path) is not None:
        raise StepFailed("the store's lock is still held after it was released")


def open_window(run: Run) -> str:
    store = run.open_store()
    # Before Qt starts: never a window on the officer's screen, unless a platform is asked for.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import (
        QCoreApplication,
        QEvent,
        QEventLoop,
        QSettings,
        QTimer,
        QtMsgType,
        qInstallMessageHandler,
    )
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.app import make_application
    from desktop.desk import Desk
    from desktop.drafts import Drafts
    from desktop.errors import log
    from desktop.i18n import install_translators
    from desktop.main_window import MainWindow
    from desktop.settings import Options
    from desktop.worker import wait_for_background_work

    problems: list[str] = []

    def qt_message(kind: QtMsgType, _context, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if not any(harmless in message for harmless in HARMLESS_QT_MESSAGES):
            problems.append(f"Qt: {message}")

    class Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(f"log: {record.getMessage().splitlines()[0]}")

    def dismiss_dialogs() -> None:
        """An unexpected error is shown in a modal box: note it and close it, never hang."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
            problems.append(f"dialog: {text}")
            modal.reject()

    def wait_until(condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while not condition():
            if time.monotonic() > deadline:
                raise StepFailed(f"{what} took more than {WINDOW_TIMEOUT_S} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    started = time.perf_counter()
    previous_handler = qInstallMessageHandler(qt_message)
    run.cleanup.callback(qInstallMessageHandler, previous_handler)
    recorder = Recorder(logging.WARNING)
    log.addHandler(recorder)
    run.cleanup.callback(log.removeHandler, recorder)

    app = make_application()
    platform_name = app.platformName()
    install_translators(app, "fr")
    french = QCoreApplication.translate("MainWindow", "Dashboard")
    install_translators(app, "en")
    if french != "Tableau de bord":
        raise StepFailed(f"the French translation is not loaded (Dashboard is {french!r})")
    watchdog = QTimer(interval=200, timeout=dismiss_dialogs)
    watchdog.start()
    run.cleanup.callback(watchdog.stop)

    settings = QSettings(str(run.folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Desk(store), Options(settings), Drafts(store.path))
    window.show()
    wait_until(lambda: window.windowHandle() and window.windowHandle().isExposed(), "showing")
    shown = time.perf_counter() - started
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QCoreApplication.processEvents()
        wait_for_background_work()
        QCoreApplication.processEvents()
    pages = window.nav.count()
    preview = preview_briefing(run, window, wait_until)
    locks = browse_the_stores_folder(run, window, wait_until)
    second_start = call_the_window(run, window)
    if not window.close():
        raise StepFailed("the main window refused to close")
    wait_for_background_work()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    settings.sync()
    if problems:
        raise StepFailed("; ".join(problems[:5]))
    return (
        f"shown in {shown:.2f} s on the {platform_name} platform, {pages} pages visited, "
        f"briefing previewed ({_pages(preview)}), {locks}, {second_start}, closed; "
        "French translations loaded"
    )


def call_the_window(run: Run, window) -> str:
    """A second start on the store asks the window to come forward over the local socket (a
    named pipe on Windows), as desktop/app.py does."""
    from desktop.running_window import WindowCalls, ask_to_come_forward

    called = []
    calls = WindowCalls(run.open_store().path, lambda: called.append(window))
    try:
        if not ask_to_come_forward(run.open_store().path, os.getpid()) or called != [window]:
            raise StepFailed("a second start could not reach the window over its local socket")
    finally:
        calls.stop()
    return "a second start reached it"


def preview_briefing(
    run: Run, window, wait_until: Callable[[Callable[[], bool], str], None]
) -> int:
    """Prepare briefing with its preview (QtPdf) and a printer (QtPrintSupport), then closed."""
    from PySide6.QtPrintSupport import QPrinter

    from desktop.dialogs.prepare_briefing import PrepareBriefingDialog

    dialog = PrepareBriefingDialog(
        window.desk, run.ids["arabic partner"], run.ids["consultation"], parent=window
    )
    dialog.show()
    wait_until(
        lambda: (
            dialog.preview_pages > 0
            and not dialog.timer.isActive()
            and "Preparing" not in dialog.preview_status.text()
        ),
        "the briefing's preview",
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog.prepare_printer(printer)
    pages = dialog.preview_pages
    dialog.reject()
    dialog.deleteLater()
    return pages


def browse_the_stores_folder(
    run: Run, window, wait_until: Callable[[Callable[[], bool], str], None]
) -> str:
    """The store's folder listed as the window's file dialogs list it (their icon provider and
    filter, in a view: a dialog would remember the folder in the officer's settings): the store's
    files are not offered, and none is opened (closing one would release SQLite's locks in this
    process; docs/reliability.md, "Locks"). Linux tells which locks a process holds."""
    from PySide6.QtWidgets import QFileSystemModel, QListView

    from db.store.connections import sqlite_locks_held
    from desktop.widgets.file_dialogs import TypesByName, WithoutLiveStoreFiles

    store = run.open_store()
    folder = str(store.path.parent)
    files = QFileSystemModel(window)
    provider = TypesByName()
    files.setIconProvider(provider)
    files.setRootPath(folder)
    shown = WithoutLiveStoreFiles(window)
    shown.setSourceModel(files)
    view = QListView(window)
    view.setModel(shown)
    view.setRootIndex(shown.mapFromSource(files.index(folder)))
    view.show()

    def listed() -> list[str]:
        root = view.rootIndex()
        return [shown.index(row, 0, root).data() for row in range(shown.rowCount(root))]

    try:
        # Rows appear once the model has typed them through the icon provider.
        wait_until(lambda: "briefing.pdf" in listed(), "listing the store's folder")
        names = listed()
    finally:
        view.deleteLater()
        shown.deleteLater()
        files.deleteLater()
    if any(name.startswith(store.path.name) for name in names):
        raise StepFailed("the file dialogs offer the store's own files")
    held = sqlite_locks_held(store.path)
    if held is False:
        raise StepFailed(
            "SQLite's locks on the store were released while the window was used: a file of "
            "the store was opened beside SQLite"
        )
    return "store's folder listed" + (", SQLite's locks kept" if held else "")


STEPS: tuple[tuple[str, Callable[[Run], str]], ...] = (
    ("resources", check_resources),
    ("store", create_store),
    ("records", write_and_read_records),
    ("briefing", render_sheet),
    ("integrity", check_integrity),
    ("window", open_window),
)


# -- running -----------------------------------------------------------------------------------------
def run_self_test(
    out: TextIO | None = None, err: TextIO | None = None, *, folder: Path | None = None
) -> int:
    """Run every step, printing one line each; 0 when all passed, 1 at the first that failed.

    ``folder`` holds the test store (default: a new temporary folder, removed afterwards)."""
    out, err = _streams(out, err)
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    print(
        f"PartnerDesk {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})",
        file=out,
        flush=True,
    )
    started = time.perf_counter()
    with ExitStack() as cleanup:
        if folder is None:
            # A file still held open (Windows) must not turn a passed test into a failure.
            temporary = tempfile.TemporaryDirectory(
                prefix="partnerdesk-self-test-", ignore_cleanup_errors=True
            )
            folder = Path(cleanup.enter_context(temporary))
        run = Run(folder=Path(folder))
        cleanup.enter_context(run.cleanup)  # closes the store before its folder is removed
        for name, step in STEPS:
            step_started = time.perf_counter()
            try:
                detail = step(run)
            except Exception as exc:
                seconds = time.perf_counter() - step_started
                reason = _reason(exc)
                print(f"  {name:<10} {seconds:6.2f} s  FAILED  {reason}", file=out, flush=True)
                print(f"partnerdesk: self-test failed at step '{name}': {reason}", file=err)
                if not isinstance(exc, StepFailed | StorageError | ValidationError):
                    traceback.print_exception(exc, file=err)  # a bug or a file missing from a build
                err.flush()
                return EXIT_FAILED
            seconds = time.perf_counter() - step_started
            print(f"  {name:<10} {seconds:6.2f} s  ok  {detail}", file=out, flush=True)
    total = time.perf_counter() - started
    print(f"self-test passed: {len(STEPS)} steps in {total:.2f} s", file=out, flush=True)
    return EXIT_OK


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, StepFailed | StorageError | ValidationError):
        return text
    return f"{type(exc).__name__}: {text}"


def _streams(out: TextIO | None, err: TextIO | None) -> tuple[TextIO, TextIO]:
    """Where to print: a program started without a console has no stdout, and its exit status
    is then the whole answer."""
    out = out or sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return out, err or sys.stderr or out


# -- the records written -----------------------------------------------------------------------------
def records_to_write(today: date) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, key, record) in the order they can be saved; ``"@key"`` stands for the id of the
    record saved earlier under that key. Dates are around ``today``, so that the briefing shows
    the consultation as upcoming and the follow-up as late."""
    soon = datetime.combine(today + timedelta(days=14), datetime.min.time()).replace(hour=10)
    return [
        (
            "organization",
            "ours",
            {
                "name": "Organisation mondiale des douanes",
                "acronym": "OMD",
                "kind": "intergovernmental_organization",
                "city": "Bruxelles",
                "country": "BE",
                "is_ours": True,
            },
        ),
        (
            "organization",
            "arabic partner",
            {
                "name": "مجلس وزراء الداخلية العرب",
                "acronym": "AIMC",
                "kind": "regional_body",
                "city": "تونس",
                "country": "TN",
                "mandate": "تعزيز التعاون العربي في مجال الأمن الداخلي وإدارة الحدود.",
                "status": "active",
            },
        ),
        (
            "organization",
            "chinese partner",
            {
                "name": "中华人民共和国海关总署",
                "acronym": "GACC",
                "kind": "national_administration",
                "city": "北京",
                "country": "CN",
                "mandate": "负责全国海关工作，包括监管、征税和打击走私。",
            },
        ),
        (
            "contact",
            "arabic contact",
            {
                "organization_id": "@arabic partner",
                "name": "ليلى الحداد",
                "title": "مديرة التعاون الدولي",
                "role": "focal_point",
                "email": "l.haddad@example.org",
                "languages": ["ar", "fr"],
            },
        ),
        (
            "contact",
            "chinese contact",
            {
                "organization_id": "@chinese partner",
                "name": "王芳",
                "title": "国际合作司处长",
                "role": "technical_contact",
                "email": "wang.fang@example.org",
                "languages": ["zh", "en"],
            },
        ),
        (
            "thematic_area",
            "area",
            {
                "code": "99",
                "name": "إدارة الحدود المنسقة / 协调边境管理",
                "description": "Coordinated border management (self-test)",
            },
        ),
        (
            "agreement",
            "agreement",
            {
                "reference": "OMD/AIMC/GACC/2019/1",
                "title": "مذكرة تفاهم بشأن التعاون / 合作谅解备忘录",
                "kind": "memorandum_of_understanding",
                "status": "in_force",
                "parties": [
                    {
                        "organization_id": "@ours",
                        "signatory_name": "Kunio Mikuriya",
                        "signatory_title": "Secrétaire général",
                        "signed_on": "2019-03-11",
                        "signed_at": "Bruxelles",
                    },
                    {
                        "organization_id": "@arabic partner",
                        "signatory_name": "محمد بن علي كومان",
                        "signatory_title": "الأمين العام",
                        "signed_on": "2019-03-14",
                        "signed_at": "تونس",
                    },
                    {
                        "organization_id": "@chinese partner",
                        "signatory_name": "倪岳峰",
                        "signatory_title": "署长",
                        "signed_on": "2019-03-14",
                        "signed_at": "北京",
                    },
                ],
                "entry_into_force": "2019-03-14",
                "notice_months": 6,
                "review_on": (today + timedelta(days=120)).isoformat(),
                "languages": ["ar", "fr", "zh"],
                "summary": "Échange d'informations et formation conjointe.",
                "provisions": [
                    {"article": "2", "heading": "مجالات التعاون", "summary": "交流经验和最佳做法"}
                ],
                "commitments": [
                    {
                        "party_id": "@arabic partner",
                        "text": "استضافة ورشة عمل سنوية",
                        "status": "pending",
                    }
                ],
                "amendments": [{"date": "2021-06-01", "summary": "增加风险管理合作"}],
                "thematic_area_ids": ["@area"],
            },
        ),
        (
            "consultation",
            "consultation",
            {
                "title": "المشاورات السنوية / 年度磋商",
                "kind": "bilateral_consultation",
                "starts_at": soon.isoformat(timespec="minutes"),
                "duration_minutes": 120,
                "location": "تونس",
                "organization_ids": ["@ours", "@arabic partner", "@chinese partner"],
                "agreement_ids": ["@agreement"],
                "thematic_area_ids": ["@area"],
                "participants": [
                    {"contact_id": "@arabic contact", "organization_id": "@arabic partner"},
                    {"name": "陈静", "organization_id": "@chinese partner"},
                ],
                "agenda": "١. مراجعة خطة العمل\n2. 联合培训计划",
                "decisions": "إعداد مشروع المنهج\n交换风险指标",
            },
        ),
        (
            "activity",
            "activity",
            {
                "title": "ورشة عمل حول إدارة المخاطر / 风险管理研讨会",
                "kind": "workshop",
                "status": "completed",
                "start_on": (today - timedelta(days=60)).isoformat(),
                "end_on": (today - timedelta(days=58)).isoformat(),
                "city": "Tunis",
                "country": "TN",
                "mode": "in_person",
                "lead_organization_id": "@ours",
                "partners": [
                    {"organization_id": "@arabic partner", "contribution": "القاعة والخبراء"},
                    {"organization_id": "@chinese partner", "contribution": "两名专家"},
                ],
                "agreement_id": "@agreement",
                "thematic_area_ids": ["@area"],
                "beneficiary_countries": ["TN", "MA", "DZ"],
                "participants_total": 30,
                "participants_women": 14,
                "participants_men": 16,
                "results": "تم تدريب ٣٠ مشاركا / 培训了30名学员",
            },
        ),
        (
            "follow_up",
            "follow-up",
            {
                "text": "إرسال مشروع المنهج / 发送课程草案",
                "owner": "ليلى الحداد",
                "due_on": (today - timedelta(days=7)).isoformat(),
                "status": "open",
                "source_kind": "consultation",
                "source_id": "@consultation",
            },
        ),
    ]


def resolve(value: Any, ids: dict[str, str]) -> Any:
    """The record with every ``"@key"`` replaced by the id saved under that key."""
    if isinstance(value, dict):
        return {k: resolve(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, ids) for v in value]
    if isinstance(value, str) and value.startswith("@") and value[1:] in ids:
        return ids[value[1:]]
    return value


def first_difference(written: Any, read: Any, where: str = "") -> str | None:
    """Where the record read back differs from what was written. Fields not written may hold
    anything; lists of codes or ids are sets (the store keeps them in its own order)."""
    if isinstance(written, dict):
        if not isinstance(read, dict):
            return f"{where or 'record'} is {read!r}"
        for key, value in written.items():
            found = first_difference(value, read.get(key), f"{where}.{key}" if where else key)
            if found:
                return found
        return None
    if isinstance(written, list):
        if not isinstance(read, list) or len(read) != len(written):
            return f"{where} is {read!r}, written {written!r}"
        if not any(isinstance(item, dict | list) for item in written):  # codes, ids: a set
            written, read = sorted(written), sorted(read)
        for position, (one, other) in enumerate(zip(written, read, strict=True)):
            found = first_difference(one, other, f"{where}[{position}]")
            if found:
                return found
        return None
    if written != read:
        return f"{where} is {read!r}, written {written!r}"
    return None


def _exchange_key(kind_name: str) -> str:
    from db.schema.kinds import BY_NAME

    return BY_NAME[kind_name].key
