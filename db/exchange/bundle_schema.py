"""The JSON Schema of a sync bundle's ``bundle.json``, derived from the exchange format's records
and the change log's fields so that it cannot drift (docs/sync-bundle-format.md).

The committed copy (resources/schema/) is what other tools read; a test keeps it equal to this.
Write it again with ``python -m db.exchange.bundle_schema``.
"""

from __future__ import annotations

from typing import Any

import resources
from db.exchange.bundles import ATTACHMENT_KEYS, FORMAT, SIDE_KEYS, VERSION
from db.exchange.schema import _record_schema, as_text, write_committed
from db.records.changelog import FIELDS, OPERATIONS
from db.schema.kinds import BY_NAME, KINDS

SCHEMA_FILE = ("schema", "partnerdesk-sync-bundle-v1.schema.json")
_UUID = {"type": "string", "format": "uuid"}
_TIMESTAMP = {"type": "string", "description": "UTC, ISO 8601, without an offset"}


def _every_key(properties: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """An object of exactly these keys, each required (as the reader checks them)."""
    if tuple(properties) != keys:
        raise ValueError(f"the schema's keys {tuple(properties)} are not the reader's {keys}")
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(keys),
        "properties": properties,
    }


def _change() -> dict[str, Any]:
    properties = {
        "store_id": _UUID,
        "seq": {"type": "integer", "minimum": 1},
        "changed_at": _TIMESTAMP,
        "changed_by": {"type": "string"},
        "operation": {"enum": list(OPERATIONS)},
        "record_kind": {"enum": list(BY_NAME)},
        "record_id": _UUID,
        "field": {"type": "string"},
        "old_value": {"type": ["string", "null"]},
        "new_value": {"type": ["string", "null"]},
    }
    return _every_key(properties, FIELDS)


def _side() -> dict[str, Any]:
    properties = {
        "store_id": {"type": ["string", "null"], "format": "uuid"},
        "seq": {"type": ["integer", "null"], "minimum": 1},
        "changed_at": {"type": ["string", "null"]},
        "changed_by": {"type": ["string", "null"]},
        "value": {"description": "the field's value on that side, as the exchange format has it"},
    }
    return _every_key(properties, SIDE_KEYS)


def _attachment() -> dict[str, Any]:
    properties = {
        "id": _UUID,
        "owner_kind": {"enum": list(BY_NAME)},
        "owner_id": _UUID,
        "name": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^/\\\\]+$"},
        "media_type": {"type": ["string", "null"]},
        "size": {"type": "integer", "minimum": 0},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "created_at": _TIMESTAMP,
        "archived_at": {"type": ["string", "null"]},
    }
    return _every_key(properties, ATTACHMENT_KEYS)


def build_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://partnerdesk.example.org/schema/partnerdesk-sync-bundle-v1.schema.json",
        "title": "PartnerDesk sync bundle, version 1 (its bundle.json)",
        "description": "What one store hands another: the sending store's id, schema revision and "
        "version vector, the changes the receiver lacks, the records they touch (as the exchange "
        "format has them), the open conflicts on those records and the attachments they hold. "
        "The attachments' bytes are the zip container's parts attachments/<sha256>.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "format",
            "version",
            "store_id",
            "schema_revision",
            "vector",
            "changes",
            "records",
            "conflicts",
            "attachments",
        ],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "written_at": {"type": "string"},
            "store_id": _UUID,
            "schema_revision": {"type": "string"},
            "for_store_id": {"type": ["string", "null"], "format": "uuid"},
            "vector": {
                "type": "object",
                "additionalProperties": {"type": "integer", "minimum": 0},
            },
            "changes": {"type": "array", "items": {"$ref": "#/$defs/change"}},
            "records": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    kind.key: {"type": "array", "items": {"$ref": f"#/$defs/{kind.name}"}}
                    for kind in KINDS
                },
            },
            "conflicts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["record_kind", "record_id", "field", "sides"],
                    "properties": {
                        "record_kind": {"enum": list(BY_NAME)},
                        "record_id": _UUID,
                        "field": {"type": "string"},
                        "sides": {
                            "type": "array",
                            "minItems": 2,
                            "items": {"$ref": "#/$defs/side"},
                        },
                    },
                },
            },
            "attachments": {"type": "array", "items": {"$ref": "#/$defs/attachment"}},
        },
        "$defs": {
            "change": _change(),
            "side": _side(),
            "attachment": _attachment(),
            **{kind.name: _record_schema(kind) for kind in KINDS},
        },
    }


def schema_text() -> str:
    return as_text(build_schema())


def committed_schema_text() -> str:
    return resources.path(*SCHEMA_FILE).read_text(encoding="utf-8")


if __name__ == "__main__":
    write_committed(SCHEMA_FILE[1], schema_text())
