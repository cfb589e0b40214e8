"""The portfolio review: every agreement assessed in one place — what it is, what was done under
it, what is open, and a plain verdict with its reasons (docs/portfolio-review.md states each
rule). The Portfolio page, the report (PDF, XLSX) and ``partnerdesk review`` read this module.

How the figures are read, in a handful of statements whatever the portfolio's size:

- **Under an agreement** are the consultations linked to it and the joint activities recorded
  under it, and those under its project agreements (``parent_id``, at any depth). A consultation
  linked to both counts once.
- **Held** means: a joint activity completed or ongoing whose first day is on or before the day
  of the review; a consultation whose day is on or before it. Planned, postponed and cancelled
  activities are not use of an instrument.
- **As of a past day** every figure is computed as the store knows it on that day: records are
  placed by the dates they carry (signature, entry into force, activity and meeting days); an
  agreement's status is the one it had then, by the change history; an agreement that was not
  signed, not in force and not yet recorded then is not in the review.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from db import clock
from db.errors import Problem, ValidationError
from db.i18n import translate
from db.queries import portfolio_reading as reading
from db.records.derived import effective_status, notice_deadline
from db.records.settings import get_setting, put_setting

# -- verdicts, most pressing first: an agreement's verdict is the first that applies ------------
SUPERSEDED = "superseded"
TERMINATED = "terminated"
EXPIRED = "expired"
NOT_IN_FORCE = "not_in_force"  # draft, under negotiation, awaiting signature
EXPIRING = "expiring"
REVIEW_DUE = "review_due"
DORMANT = "dormant"
QUIET = "quiet"
NEW = "new"
ACTIVE = "active"
VERDICTS = (
    SUPERSEDED,
    TERMINATED,
    EXPIRED,
    NOT_IN_FORCE,
    EXPIRING,
    REVIEW_DUE,
    DORMANT,
    QUIET,
    NEW,
    ACTIVE,
)
# The verdicts of an instrument in force on the day.
IN_FORCE = (EXPIRING, REVIEW_DUE, DORMANT, QUIET, NEW, ACTIVE)
# The look-back windows of the counts, in years.
WINDOWS = reading.WINDOWS
SETTING_KEY = "portfolio_thresholds"


@dataclass(frozen=True)
class Thresholds:
    """The officer's limits behind the verdicts, kept in the store (they travel with it)."""

    quiet_years: int = 2  # nothing held for this long: quiet
    dormant_years: int = 5  # nothing held for this long (or never, once this old): dormant
    expiring_days: int = 180  # expiry, or the last day to give notice, this close: expiring
    review_days: int = 90  # a review date this close (or past): review due

    def check(self) -> None:
        problems = []
        for name, label, low, high in THRESHOLD_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                problems.append(
                    Problem(
                        translate("fields", label),
                        translate("rules", "must be a whole number from {low} to {high}").format(
                            low=low, high=high
                        ),
                    )
                )
        if not problems and self.dormant_years <= self.quiet_years:
            problems.append(
                Problem(
                    translate("fields", _LABELS["dormant_years"]),
                    translate("rules", "must be more years than quiet ({quiet})").format(
                        quiet=self.quiet_years
                    ),
                )
            )
        if problems:
            raise ValidationError(problems)


# Each threshold: its field, its label (as its problems name it), its lowest and highest value —
# what check() accepts, and what the window's dialog offers.
THRESHOLD_FIELDS = (
    ("quiet_years", "Quiet after (years)", 1, 50),
    ("dormant_years", "Dormant after (years)", 1, 50),
    ("expiring_days", "Expiring within (days)", 0, 3650),
    ("review_days", "Review due within (days)", 0, 3650),
)
_LABELS = {name: label for name, label, _low, _high in THRESHOLD_FIELDS}


def read_thresholds(session: Session) -> Thresholds:
    """The store's thresholds; the defaults where none were set (or the setting is unreadable:
    a store is data from outside, and a bad setting must not stop the page)."""
    text = get_setting(session, SETTING_KEY)
    if not text:
        return Thresholds()
    try:
        values = json.loads(text)
        chosen = Thresholds(**{k: values[k] for k in _LABELS if k in values})
        chosen.check()
    except (ValueError, TypeError, ValidationError):
        return Thresholds()
    return chosen


def save_thresholds(session: Session, thresholds: Thresholds) -> None:
    thresholds.check()
    put_setting(
        session,
        SETTING_KEY,
        json.dumps({k: getattr(thresholds, k) for k in _LABELS}, sort_keys=True),
    )


# -- what the review says of one agreement ---------------------------------------------------------
@dataclass(frozen=True)
class Reason:
    """Why a verdict was given: a code and its values (``portfolio_words`` says it)."""

    code: str
    values: tuple[tuple[str, Any], ...] = ()


