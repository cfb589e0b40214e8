"""Data steps: what a newer PartnerDesk adds to the records of a store made by an older one,
once, when the store is opened for work (after its schema migrations). Each step writes through
the one batch write or the search index, in its own unit of work, and is remembered in the
store's settings so that it never runs twice. A store opened read-only is left as it is.

- ``thematic_areas_in_french``: the default tree's areas get their French names (those of
  resources/thematic_areas.json), unless the officer renamed the area or named it in French.
- ``participants_searchable``: consultations are indexed again, so that a contact's name finds
  the meetings where they took part.
- ``activities_searchable``: joint activities are indexed again, so that they are found by their
  partners' and lead's names and acronyms, their kind and country in English and French.

The index is filled by the code that names things (the organizations' names, the choices' and
countries' words in both languages), which a schema migration does not run: so a new way of
indexing is a data step, not a migration.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select
from sqlmodel import Session

from db.records import batch, search, shape
from db.records.settings import get_setting, put_setting
from db.schema.kinds import ACTIVITY, CONSULTATION, THEMATIC_AREA
from db.schema.models import ConsultationParticipant, JointActivity
from db.store.engine import Store

DONE_KEY = "data_steps_done"
WHO = "PartnerDesk"


def thematic_areas_in_french(store: Store, default_tree: list[dict]) -> None:
    with store.reading() as session:
        stored = {a["id"]: a for a in shape.read_many(session, THEMATIC_AREA)}
    proposed = []
    for area in default_tree:
        old = stored.get(area["id"])
        if old is None or old.get("name_fr") or not area.get("name_fr"):
            continue
        if old["name"] != area["name"]:
            continue  # renamed by the officer: the default's French name may not fit any more
        proposed.append(
            batch.Proposed(THEMATIC_AREA, {**old, "name_fr": area["name_fr"], "updated_at": None})
        )
    if proposed:
        batch.write_batch(store, proposed, who=WHO)


def participants_searchable(store: Store) -> None:
    with store.unit_of_work() as session:
        owners = select(ConsultationParticipant.consultation_id).where(
            ConsultationParticipant.contact_id.is_not(None)
        )
        ids = sorted(set(session.execute(owners).scalars()))
        for chunk in range(0, len(ids), 500):
            found = shape.read_many(session, CONSULTATION, ids[chunk : chunk + 500])
            search.index_many(session, CONSULTATION, found)


def activities_searchable(store: Store) -> None:
    with store.unit_of_work() as session:
        ids = list(session.execute(select(JointActivity.id).order_by(JointActivity.id)).scalars())
        for chunk in range(0, len(ids), search.AGAIN_AT_ONCE):
            found = shape.read_many(session, ACTIVITY, ids[chunk : chunk + search.AGAIN_AT_ONCE])
            search.index_many(session, ACTIVITY, found)


def run_data_steps(store: Store, default_tree: Callable[[], list[dict]]) -> list[str]:
    """Run the steps this store has not had yet; returns their names."""
    if store.read_only:
        return []
    steps: dict[str, Callable[[], None]] = {
        "thematic_areas_in_french": lambda: thematic_areas_in_french(store, default_tree()),
        "participants_searchable": lambda: participants_searchable(store),
        "activities_searchable": lambda: activities_searchable(store),
    }
    with store.reading() as session:
        done = _done(session)
    ran = []
    for name, step in steps.items():
        if name in done:
            continue
        step()
        done.append(name)
        with store.unit_of_work() as session:
            put_setting(session, DONE_KEY, json.dumps(done))
        ran.append(name)
    return ran


def _done(session: Session) -> list[str]:
    try:
        found = json.loads(get_setting(session, DONE_KEY) or "[]")
    except ValueError:
        return []
    return [name for name in found if isinstance(name, str)] if isinstance(found, list) else []
