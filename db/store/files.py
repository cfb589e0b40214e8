"""Writing files so that a crash never leaves half of one: written beside the target, flushed to
the disk, then renamed over it; and flushing a file or a folder's entries after a rename.

Each system flushes its own way, and each branch below is tested on Linux with the platform's
rule imitated (tests/platforms.py); docs/distributable.md says what only runs there:

- Windows flushes a file through a handle that may write (``FlushFileBuffers``): a file opened
  read-only cannot be flushed, so files are opened for writing to be flushed. A folder cannot be
  opened there, nor does it need a flush (NTFS journals a rename itself): that flush is skipped.
- macOS's ``fsync`` leaves the bytes in the disk's own cache; ``F_FULLFSYNC`` asks the disk to
  write them, as SQLite's ``fullfsync`` does.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from db.errors import StorageError
from db.i18n import translate
from db.store.connections import refuse_live_store_file
from db.store.outside import reason_of


def write_text_atomically(path: Path, content: str) -> None:
    write_bytes_atomically(path, content.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Written beside the target, flushed, then renamed over it: never a half-written file.
    A file of the store in use is never written over."""
    path = Path(path).expanduser()
    refuse_live_store_file(path)
    try:
        replace_with_bytes(path, data)
    except OSError as exc:
        raise StorageError(
            translate("rules", "Cannot write {path}: {reason}.").format(
                path=path, reason=reason_of(exc)
            )
        ) from exc


def replace_with_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it, rename it over ``path`` and
    flush the folder's entries; raises the OSError (and leaves no temporary file) when it fails."""
    path = Path(path)
    folder = path.parent
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            _flush(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):  # a failed cleanup never hides why it failed
                os.unlink(tmp)
    flush_folder(folder)


def flush_file(path: Path) -> None:
    """Flush a file's bytes to the disk. It is opened for writing: Windows flushes only through
    a handle that may write."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        _flush(fd)
    finally:
        os.close(fd)


def flush_folder(path: Path) -> None:
    """Flush a folder's entries to the disk after a file in it was created or renamed. Windows has
    no such flush (and cannot open a folder as a file): there it is skipped."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a system that cannot open a folder; the file itself was flushed
    try:
        _flush(fd)
    finally:
        os.close(fd)


def _flush(fd: int) -> None:
    if sys.platform == "darwin":
        import fcntl

        full = getattr(fcntl, "F_FULLFSYNC", None)
        if full is not None:
            try:
                fcntl.fcntl(fd, full)
                return
            except OSError:
                pass  # a disk or file system that cannot: fsync is the best there is
    os.fsync(fd)
