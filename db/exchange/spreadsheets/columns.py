"""Which columns each record kind has in a spreadsheet, derived from the declarations in db.kinds.

A column's header is the exchange format's field name: ``name``, ``organization_id``,
``thematic_area_ids``. Export writes these headers and import matches them. A record's parts
(an agreement's parties, an activity's partners) are spread over several columns whose values,
separated by ``;``, line up in order: the n-th signatory belongs to the n-th party. Provisions,
commitments, amendments, assessments, a consultation's participants, and an activity's
participant list, sessions, costs and evaluation have no columns: the JSON exchange file carries
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from db.i18n import field_label
from db.schema.fields import FieldSpec, Flag, Group, ListOf, Parts, Ref, Text
from db.schema.kinds import BY_KEY, BY_NAME, RecordKind

# The parts that have columns: the part's field naming the organization (one column, named
# like the parts), then the part's other fields (one column each).
PARTS_IN_COLUMNS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "agreement": {
        "parties": (
            "organization_id",
            ("signatory_name", "signatory_title", "signed_on", "signed_at"),
        )
    },
    "activity": {"partners": ("organization_id", ("contribution",))},
}

# Other headers officers use for a column, matched like its name and label.
ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("organization", "kind"): ("type", "organization type"),
    ("organization", "acronym"): ("abbreviation", "short name"),
    ("organization", "website"): ("web site", "url", "web"),
    ("organization", "mandate"): ("mandate",),
    ("organization", "address"): ("address", "headquarters"),
    ("organization", "parent_id"): ("parent organisation",),
    ("contact", "organization_id"): ("organisation",),
    ("contact", "email"): ("e-mail", "mail"),
    ("contact", "phone"): ("telephone", "tel"),
    ("contact", "title"): ("position", "function"),
    ("agreement", "reference"): ("ref", "reference"),
    ("agreement", "kind"): ("type",),
    ("activity", "kind"): ("type",),
    ("activity", "participants_total"): ("participants", "total participants"),
    ("activity", "participants_women"): ("women",),
    ("activity", "participants_men"): ("men",),
    ("activity", "lead_organization_id"): ("lead",),
    ("activity", "agreement_id"): ("agreement",),
}

ID_SPEC = Text("id", "Id")
ARCHIVED_SPEC = Flag("archived", "Archived")


@dataclass(frozen=True)
class Column:
    """One column of a record kind's sheet.

    ``role`` says how its cells fill the record:
    - ``value``: one field (text, a choice, a date, a number, a country, a reference...);
    - ``list``: a list field, its items separated by ``;`` (areas, countries, languages);
    - ``parts``: the organizations of the parts, separated by ``;`` (an agreement's parties);
    - ``part``: one field of each part, lined up with the ``parts`` column;
    - ``id`` and ``archived``: the record's id and whether it is archived.
    """

    key: str  # the header export writes: the exchange format's field name
    label: str  # the English label (db.kinds); ``shown`` is the officer's language
    role: str
    field: str  # the record's field the column fills ("parties" for signed_on)
    spec: FieldSpec  # how one value is read and checked (a list's item, a part's field)
    part: str = ""  # for part columns: the field inside each part
    required: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        return field_label(self.label)

    @property
    def target(self) -> str:
        """The kind a reference column names ("organization"), or ""."""
        return self.spec.target if isinstance(self.spec, Ref) else ""

    @property
    def several(self) -> bool:
        """True when a cell holds several values separated by ``;``."""
        return self.role in ("list", "parts", "part")


def record_kind(name: str) -> RecordKind:
    """A kind by its name ("organization") or its exchange key ("organizations")."""
    found = BY_NAME.get(name) or BY_KEY.get(name)
    if found is None:
        raise ValueError(f"unknown record kind {name!r}")
    return found


def importable_kind(name: str) -> RecordKind:
    kind = record_kind(name)
    if not kind.importable:  # every kind can be exported
        raise ValueError(f"{kind.key} cannot be imported from a spreadsheet")
    return kind


@cache
def columns_of(kind_name: str) -> tuple[Column, ...]:
    """The columns of a kind's sheet, in the order export writes them (the id last)."""
    kind = record_kind(kind_name)
    in_columns = PARTS_IN_COLUMNS.get(kind.name, {})
    found: list[Column] = []

    def add(key: str, label: str, role: str, field: str, spec: FieldSpec, **more) -> None:
        aliases = ALIASES.get((kind.name, key), ())
        found.append(Column(key, label, role, field, spec, aliases=aliases, **more))

    for spec in kind.fields:
        if isinstance(spec, Parts):
            if spec.name not in in_columns:
                continue
            lead, others = in_columns[spec.name]
            subs = {f.name: f for f in spec.fields}
            required = kind.name == "agreement"  # at least two parties
            add(spec.name, spec.label, "parts", spec.name, subs[lead], part=lead, required=required)
            for name in others:
                add(name, subs[name].label, "part", spec.name, subs[name], part=name)
        elif isinstance(spec, Group):
            continue
        elif isinstance(spec, ListOf):
            add(spec.name, spec.label, "list", spec.name, spec.item)
        else:
            add(spec.name, spec.label, "value", spec.name, spec, required=spec.required)
    add("archived", "Archived", "archived", "archived", ARCHIVED_SPEC)
    add("id", "Id", "id", "id", ID_SPEC)
    return tuple(found)


def column(kind_name: str, key: str) -> Column:
    return next(c for c in columns_of(record_kind(kind_name).name) if c.key == key)


def column_for_path(kind_name: str, path: str) -> str:
    """The column key that holds a field path of a problem: "parties[1].signed_on" is in
    ``signed_on``, "parties[0].organization_id" in ``parties``, "thematic_area_ids[2]" in
    ``thematic_area_ids``. A field without a column gives its own name."""
    kind = record_kind(kind_name)
    base = path.split("[", 1)[0].split(".", 1)[0]
    in_columns = PARTS_IN_COLUMNS.get(kind.name, {})
    if base in in_columns:
        lead, others = in_columns[base]
        sub = path.rsplit(".", 1)[-1] if "." in path else ""
        return sub if sub in others else base
    return base


# -- a registration sheet: people, not records ---------------------------------------------------
REGISTRATION = "registration"  # the name its mapping is remembered under

# Headers organizers' registration sheets use, in English and French, matched like the names.
REGISTRATION_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("full name", "participant", "participant name", "nom complet", "nom et prenom"),
    "first_name": ("given name", "first", "forename", "prenom"),
    "last_name": ("surname", "family name", "last", "nom de famille", "nom"),
    "organization": (
        "organisation", "institution", "agency", "company", "employer", "affiliation",
        "organization name", "partner", "organisme", "administration",
    ),
    "country": ("nationality", "country of residence", "pays", "nationalite"),
    "sex": ("gender", "sexe", "genre", "m/f", "f/m"),
    "role": ("participant type", "category", "type", "role", "qualite"),
    "attended": ("present", "attendance", "participated", "came", "presence"),
    "email": ("e-mail", "mail", "email address", "courriel", "adresse electronique"),
}  # fmt: skip


@cache
def registration_columns() -> tuple[Column, ...]:
    """The columns of an organizer's registration sheet: one participant a row, read into an
    activity's participant list (db.exchange.spreadsheets.registration). The name may be one
    column or a first and a last name; the organization is a partner's name or acronym, else
    kept as typed."""
    listed = {sub.name: sub for sub in BY_NAME["activity"].field("participants").fields}
    specs: list[tuple[str, FieldSpec]] = [
        ("name", listed["name"]),
        ("first_name", Text("first_name", "First name")),
        ("last_name", Text("last_name", "Last name")),
        ("organization", Text("organization_name", "Organization")),
        *((key, listed[key]) for key in ("country", "sex", "role", "attended", "email")),
    ]
    return tuple(
        Column(
            key,
            spec.label,
            "value",
            key,
            spec,
            required=key == "name",
            aliases=REGISTRATION_ALIASES.get(key, ()),
        )
        for key, spec in specs
    )


def sheet_columns(kind_name: str) -> tuple[Column, ...]:
    """The columns a file may fill: a record kind's, or a registration sheet's."""
    if kind_name == REGISTRATION:
        return registration_columns()
    return columns_of(importable_kind(kind_name).name)
