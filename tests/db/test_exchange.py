"""The exchange format: export → import → export is exact, a second import changes nothing, and
a bad file is refused whole with every problem named and the store exactly as it was."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import func, select

from db.errors import ValidationError
from db.exchange.document import (
    export_document,
    import_document,
    import_file,
    preview_file,
    to_json,
    write_file,
)
from db.exchange.schema import build_schema, committed_schema_text, schema_text
from db.records import services
from db.schema.models import Change
from tests import builders as b

FRENCH = "Coopération renforcée entre l’OMD et l’OIM : « gestion coordonnée des frontières », Genève–Bruxelles"
ARABIC = "مذكرة تفاهم بين المنظمة الدولية للهجرة والمنظمة العالمية للجمارك"
CHINESE = "国际移民组织与世界海关组织谅解备忘录"
LONG = ("Article 4.1 — " + FRENCH + " " + ARABIC + " " + CHINESE + " ") * 60
LONG = LONG[:10_000]


def fill(store) -> dict:
    """A store using every record kind, every script and 10,000-character fields."""
    iom = services.save(
        store,
        "organization",
        b.organization(
            name="Organisation internationale pour les migrations",
            acronym="OIM",
            country="CH",
            mandate=LONG,
        ),
    )
    wco = services.save(
        store,
        "organization",
        b.organization(
            name="المنظمة العالمية للجمارك",
            acronym="WCO",
            country="BE",
            is_ours=True,
            notes=CHINESE,
        ),
    )
    person = services.save(
        store,
        "contact",
        {
            "name": "Élodie Marchand",
            "organization_id": iom,
            "role": "focal_point",
            "email": "elodie.marchand@example.org",
            "languages": ["fr", "en"],
        },
    )
    area = services.save(
        store,
        "thematic_area",
        {"code": "BM.X", "name": "Gestion des frontières — 边境管理", "description": ARABIC},
    )
    mou = services.save(
        store,
        "agreement",
        b.agreement(
            [iom, wco],
            title=FRENCH,
            summary=LONG,
            review_on="2027-03-31",
            languages=["en", "fr"],
            provisions=[
                {"article": "1", "heading": "Portée", "summary": LONG},
                {"article": "4", "heading": CHINESE, "summary": ARABIC},
            ],
            commitments=[{"party_id": iom, "text": "Désigner un point focal", "status": "met"}],
            amendments=[{"date": "2020-01-15", "summary": "Annexe ajoutée"}],
            thematic_area_ids=[area],
        ),
    )
    meeting = services.save(
        store,
        "consultation",
        b.consultation(
            title=ARABIC,
            agenda=LONG,
            decisions=CHINESE,
            organization_ids=[iom, wco],
            agreement_ids=[mou],
            thematic_area_ids=[area],
            participants=[{"contact_id": person}, {"name": "李明", "organization_id": wco}],
            timezone="Europe/Brussels",
        ),
    )
    workshop = services.save(
        store,
        "activity",
        b.activity(
            title=CHINESE,
            results=LONG,
            country="ZM",
            beneficiary_countries=["ZW", "ZM"],
            participants_total=30,
            participants_women=14,
            participants_men=16,
            partners=[{"organization_id": iom, "contribution": "Formateurs et matériel"}],
            lead_organization_id=wco,
            agreement_id=mou,
            thematic_area_ids=[area],
            mode="hybrid",
        ),
    )
    services.save(
        store,
        "activity",
        b.activity(
            title="Série de webinaires ICMPD–OMD",
            status="postponed",
            start_on="2026-02-10",
            end_on="2026-11-10",
            mode="online",
            lead_organization_id=wco,
            partners=[{"organization_id": iom}],
            participants_expected=600,
            original_start_on="2026-01-13",
            original_end_on="2026-10-13",
            postponement_reason=FRENCH,
            participants=[
                {"name": "李明", "organization_id": wco, "sex": "man", "role": "speaker"},
                {
                    "name": "Élodie Marchand",
                    "organization_name": "Douanes françaises",
                    "country": "FR",
                    "sex": "woman",
                    "attended": True,
                    "email": "elodie.marchand@example.org",
                },
                {"name": ARABIC[:40], "country": "JO", "attended": False},
            ],
            sessions=[
                {"start_on": f"2026-{m:02d}-10", "starts_at": f"2026-{m:02d}-10T14:00"}
                for m in (2, 5, 8, 11)
            ],
            costs=[
                {
                    "organization_id": iom,
                    "kind": "interpretation",
                    "amount": 1250.75,
                    "currency": "chf",
                },
                {"organization_id": wco, "kind": "experts", "description": CHINESE},
            ],
            evaluation={
                "forms_returned": 1,
                "satisfaction_average": 4.25,
                "satisfaction_scale_max": 5,
                "feedback": ARABIC,
            },
            report=LONG,
        ),
    )
    services.save(
        store, "follow_up", b.follow_up(text=FRENCH, source_kind="consultation", source_id=meeting)
    )
    archived = services.save(store, "follow_up", b.follow_up(text="Dropped idea", status="dropped"))
    services.archive(store, "follow_up", archived)
    return {"iom": iom, "wco": wco, "mou": mou, "meeting": meeting, "workshop": workshop}


def history_count(store) -> int:
    with store.reading() as session:
        return session.execute(select(func.count()).select_from(Change)).scalar()


def test_export_import_export_is_byte_exact(store, other_store):
    fill(store)
    first = to_json(export_document(store, exported_at="2026-11-23T10:00:00Z"))
    import_document(other_store, json.loads(first))
    second = to_json(export_document(other_store, exported_at="2026-11-23T10:00:00Z"))
    assert second == first
    doc = json.loads(second)
    assert any(a["summary"] == LONG for a in doc["agreements"])
    assert any(
        o["name"] == "المنظمة العالمية للجمارك" and o["notes"] == CHINESE
        for o in doc["organizations"]
    )
    assert [f for f in doc["follow_ups"] if f["archived"]][0]["text"] == "Dropped idea"


def test_the_same_file_imported_twice_changes_nothing_the_second_time(store, other_store, tmp_path):
    fill(store)
    path = tmp_path / "export.json"
    write_file(export_document(store), path)
    first = import_file(other_store, path)
    assert sum(first.created.values()) > 0
    history_rows = history_count(other_store)
    before = to_json(export_document(other_store, exported_at="x"))
    second = import_file(other_store, path)
    assert sum(second.created.values()) == sum(second.updated.values()) == 0
    assert to_json(export_document(other_store, exported_at="x")) == before
    assert history_count(other_store) == history_rows


def test_a_record_whose_id_exists_is_updated(store):
    ids = fill(store)
    doc = export_document(store)
    org = next(o for o in doc["organizations"] if o["id"] == ids["iom"])
    org["acronym"] = "IOM"
    summary = import_document(store, doc)
    assert summary.updated["organizations"] == 1
    assert services.get(store, "organization", ids["iom"])["acronym"] == "IOM"
    assert any(
        c.field == "acronym" and c.old_value == "OIM" and c.new_value == "IOM"
        for c in services.change_history(store, "organization", ids["iom"])
    )


def test_the_preview_says_what_an_import_would_do_and_writes_nothing(store, other_store, tmp_path):
    ids = fill(store)
    path = tmp_path / "export.json"
    doc = export_document(store, exported_at="2026-11-23T10:00:00Z")
    write_file(doc, path)
    import_file(other_store, path)
    org = next(o for o in doc["organizations"] if o["id"] == ids["iom"])
    org["acronym"] = "IOM"  # changed since
    doc["organizations"].append(
        {**org, "id": "5b7f61a4-4a6e-4f7e-9a61-0c0e2f1f2a01", "name": "New"}
    )
    write_file(doc, path)
    before = to_json(export_document(other_store, exported_at="x"))
    history_rows = history_count(other_store)

    preview = preview_file(other_store, path)

    assert preview.exported_at == "2026-11-23T10:00:00Z"
    assert preview.outcome.created == {"organizations": 1}
    assert preview.outcome.updated == {"organizations": 1}
    assert preview.held()["organizations"] == len(doc["organizations"])
    assert list(preview.held()) == [k for k in doc if k in preview.held()]  # the format's order
    assert to_json(export_document(other_store, exported_at="x")) == before
    assert history_count(other_store) == history_rows
    done = import_file(other_store, path)  # the import does what the preview said
    assert (done.created, done.updated, done.unchanged) == (
        preview.outcome.created,
        preview.outcome.updated,
        preview.outcome.unchanged,
    )


def test_the_preview_refuses_a_bad_file_as_import_does(store, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "partnerdesk", "version": 1, "organizations": [{"id": 3}]}')
    with pytest.raises(ValidationError) as refused:
        preview_file(store, path)
    with pytest.raises(ValidationError) as imported:
        import_file(store, path)
    assert [str(p) for p in refused.value.problems] == [str(p) for p in imported.value.problems]


def test_the_export_validates_against_the_committed_schema(store):
    fill(store)
    schema = json.loads(committed_schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        export_document(store)
    )


def test_the_committed_schema_is_the_one_the_code_describes():
    assert committed_schema_text() == schema_text(), "run: python -m db.exchange.schema"
    assert build_schema()["$defs"]["agreement"]["properties"]["parties"]["items"]["required"] == [
        "organization_id"
    ]


# -- bad files ------------------------------------------------------------------------------------
@pytest.fixture
def good_doc(store) -> dict:
    ids = fill(store)
    doc = export_document(store)
    doc["_ids"] = ids
    return doc


def _first(doc, key, record_id=None):
    return next(r for r in doc[key] if record_id is None or r["id"] == record_id)


def mutate(case: str, doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    ids = doc.pop("_ids")
    agreement = _first(doc, "agreements", ids["mou"])
    activity = _first(doc, "activities", ids["workshop"])
    if case == "missing required field":
        del _first(doc, "organizations", ids["iom"])["name"]
    elif case == "unknown enumeration value":
        agreement["kind"] = "treaty"
    elif case == "dangling reference":
        activity["lead_organization_id"] = "00000000-0000-4000-8000-000000000001"
    elif case == "duplicate id":
        doc["organizations"].append(dict(_first(doc, "organizations", ids["iom"]), name="Copy"))
    elif case == "end before start":
        activity["end_on"] = "2026-03-01"
    elif case == "women + men over the total":
        activity["participants_women"] = 20
    elif case == "non-ISO country":
        activity["country"] = "XZ"
    elif case == "area its own ancestor":
        area = next(a for a in doc["thematic_areas"] if a["code"] == "BM.X")
        child = dict(
            area,
            id="00000000-0000-4000-8000-000000000002",
            code="BM.X.1",
            name="Child",
            parent_id=area["id"],
        )
        doc["thematic_areas"].append(child)
        area["parent_id"] = child["id"]
    elif case == "impossible date":
        agreement["parties"][0]["signed_on"] = "2016-02-30"
    elif case == "entry into force before first signature":
        agreement["entry_into_force"] = "2018-05-01"
    elif case == "malformed email":
        _first(doc, "contacts")["email"] = "elodie.marchand(at)example.org"
    elif case == "wrong format":
        doc["format"] = "something-else"
    elif case == "newer version":
        doc["version"] = 2
    return doc


BAD_CASES = {
    "missing required field": ("organizations[", "name", "required"),
    "unknown enumeration value": ("agreements[", "kind", "treaty"),
    "dangling reference": ("activities[", "lead_organization_id", "no organization has the id"),
    "duplicate id": ("organizations[", "id", "used twice"),
    "end before start": ("activities[", "end_on", "before start date"),
    "women + men over the total": ("activities[", "participants_total", "more than the total"),
    "non-ISO country": ("activities[", "country", "ISO 3166"),
    "area its own ancestor": ("thematic_areas[", "parent_id", "under itself"),
    "impossible date": ("agreements[", "parties[0].signed_on", "2016-02-30 is not a real date"),
    "entry into force before first signature": (
        "agreements[",
        "entry_into_force",
        "before the first signature",
    ),
    "malformed email": ("contacts[", "email", "does not look like an email"),
    "wrong format": ("document", "format", "not a PartnerDesk exchange document"),
    "newer version": ("document", "version", "newer PartnerDesk"),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_a_bad_document_is_refused_whole_and_the_store_is_unchanged(store, good_doc, case):
    record, field, words = BAD_CASES[case]
    before = to_json(export_document(store, exported_at="x"))
    bad = mutate(case, good_doc)
    # Also change a good record, which must not be written either.
    _first(bad, "organizations")["notes"] = "this change must not be saved"
    with pytest.raises(ValidationError) as caught:
        import_document(store, bad)
    matching = [p for p in caught.value.problems if p.field == field and words in p.message]
    assert matching, f"expected a problem on {field} saying {words!r}; got {caught.value}"
    assert matching[0].record.startswith(record)
    assert to_json(export_document(store, exported_at="x")) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"this is not json", "not valid JSON"),
        (b'{"format": "partnerdesk", "version": 1, "organizations": [{"id": "', "truncated"),
        (b"", "empty"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"[1, 2, 3]", "not a PartnerDesk exchange document"),
    ],
)
def test_a_file_that_is_not_a_document_is_refused(store, tmp_path: Path, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = to_json(export_document(store, exported_at="x"))
    with pytest.raises(ValidationError) as caught:
        import_file(store, path)
    assert words in str(caught.value)
    assert to_json(export_document(store, exported_at="x")) == before


def test_a_file_with_a_byte_order_mark_is_read(store, tmp_path: Path):
    doc = {
        "format": "partnerdesk",
        "version": 1,
        "organizations": [b.organization(name="Organisation mondiale des douanes")],
    }
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode())
    assert import_file(store, path).created["organizations"] == 1


def test_parents_may_come_after_their_children_in_a_file(store):
    parent, child = b.organization(name="United Nations"), b.organization(name="IOM")
    child["parent_id"] = parent["id"]
    import_document(
        store, {"format": "partnerdesk", "version": 1, "organizations": [child, parent]}
    )
    assert services.get(store, "organization", child["id"])["parent_id"] == parent["id"]


def test_an_unknown_field_is_named(store):
    doc = {"format": "partnerdesk", "version": 1, "organizations": [b.organization(acronim="WCO")]}
    with pytest.raises(ValidationError) as caught:
        import_document(store, doc)
    assert caught.value.problems[0].field == "acronim"


# -- a joint activity's lists (issue 25) -----------------------------------------------------------
def _series(doc) -> dict:
    return next(a for a in doc["activities"] if a["title"] == "Série de webinaires ICMPD–OMD")


def test_an_activitys_lists_and_evaluation_go_out_and_come_back_exactly(store, other_store):
    ids = fill(store)
    doc = export_document(store)
    series = _series(doc)
    assert [p["name"] for p in series["participants"]][:2] == ["李明", "Élodie Marchand"]
    assert all(len(p["id"]) == 36 for p in series["participants"] + series["sessions"])
    assert [s["start_on"] for s in series["sessions"]] == [
        "2026-02-10",
        "2026-05-10",
        "2026-08-10",
        "2026-11-10",
    ]
    assert series["costs"][0] | {"id": None} == {
        "id": None,
        "organization_id": ids["iom"],
        "kind": "interpretation",
        "amount": 1250.75,
        "currency": "CHF",
        "description": None,
    }
    assert series["evaluation"]["satisfaction_average"] == 4.25
    assert series["original_start_on"] == "2026-01-13"
    # The counts come from the list: the one marked absent is not counted.
    assert (
        series["participants_total"],
        series["participants_women"],
        series["participants_men"],
    ) == (2, 1, 1)
    assert series["participants_expected"] == 600
    import_document(other_store, doc)
    assert _series(export_document(other_store)) == series


def test_rows_given_without_ids_keep_the_ids_they_have_in_the_store(store):
    """A file from another tool (or a spreadsheet) carries no row ids: importing it twice, or
    importing it over the store's own export, changes nothing."""
    fill(store)
    doc = export_document(store)
    stored = _series(doc)
    for key in ("participants", "sessions", "costs"):
        for row in stored[key]:
            del row["id"]
    summary = import_document(store, copy.deepcopy(doc))
    assert sum(summary.updated.values()) == 0
    again = _series(export_document(store))
    assert [p["name"] for p in again["participants"]] == [p["name"] for p in stored["participants"]]
    before = {p["name"]: p["id"] for p in again["participants"]}
    # One participant removed, one added: the others keep their ids, the new one gets one.
    stored["participants"] = stored["participants"][1:] + [{"name": "Nouvelle personne"}]
    import_document(store, doc)
    after = {p["name"]: p["id"] for p in _series(export_document(store))["participants"]}
    assert {name: after[name] for name in before if name in after} == {
        name: before[name] for name in before if name in after
    }
    assert "李明" not in after and after["Nouvelle personne"] not in before.values()


