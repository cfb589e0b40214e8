"""Everything a briefing sheet shows, read from the store through db's queries into plain
dataclasses, so that the layout (sheet.py) only arranges facts and never asks the store.

"Today" is given by the caller: what is recent, upcoming or late is decided here, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlmodel import Session

from db.errors import NotFoundError
from db.queries import listing
from db.queries.conflicts import conflicting_ids
from db.records import derived, participants, shape
from db.records.rules import StoreLookup
from db.records.settings import officer_name
from db.schema import kinds
from db.schema.naming import full_name, short_name, sort_key
from db.store.engine import Store
from desktop.briefing import selection
from desktop.briefing.options import PAST_MONTHS, BriefingOptions


# -- what the sheet shows ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    acronym: str | None
    kind: str | None
    address: str | None
    city: str | None
    country: str | None
    website: str | None
    mandate: str | None
    status: str | None

    @property
    def short(self) -> str:
        return short_name(self.name, self.acronym)

    @property
    def full(self) -> str:
        return full_name(self.name, self.acronym)


@dataclass(frozen=True)
class Signature:
    party: str  # the organization's short name
    signatory: str | None
    signatory_title: str | None
    signed_on: date | None
    signed_at: str | None


@dataclass(frozen=True)
class Provision:
    article: str | None
    heading: str | None
    summary: str | None


@dataclass(frozen=True)
class Agreement:
    id: str
    reference: str | None
    title: str
    kind: str
    status: str  # effective: an instrument in force whose expiry has passed is "expired"
    signatures: tuple[Signature, ...]
    entry_into_force: date | None
    expires_on: date | None
    notice_months: int | None
    notice_deadline: date | None  # last day to give notice before the expiry date
    review_on: date | None
    review_overdue: bool
    parent: str | None  # the reference (else title) of the instrument it falls under
    provisions: tuple[Provision, ...]
    thematic_area_ids: tuple[str, ...]
    summary: str | None = None
    # The officers' latest dated assessment by the day of the sheet (exchange shape), or None.
    assessment: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        return self.reference or self.title


@dataclass(frozen=True)
class Consultation:
    id: str
    title: str
    kind: str
    starts_at: str | None  # local time as typed
    on: date | None
    place: str | None  # None with online=True: an online meeting
    online: bool
    organizations: tuple[str, ...]  # short names
    agenda: str | None
    summary: str | None
    decisions: tuple[str, ...]  # one per line, as typed
    thematic_area_ids: tuple[str, ...]
    before_period: bool = False  # shown because nothing newer with decisions exists
    duration_minutes: int | None = None


@dataclass(frozen=True)
class Participant:
    """Someone who takes part in the meeting the note prepares (personal data)."""

    name: str
    organization: str | None  # short name


@dataclass(frozen=True)
class JointActivity:
    id: str
    title: str
    kind: str
    status: str
    start_on: date | None
    end_on: date | None
    city: str | None
    country: str | None
    mode: str | None
    organizations: tuple[str, ...]  # short names: the lead first
    lead: str | None
    participants_total: int | None
    participants_women: int | None
    thematic_area_ids: tuple[str, ...]
    participants_men: int | None = None
    participants_expected: int | None = None
    countries: int | None = None  # how many countries its participants came from (the list)
    original_start_on: date | None = None  # the dates it had before it was postponed
    original_end_on: date | None = None
    results: str | None = None
    # Its participant list, named only when the officer asks for personal data.
    listed: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    id: str
    text: str
    owner: str | None
    due_on: date | None
    status: str
    is_late: bool
    source_kind: str | None
    source: str | None  # the agreement's reference, the meeting's or activity's title


@dataclass(frozen=True)
class Contact:
    name: str
    title: str | None
    role: str | None
    email: str | None
    phone: str | None
    organization: str


@dataclass(frozen=True)
class AreaOfCooperation:
    """A top-level thematic area and what touched it (its sub-areas included)."""

    code: str | None
    name: str
    agreements: tuple[str, ...]  # references (else titles) of the agreements the sheet shows
    consultations: int  # in the period
    activities: int  # in the period
    sub_areas: tuple[str, ...]  # the sub-areas the period's meetings and activities touched
    more_agreements: int = 0  # covering it too, among those the sheet leaves out


@dataclass(frozen=True)
class Briefing:
    options: BriefingOptions
    today: date
    period_from: date
    period_to: date | None
    prepared_by: str
    partner: Organization
    ours: Organization | None
    meeting: Consultation | None
    agreements: tuple[Agreement, ...]
    partner_contacts: tuple[Contact, ...]
    our_contacts: tuple[Contact, ...]
    areas: tuple[AreaOfCooperation, ...]
    other_areas: tuple[str, ...]  # covered by an agreement, with nothing in the period
    next_consultations: tuple[Consultation, ...]
    recent_consultations: tuple[Consultation, ...]
    upcoming_activities: tuple[JointActivity, ...]
    recent_activities: tuple[JointActivity, ...]
    open_follow_ups: tuple[FollowUp, ...]
    # The meeting's participants, named only when the officer asks for personal data.
    meeting_participants: tuple[Participant, ...] = ()
    # How many entries each list leaves out (options.max_per_section), by the name of its field
    # ("agreements", "recent_activities"...); a list that shows everything is not named.
    not_shown: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = field(default=())
    # The records shown whose values two laptops changed differently (an open conflict): the
    # value printed is one of them until an officer settles it on the Conflicts page.
    in_conflict: frozenset[str] = frozenset()


# -- reading --------------------------------------------------------------------------------------
_ROLE_ORDER = {"head": 0, "focal_point": 1, "technical_contact": 2, "other": 3, None: 4}


def gather(store: Store, options: BriefingOptions, *, today: date) -> Briefing:
    """Read what the sheet shows. Raises NotFoundError for an unknown partner or consultation."""
    period = selection.Period(
        options.period_from or derived.add_months(today, -PAST_MONTHS), options.period_to
    )
    partner_id, limit = options.partner_id, options.max_per_section
    warnings: list[str] = []
    with store.reading() as session:
        partner_values = shape.read(session, kinds.ORGANIZATION, partner_id)
        if partner_values is None or partner_values["archived"]:
            raise NotFoundError(f"No partner has the id {partner_id}.")
        reader = _Reader(session)
        ours_ids = sorted(StoreLookup(session).ours() - {partner_id})
        ours = reader.organization(ours_ids[0]) if ours_ids else None

        chosen = {
            "agreements": selection.agreements(session, partner_id, today, limit),
            "next_consultations": selection.next_consultations(
                session, partner_id, period, today, limit
            ),
            "recent_consultations": selection.recent_consultations(
                session, partner_id, period, today, limit
            ),
            "upcoming_activities": selection.upcoming_activities(
                session, partner_id, period, today, limit
            ),
            "recent_activities": selection.recent_activities(
                session, partner_id, period, today, limit
            ),
            "open_follow_ups": selection.open_follow_ups(session, partner_id, limit),
        }
        if options.include_contacts:
            chosen["partner_contacts"] = selection.partner_contacts(
                session, partner_id, today, limit
            )
            if ours is not None:
                chosen["our_contacts"] = selection.our_contacts(
                    session, partner_id, ours.id, today, limit
                )
        earlier_id = selection.earlier_decisions(session, partner_id, period, today)

        def ids(key: str) -> list[str]:
            return chosen[key].ids if key in chosen else []

        def consultations(key: str) -> list[Consultation]:
            return [_consultation(reader, v) for v in reader.read(kinds.CONSULTATION, ids(key))]

        def activities(key: str) -> list[JointActivity]:
            named = options.include_participant_lists
            return [_activity(reader, v, named) for v in reader.read(kinds.ACTIVITY, ids(key))]

        agreements = _agreements(reader, ids("agreements"), today)
        next_consultations = consultations("next_consultations")
        recent = consultations("recent_consultations")
        if earlier_id:
            earlier = reader.read(kinds.CONSULTATION, [earlier_id])
            recent += [replace(_consultation(reader, v), before_period=True) for v in earlier]
        upcoming = activities("upcoming_activities")
        recent_activities = activities("recent_activities")
        follow_ups = _follow_ups(reader, ids("open_follow_ups"), today)
        partner_contacts = _contacts(reader, ids("partner_contacts"), today)
        our_contacts = _contacts(reader, ids("our_contacts"), today)

        meeting = None
        meeting_participants: list[Participant] = []
        if options.consultation_id:
            found = reader.read(kinds.CONSULTATION, [options.consultation_id])
            if not found or found[0]["archived"]:
                raise NotFoundError(f"No consultation has the id {options.consultation_id}.")
            meeting = _consultation(reader, found[0])
            if options.include_contacts:
                meeting_participants = _participants(reader, found[0]["participants"])
            if partner_id not in found[0]["organization_ids"]:
                warnings.append(
                    f'The consultation "{meeting.title}" does not list '
                    f"{partner_values['name']} among the organizations present."
                )
        # The areas count every meeting and activity of the period, not only those shown.
        tree = listing.area_tree(session)
        if options.language == "fr":  # the areas by their French names, when they have one
            tree = [replace(node, name=node.name_fr or node.name) for node in tree]
        areas, other_areas = _areas(
            tree,
            agreements,
            selection.agreement_areas(session, partner_id),
            selection.consultation_areas(session, partner_id, period),
            selection.activity_areas(session, partner_id, period),
        )
        shown = {
            "agreement": [a.id for a in agreements],
            "consultation": [c.id for c in (*next_consultations, *recent, meeting) if c],
            "activity": [a.id for a in (*upcoming, *recent_activities)],
            "follow_up": [f.id for f in follow_ups],
        }
        in_conflict = frozenset(
            record_id
            for kind, ids_shown in shown.items()
            for record_id in conflicting_ids(session, kind) & set(ids_shown)
        )
        prepared_by = (
            options.prepared_by if options.prepared_by is not None else officer_name(session) or ""
        )

    return Briefing(
        options=options,
        today=today,
        period_from=period.start,
        period_to=period.end,
        prepared_by=prepared_by,
        partner=_organization(partner_values),
        ours=ours,
        meeting=meeting,
        agreements=tuple(agreements),
        partner_contacts=tuple(partner_contacts),
        our_contacts=tuple(our_contacts),
        areas=tuple(areas),
        other_areas=tuple(other_areas),
        next_consultations=tuple(next_consultations),
        recent_consultations=tuple(recent),
        upcoming_activities=tuple(upcoming),
        recent_activities=tuple(recent_activities),
        open_follow_ups=tuple(follow_ups),
        meeting_participants=tuple(meeting_participants),
        not_shown={key: c.more for key, c in chosen.items() if c.more},
        warnings=tuple(warnings),
        in_conflict=in_conflict,
    )


class _Reader:
    """Records read in one session, with the organizations and titles they name kept at hand:
    what a batch of records names is read with one query per kind, not one per name (a large
    partner's briefing names thousands)."""

    def __init__(self, session: Session):
        self.session = session
        self._organizations: dict[str, Organization | None] = {}
        self._titles: dict[tuple[str, str], str | None] = {}

    def read(self, kind: kinds.RecordKind, ids: list[str]) -> list[dict[str, Any]]:
        found = {v["id"]: v for v in shape.read_many(self.session, kind, ids)}
        ordered = [found[i] for i in ids if i in found]  # in the order asked
        self._read_organizations(_organizations_named(kind, ordered))
        return ordered

    def _read_organizations(self, org_ids: Iterable[str | None]) -> None:
        missing = list(dict.fromkeys(i for i in org_ids if i and i not in self._organizations))
        if not missing:
            return
        for values in shape.read_many(self.session, kinds.ORGANIZATION, missing):
            self._organizations[values["id"]] = _organization(values)
        for org_id in missing:
            self._organizations.setdefault(org_id, None)

    def organization(self, org_id: str | None) -> Organization | None:
        if not org_id:
            return None
        self._read_organizations([org_id])
        return self._organizations[org_id]

    def short_names(self, org_ids: Iterable[str | None]) -> tuple[str, ...]:
        names = []
        for org_id in org_ids:
            org = self.organization(org_id)
            if org is not None and org.short not in names:
                names.append(org.short)
        return tuple(names)

    def read_titles(self, sources: Iterable[tuple[str | None, str | None]]) -> None:
        """Read at once the titles ``title_of`` will be asked for."""
        wanted: dict[str, list[str]] = {}
        for kind_name, record_id in sources:
            if (
                kind_name in kinds.BY_NAME
                and record_id
                and (kind_name, record_id) not in self._titles
            ):
                wanted.setdefault(kind_name, []).append(record_id)
        for kind_name, ids in wanted.items():
            for values in shape.read_many(self.session, kinds.BY_NAME[kind_name], ids):
                self._titles[(kind_name, values["id"])] = _title(kind_name, values)
            for record_id in ids:
                self._titles.setdefault((kind_name, record_id), None)

    def title_of(self, kind_name: str | None, record_id: str | None) -> str | None:
        if not kind_name or not record_id or kind_name not in kinds.BY_NAME:
            return None
        self.read_titles([(kind_name, record_id)])
        return self._titles[(kind_name, record_id)]


def _title(kind_name: str, values: dict[str, Any]) -> str | None:
    if kind_name == "agreement":
        return values.get("reference") or values["title"]
    return values.get("title") or values.get("name")


def _organizations_named(kind: kinds.RecordKind, found: list[dict[str, Any]]) -> list[str]:
    """The organizations the sheet names for these records (parties, lead, partners...)."""
    names: list[str] = []
    for values in found:
        for key in ("organization_id", "lead_organization_id"):
            if values.get(key):
                names.append(values[key])
        names += values.get("organization_ids") or []
        for part in (*values.get("parties", ()), *values.get("partners", ())):
            names.append(part.get("organization_id"))
    return names


def _organization(values: dict[str, Any]) -> Organization:
    return Organization(
        id=values["id"],
        name=values["name"],
        acronym=values.get("acronym") or None,
        kind=values.get("kind"),
        address=values.get("address"),
        city=values.get("city"),
        country=values.get("country"),
        website=values.get("website"),
        mandate=values.get("mandate"),
        status=values.get("status"),
    )


def _agreements(reader: _Reader, ids: list[str], today: date) -> list[Agreement]:
    values = reader.read(kinds.AGREEMENT, ids)
    by_id = {v["id"]: v for v in values}
    result = []
    for v in values:
        parent = by_id.get(v.get("parent_id") or "")
        parent_name = None
        if v.get("parent_id"):
            parent_name = (
                (parent.get("reference") or parent["title"])
                if parent
                else reader.title_of("agreement", v["parent_id"])
            )
        signatures = tuple(
            Signature(
                party=(reader.short_names([p["organization_id"]]) or ("",))[0],
                signatory=p.get("signatory_name"),
                signatory_title=p.get("signatory_title"),
                signed_on=p.get("signed_on"),
                signed_at=p.get("signed_at"),
            )
            for p in v["parties"]
        )
        result.append(
            Agreement(
                id=v["id"],
                reference=v.get("reference") or None,
                title=v["title"],
                kind=v["kind"],
                status=derived.effective_status(v, today),
                signatures=signatures,
                entry_into_force=v.get("entry_into_force"),
                expires_on=v.get("expires_on"),
                notice_months=v.get("notice_months"),
                notice_deadline=derived.notice_deadline(v),
                review_on=derived.next_review(v),
                review_overdue=derived.review_overdue(v, today),
                parent=parent_name,
                provisions=tuple(
                    Provision(p.get("article"), p.get("heading"), p.get("summary"))
                    for p in v["provisions"]
                ),
                thematic_area_ids=tuple(v["thematic_area_ids"]),
                summary=v.get("summary") or None,
                assessment=_latest_assessment(v.get("assessments") or [], today),
            )
        )

    # A framework instrument first, then the instruments under it; the oldest framework first.
    def root(a: Agreement) -> Agreement:
        parent_id = by_id[a.id].get("parent_id")
        return next((r for r in result if r.id == parent_id), a)

    def when(a: Agreement) -> tuple:
        return (a.entry_into_force is None, a.entry_into_force or date.max, a.name)

    return sorted(result, key=lambda a: (*when(root(a)), root(a).id, root(a) is not a, *when(a)))


def _consultation(reader: _Reader, v: dict[str, Any]) -> Consultation:
    starts_at = v.get("starts_at")
    decisions = tuple(
        line.strip() for line in (v.get("decisions") or "").splitlines() if line.strip()
    )
    return Consultation(
        id=v["id"],
        title=v["title"],
        kind=v["kind"],
        starts_at=starts_at,
        on=date.fromisoformat(starts_at[:10]) if starts_at else None,
        place=v.get("location") or None,
        online=bool(v.get("online")),
        organizations=reader.short_names(v["organization_ids"]),
        agenda=v.get("agenda"),
        summary=v.get("summary"),
        decisions=decisions,
        thematic_area_ids=tuple(v["thematic_area_ids"]),
        duration_minutes=v.get("duration_minutes"),
    )


def _participants(reader: _Reader, parts: list[dict[str, Any]]) -> list[Participant]:
    """A meeting's participants in the order recorded: a contact by its name and partner, a name
    typed by itself and the organization given."""
    contacts = {
        v["id"]: v
        for v in reader.read(kinds.CONTACT, [p["contact_id"] for p in parts if p.get("contact_id")])
    }
    found = []
    for part in parts:
        contact = contacts.get(part.get("contact_id") or "")
        name = (part.get("name") or "").strip() or (contact["name"] if contact else "")
        if not name:
            continue
        org_id = part.get("organization_id") or (contact or {}).get("organization_id")
        organization = reader.organization(org_id)
        found.append(Participant(name, organization.short if organization else None))
    return found


def _activity(reader: _Reader, v: dict[str, Any], named: bool = False) -> JointActivity:
    lead = reader.organization(v.get("lead_organization_id"))
    names = reader.short_names(
        [v.get("lead_organization_id"), *(p["organization_id"] for p in v["partners"])]
    )
    return JointActivity(
        id=v["id"],
        title=v["title"],
        kind=v["kind"],
        status=v.get("status") or "planned",
        start_on=v.get("start_on"),
        end_on=v.get("end_on"),
        city=v.get("city"),
        country=v.get("country"),
        mode=v.get("mode"),
        organizations=names,
        lead=lead.short if lead else None,
        participants_total=v.get("participants_total"),
        participants_women=v.get("participants_women"),
        thematic_area_ids=tuple(v["thematic_area_ids"]),
        participants_men=v.get("participants_men"),
        participants_expected=v.get("participants_expected"),
        countries=len({c for c in participants.by_country(v.get("participants") or []) if c})
        or None,
        original_start_on=v.get("original_start_on"),
        original_end_on=v.get("original_end_on"),
        results=v.get("results"),
        listed=tuple(_listed(reader, v.get("participants") or [])) if named else (),
    )


def _listed(reader: _Reader, people: list[dict[str, Any]]) -> list[Participant]:
    """An activity's participant list in its order: each with a partner's short name, or the
    organization typed."""
    found = []
    for person in people:
        organization = reader.organization(person.get("organization_id"))
        found.append(
            Participant(
                person["name"],
                organization.short if organization else person.get("organization_name"),
            )
        )
    return found


def _follow_ups(reader: _Reader, ids: list[str], today: date) -> list[FollowUp]:
    result = []
    found = reader.read(kinds.FOLLOW_UP, ids)
    reader.read_titles((v.get("source_kind"), v.get("source_id")) for v in found)
    for v in found:
        result.append(
            FollowUp(
                id=v["id"],
                text=v["text"],
                owner=v.get("owner"),
                due_on=v.get("due_on"),
                status=v.get("status") or "open",
                is_late=derived.is_late(v, today),
                source_kind=v.get("source_kind"),
                source=reader.title_of(v.get("source_kind"), v.get("source_id")),
            )
        )
    # Late ones first (the oldest first), then by due date; those without one last.
    return sorted(result, key=lambda f: (f.due_on is None, f.due_on or date.max, f.text))


def _contacts(reader: _Reader, ids: list[str], today: date) -> list[Contact]:
    """The contacts chosen (current ones, see selection), by role then name."""
    found = []
    for v in reader.read(kinds.CONTACT, ids):
        org = reader.organization(v.get("organization_id"))
        found.append(
            Contact(
                name=v["name"],
                title=v.get("title"),
                role=v.get("role"),
                email=v.get("email"),
                phone=v.get("phone"),
                organization=org.short if org else "",
            )
        )
    return sorted(found, key=lambda c: (_ROLE_ORDER.get(c.role, 4), sort_key(c.name)))


def _areas(
    tree: list[listing.AreaNode],
    agreements: list[Agreement],
    agreement_areas: dict[str, list[str]],
    consultation_areas: dict[str, list[str]],
    activity_areas: dict[str, list[str]],
) -> tuple[list[AreaOfCooperation], list[str]]:
    """Per top-level area (in the tree's order): the agreements covering it (named when the sheet
    shows them, counted otherwise) and the period's meetings and activities filed under it or its
    sub-areas (every one of the period, by id: ``*_areas`` map a record to its areas)."""
    nodes = {n.id: n for n in tree}

    def top_of(area_id: str) -> listing.AreaNode | None:
        node, seen = nodes.get(area_id), set()
        while node is not None and node.parent_id in nodes and node.id not in seen:
            seen.add(node.id)
            node = nodes[node.parent_id]
        return node

    def tops(area_ids: Iterable[str]) -> set[str]:
        return {top.id for top in map(top_of, area_ids) if top is not None}

    used_sub_areas: dict[str, list[str]] = {}
    for area_id in [
        *(a for ids in consultation_areas.values() for a in ids),
        *(a for ids in activity_areas.values() for a in ids),
    ]:
        top = top_of(area_id)
        if top is not None and top.id != area_id and area_id in nodes:
            names = used_sub_areas.setdefault(top.id, [])
            if nodes[area_id].name not in names:
                names.append(nodes[area_id].name)

    agreement_tops = {a: tops(ids) for a, ids in agreement_areas.items()}
    consultation_tops = [tops(ids) for ids in consultation_areas.values()]
    activity_tops = [tops(ids) for ids in activity_areas.values()]
    rows, others = [], []
    for node in tree:
        if node.depth != 0:
            continue
        covered = tuple(a.name for a in agreements if node.id in tops(a.thematic_area_ids))
        covering = sum(1 for found in agreement_tops.values() if node.id in found)
        meetings = sum(1 for found in consultation_tops if node.id in found)
        held = sum(1 for found in activity_tops if node.id in found)
        if meetings or held:
            order = [n.name for n in tree if n.name in used_sub_areas.get(node.id, [])]
            rows.append(
                AreaOfCooperation(
                    node.code,
                    node.name,
                    covered,
                    meetings,
                    held,
                    tuple(order),
                    more_agreements=covering - len(covered),
                )
            )
        elif covering:
            others.append(node.name)
    return rows, others


def _latest_assessment(assessments: list[dict[str, Any]], today: date) -> dict[str, Any] | None:
    """The last assessment made by ``today`` (the last recorded of a day), as the portfolio
    review takes it."""
    made = [a for a in assessments if a.get("assessed_on") and a["assessed_on"] <= today]
    return max(reversed(made), key=lambda a: a["assessed_on"], default=None)
