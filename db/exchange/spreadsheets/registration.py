"""An organizer's registration sheet read into one joint activity's participant list.

Organizers keep who registered in a spreadsheet of their own: one person a row, with a name (or
a first and a last name), an organization, a country, a sex, a role, whether they came, an
email. The columns are mapped as for any import (db.exchange.spreadsheets.mapping, remembered
under "registration"); each row is read the way officers write it:

- the organization is a partner's name or acronym, which becomes that partner, or else text kept
  exactly as typed (never replaced by a partner it merely resembles);
- the country is an ISO code (KE, KEN) or a name in English or French (db/schema/countries.py);
- the sex is a word of either language: F/M, woman/man, female/male, femme/homme, H (homme), Mrs/
  Mr...; "other", "prefer not to say" and an empty cell are "not recorded";
- the role and "attended" accept English and French words (speaker, intervenant; present,
  absent, oui, non).

Unlike the import of records, which is all or nothing, a registration sheet is read row by row:
a row with a problem is left out and named (row, column, reason), the others are kept. A person
already on the list, or named twice in the sheet (same name, or same email), is named too and
not added a second time. Nothing is written here: the participants go into the activity's
editor, and come into the store when the officer saves the activity.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.exchange.spreadsheets.cells import (
    CellProblem,
    choice_of,
    country_of,
    folded,
    text_of,
)
from db.exchange.spreadsheets.columns import REGISTRATION, registration_columns
from db.exchange.spreadsheets.importing import PreviewRow
from db.exchange.spreadsheets.mapping import MappedTable, suggested_mapping
from db.exchange.spreadsheets.problems import (
    IsCancelled,
    Progress,
    RowProblem,
    report_progress,
    stop_if,
)
from db.exchange.spreadsheets.reading import Table
from db.exchange.spreadsheets.references import Names
from db.i18n import translate
from db.schema.enums import ParticipantRole
from db.store.engine import Store

# Words for a participant's sex, folded (no case, accents), without their punctuation.
_SEX_WORDS = {
    "woman": (
        "f", "w", "woman", "women", "female", "fem", "femme", "femmes", "feminin", "feminine",
        "mrs", "ms", "miss", "mme", "madame", "mlle", "mademoiselle", "girl", "fille",
    ),
    "man": (
        "m", "h", "man", "men", "male", "homme", "hommes", "masculin", "masculine", "mr",
        "monsieur", "boy", "garcon",
    ),
    "not_recorded": (
        "not recorded", "non enregistre", "unknown", "inconnu", "n a", "na", "other", "autre",
        "x", "prefer not to say", "ne souhaite pas repondre", "not specified", "non precise",
        "non specifie", "non binary", "non binaire",
    ),
}  # fmt: skip
_SEX = {word: sex for sex, words in _SEX_WORDS.items() for word in words}
_ROLE_WORDS = {
    "participant": (
        "attendee", "delegate", "trainee", "student", "participante", "delegue", "deleguee",
        "stagiaire", "apprenant", "apprenante",
    ),
    "speaker": (
        "presenter", "panelist", "panellist", "moderator", "keynote", "intervenant",
        "intervenante", "orateur", "oratrice", "conferencier", "conferenciere", "paneliste", "moderateur", "moderatrice",
    ),
    "expert": ("trainer", "facilitator", "resource person", "formateur", "formatrice",
               "facilitateur", "facilitatrice", "personne ressource"),
    "organizer": ("organiser", "staff", "secretariat", "organisateur", "organisatrice",
                  "organisation team", "organizing team"),
    "observer": ("observateur", "observatrice"),
}  # fmt: skip
_ROLE = {word: role for role, words in _ROLE_WORDS.items() for word in words}
_CAME = {"yes", "y", "true", "1", "x", "oui", "o", "vrai", "present", "presente", "attended",
         "came", "participated", "✓", "✔"}  # fmt: skip
_DID_NOT = {"no", "n", "false", "0", "non", "faux", "absent", "absente", "no show", "noshow",
            "excused", "excuse", "excusee", "cancelled", "annule"}  # fmt: skip
_PUNCTUATION = re.compile(r"[^\w✓✔]+")


def _word(cell: Any) -> str | None:
    text = text_of(cell)
    if text is None:
        return None
    return " ".join(_PUNCTUATION.sub(" ", folded(text)).split())


def sex_of(cell: Any) -> str:
    """``woman``, ``man`` or ``not_recorded`` (an empty cell), from the words organizers use."""
    word = _word(cell)
    if word is None or not word:
        return "not_recorded"
    found = _SEX.get(word) or _SEX.get(word.replace(" ", ""))
    if found is None:
        raise CellProblem(
            translate(
                "rules",
                "“{value}” is not a sex: write woman or man (F or M, female or male, femme or "
                "homme), or leave it empty when it is not recorded.",
            ).format(value=str(text_of(cell)).strip()[:60])
        )
    return found


def role_of(cell: Any) -> str:
    """A participant's role; an empty cell is ``participant``."""
    word = _word(cell)
    if not word:
        return "participant"
    if word in _ROLE:
        return _ROLE[word]
    found = choice_of(cell, ParticipantRole)
    if found not in {role.value for role in ParticipantRole}:
        raise CellProblem(
            translate(
                "rules",
                "“{value}” is not a role: write participant, speaker, expert, organizer or "
                "observer.",
            ).format(value=str(text_of(cell)).strip()[:60])
        )
    return found


