"""Bad input everywhere (property-based): whatever an editor or a file gives the rules and the
importer — random strings, huge text, control characters, impossible dates, wrong types, unknown
fields, ids that point nowhere — the answer is a record saved with what the input meant, or a
ValidationError naming fields, and then nothing written. Never another exception, never a part.

Every test starts from a copy of a template store; a copy that a refusal left as it was (each test
checks that) is handed to the next example instead of copying again.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db import clock
from db.errors import Problem, StorageError, ValidationError
from db.exchange.document import (
    FORMAT,
    ImportSummary,
    export_document,
    import_document,
    import_file,
    to_json,
)
from db.records import participants, services
from db.records.rules import as_of
from db.records.services import open_store
from db.schema.fields import (
    Amount,
    Choice,
    Count,
    Country,
    Currency,
    Date,
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
    TimeZone,
    YesNo,
)
from db.schema.kinds import BY_KEY, BY_NAME, KINDS, RecordKind
from db.schema.models import SearchEntry
from db.store import identity
from db.store.engine import Store
from tests.db import strategies as s

KIND_NAMES = [k.name for k in KINDS]
EXPORTED_AT = "2026-11-23T10:00:00Z"


def examples(n: int) -> settings:
    """Reproducible runs (no example database, a fixed seed) of ``n`` examples each."""
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- stores -------------------------------------------------------------------------------------------
def snapshot(store: Store) -> dict[str, list[str]]:
    """Every row of every table — records, parts, links, the change history, the search index and
    its FTS5 shadow tables, settings — as text, to tell whether anything was written. The
    settings that name the store itself are left out: each copy of a template has its own
    (db.store.identity)."""
    own = (identity.STORE_ID_KEY, identity.HOME_KEY, identity.EARLIER_KEY)
    conn = store.raw_connection()
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
        found["setting"] = sorted(
            map(repr, conn.execute(f"SELECT * FROM setting WHERE key NOT IN {own!r}"))
        )
        return found
    finally:
        conn.close()


class Pool:
    """Stores with the content of one template file."""

    def __init__(self, template: Path, folder: Path):
        self.template, self.folder, self.count = template, folder, 0
        self.idle: Store | None = None
        with open_store(self._copy()) as store:
            self.pristine = snapshot(store)

    def _copy(self) -> Path:
        self.count += 1
        path = self.folder / f"store-{self.count}.sqlite"
        shutil.copyfile(self.template, path)
        return path

    @contextmanager
    def store(self) -> Iterator[Store]:
        store, self.idle = self.idle or open_store(self._copy()), None
        try:
            yield store
        finally:
            if self.idle is None and snapshot(store) == self.pristine:
                self.idle = store
            else:
                store.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{store.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        if self.idle is not None:
            self.idle.close()


def _template(empty: Path, folder: Path, fill) -> Path:
    path = folder / "template.sqlite"
    shutil.copyfile(empty, path)
    with open_store(path) as store:
        fill(store)
    return path


def _pool(empty_store_file, tmp_path_factory, name: str, fill) -> Iterator[Pool]:
    folder = tmp_path_factory.mktemp(name)
    pool = Pool(_template(empty_store_file, folder, fill), folder)
    yield pool
    pool.close()


def _seed(store: Store) -> None:
    for kind_name, raw in s.SEED:
        services.save(store, kind_name, raw)


@pytest.fixture(scope="module")
def seeded(empty_store_file, tmp_path_factory) -> Iterator[Pool]:
    """Stores holding ``strategies.SEED``: a few records of every kind with fixed ids."""
    yield from _pool(empty_store_file, tmp_path_factory, "seeded", _seed)


@pytest.fixture(scope="module")
def empty(empty_store_file, tmp_path_factory) -> Iterator[Pool]:
    yield from _pool(empty_store_file, tmp_path_factory, "empty", lambda store: None)


@pytest.fixture(autouse=True)
def _as_of_the_samples_day() -> Iterator[None]:
    """The documents here are the sample's, whose activities were done by its day
    (s.SAMPLE_DAY): the rules judge them as of that day, whatever day the clock says."""
    with as_of(s.SAMPLE_DAY):
        yield


def _import_sample(store: Store) -> None:
    with as_of(s.SAMPLE_DAY):
        import_document(store, copy.deepcopy(s.SAMPLE))


@pytest.fixture(scope="module")
def sampled(empty_store_file, tmp_path_factory) -> Iterator[Pool]:
    """Stores holding the sample document, so that a hostile sample updates its records."""
    yield from _pool(empty_store_file, tmp_path_factory, "sampled", _import_sample)


# -- what a value that was accepted means (written apart from db.fields) ------------------------------
def empty_of(spec: FieldSpec) -> Any:
    if isinstance(spec, Flag):
        return False
    if isinstance(spec, ListOf | Parts):
        return []
    if isinstance(spec, Choice):
        return spec.default
    return None


def item_meaning(spec: FieldSpec, raw: Any) -> Any:
    if isinstance(spec, Ref):
        return str(uuid.UUID(raw))
    if isinstance(spec, Country | Currency):
        return raw.upper()
    if isinstance(spec, Language):
        return raw.lower()
    return raw


def assert_same(spec: FieldSpec, raw: Any, out: Any, path: str) -> None:
    """``out`` (exchange shape, read back from the store) is what ``raw`` meant."""
    where = f"{path}: {raw!r} came back as {out!r}"
    if isinstance(spec, RowId):  # a row given without an id gets one
        assert out == (str(uuid.UUID(out)) if raw in (None, "") else str(uuid.UUID(raw))), where
    elif isinstance(spec, Group):
        meant = raw if isinstance(raw, dict) else {}
        if all(meant.get(sub.name) in (None, "") for sub in spec.fields):
            assert out is None, where
        else:
            for sub in spec.fields:
                assert_same(sub, meant.get(sub.name), out[sub.name], f"{path}.{sub.name}")
    elif raw is None or (isinstance(raw, str) and raw == ""):
        assert out == empty_of(spec), where
    elif isinstance(spec, Parts):
        assert isinstance(out, list) and len(out) == len(raw), where
        for i, (part, back) in enumerate(zip(raw, out, strict=True)):
            for sub in spec.fields:
                assert_same(sub, part.get(sub.name), back[sub.name], f"{path}[{i}].{sub.name}")
    elif isinstance(spec, ListOf):
        meant = {item_meaning(spec.item, x) for x in raw if x is not None and x != ""}
        assert out == sorted(meant), where
    elif isinstance(spec, Text):  # and Email: kept exactly, every character, up to its length
        assert isinstance(out, str) and out == raw, where
    elif isinstance(spec, Date):
        day = raw.date() if isinstance(raw, datetime) else raw
        assert out == (day if isinstance(day, str) else day.isoformat()), where
    elif isinstance(spec, LocalDateTime):
        back = datetime.fromisoformat(out)
        assert back == datetime.fromisoformat(raw).replace(microsecond=0), where
        assert back.microsecond == 0 and back.utcoffset() == datetime.fromisoformat(raw).utcoffset()
    elif isinstance(spec, Count):
        assert type(out) is int and out == raw, where
    elif isinstance(spec, Flag | YesNo):
        assert out is raw, where
    elif isinstance(spec, Amount):
        meant = Decimal(repr(raw) if isinstance(raw, float) else str(raw).strip())
        assert type(out) in (int, float) and Decimal(repr(out)) == meant, where
    elif isinstance(spec, Choice | TimeZone):
        assert out == raw, where
    else:
        assert out == item_meaning(spec, raw), where


def assert_means(kind: RecordKind, raw: dict[str, Any], out: dict[str, Any]) -> None:
    """A saved or imported record says what its raw form meant, field by field (an absent field
    means empty), and has the id it was given."""
    listed = kind.name == "activity" and raw.get("participants")
    for spec in kind.fields:
        if (
            listed
            and spec.name.startswith("participants_")
            and spec.name != "participants_expected"
        ):
            continue  # the counts come from the participant list
        assert_same(spec, raw.get(spec.name), out[spec.name], spec.name)
    if listed:
        total, women, men = participants.counts(out["participants"])
        assert (out["participants_total"], out["participants_women"], out["participants_men"]) == (
            total,
            women,
            men,
        )
    if raw.get("id"):
        assert out["id"] == str(uuid.UUID(raw["id"]))
    assert out["archived"] is (raw.get("archived") or False)


def assert_references_resolve(store: Store, kind: RecordKind, out: dict[str, Any]) -> None:
    """Every id a stored record holds names a stored record of the kind the field expects, and
    the search index files the record under its own kind."""
    found: list[tuple[str, str]] = []
    for spec in kind.fields:
        value = out[spec.name]
        if isinstance(spec, Ref) and spec.target and value:
            found.append((spec.target, value))
        elif isinstance(spec, ListOf) and spec.target:
            found += [(spec.target, v) for v in value]
        elif isinstance(spec, Parts):
            for part in value:
                found += [
                    (sub.target, part[sub.name])
                    for sub in spec.fields
                    if isinstance(sub, Ref) and part[sub.name]
                ]
    if kind.name == "follow_up" and out["source_id"]:
        found.append((out["source_kind"], out["source_id"]))
    for target, record_id in found:
        assert services.get(store, target, record_id)["id"] == record_id
    with store.reading() as session:
        filed = session.execute(
            select(SearchEntry.record_kind).where(SearchEntry.record_id == out["id"])
        ).scalar()
    assert filed == kind.name, f"the search index files {out['id']} as a {filed}"


def root_of(field: str) -> str:
    return re.match(r"[^.\[]*", field).group()


def assert_named(problems: list[Problem], allowed: set[str]) -> None:
    """Each problem names a field (declared, or a key the input really had) and says something."""
    assert problems, "a refusal must say why"
    for problem in problems:
        assert isinstance(problem.field, str) and isinstance(problem.message, str), problem
        assert problem.message.strip(), problem
        assert problem.field in allowed or root_of(problem.field) in allowed, problem


def as_set(problems: list[Problem]) -> list[tuple[str, str]]:
    return sorted((p.field, p.message) for p in problems)


# -- 1. saving one record ------------------------------------------------------------------------------
def outcome_of_save(pool: Pool, kind_name: str, raw: Any) -> None:
    """``check`` and ``save`` agree; a save keeps what was meant, a refusal names fields and
    writes nothing."""
    kind = BY_NAME[kind_name]
    with pool.store() as store:
        said = services.check(store, kind_name, copy.deepcopy(raw))
        try:
            record_id = services.save(store, kind_name, copy.deepcopy(raw))
        except ValidationError as refusal:
            keys = set(map(str, raw)) if isinstance(raw, dict) else {""}
            assert_named(refusal.problems, s.known_keys(kind) | keys)
            assert as_set(refusal.problems) == as_set(said), "check must say what save refuses"
            assert snapshot(store) == pool.pristine, "a refused save must write nothing"
        else:
            assert said == [], f"check reported {said} for a record that save accepted"
            out = services.get_exchange(store, kind_name, record_id)
            assert_means(kind, raw, out)
            assert_references_resolve(store, kind, out)


@pytest.mark.parametrize("kind_name", KIND_NAMES)
@examples(35)
@given(data=st.data())
def test_a_record_is_saved_as_meant_or_refused_with_named_fields(seeded, kind_name, data):
    outcome_of_save(seeded, kind_name, data.draw(s.hostile_record(kind_name), label="raw"))


ORG = {"name": "World Customs Organization", "kind": "intergovernmental_organization"}


@pytest.mark.parametrize(
    ("kind_name", "raw", "refused"),
    [
        pytest.param("organization", {**ORG, "name": "WCO \ud800"}, True, id="lone surrogate"),
        pytest.param("organization", {**ORG, "notes": "\udfff" * 3}, True, id="only surrogates"),
        pytest.param("organization", {**ORG, "kind": 10**5000}, True, id="int without str()"),
        pytest.param("contact", {"name": "X", "active_from": -(10**5000)}, True, id="huge date"),
        pytest.param("organization", {**ORG, "created_at": "junk"}, False, id="check = save"),
        pytest.param("organization", {**ORG, 1: "one", "zz": 2}, True, id="a key not text"),
        pytest.param(
            "organization", {**ORG, "id": s.SEEDED["agreement"][0]}, True, id="an agreement's id"
        ),
        pytest.param(
            "follow_up",
            {"id": s.ORGS[0], "text": "X", "due_on": "2026-01-01"},
            True,
            id="an organization's id",
        ),
        pytest.param("organization", "not a record", True, id="not an object"),
        pytest.param("organization", ["name", "kind"], True, id="a list"),
        pytest.param("agreement", None, True, id="no agreement"),
    ],
)
def test_known_bad_records(seeded, kind_name, raw, refused):
    outcome_of_save(seeded, kind_name, raw)
    with seeded.store() as store:
        if refused:
            with pytest.raises(ValidationError):
                services.save(store, kind_name, copy.deepcopy(raw))
        else:
            services.save(store, kind_name, copy.deepcopy(raw))


def outcome_of_batch(pool: Pool, batch: list[tuple[str, Any]]) -> None:
    with pool.store() as store:
        try:
            ids = services.save_many(store, copy.deepcopy(batch))
        except ValidationError as refusal:
            allowed = set().union(*(s.known_keys(BY_NAME[k]) | set(raw) for k, raw in batch))
            assert_named(refusal.problems, allowed)
            assert snapshot(store) == pool.pristine, "a refused batch must write nothing"
        else:
            assert len(set(ids)) == len(ids), f"one id for two records: {ids}"
            for (kind_name, raw), record_id in zip(batch, ids, strict=True):
                out = services.get_exchange(store, kind_name, record_id)
                assert_means(BY_NAME[kind_name], raw, out)
                assert_references_resolve(store, BY_NAME[kind_name], out)


@examples(40)
@given(data=st.data())
def test_a_batch_is_saved_whole_or_not_at_all(seeded, data):
    kinds = data.draw(st.lists(st.sampled_from(KIND_NAMES), min_size=2, max_size=3), label="kinds")
    batch = [(k, data.draw(s.valid_record(k) | s.hostile_record(k), label=k)) for k in kinds]
    if data.draw(st.booleans(), label="two records, one id"):
        batch[0][1]["id"] = batch[1][1]["id"] = data.draw(s.dangling_ids())
    outcome_of_batch(seeded, batch)


SHARED = "00000000-0000-4000-8000-0000000000ff"


@pytest.mark.parametrize(
    ("kind_name", "raw"),
    [
        ("follow_up", {"text": "Call back", "due_on": "2026-12-02"}),
        ("contact", {"name": "Élodie Marchand"}),
    ],
)
def test_two_records_of_a_batch_cannot_share_an_id(seeded, kind_name, raw):
    batch = [
        ("follow_up", {"id": SHARED, "text": "Send the draft", "due_on": "2026-12-01"}),
        (kind_name, {"id": SHARED, **raw}),
    ]
    with seeded.store() as store, pytest.raises(ValidationError) as refused:
        services.save_many(store, copy.deepcopy(batch))
    assert [(p.record, p.field) for p in refused.value.problems] == [
        (f"{BY_NAME[kind_name].label} 2", "id")
    ]
    outcome_of_batch(seeded, batch)


# -- 2. importing a document ----------------------------------------------------------------------------
def all_keys(value: Any) -> set[str]:
    """Every key of every object in a document, at any depth."""
    if isinstance(value, dict):
        return {str(k) for k in value} | set().union(*(all_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(all_keys(v) for v in value))
    return set()


DOCUMENT_FIELDS = {"file", "format", "version", "exported_at", *BY_KEY} | set().union(
    *(s.known_keys(k) for k in KINDS)
)


def assert_named_in_import(problems: list[Problem], doc: Any) -> None:
    """As ``assert_named``; each problem also says which record it is about ("document" for the
    header; none for a file that is not JSON), and one about a record that is not an object may
    name no field."""
    allowed = DOCUMENT_FIELDS | all_keys(doc)
    assert problems, "a refusal must say why"
    for problem in problems:
        assert problem.record or problem.field == "file", problem
        if problem.field == "" and re.fullmatch(r"\w+\[\d+\]", problem.record):
            assert problem.message.strip(), problem
        else:
            assert_named([problem], allowed)


def assert_imported(store: Store, doc: Any, summary: ImportSummary) -> None:
    """A document that was imported was a document, all of it went in, and it meant that."""
    assert isinstance(doc, dict), doc
    assert doc.get("format") == FORMAT and doc.get("version") == 1, doc.get("version")
    assert not isinstance(doc["version"], bool)
    assert set(doc) <= {"format", "version", "exported_at", *BY_KEY}, sorted(doc)
    seen: set[str] = set()
    for kind in KINDS:
        items = doc.get(kind.key) or []
        counted = summary.created + summary.updated + summary.unchanged
        assert counted[kind.key] == len(items), (kind.key, summary)
        for raw in items:
            record_id = str(uuid.UUID(raw["id"]))
            assert record_id not in seen, f"{record_id} twice in an imported file"
            seen.add(record_id)
            out = services.get_exchange(store, kind.name, record_id)
            assert_means(kind, raw, out)
            assert_references_resolve(store, kind, out)


def outcome_of_import(pool: Pool, doc: Any, run) -> bool:
    """True when ``run`` imported the whole of ``doc``; False when it was refused and nothing
    was written."""
    with pool.store() as store:
        try:
            summary = run(store)
        except ValidationError as refusal:
            assert_named_in_import(refusal.problems, doc)
            assert snapshot(store) == pool.pristine, "a refused import must write nothing"
        except StorageError:
            assert snapshot(store) == pool.pristine, "a failed import must write nothing"
        else:
            assert_imported(store, doc, summary)
            return True
    return False


@examples(60)
@given(data=st.data())
def test_a_hostile_document_is_imported_whole_or_not_at_all(empty, sampled, data):
    doc = data.draw(s.hostile_document(), label="doc")
    pool = data.draw(st.sampled_from([sampled, empty]), label="store")
    outcome_of_import(pool, doc, lambda store: import_document(store, copy.deepcopy(doc)))


@examples(60)
@given(data=st.data())
def test_a_damaged_file_is_imported_whole_or_not_at_all(empty, sampled, tmp_path_factory, data):
    content = data.draw(s.damaged_file(), label="content")
    pool = data.draw(st.sampled_from([sampled, empty]), label="store")
    path = tmp_path_factory.getbasetemp() / "damaged.json"
    path.write_bytes(content)
    try:
        doc = json.loads(content.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        doc = None  # not JSON: only a refusal will do
    outcome_of_import(pool, doc, lambda store: import_file(store, path))


@pytest.mark.parametrize("content", s.DAMAGED_FILES, ids=[repr(c[:20]) for c in s.DAMAGED_FILES])
def test_known_damaged_files_are_refused(empty, tmp_path, content):
    path = tmp_path / "damaged.json"
    path.write_bytes(content)
    assert not outcome_of_import(empty, None, lambda store: import_file(store, path))


HEADER_KEYS = {"format", "version", "exported_at", *BY_KEY}


@examples(60)
@example(header={"format": FORMAT, "version": True}, extra={})
@example(header={"format": FORMAT, "version": 1.0}, extra={})
@given(
    header=st.fixed_dictionaries(
        {},
        optional={
            "format": st.sampled_from([FORMAT, *s.FORMATS]) | s.hostile_text() | s.wrong_types(),
            "version": st.sampled_from([1, *s.VERSIONS]) | s.wrong_types(),
            "exported_at": s.hostile_text() | s.wrong_types(),
        },
    ),
    extra=st.dictionaries(s.hostile_keys(HEADER_KEYS), s.wrong_types(), max_size=2),
)
def test_only_a_header_of_format_partnerdesk_version_1_is_imported(empty, header, extra):
    doc = {**header, **extra, "organizations": [{"id": s.ORGS[0], **ORG}]}
    outcome_of_import(empty, doc, lambda store: import_document(store, copy.deepcopy(doc)))


@examples(5)
@given(doc=s.retexted_document())
def test_legal_hostile_text_survives_export_import_export_exactly(empty, tmp_path_factory, doc):
    path = tmp_path_factory.getbasetemp() / "retexted.json"
    with empty.store() as first:
        summary = import_document(first, copy.deepcopy(doc))
        assert_imported(first, doc, summary)
        text = to_json(export_document(first, exported_at=EXPORTED_AT))
        path.write_text(text, encoding="utf-8", newline="\n")
        with empty.store() as second:
            import_file(second, path)
            assert to_json(export_document(second, exported_at=EXPORTED_AT)) == text
        again = import_file(first, path)
        assert not again.created and not again.updated
        assert to_json(export_document(first, exported_at=EXPORTED_AT)) == text


# -- 3. dates -------------------------------------------------------------------------------------------
ORG_A, ORG_B = s.ORGS[:2]
DATED: dict[str, dict[str, Any]] = {
    "contact": {"name": "Élodie Marchand"},
    "agreement": {
        "title": "Memorandum of Understanding",
        "kind": "memorandum_of_understanding",
        "parties": [{"organization_id": ORG_A}, {"organization_id": ORG_B}],
        "amendments": [{"summary": "Annex added"}],
    },
    "activity": {"title": "Joint workshop", "kind": "workshop"},
    "follow_up": {"text": "Send the draft", "status": "done", "due_on": "2026-12-01"},
    "consultation": {"title": "Annual consultation", "kind": "bilateral_consultation"},
}
DATE_SLOTS = [
    ("contact", "active_from"),
    ("contact", "active_to"),
    ("agreement", "entry_into_force"),
    ("agreement", "expires_on"),
    ("agreement", "review_on"),
    ("agreement", "parties[1].signed_on"),
    ("agreement", "amendments[0].date"),
    ("activity", "start_on"),
    ("activity", "end_on"),
    ("follow_up", "due_on"),
    ("follow_up", "completed_on"),
    ("consultation", "starts_at"),
]


def at(record: dict[str, Any], path: str) -> tuple[dict[str, Any], str]:
    """The object holding ``path`` ("parties[1].signed_on") and the key in it."""
    found = re.fullmatch(r"(\w+)\[(\d+)\]\.(\w+)", path)
    return (record[found[1]][int(found[2])], found[3]) if found else (record, path)


def is_real_date(text: str) -> bool:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        return 1900 <= date.fromisoformat(text).year <= 2199
    except ValueError:
        return False


def is_real_moment(text: str) -> bool:
    try:
        return 1900 <= datetime.fromisoformat(text).year <= 2199
    except ValueError:
        return False


@examples(150)
@example(slot=("agreement", "parties[1].signed_on"), value="2026-02-30")
@example(slot=("contact", "active_from"), value="0000-01-01")
@example(slot=("activity", "end_on"), value="99999-01-01")
@example(slot=("follow_up", "due_on"), value="2026-13-01")
@example(slot=("agreement", "amendments[0].date"), value="٢٠٢٦-٠١-٠١")
@example(slot=("consultation", "starts_at"), value="0001-01-01T00:00+05:00")
@example(slot=("consultation", "starts_at"), value="2026-12-10T09:00\ud800")
@given(slot=st.sampled_from(DATE_SLOTS), value=s.any_date_strings())
def test_a_date_is_a_real_date_or_refused_on_its_field(seeded, slot, value):
    kind_name, path = slot
    raw = copy.deepcopy(DATED[kind_name])
    holder, key = at(raw, path)
    holder[key] = value
    moment = path == "starts_at"
    with seeded.store() as store:
        try:
            record_id = services.save(store, kind_name, raw)
        except ValidationError as refusal:
            assert {p.field for p in refusal.problems} == {path}, refusal.problems
            assert snapshot(store) == seeded.pristine
            assert not (is_real_moment(value) if moment else is_real_date(value)), refusal
        else:
            out_holder, _ = at(services.get_exchange(store, kind_name, record_id), path)
            back = out_holder[key]
            if value == "":  # no date
                assert back is None
            elif moment:
                assert is_real_moment(value)
                assert datetime.fromisoformat(back) == datetime.fromisoformat(value).replace(
                    microsecond=0
                )
            else:
                assert is_real_date(value) and back == value


@examples(60)
@example(field="created_at", value="0001-01-01T00:00+05:00")
@example(field="updated_at", value="9999-12-31T23:59-05:00")
@example(field="created_at", value="")
@given(field=st.sampled_from(["created_at", "updated_at"]), value=s.any_date_strings())
def test_an_imported_timestamp_is_a_real_moment_or_refused_on_its_field(empty, field, value):
    doc = {
        "format": FORMAT,
        "version": 1,
        "organizations": [{"id": s.ORGS[0], **ORG, field: value}],
    }
    with empty.store() as store:
        try:
            import_document(store, doc)
        except ValidationError as refusal:
            assert {p.field for p in refusal.problems} == {field}, refusal.problems
            assert snapshot(store) == empty.pristine
        else:
            stamp = services.get_exchange(store, "organization", s.ORGS[0])[field]
            if value == "":  # none given: the store's own
                assert abs(datetime.fromisoformat(stamp) - clock.now()) < timedelta(minutes=5)
                return
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            assert stamp == moment.replace(microsecond=0).isoformat() + "Z"
