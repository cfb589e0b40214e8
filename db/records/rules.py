"""The rules of DESIGN.md, in one place. Each broken rule gives the field and a sentence.

``check`` runs after a record's fields are parsed (db.records.parse) and looks at the record as a
whole and at the records it refers to, through a ``Lookup``: the store itself when an officer
saves, or the store overlaid with the whole file when a file is imported.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlmodel import Session

from db import clock
from db.errors import Problem
from db.i18n import field_label, translate
from db.schema.fields import ListOf, Parts, Ref, part_message
from db.schema.kinds import BY_NAME, RecordKind
from db.schema.models import Organization
from db.store.sql import in_chunks

OPEN_STATUSES = ("open", "in_progress")

# The day the rules judge "the future" from: today, unless records are written as of another day
# (the sample loaded as of a chosen day: its held activities are past on that day).
_AS_OF: ContextVar[date | None] = ContextVar("rules_as_of", default=None)


@contextmanager
def as_of(day: date | None) -> Iterator[None]:
    """Inside the block, the rules judge what lies in the future as of ``day`` (None: today)."""
    token = _AS_OF.set(day)
    try:
        yield
    finally:
        _AS_OF.reset(token)


def judged_today() -> date:
    """The day the rules take as today."""
    return _AS_OF.get() or clock.today()


# The links a record makes to another of its own kind, whose chains may not close on themselves.
CHAINS = {
    "organization": ("parent_id",),
    "thematic_area": ("parent_id",),
    "agreement": ("parent_id", "supersedes_id"),
}


class Lookup(Protocol):
    def exists(self, kind: str, record_id: str) -> bool: ...

    def link_of(self, kind: str, record_id: str, field: str) -> str | None:
        """The id a record's ``field`` (one of CHAINS[kind]) names: its parent, what it
        supersedes."""
        ...

    def ours(self) -> set[str]: ...


class StoreLookup:
    """Answers from the store, inside the unit of work that will write.

    ``preload`` answers many questions with a few set-based queries before a batch is checked
    (saving or importing thousands of records); what it did not load is asked one by one. The
    answers it holds are those of the store before the batch writes: call it once nothing more
    will be written before the checks."""

    def __init__(self, session: Session):
        self.session = session
        self._asked: dict[str, set[str]] = {}  # kind -> ids preloaded, present or not
        # kind -> present id -> the ids its chain fields name (CHAINS[kind], in that order)
        self._found: dict[str, dict[str, tuple[str | None, ...]]] = {}
        self._ours: set[str] | None = None
        self._frozen = False

    def preload(self, wanted: dict[str, set[str]]) -> None:
        """Load whether each (kind, id) exists, and what its chain fields name, in chunks of ids."""
        self._frozen = True
        for kind, ids in wanted.items():
            table = BY_NAME[kind].table.__table__
            asked = self._asked.setdefault(kind, set())
            found = self._found.setdefault(kind, {})
            todo = [i for i in ids if isinstance(i, str) and i not in asked]
            links = [table.c[name] for name in CHAINS.get(kind, ())]
            for chunk in in_chunks(todo):
                for row in self.session.execute(
                    select(table.c.id, *links).where(table.c.id.in_(chunk))
                ):
                    found[row[0]] = tuple(row[1:])
            asked.update(todo)

    def exists(self, kind: str, record_id: str) -> bool:
        if record_id in self._asked.get(kind, ()):
            return record_id in self._found[kind]
        table = BY_NAME[kind].table
        return (
            self.session.execute(select(table.id).where(table.id == record_id)).first() is not None
        )

    def link_of(self, kind: str, record_id: str, field: str) -> str | None:
        if record_id in self._asked.get(kind, ()):
            found = self._found[kind].get(record_id)
            return None if found is None else found[CHAINS[kind].index(field)]
        table = BY_NAME[kind].table.__table__
        return self.session.execute(select(table.c[field]).where(table.c.id == record_id)).scalar()

    def parent_of(self, kind: str, record_id: str) -> str | None:
        return self.link_of(kind, record_id, "parent_id")

    def ours(self) -> set[str]:
        if self._ours is not None:
            return set(self._ours)
        query = select(Organization.id).where(
            Organization.is_ours, Organization.archived_at.is_(None)
        )
        found = set(self.session.execute(query).scalars())
        if self._frozen:
            self._ours = found
        return set(found)


@functools.cache
def _referring(kind_name: str) -> tuple[tuple[str, Any, tuple[Ref, ...]], ...]:
    """The fields of a kind that name other records, in their order: ("ref", field, ()),
    ("list", field, ()) or ("parts", field, its references). Worked out once per kind: the
    rules run per record of an import."""
    found: list[tuple[str, Any, tuple[Ref, ...]]] = []
    for spec in BY_NAME[kind_name].fields:
        if isinstance(spec, Ref):
            found.append(("ref", spec, ()))
        elif isinstance(spec, ListOf) and spec.target:
            found.append(("list", spec, ()))
        elif isinstance(spec, Parts):
            subs = tuple(sub for sub in spec.fields if isinstance(sub, Ref))
            if subs:
                found.append(("parts", spec, subs))
    return tuple(found)


def references(kind: RecordKind, values: dict[str, Any]) -> dict[str, set[str]]:
    """Every (kind, id) the rules will ask about for this record, for ``StoreLookup.preload``."""
    wanted: dict[str, set[str]] = {}

    def want(target: str, value: Any) -> None:
        if target in BY_NAME and value:
            wanted.setdefault(target, set()).add(value)

    for how, spec, subs in _referring(kind.name):
        value = values.get(spec.name)
        if how == "ref":
            want(spec.target, value)
        elif how == "list":
            for item in value or ():
                want(spec.target, item)
        else:
            for part in value or ():
                for sub in subs:
                    want(sub.target, part.get(sub.name))
    if kind.name == "follow_up":
        want(values.get("source_kind") or "", values.get("source_id"))
    return wanted


def preload_references(
    lookup: StoreLookup, checked: list[tuple[RecordKind, dict[str, Any]]]
) -> None:
    """Preload what checking every record of a batch will ask the store."""
    wanted: dict[str, set[str]] = {}
    for kind, values in checked:
        for target, ids in references(kind, values).items():
            wanted.setdefault(target, set()).update(ids)
    lookup.preload(wanted)


class OverlayLookup:
    """The store as it will be once a set of records (an import) has been written."""

    def __init__(self, base: Lookup, pending: dict[str, dict[str, dict[str, Any]]]):
        self.base = base
        self.pending = pending  # kind name -> id -> values

    def exists(self, kind: str, record_id: str) -> bool:
        return record_id in self.pending.get(kind, {}) or self.base.exists(kind, record_id)

    def link_of(self, kind: str, record_id: str, field: str) -> str | None:
        if record_id in self.pending.get(kind, {}):
            return self.pending[kind][record_id].get(field)
        return self.base.link_of(kind, record_id, field)

    def parent_of(self, kind: str, record_id: str) -> str | None:
        return self.link_of(kind, record_id, "parent_id")

    def ours(self) -> set[str]:
        pending = self.pending.get("organization", {})
        kept = {i for i in self.base.ours() if i not in pending}
        return kept | {i for i, v in pending.items() if v.get("is_ours") and not v.get("archived")}


def check(
    kind: RecordKind, values: dict[str, Any], lookup: Lookup, *, record: str = ""
) -> list[Problem]:
    problems: list[Problem] = []

    def report(field: str, message: str) -> None:
        problems.append(Problem(field, message, record))

    _check_references(kind, values, lookup, report)
    extra = _RULES.get(kind.name)
    if extra:
        extra(values, lookup, report)
    return problems


def no_such(kind: str, record_id: Any) -> str:
    """“no agreement has the id …”: one sentence per kind, so that each language can say it."""
    templates = {
        "organization": translate("rules", "no organization has the id {id}."),
        "contact": translate("rules", "no contact has the id {id}."),
        "thematic_area": translate("rules", "no thematic area has the id {id}."),
        "agreement": translate("rules", "no agreement has the id {id}."),
        "consultation": translate("rules", "no consultation has the id {id}."),
        "activity": translate("rules", "no joint activity has the id {id}."),
        "follow_up": translate("rules", "no follow-up has the id {id}."),
    }
    template = templates.get(kind) or translate("rules", "no {kind} has the id {id}.")
    return template.format(kind=BY_NAME[kind].label, id=record_id)


def about_field(label: str, message: str) -> str:
    """A problem told about one field: “Lead organization: …”."""
    return translate("rules", "{field}: {message}").format(
        field=field_label(label), message=message
    )


def _check_references(kind: RecordKind, values: dict[str, Any], lookup: Lookup, report) -> None:
    def missing(target: str, value: str | None) -> bool:
        return bool(value and target and not lookup.exists(target, value))

    for how, spec, subs in _referring(kind.name):
        value = values.get(spec.name)
        if how == "ref":
            if missing(spec.target, value):
                report(spec.name, about_field(spec.label, no_such(spec.target, value)))
        elif how == "list":
            for i, item in enumerate(value or ()):
                if missing(spec.target, item):
                    report(f"{spec.name}[{i}]", about_field(spec.label, no_such(spec.target, item)))
        else:
            for i, part in enumerate(value or ()):
                for sub in subs:
                    if missing(sub.target, part.get(sub.name)):
                        report(
                            f"{spec.name}[{i}].{sub.name}",
                            part_message(spec.item_label, i, no_such(sub.target, part[sub.name])),
                        )


def _check_ancestry(
    kind_name: str,
    values: dict[str, Any],
    lookup: Lookup,
    report,
    field: str,
    message: str,
) -> None:
    """A record cannot be its own parent, nor the parent of one of its ancestors (or, for
    ``field`` "supersedes_id", supersede itself through a chain of any length)."""
    if closes_on_itself(kind_name, values.get("id"), values.get(field), lookup, field):
        report(field, message)


def closes_on_itself(
    kind_name: str, own_id: str | None, first: str | None, lookup: Lookup, field: str
) -> bool:
    """Whether following ``field`` from ``first`` comes back to ``own_id``."""
    seen: set[str] = set()
    link = first
    while link:
        if link == own_id:
            return True
        if link in seen:  # a cycle already in the store, not through this record
            return False
        seen.add(link)
        link = lookup.link_of(kind_name, link, field)
    return False


def _check_order(values, report, start: str, end: str, message: str) -> None:
    if values.get(start) and values.get(end) and values[end] < values[start]:
        report(end, message.format(start=values[start].isoformat(), end=values[end].isoformat()))


def _organization(values, lookup, report) -> None:
    _check_ancestry(
        "organization",
        values,
        lookup,
        report,
        "parent_id",
        translate(
            "rules",
            "An organization cannot be placed under itself or under one of its own "
            "sub-organizations.",
        ),
    )
    if values.get("is_ours") and not values.get("archived"):
        others = lookup.ours() - {values.get("id")}
        if others:
            report(
                "is_ours",
                translate(
                    "rules", "Another organization is already marked as ours; only one can be."
                ),
            )


def _contact(values, lookup, report) -> None:
    _check_order(
        values,
        report,
        "active_from",
        "active_to",
        translate("rules", "Active to ({end}) is before active from ({start})."),
    )


def _thematic_area(values, lookup, report) -> None:
    _check_ancestry(
        "thematic_area",
        values,
        lookup,
        report,
        "parent_id",
        translate(
            "rules",
            "A thematic area cannot be placed under itself or under one of its own sub-areas.",
        ),
    )


def _agreement(values, lookup, report) -> None:
    parties = values.get("parties") or []
    if len(parties) < 2:
        report(
            "parties",
            translate("rules", "An agreement needs at least two parties (it has {count}).").format(
                count=len(parties)
            ),
        )
    party_ids = [p.get("organization_id") for p in parties]
    for i, org in enumerate(party_ids):
        if org and org in party_ids[:i]:
            report(
                f"parties[{i}].organization_id",
                part_message(
                    "Party", i, translate("rules", "this organization is already a party.")
                ),
            )
    _check_order(
        values,
        report,
        "entry_into_force",
        "expires_on",
        translate("rules", "Expiry date ({end}) is before entry into force ({start})."),
    )
    signed = [p["signed_on"] for p in parties if p.get("signed_on")]
    if values.get("entry_into_force") and signed and values["entry_into_force"] < min(signed):
        report(
            "entry_into_force",
            translate(
                "rules", "Entry into force ({start}) is before the first signature ({signed})."
            ).format(start=values["entry_into_force"].isoformat(), signed=min(signed).isoformat()),
        )
    _check_ancestry(
        "agreement",
        values,
        lookup,
        report,
        "parent_id",
        translate(
            "rules",
            "An agreement cannot be placed under itself or under one of its own sub-agreements.",
        ),
    )
    if values.get("supersedes_id") and values["supersedes_id"] == values.get("id"):
        report("supersedes_id", translate("rules", "An agreement cannot supersede itself."))
    else:
        _check_ancestry(
            "agreement",
            values,
            lookup,
            report,
            "supersedes_id",
            translate(
                "rules",
                "An agreement cannot supersede one that supersedes it, directly or through a "
                "chain of agreements.",
            ),
        )
    for i, commitment in enumerate(values.get("commitments") or []):
        if commitment.get("party_id") and commitment["party_id"] not in party_ids:
            report(
                f"commitments[{i}].party_id",
                part_message(
                    "Commitment",
                    i,
                    translate(
                        "rules", "the party who undertook it is not a party to this agreement."
                    ),
                ),
            )


def _consultation(values, lookup, report) -> None:
    for i, person in enumerate(values.get("participants") or []):
        if not person.get("contact_id") and not (person.get("name") or "").strip():
            report(
                f"participants[{i}].name",
                part_message(
                    "Participant", i, translate("rules", "choose a contact or type a name.")
                ),
            )


def _activity(values, lookup, report) -> None:
    _check_order(
        values,
        report,
        "start_on",
        "end_on",
        translate("rules", "End date ({end}) is before start date ({start})."),
    )
    total, women, men = (values.get(f"participants_{k}") for k in ("total", "women", "men"))
    if total is not None and (women or 0) + (men or 0) > total:
        report(
            "participants_total",
            translate(
                "rules", "Women ({women}) and men ({men}) add up to more than the total ({total})."
            ).format(women=women or 0, men=men or 0, total=total),
        )
    partner_ids = [p.get("organization_id") for p in values.get("partners") or []]
    for i, org in enumerate(partner_ids):
        if org and org in partner_ids[:i]:
            report(
                f"partners[{i}].organization_id",
                part_message(
                    "Partner", i, translate("rules", "this organization is already listed.")
                ),
            )
    _activity_dates(values, report)
    _activity_participants(values, report)
    _activity_sessions(values, report)
    _activity_costs(values, partner_ids, report)
    _activity_evaluation(values, report)


def _activity_dates(values, report) -> None:
    """Status and dates agree; a postponed activity's original dates are in order."""
    last_day = values.get("end_on") or values.get("start_on")
    today = judged_today()
    if values.get("status") == "completed" and last_day and last_day > today:
        report(
            "status",
            translate(
                "rules",
                "A completed activity cannot lie in the future: it ends on {day}, and today is "
                "{today}. Choose another status, or correct its dates.",
            ).format(day=last_day.isoformat(), today=today.isoformat()),
        )
    _check_order(
        values,
        report,
        "original_start_on",
        "original_end_on",
        translate("rules", "Original end date ({end}) is before original start date ({start})."),
    )
    if values.get("original_end_on") and not values.get("original_start_on"):
        report(
            "original_start_on",
            translate("rules", "Give the original start date with the original end date."),
        )


