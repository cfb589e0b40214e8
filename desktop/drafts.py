"""Drafts: what is being typed in an editor, written beside the store every few seconds, so that
a crash of the application (or of the laptop) never loses more than a moment of typing.

A draft is a small JSON file (owner-only) per open record; it is removed when the record is saved
or the edit is discarded, and offered back at the next start when it is still there. Drafts of
the store in PartnerDesk's data folder are in ``drafts/<store>/`` there; a store kept elsewhere
keeps them in a folder named after it (``trial.drafts/`` beside ``trial.sqlite``). Every folder
of drafts is readable by the officer only.
"""

from __future__ import annotations

import contextlib
import json
import os
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import clock
from db.store.files import write_text_atomically
from db.store.places import drafts_folder, in_data_folder

_open_editors: weakref.WeakSet = weakref.WeakSet()


@dataclass(frozen=True)
class Draft:
    kind: str
    record_id: str
    is_new: bool
    raw: dict[str, Any]
    saved_at: str
    path: Path


class Drafts:
    def __init__(self, store_path: Path):
        store_path = Path(store_path)
        self.folder = drafts_folder(store_path)
        # Where earlier versions kept every store's drafts: still read, so none is lost.
        self._earlier = store_path.parent / "drafts" / store_path.stem
        self._private = [self.folder]  # made readable by the officer only, parents first
        if in_data_folder(store_path):
            self._private.insert(0, self.folder.parent)

    def _path(self, kind: str, record_id: str) -> Path:
        return self.folder / f"{kind}__{record_id}.json"

    def keep(self, kind: str, record_id: str, raw: dict[str, Any], *, is_new: bool) -> None:
        for folder in self._private:  # parents too: drafts/ was made 0755 once
            folder.mkdir(exist_ok=True, mode=0o700)
            os.chmod(folder, 0o700)
        payload = {
            "kind": kind,
            "record_id": record_id,
            "is_new": is_new,
            "saved_at": clock.now().isoformat(timespec="seconds"),
            "raw": raw,
        }
        path = self._path(kind, record_id)
        write_text_atomically(path, json.dumps(payload, ensure_ascii=False, indent=1))
        os.chmod(path, 0o600)

    def discard(self, kind: str, record_id: str) -> None:
        for folder in self._folders():
            (folder / self._path(kind, record_id).name).unlink(missing_ok=True)

    def _folders(self) -> list[Path]:
        return list(dict.fromkeys([self.folder, self._earlier]))

    def pending(self) -> list[Draft]:
        found = []
        paths = [p for f in self._folders() if f.is_dir() for p in sorted(f.glob("*.json"))]
        for path in paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                found.append(
                    Draft(
                        data["kind"],
                        data["record_id"],
                        bool(data["is_new"]),
                        data["raw"],
                        data["saved_at"],
                        path,
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged draft is skipped, never a reason not to start
        return found


def register(editor) -> None:
    _open_editors.add(editor)


def keep_all_open_editors() -> None:
    """Called by the error handler: whatever happens next, what is typed is on disk."""
    for editor in list(_open_editors):
        with contextlib.suppress(Exception):  # saving a draft must never hide the original error
            editor.keep_draft()
