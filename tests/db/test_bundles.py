"""Sync bundles as files from outside: what one writes is what its schema says, what another
reads is checked whole, and a malformed or hostile bundle is refused whole with the store as it
was (docs/sync-bundle-format.md, docs/security.md)."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from db.errors import FileRefused, ValidationError
from db.exchange import bundles
from db.exchange.bundle_schema import build_schema, committed_schema_text, schema_text
from db.exchange.document import export_document
from db.records import changelog, services
from db.store import migrations, outside
from db.store.engine import Store
from db.store.outside import limit
from tests import builders


def with_limit(monkeypatch, key: str, value: int) -> None:
    monkeypatch.setitem(outside.BY_KEY, key, replace(limit(key), value=value))


@pytest.fixture
def sent(store: Store, tmp_path: Path) -> Path:
    """A bundle of an agreement with an attached file, from ``store``."""
    parties = builders.two_parties(store)
    agreement = services.save(store, "agreement", builders.agreement(parties))
    note = tmp_path / "minutes.txt"
    note.write_bytes(b"Minutes of the signing.\n")
    services.attach_file(store, "agreement", agreement, note)
    path = tmp_path / "hq.pdsync"
    bundles.write_bundle(store, path)
    return path


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewritten(path: Path, parts: dict[str, bytes], name: str = "hostile.pdsync") -> Path:
    target = path.with_name(name)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return target


def with_json(path: Path, change) -> Path:
    parts = parts_of(path)
    doc = json.loads(parts[bundles.JSON_PART])
    change(doc)
    parts[bundles.JSON_PART] = json.dumps(doc).encode()
    return rewritten(path, parts)


def state(store: Store) -> tuple:
    with store.reading() as session:
        vector = changelog.version_vector(session)
    return export_document(store, exported_at="-"), vector


def test_a_bundle_validates_against_the_committed_schema(sent):
    schema = json.loads(committed_schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(parts_of(sent)[bundles.JSON_PART])
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["attachments"] and doc["changes"] and doc["records"]["agreements"]


def test_the_committed_schema_is_the_one_the_code_describes():
    assert committed_schema_text() == schema_text(), "run: python -m db.exchange.bundle_schema"
    assert "change" in build_schema()["$defs"]


def refused_whole(other_store: Store, path: Path, *words: str) -> str:
    before = state(other_store)
    with pytest.raises((ValidationError, FileRefused)) as refused:
        bundles.sync_in(other_store, path)
    assert state(other_store) == before
    message = str(refused.value)
    for word in words:
        assert word in message
    return message


def test_a_bundle_that_is_not_a_zip_is_refused(other_store, tmp_path):
    path = tmp_path / "notes.pdsync"
    path.write_text('{"format": "partnerdesk-sync"}')
    refused_whole(other_store, path, "not a sync bundle", "zip")


def test_a_bundle_whose_json_is_broken_is_refused_naming_where(other_store, sent):
    parts = parts_of(sent)
    parts[bundles.JSON_PART] = parts[bundles.JSON_PART].replace(b'"changes":', b'"changes";', 1)
    refused_whole(other_store, rewritten(sent, parts), "not valid JSON", "line 1, column")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(vector=[1, 2]), ["vector"]),
        (lambda d: d["changes"][0].update(seq="one"), ["seq", "changes[0]"]),
        (lambda d: d["records"]["agreements"][0].update(notice_months="six"), ["notice_months"]),
        (lambda d: d.update(store_id=7), ["store_id"]),
        (lambda d: d["attachments"][0].update(size=-1), ["attachments[0]"]),
        (lambda d: d.update(extra=True), ["extra"]),
    ],
)
def test_a_bundle_with_wrong_types_is_refused_whole(other_store, sent, change, words):
    refused_whole(other_store, with_json(sent, change), *words)


def test_a_bundle_larger_than_its_limit_is_refused_before_it_is_read(
    other_store, sent, monkeypatch
):
    with_limit(monkeypatch, "bundle_bytes", 1000)
    refused_whole(other_store, sent, "a sync bundle may be at most 1,000 bytes")


def test_a_zip_bomb_is_refused_before_it_unpacks(other_store, sent, monkeypatch):
    with_limit(monkeypatch, "bundle_json_bytes", 1 * outside.MB)
    parts = parts_of(sent)
    parts[bundles.JSON_PART] += b" " * (50 * outside.MB)  # 50 MB of blanks pack to 50 KB
    bomb = rewritten(sent, parts)
    assert bomb.stat().st_size < 200_000
    refused_whole(other_store, bomb, "may unpack to at most 1 MB")


def test_more_changes_than_allowed_are_refused(other_store, sent, monkeypatch):
    with_limit(monkeypatch, "bundle_changes", 3)
    refused_whole(other_store, sent, "at most 3 changes")


@pytest.mark.parametrize("part", ["../../.bashrc", "attachments/../../evil", "/etc/passwd"])
def test_a_part_named_outside_the_bundle_is_refused(other_store, sent, part):
    parts = parts_of(sent)
    parts[part] = b"echo owned"
    refused_whole(other_store, rewritten(sent, parts), "is not one a sync bundle holds")


@pytest.mark.parametrize("name", ["../../.bashrc", "C:\\Windows\\evil.dll", "a\x00b"])
def test_an_attachment_named_like_a_path_is_refused(other_store, sent, name):
    def rename(doc):
        doc["attachments"][0]["name"] = name

    refused_whole(other_store, with_json(sent, rename), "attachments[0]", "no folder in it")


def test_an_attached_file_whose_bytes_do_not_match_is_refused_after_the_merge_began(
    other_store, sent
):
    parts = parts_of(sent)
    [part] = [name for name in parts if name.startswith(bundles.ATTACHMENT_FOLDER)]
    parts[part] = parts[part].replace(b"signing", b"SIGNING")  # same size, other bytes
    refused_whole(other_store, rewritten(sent, parts), "do not match its SHA-256")


def test_a_bundle_from_a_newer_schema_is_refused_naming_both_versions(other_store, sent):
    def newer(doc):
        doc["schema_revision"] = "0042"

    ours = f"revision {migrations.head_revision()}"
    message = refused_whole(other_store, with_json(sent, newer), "revision 0042", ours)
    assert "Update PartnerDesk" in message


def test_a_bundle_of_a_newer_format_is_refused_naming_both_versions(other_store, sent):
    message = refused_whole(other_store, with_json(sent, lambda d: d.update(version=2)), "newer")
    assert "version 2" in message and "version 1" in message


def test_a_bundle_read_as_it_was_written_takes_the_attached_file(store, other_store, sent):
    report = bundles.sync_in(other_store, sent)
    assert report.attachments == 1 and report.conflicts == []
    [agreement] = [key for key in report.added if key[0] == "agreement"]
    [attached] = services.attachments_of(other_store, "agreement", agreement[1])
    assert services.attachment_bytes(other_store, attached.id) == b"Minutes of the signing.\n"
    assert attached.name == "minutes.txt"
    assert json.loads(io.BytesIO(parts_of(sent)[bundles.JSON_PART]).read())["store_id"] == (
        store.store_id()
    )