@dataclass(slots=True)
class Held:
    """The records held under an agreement in one look-back window."""

    activities: int = 0
    participants: int = 0
    women: int = 0
    men: int = 0
    consultations: int = 0


@dataclass(slots=True)  # not frozen: 20,000 of them are made at once, and none is changed
class Assessment:
    agreement_id: str
    reference: str | None
    title: str
    kind: str
    status: str  # as of the review's day
    partners: tuple[str, ...]  # short names, parties other than ours
    partner_ids: tuple[str, ...]
    partner_kind: str | None  # the first partner's
    partner_country: str | None
    area_ids: frozenset[str]  # the areas it is filed under and their ancestors
    areas: tuple[str, ...]  # the top-level areas' names
    signed_on: date | None  # the last signature
    entry_into_force: date | None
    age_days: int | None  # since entry into force (else the last signature)
    last_consultation: tuple[date, str] | None  # (day, consultation id)
    last_activity: tuple[date, str] | None  # (first day, activity id)
    held: dict[int, Held]  # years -> what was held in that many years before the day
    commitments_met: int
    commitments_pending: int
    commitments_not_met: int
    follow_ups_open: int
    follow_ups_late: int
    review_on: date | None
    expires_on: date | None
    notice_by: date | None  # the last day to give notice before expiry
    days_to_review: int | None
    days_to_expiry: int | None
    days_to_notice: int | None
    superseded_by: tuple[str, str] | None  # (id, label) of the agreement replacing it
    parent_id: str | None
    project_agreements: int
    verdict: str
    reasons: tuple[Reason, ...]
    # The officers' latest dated assessment by the day (assessed_on, rating, recommendation,
    # narrative, assessed_by), or None: shown beside the computed verdict, never mixed into it.
    officer_assessment: dict[str, Any] | None = None

    @property
    def signed_year(self) -> int | None:
        day = self.signed_on or self.entry_into_force
        return day.year if day else None

    @property
    def label(self) -> str:
        return self.reference or self.title

    @property
    def last_held(self) -> date | None:
        days = [x[0] for x in (self.last_consultation, self.last_activity) if x]
        return max(days) if days else None


@dataclass(frozen=True)
class Deadline:
    """The nearest date an agreement asks something by."""

    what: str  # review, expiry, notice
    day: date
    days: int  # from the review's day; below 0: past


def next_deadline(a: Assessment) -> Deadline | None:
    """For an instrument in force: the nearest of the review (also when past: it is overdue),
    the expiry and the last day to give notice (those two only while ahead: once past they ask
    nothing more). The page and the report show this one."""
    if a.verdict not in IN_FORCE:
        return None
    found = []
    if a.review_on is not None and a.days_to_review is not None:
        found.append(Deadline("review", a.review_on, a.days_to_review))
    for what, day, days in (
        ("expiry", a.expires_on, a.days_to_expiry),
        ("notice", a.notice_by, a.days_to_notice),
    ):
        if day is not None and days is not None and days >= 0:
            found.append(Deadline(what, day, days))
    return min(found, key=lambda d: d.days, default=None)


