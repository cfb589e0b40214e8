"""Hypothesis strategies for bad input: hostile text, impossible dates, wrong JSON types, unknown
fields, ids that point nowhere — and, to measure them against, valid records of every kind.

Valid records refer to the records of ``SEED`` (fixed ids), which tests load into their store.
"""

from __future__ import annotations

import copy
import json
import string
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from db.exchange.sample import ANCHOR, sample_document
from db.records import shape
from db.schema.fields import (
    LINE,
    PARAGRAPH,
    Amount,
    Choice,
    Count,
    Country,
    Currency,
    Date,
    Email,
    FieldSpec,
    Flag,
    Group,
    Language,
    ListOf,
    LocalDateTime,
    Parts,
    Ref,
    RowId,
    Text,
    Timestamp,
    TimeZone,
    YesNo,
)
from db.schema.kinds import BY_KEY, BY_NAME, KINDS, RecordKind


def _id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


# -- the records every valid record may refer to ------------------------------------------------------
SEEDED: dict[str, tuple[str, ...]] = {
    "organization": (_id(1), _id(2), _id(3)),
    "contact": (_id(11),),
    "thematic_area": (_id(21),),
    "agreement": (_id(31),),
    "consultation": (_id(41),),
    "activity": (_id(51),),
    "follow_up": (_id(61),),
}
ORGS = SEEDED["organization"]


def _org(n: int, name: str) -> dict[str, Any]:
    return {"id": ORGS[n], "name": name, "kind": "intergovernmental_organization"}


SEED: list[tuple[str, dict[str, Any]]] = [
    ("organization", _org(0, "World Customs Organization")),
    ("organization", _org(1, "International Organization for Migration")),
    ("organization", _org(2, "المنظمة العالمية للجمارك")),
    ("thematic_area", {"id": SEEDED["thematic_area"][0], "code": "T.1", "name": "Frontières"}),
    (
        "contact",
        {"id": SEEDED["contact"][0], "name": "Élodie Marchand", "organization_id": ORGS[0]},
    ),
    (
        "agreement",
        {
            "id": SEEDED["agreement"][0],
            "title": "Memorandum of Understanding",
            "kind": "memorandum_of_understanding",
            "parties": [{"organization_id": ORGS[0]}, {"organization_id": ORGS[1]}],
        },
    ),
    (
        "consultation",
        {"id": SEEDED["consultation"][0], "title": "Annual", "kind": "bilateral_consultation"},
    ),
    ("activity", {"id": SEEDED["activity"][0], "title": "Workshop", "kind": "workshop"}),
    (
        "follow_up",
        {
            "id": SEEDED["follow_up"][0],
            "text": "Send the draft",
            "due_on": "2026-12-01",
            "source_kind": "consultation",
            "source_id": SEEDED["consultation"][0],
        },
    ),
]

# -- text ---------------------------------------------------------------------------------------------
PIECES = (
    "\x00",
    "\x01",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x0b\x0c",
    "\x1c\x1d\x1e\x1f",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200d",
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202a\u202b\u202c\u202d\u202e",  # embeddings and overrides
    "\u2066\u2067\u2068\u2069",  # isolates
    "\ufeff",
    "\ufffd",
    "\ufffe\uffff",
    "\U0010ffff",
    "\u00a0",
    "\u3000",
    " ",
    "e\u0301",
    "\u0301\u0302\u0303",  # combining marks with nothing to combine with
    "Z\u0336\u0335\u0334a\u0337\u0338",
    "مذكرة تفاهم بين المنظمة",
    "שלום עולם",
    "国际移民组织与世界海关组织",
    "日本語のテキスト",
    "한국어",
    "नमस्ते",
    "Ελληνικά",
    "Кириллица",
    "👩🏽\u200d⚖️",
    "🇧🇪",
    "🙂",
    "ﬁ",
    "ß",
    "İı",
    "'\"`",
    "\\",
    "%s %d {field} {0} {}",
    "'); DROP TABLE organization; --",
    'NEAR("a" b) OR * ^ AND NOT',
    "<script>alert(1)</script>",
    "&amp;",
    "null",
    "NaN",
)
LONE_SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d")
VISIBLE = ("a", "Z", "9", "مذكرة", "国", "🙂", "e\u0301", "Ω", "ß")


