"""Field types of the exchange format: how a raw value (from JSON or an editor) becomes a clean
value, how it is written back out, and the sentence an officer reads when it is wrong.

A field never raises: ``parse`` returns the clean value and appends problems to a list, so that
one pass over a record reports everything that is wrong with it.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from db.i18n import field_label, translate

MIN_YEAR, MAX_YEAR = 1900, 2199
MAX_COUNT = 10_000_000
# The longest text of each kind of field, in characters (docs/security.md lists every field; the
# team server enforces the same lengths). A name is a line; a summary may run to some pages.
SHORT = 100  # an acronym, a code, an article's number, a phone number
LINE = 500  # a name, a title or position, a place, a reference, an e-mail address
TITLE = 1_000  # the title of an agreement, a meeting or an activity; a provision's heading
URL = 2_000  # a website
PARAGRAPH = (
    10_000  # an address, a description, a commitment, a contribution, an amendment, an action
)
TEXT = 100_000  # a mandate, notes, a summary, a provision, an agenda, decisions, objectives…
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")

Report = Callable[[str, str], None]  # (field path, message)


@cache
def _country_codes() -> frozenset[str]:
    import pycountry  # loaded on first use: it reads a large data file

    return frozenset(c.alpha_2 for c in pycountry.countries)


def is_country(code: str) -> bool:
    return code in _country_codes()


@cache
def _currency_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_currency(code: str) -> bool:
    return code in _currency_codes()


@dataclass(frozen=True)
class FieldSpec:
    """A scalar field. ``name`` is the exchange-format key; ``label`` is what officers read.
    ``searchable``: the record is found by the field's words (db/records/search.py) — a text by
    its text, a choice by its words in English and French, a country by its names in both, a
    reference by the name of the record it refers to."""

    name: str
    label: str
    required: bool = False
    searchable: bool = False

    @property
    def shown(self) -> str:
        """The label in the officer's language, for messages."""
        return field_label(self.label)

    def parse(self, raw: Any, path: str, report: Report) -> Any:
        if raw is None or raw == "":
            if self.required:
                message = (
                    translate("rules", "{field} cannot be empty.")
                    if raw == ""
                    else translate("rules", "{field} is required.")
                )
                report(path, message.format(field=field_label(self.label)))
            return self.empty()
        return self.clean(raw, path, report)

    def empty(self) -> Any:
        return None

    def clean(self, raw: Any, path: str, report: Report) -> Any:
        return raw

    def dump(self, value: Any) -> Any:
        return value

    def json_schema(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class Text(FieldSpec):
    max_length: int = LINE  # characters

    def clean(self, raw, path, report):
        if not isinstance(raw, str) or not _encodable(raw):  # a lone surrogate crashed SQLite
            report(path, translate("rules", "{field} must be text.").format(field=self.shown))
            return None
        if self.required and not raw.strip():
            report(path, translate("rules", "{field} cannot be empty.").format(field=self.shown))
            return None
        if len(raw) > self.max_length:
            report(
                path,
                translate(
                    "rules", "{field} is too long: {length} characters, at most {max}."
                ).format(field=self.shown, length=f"{len(raw):,}", max=f"{self.max_length:,}"),
            )
            return None
        return raw  # kept exactly: no trimming, any script

    def json_schema(self):
        if not self.required:
            return {"type": ["string", "null"], "maxLength": self.max_length}
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}


@dataclass(frozen=True)
class Email(Text):
    def clean(self, raw, path, report):
        text = super().clean(raw, path, report)
        if text is not None and not _EMAIL.fullmatch(text):
            report(
                path,
                translate(
                    "rules",
                    "{field} “{value}” does not look like an email address (name@example.org).",
                ).format(field=self.shown, value=_short(text)),
            )
            return None
        return text


