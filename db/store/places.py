"""Where a store's companions live: its backups and its drafts.

The store in PartnerDesk's own data folder (the default store) keeps them in ``backups/`` and
``drafts/`` there, which are PartnerDesk's. A store anywhere else (``--db ~/trial.sqlite``) keeps
them in folders named after it, ``trial.backups/`` and ``trial.drafts/``, so that nothing loose
appears among the officer's own files. Earlier versions put every store's backups in ``backups/``
beside it: they are still looked for there.
"""

from __future__ import annotations

from pathlib import Path


def in_data_folder(store_path: Path) -> bool:
    """Whether the store is in PartnerDesk's own data folder (where the default store is)."""
    from platformdirs import user_data_path

    data = user_data_path("PartnerDesk", appauthor=False)
    return Path(store_path).expanduser().resolve().parent == data.expanduser().resolve()


def backup_folder(store_path: Path) -> Path:
    """Where the store's backups are written."""
    store_path = Path(store_path)
    if in_data_folder(store_path):
        return store_path.parent / "backups"
    return store_path.with_name(f"{store_path.stem}.backups")


def backup_folders(store_path: Path) -> list[Path]:
    """Where the store's backups are found: its backup folder, then ``backups/`` beside it."""
    return list(dict.fromkeys([backup_folder(store_path), Path(store_path).parent / "backups"]))


def drafts_folder(store_path: Path) -> Path:
    """Where the drafts of the store's open editors are written."""
    store_path = Path(store_path)
    if in_data_folder(store_path):
        return store_path.parent / "drafts" / store_path.stem
    return store_path.with_name(f"{store_path.stem}.drafts")