def long_text(min_size: int = 10_000, max_size: int = 25_000) -> st.SearchStrategy[str]:
    """Text of 10,000+ characters made by repeating hostile pieces (cheap to generate)."""
    pieces = st.lists(st.sampled_from(PIECES + VISIBLE), min_size=1, max_size=6).map("".join)

    def repeat(piece: str, size: int) -> str:
        return (piece * (size // len(piece) + 1))[:size]

    return st.builds(repeat, pieces, st.integers(min_size, max_size))


def legal_text(most: int = 25_000) -> st.SearchStrategy[str]:
    """Any text a field of at most ``most`` characters stores: every script, control characters,
    marks, lengths up to that maximum (and exactly it)."""
    short = st.one_of(
        st.text(max_size=40),
        st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12).map("".join),
    ).map(lambda text: text[:most])
    longest = long_text(most, most) if most <= 25_000 else long_text()
    return st.one_of(short, short, short, long_text(min(10_000, most), min(25_000, most)), longest)


def filled_text(most: int = 25_000) -> st.SearchStrategy[str]:
    """Legal text with something other than whitespace in it (for required fields)."""
    half = legal_text((most - 1) // 2)
    return st.tuples(half, st.sampled_from(VISIBLE), half).map("".join).map(lambda t: t[:most])


def hostile_text() -> st.SearchStrategy[str]:
    """Legal text, or text with a lone surrogate (Python strings and JSON "\\ud800" allow it)."""
    with_surrogate = st.tuples(
        legal_text(), st.sampled_from(LONE_SURROGATES), st.text(max_size=5)
    ).map("".join)
    return st.one_of(legal_text(), with_surrogate, st.just(""), st.just("   "))


# -- wrong types ------------------------------------------------------------------------------------
HUGE_INTS = (2**63, -(2**63) - 1, 10**30, 10**5000)


def wrong_types() -> st.SearchStrategy[Any]:
    """Values of every JSON type (and a few Python ones an API may receive)."""
    scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5))
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from(HUGE_INTS),
        st.floats(allow_nan=True, allow_infinity=True),
        st.lists(scalar, max_size=3),
        st.dictionaries(st.text(max_size=4), scalar, max_size=3),
        st.sampled_from(["", " ", "true", "1", "null", "[]", "{}"]),
    )


# -- dates --------------------------------------------------------------------------------------------
BAD_DATES = (
    "2026-02-30",
    "2023-02-29",
    "2024-02-29",
    "0000-01-01",
    "0001-01-01",
    "99999-01-01",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "2026-1-1",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "9999-12-31",
    "２０２６-０１-０１",
    "٢٠٢٦-٠١-٠١",
    "2026-01-01T10:00",
    "2026-01-01 ",
    " 2026-01-01",
    "2026/01/01",
    "01-01-2026",
    "2026-01-01\x00",
    "\u200f2026-01-01",
    "2026-W01-1",
    "20260101",
    "2026-01-01Z",
    "-2026-01-01",
    "+2026-01-01",
    "2026-01-01\ud800",
    "2026\u201001\u201001",
    "2026\u221201\u221201",
)
BAD_DATETIMES = (
    "2026-12-10T09:00",
    "2026-12-10 09:00",
    "2026-12-10T24:00",
    "2026-12-10T23:60",
    "2026-12-10T09:00:60",
    "2026-12-10T09:00+25:00",
    "2026-12-10T09:00+14:00",
    "2026-12-10T09:00-23:59:59.999999",
    "0001-01-01T00:00+05:00",
    "9999-12-31T23:59-05:00",
    "1899-12-31T23:59",
    "2200-01-01T00:00",
    "2026-12-10T09:00:00.123456",
    "2026-12-10T09:00:30",
    "2026-12-10T09",
    "2026-12-10",
    "2026-12-10T09:00Z",
    "20261210T0900",
    "2026-W50-4T09:00",
    "2026-12-10T09:00\x00",
    "2026-12-10T\u0669\u0669:00",
    "2026-12-10T09:00\ud800",
    "2026-02-30T09:00",
)
OFFSETS = (
    UTC,
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=-12)),
    timezone(timedelta(hours=23, minutes=59)),
)


