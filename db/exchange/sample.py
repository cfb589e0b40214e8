"""The sample partnerships, built from the reference instruments (resources/sample/).

The instruments, parties, signatories and dates are those of the references and are loaded as
they are. The consultations, joint activities and follow-ups are invented to show how the
application is used; their dates were written around ``ANCHOR`` and are moved by whole weeks so
that "upcoming" and "late" mean something on the day the sample is loaded.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any

import resources
from db import clock
from db.exchange.document import ImportSummary, import_document
from db.records.rules import StoreLookup, as_of
from db.store.engine import Store

SAMPLE_FILE = ("sample", "partnerships.json")
ANCHOR = date(2026, 11, 23)
INVENTED_DATES = {
    "consultations": ("starts_at",),
    "activities": ("start_on", "end_on"),
    "follow_ups": ("due_on", "completed_on"),
    "agreements": ("review_on",),
}


def sample_document(today: date | None = None) -> dict[str, Any]:
    doc = copy.deepcopy(resources.load_json(*SAMPLE_FILE))
    shift = timedelta(weeks=((today or clock.today()) - ANCHOR).days // 7)
    if shift:
        for key, fields in INVENTED_DATES.items():
            for record in doc.get(key, []):
                for name in fields:
                    if record.get(name):
                        record[name] = _shifted(record[name], shift)
        for agreement in doc.get("agreements", []):  # the officers' assessments are invented too
            for note in agreement.get("assessments", []):
                note["assessed_on"] = _shifted(note["assessed_on"], shift)
    return doc


def _shifted(value: str, shift: timedelta) -> str:
    if "T" in value:
        return (datetime.fromisoformat(value) + shift).isoformat(timespec="minutes")
    return (date.fromisoformat(value) + shift).isoformat()


def load_sample(store: Store, today: date | None = None) -> ImportSummary:
    """Import the sample (again: it updates itself), its dates moved to fit ``today`` (the
    clock's by default), and judged by the rules as of that day. If the store already has an
    organization of its own, the sample does not take that place."""
    doc = sample_document(today)
    with store.reading() as session:
        ours = StoreLookup(session).ours()
    sample_ids = {org["id"] for org in doc["organizations"]}
    if ours - sample_ids:
        for org in doc["organizations"]:
            org["is_ours"] = False
    with as_of(today):  # as of that day, its completed activities are past
        return import_document(store, doc)
