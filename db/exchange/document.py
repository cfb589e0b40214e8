"""The JSON exchange document (format "partnerdesk", version 1): export and all-or-nothing import.

Import checks the whole file first — its shape, every field of every record, and every rule with
the store as it would be after the import — and writes only when nothing is wrong, in one unit
of work. A record whose id exists is updated; the same file imported twice changes nothing.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from db.clock import utc_now
from db.errors import Problem, ValidationError
from db.i18n import translate
from db.records import batch, file_merge, merge, shape
from db.schema.fields import _short
from db.schema.kinds import BY_KEY, KINDS, RecordKind
from db.store.engine import Store
from db.store.files import write_text_atomically
from db.store.outside import limit, read_outside, refusing_failures

FORMAT = "partnerdesk"
# How desktops know an exchange file (packaging/linux, packaging/windows, build.spec): its media
# type, and the name ending that tells it from other JSON without reading it.
MEDIA_TYPE = "application/x-partnerdesk-exchange+json"
NAME_ENDING = ".partnerdesk.json"
VERSION = 1
HEADER_KEYS = ("format", "version", "exported_at")


ImportSummary = batch.Outcome  # what an import did: added, updated, unchanged per list


# -- export -------------------------------------------------------------------------------------------
def export_document(store: Store, *, exported_at: str | None = None) -> dict[str, Any]:
    """The whole store, archived records included (marked ``"archived": true``)."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at or utc_now().isoformat() + "Z",
    }
    with store.reading() as session:
        for kind in KINDS:
            found = shape.read_many(session, kind)
            found.sort(key=lambda v, k=kind: (k.describe(v).casefold(), v["id"]))
            doc[kind.key] = [shape.dump(kind, values) for values in found]
    return doc


def to_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_file(doc: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Written to a temporary file, flushed to disk, then renamed: never a half-written file."""
    write_text_atomically(Path(path), to_json(doc))


# -- import -------------------------------------------------------------------------------------------
def read_file(path: str | os.PathLike[str]) -> Any:
    """The parsed JSON of a file, read through the guard of files from outside (a regular file
    of at most 1 GB, at most 1,000,000 records: docs/security.md); a file that is not JSON is
    refused with where it goes wrong."""
    path = Path(path)
    data = read_outside(path, translate("rules", "an exchange file"), limit("exchange_bytes"))
    with refusing_failures(path):
        doc = _parsed(data, path)
        del data
        _check_records(doc, path)
    return doc


def _check_records(doc: Any, path: Path) -> None:
    if not isinstance(doc, dict):
        return
    records = limit("exchange_records")
    count = sum(len(doc[key]) for key in BY_KEY if isinstance(doc.get(key), list))
    if count > records.value:
        raise records.refusal(
            path.name, translate("rules", "{count} records").format(count=f"{count:,}")
        )


def _parsed(data: bytes, path: Path) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        problem = translate("rules", "{file} cannot be imported: it is not UTF-8 text.")
        where = {}
    except (ValueError, RecursionError) as exc:  # valid JSON that Python refuses to read
        if not isinstance(exc, json.JSONDecodeError):
            exc = _beyond_limits(data.decode("utf-8-sig"), exc)
        where = {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
        if not data.strip():
            problem = translate("rules", "{file} cannot be imported: it is empty.")
        elif (
            exc.pos >= len(data.rstrip()) - 1
            or "Expecting" in exc.msg
            and exc.pos >= len(data.rstrip())
        ):
            problem = translate(
                "rules",
                "{file} cannot be imported: it ends too early (line {line}); it may be truncated.",
            )
        else:
            problem = translate(
                "rules",
                "{file} cannot be imported: it is not valid JSON: {error} at line {line}, column {column}.",
            )
    raise ValidationError([Problem("file", problem.format(file=path.name, **where))])


def _beyond_limits(text: str, exc: Exception) -> json.JSONDecodeError:
    """Where a file goes beyond what json.loads reads: a number of more than 4,300 digits
    (ValueError) or arrays and objects nested deeper than Python's stack (RecursionError)."""
    if isinstance(exc, RecursionError):
        blanked = re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: " " * len(m[0]), text)  # strings
        depth = 0
        for pos, char in enumerate(blanked):
            depth += (char in "[{") - (char in "]}")
            if depth > 100:
                return json.JSONDecodeError("Nested too deeply", text, pos)
        return json.JSONDecodeError("Nested too deeply", text, 0)
    found = re.search(r"\d{4301,}", text)
    return json.JSONDecodeError("Number too long", text, found.start() if found else 0)


def import_file(store: Store, path: str | os.PathLike[str]) -> ImportSummary:
    """Import an exchange file. The document read is let go of record by record as each is
    parsed, so that the file's records and their clean values are not held twice."""
    doc = read_file(path)
    return import_document(store, doc, consume=True, source=Path(path).name)


def import_document(
    store: Store, doc: Any, *, consume: bool = False, source: str = ""
) -> ImportSummary:
    """``consume``: empty the document's lists as their records are parsed (its caller holds
    the only reference to it). ``source`` names the file on its side of a conflict."""
    problems = _check_header(doc)
    if problems:
        raise ValidationError(problems)
    exported_at = _exported_at(doc)
    body = {key: doc[key] for key in BY_KEY if key in doc}
    return import_records(
        store,
        body,
        who=store.officer,
        consume=consume,
        exported_at=exported_at,
        source=source or translate("rules", "an exchange file"),
    )


def _exported_at(doc: dict[str, Any]) -> datetime | None:
    """The file's time, when it says one that reads (a bad one is not the records' problem)."""
    found: list[str] = []
    when = shape.UPDATED_AT.parse(
        doc.get("exported_at"), "exported_at", lambda *_: found.append("")
    )
    return None if found else when