def _activity_participants(values, report) -> None:
    emails: dict[str, int] = {}
    for i, person in enumerate(values.get("participants") or []):
        if person.get("organization_id") and (person.get("organization_name") or "").strip():
            report(
                f"participants[{i}].organization_name",
                part_message(
                    "Participant",
                    i,
                    translate(
                        "rules", "choose a partner or type an organization's name, not both."
                    ),
                ),
            )
        email = (person.get("email") or "").casefold()
        if email and email in emails:
            report(
                f"participants[{i}].email",
                part_message(
                    "Participant",
                    i,
                    translate(
                        "rules", "the email {email} is already participant {other}'s."
                    ).format(email=person["email"], other=emails[email] + 1),
                ),
            )
        emails.setdefault(email, i)


def _activity_sessions(values, report) -> None:
    first, last = values.get("start_on"), values.get("end_on") or values.get("start_on")
    for i, session in enumerate(values.get("sessions") or []):
        start, end = session.get("start_on"), session.get("end_on")
        if start and end and end < start:
            report(
                f"sessions[{i}].end_on",
                part_message(
                    "Session",
                    i,
                    translate("rules", "its end date ({end}) is before its date ({start}).").format(
                        end=end.isoformat(), start=start.isoformat()
                    ),
                ),
            )
        starts_at = session.get("starts_at")
        if start and starts_at and starts_at[:10] != start.isoformat():
            report(
                f"sessions[{i}].starts_at",
                part_message(
                    "Session",
                    i,
                    translate("rules", "its start ({at}) is not on its date ({start}).").format(
                        at=starts_at.replace("T", " "), start=start.isoformat()
                    ),
                ),
            )
        latest = end or start
        outside = bool(start) and (
            (first is not None and start < first) or (last is not None and latest > last)
        )
        if outside:
            report(
                f"sessions[{i}].start_on",
                part_message(
                    "Session",
                    i,
                    translate(
                        "rules",
                        "it lies outside the activity's dates ({first} to {last}): move the "
                        "session, or the activity's dates.",
                    ).format(
                        first=first.isoformat() if first else "…",
                        last=last.isoformat() if last else "…",
                    ),
                ),
            )