@dataclass(frozen=True)
class Date(FieldSpec):
    def clean(self, raw, path, report):
        if isinstance(raw, datetime):
            raw = raw.date()
        if isinstance(raw, date):
            value = raw
        elif isinstance(raw, str) and _DATE.fullmatch(raw):
            try:
                value = date.fromisoformat(raw)
            except ValueError:
                report(
                    path,
                    translate("rules", "{field} {value} is not a real date.").format(
                        field=self.shown, value=raw
                    ),
                )
                return None
        else:
            report(
                path,
                translate(
                    "rules", "{field} must be a date written YYYY-MM-DD, not “{value}”."
                ).format(field=self.shown, value=_short(raw)),
            )
            return None
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            report(
                path,
                translate(
                    "rules", "{field} {value} is out of range (years {min} to {max})."
                ).format(field=self.shown, value=value.isoformat(), min=MIN_YEAR, max=MAX_YEAR),
            )
            return None
        return value

    def dump(self, value):
        return value.isoformat() if value else None

    def json_schema(self):
        return {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}


@dataclass(frozen=True)
class LocalDateTime(FieldSpec):
    """A meeting's local start time, kept as ISO text (with its offset when one is given)."""

    def clean(self, raw, path, report):
        if isinstance(raw, datetime):
            value = raw
        elif isinstance(raw, str):
            try:
                value = datetime.fromisoformat(raw)
            except ValueError:
                report(
                    path,
                    translate(
                        "rules",
                        "{field} must be a date and time written YYYY-MM-DDTHH:MM, not “{value}”.",
                    ).format(field=self.shown, value=_short(raw)),
                )
                return None
        else:
            report(
                path,
                translate(
                    "rules", "{field} must be a date and time written YYYY-MM-DDTHH:MM."
                ).format(field=self.shown),
            )
            return None
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            report(
                path,
                translate("rules", "{field} is out of range (years {min} to {max}).").format(
                    field=self.shown, min=MIN_YEAR, max=MAX_YEAR
                ),
            )
            return None
        return value.isoformat(timespec="seconds" if value.second else "minutes")

    def json_schema(self):
        return {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"}


@dataclass(frozen=True)
class Timestamp(FieldSpec):
    """created_at / updated_at: UTC, to the second."""

    def clean(self, raw, path, report):
        try:
            value = datetime.fromisoformat(raw) if isinstance(raw, str) else None
        except ValueError:
            value = None
        if value is None:
            report(
                path,
                translate("rules", "{field} must be an ISO 8601 timestamp.").format(
                    field=self.shown
                ),
            )
            return None
        if not MIN_YEAR <= value.year <= MAX_YEAR:  # year 1 or 9999 with an offset overflowed
            report(
                path,
                translate("rules", "{field} is out of range (years {min} to {max}).").format(
                    field=self.shown, min=MIN_YEAR, max=MAX_YEAR
                ),
            )
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)  # UTC needs no zone database
        return value.replace(microsecond=0)

    def dump(self, value):
        return value.isoformat() + "Z" if value else None

    def json_schema(self):
        return {"type": ["string", "null"]}


@dataclass(frozen=True)
class Count(FieldSpec):
    def clean(self, raw, path, report):
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, bool) or not isinstance(raw, int):
            report(
                path,
                translate("rules", "{field} must be a whole number, not “{value}”.").format(
                    field=self.shown, value=_short(raw)
                ),
            )
            return None
        if raw < 0:
            report(path, translate("rules", "{field} cannot be negative.").format(field=self.shown))
            return None
        if raw > MAX_COUNT:
            report(
                path,
                translate("rules", "{field} is too large (at most {max}).").format(
                    field=self.shown, max=f"{MAX_COUNT:,}"
                ),
            )
            return None
        return raw

    def json_schema(self):
        return {"type": ["integer", "null"], "minimum": 0}


@dataclass(frozen=True)
class Flag(FieldSpec):
    def empty(self):
        return False

    def clean(self, raw, path, report):
        if not isinstance(raw, bool):
            report(
                path, translate("rules", "{field} must be true or false.").format(field=self.shown)
            )
            return False
        return raw

    def json_schema(self):
        return {"type": ["boolean", "null"]}