def attended_of(cell: Any) -> bool | None:
    """Whether the person came: yes, no, present, absent (oui, non…); empty is not recorded."""
    if isinstance(cell, bool):
        return cell
    word = _word(cell)
    if not word:
        return None
    if word in _CAME:
        return True
    if word in _DID_NOT:
        return False
    raise CellProblem(
        translate(
            "rules", "“{value}” does not say whether the person came: write yes or no."
        ).format(value=str(text_of(cell)).strip()[:60])
    )


@dataclass
class Registration:
    """What a registration sheet brings: the participants to add to the list, in the sheet's
    order, and every row left out, with why."""

    participants: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def rows_left_out(self) -> int:
        return len({p.row for p in self.problems if p.row > 0})


@dataclass
class _Seen:
    """Who is on the list already, and who the sheet named so far (to name a person twice)."""

    names: dict[str, int | None] = field(default_factory=dict)  # folded name -> row, None: listed
    emails: dict[str, int | None] = field(default_factory=dict)


class RegistrationImport(MappedTable):
    """One registration sheet (a Table) about to go into one activity's participant list, whose
    current participants are ``listed``."""

    def __init__(
        self,
        store: Store,
        table: Table,
        mapping: Sequence[str | None] | None = None,
        listed: Iterable[dict[str, Any]] = (),
    ):
        self.store = store
        chosen = (
            list(mapping)
            if mapping is not None
            else suggested_mapping(store, REGISTRATION, table.header)
        )
        super().__init__(table, registration_columns(), chosen)
        self.listed = list(listed)

    def nothing_filled(self) -> str | None:
        if {"name", "first_name", "last_name"} & set(self.mapped):
            return None
        return translate(
            "rules",
            "No column of the file gives the participants' names: send a column into Name (or "
            "into First name and Last name).",
        )

    # -- reading --------------------------------------------------------------------------------
    def preview(self, count: int = 10) -> list[PreviewRow]:
        """The first rows as they will come in, each with its own problems (duplicates of the
        rest of the sheet are named by ``read``)."""
        organizations = self._organizations()
        shown = []
        for number, cells in self.table.rows[:count]:
            person, problems = self._person(number, cells, organizations)
            values = {} if person is None else _written(person)
            for _index, column in self.mapped_columns():
                if column.key in ("first_name", "last_name", "organization"):
                    values[column.key] = text_of(self._cell(cells, column.key)) or ""
            shown.append(PreviewRow(number, values, problems))
        return shown

    def check(
        self, progress: Progress | None = None, cancelled: IsCancelled | None = None
    ) -> list[RowProblem]:
        return self.read(progress, cancelled).problems

    def read(
        self, progress: Progress | None = None, cancelled: IsCancelled | None = None
    ) -> Registration:
        """Every row read: the participants to add, and the rows left out with why."""
        found = Registration(problems=self.mapping_problems())
        if found.problems:
            return found
        organizations = self._organizations()
        seen = _Seen()
        for person in self.listed:
            self._remember(seen, person, None)
        total = len(self.table.rows)
        for done, (number, cells) in enumerate(self.table.rows, start=1):
            stop_if(cancelled)
            person, problems = self._person(number, cells, organizations)
            if person is not None:
                problems = self._twice(seen, person, number)
            if problems:
                found.problems += problems
            else:
                self._remember(seen, person, number)
                found.participants.append(person)
            report_progress(progress, done, total)
        return found

    def _organizations(self) -> Names | None:
        if "organization" not in self.mapped:
            return None
        with self.store.reading() as session:
            return Names.load(session, "organization")

    def _cell(self, cells: list[Any], key: str) -> Any:
        index = self.mapped.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def _person(
        self, number: int, cells: list[Any], organizations: Names | None
    ) -> tuple[dict[str, Any] | None, list[RowProblem]]:
        """One row as a participant, or None with its problems (in the file's column order)."""
        problems: list[tuple[int, RowProblem]] = []
        person: dict[str, Any] = {"id": str(uuid.uuid4())}

        def refuse(key: str, message: str) -> None:
            problems.append(
                (self.mapped.get(key, -1), RowProblem(number, self.header_of(key), message))
            )

        def spec_value(key: str, value: Any, at: str = "") -> Any:
            """The value as its field reads it; the field's own words when it refuses it."""
            reported: list[str] = []
            clean = self._by_key[key].spec.parse(value, key, lambda _p, m: reported.append(m))
            for message in reported[:1]:
                refuse(at or key, message)
            return clean

        # The name: one column, or a first and a last name.
        name = text_of(self._cell(cells, "name"))
        if name is None or not name.strip():
            parts = [text_of(self._cell(cells, k)) for k in ("first_name", "last_name")]
            name = " ".join(p.strip() for p in parts if p and p.strip()) or None
        where = "name" if "name" in self.mapped or "first_name" not in self.mapped else "first_name"
        if name is None:
            refuse(where, translate("rules", "The participant has no name: a row needs one."))
        else:
            person["name"] = spec_value("name", " ".join(name.split()), where)
        # The organization: a partner when the sheet names one, else the text as typed.
        organization = text_of(self._cell(cells, "organization"))
        person["organization_id"] = person["organization_name"] = None
        if organization is not None and organization.strip():
            matches = organizations.candidates(organization) if organizations else []
            if len(matches) == 1:
                person["organization_id"] = matches[0]
            else:
                person["organization_name"] = spec_value("organization", organization.strip())
        country = country_of(self._cell(cells, "country"))
        person["country"] = spec_value("country", country) if country else None
        for key, reader in (("sex", sex_of), ("role", role_of), ("attended", attended_of)):
            try:
                person[key] = reader(self._cell(cells, key))
            except CellProblem as problem:
                refuse(key, problem.message)
        email = text_of(self._cell(cells, "email"))
        person["email"] = spec_value("email", email.strip()) if email and email.strip() else None
        if problems:
            return None, [p for _i, p in sorted(problems, key=lambda item: item[0])]
        return person, []

    def _twice(self, seen: _Seen, person: dict[str, Any], number: int) -> list[RowProblem]:
        """A person already on the list, or named on an earlier row: by name, or by email."""
        found = []
        for key, known, value in (
            ("name", seen.names, folded(person["name"])),
            ("email", seen.emails, (person.get("email") or "").casefold()),
        ):
            if not value or value not in known:
                continue
            other = known[value]
            if other is None:
                message = (
                    translate("rules", "“{value}” is already on the participant list.")
                    if key == "name"
                    else translate("rules", "The email {value} is already on the participant list.")
                ).format(value=person[key])
            else:
                message = (
                    translate("rules", "The same name as row {row}: a person is listed once.")
                    if key == "name"
                    else translate("rules", "The same email as row {row}: a person is listed once.")
                ).format(row=other)
            column = key if key in self.mapped or key != "name" else "first_name"
            found.append(RowProblem(number, self.header_of(column), message))
        return found

    @staticmethod
    def _remember(seen: _Seen, person: dict[str, Any], number: int | None) -> None:
        if person.get("name"):
            seen.names.setdefault(folded(person["name"]), number)
        if person.get("email"):
            seen.emails.setdefault(person["email"].casefold(), number)


def _written(person: dict[str, Any]) -> dict[str, str]:
    """A participant as the preview shows it (the column keys of the registration sheet)."""
    shown = {}
    for key in ("name", "country", "sex", "role", "email"):
        value = person.get(key)
        shown[key] = "" if value is None else str(value)
    attended = person.get("attended")
    shown["attended"] = (
        ""
        if attended is None
        else translate("rules", "yes")
        if attended
        else translate("rules", "no")
    )
    return shown
