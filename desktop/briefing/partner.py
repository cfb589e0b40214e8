"""Finding the partner an officer names: by id, acronym or name, whatever the case or accents."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from db import clock
from db.queries import listing
from db.records import shape
from db.records.rules import StoreLookup
from db.schema.kinds import AGREEMENT, CONSULTATION
from db.schema.models import Agreement, AgreementParty
from db.schema.naming import full_name
from db.store.engine import Store


@dataclass(frozen=True)
class PartnerCandidate:
    id: str
    name: str
    acronym: str | None

    def describe(self) -> str:
        return full_name(self.name, self.acronym)


class PartnerNotFound(LookupError):
    """No organization, or more than one, answers to what the officer typed."""

    def __init__(self, query: str, candidates: list[PartnerCandidate], *, ambiguous: bool):
        self.query = query
        self.candidates = candidates
        self.ambiguous = ambiguous
        super().__init__(self.message())

    def message(self, limit: int = 20) -> str:
        names = [c.describe() for c in self.candidates[:limit]]
        if len(self.candidates) > limit:
            names.append(f"and {len(self.candidates) - limit} more")
        listed = "; ".join(names)
        if self.ambiguous:
            return f'"{self.query}" matches several partners: {listed}. Give the acronym, the full name or the id.'
        if not self.candidates:
            return f'No partner matches "{self.query}", and the store holds no organization yet.'
        return f'No partner matches "{self.query}". The partners are: {listed}.'


def _folded(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def partners(store: Store) -> list[PartnerCandidate]:
    """Every current (not archived) organization, by name."""
    with store.reading() as session:
        today = clock.today()  # not used by these columns, but the listing API asks for it
        ids = listing.matching_ids(session, "organization", listing.ListFilter(), today)
        values = listing.column_values(session, "organization", ids, today)
    return [PartnerCandidate(i, values[i]["name"], values[i]["acronym"] or None) for i in ids]


def find_partner(store: Store, query: str) -> PartnerCandidate:
    """The organization with this id; else the one whose acronym or name is exactly this; else the
    only one whose name or acronym contains it. Raises PartnerNotFound listing the candidates."""
    everyone = partners(store)
    wanted = query.strip()
    for candidate in everyone:
        if candidate.id == wanted:
            return candidate
    folded = _folded(wanted)
    if not folded:
        raise PartnerNotFound(query, everyone, ambiguous=False)
    exact = [c for c in everyone if folded in (_folded(c.acronym), _folded(c.name))]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise PartnerNotFound(query, exact, ambiguous=True)
    within = [c for c in everyone if folded in _folded(c.name) or folded in _folded(c.acronym)]
    if len(within) == 1:
        return within[0]
    if within:
        raise PartnerNotFound(query, within, ambiguous=True)
    raise PartnerNotFound(query, everyone, ambiguous=False)


def briefing_partners(session: Session, kind: str, record_id: str) -> list[str]:
    """The partners a briefing prepared from this record could be about, the likeliest first.

    A consultation: the organizations present that are not ours, the parties to an agreement
    it falls under first, then those with more agreements with us, then by name (it used to be
    the first id, which put "United Nations" before UNOCT, the partner of the visit). An
    agreement: its parties that are not ours, in their order. A partner: itself."""
    if kind == "organization":
        return [record_id]
    ours = StoreLookup(session).ours()
    if kind == "agreement":
        found = shape.read(session, AGREEMENT, record_id)
        parties = [p["organization_id"] for p in found["parties"]] if found else []
        return [o for o in dict.fromkeys(parties) if o not in ours]
    if kind != "consultation":
        return []
    found = shape.read(session, CONSULTATION, record_id)
    if found is None:
        return []
    present = [o for o in found["organization_ids"] if o not in ours]
    under = {
        p["organization_id"]
        for agreement in shape.read_many(session, AGREEMENT, found["agreement_ids"])
        for p in agreement["parties"]
    }
    names = dict(listing.labels_of(session, "organization", present))
    agreements = _agreement_counts(session, present)
    return sorted(
        (o for o in present if o in names),
        key=lambda o: (o not in under, -agreements.get(o, 0), names[o].casefold()),
    )


def _agreement_counts(session: Session, organization_ids: list[str]) -> dict[str, int]:
    """How many current agreements each organization is a party to."""
    query = (
        select(
            AgreementParty.organization_id, func.count(func.distinct(AgreementParty.agreement_id))
        )
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(
            AgreementParty.organization_id.in_(organization_ids), Agreement.archived_at.is_(None)
        )
        .group_by(AgreementParty.organization_id)
    )
    return dict(session.execute(query).all())