@dataclass(frozen=True)
class Choice(FieldSpec):
    enum: type[StrEnum] | None = None
    default: str | None = None

    def empty(self):
        return self.default

    def parse(self, raw, path, report):
        if (raw is None or raw == "") and self.default is not None:
            return self.default
        return super().parse(raw, path, report)

    def clean(self, raw, path, report):
        allowed = _values_of(self.enum)
        if raw not in allowed:
            report(
                path,
                translate("rules", "{field} “{value}” is not one of: {allowed}.").format(
                    field=self.shown, value=_short(raw), allowed=", ".join(allowed)
                ),
            )
            return self.default
        return raw

    def json_schema(self):
        values = list(_values_of(self.enum))
        return {"enum": values} if self.required else {"enum": [*values, None]}


@functools.cache
def _values_of(enum: type[StrEnum]) -> tuple[str, ...]:
    """The values of an enumeration, in their order (computed once: a choice is checked per
    record of an import)."""
    return tuple(e.value for e in enum)


@dataclass(frozen=True)
class Country(FieldSpec):
    def clean(self, raw, path, report):
        code = raw.upper() if isinstance(raw, str) else None
        if code is None or not is_country(code):
            report(
                path,
                translate(
                    "rules",
                    "{field} “{value}” is not an ISO 3166 country code (for example BE, CH, ZM).",
                ).format(field=self.shown, value=_short(raw)),
            )
            return None
        return code

    def json_schema(self):
        return {"type": ["string", "null"], "pattern": "^[A-Za-z]{2}$"}


@functools.cache
def _time_zones() -> frozenset[str]:
    # Walking the time-zone database takes ~14 ms: once per process, not once per value.
    return frozenset(available_timezones())


def time_zone_names() -> list[str]:
    """Every time zone this computer knows, sorted (for a choice list)."""
    return sorted(_time_zones())


@dataclass(frozen=True)
class TimeZone(FieldSpec):
    def clean(self, raw, path, report):
        try:
            if isinstance(raw, str) and raw in _time_zones():
                ZoneInfo(raw)
                return raw
        except (ZoneInfoNotFoundError, ValueError):
            pass
        report(
            path,
            translate(
                "rules", "{field} “{value}” is not a known time zone (for example Europe/Brussels)."
            ).format(field=self.shown, value=_short(raw)),
        )
        return None

    def json_schema(self):
        return {"type": ["string", "null"]}


@dataclass(frozen=True)
class Ref(FieldSpec):
    """The id of another record; whether it exists is checked against the store by the rules."""

    target: str = ""

    def clean(self, raw, path, report):
        return parse_id(raw, path, self.label, report)

    def json_schema(self):
        return {"type": ["string", "null"], "format": "uuid"}


@dataclass(frozen=True)
class ListOf(FieldSpec):
    """A list of scalars (ids, country codes, language codes), kept sorted and without repeats
    so that the same set always reads, compares and exports the same."""

    item: FieldSpec = field(default_factory=lambda: Text("item", "Item"))

    def empty(self):
        return []

    def clean(self, raw, path, report):
        if not isinstance(raw, list):
            report(path, translate("rules", "{field} must be a list.").format(field=self.shown))
            return []
        values = []
        for i, item in enumerate(raw):
            value = self.item.parse(item, f"{path}[{i}]", report)
            if value is not None and value not in values:
                values.append(value)
        return sorted(values)

    @property
    def target(self) -> str:
        return getattr(self.item, "target", "")

    def json_schema(self):
        return {"type": ["array", "null"], "items": self.item.json_schema()}


@dataclass(frozen=True)
class Language(FieldSpec):
    def clean(self, raw, path, report):
        if not isinstance(raw, str) or not _LANGUAGE.fullmatch(raw):
            report(
                path,
                translate(
                    "rules",
                    "{field} “{value}” is not a language code (for example en, fr, ar, zh).",
                ).format(field=self.shown, value=_short(raw)),
            )
            return None
        return raw.lower()

    def json_schema(self):
        return {"type": "string"}


