"""The briefing sheet laid out: the sections of DESIGN.md, in its order, as platypus flowables.

Every piece of stored text goes through ``text.markup`` (escaped, set in a font that has its
script) and into a Paragraph, also inside table cells, so long text wraps instead of being cut.
Long tables repeat their header row on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Table,
)
from reportlab.platypus.flowables import Spacer

from db.queries.portfolio_words import officer_assessment_text
from desktop.briefing import styles
from desktop.briefing.fonts import SANS_BOLD, SANS_ITALIC
from desktop.briefing.gather import (
    Agreement,
    Briefing,
    Consultation,
    Contact,
    FollowUp,
    JointActivity,
    Organization,
    Participant,
    Provision,
)
from desktop.briefing.options import SECTIONS
from desktop.briefing.text import BidiParagraph, has_right_to_left, markup, unprintable
from desktop.briefing.words import Words


class Layout:
    """The building blocks of a printed report (the briefing, the portfolio report) for a text
    frame ``width`` points wide and ``height`` high: stored text as paragraphs in a font that
    has its script, sections, tables whose cells wrap."""

    def __init__(self, words: Words, width: float, height: float):
        self.words = words
        self.width = width
        self.height = height
        self.unprintable: set[str] = set()  # characters no bundled font has

    # -- building blocks ---------------------------------------------------------------------------
    def m(
        self, text: str | None, style: ParagraphStyle = styles.body, *, bold: bool = False
    ) -> str:
        """Stored text as markup for a paragraph of ``style`` (inside <b> when ``bold``)."""
        self.unprintable |= unprintable(text)
        return markup(
            text,
            bold=bold or style.fontName == SANS_BOLD,
            italic=style.fontName == SANS_ITALIC,
        )

    def p(
        self,
        text: str | None,
        style: ParagraphStyle = styles.body,
        *,
        prefix: str = "",
        suffix: str = "",
    ) -> Flowable:
        """Stored text as a paragraph, between markup ``prefix`` and ``suffix`` of our own;
        right-to-left text is broken into lines here (see text.BidiParagraph)."""
        if has_right_to_left(text):
            self.unprintable |= unprintable(text)
            return BidiParagraph(text, style, prefix=prefix, suffix=suffix)
        return Paragraph(f"{prefix}{self.m(text, style)}{suffix}", style)

    def join(
        self, parts: Sequence[str | None], style: ParagraphStyle = styles.body, sep: str = ", "
    ) -> str:
        """Pieces of stored text joined in the sheet's own (left-to-right) order: each piece is
        ordered on its own, so a list of Arabic names keeps its commas where English puts them."""
        return sep.join(self.m(part, style) for part in parts if part)

    def pj(
        self, parts: Sequence[str | None], style: ParagraphStyle = styles.body, sep: str = ", "
    ) -> Paragraph:
        return Paragraph(self.join(parts, style, sep), style)

    def section(self, key: str, content: Sequence[Flowable]) -> list[Flowable]:
        # A heading never ends a page: with less room than this left, the section starts on the
        # next one. Its content itself may split (long tables repeat their header row).
        rule = HRFlowable(
            width="100%", thickness=0.7, color=styles.ACCENT, spaceBefore=1, spaceAfter=3.5
        )
        return [
            CondPageBreak(styles.SECTION_MIN_ROOM),
            Paragraph(self.words(key), styles.section),
            rule,
            *content,
        ]

    def nothing(self, key: str) -> Paragraph:
        return Paragraph(self.words(key), styles.empty)

    def table(
        self,
        header: Sequence[str],
        rows: list[list],
        fractions: Sequence[float],
        *,
        group_rows: Sequence[int] = (),
        late_rows: Sequence[int] = (),
        more_rows: Sequence[int] = (),
    ) -> Table:
        head = [Paragraph(h, styles.cell_head) for h in header]
        widths = [self.width * f for f in fractions]
        # A group row ("Upcoming") never ends a page, unless the row after it is too tall to be
        # kept with it (that row then splits across pages).
        kept = [
            g
            for g in group_rows
            if g < len(rows) and self._height(rows[g], widths) < self.height / 3
        ]
        return Table(
            [head, *rows],
            colWidths=widths,
            repeatRows=1,
            style=styles.data_table(group_rows, late_rows, kept, more_rows),
            hAlign="LEFT",
            splitInRow=1,  # a cell taller than a page continues on the next one
        )

    @staticmethod
    def _height(row: list, widths: list[float]) -> float:
        """How tall a table row (0-based among the body rows) will be."""
        tallest = 0.0
        padding = 6  # styles.CELL_PADDING, left and right
        for cell, width in zip(row, widths, strict=True):
            flowables = cell if isinstance(cell, list) else [cell]
            height = sum(
                f.wrap(width - padding, 10_000)[1] for f in flowables if isinstance(f, Flowable)
            )
            tallest = max(tallest, height)
        return tallest

    def facts(self, rows: list[tuple[str, list[Flowable] | Flowable]]) -> Table:
        data = [[Paragraph(label, styles.label), value] for label, value in rows]
        return Table(
            data,
            colWidths=[self.width * 0.16, self.width * 0.84],
            style=styles.facts_table(),
            hAlign="LEFT",
            splitInRow=1,  # a cell taller than a page continues on the next one
        )


class Sheet(Layout):
    """Builds the story of one briefing for a text frame ``width`` points wide."""

    def __init__(self, briefing: Briefing, words: Words, width: float, height: float):
        super().__init__(words, width, height)
        self.briefing = briefing

    def more(self, key: str) -> list[Flowable]:
        """The line under a list that options.max_per_section cut short ("… and 1,234 more"),
        or nothing; ``key`` names the list (see Briefing.not_shown)."""
        count = self.briefing.not_shown.get(key, 0)
        return [Paragraph(self.words.more(count), styles.empty)] if count else []

    # -- the sheet ---------------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        options = self.briefing.options
        flow = self.heading()
        for name in SECTIONS:
            if options.shows(name):
                flow += getattr(self, f"_{name}")()
        return flow

    def heading(self) -> list[Flowable]:
        b, w = self.briefing, self.words
        flow: list[Flowable] = [
            Paragraph(w("briefing").upper(), styles.kicker),
            self.p(b.partner.full, styles.title),
        ]
        if b.meeting is not None:
            flow.append(
                self.p(
                    b.meeting.title,
                    styles.subtitle,
                    prefix=f"<b>{w('meeting')}{w.colon}</b>",
                    suffix=f" — {self._when_and_where(b.meeting)}",
                )
            )
        period = (
            w("period_between", start=w.day(b.period_from), end=w.day(b.period_to))
            if b.period_to
            else w("period_from", start=w.day(b.period_from))
        )
        if b.ours is not None:
            flow.append(
                Paragraph(f"{w('our_organization')}{w.colon}{self.m(b.ours.full)}", styles.small)
            )
        situation = w("situation", day=w.day(b.today))
        flow.append(Paragraph(f"{w('period')}{w.colon}{period} · {situation}", styles.small))
        if b.in_conflict:
            count = len(b.in_conflict)
            note = w("conflicts_note_one") if count == 1 else w("conflicts_note", count=count)
            flow.append(
                Paragraph(f'<font color="{styles.LATE_MARKUP}">{note}</font>', styles.small)
            )
        flow.append(
            HRFlowable(
                width="100%", thickness=1.4, color=styles.ACCENT, spaceBefore=4, spaceAfter=1
            )
        )
        return flow

    def _conflict_mark(self, record_id: str, before: str = " · ") -> str:
        """IN CONFLICT after what a record shows, when two laptops changed it differently."""
        if record_id not in self.briefing.in_conflict:
            return ""
        return (
            f'{before}<font color="{styles.LATE_MARKUP}"><b>{self.words("in_conflict")}</b></font>'
        )

    def _when_and_where(self, c: Consultation) -> str:
        w = self.words
        place = c.place or (w("online") if c.online else "")
        when = w.meeting_time(c.starts_at, c.duration_minutes)
        if when and c.duration_minutes and c.duration_minutes % (24 * 60) == 0:
            when += f" ({w.duration(c.duration_minutes)})"  # a two-day visit says so
        return self.join([when, place], styles.subtitle)

    # -- 2. purpose ------------------------------------------------------------------------------
    def _purpose(self) -> list[Flowable]:
        meeting = self.briefing.meeting
        if meeting is None:
            return []
        content: list[Flowable] = []
        if meeting.agenda:
            content.append(self.p(meeting.agenda))
        else:
            content.append(self.nothing("agenda_missing"))
        if meeting.organizations:
            content.append(
                Paragraph(
                    f"{self.words('present')}{self.words.colon}"
                    f"{self.join(meeting.organizations, styles.small)}",
                    styles.small,
                )
            )
        people = self.briefing.meeting_participants
        if people:
            content.append(self._named(people, styles.small))
        return self.section("purpose", content)

    def _named(self, people: Sequence[Participant], style: ParagraphStyle) -> Paragraph:
        """ "Participants: Wanjiru Kamau (IOM), Yusuf Abdi Hassan (Kenya Revenue Authority)"."""
        named = ", ".join(
            self.m(p.name, style)
            + (f" ({self.m(p.organization, style)})" if p.organization else "")
            for p in people
        )
        return Paragraph(f"{self.words('participants_named')}{self.words.colon}{named}", style)

    # -- 3. at a glance ----------------------------------------------------------------------------
    def _at_a_glance(self) -> list[Flowable]:
        partner, w = self.briefing.partner, self.words
        rows: list[tuple[str, Flowable | list[Flowable]]] = []
        kind = w.choice(partner.kind)
        if partner.status:
            kind = (
                f"{kind} — {w('relationship').lower()}{w.colon}{w.choice(partner.status).lower()}"
            )
        rows.append((w("kind"), self.p(kind, styles.cell)))
        headquarters = self._headquarters(partner)
        if headquarters or partner.website:
            value: list[Flowable] = []
            if headquarters:
                value.append(self.pj(headquarters, styles.cell))
            if partner.website:
                value.append(self.p(partner.website, styles.cell_small))
            rows.append((w("headquarters"), value))
        if partner.mandate:
            rows.append((w("mandate"), self.p(partner.mandate, styles.cell)))
        return self.section("at_a_glance", [self.facts(rows)])

    def _headquarters(self, org: Organization) -> list[str]:
        parts = [org.address] if org.address else []
        if org.city and (not org.address or org.city not in org.address):
            parts.append(org.city)
        if org.country:
            parts.append(self.words.country(org.country))
        return [p for p in parts if p]

    # -- 4. framework ------------------------------------------------------------------------------
    def _framework(self) -> list[Flowable]:
        agreements = self.briefing.agreements
        if not agreements:
            return self.section("framework", [self.nothing("no_agreements")])
        blocks: list[Flowable] = []
        for i, agreement in enumerate(agreements):
            block = self._agreement(agreement)
            if i:
                block.insert(0, Spacer(1, 4))
            blocks.append(KeepTogether(block))
        return self.section("framework", [*blocks, *self.more("agreements")])

    def _agreement(self, a: Agreement) -> list[Flowable]:
        w = self.words
        colour = styles.STATUS_MARKUP.get(a.status, styles.STATUS_OTHER_MARKUP)
        head = (
            f"{self.m(a.name, styles.heading)} · {w.choice(a.kind)} · "
            f'<font color="{colour}">{w.choice(a.status)}</font>{self._conflict_mark(a.id, " · ")}'
        )
        flow: list[Flowable] = [Paragraph(head, styles.heading)]
        if a.reference:
            flow.append(self.p(a.title, styles.small))
        rows: list[tuple[str, Flowable | list[Flowable]]] = []
        if a.summary:
            rows.append((w("summary"), self.p(a.summary, styles.cell)))
        if a.signatures:
            rows.append((w("signed"), [self._signature(s) for s in a.signatures]))
        if a.entry_into_force:
            rows.append((w("entry_into_force"), self.p(w.day(a.entry_into_force), styles.cell)))
        rows.append((w("duration"), self.p(self._duration(a), styles.cell)))
        if a.review_on:
            review = w.day(a.review_on)
            if a.review_overdue:
                review += f' <font color="{styles.LATE_MARKUP}"><b>({w("overdue")})</b></font>'
            rows.append((w("next_review"), Paragraph(review, styles.cell)))
        if a.parent:
            rows.append((w("under"), self.p(a.parent, styles.cell)))
        if a.provisions:
            rows.append((w("provisions"), [self._provision(p) for p in a.provisions]))
        if a.assessment:
            noted = [self.p(officer_assessment_text(a.assessment, w.language), styles.cell)]
            if a.assessment.get("narrative"):
                noted.append(self.p(a.assessment["narrative"], styles.cell))
            rows.append((w("assessment"), noted))
        flow.append(Spacer(1, 1.5))
        flow.append(self.facts(rows))
        return flow

    def _provision(self, p: Provision) -> Paragraph:
        """ "Art. 7 Termination: either Party may terminate…": what it says, not only its title."""
        w = self.words
        head = " ".join(
            x
            for x in (
                w("article", article=self.m(p.article)) if p.article else "",
                self.m(p.heading, styles.cell, bold=True) if p.heading else "",
            )
            if x
        )
        if head and p.summary:
            return Paragraph(f"<b>{head}</b>{w.colon}{self.m(p.summary)}", styles.cell)
        if head:
            return Paragraph(f"<b>{head}</b>", styles.cell)
        return self.p(p.summary, styles.cell)

    def _signature(self, s) -> Paragraph:
        w = self.words
        who = self.join([s.signatory, s.signatory_title], styles.cell) or w("none")
        where = self.join([s.signed_at, w.day(s.signed_on)], styles.cell) or w("none")
        return Paragraph(
            f"<b>{self.m(s.party, styles.cell, bold=True)}</b>{w.colon}{who} — {where}",
            styles.cell,
        )

    def _duration(self, a: Agreement) -> str:
        w = self.words
        if a.notice_months:
            notice = (
                w("notice_one") if a.notice_months == 1 else w("notice", months=a.notice_months)
            )
        else:
            notice = ""
        if a.expires_on:
            text = w("expires", day=w.day(a.expires_on))
            if a.notice_deadline:
                text += f"{w.semicolon}{w('notice_deadline', day=w.day(a.notice_deadline))}"
            return text
        return f"{w('open_ended')}{w.semicolon}{notice}" if notice else w("open_ended")

    # -- 5. focal points ---------------------------------------------------------------------------
    def _focal_points(self) -> list[Flowable]:
        b = self.briefing
        # (heading, contacts, the name of the list in Briefing.not_shown)
        columns = [(b.partner.full, b.partner_contacts, "partner_contacts")]
        if b.ours is not None:
            columns.append((b.ours.full, b.our_contacts, "our_contacts"))
        head = [
            Paragraph(self.m(name, styles.cell_head), styles.cell_head) for name, _, _ in columns
        ]
        body = [self._contact_list(contacts, key) for _, contacts, key in columns]
        fraction = 1 / len(columns)
        table = Table(
            [head, body],
            colWidths=[self.width * fraction] * len(columns),
            style=styles.side_by_side(),
            hAlign="LEFT",
            splitInRow=1,  # a cell taller than a page continues on the next one
        )
        return self.section("focal_points", [table])

    def _contact_list(self, contacts: Sequence[Contact], key: str) -> list[Flowable]:
        if not contacts:
            return [self.nothing("no_contacts")]
        flow: list[Flowable] = []
        for c in contacts:
            role = f" — {self.words.choice(c.role)}" if c.role else ""
            flow.append(
                Paragraph(f"<b>{self.m(c.name, styles.cell, bold=True)}</b>{role}", styles.cell)
            )
            if c.title:
                flow.append(self.p(c.title, styles.cell_small))
            if c.email or c.phone:
                flow.append(self.pj([c.email, c.phone], styles.cell_small, " · "))
            flow.append(Spacer(1, 2.5))
        return flow + self.more(key)

    # -- 6. thematic areas -------------------------------------------------------------------------
    def _thematic_areas(self) -> list[Flowable]:
        b, w = self.briefing, self.words
        content: list[Flowable] = []
        if b.areas:
            rows = []
            for area in b.areas:
                name = " ".join(x for x in (area.code, area.name) if x)
                cell: list[Flowable] = [self.p(name, styles.cell_strong)]
                if area.sub_areas:
                    cell.append(self.pj(area.sub_areas, styles.cell_small, " · "))
                covered = self.join(area.agreements, styles.cell, "<br/>") or w("none")
                if area.more_agreements:
                    covered += f"<br/><i>{w.more(area.more_agreements)}</i>"
                rows.append(
                    [
                        cell,
                        Paragraph(covered, styles.cell),
                        Paragraph(str(area.consultations or w("none")), styles.cell),
                        Paragraph(str(area.activities or w("none")), styles.cell),
                    ]
                )
            content.append(
                self.table(
                    [w("area"), w("agreements"), w("meetings"), w("activities_short")],
                    rows,
                    (0.48, 0.3, 0.11, 0.11),
                )
            )
        else:
            content.append(self.nothing("no_areas"))
        if b.other_areas:
            content.append(Spacer(1, 2))
            content.append(
                Paragraph(
                    w("other_areas", areas=self.join(b.other_areas, styles.small)),
                    styles.small,
                )
            )
        return self.section("thematic_areas", content)

    # -- 7. consultations --------------------------------------------------------------------------
    def _consultations(self) -> list[Flowable]:
        b, w = self.briefing, self.words
        if not b.next_consultations and not b.recent_consultations:
            return self.section(
                "consultations", [self.nothing("no_next"), self.nothing("no_recent")]
            )
        rows: list[list] = []
        groups: list[int] = []
        more: list[int] = []

        def group(key: str, items: Sequence[Consultation], empty_key: str, field: str) -> None:
            groups.append(len(rows) + 1)
            rows.append([Paragraph(w(key), styles.cell_group), "", ""])
            if not items:
                groups.append(len(rows) + 1)
                rows.append([self.nothing(empty_key), "", ""])
            for c in items:
                rows.append(self._consultation_row(c))
            for line in self.more(field):
                more.append(len(rows) + 1)
                rows.append([line, "", ""])

        group("next_scheduled", b.next_consultations, "no_next", "next_consultations")
        group("recent", b.recent_consultations, "no_recent", "recent_consultations")
        table = self.table(
            [w("date"), w("meeting"), w("place")],
            rows,
            (0.16, 0.63, 0.21),
            group_rows=groups,
            more_rows=more,
        )
        return self.section("consultations", [table])

    def _consultation_row(self, c: Consultation) -> list:
        w = self.words
        what: list[Flowable] = [self.p(c.title, styles.cell_strong)]
        details = [w.choice(c.kind)]
        if c.organizations:
            details.append(self.join(c.organizations, styles.cell_small))
        if self.briefing.meeting is not None and c.id == self.briefing.meeting.id:
            details.append(w("this_meeting"))
        if c.before_period:
            details.append(w("before_period"))
        what.append(Paragraph(" · ".join(details) + self._conflict_mark(c.id), styles.cell_small))
        if c.on is not None and c.on < self.briefing.today:
            if c.decisions:
                what.append(Paragraph(f"<b>{w('decisions')}</b>", styles.cell_small))
                what += [self.p(line, styles.hanging) for line in c.decisions]
            else:
                what.append(self.nothing("no_decisions"))
        place = c.place or (w("online") if c.online else w("none"))
        return [
            self._moment(c),
            what,
            self.p(place, styles.cell),
        ]

    def _moment(self, c: Consultation) -> list[Flowable]:
        """The day (the days of a meeting of several), and under it its hours or how long."""
        w, starts_at, minutes = self.words, c.starts_at, c.duration_minutes
        if not starts_at:
            return [Paragraph(w("none"), styles.cell)]
        parsed = datetime.fromisoformat(starts_at)
        if minutes and minutes > 0 and minutes % (24 * 60) == 0:
            return [
                Paragraph(w.meeting_time(starts_at, minutes), styles.cell),
                Paragraph(w.duration(minutes), styles.cell_small),
            ]
        cell = [Paragraph(w.day(parsed.date()), styles.cell)]
        if "T" in starts_at:
            hours = w.time(parsed)
            if minutes and minutes > 0:
                end = parsed + timedelta(minutes=minutes)
                hours += f"–{w.time(end)}" if end.date() == parsed.date() else ""
            cell.append(Paragraph(hours, styles.cell_small))
        return cell

    # -- 8. joint activities -----------------------------------------------------------------------
    def _activities(self) -> list[Flowable]:
        b, w = self.briefing, self.words
        if not b.upcoming_activities and not b.recent_activities:
            return self.section("activities", [self.nothing("no_activities")])
        rows: list[list] = []
        groups: list[int] = []
        more: list[int] = []
        for key, items, field in (
            ("upcoming", b.upcoming_activities, "upcoming_activities"),
            ("recently", b.recent_activities, "recent_activities"),
        ):
            if not items:
                continue
            groups.append(len(rows) + 1)
            rows.append([Paragraph(w(key), styles.cell_group), "", "", "", ""])
            rows += [self._activity_row(a) for a in items]
            for line in self.more(field):
                more.append(len(rows) + 1)
                rows.append([line, "", "", "", ""])
        table = self.table(
            [w("dates"), w("activity"), w("place"), w("participants"), w("status")],
            rows,
            (0.16, 0.44, 0.16, 0.13, 0.11),
            group_rows=groups,
            more_rows=more,
        )
        return self.section("activities", [table])

    def _activity_row(self, a: JointActivity) -> list:
        w = self.words
        small = styles.cell_small
        names = [f"{self.m(a.lead, small)} ({w.choice('lead').lower()})"] if a.lead else []
        names += [self.m(n, small) for n in a.organizations if n != a.lead]
        details = " · ".join(x for x in (w.choice(a.kind), ", ".join(names)) if x)
        place = self.join([a.city, w.country(a.country)], styles.cell)
        place_cell: list[Flowable] = []
        if place:
            place_cell.append(Paragraph(place, styles.cell))
            if a.mode in ("online", "hybrid"):
                place_cell.append(self.p(w.choice(a.mode), styles.cell_small))
        else:
            place_cell.append(self.p(w.choice(a.mode) or w("none"), styles.cell))
        held = a.status in ("completed", "ongoing")
        if a.participants_total and a.participants_women is not None:
            participants = (
                w(
                    "participants_split_men",
                    total=a.participants_total,
                    women=a.participants_women,
                    men=a.participants_men,
                )
                if a.participants_men is not None
                else w("participants_split", total=a.participants_total, women=a.participants_women)
            )
        elif a.participants_total:
            participants = w("participants_count", total=a.participants_total)
        else:
            participants = ""
        participant_cell = [self.p(participants, styles.cell)] if participants else []
        if a.participants_total and a.countries:
            participant_cell.append(
                self.p(w("participants_countries", count=a.countries), styles.cell_small)
            )
        if a.participants_expected and not held:
            participant_cell.append(
                self.p(w("participants_expected", count=a.participants_expected), styles.cell_small)
            )
        if not participant_cell:
            participant_cell.append(self.p(w("none"), styles.cell))
        dates_cell = [self.p(w.span(a.start_on, a.end_on), styles.cell)]
        if a.original_start_on:
            dates_cell.append(
                self.p(
                    w("postponed_from", span=w.span(a.original_start_on, a.original_end_on)),
                    styles.cell_small,
                )
            )
        title_cell = [
            self.p(a.title, styles.cell_strong),
            Paragraph(details + self._conflict_mark(a.id), styles.cell_small),
        ]
        if a.results and held:
            title_cell.append(
                self.p(f"{w('results')}{w.colon}{_shortened(a.results)}", styles.cell_small)
            )
        if a.listed:  # asked for: personal data
            title_cell.append(self._named(a.listed[:LISTED_NAMES], styles.cell_small))
            if len(a.listed) > LISTED_NAMES:
                title_cell.append(self.p(w.more(len(a.listed) - LISTED_NAMES), styles.cell_small))
        return [
            dates_cell,
            title_cell,
            place_cell,
            participant_cell,
            self.p(w.choice(a.status), styles.cell),
        ]

    # -- 9. follow-ups -----------------------------------------------------------------------------
    def _follow_ups(self) -> list[Flowable]:
        b, w = self.briefing, self.words
        if not b.open_follow_ups:
            return self.section("follow_ups", [self.nothing("no_follow_ups")])
        rows = [self._follow_up_row(f) for f in b.open_follow_ups]
        late = [i + 1 for i, f in enumerate(b.open_follow_ups) if f.is_late]
        more: list[int] = []
        for line in self.more("open_follow_ups"):
            more.append(len(rows) + 1)
            rows.append([line, "", ""])
        table = self.table(
            [w("due"), w("action"), w("who")],
            rows,
            (0.16, 0.62, 0.22),
            late_rows=late,
            more_rows=more,
        )
        return self.section("follow_ups", [table])

    def _follow_up_row(self, f: FollowUp) -> list:
        w = self.words
        due = w.day(f.due_on) or w("none")
        if f.is_late:
            due = f'<font color="{styles.LATE_MARKUP}"><b>{w("late")}</b></font><br/>{due}'
        action: list[Flowable] = [self.p(f.text, styles.cell)]
        status = f"{w.choice(f.status)} · " if f.status == "in_progress" else ""
        if f.source:
            prefix = f"{status}{w.choice(f.source_kind)}{w.colon}"
            action.append(self.p(f.source, styles.cell_small, prefix=prefix))
        elif status:
            action.append(Paragraph(w.choice(f.status), styles.cell_small))
        if f.id in self.briefing.in_conflict:
            action.append(Paragraph(self._conflict_mark(f.id, ""), styles.cell_small))
        return [Paragraph(due, styles.cell), action, self.p(f.owner or w("none"), styles.cell)]

    # -- 10. talking points ------------------------------------------------------------------------
    def _talking_points(self) -> list[Flowable]:
        text = self.briefing.options.talking_points.strip()
        if not text:
            return []
        return self.section("talking_points", [self.p(text)])


RESULTS_LENGTH = 400  # a senior official reads the sheet in two minutes
# An activity's participant list (when asked for) names at most this many people: a table's row
# cannot run over a page, and a conference's list of thousands is read in PartnerDesk.
LISTED_NAMES = 60


def _shortened(text: str) -> str:
    """An activity's results as the sheet prints them: one paragraph, at most RESULTS_LENGTH
    characters, cut at a word."""
    flat = " ".join(text.split())
    if len(flat) <= RESULTS_LENGTH:
        return flat
    return flat[:RESULTS_LENGTH].rsplit(" ", 1)[0] + "…"