@dataclass(frozen=True)
class Review:
    as_of: date
    thresholds: Thresholds
    assessments: tuple[Assessment, ...]

    def by_verdict(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for one in self.assessments:
            counts[one.verdict] += 1
        return counts

    def by_partner_kind(self) -> dict[str | None, dict[str, int]]:
        """Partner kind -> verdict -> how many."""
        table: dict[str | None, dict[str, int]] = {}
        for one in self.assessments:
            row = table.setdefault(one.partner_kind, dict.fromkeys(VERDICTS, 0))
            row[one.verdict] += 1
        return table

    def in_force(self) -> int:
        return sum(1 for a in self.assessments if a.verdict in IN_FORCE)

    def review_due_this_year(self) -> int:
        year = self.as_of.year
        return sum(
            1
            for a in self.assessments
            if a.verdict in IN_FORCE and a.review_on is not None and a.review_on.year <= year
        )


# -- reading ---------------------------------------------------------------------------------------
def _is_today(as_of: date) -> bool:
    """A review as of today (or a day ahead) reads the records as they are; one of a past day
    reads them as the change history says they stood."""
    return as_of >= clock.today()


def assess(session: Session, as_of: date, thresholds: Thresholds | None = None) -> Review:
    """Every agreement not archived, assessed as of ``as_of`` (today, or a past day)."""
    thresholds = thresholds or read_thresholds(session)
    today = _is_today(as_of)
    agreements = reading.agreements(session, as_of, today)
    family = reading.families(agreements)
    parties = reading.parties(session)
    areas = reading.areas(session)
    activities = reading.activity_figures(session, as_of)
    consultations = reading.consultation_figures(session, as_of)
    commitments = reading.commitments(session)
    follow_ups = reading.follow_up_figures(session, as_of, today)
    notes = reading.latest_assessments(session, as_of)
    successors = {a["supersedes_id"]: a for a in agreements.values() if a["supersedes_id"]}
    # A consultation linked to a parent and to its project agreement counts once.
    consultations.update(
        reading.family_consultation_figures(
            session, as_of, {a: m for a, m in family.items() if len(m) > 1}
        )
    )
    found = []
    for agreement_id, one in agreements.items():
        members = family[agreement_id]
        held = reading.Figures()
        for member in members:
            if member in activities:
                held.add_activities(activities[member])
        mine = consultations.get(agreement_id)
        if mine is not None:
            held.last_consultation = mine.last_consultation
            held.consultations = mine.consultations
        found.append(
            _assess_one(
                one,
                as_of,
                thresholds,
                held=held,
                parties=parties.get(agreement_id, []),
                areas=areas.get(agreement_id, (frozenset(), ())),
                commitments=commitments.get(agreement_id, {}),
                follow_ups=follow_ups.get(agreement_id, (0, 0)),
                successor=successors.get(agreement_id),
                project_agreements=len(members) - 1,
                officer_assessment=notes.get(agreement_id),
            )
        )
    return Review(as_of, thresholds, tuple(found))


def held_by_year(
    session: Session, as_of: date, agreement_ids: Iterable[str] | None = None
) -> dict[int, tuple[int, int]]:
    """Year -> (activities, consultations) held under these agreements and their project
    agreements (every agreement: None), each record counted once — the page's and the report's
    chart."""
    if agreement_ids is None:
        return reading.held_by_year(session, as_of)
    today = _is_today(as_of)
    family = reading.families(reading.agreements(session, as_of, today))
    members = {m for a in agreement_ids for m in family.get(a, (a,))}
    return reading.held_by_year(session, as_of, members)


# -- the verdict -------------------------------------------------------------------------------
def _assess_one(
    one: dict[str, Any],
    as_of: date,
    limits: Thresholds,
    *,
    held: reading.Figures,
    parties: list[tuple[str, str, str, str | None]],
    areas: tuple[frozenset[str], tuple[str, ...]],
    commitments: dict[str, int],
    follow_ups: tuple[int, int],
    successor: dict[str, Any] | None,
    project_agreements: int,
    officer_assessment: dict[str, Any] | None,
) -> Assessment:
    status = effective_status(one, as_of)
    started = one["entry_into_force"] or one["signed_on"]
    in_windows = {}
    for years in WINDOWS:
        acts = (held.activities or {}).get(years, (0, 0, 0, 0))
        in_windows[years] = Held(
            activities=acts[0],
            participants=acts[1],
            women=acts[2],
            men=acts[3],
            consultations=(held.consultations or {}).get(years, 0),
        )
    last_activity, last_consultation = held.last_activity, held.last_consultation
    notice_by = notice_deadline(one)

    def days_to(day: date | None) -> int | None:
        return (day - as_of).days if day is not None else None

    reasons: list[Reason] = []

    def say(code: str, **values: Any) -> None:
        reasons.append(Reason(code, tuple(values.items())))

    verdict = ACTIVE
    if status == "superseded":
        verdict = SUPERSEDED
        if successor is not None:
            say("superseded_by", label=successor["reference"] or successor["title"])
        else:
            say("superseded")
    elif status == "terminated":
        verdict = TERMINATED
        say("terminated")
    elif status == "expired":
        verdict = EXPIRED
        say("expired_on", day=one["expires_on"]) if one["expires_on"] else say("expired")
    elif status != "in_force":
        verdict = NOT_IN_FORCE
        say("status", status=status)
    elif one["entry_into_force"] is not None and one["entry_into_force"] > as_of:
        verdict = NOT_IN_FORCE
        say("enters_into_force", day=one["entry_into_force"])
    else:
        verdict = _in_force_verdict(
            one, as_of, limits, started, last_activity, last_consultation, notice_by, say
        )
    return Assessment(
        agreement_id=one["id"],
        reference=one["reference"],
        title=one["title"],
        kind=one["kind"],
        status=status,
        partners=tuple(p[1] for p in parties),
        partner_ids=tuple(p[0] for p in parties),
        partner_kind=parties[0][2] if parties else None,
        partner_country=parties[0][3] if parties else None,
        area_ids=areas[0],
        areas=areas[1],
        signed_on=one["signed_on"],
        entry_into_force=one["entry_into_force"],
        age_days=(as_of - started).days if started and started <= as_of else None,
        last_consultation=last_consultation,
        last_activity=last_activity,
        held=in_windows,
        commitments_met=commitments.get("met", 0),
        commitments_pending=commitments.get("pending", 0),
        commitments_not_met=commitments.get("not_met", 0),
        follow_ups_open=follow_ups[0],
        follow_ups_late=follow_ups[1],
        review_on=one["review_on"],
        expires_on=one["expires_on"],
        notice_by=notice_by,
        days_to_review=days_to(one["review_on"]),
        days_to_expiry=days_to(one["expires_on"]),
        days_to_notice=days_to(notice_by),
        superseded_by=(
            (successor["id"], successor["reference"] or successor["title"]) if successor else None
        ),
        parent_id=one["parent_id"],
        project_agreements=project_agreements,
        verdict=verdict,
        reasons=tuple(reasons),
        officer_assessment=officer_assessment,
    )


def _in_force_verdict(
    one, as_of, limits, started, last_activity, last_consultation, notice_by, say
) -> str:
    """The verdict of an agreement in force: the first of expiring, review due, dormant, quiet,
    new, active — with a reason for each that applies (not only the first)."""
    verdicts = []
    expires = one["expires_on"]
    if expires is not None and (expires - as_of).days <= limits.expiring_days:
        verdicts.append(EXPIRING)
        say("expires_in", days=(expires - as_of).days, day=expires)
    elif notice_by is not None and 0 <= (notice_by - as_of).days <= limits.expiring_days:
        verdicts.append(EXPIRING)
        say("notice_by", days=(notice_by - as_of).days, day=notice_by)
    review = one["review_on"]
    if review is not None and (review - as_of).days <= limits.review_days:
        verdicts.append(REVIEW_DUE)
        if review < as_of:
            say("review_overdue", days=(as_of - review).days, day=review)
        else:
            say("review_in", days=(review - as_of).days, day=review)
    last = max((x[0] for x in (last_activity, last_consultation) if x is not None), default=None)
    if last is None:
        if started is not None and started <= reading.years_before(as_of, limits.quiet_years):
            verdicts.append(DORMANT)
            say("never_used", years=_whole_years(started, as_of), since=started)
        elif started is None:
            verdicts.append(DORMANT)
            say("never_used_no_date")
        else:
            verdicts.append(NEW)
            say("new", since=started)
    elif last <= reading.years_before(as_of, limits.dormant_years):
        verdicts.append(DORMANT)
        say("nothing_since", years=limits.dormant_years, last=last)
    elif last <= reading.years_before(as_of, limits.quiet_years):
        verdicts.append(QUIET)
        say("nothing_since", years=limits.quiet_years, last=last)
    else:
        verdicts.append(ACTIVE)
        say("last_held", last=last)
    return min(verdicts, key=VERDICTS.index)


def _whole_years(start: date, end: date) -> int:
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


# -- the records behind a figure ---------------------------------------------------------------------
ACTIVITIES = "activities"
CONSULTATIONS = "consultations"
FOLLOW_UPS_OPEN = "follow_ups_open"
FOLLOW_UPS_LATE = "follow_ups_late"
PROJECT_AGREEMENTS = "project_agreements"


def records_behind(
    session: Session, agreement_id: str, figure: str, as_of: date, years: int | None = None
) -> tuple[str, tuple[str, ...]]:
    """(record kind, ids) counted in one figure of one agreement's assessment: its activities or
    consultations held (in the last ``years``, or ever), its open or late follow-ups, its project
    agreements. Newest first; follow-ups by due day."""
    today = _is_today(as_of)
    agreements = reading.agreements(session, as_of, today)
    if agreement_id not in agreements:
        return ("agreement", ())
    members = reading.families(agreements)[agreement_id]
    since = reading.years_before(as_of, years) if years else None
    if figure == ACTIVITIES:
        return "activity", reading.activity_ids(session, members, as_of, since)
    if figure == CONSULTATIONS:
        return "consultation", reading.consultation_ids(session, members, as_of, since)
    if figure == PROJECT_AGREEMENTS:
        return "agreement", members[1:]
    if figure in (FOLLOW_UPS_OPEN, FOLLOW_UPS_LATE):
        late = figure == FOLLOW_UPS_LATE
        return "follow_up", reading.follow_up_ids(session, agreement_id, as_of, today, late)
    raise ValueError(f"no such figure: {figure}")


def filtered(
    assessments: Iterable[Assessment],
    *,
    verdict: str | None = None,
    kind: str | None = None,
    partner_kind: str | None = None,
    area_id: str | None = None,
    country: str | None = None,
    year: int | None = None,
) -> list[Assessment]:
    """The assessments a page or report narrows to (unset: no filter)."""
    return [
        a
        for a in assessments
        if (verdict is None or a.verdict == verdict)
        and (kind is None or a.kind == kind)
        and (partner_kind is None or a.partner_kind == partner_kind)
        and (area_id is None or area_id in a.area_ids)
        and (country is None or a.partner_country == country)
        and (year is None or a.signed_year == year)
    ]
