"""A sync bundle opened in the window — double-clicked, given as `partnerdesk FILE.pdsync`, handed
over by the Finder (macOS), passed on by a second start, or chosen with File → Merge a sync
bundle: the window says what the bundle holds and merges it only when the officer says so, then
shows the sync report (what came in, what merged by itself, what clashed). The bundle is read
through the guard and checked whole as `sync-in` checks it; Cancel changes nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from db.exchange.bundles import Bundle, SyncReport, read_bundle, sync_in
from desktop.desk import CONFLICTS, Changes
from desktop.errors import log
from desktop.exchange_file import ask_first, local_moment, tell, why_refused
from desktop.labels import Counted, kind_count, kind_name
from desktop.models.conflicts import field_names
from desktop.worker import run_in_background

SUFFIX = ".pdsync"  # the usual ending (docs/sync-bundle-format.md), the file type registered
MEDIA_TYPE = "application/x-partnerdesk-sync+zip"  # packaging/linux, build.spec
QUESTION = "merge_question"  # the question's object name, for whoever looks for it
REPORT = "sync_report"
translate = QCoreApplication.translate


def is_bundle(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX


def offer_merge(window: QMainWindow, path: Path) -> None:
    """Read ``path`` off the GUI thread, then ask the officer whether to merge it."""
    if window.desk.store.read_only:
        _tell(
            window,
            translate(
                "sync_bundle", "%1 cannot be merged: this window has the store open read-only."
            ).replace("%1", path.name),
        )
        return
    window.statusBar().showMessage(translate("sync_bundle", "Reading %1…").replace("%1", str(path)))
    log.info("sync bundle opened with PartnerDesk: %s", path)
    run_in_background(
        lambda: read_bundle(path),
        lambda bundle: _ask(window, path, bundle),
        lambda exc: _refused(window, path, exc),
    )


def what_it_holds(path: Path, bundle: Bundle) -> str:
    """The question's text: the sending store, its newest change, what the bundle carries."""
    payload, counted = bundle.payload, Counted()
    per_kind = Counter(kind.name for kind, _values in payload.records)
    held = [kind_count(kind, n) for kind, n in sorted(per_kind.items())]
    lines = [
        translate("sync_bundle", "%1 comes from the store %2.")
        .replace("%1", path.name)
        .replace("%2", payload.store_id)
    ]
    if payload.changes:
        newest = max(change.changed_at for change in payload.changes)
        lines.append(
            translate("sync_bundle", "Its newest change was made on %1.").replace(
                "%1", local_moment(newest.replace(tzinfo=UTC).isoformat())
            )
        )
    lines.append("")
    lines.append(
        translate("sync_bundle", "It holds %1 to %2.")
        .replace("%1", counted.changes(len(payload.changes)))
        .replace("%2", ", ".join(held) if held else counted.records(0))
    )
    if bundle.attachments:
        lines.append(counted.attached_files(len(bundle.attachments)) + ".")
    return "\n".join(lines)


def _ask(window: QMainWindow, path: Path, bundle: Bundle) -> None:
    ask_first(
        window,
        QUESTION,
        translate("sync_bundle", "Merge a sync bundle?"),
        what_it_holds(path, bundle),
        translate("sync_bundle", "Merge it into this store?"),
        translate("sync_bundle", "&Merge"),
        lambda: _merge(window, path),
        translate("sync_bundle", "%1 was not merged.").replace("%1", path.name),
    )


def _merge(window: QMainWindow, path: Path) -> None:
    window.statusBar().showMessage(translate("sync_bundle", "Merging %1…").replace("%1", str(path)))

    def changes(report: SyncReport) -> Changes:
        touched = {kind for kind, *_rest in (*report.added, *report.merged, *report.conflicts)}
        return Changes.of(*touched, flags=(CONFLICTS,))

    def done(report: SyncReport) -> None:
        window.statusBar().clearMessage()
        show_report(window, path, report)

    # Read and checked again as it is merged, in one unit of work: all of it or nothing.
    window.desk.run(
        lambda store: sync_in(store, path), changes, done, lambda exc: _refused(window, path, exc)
    )


def report_text(path: Path, report: SyncReport) -> str:
    """What came in, what merged by itself, and each clash (kind, record, fields)."""
    heading = (
        translate("sync_bundle", "Merged %1 from the store %2.")
        .replace("%1", path.name)
        .replace("%2", report.from_store)
    )
    return merged_text([heading], report.changes, report, report.attachments)


def merged_text(heading: list[str], received: int, report: Any, files: int) -> str:
    """A sync's report (a bundle's, the team server's): ``heading``, the changes received, the
    records added and merged by themselves, the files taken, then each clash."""
    counted = Counted()
    lines = [
        *heading,
        "",
        translate("sync_bundle", "Changes received: %1").replace("%1", str(received)),
        translate("sync_bundle", "Records added: %1").replace(
            "%1", counted.records(len(report.added))
        ),
        translate("sync_bundle", "Records merged by themselves: %1").replace(
            "%1", counted.records(len(report.merged))
        ),
    ]
    if files:
        lines.append(translate("sync_bundle", "Attached files taken: %1").replace("%1", str(files)))
    if not report.conflicts:
        lines.append(translate("sync_bundle", "No conflict."))
        return "\n".join(lines)
    lines.append(
        translate("sync_bundle", "Conflicts to resolve: %1").replace(
            "%1", str(len(report.conflicts))
        )
    )
    for kind, _record_id, name, field in report.conflicts:
        lines.append(f"• {kind_name(kind)} “{name}”: {field_names(kind, [field])}")
    return "\n".join(lines)


def show_report(window: QMainWindow, path: Path, report: SyncReport) -> None:
    show_merged(window, report_text(path, report), report.conflicts)


def show_merged(window: QMainWindow, text: str, conflicts: list[tuple[str, str, str, str]]) -> None:
    """The sync report, with a button to the Conflicts page when anything clashed."""
    box = QMessageBox(
        QMessageBox.Icon.Information if not conflicts else QMessageBox.Icon.Warning,
        translate("sync_bundle", "Sync report"),
        text,
        QMessageBox.StandardButton.Close,
        window,
    )
    box.setObjectName(REPORT)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if conflicts:
        to_page = box.addButton(
            translate("sync_bundle", "Open the &conflicts"), QMessageBox.ButtonRole.AcceptRole
        )
        to_page.setObjectName("open_conflicts")
        box.setDefaultButton(to_page)
        kind, record_id = conflicts[0][:2]
        to_page.clicked.connect(lambda: window.open_conflict(kind, record_id))
    box.open()


def _refused(window: QMainWindow, path: Path, exc: BaseException) -> None:
    window.statusBar().clearMessage()
    said = why_refused(
        exc,
        translate("sync_bundle", "%1 cannot be merged; nothing was merged.").replace(
            "%1", path.name
        ),
    )
    if said is not None:
        _tell(window, said)


def _tell(window: QMainWindow, text: str) -> None:
    tell(window, QUESTION, translate("sync_bundle", "Merge a sync bundle"), text)