@st.composite
def _one_edit(draw, text: str) -> str:
    """``text`` with one character inserted, deleted or replaced."""
    at = draw(st.integers(0, len(text)))
    char = draw(st.sampled_from("0123456789-:T Z+./") | st.characters())
    how = draw(st.sampled_from(["insert", "delete", "replace"]))
    if how == "insert":
        return text[:at] + char + text[at:]
    if how == "delete":
        return text[:at] + text[at + 1 :]
    return text[:at] + char + text[at + 1 :]


def date_strings() -> st.SearchStrategy[str]:
    iso = st.dates(min_value=date(1, 1, 1)).map(date.isoformat)
    return st.one_of(
        st.sampled_from(BAD_DATES),
        iso,
        st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
        st.text(alphabet="0123456789-:T +Z./W", max_size=25),
        iso.flatmap(_one_edit),
    )


def datetime_strings() -> st.SearchStrategy[str]:
    moments = st.datetimes(
        min_value=datetime(1, 1, 1), timezones=st.none() | st.sampled_from(OFFSETS)
    )
    specs = st.sampled_from(["minutes", "seconds", "microseconds", "auto"])
    iso = st.builds(lambda moment, spec: moment.isoformat(timespec=spec), moments, specs)
    return st.one_of(
        st.sampled_from(BAD_DATETIMES),
        iso,
        st.text(alphabet="0123456789-:T +Z.", max_size=30),
        iso.flatmap(_one_edit),
    )


def any_date_strings() -> st.SearchStrategy[str]:
    return date_strings() | datetime_strings()


# -- ids ----------------------------------------------------------------------------------------------
ALL_SEEDED = tuple(i for ids in SEEDED.values() for i in ids)
BAD_IDS = (
    "not-a-uuid",
    "0" * 31,
    "0" * 33,
    "{" + "0" * 32 + "}",
    "urn:uuid:" + "0" * 27,
    "00000000-0000-4000-8000-00000000000g",
    "00000000-0000-4000-8000-000000000001\x00",
    " 00000000-0000-4000-8000-000000000001",
    "\u0660" * 32,  # Arabic-Indic zeros: int() reads them, so does uuid.UUID
    "0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0",
)


def dangling_ids() -> st.SearchStrategy[str]:
    """Well-formed ids of records that do not exist."""
    return st.uuids().map(str).filter(lambda i: i not in ALL_SEEDED)


def hostile_ids() -> st.SearchStrategy[Any]:
    return st.one_of(
        dangling_ids(),
        st.sampled_from(ALL_SEEDED),  # often of the wrong kind
        st.sampled_from(ALL_SEEDED).map(str.upper),
        st.sampled_from(ALL_SEEDED).map(lambda i: i.replace("-", "")),
        st.sampled_from(BAD_IDS),
        hostile_text(),
        wrong_types(),
    )


def hostile_keys(known: set[str]) -> st.SearchStrategy[str]:
    specials = st.sampled_from(
        ["", " ", "Name", "name ", "acronim", "id\x00", "__proto__", "parties[0]", "a.b", "🙂"]
    )
    return (specials | st.text(max_size=12) | st.sampled_from(LONE_SURROGATES)).filter(
        lambda k: k not in known
    )


# -- values of one field --------------------------------------------------------------------------
LANGUAGES = ("en", "fr", "ar", "zh", "zh-Hant", "pt-BR", "EN")
COUNTRIES = ("BE", "ch", "ZM", "fr", "Zw")
TIME_ZONES = ("Europe/Brussels", "UTC", "Asia/Shanghai", "America/Argentina/Buenos_Aires")
EMAILS = ("elodie.marchand@example.org", "a@b.co", "李@例子.中国", "x+y@sub.example.org")
CURRENCIES = ("EUR", "usd", "KES", "Chf", "KWD")


