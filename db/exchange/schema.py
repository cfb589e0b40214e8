"""The JSON Schema of the exchange document, derived from db.kinds so that it cannot drift.

The committed copy (resources/schema/) is what other tools read; a test keeps it equal to this.
Write it again with ``python -m db.exchange.schema``.
"""

from __future__ import annotations

import json
from typing import Any

import resources
from db.exchange.document import FORMAT, VERSION
from db.schema.kinds import KINDS, RecordKind

SCHEMA_FILE = ("schema", "partnerdesk-exchange-v1.schema.json")


def _record_schema(kind: RecordKind) -> dict[str, Any]:
    properties: dict[str, Any] = {"id": {"type": "string", "format": "uuid"}}
    properties.update({spec.name: spec.json_schema() for spec in kind.fields})
    properties["archived"] = {"type": ["boolean", "null"]}
    properties["created_at"] = {"type": ["string", "null"]}
    properties["updated_at"] = {"type": ["string", "null"]}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", *[spec.name for spec in kind.fields if spec.required]],
        "properties": properties,
    }


def build_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://partnerdesk.example.org/schema/partnerdesk-exchange-v1.schema.json",
        "title": "PartnerDesk exchange document, version 1",
        "description": "A whole PartnerDesk store or a part of it. Dates are YYYY-MM-DD; ids are UUIDs; "
        'absent optional fields mean empty; archived records carry "archived": true.',
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "exported_at": {"type": "string"},
            **{
                kind.key: {"type": "array", "items": {"$ref": f"#/$defs/{kind.name}"}}
                for kind in KINDS
            },
        },
        "$defs": {kind.name: _record_schema(kind) for kind in KINDS},
    }


def schema_text() -> str:
    return as_text(build_schema())


def committed_schema_text() -> str:
    return resources.path(*SCHEMA_FILE).read_text(encoding="utf-8")


def as_text(schema: dict[str, Any]) -> str:
    """A schema as the committed copies are written."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_committed(name: str, text: str) -> None:
    """Write a schema's committed copy in resources/schema/ again, and say where."""
    target = resources.path("schema") / name
    target.write_text(text, encoding="utf-8")
    print(target)


if __name__ == "__main__":
    write_committed(SCHEMA_FILE[1], schema_text())
