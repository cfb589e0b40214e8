"""Files from outside: the one guard that every file an officer opens passes through.

Exchange files, spreadsheets and backups come from partners and colleagues, and soon sync bundles
and signed instruments to read: any of them may be damaged or hostile (docs/security.md). Before
a reader sees a byte of one:

- the path must name a regular file (a link to one is followed). A named pipe would make the
  reader wait forever, a device such as /dev/zero never ends, a folder is not a file. The path
  is looked at before it is opened (opening some devices does something), and the open file
  itself again, so that nothing can be swapped in between;
- the file may be no larger than its kind allows, and its bytes are counted as they are read (a
  file that grows meanwhile is refused at the limit);
- a zip container (a workbook; a .docx instrument or a sync bundle next) may list only so many
  parts, and each part may unpack to only so many bytes: checked from the zip's directory
  before anything is unpacked, and counted while unpacking (a directory can lie). An XML part
  may not declare a document type: the Open Packaging Conventions forbid it, no spreadsheet
  program writes one, and it is where the entities of an XML bomb are declared;
- an OSError (no such file, no permission, a folder where a file is expected…) or a
  MemoryError becomes a FileRefused that names the file and the cause.

What only a format's reader can see — records, rows, columns, cells, the length of a cell — it
counts against the limits declared here, and raises ``limit(key).refusal(file, place)`` at the
first one reached: "partners.csv, row 100,001: a sheet may hold at most 100,000 rows."
docs/security.md lists every limit; a test keeps its table equal to ``LIMITS``.

A store's own files are never opened here: SQLite alone opens them (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from db.errors import FileRefused
from db.i18n import translate
from db.store.connections import refuse_live_store_file

MB = 1024 * 1024
GB = 1024 * MB


@dataclass(frozen=True)
class Limit:
    """One documented limit on files from outside."""

    key: str
    value: int
    unit: str  # bytes, records, changes, rows, columns, cells, characters, parts, texts, styles
    applies_to: str  # what it bounds, in the words of docs/security.md

    def sentence(self) -> str:
        """“a sheet may hold at most 100,000 rows”, in the officer's language."""
        return _sentences()[self.key].format(limit=written(self.value, self.unit))

    def refusal(self, source: str, place: str = "") -> FileRefused:
        """The refusal of ``source`` (a file's name) at ``place`` (“row 100,001”)."""
        where = (
            translate("rules", "{file}, {place}").format(file=source, place=place)
            if place
            else source
        )
        message = translate("rules", "{where}: {limit}.")
        return FileRefused(message.format(where=where, limit=self.sentence()), limit=self.key)

    def too_large(self, source: str, size: int) -> FileRefused:
        """The refusal of a file (or a part of one) of ``size`` bytes."""
        shown = written(size, "bytes")
        if shown == written(self.value, "bytes"):  # just past the limit: say how far
            shown = translate("rules", "{count} bytes").format(count=f"{size:,}")
        message = translate("rules", "{file} ({size}): {limit}.")
        return FileRefused(
            message.format(file=source, size=shown, limit=self.sentence()), limit=self.key
        )


LIMITS: tuple[Limit, ...] = (
    Limit("exchange_bytes", 1 * GB, "bytes", "an exchange file (.json)"),
    Limit("exchange_records", 1_000_000, "records", "an exchange file (.json)"),
    Limit("spreadsheet_bytes", 64 * MB, "bytes", "a spreadsheet (.csv, .xlsx)"),
    Limit("rows", 100_000, "rows", "a sheet of a spreadsheet, as the program numbers them"),
    Limit("columns", 256, "columns", "a sheet of a spreadsheet (A to IV)"),
    Limit("cells", 3_000_000, "cells", "a sheet of a spreadsheet: the cells holding a value"),
    Limit("cell_characters", 100_000, "characters", "a cell of a spreadsheet"),
    Limit("zip_parts", 1_000, "parts", "a workbook (.xlsx): the parts its zip directory lists"),
    Limit("zip_part_bytes", 128 * MB, "bytes", "a workbook (.xlsx): each part, unpacked"),
    Limit("texts", 3_000_000, "texts", "a workbook (.xlsx): its table of shared texts"),
    Limit("styles", 64_000, "styles", "a workbook (.xlsx): its cell styles (Excel's own limit)"),
    Limit("attachment_bytes", 256 * MB, "bytes", "a file attached to a record"),
    Limit("bundle_bytes", 2 * GB, "bytes", "a sync bundle (.pdsync)"),
    Limit("bundle_parts", 100_001, "parts", "a sync bundle: its JSON and its attached files"),
    Limit("bundle_json_bytes", 1 * GB, "bytes", "a sync bundle: its JSON part, unpacked"),
    Limit("bundle_changes", 5_000_000, "changes", "a sync bundle: the changes it carries"),
    Limit("bundle_records", 1_000_000, "records", "a sync bundle: the records it carries"),
)
BY_KEY = {limit.key: limit for limit in LIMITS}


