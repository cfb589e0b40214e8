"""Writing files so that a crash never leaves half of one: written beside the target, flushed to
the disk, then renamed over it; and flushing a file or a folder's entries after a rename."""

from __future__ import annotations

import contextlib
import os
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
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):  # a failed cleanup never hides why it failed
                os.unlink(tmp)
        raise StorageError(
            translate("rules", "Cannot write {path}: {reason}.").format(
                path=path, reason=reason_of(exc)
            )
        ) from exc


def fsync(path: Path) -> None:
    """Flush a file, or a folder's entries after a rename, to the disk."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # some systems cannot open a folder; the file itself was flushed
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
