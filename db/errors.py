"""The three kinds of failure, kept apart so that each is shown the right way.

- ValidationError: the officer's data breaks a rule; every problem names its record and field.
- StorageError: the environment (missing file, full disk, damaged or too new store); plain words.
- anything else is a bug and is logged with its traceback by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.i18n import translate


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (record, field) and a sentence an officer understands."""

    field: str
    message: str
    record: str = ""  # e.g. "agreements[2] (WCO/IOM/MOU/2018)"; empty when editing one record

    def __str__(self) -> str:
        where = f"{self.record} — {self.field}" if self.record else self.field
        return translate("rules", "{where}: {message}").format(where=where, message=self.message)


class ValidationError(Exception):
    """Raised before anything is written; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        template = (
            translate("rules", "Nothing was saved (1 problem): {problems}")
            if count == 1
            else translate("rules", "Nothing was saved ({count} problems): {problems}")
        )
        separator = translate("rules", "; ")
        return template.format(count=count, problems=separator.join(str(p) for p in self.problems))

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


class StorageError(Exception):
    """The store cannot be used as asked, for a reason outside the officer's data."""


class DamagedStoreError(StorageError):
    """The file is not a sound SQLite database: noise, truncated, or damaged inside. It is never
    written to; the officer restores a backup (the damaged file is then set aside)."""

    def __init__(self, path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(
            translate(
                "storage",
                "The store at {path} cannot be opened: {reason}. "
                "It was left as it is; restore a backup to go on.",
            ).format(path=path, reason=reason)
        )


class ReadOnlyStoreError(StorageError):
    """The file or its folder cannot be written (permissions, a read-only disk or share)."""

    def __init__(self, path):
        self.path = path
        super().__init__(
            translate(
                "storage",
                "The store at {path} cannot be changed: the file or its folder is read-only "
                "(permissions, or a read-only disk). It can be opened read-only; to work in it, "
                "copy it to a folder you can write to.",
            ).format(path=path)
        )


def damaged(problem: object) -> str:
    """Why a store or a backup cannot be used, as a clause: "it is damaged (…)"."""
    return translate("storage", "it is damaged ({problem})").format(problem=problem)


class StoreTooNewError(StorageError):
    """The store was written by a newer PartnerDesk whose schema this version does not know."""


class NotFoundError(StorageError):
    """A record asked for by id does not exist."""


class FileRefused(StorageError):
    """A file from outside was refused whole, before anything was written: it is not a regular
    file, it goes beyond one of the documented limits (``limit`` names which, see
    db/store/outside.py), or it could not be read (the reason is in the message)."""

    def __init__(self, message: str, *, limit: str | None = None):
        self.limit = limit
        super().__init__(message)