def _activity_costs(values, partner_ids, report) -> None:
    payers = {values.get("lead_organization_id"), *partner_ids} - {None}
    for i, cost in enumerate(values.get("costs") or []):
        if cost.get("amount") is not None and not cost.get("currency"):
            report(
                f"costs[{i}].currency",
                part_message("Cost", i, translate("rules", "give the currency of the amount.")),
            )
        payer = cost.get("organization_id")
        if payer and payer not in payers:
            report(
                f"costs[{i}].organization_id",
                part_message(
                    "Cost",
                    i,
                    translate(
                        "rules",
                        "who paid is neither the lead organization nor a partner of this activity.",
                    ),
                ),
            )


def _activity_evaluation(values, report) -> None:
    evaluation = values.get("evaluation") or {}
    average, scale = (
        evaluation.get("satisfaction_average"),
        evaluation.get("satisfaction_scale_max"),
    )
    if average is not None and scale is None:
        report(
            "evaluation.satisfaction_scale_max",
            translate(
                "rules",
                "Give the satisfaction scale's highest score (for example 5) with the average.",
            ),
        )
    if scale is not None and scale < 1:
        report(
            "evaluation.satisfaction_scale_max",
            translate("rules", "The satisfaction scale's highest score must be at least 1."),
        )
    elif average is not None and scale is not None and average > scale:
        report(
            "evaluation.satisfaction_average",
            translate(
                "rules",
                "The average satisfaction ({average}) is above the scale's highest score ({scale}).",
            ).format(average=average, scale=scale),
        )
    forms, total = evaluation.get("forms_returned"), values.get("participants_total")
    if forms is not None and total is not None and forms > total:
        report(
            "evaluation.forms_returned",
            translate(
                "rules",
                "More evaluation forms were returned ({forms}) than there were participants ({total}).",
            ).format(forms=forms, total=total),
        )


def _follow_up(values, lookup, report) -> None:
    if values.get("status") in OPEN_STATUSES and not values.get("due_on"):
        report("due_on", translate("rules", "An open follow-up needs a due date."))
    source_kind, source_id = values.get("source_kind"), values.get("source_id")
    if bool(source_kind) != bool(source_id):
        field = "source_id" if source_kind else "source_kind"
        report(
            field,
            translate(
                "rules",
                "Give both the kind and the id of the record this follow-up comes from, or neither.",
            ),
        )
    elif source_kind and not lookup.exists(source_kind, source_id):
        report("source_id", about_field("Source record", no_such(source_kind, source_id)))


_RULES = {
    "organization": _organization,
    "contact": _contact,
    "thematic_area": _thematic_area,
    "agreement": _agreement,
    "consultation": _consultation,
    "activity": _activity,
    "follow_up": _follow_up,
}