@dataclass
class FilePreview:
    """What an exchange file holds and what importing it would do, before anything is written."""

    exported_at: str | None
    outcome: ImportSummary  # per list: records new to the store, changed, already held as they are

    def held(self) -> dict[str, int]:
        """Records in the file per list ("organizations": 3), in the format's order."""
        every = self.outcome.created + self.outcome.updated + self.outcome.unchanged
        return {kind.key: every[kind.key] for kind in KINDS if every[kind.key]}


def preview_file(store: Store, path: str | os.PathLike[str]) -> FilePreview:
    """Read an exchange file through the guard and check it against the store as import does,
    writing nothing; raises what ``import_file`` would raise for a file it refuses."""
    doc = read_file(path)
    problems = _check_header(doc)
    if problems:
        raise ValidationError(problems)
    exported_at = doc.get("exported_at")
    body = {key: doc[key] for key in BY_KEY if key in doc}
    proposed, problems = batch.parse(_records(body, consume=True), id_required=True)
    outcome = batch.foresee(store, proposed, problems=problems)
    return FilePreview(exported_at if isinstance(exported_at, str) else None, outcome)


def _check_header(doc: Any) -> list[Problem]:
    def problem(field: str, message: str) -> Problem:
        return Problem(field, message, "document")

    if not isinstance(doc, dict):
        return [
            problem(
                "file",
                translate(
                    "rules",
                    "The file is not a PartnerDesk exchange document (it must be a JSON object).",
                ),
            )
        ]
    found: list[Problem] = []
    if doc.get("format") != FORMAT:
        found.append(
            problem(
                "format",
                translate(
                    "rules",
                    "The file is not a PartnerDesk exchange document "
                    "(format is “{found}”, expected “{expected}”).",
                ).format(found=_short(doc.get("format")), expected=FORMAT),
            )
        )
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        found.append(
            problem(
                "version",
                translate(
                    "rules",
                    "The file was written by a newer PartnerDesk (format version {version}); "
                    "this version reads version {supported}. Update PartnerDesk.",
                ).format(version=_short(version), supported=VERSION),  # an int may have no str()
            )
        )
    elif version != VERSION or isinstance(version, bool):  # true == 1 in Python, not in JSON
        found.append(
            problem(
                "version",
                translate(
                    "rules",
                    "Format version “{version}” is not supported; this version reads version {supported}.",
                ).format(version=_short(version), supported=VERSION),
            )
        )
    for key in sorted(set(doc) - set(BY_KEY) - set(HEADER_KEYS)):
        found.append(
            problem(
                key,
                translate("rules", "“{key}” is not a part of the exchange format.").format(
                    key=_short(key)
                ),
            )
        )
    for key in BY_KEY:
        if key in doc and not isinstance(doc[key], list):
            found.append(
                problem(
                    key, translate("rules", "“{key}” must be a list of records.").format(key=key)
                )
            )
    return found


def import_records(
    store: Store,
    body: dict[str, list[Any]],
    *,
    who: str,
    consume: bool = False,
    exported_at: datetime | None = None,
    source: str = "",
) -> ImportSummary:
    """Check every record of ``body`` (lists keyed like the document), then write all or nothing.
    A field the store changed after the file's version is not overwritten: kept, or a conflict
    when the file changed it too (db/records/file_merge.py)."""
    proposed, problems = batch.parse(_records(body, consume), id_required=True)
    with store.unit_of_work() as session:
        checked, found = batch.check(session, proposed)
        if problems or found:
            raise ValidationError([*problems, *found])
        held = file_merge.hold_newer_edits(session, checked, exported_at=exported_at, source=source)
        if held.kept:
            checked = _checked_again(session, checked, held, source)
        outcome = batch.write(session, checked, who=who)
        merge.keep_conflicts(session, held.conflicts)
        outcome.conflicts = sorted(held.conflicts)
        outcome.names = {
            (item.kind.name, item.values["id"]): item.kind.describe(item.values)
            for item in checked.proposed
            if (item.kind.name, item.values["id"]) in held.kept
        }
        return outcome


def _checked_again(
    session: Session, checked: batch.Checked, held: file_merge.HeldBack, source: str
) -> batch.Checked:
    """The rules on the records as merged; one that breaks a rule keeps the store's version
    whole, with a conflict on each field the file changed (as ``merge`` does)."""
    again, problems = batch.check(session, checked.proposed)
    broken = {problem.record for problem in problems}
    olds = {item.place: old for item, old in zip(checked.proposed, checked.olds, strict=True)}
    if not broken:
        return again
    for item in checked.proposed:
        key = (item.kind.name, item.values["id"])
        if item.place in broken and key in held.kept and olds[item.place] is not None:
            file_merge.store_whole(item, olds[item.place], held, source)
    again, problems = batch.check(session, checked.proposed)
    if problems:
        raise ValidationError(problems)
    return again


def _records(body: dict[str, list[Any]], consume: bool) -> Iterator[tuple[RecordKind, Any, str]]:
    for kind in KINDS:
        items = body.get(kind.key) or []
        if not consume:
            for i, raw in enumerate(items):
                yield kind, raw, _record_label(kind, i, raw)
            continue
        items.reverse()  # taken from the end, each record is let go of once parsed
        i = 0
        while items:
            raw = items.pop()
            yield kind, raw, _record_label(kind, i, raw)
            i += 1


def _record_label(kind: RecordKind, index: int, raw: Any) -> str:
    name = ""
    if isinstance(raw, dict):
        for key in ("name", "title", "reference", "text", "code"):
            if isinstance(raw.get(key), str) and raw[key].strip():
                name = f" “{_short(raw[key], 40)}”"
                break
    return f"{kind.key}[{index}]{name}"