def test_a_row_id_given_twice_in_one_list_is_refused(store):
    fill(store)
    doc = export_document(store)
    series = _series(doc)
    series["participants"][1]["id"] = series["participants"][0]["id"]
    with pytest.raises(ValidationError) as caught:
        import_document(store, doc)
    assert "participants[1].id" in {p.field for p in caught.value.problems}


def test_the_same_row_id_in_two_activities_is_not_a_clash(store):
    """A row's id needs to be unique within its activity only: a copied row keeps its id."""
    fill(store)
    doc = export_document(store)
    series = _series(doc)
    copy_of = copy.deepcopy(series) | {"id": b.new_id(), "title": "Next edition"}
    doc["activities"].append(copy_of)
    import_document(store, doc)
    titles = {a["title"]: a for a in export_document(store)["activities"]}
    assert titles["Next edition"]["participants"] == series["participants"]


def test_a_file_of_before_the_activitys_lists_still_imports(other_store, clock):
    """An exchange file written by PartnerDesk before revision 0004 (the fixture store-0001's
    export) imports, its activities with empty lists and typed counts."""
    clock.move_to("2026-11-23")  # the day it was written: its completed activities are past
    path = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.json"
    summary = import_file(other_store, path)
    assert summary.created["activities"] > 0
    doc = export_document(other_store)
    old = json.loads(path.read_text(encoding="utf-8"))
    for then in old["activities"]:
        now = next(a for a in doc["activities"] if a["id"] == then["id"])
        assert now["participants"] == now["sessions"] == now["costs"] == []
        assert now["evaluation"] is None and now["participants_expected"] is None
        assert now["participants_total"] == then["participants_total"]