def limit(key: str) -> Limit:
    return BY_KEY[key]


def _sentences() -> dict[str, str]:
    # Written out one by one so that each language can say each limit its own way.
    return {
        "exchange_bytes": translate("rules", "an exchange file may be at most {limit}"),
        "exchange_records": translate("rules", "an exchange file may hold at most {limit} records"),
        "spreadsheet_bytes": translate("rules", "a spreadsheet may be at most {limit}"),
        "rows": translate("rules", "a sheet may hold at most {limit} rows"),
        "columns": translate("rules", "a sheet may have at most {limit} columns"),
        "cells": translate("rules", "a sheet may hold at most {limit} filled cells"),
        "cell_characters": translate("rules", "a cell may hold at most {limit} characters"),
        "zip_parts": translate("rules", "a workbook may hold at most {limit} parts"),
        "zip_part_bytes": translate(
            "rules", "each part of a workbook may unpack to at most {limit}"
        ),
        "texts": translate("rules", "a workbook may hold at most {limit} different texts"),
        "styles": translate("rules", "a workbook may declare at most {limit} cell styles"),
        "attachment_bytes": translate("rules", "an attached file may be at most {limit}"),
        "bundle_bytes": translate("rules", "a sync bundle may be at most {limit}"),
        "bundle_parts": translate("rules", "a sync bundle may hold at most {limit} parts"),
        "bundle_json_bytes": translate(
            "rules", "the JSON part of a sync bundle may unpack to at most {limit}"
        ),
        "bundle_changes": translate("rules", "a sync bundle may carry at most {limit} changes"),
        "bundle_records": translate("rules", "a sync bundle may carry at most {limit} records"),
    }


def written(value: int, unit: str) -> str:
    """100,000 — or, for bytes, “64 MB”, “1 GB”, “512 bytes”."""
    if unit != "bytes":
        return f"{value:,}"
    if value >= GB and value % GB == 0:
        return translate("rules", "{count} GB").format(count=f"{value // GB:,}")
    if value >= MB:
        shown = value / MB
        count = f"{shown:,.0f}" if shown >= 10 or shown == int(shown) else f"{shown:,.1f}"
        return translate("rules", "{count} MB").format(count=count)
    return translate("rules", "{count} bytes").format(count=f"{value:,}")


# -- regular files --------------------------------------------------------------------------------
def regular_file(path: str | os.PathLike[str], what: str) -> Path:
    """``path`` when it names a regular file (a link to one is followed); else FileRefused (a
    StorageError) saying what it names instead. ``what`` is how the message names the file
    expected, in the officer's language: “a backup”, “an exchange file”, “a spreadsheet”."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    _must_be_regular(path, mode, what)
    return path


def existing_regular_file(path: str | os.PathLike[str], what: str) -> bool:
    """Whether a regular file is at ``path`` (a link to one is followed): False when nothing is
    there yet, FileRefused when something else is — a device, a pipe, a folder, or a link to
    nothing. Stores and backups are looked at this way before anything beside them is created,
    renamed or replaced (a store named /dev/null must never be renamed aside)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # nothing there: creating it says why not
        if os.path.islink(path):
            raise FileRefused(
                translate("rules", "{path} is a link to nothing, not {what}.").format(
                    path=path, what=what
                )
            ) from None
        return False
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    _must_be_regular(path, mode, what)
    return True