@dataclass(frozen=True)
class YesNo(FieldSpec):
    """Yes, no, or not recorded (None): whether a participant attended."""

    def clean(self, raw, path, report):
        if not isinstance(raw, bool):
            report(
                path, translate("rules", "{field} must be true or false.").format(field=self.shown)
            )
            return None
        return raw

    def json_schema(self):
        return {"type": ["boolean", "null"]}


_DECIMAL = re.compile(r"\d+(\.\d+)?")


@dataclass(frozen=True)
class Amount(FieldSpec):
    """A number that is not negative, with at most ``decimals`` decimals and at most
    ``maximum``: an amount of money (kept exactly, as a ``Decimal``, so that sums are exact),
    a satisfaction score. Written in JSON as a number; read from a number or decimal text."""

    decimals: int = 2
    maximum: int = 999_999_999_999

    def clean(self, raw, path, report):
        value: Decimal | None = None
        if isinstance(raw, bool):
            value = None
        elif isinstance(raw, int):
            value = Decimal(raw)
        elif isinstance(raw, float) and raw == raw and abs(raw) != float("inf"):
            value = Decimal(repr(raw))  # the shortest text that reads back as this float
        elif isinstance(raw, Decimal) and raw.is_finite():
            value = raw
        elif isinstance(raw, str) and _DECIMAL.fullmatch(raw.strip()):
            try:
                value = Decimal(raw.strip())
            except InvalidOperation:
                value = None
        if value is None:
            report(
                path,
                translate("rules", "{field} must be a number, not “{value}”.").format(
                    field=self.shown, value=_short(raw)
                ),
            )
            return None
        if value < 0:
            report(path, translate("rules", "{field} cannot be negative.").format(field=self.shown))
            return None
        if value > self.maximum:
            report(
                path,
                translate("rules", "{field} is too large (at most {max}).").format(
                    field=self.shown, max=f"{self.maximum:,}"
                ),
            )
            return None
        if -value.normalize().as_tuple().exponent > self.decimals:
            report(
                path,
                translate("rules", "{field} has more than {count} decimals: {value}.").format(
                    field=self.shown, count=self.decimals, value=_short(raw)
                ),
            )
            return None
        return _plain(value)

    def dump(self, value):
        if value is None:
            return None
        value = Decimal(value)
        return int(value) if value == value.to_integral_value() else float(value)

    def json_schema(self):
        return {"type": ["number", "null"], "minimum": 0, "maximum": self.maximum}


def _plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros or an exponent: 12500.00 and 1.25E+4 are 12500."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


@dataclass(frozen=True)
class Currency(FieldSpec):
    def clean(self, raw, path, report):
        code = raw.upper() if isinstance(raw, str) else None
        if code is None or not is_currency(code):
            report(
                path,
                translate(
                    "rules",
                    "{field} “{value}” is not an ISO 4217 currency code (for example EUR, USD, KES).",
                ).format(field=self.shown, value=_short(raw)),
            )
            return None
        return code

    def json_schema(self):
        return {"type": ["string", "null"], "pattern": "^[A-Za-z]{3}$"}


@dataclass(frozen=True)
class RowId(FieldSpec):
    """The id of one part of a record (a participant, a session, a cost): a UUID that stays
    with the row through every edit, export and import, so that two stores can tell which row
    changed. A row given without one keeps the id of the same row in the stored record, or gets
    a new one (db.records.batch)."""

    def clean(self, raw, path, report):
        return parse_id(raw, path, self.label, report)

    def json_schema(self):
        return {"type": ["string", "null"], "format": "uuid"}


@dataclass(frozen=True)
class Group(FieldSpec):
    """A few fields kept together as one object (an activity's evaluation). Its clean value is
    the object as JSON values, every key present, or None when every field is empty."""

    fields: tuple[FieldSpec, ...] = ()

    def clean(self, raw, path, report):
        if not isinstance(raw, dict):
            report(path, translate("rules", "{field} must be an object.").format(field=self.shown))
            return None
        for key in sorted(set(raw) - {f.name for f in self.fields}, key=str):
            report(
                f"{path}.{key}",
                translate("rules", "“{key}” is not a field of {parts}.").format(
                    key=_short(key), parts=self.shown.lower()
                ),
            )
        values = {
            f.name: f.dump(f.parse(raw.get(f.name), f"{path}.{f.name}", report))
            for f in self.fields
        }
        return values if any(v not in (None, "") for v in values.values()) else None

    def dump(self, value):
        return None if value is None else {f.name: value.get(f.name) for f in self.fields}

    def json_schema(self):
        return {
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": {f.name: f.json_schema() for f in self.fields},
        }