def valid_value(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """A value ``spec`` accepts on its own (rules across fields are left to ``valid_record``)."""
    if isinstance(spec, Parts):
        part = st.fixed_dictionaries(
            {f.name: valid_value(f) for f in spec.fields if f.required},
            optional={f.name: valid_value(f) for f in spec.fields if not f.required},
        )
        return st.lists(part, max_size=3)
    if isinstance(spec, ListOf):
        return st.lists(valid_value(spec.item), max_size=4)
    if isinstance(spec, Group):
        return st.fixed_dictionaries({}, optional={f.name: valid_value(f) for f in spec.fields})
    blank = st.sampled_from([None, ""]) if not spec.required else st.nothing()
    if isinstance(spec, Email):
        value = st.sampled_from(EMAILS)
    elif isinstance(spec, Text):
        value = filled_text(spec.max_length) if spec.required else legal_text(spec.max_length)
    elif isinstance(spec, Date):
        value = st.dates(date(1900, 1, 1), date(2199, 12, 31)).map(date.isoformat)
    elif isinstance(spec, LocalDateTime):
        moments = st.datetimes(
            datetime(1900, 1, 1), datetime(2199, 12, 31, 23, 59), timezones=st.none() | st.sampled_from(OFFSETS)
        )  # fmt: skip
        value = st.builds(
            lambda m, spec: m.isoformat(timespec=spec),
            moments,
            st.sampled_from(["minutes", "seconds", "microseconds"]),
        )
    elif isinstance(spec, Count):
        value = st.integers(0, 10_000_000) | st.integers(0, 1000).map(float)
    elif isinstance(spec, Flag | YesNo):
        value = st.booleans()
    elif isinstance(spec, Amount):
        cents = st.integers(0, min(spec.maximum, 10**9) * 100)
        value = (
            st.integers(0, spec.maximum)
            | cents.map(lambda c: c / 100)
            | cents.map(lambda c: f"{c // 100}.{c % 100:02d}")
        )
    elif isinstance(spec, Currency):
        value = st.sampled_from(CURRENCIES)
    elif isinstance(spec, RowId):
        value = st.uuids().map(str)
    elif isinstance(spec, Choice):
        value = st.sampled_from([e.value for e in spec.enum])
    elif isinstance(spec, Country):
        value = st.sampled_from(COUNTRIES)
    elif isinstance(spec, Language):
        value = st.sampled_from(LANGUAGES)
    elif isinstance(spec, TimeZone):
        value = st.sampled_from(TIME_ZONES)
    elif isinstance(spec, Ref):
        value = st.sampled_from(SEEDED[spec.target]) if spec.target else st.nothing()
    else:
        raise AssertionError(f"no strategy for {spec!r}")
    return value | blank


def hostile_value(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """Anything wrong, or odd but legal, for ``spec``."""
    wrong = wrong_types()
    if isinstance(spec, Parts):
        part = st.dictionaries(
            st.sampled_from([f.name for f in spec.fields]) | hostile_keys(set()),
            st.one_of(*[hostile_value(f) for f in spec.fields]),
            max_size=4,
        )
        return st.lists(part | wrong, max_size=3) | wrong
    if isinstance(spec, ListOf):
        item = hostile_value(spec.item) | valid_value(spec.item)
        return st.lists(item, max_size=4) | wrong
    if isinstance(spec, Group):
        inside = st.dictionaries(
            st.sampled_from([f.name for f in spec.fields]) | hostile_keys(set()),
            st.one_of(*[hostile_value(f) for f in spec.fields]),
            max_size=4,
        )
        return inside | wrong
    if isinstance(spec, Amount):
        odd = st.sampled_from(["1,5", "1e3", "-1", " ", "NaN", "Infinity", "0x10", "1.2345"])
        return st.integers() | st.floats() | st.sampled_from(HUGE_INTS) | odd | wrong
    if isinstance(spec, Currency):
        codes = st.sampled_from(["EURO", "eu", "XXY", "€", "usd ", "US$"])
        return codes | hostile_text() | wrong
    if isinstance(spec, YesNo):
        return st.sampled_from(["yes", "true", 1, 0]) | wrong
    if isinstance(spec, RowId):
        return hostile_ids()
    if isinstance(spec, Text):
        return hostile_text() | wrong
    if isinstance(spec, Date):
        return date_strings() | st.dates(min_value=date(1, 1, 1)) | wrong
    if isinstance(spec, LocalDateTime | Timestamp):
        return datetime_strings() | wrong
    if isinstance(spec, Count):
        return st.integers() | st.floats() | st.sampled_from(HUGE_INTS) | wrong
    if isinstance(spec, Flag):
        return wrong
    if isinstance(spec, Choice):
        values = [e.value for e in spec.enum]
        odd = st.sampled_from(values).map(lambda v: v.upper()) | st.sampled_from(values).map(
            lambda v: f" {v}"
        )
        return odd | hostile_text() | wrong
    if isinstance(spec, Country):
        codes = st.sampled_from(["XZ", "ZZ", "be ", "ﬁ", "Belgium", "🇧🇪", "B", "BEL"])
        return codes | st.text(alphabet=string.ascii_letters, min_size=2, max_size=2) | wrong
    if isinstance(spec, Language):
        codes = st.sampled_from(["english", "e", "en_GB", "zh-", "fr-ʼ", "xx-toolongsubtag"])
        return codes | hostile_text() | wrong
    if isinstance(spec, TimeZone):
        zones = st.sampled_from(
            ["Mars/Olympus", "../../etc/passwd", "Europe/Brussels\x00", "utc", "/etc/localtime"]
        )
        return zones | hostile_text() | wrong
    if isinstance(spec, Ref):
        return hostile_ids()
    raise AssertionError(f"no strategy for {spec!r}")


# -- whole records ----------------------------------------------------------------------------------
def _maybe(draw, strategy, none=None):
    return draw(strategy) if draw(st.booleans()) else none


def _date(lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.dates(date(lo, 1, 1), date(hi, 12, 31)).map(date.isoformat)


@st.composite
def valid_record(draw, kind_name: str) -> dict[str, Any]:
    """A record that breaks no rule, in the store seeded with ``SEED``."""
    kind = BY_NAME[kind_name]
    raw: dict[str, Any] = {}
    if draw(st.booleans()):
        raw["id"] = draw(dangling_ids())
    for spec in kind.fields:
        if spec.required or draw(st.booleans()):
            raw[spec.name] = draw(valid_value(spec))
    if draw(st.booleans()):
        raw["archived"] = draw(st.booleans())
    _RULES[kind_name](draw, raw)
    return raw


def _no_rules(draw, raw):
    pass


def _contact(draw, raw):
    raw["active_from"] = _maybe(draw, _date(1900, 2000))
    raw["active_to"] = _maybe(draw, _date(2001, 2199))


def _thematic_area(draw, raw):
    raw["parent_id"] = _maybe(draw, st.sampled_from(SEEDED["thematic_area"]))


def _agreement(draw, raw):
    orgs = draw(st.permutations(ORGS))[: draw(st.integers(2, 3))]
    raw["parties"] = [
        {
            "organization_id": org,
            "signatory_name": _maybe(draw, legal_text(LINE)),
            "signed_on": _maybe(draw, _date(1990, 2000)),
            "signed_at": _maybe(draw, legal_text(LINE)),
        }
        for org in orgs
    ]
    raw["entry_into_force"] = _maybe(draw, _date(2001, 2100))
    raw["expires_on"] = _maybe(draw, _date(2101, 2199))
    raw["parent_id"] = _maybe(draw, st.sampled_from(SEEDED["agreement"]))
    raw["commitments"] = [
        {"party_id": _maybe(draw, st.sampled_from(orgs)), "text": draw(filled_text(PARAGRAPH))}
        for _ in range(draw(st.integers(0, 2)))
    ]


def _consultation(draw, raw):
    raw["participants"] = [
        {"contact_id": draw(st.sampled_from(SEEDED["contact"]))}
        if draw(st.booleans())
        else {
            "name": draw(filled_text(LINE)),
            "organization_id": _maybe(draw, st.sampled_from(ORGS)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]


def _activity(draw, raw):
    raw["start_on"] = _maybe(draw, _date(1900, 2000))
    raw["end_on"] = _maybe(draw, _date(2001, 2199))
    orgs = draw(st.permutations(ORGS))[: draw(st.integers(0, 3))]
    raw["partners"] = [
        {"organization_id": org, "contribution": _maybe(draw, legal_text(PARAGRAPH))}
        for org in orgs
    ]
    women, men = draw(st.integers(0, 1000)), draw(st.integers(0, 1000))
    raw["participants_women"], raw["participants_men"] = women, men
    raw["participants_total"] = _maybe(draw, st.integers(women + men, 10_000_000))
    if raw.get("status") == "completed":  # not in the future, on any day the tests run
        raw["end_on"] = _maybe(draw, _date(2001, 2018))
    raw["original_start_on"] = _maybe(draw, _date(1900, 2000))
    raw["original_end_on"] = _maybe(draw, _date(2001, 2199)) if raw["original_start_on"] else None
    people = [
        {
            "name": draw(filled_text(LINE)),
            **(
                {"organization_id": draw(st.sampled_from(ORGS))}
                if draw(st.booleans())
                else {"organization_name": _maybe(draw, legal_text(LINE))}
            ),
            "sex": _maybe(draw, st.sampled_from(["woman", "man", "not_recorded"])),
            "attended": _maybe(draw, st.booleans()),
            "email": f"person{i}@example.org" if draw(st.booleans()) else None,
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    raw["participants"] = people
    # Sessions within the activity's dates: its first day, or 2001-01-01 inside an open span.
    start, end = raw.get("start_on"), raw.get("end_on")
    day = (start if not end else "2001-01-01") if (start or end) else None
    raw["sessions"] = [
        {
            "start_on": day or draw(_date(1900, 2199)),
            "mode": _maybe(draw, st.sampled_from(["online", "in_person", "hybrid"])),
            "participants_total": _maybe(draw, st.integers(0, 1000)),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    if end and not start:
        for session in raw["sessions"]:
            session["start_on"] = end
    payers = [*orgs, *([raw["lead_organization_id"]] if raw.get("lead_organization_id") else [])]
    raw["costs"] = [
        {
            "organization_id": _maybe(draw, st.sampled_from(payers)) if payers else None,
            "kind": draw(st.sampled_from(["funding", "travel", "venue", "other"])),
            "amount": draw(valid_value(Amount("amount", "Amount", decimals=3))),
            "currency": draw(st.sampled_from(CURRENCIES)),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    raw["evaluation"] = _maybe(
        draw,
        st.fixed_dictionaries(
            {
                "satisfaction_average": st.integers(0, 5),
                "satisfaction_scale_max": st.integers(5, 10),
                "feedback": legal_text(LINE),
            }
        ),
    )


def _follow_up(draw, raw):
    raw["due_on"] = draw(_date(1900, 2199))
    source = _maybe(draw, st.sampled_from(["consultation", "activity", "agreement"]))
    raw["source_kind"] = source
    raw["source_id"] = draw(st.sampled_from(SEEDED[source])) if source else None


_RULES = {
    "organization": _no_rules,
    "contact": _contact,
    "thematic_area": _thematic_area,
    "agreement": _agreement,
    "consultation": _consultation,
    "activity": _activity,
    "follow_up": _follow_up,
}

META_SPECS: tuple[FieldSpec, ...] = (shape.ARCHIVED, shape.CREATED_AT, shape.UPDATED_AT)


def known_keys(kind: RecordKind) -> set[str]:
    return {f.name for f in kind.fields} | set(shape.META)


@st.composite
def mutate_record(draw, kind: RecordKind, raw: Any) -> Any:
    """One hostile change to one record: a field's value, a part, a deletion, an unknown field, the
    id, or the record itself replaced by something that is not an object."""
    if not isinstance(raw, dict):
        return raw
    raw = dict(raw)
    how = draw(st.sampled_from(["field", "field", "field", "part", "delete", "unknown", "id"]))
    parts = [f for f in kind.fields if isinstance(f, Parts)]
    if how == "part" and parts:
        spec = draw(st.sampled_from(parts))
        items = list(raw.get(spec.name) or []) if isinstance(raw.get(spec.name), list) else []
        if items and draw(st.booleans()):
            i = draw(st.integers(0, len(items) - 1))
            item = dict(items[i]) if isinstance(items[i], dict) else {}
            sub = draw(st.sampled_from(spec.fields))
            if draw(st.integers(0, 4)) == 0:
                item[draw(hostile_keys({f.name for f in spec.fields}))] = draw(wrong_types())
            else:
                item[sub.name] = draw(hostile_value(sub))
            items[i] = item
        else:
            items.append(draw(hostile_value(spec)))
        raw[spec.name] = items
    elif how == "delete" and raw:
        del raw[draw(st.sampled_from(sorted(raw)))]
    elif how == "unknown":
        raw[draw(hostile_keys(known_keys(kind)))] = draw(wrong_types() | hostile_text())
    elif how == "id":
        same_kind = st.sampled_from(SEEDED[kind.name])  # an update of a seeded record
        others = [i for name, ids in SEEDED.items() if name != kind.name for i in ids]
        raw["id"] = draw(same_kind | st.sampled_from(others) | hostile_ids())
    else:
        spec = draw(st.sampled_from(kind.fields + META_SPECS))
        raw[spec.name] = draw(hostile_value(spec))
    return raw


@st.composite
def hostile_record(draw, kind_name: str) -> dict[str, Any]:
    """A valid record with zero to three hostile changes."""
    kind = BY_NAME[kind_name]
    raw = draw(valid_record(kind_name))
    for _ in range(draw(st.integers(0, 3))):
        raw = draw(mutate_record(kind, raw))
    return raw


# -- whole documents --------------------------------------------------------------------------------
# Valid records of every kind, dates unmoved: valid as of SAMPLE_DAY (its activities done by then).
SAMPLE_DAY = ANCHOR
SAMPLE: dict[str, Any] = sample_document(SAMPLE_DAY)
VERSIONS = (2, 0, -1, "1", 1.5, True, False, None, 10**30, "v1", [1], {"version": 1})
FORMATS = ("PartnerDesk", "partnerdesk ", "partnerdesk\x00", "partnerdesk\ud800", "", None, 1)


def _records_of(doc: dict[str, Any]) -> list[str]:
    return [k.key for k in KINDS if isinstance(doc.get(k.key), list) and doc[k.key]]


@st.composite
def mutate_document(draw, doc: Any) -> Any:
    """One hostile change to a document; lists are copied, never changed in place."""
    if not isinstance(doc, dict):
        return doc
    doc = dict(doc)
    keys = _records_of(doc)
    how = draw(
        st.sampled_from(
            ["record"] * 4 + ["not a record", "header", "duplicate", "dangling", "huge", "whole"]
        )
    )
    if how == "whole":
        return draw(wrong_types() | st.lists(st.just(SAMPLE), max_size=2))
    if how == "header" or not keys:
        what = draw(st.sampled_from(["format", "version", "drop", "unknown", "not a list"]))
        if what == "format":
            doc["format"] = draw(st.sampled_from(FORMATS) | hostile_text())
        elif what == "version":
            doc["version"] = draw(st.sampled_from(VERSIONS) | wrong_types())
        elif what == "drop":
            doc.pop(draw(st.sampled_from(["format", "version"])), None)
        elif what == "unknown":
            known = {"format", "version", "exported_at", *BY_KEY}
            doc[draw(hostile_keys(known))] = draw(wrong_types())
        else:
            doc[draw(st.sampled_from(sorted(BY_KEY)))] = draw(
                wrong_types().filter(lambda v: not isinstance(v, list))
            )
        return doc
    key = draw(st.sampled_from(keys))
    kind, items = BY_KEY[key], list(doc[key])
    i = draw(st.integers(0, len(items) - 1))
    record = items[i]
    if how == "record":
        items[i] = draw(mutate_record(kind, record))
    elif how == "not a record":
        items[i] = draw(wrong_types())
    elif how == "duplicate":
        twin = dict(record) if isinstance(record, dict) else record
        other = draw(st.sampled_from(sorted(BY_KEY)))
        if other == key:
            items.insert(draw(st.integers(0, len(items))), twin)
        else:
            doc[other] = [*(doc.get(other) or []), twin]
    elif how == "dangling" and isinstance(record, dict):
        refs = [f for f in kind.fields if isinstance(f, Ref)]
        if refs:
            record = dict(record)
            record[draw(st.sampled_from(refs)).name] = draw(dangling_ids())
            items[i] = record
    elif how == "huge" and isinstance(record, dict):
        texts = [f for f in kind.fields if type(f) is Text]
        record = dict(record)
        tail = st.sampled_from(("", "", *LONE_SURROGATES))
        record[draw(st.sampled_from(texts)).name] = draw(long_text()) + draw(tail)
        items[i] = record
    doc[key] = items
    return doc


@st.composite
def hostile_document(draw) -> Any:
    """The sample document with one to three hostile changes."""
    doc: Any = SAMPLE
    for _ in range(draw(st.integers(1, 3))):
        doc = draw(mutate_document(doc))
    return doc


@st.composite
def retexted_document(draw) -> dict[str, Any]:
    """The sample document with hostile but legal text in many text fields (still valid)."""
    doc = copy.deepcopy(SAMPLE)

    def retext(fields, record):
        for spec in fields:
            if type(spec) is Text and draw(st.integers(0, 2)) == 0:
                # a participant who is not a contact needs a name (a rule of consultations)
                unnamed = (
                    spec.name == "name" and "contact_id" in record and not record["contact_id"]
                )
                needed = spec.required or unnamed
                most = spec.max_length
                record[spec.name] = draw(filled_text(most) if needed else legal_text(most))

    for kind in KINDS:
        for record in doc.get(kind.key, []):
            retext(kind.fields, record)
            for spec in kind.fields:
                if isinstance(spec, Parts):
                    for part in record.get(spec.name) or []:
                        retext(spec.fields, part)
    doc["organizations"][0]["notes"] = draw(long_text(20_000, 20_000))
    return doc


DAMAGED_FILES = (
    b"",
    b"   \n",
    b"\xef\xbb\xbf",
    b"null",
    b"[]",
    b"{}",
    b'"partnerdesk"',
    b'{"format": "partnerdesk", "version": ' + b"1" * 5000 + b"}",
    b'{"format": "partnerdesk", "version": 1, "organizations": [{"notes": ' + b"9" * 5000 + b"}]}",
    b"[" * 100_000,
    b'{"a": ' * 50_000,
    b'{"format": "partnerdesk", "version": NaN}',
    b'{"format": "partnerdesk", "version": Infinity}',
    b'{"format": "partnerdesk", "version": 1e999999}',
    b'{"format": "partnerdesk", "format": "x", "version": 1}',
    b'{"format": "partnerdesk", "version": 1, "organizations": [{"id": "\\ud800"}]}',
    b'{"format": "partnerdesk\\u0000", "version": 1}',
    b"\xff\xfe{\x00}\x00",
    b"\x00" * 16,
    b"\xed\xa0\x80",  # a surrogate written as UTF-8 (CESU): not UTF-8
)


@st.composite
def damaged_file(draw) -> bytes:
    """The bytes of an exchange file: cut short, with a character changed, or worse."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(DAMAGED_FILES))
    doc = draw(st.just(SAMPLE) | hostile_document())
    try:
        text = json.dumps(
            doc, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
        )
    except (ValueError, TypeError):  # an int of more than 4,300 digits, or a date, is not JSON
        text = json.dumps(SAMPLE)
    how = draw(st.sampled_from(["truncate", "truncate", "edit", "as is"]))
    if how == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif how == "edit":
        text = draw(_one_edit(text))
    return text.encode("utf-8", errors="surrogatepass")