def _must_be_regular(path: Path, mode: int, what: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        message = translate("rules", "{path} is a folder, not {what}: choose a file in it.")
    elif stat.S_ISFIFO(mode):
        message = translate(
            "rules",
            "{path} is a named pipe, not {what}: PartnerDesk reads only files saved on a disk "
            "(a pipe could keep it waiting forever).",
        )
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        message = translate(
            "rules",
            "{path} is a device, not {what}: PartnerDesk reads only files saved on a disk.",
        )
    else:
        message = translate(
            "rules",
            "{path} is not a regular file but a socket or another special file, not {what}.",
        )
    raise FileRefused(message.format(path=path, what=what))


@contextmanager
def open_outside(path: str | os.PathLike[str], what: str, bytes_limit: Limit) -> Iterator[BinaryIO]:
    """The bytes of a regular file of at most ``bytes_limit``, for reading once from the start.
    Reading past the limit (a file that grew) raises FileRefused; so does any OSError. A file of
    the store open in this process is refused before it is opened: closing it would release
    SQLite's locks on the store (docs/reliability.md, Locks)."""
    refuse_live_store_file(path)
    path = regular_file(path, what)
    flags = os.O_RDONLY
    for name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
        flags |= getattr(os, name, 0)  # a pipe swapped in since the look above will not block
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    try:
        status = os.fstat(fd)
        _must_be_regular(path, status.st_mode, what)
        if status.st_size > bytes_limit.value:
            raise bytes_limit.too_large(path.name, status.st_size)
        raw = _Counted(io.FileIO(fd, "rb", closefd=True), path.name, bytes_limit)
    except BaseException:
        os.close(fd)
        raise
    with io.BufferedReader(raw, buffer_size=1 * MB) as stream:
        try:
            yield stream
        except OSError as exc:
            raise cannot_read(path, exc) from exc


def read_outside(path: str | os.PathLike[str], what: str, bytes_limit: Limit) -> bytes:
    """The whole content of a regular file of at most ``bytes_limit``."""
    with refusing_failures(path), open_outside(path, what, bytes_limit) as stream:
        return stream.read()


class _Counted(io.RawIOBase):
    """A file's bytes, counted as they are read: past the limit, the file is refused."""

    def __init__(self, raw: io.FileIO, source: str, bytes_limit: Limit):
        super().__init__()
        self._raw, self._source, self._limit, self.count = raw, source, bytes_limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        n = self._raw.readinto(buffer)
        if n:
            self.count += n
            if self.count > self._limit.value:
                raise self._limit.too_large(self._source, self.count)
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


# -- what went wrong, in words ----------------------------------------------------------------------
def reason_of(exc: OSError) -> str:
    """The cause of an OSError in plain words (its system message when there are none)."""
    words = {
        errno.ENOENT: translate("rules", "there is no such file or folder"),
        errno.EACCES: translate("rules", "permission denied (you are not allowed to do this)"),
        errno.EPERM: translate("rules", "permission denied (you are not allowed to do this)"),
        errno.EISDIR: translate("rules", "it is a folder, not a file"),
        errno.ENOTDIR: translate("rules", "a part of its path is not a folder"),
        errno.ELOOP: translate("rules", "it is a link that leads round in a circle"),
        errno.ENAMETOOLONG: translate("rules", "its name is too long"),
        errno.EIO: translate(
            "rules",
            "the disk could not be read or written (it, or the connection to it, may be failing)",
        ),
        errno.ENXIO: translate("rules", "the device it names is not there"),
        errno.EROFS: translate("rules", "the disk or folder is read-only"),
        errno.ENOSPC: translate("rules", "the disk is full"),
        getattr(errno, "EDQUOT", -1): translate("rules", "your disk quota is used up"),
        errno.EBUSY: translate("rules", "it is in use by another program"),
        errno.EEXIST: translate("rules", "a file of that name is in the way"),
        getattr(errno, "ETXTBSY", -1): translate("rules", "it is in use by another program"),
    }
    if exc.errno in words:
        return words[exc.errno]
    return exc.strerror or str(exc) or type(exc).__name__


def cannot_read(path: str | os.PathLike[str], exc: OSError) -> FileRefused:
    return FileRefused(
        translate("rules", "Cannot read {path}: {reason}.").format(path=path, reason=reason_of(exc))
    )


def out_of_memory(path: str | os.PathLike[str]) -> FileRefused:
    return FileRefused(
        translate(
            "rules",
            "There is not enough memory to read {path}: close other programs, or split the file, "
            "and try again.",
        ).format(path=path)
    )


@contextmanager
def refusing_failures(path: str | os.PathLike[str]) -> Iterator[None]:
    """Inside: an OSError or a MemoryError while reading ``path`` becomes a FileRefused naming
    it (what the guard and the format's reader refuse themselves passes unchanged)."""
    try:
        yield
    except MemoryError:
        raise out_of_memory(path) from None
    except FileRefused:
        raise
    except OSError as exc:
        raise cannot_read(path, exc) from exc


# -- zip containers ----------------------------------------------------------------------------------
_END_OF_DIRECTORY = b"PK\x05\x06"
_DOCUMENT_TYPE = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_XML_PARTS = (".xml", ".rels", ".vml")


def parts_declared(data: bytes) -> int | None:
    """How many parts a zip's end-of-directory record announces, read as zipfile finds that
    record, before zipfile reads the directory (whose entries it keeps in memory); None when
    there is no such record (zipfile will then refuse the file itself)."""
    if len(data) >= 22 and data[-22:-18] == _END_OF_DIRECTORY and data[-2:] == b"\x00\x00":
        at = len(data) - 22
    else:
        at = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 65_535 - 22))
        if at < 0 or len(data) < at + 22:
            return None
    return int.from_bytes(data[at + 10 : at + 12], "little")


