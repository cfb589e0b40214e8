"""The portfolio report laid out: summary, instruments, rules, as platypus flowables, with the
briefing's building blocks (desktop.briefing.sheet.Layout): every stored text wraps in a font
that has its script, long tables repeat their header row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db.queries.portfolio import VERDICTS, Assessment, Review, next_deadline
from db.queries.portfolio_words import (
    officer_assessment_text,
    reasons_text,
    thresholds_text,
    verdict_name,
)
from desktop.briefing import styles
from desktop.briefing.sheet import Layout
from desktop.portfolio_report.chart import held_per_year
from desktop.portfolio_report.options import SECTIONS, ReportOptions
from desktop.portfolio_report.words import ReportWords

CHUNK = 60  # instruments per table (a few pages each)

# The verdicts' colours, for Paragraph markup: what needs a decision now is red, what fades
# amber, what is alive green, what is over grey.
VERDICT_MARKUP = {
    "superseded": styles.STATUS_OTHER_MARKUP,
    "terminated": styles.STATUS_OTHER_MARKUP,
    "expired": styles.STATUS_OTHER_MARKUP,
    "not_in_force": styles.STATUS_OTHER_MARKUP,
    "expiring": styles.LATE_MARKUP,
    "review_due": styles.LATE_MARKUP,
    "dormant": "#8a5a00",
    "quiet": "#8a5a00",
    "new": "#2e6b34",
    "active": "#2e6b34",
}
# Column widths of the instruments table, as fractions of the frame.
INSTRUMENT_COLUMNS = (0.18, 0.12, 0.19, 0.07, 0.11, 0.085, 0.085, 0.075, 0.085)
ZERO = "–"


class PortfolioReport(Layout):
    """Builds the story of one review for a text frame ``width`` points wide."""

    def __init__(
        self,
        review: Review,
        by_year: Mapping[int, Sequence[int]],
        options: ReportOptions,
        words: ReportWords,
        width: float,
        height: float,
    ):
        super().__init__(words, width, height)
        self.review = review
        self.by_year = by_year  # year -> (activities, consultations) held, for the chart
        self.options = options
        self.labels = {a.agreement_id: a.label for a in review.assessments}

    def story(self) -> list[Flowable]:
        flow = self.heading()
        for name in SECTIONS:
            if name in self.options.sections:
                flow += getattr(self, f"_{name}")()
        return flow

    def heading(self) -> list[Flowable]:
        r, w = self.review, self.words
        count = len(r.assessments)
        overview = (
            w("overview_one", in_force=r.in_force(), due=r.review_due_this_year())
            if count == 1
            else w(
                "overview",
                count=w.number(count),
                in_force=w.number(r.in_force()),
                due=w.number(r.review_due_this_year()),
            )
        )
        return [
            Paragraph(w("review").upper(), styles.kicker),
            Paragraph(w("heading", day=w.day(r.as_of)), styles.title),
            Paragraph(overview, styles.small),
            self._rule(),
        ]

    @staticmethod
    def _rule() -> Flowable:
        return HRFlowable(
            width="100%", thickness=1.4, color=styles.ACCENT, spaceBefore=4, spaceAfter=1
        )

    def _count(self, value: int, *, bold: bool = False) -> Paragraph:
        text = self.words.number(value) if value else ZERO
        return Paragraph(f"<b>{text}</b>" if bold else text, styles.cell)

    # -- summary ------------------------------------------------------------------------------
    def _summary(self) -> list[Flowable]:
        r, w = self.review, self.words
        head = [
            Paragraph(w("partner_kind"), styles.cell_head),
            *(Paragraph(verdict_name(v, w.language), styles.cell_head) for v in VERDICTS),
            Paragraph(w("total"), styles.cell_head),
        ]
        table = r.by_partner_kind()
        kinds = sorted(table, key=lambda k: (k is None, self._kind(k).casefold()))
        rows: list[list] = []
        for kind in kinds:
            counts = table[kind]
            rows.append(
                [
                    Paragraph(self._kind(kind), styles.cell),
                    *(self._count(counts[v]) for v in VERDICTS),
                    self._count(sum(counts.values()), bold=True),
                ]
            )
        totals = r.by_verdict()
        rows.append(
            [
                Paragraph(f"<b>{w('all_instruments')}</b>", styles.cell),
                *(self._count(totals[v], bold=True) for v in VERDICTS),
                self._count(len(r.assessments), bold=True),
            ]
        )
        first = 0.2
        rest = (1 - first) / (len(VERDICTS) + 1)
        counts_table = Table(
            [head, *rows],
            colWidths=[self.width * first] + [self.width * rest] * (len(VERDICTS) + 1),
            repeatRows=1,
            hAlign="LEFT",
            style=styles.data_table(),
        )
        counts_table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, styles.ACCENT)]))
        content: list[Flowable] = [counts_table, Spacer(1, 8)]
        content.append(Paragraph(w("per_year"), styles.heading))
        chart = held_per_year(self.by_year, r.as_of.year, w, self.width)
        content.append(chart if chart is not None else self.nothing("nothing_held"))
        return self.section("summary", content)

    def _kind(self, kind: str | None) -> str:
        return self.words.choice(kind) if kind else self.words("no_partner")

    # -- instruments --------------------------------------------------------------------------
    def _instruments(self) -> list[Flowable]:
        w = self.words
        if not self.review.assessments:
            return self.section("instruments", [self.nothing("no_instruments")])
        header = [
            w("instrument"),
            w("partners"),
            w("verdict"),
            w("last_held"),
            w("activities_5"),
            w("consultations_5"),
            w("commitments"),
            w("follow_ups"),
            w("next_deadline"),
        ]
        rows: list[list] = []
        groups: list[int] = []
        blank = [""] * (len(header) - 1)
        for verdict in VERDICTS:
            chosen = [a for a in self.review.assessments if a.verdict == verdict]
            if not chosen:
                continue
            groups.append(len(rows) + 1)
            name = verdict_name(verdict, w.language)
            rows.append([Paragraph(f"{name} ({w.number(len(chosen))})", styles.cell_group), *blank])
            rows += [self._instrument_row(a) for a in chosen]
        # One table per CHUNK rows: ReportLab lays out again every row left in a table each
        # time it splits it at a page's foot, which made 2,000 instruments take three times as
        # long as 1,000. Each part repeats the header.
        tables = []
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            mine = [g - start for g in groups if start < g <= start + len(part)]
            tables.append(self.table(header, part, INSTRUMENT_COLUMNS, group_rows=mine))
        # The table starts on a page with room for its header and a few instruments, not
        # under the summary's last lines.
        return [CondPageBreak(self.height / 3), *self.section("instruments", tables)]

    def _instrument_row(self, a: Assessment) -> list:
        w = self.words
        small = styles.cell_small
        what: list[Flowable] = [self.p(a.label, styles.cell_strong)]
        if a.reference:
            what.append(self.p(a.title, small))
        details = [w.choice(a.kind)]
        if a.parent_id in self.labels:
            details.append(w("under", parent=self.m(self.labels[a.parent_id], small)))
        what.append(Paragraph(" · ".join(details), small))

        # One paragraph per partner: a right-to-left name is broken into lines only in a
        # paragraph of its own (text.BidiParagraph), never in the middle of a word.
        partners: list[Flowable] = [self.p(name, styles.cell) for name in a.partners]
        about = self.join([w.choice(a.partner_kind), w.country(a.partner_country)], small, " · ")
        if about:
            partners.append(Paragraph(about, small))

        colour = VERDICT_MARKUP[a.verdict]
        verdict = [
            Paragraph(
                f'<font color="{colour}"><b>{verdict_name(a.verdict, w.language)}</b></font>',
                styles.cell,
            ),
            self.p(reasons_text(a, w.language), small),
        ]
        if a.officer_assessment:  # the officers' own judgement, beside the rules' verdict
            noted = officer_assessment_text(a.officer_assessment, w.language)
            verdict.append(self.p(f"{w('officers')}{w.colon}{noted}", small))
            if a.officer_assessment.get("narrative"):
                verdict.append(self.p(a.officer_assessment["narrative"], small))

        five = a.held[5]
        activities: list[Flowable] = [self._count(five.activities)]
        if five.participants:
            key = "participants_split" if five.women or five.men else "participants_line"
            activities.append(
                Paragraph(
                    w(
                        key,
                        total=w.number(five.participants),
                        women=w.number(five.women),
                        men=w.number(five.men),
                    ),
                    small,
                )
            )
        follow_ups = self._count(a.follow_ups_open)
        if a.follow_ups_late:
            follow_ups = Paragraph(
                f"{w.number(a.follow_ups_open)} / "
                f'<font color="{styles.LATE_MARKUP}"><b>{w.number(a.follow_ups_late)}</b></font>',
                styles.cell,
            )
        elif a.follow_ups_open:
            follow_ups = Paragraph(f"{w.number(a.follow_ups_open)} / {ZERO}", styles.cell)
        commitments = " / ".join(
            w.number(n) if n else ZERO
            for n in (a.commitments_met, a.commitments_pending, a.commitments_not_met)
        )
        return [
            what,
            partners or Paragraph(w("none"), styles.cell),
            verdict,
            Paragraph(w.day(a.last_held) or w("none"), styles.cell),
            activities,
            self._count(five.consultations),
            Paragraph(commitments, styles.cell),
            follow_ups,
            self._deadline(a),
        ]

    def _deadline(self, a: Assessment) -> list[Flowable]:
        """The next deadline, as the page shows it (portfolio.next_deadline): an overdue review
        in red."""
        w = self.words
        deadline = next_deadline(a)
        if deadline is None:
            return [Paragraph(w("none"), styles.cell)]
        key = {"review": "review_on", "expiry": "expires_on", "notice": "notice_by"}[deadline.what]
        if deadline.days < 0:
            when = f'<font color="{styles.LATE_MARKUP}"><b>{w("overdue")}</b></font>'
        else:
            when = self._in(deadline.day, self.review.as_of)
        return [
            Paragraph(w(key), styles.cell_small),
            Paragraph(w.day(deadline.day), styles.cell),
            Paragraph(when, styles.cell_small),
        ]

    def _in(self, day: date, as_of: date) -> str:
        days = (day - as_of).days
        if days == 0:
            return self.words("today")
        if days == 1:
            return self.words("in_one_day")
        return self.words("in_days", days=self.words.number(days))

    # -- rules ----------------------------------------------------------------------------------
    def _rules(self) -> list[Flowable]:
        r, w = self.review, self.words
        return self.section(
            "rules",
            [
                Paragraph(thresholds_text(r.thresholds, w.language), styles.body),
                Spacer(1, 3),
                Paragraph(w("held_rule", day=w.day(r.as_of)), styles.body),
            ],
        )