@dataclass(frozen=True)
class Parts(FieldSpec):
    """An ordered list of parts of a record (parties, provisions, participants...)."""

    fields: tuple[FieldSpec, ...] = ()
    item_label: str = "Item"

    def empty(self):
        return []

    @property
    def keyed(self) -> bool:
        """Each part has an ``id`` of its own (a RowId)."""
        return any(isinstance(f, RowId) for f in self.fields)

    def clean(self, raw, path, report):
        if not isinstance(raw, list):
            report(path, translate("rules", "{field} must be a list.").format(field=self.shown))
            return []
        parts = []
        for i, item in enumerate(raw):
            here = f"{path}[{i}]"
            if not isinstance(item, dict):
                report(
                    here,
                    translate("rules", "{item} {number} must be an object.").format(
                        item=field_label(self.item_label), number=i + 1
                    ),
                )
                continue

            def report_part(p, message, n=i):
                report(p, part_message(self.item_label, n, message))

            unknown = sorted(set(item) - {f.name for f in self.fields}, key=str)  # keys of any type
            for key in unknown:
                report_part(
                    f"{here}.{key}",
                    translate("rules", "“{key}” is not a field of {parts}.").format(
                        key=_short(key), parts=self.shown.lower()
                    ),
                )
            parts.append(
                {
                    f.name: f.parse(item.get(f.name), f"{here}.{f.name}", report_part)
                    for f in self.fields
                }
            )
        if self.keyed:
            seen: set[str] = set()
            for i, part in enumerate(parts):
                if part["id"] is not None and part["id"] in seen:
                    report(
                        f"{path}[{i}].id",
                        part_message(
                            self.item_label,
                            i,
                            translate("rules", "its id {id} is given to another one too.").format(
                                id=part["id"]
                            ),
                        ),
                    )
                seen.add(part["id"])
        return parts

    def dump(self, value):
        return [{f.name: f.dump(part.get(f.name)) for f in self.fields} for part in value]

    def json_schema(self):
        return {
            "type": ["array", "null"],
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [f.name for f in self.fields if f.required],
                "properties": {f.name: f.json_schema() for f in self.fields},
            },
        }


def part_message(item_label: str, index: int, message: str) -> str:
    """A problem with one part of a record: "Party 2: ..."."""
    return translate("rules", "{item} {number}: {message}").format(
        item=field_label(item_label), number=index + 1, message=message
    )


_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_canonical_id(value: Any) -> bool:
    """A UUID written as uuid.UUID writes it (lower case, hyphens), as every id in a store is."""
    return isinstance(value, str) and _CANONICAL_ID.fullmatch(value) is not None


def parse_id(raw: Any, path: str, label: str, report: Report) -> str | None:
    if is_canonical_id(raw):
        return raw  # already as uuid.UUID writes it: an import checks 85,000 of them
    try:
        return str(uuid.UUID(raw)) if isinstance(raw, str) and len(raw) in (32, 36) else _bad_id()
    except ValueError:
        report(
            path,
            translate(
                "rules", "{field} “{value}” is not a valid id (a UUID such as 0f8e…)."
            ).format(field=field_label(label), value=_short(raw)),
        )
        return None


def _bad_id():
    raise ValueError


def _encodable(text: str) -> bool:
    """False for text with a lone surrogate ("\\ud800" in JSON), which SQLite cannot store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short(value: Any, limit: int = 60) -> str:
    try:
        text = str(value)
    except ValueError:  # an int of more than 4,300 digits has no str()
        text = "…"
    text = "".join(ch if ch.isprintable() else "�" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