class GuardedZip(zipfile.ZipFile):
    """A zip container from outside, in memory: its directory checked before anything is
    unpacked (how many parts, how large each says it is), each part counted while it unpacks,
    and XML parts refused when they declare a document type."""

    def __init__(
        self,
        data: bytes,
        source: str,
        *,
        parts: Limit | None = None,
        part_bytes: Limit | None = None,
    ):
        # A workbook's limits unless the container's format has its own (a sync bundle).
        self._part_bytes = part_bytes
        parts = parts or limit("zip_parts")
        part_bytes = part_bytes or limit("zip_part_bytes")
        declared = parts_declared(data)
        if declared is not None and declared > parts.value:
            raise parts.refusal(source)
        super().__init__(io.BytesIO(data))
        self.source = source
        if len(self.infolist()) > parts.value:
            raise parts.refusal(source)
        for info in self.infolist():
            if info.file_size > part_bytes.value:
                raise part_bytes.refusal(source, _part_place(info.filename))

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):  # type: ignore[override]
        stream = super().open(name, mode, pwd, force_zip64=force_zip64)
        if mode != "r":
            return stream
        part = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        part_bytes = self._part_bytes or limit("zip_part_bytes")
        unpacking = _Unpacking(stream, self.source, part, part_bytes)
        return io.BufferedReader(unpacking, buffer_size=64 * 1024)


def _part_place(name: str) -> str:
    return translate("rules", "part {name}").format(name=name[:200])


class _Unpacking(io.RawIOBase):
    """One part of a zip as it unpacks: counted against the limit, and an XML part watched for
    a document type declaration."""

    def __init__(self, stream, source: str, name: str, part_bytes: Limit):
        super().__init__()
        self._stream, self._source, self._name = stream, source, name
        self._limit = part_bytes
        self._xml = name.lower().endswith(_XML_PARTS)
        self._tail = b""
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self.count > self._limit.value:
            raise self._limit.refusal(self._source, _part_place(self._name))
        if self._xml and n:
            window = self._tail + data
            if any(mark in window for mark in _DOCUMENT_TYPE):
                raise FileRefused(
                    translate(
                        "rules",
                        "{file}, {part}: it declares an XML document type, which no spreadsheet "
                        "program writes (it is how XML bombs are made).",
                    ).format(file=self._source, part=_part_place(self._name)),
                )
            self._tail = window[-20:]
        return n

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            super().close()
