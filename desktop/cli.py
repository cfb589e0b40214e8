"""The ``partnerdesk`` command. Without a command it opens the window; the other commands work on
the store directly and never load Qt, so they start fast and run on machines without a display.

Exit status 0 on success; otherwise 1 with a plain reason on stderr (and, for a refused import,
one line per problem), or 2 for a command line that cannot be understood.

A store that a window has open is respected (docs/reliability.md, "Locks"): the commands that
only read it (export, brief, review, check, backup, sync-out, conflicts) open it read-only, which never
checkpoints nor deletes the window's journal, and say so; the commands that write (import,
sample, restore, sync-in) take the store's lock for as long as they write, waiting a few seconds
for it, and otherwise refuse, naming who holds it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from db.errors import FileRefused, StorageError, ValidationError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# The kinds' keys, written out: `partnerdesk` alone opens the window, which must not wait for the
# store layer to load (db.schema.kinds declares them; tests/desktop/test_cli.py keeps them equal).
RECORD_KINDS = ("organizations", "contacts", "agreements", "activities")
EXPORT_KINDS = (
    "organizations",
    "contacts",
    "thematic_areas",
    "agreements",
    "consultations",
    "activities",
    "follow_ups",
)
SPREADSHEETS = (".csv", ".xlsx", ".ods", ".xls")  # what import reads
# desktop.portfolio_report.SECTIONS, written out for the same reason (tests keep them equal).
REVIEW_SECTIONS = ("summary", "instruments", "rules")
# How long a command that writes waits for a window (or another command) to let go of the store.
WRITER_WAIT_S = 5.0


class CommandError(Exception):
    """A request the command line cannot carry out; its message is the reason shown."""


class UsageError(CommandError):
    """An option given a value the command cannot take (exit status 2, as argparse's own)."""


def _parser() -> argparse.ArgumentParser:
    from desktop import __version__

    db_help = "the store to use (default: partnerdesk.sqlite in your data folder)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)

    parser = argparse.ArgumentParser(
        prog="partnerdesk",
        description="PartnerDesk: cooperation agreements, consultations, joint activities and briefings. "
        "Without a command, opens the window; `partnerdesk FILE.json` opens it showing what the "
        "exchange file holds, and asks before importing it.",
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"PartnerDesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a new store in a temporary folder (yours is not "
        "touched): one line per step, exit status 0 when every step passed",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    cmd = commands.add_parser(
        "import",
        parents=[common],
        help="import a PartnerDesk exchange file (.json), or a spreadsheet (.csv, .xlsx) of one "
        "kind of record, all or nothing",
    )
    cmd.add_argument("file", type=Path, metavar="FILE")
    cmd.add_argument(
        "--kind",
        choices=RECORD_KINDS,
        help="what a spreadsheet holds (required for .csv and .xlsx); its column headers are "
        "the exchange format's field names",
    )
    cmd = commands.add_parser(
        "export",
        parents=[common],
        help="export the store: the whole of it to .json or .xlsx (a sheet per kind), its "
        "calendar to .ics, or one kind of record to .csv (or .xlsx) with --kind",
    )
    cmd.add_argument("file", type=Path, metavar="FILE")
    cmd.add_argument(
        "--kind", choices=EXPORT_KINDS, help="the records to export (required for .csv)"
    )
    commands.add_parser(
        "sample",
        parents=[common],
        help="load the sample partnerships built from the reference instruments",
    )
    cmd = commands.add_parser(
        "backup", parents=[common], help="write a verified copy of the store to FILE"
    )
    cmd.add_argument("file", type=Path, metavar="FILE")
    cmd = commands.add_parser(
        "restore",
        parents=[common],
        help="put a verified copy of a backup in place of the store (the store it replaces is "
        "kept beside it)",
    )
    cmd.add_argument("file", type=Path, metavar="BACKUP_FILE")
    commands.add_parser("check", parents=[common], help="check the integrity of the store")
    commands.add_parser(
        "store-id",
        parents=[common],
        help="print this store's id, which names its changes on every other store (a copy of "
        "the store's file takes an id of its own when it is first opened)",
    )
    cmd = commands.add_parser(
        "sync-out",
        parents=[common],
        help="write a sync bundle for another store: everything, or with --for what that store "
        "lacks as far as this one knows (from the latest bundle it sent here)",
    )
    cmd.add_argument("file", type=Path, metavar="FILE")
    cmd.add_argument("--for", dest="for_store", metavar="STORE_ID", help="the receiving store's id")
    cmd = commands.add_parser(
        "sync-in",
        parents=[common],
        help="merge another store's sync bundle, field by field, all or nothing; prints what "
        "came in, what merged by itself and what clashed",
    )
    cmd.add_argument("file", type=Path, metavar="FILE")
    cmd = commands.add_parser(
        "sync",
        parents=[common],
        help="sync with the team server: send the changes it lacks, merge those this store "
        "lacks, field by field; prints what came in and what clashed",
    )
    _server_address(cmd, "--server", "USER")
    cmd = commands.add_parser(
        "server",
        help="for the team server's administrator: prepare an empty PostgreSQL database "
        "(init), bring it to this version's schema (upgrade), give an officer or management a "
        "login (add-officer NAME, add-manager NAME: the password is asked), or take one back "
        "(revoke NAME)",
    )
    cmd.add_argument("action", choices=SERVER_ACTIONS)
    cmd.add_argument("name", nargs="?", metavar="NAME", help="the role, for add-… and revoke")
    _server_address(cmd, "--url", "OWNER")
    cmd = commands.add_parser(
        "conflicts",
        parents=[common],
        help="list the open conflicts: the record, the field and the value on each side",
    )
    cmd.add_argument("--json", action="store_true", help="as JSON, for scripts")
    cmd = commands.add_parser(
        "brief", parents=[common], help="print the briefing sheet for a partner to a PDF file"
    )
    cmd.add_argument(
        "--partner", required=True, metavar="NAME|ACRONYM|ID", help="the partner to brief on"
    )
    cmd.add_argument("--consultation", metavar="ID", help="the meeting the briefing prepares")
    cmd.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="start of the period (default: 2 years ago)",
    )
    cmd.add_argument(
        "--to", dest="date_to", metavar="DATE", help="end of the period (default: no end)"
    )
    cmd.add_argument("--contacts", action="store_true", help="include focal points (personal data)")
    cmd.add_argument(
        "--participants",
        action="store_true",
        help="include joint activities' participant lists (personal data)",
    )
    cmd.add_argument("--paper", choices=("a4", "letter"), default="a4")
    cmd.add_argument("--language", choices=("en", "fr"), default="en")
    cmd.add_argument("--output", required=True, type=Path, metavar="FILE.pdf")
    cmd = commands.add_parser(
        "review",
        parents=[common],
        help="write the portfolio review (every instrument, its verdict and its figures) to a "
        "PDF report or an XLSX workbook",
    )
    cmd.add_argument("--output", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx")
    cmd.add_argument(
        "--as-of", dest="as_of", metavar="YYYY-MM-DD", help="review as of that day (default: today)"
    )
    # Checked by the command rather than by argparse's choices, so that a wrong value gets the
    # same one-line message as a wrong date or file name.
    cmd.add_argument("--language", default="en", metavar="en|fr")
    cmd.add_argument("--paper", default="a4", metavar="a4|letter", help="for a PDF report")
    cmd.add_argument(
        "--sections",
        default=",".join(REVIEW_SECTIONS),
        metavar=",".join(REVIEW_SECTIONS),
        help="what a PDF report holds (default: all of them)",
    )
    return parser


def _server_address(cmd: argparse.ArgumentParser, option: str, who: str) -> None:
    # The password is never an argument (other users of the machine see those): libpq's own
    # ways, which psycopg reads.
    cmd.add_argument(
        option,
        required=True,
        metavar="URL",
        help=f"postgresql://{who}@HOST/DATABASE; the password from PGPASSWORD or ~/.pgpass",
    )


def _file_to_open(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """`partnerdesk FILE.json` or `FILE.pdsync` — what a double-click on an exchange file or a
    sync bundle runs — opens the window, which shows what FILE holds and asks before importing
    or merging it. Any other word is left to the
    parser: a command, or a mistyped one (exit status 2)."""
    rest = list(argv)
    i = 0
    while i < len(rest):
        word = rest[i]
        if word == "--db":
            i += 2
        elif word.startswith("-"):
            i += 1
        elif Path(word).suffix.lower() in (".json", ".pdsync"):
            return rest[:i] + rest[i + 1 :], word
        else:
            return rest, None
    return rest, None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    argv, file = _file_to_open(argv)
    args = _parser().parse_args(argv)
    if args.self_test:
        from desktop.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from desktop.app import run_window  # the only path that loads Qt

        return run_window(args.db, file)
    handler = _COMMANDS[args.command]
    try:
        message = handler(args)
    except ValidationError as exc:
        count = len(exc.problems)
        print(
            f"partnerdesk: nothing was {_verb(args.command)}: {count} problem{'s' if count != 1 else ''}.",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_FAILED
    except FileRefused as exc:
        print(f"partnerdesk: nothing was {_verb(args.command)}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except UsageError as exc:
        print(f"partnerdesk {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (StorageError, CommandError) as exc:
        print(f"partnerdesk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except MemoryError:
        # What the officer asked for needed more memory than this computer could give.
        print(
            f"partnerdesk: there was not enough memory to finish ({_subject(args)}); nothing "
            f"was {_verb(args.command)}. Close other programs and try again.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except OSError as exc:  # the disk, a folder or a permission: the environment, not a bug
        from db.store.outside import reason_of

        where = exc.filename if exc.filename is not None else _subject(args)
        print(
            f"partnerdesk: {where}: {reason_of(exc)}; nothing was {_verb(args.command)}.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(
            "partnerdesk: interrupted; nothing was changed by the unfinished step.", file=sys.stderr
        )
        return 130
    except Exception as exc:  # a bug: keep the traceback for the report, show one line
        log = _log_unexpected(exc)
        print(
            f"partnerdesk: unexpected error ({type(exc).__name__}: {exc}); details in {log}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if message:
        print(message)
    return EXIT_OK


def _counted(count: int, key: str) -> str:
    """Records of the kind whose exchange list is ``key``: "1 contact", "3 thematic areas"."""
    from db.schema.kinds import KINDS

    one = next((k.label for k in KINDS if k.key == key), key.replace("_", " "))
    if count == 1:
        return f"1 {one}"
    return f"{count} {one[:-1] + 'ies' if one.endswith('y') else one + 's'}"


def _verb(command: str) -> str:
    return {
        "import": "imported",
        "sample": "loaded",
        "export": "exported",
        "backup": "backed up",
        "restore": "restored",
        "brief": "written",
        "review": "written",
        "sync-out": "written",
        "sync-in": "merged",
        "sync": "synced",
    }.get(command, "changed")


def _subject(args: argparse.Namespace) -> str:
    """The file a command works on, for a message about it."""
    for name in ("output", "file"):
        if getattr(args, name, None) is not None:
            return str(getattr(args, name))
    return str(_store_path(args))


def _store_path(args: argparse.Namespace) -> Path:
    from db.store.engine import default_store_path

    return Path(args.db).expanduser() if getattr(args, "db", None) else default_store_path()


def _store_file(args: argparse.Namespace) -> Path:
    """The store's path with links followed, once it is known to be a regular file or nothing
    yet: a device, a pipe, a folder or a link to nothing is refused before any lock, journal or
    copy is made beside it."""
    from db.i18n import translate
    from db.store.outside import existing_regular_file

    path = _store_path(args)
    existing_regular_file(path, translate("rules", "a PartnerDesk store"))
    return path.resolve()


def _open(args: argparse.Namespace, *, create: bool = True, read_only: bool = False):
    from db.errors import DamagedStoreError, StoreTooNewError
    from db.records.services import open_store

    path = _store_file(args)
    try:
        return open_store(path, create=create, read_only=read_only)
    except (DamagedStoreError, StoreTooNewError) as exc:
        raise CommandError(f"{exc} {_restore_hint(path)}") from exc


def _open_for_reading(args: argparse.Namespace):
    """The store for a command that only reads it: read-only while a window (or a command that
    writes) holds it, so that this command never checkpoints nor deletes its journal."""
    from db.store.lock import holder_of

    holder = holder_of(_store_file(args))
    if holder is None:
        return _open(args, create=False)
    print(
        f"partnerdesk: note: {holder.in_use()}; reading it read-only, with everything saved "
        "there so far.",
        file=sys.stderr,
    )
    return _open(args, create=False, read_only=True)


@contextmanager
def _writing(args: argparse.Namespace, command: str, advice: str) -> Iterator[Path]:
    """The store's lock, held while a command writes: a window is never written behind, and a
    window opened meanwhile is told who has the store. Waits ``WRITER_WAIT_S`` for a window that
    is closing, then refuses with who holds it and ``advice``."""
    from db.store.lock import StoreInUseError, StoreLock

    path = _store_file(args)
    lock = StoreLock(path, program=command)
    deadline = time.monotonic() + WRITER_WAIT_S
    while True:
        try:
            lock.acquire()
            break
        except StoreInUseError as busy:
            if time.monotonic() >= deadline:
                raise CommandError(_in_use(busy.holder, advice)) from None
            time.sleep(0.25)
    try:
        yield path
    finally:
        lock.release()


def _in_use(holder, advice: str) -> str:
    from db.store.lock import WINDOW

    if holder is None:
        return f"PartnerDesk is open on this store; {advice} Nothing was changed."
    if holder.program != WINDOW:
        advice = "wait until it has finished, then try again."
    return f"{holder.in_use()}; {advice} Nothing was changed."


def _restore_hint(store_path: Path) -> str:
    from db.store.backups import backup_folder, newest_good_backup

    newest = newest_good_backup(store_path)
    if newest is None:
        return f"No sound backup of it was found in {backup_folder(store_path)}."
    return (
        f"The newest sound backup was taken on {newest.taken_at.astimezone():%d %b %Y at %H:%M}: "
        f"restore it with: partnerdesk{_db_option(store_path)} restore '{newest.path}'"
    )


def _db_option(store_path: Path) -> str:
    from db.store.engine import default_store_path

    return "" if store_path.resolve() == default_store_path().resolve() else f" --db '{store_path}'"


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def _cmd_import(args: argparse.Namespace) -> str:
    suffix = _suffix(args.file)
    if suffix not in (".json", *SPREADSHEETS):
        hint = (
            " Save it as an Excel workbook (.xlsx) or as CSV first."
            if suffix in (".numbers", ".xlsm", ".xlsb")
            else ""
        )
        raise CommandError(
            f"{args.file.name}: only PartnerDesk exchange files (.json) and spreadsheets "
            f"(.csv, .xlsx, .ods, .xls) can be imported.{hint}"
        )
    if suffix in SPREADSHEETS and not args.kind:
        raise CommandError(
            f"{args.file.name}: say what the spreadsheet holds with "
            f"--kind {'|'.join(RECORD_KINDS)}."
        )
    if suffix == ".json" and args.kind:
        raise CommandError(
            f"{args.file.name}: --kind is for spreadsheets; an exchange file says what it holds."
        )
    if not args.file.exists():
        raise CommandError(f"There is no file {args.file}.")
    if suffix == ".json":
        from db.exchange.document import import_file

        advice = "close it first, then import again."
        with _writing(args, "import", advice), _open(args) as store:
            summary = import_file(store, args.file)
        found = [
            (kind, record_id, summary.names[(kind, record_id)], field)
            for kind, record_id, field in summary.conflicts
        ]
        return "\n".join([f"Imported {args.file.name}: {summary.describe()}.", *_clashes(found)])
    from db.exchange.spreadsheets.importing import import_spreadsheet

    advice = "close it first, or import the spreadsheet there (File → Import from a spreadsheet…)."
    with _writing(args, "import", advice), _open(args) as store:
        result = import_spreadsheet(store, args.file, args.kind)
    for column in result.ignored_columns:
        print(
            f"partnerdesk: note: column “{column}” matches no field of {args.kind} and was "
            "not imported.",
            file=sys.stderr,
        )
    return f"Imported {args.file.name}: {result.describe()}."


def _cmd_export(args: argparse.Namespace) -> str:
    suffix = _suffix(args.file)
    if suffix not in (".json", ".xlsx", ".ics", ".csv"):
        raise CommandError(
            f"{args.file.name}: name a .json, .xlsx or .ics file to export the store, or a .csv "
            "file with --kind."
        )
    if suffix == ".csv" and not args.kind:
        raise CommandError(
            f"{args.file.name}: a CSV file holds one kind of record: add "
            f"--kind {'|'.join(EXPORT_KINDS)}."
        )
    if suffix in (".json", ".ics") and args.kind:
        raise CommandError(
            f"{args.file.name}: --kind is for .csv and .xlsx files; a {suffix} file holds the "
            "whole store."
        )
    if not args.file.parent.is_dir():
        raise CommandError(f"There is no folder {args.file.parent} to write {args.file.name} in.")
    with _open_for_reading(args) as store:
        if suffix == ".json":
            from db.exchange.document import export_document, write_file

            doc = export_document(store)
            write_file(doc, args.file)
            total = sum(len(v) for v in doc.values() if isinstance(v, list))
            return f"Exported {total} records to {args.file}."
        if suffix == ".ics":
            from db.exchange.calendar import write_calendar

            events = write_calendar(store, args.file)
            if isinstance(events, int):
                return f"Exported {events} event{'s' if events != 1 else ''} to {args.file}."
            return f"Exported the calendar to {args.file}."
        from db.exchange.spreadsheets import exporting

        if args.kind:
            with store.reading() as session:
                ids = exporting.all_ids(session, args.kind)
            write = exporting.write_csv if suffix == ".csv" else exporting.write_xlsx
            count = write(store, args.kind, ids, args.file)
            return f"Exported {_counted(count, args.kind)} to {args.file}."
        counts = exporting.write_workbook(store, args.file)
    return f"Exported {sum(counts.values())} records to {args.file} (a sheet per kind)."


def _cmd_sample(args: argparse.Namespace) -> str:
    from db.exchange.sample import load_sample

    advice = "close it first, then load the sample again."
    with _writing(args, "sample", advice), _open(args) as store:
        summary = load_sample(store)
    return f"Sample partnerships loaded into {store.path}: {summary.describe()}."


def _cmd_backup(args: argparse.Namespace) -> str:
    from db.records.maintenance import backup

    with _open_for_reading(args) as store:
        target = backup(store, args.file)
    return f"Backup written and verified: {target}"


def _cmd_restore(args: argparse.Namespace) -> str:
    from db.store.recovery import restore_backup

    if not args.file.exists():
        raise CommandError(f"There is no file {args.file}.")
    with _writing(args, "restore", "close it first, then restore again.") as path:
        restored = restore_backup(path, args.file)
    kept = f" The store it replaced was kept as {restored.set_aside}." if restored.set_aside else ""
    return f"Restored {path} from {restored.backup}.{kept}"


def _cmd_check(args: argparse.Namespace) -> str:
    from db.records.maintenance import check_store

    with _open_for_reading(args) as store:
        report = check_store(store)
    if not report.ok:
        raise CommandError(f"{store.path} has problems: " + "; ".join(report.problems))
    counts = ", ".join(_counted(n, key) for key, n in report.counts.items())
    return f"{store.path} is healthy ({counts})."


def _cmd_store_id(args: argparse.Namespace) -> str:
    with _open_for_reading(args) as store:
        return store.store_id()


def _cmd_sync_out(args: argparse.Namespace) -> str:
    from db.exchange.bundles import write_bundle
    from db.schema.fields import is_canonical_id

    if args.for_store is not None and not is_canonical_id(args.for_store.strip().lower()):
        raise CommandError(
            f"--for {args.for_store}: not a store id; `partnerdesk store-id` prints one, "
            "for example 0f8e2a34-5b6c-4d7e-8f90-a1b2c3d4e5f6."
        )
    if not args.file.parent.is_dir():
        raise CommandError(f"There is no folder {args.file.parent} to write {args.file.name} in.")
    for_store = args.for_store.strip().lower() if args.for_store else None
    with _open_for_reading(args) as store:
        doc, known = write_bundle(store, args.file, for_store=for_store)
    if for_store and not known:
        print(
            f"partnerdesk: note: no bundle from store {for_store} has come here yet, so this "
            "one holds everything.",
            file=sys.stderr,
        )
    records = sum(len(items) for items in doc["records"].values())
    files = len(doc["attachments"])
    attached = f", {files} attached file{'s' if files != 1 else ''}" if files else ""
    return (
        f"Sync bundle written to {args.file}: {len(doc['changes'])} change"
        f"{'s' if len(doc['changes']) != 1 else ''} of {records} record"
        f"{'s' if records != 1 else ''}{attached}."
    )


def _cmd_sync_in(args: argparse.Namespace) -> str:
    from db.exchange.bundles import sync_in

    if not args.file.exists():
        raise CommandError(f"There is no file {args.file}.")
    advice = "close it first, then sync again."
    with _writing(args, "sync-in", advice), _open(args) as store:
        report = sync_in(store, args.file)
    head = f"Merged {args.file.name} from store {report.from_store}: "
    return _merged(head, report.changes, report, report.attachments)


def _merged(head: str, received: int, report, files: int) -> str:
    """What a sync did: the changes received, the records added, merged by themselves and in
    conflict, the files taken; then a line per conflict."""
    added, conflicts = len(report.added), len(report.conflicts)
    line = (
        f"{head}{received} change{'s' if received != 1 else ''} received, "
        f"{added} record{'s' if added != 1 else ''} added, "
        f"{len(report.merged)} merged by themselves, "
        f"{conflicts} conflict{'s' if conflicts != 1 else ''}" + _attached(files)
    )
    return "\n".join([line, *_clashes(report.conflicts)])


def _cmd_sync(args: argparse.Namespace) -> str:
    from db.server.sync import sync_with_server
    from db.server.team_server import TeamServer

    advice = "close it first, then sync again."
    _note_password(args.server)
    with _writing(args, "sync", advice), _open(args) as store, TeamServer(args.server) as server:
        report = sync_with_server(
            store, server, progress=lambda step: print(f"partnerdesk: {step}", file=sys.stderr)
        )
    sent = f"{report.sent} change{'s' if report.sent != 1 else ''} sent, "
    return _merged(
        f"Synced with {report.server}: {sent}", report.received, report, report.files_taken
    )


SERVER_ACTIONS = ("init", "upgrade", "add-officer", "add-manager", "revoke")


def _cmd_server(args: argparse.Namespace) -> str:
    from db.server.accounts import add_account, revoke_account
    from db.server.setup import init_server, upgrade_server
    from db.server.team_server import TeamServer

    named = args.action in ("add-officer", "add-manager", "revoke")
    if named != bool(args.name):
        raise CommandError(
            f"server {args.action}: "
            + ("give the role's NAME." if named else "takes no NAME (only --url).")
        )
    _note_password(args.url)
    with TeamServer(args.url) as server:
        if args.action == "init":
            return init_server(server)
        if args.action == "upgrade":
            return upgrade_server(server)
        if args.action == "revoke":
            return revoke_account(server, args.name)
        password = _new_password(args.name)
        return add_account(server, args.name, password, management=args.action == "add-manager")


def _new_password(name: str) -> str:
    """The new role's password: asked twice at a terminal, else the first line of the input
    (a script's), never an argument."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {name}: ")
    if getpass.getpass("The same password again: ") != first:
        raise CommandError("The two passwords differ; nothing was changed.")
    return first


def _note_password(address: str) -> None:
    from db.server.team_server import server_url

    if server_url(address).password:
        print(
            "partnerdesk: note: a password written in the address can be seen by other users of "
            "this computer (in its list of running programs); PGPASSWORD or ~/.pgpass keep it "
            "out of sight.",
            file=sys.stderr,
        )


def _clashes(conflicts: list[tuple[str, str, str, str]]) -> list[str]:
    """A line per conflict (kind, record id, record name, field) of an import or a sync."""
    lines = [
        f"  conflict: {kind} “{name}” ({record_id}): {field}"
        for kind, record_id, name, field in conflicts
    ]
    if conflicts:
        lines.append("  `partnerdesk conflicts` shows both values of each.")
    return lines


def _attached(files: int) -> str:
    if not files:
        return "."
    return f", {files} attached file{'s' if files != 1 else ''} taken."


def _cmd_conflicts(args: argparse.Namespace) -> str:
    import json

    from db.exchange.bundles import open_conflicts

    with _open_for_reading(args) as store:
        found = open_conflicts(store)
    if args.json:
        return json.dumps(found, ensure_ascii=False, indent=2)
    if not found:
        return "No open conflicts."
    lines = [f"{len(found)} open conflict{'s' if len(found) != 1 else ''}:"]
    for item in found:
        lines.append(
            f"{item['record_kind']} “{item['record']}” ({item['record_id']}), {item['field']}:"
        )
        for side in item["sides"]:
            shown = " (shown)" if side["value"] == item["shown"] else ""
            if side["store_id"]:
                who = f"{side['changed_by']} on store {side['store_id']}, {side['changed_at']} UTC"
            elif side["changed_by"]:  # an exchange file's version (db/records/file_merge.py)
                when = f", {side['changed_at']} UTC" if side["changed_at"] else ""
                who = f"in the file {side['changed_by']}{when}"
            else:
                who = "as created"
            lines.append(f"  - {json.dumps(side['value'], ensure_ascii=False)}{shown} — {who}")
    return "\n".join(lines)


def _date_option(value: str | None, option: str):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"{option} {value}: not a date; write it as YYYY-MM-DD, for example 2026-11-23."
        ) from None


def _cmd_brief(args: argparse.Namespace) -> str:
    from desktop.briefing import BriefingOptions, PartnerNotFound, find_partner, render_briefing

    if _suffix(args.output) != ".pdf":
        raise CommandError(f"{args.output.name}: a briefing is written as PDF; name a .pdf file.")
    date_from = _date_option(args.date_from, "--from")
    date_to = _date_option(args.date_to, "--to")
    if date_from and date_to and date_to < date_from:
        raise CommandError(f"--to {date_to} is before --from {date_from}.")
    if not args.output.parent.is_dir():
        raise CommandError(f"There is no folder {args.output.parent} to write the briefing in.")
    with _open_for_reading(args) as store:
        try:
            partner = find_partner(store, args.partner)
        except PartnerNotFound as exc:
            raise CommandError(str(exc)) from None
        options = BriefingOptions(
            partner_id=partner.id,
            consultation_id=args.consultation,
            period_from=date_from,
            period_to=date_to,
            include_contacts=args.contacts,
            include_participant_lists=args.participants,
            paper=args.paper,
            language=args.language,
        )
        result = render_briefing(store, options, args.output)
    for warning in result.warnings:
        print(f"partnerdesk: note: {warning}", file=sys.stderr)
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    return f"Briefing on {result.partner} written to {args.output} ({pages})."


def _cmd_review(args: argparse.Namespace) -> str:
    suffix = _suffix(args.output)
    if suffix not in (".pdf", ".xlsx"):
        raise UsageError(
            f"--output {args.output.name}: the review is written as a PDF report (.pdf) or an "
            "Excel workbook (.xlsx); name such a file."
        )
    try:
        as_of = _date_option(args.as_of, "--as-of")
    except CommandError as exc:
        raise UsageError(str(exc)) from None
    if args.language not in ("en", "fr"):
        raise UsageError(f"--language {args.language}: the review is offered in en or fr.")
    if args.paper not in ("a4", "letter"):
        raise UsageError(f"--paper {args.paper}: choose a4 or letter.")
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = [s for s in sections if s not in REVIEW_SECTIONS]
    if unknown or not sections:
        raise UsageError(
            f"--sections {args.sections}: choose one or more of {','.join(REVIEW_SECTIONS)}, "
            "separated by commas."
        )
    if not args.output.parent.is_dir():
        raise CommandError(f"There is no folder {args.output.parent} to write the review in.")
    from db import clock
    from desktop.portfolio_report import read_portfolio

    with _open_for_reading(args) as store:
        review, by_year = read_portfolio(store, as_of or clock.today())
        if suffix == ".xlsx":
            from db.exchange.spreadsheets.portfolio import write_portfolio_xlsx

            write_portfolio_xlsx(review, args.output, language=args.language)
        else:
            from db.records.settings import officer_name
            from desktop.portfolio_report import ReportOptions, render_portfolio_report

            with store.reading() as session:
                prepared_by = officer_name(session) or ""
            options = ReportOptions(
                sections=frozenset(sections),
                paper=args.paper,
                language=args.language,
                prepared_by=prepared_by,
            )
            result = render_portfolio_report(review, options, args.output, by_year=by_year)
            if result.unprintable:
                print(
                    "partnerdesk: note: some characters have no glyph in the bundled fonts and "
                    f"print as empty boxes: {' '.join(result.unprintable)}",
                    file=sys.stderr,
                )
    count = len(review.assessments)
    instruments = f"{count} instrument{'s' if count != 1 else ''}"
    return f"Portfolio review as of {review.as_of.isoformat()} ({instruments}) written to {args.output}."


_COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "import": _cmd_import,
    "export": _cmd_export,
    "sample": _cmd_sample,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "store-id": _cmd_store_id,
    "sync-out": _cmd_sync_out,
    "sync-in": _cmd_sync_in,
    "sync": _cmd_sync,
    "server": _cmd_server,
    "conflicts": _cmd_conflicts,
    "brief": _cmd_brief,
    "review": _cmd_review,
}


def _log_unexpected(exc: BaseException) -> Path | str:
    import traceback

    from desktop.errors import open_log

    try:
        log = open_log()
        with log.open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return "(no log could be written)"


if __name__ == "__main__":
    sys.exit(main())
