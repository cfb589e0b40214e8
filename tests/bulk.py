"""Large stores for tests and benchmarks, written straight into SQLite.

``db.records.services.save`` validates, records history and indexes one record per unit of work: right
for officers, far too slow for 100,000 records. ``fill_bulk`` writes realistic rows with
``executemany`` in one transaction instead, following the schema of db/models.py: UUID ids,
timestamps, a few archived records, enumeration values from db/enums.py, part and link rows, and
the search index rows (``search_entry`` + FTS5 ``search_index``). It writes no change history.

Everything is drawn from ``random.Random(seed)``, so the same arguments give the same store.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import operator
import random
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from db import clock
from db.records.search import (
    _split_cjk,  # the same CJK spacing as the index written by the services
)
from db.records.services import open_store
from db.schema import enums
from db.schema.models import SORTED_BY_KEY
from db.schema.naming import sort_key
from db.store.engine import Store

ARCHIVED_SHARE = 0.01
_FIRST_DAY = date(2005, 1, 1).toordinal()
_LAST_DAY = date(2028, 12, 31).toordinal()

# (name, acronym, kind, country)
KNOWN_ORGANIZATIONS: tuple[tuple[str, str | None, str, str | None], ...] = (
    ("International Organization for Migration", "IOM", "intergovernmental_organization", "CH"),
    ("World Customs Organization", "WCO", "intergovernmental_organization", "BE"),
    ("United Nations Office on Drugs and Crime", "UNODC", "un_entity", "AT"),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", "un_entity", "CH"),
    (
        "International Criminal Police Organization",
        "INTERPOL",
        "intergovernmental_organization",
        "FR",
    ),
    (
        "International Centre for Migration Policy Development",
        "ICMPD",
        "intergovernmental_organization",
        "AT",
    ),
    ("Organisation mondiale de la santé", "OMS", "un_entity", "CH"),
    ("Communauté économique des États de l'Afrique de l'Ouest", "CEDEAO", "regional_body", "NG"),
    ("Southern African Development Community", "SADC", "regional_body", "BW"),
    ("East African Community", "EAC", "regional_body", "TZ"),
    ("المنظمة العربية للتنمية الإدارية", "ARADO", "regional_body", "EG"),
    ("中华人民共和国海关总署", "GACC", "national_administration", "CN"),
    (
        "Direction générale des douanes et droits indirects",
        "DGDDI",
        "national_administration",
        "FR",
    ),
    ("Zambia Revenue Authority", "ZRA", "national_administration", "ZM"),
    ("Kenya Revenue Authority", "KRA", "national_administration", "KE"),
    ("Université Cheikh Anta Diop", "UCAD", "academia", "SN"),
    ("Migration Policy Centre", "MPC", "academia", "IT"),
    ("Croix-Rouge burkinabè", None, "ngo", "BF"),
)

# (country code, country name, a city in it)
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("ZM", "Zambia", "Lusaka"),
    ("KE", "Kenya", "Nairobi"),
    ("SN", "Sénégal", "Dakar"),
    ("CI", "Côte d'Ivoire", "Abidjan"),
    ("BF", "Burkina Faso", "Ouagadougou"),
    ("BJ", "Bénin", "Cotonou"),
    ("RW", "Rwanda", "Kigali"),
    ("ET", "Ethiopia", "Addis Ababa"),
    ("TN", "Tunisie", "Tunis"),
    ("MA", "Maroc", "Casablanca"),
    ("EG", "مصر", "القاهرة"),
    ("JO", "الأردن", "عمّان"),
    ("CN", "中国", "北京"),
    ("TH", "Thailand", "Bangkok"),
    ("KZ", "Kazakhstan", "Almaty"),
    ("PE", "Perú", "Lima"),
    ("CH", "Suisse", "Genève"),
    ("BE", "Belgique", "Bruxelles"),
    ("AT", "Austria", "Vienna"),
    ("MX", "México", "Ciudad de México"),
)

NATIONAL_BODIES = (
    ("Customs Administration of {country}", "national_administration"),
    ("Direction générale des douanes — {country}", "national_administration"),
    ("Immigration Department of {country}", "national_administration"),
    ("Police des frontières — {country}", "national_administration"),
    ("National Border Management Committee of {country}", "national_administration"),
    ("Ministère de l'Intérieur — {country}", "national_administration"),
    ("Institut d'études migratoires de {country}", "academia"),
    ("{country} Chamber of Commerce", "private_sector"),
    ("Association d'aide aux migrants — {country}", "ngo"),
)

ACTIVITY_SUBJECTS = (
    "coordinated border management",
    "gestion coordonnée des frontières",
    "risk analysis for frontline officers",
    "lutte contre la traite des êtres humains",
    "smuggling of migrants",
    "Advance Passenger Information",
    "humanitarian border management",
    "One Stop Border Posts",
    "protection du patrimoine culturel",
    "public health at points of entry",
    "إدارة الحدود المتكاملة",
    "مكافحة تهريب المهاجرين",
    "边境管理联合培训",
    "海关与移民信息共享",
    "trade facilitation and cross-border communities",
    "données et statistiques migratoires",
)

ACTIVITY_TITLES: dict[str, tuple[str, ...]] = {
    "workshop": ("Regional workshop on {s}", "Atelier national sur {s}"),
    "training": ("Joint training course on {s}", "Formation conjointe : {s}"),
    "seminar": ("Seminar on {s}", "Séminaire sur {s}"),
    "conference": ("International conference on {s}",),
    "research": ("Joint study on {s}", "Étude conjointe sur {s}"),
    "campaign": ("Awareness campaign on {s}",),
    "technical_assistance": ("Technical assistance mission on {s}",),
    "assessment": ("Joint assessment of {s}", "Évaluation conjointe : {s}"),
    "sop": ("Standard operating procedures on {s}",),
    "information_material": ("Information leaflet on {s}",),
    "other": ("Study visit on {s}",),
}

AGREEMENT_TITLES = (
    "Memorandum of Understanding between {a} and {b}",
    "Protocole d'accord entre {a} et {b}",
    "Arrangement on cooperation between {a} and {b}",
    "Project agreement on {s}",
    "Accord de projet : {s}",
    "مذكرة تفاهم بشأن {s}",
    "关于{s}的合作谅解备忘录",
)
AGREEMENT_CODES = {
    "memorandum_of_understanding": "MOU",
    "arrangement_on_cooperation": "AOC",
    "cooperation_agreement": "CA",
    "project_agreement": "PA",
    "exchange_of_letters": "EOL",
    "joint_declaration": "JD",
    "letter_of_intent": "LOI",
    "other": "OTH",
}

CONSULTATION_TITLES = (
    "Annual bilateral consultation",
    "Consultations annuelles",
    "Technical meeting on {s}",
    "Réunion technique sur {s}",
    "Steering committee of the joint project",
    "High-level visit of the Secretary General",
    "اجتماع تنسيقي حول {s}",
    "关于{s}的视频会议",
)

FOLLOW_UP_TEXTS = (
    "Send the draft curriculum on {s}",
    "Envoyer le rapport de mission sur {s}",
    "Share the list of participants",
    "Confirmer la salle et les interprètes",
    "Propose dates for the next consultation",
    "إرسال مسودة الخطة المشتركة",
    "提交联合评估报告",
)

PEOPLE = (
    "Amina Diallo",
    "María Ibáñez",
    "Élodie Marchand",
    "Jean-Baptiste Kaboré",
    "Chipo Banda",
    "Olena Kovalenko",
    "Kwame Mensah",
    "Søren Østergaard",
    "محمد الأمين",
    "فاطمة الزهراء",
    "王伟",
    "李娜",
    "Nguyễn Thị Hoa",
    "François Dupont",
)
POSITIONS = (
    "Head of External Relations",
    "Chef de la coopération internationale",
    "Senior Policy Officer",
    "Focal point for border management",
    "Directeur général",
)
CONTRIBUTIONS = (
    "Funding: 25,000 USD",
    "Financement : 40 000 EUR",
    "Two experts",
    "Venue and interpretation",
    "Training materials",
    None,
)
LANGUAGES = ('["en"]', '["fr"]', '["en", "fr"]', '["ar", "en"]', '["zh", "en"]', '["es"]')


@dataclass
class BulkSummary:
    """What was written, so that tests can pick ids and compare counts."""

    path: Path
    counts: Counter[str] = field(default_factory=Counter)  # table -> rows written
    archived: Counter[str] = field(default_factory=Counter)  # record table -> archived rows
    organization_ids: list[str] = field(default_factory=list)
    agreement_ids: list[str] = field(default_factory=list)
    consultation_ids: list[str] = field(default_factory=list)
    activity_ids: list[str] = field(default_factory=list)
    thematic_area_ids: list[str] = field(default_factory=list)


def fill_bulk(
    store: str | Path | Store,
    *,
    activities: int = 100_000,
    organizations: int = 200,
    agreements: int = 2_000,
    follow_ups: int = 5_000,
    consultations: int = 2_000,
    contacts: int = 400,
    seed: int = 1,
    today: date | None = None,
) -> BulkSummary:
    """Add realistic records to a store (created with its default thematic tree if missing).

    ``store`` may be a path or an open Store; the rows are committed in one transaction.
    """
    path = Path(store.path if isinstance(store, Store) else store)
    if not path.exists() or path.stat().st_size == 0:
        open_store(path).close()
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        # One big transaction: keep its pages in memory until the commit writes them.
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("PRAGMA synchronous = OFF")  # test data: no need to wait for the disk
        conn.execute("BEGIN IMMEDIATE")
        try:
            writer = _Writer(conn, _Maker(seed, today or clock.today()), path)
            writer.organizations(organizations)
            writer.contacts(contacts)
            writer.agreements(agreements)
            writer.consultations(consultations)
            writer.activities(activities)
            writer.follow_ups(follow_ups)
            writer.write()
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return writer.summary


class _Maker:
    """Random choices, written for speed: a large store needs over a million of them."""

    def __init__(self, seed: int, today: date):
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.today = today
        now = datetime(today.year, today.month, today.day, 9, 0, 0)
        # Moments of the last 400 days, from which each record draws its timestamps.
        moments = sorted(
            now - timedelta(seconds=self.randint(3600, 400 * 86400)) for _ in range(4096)
        )
        self._stamps = [moment.strftime("%Y-%m-%d %H:%M:%S.000000") for moment in moments]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def chance(self, share: float) -> bool:
        return self.random() < share

    def id(self) -> str:
        """A random (version 4) UUID: what ``str(uuid.uuid4())`` gives, twice as fast."""
        h = f"{self.rng.getrandbits(128):032x}"
        variant = "89ab"[int(h[16], 16) & 3]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"

    def day(self, first: int = _FIRST_DAY, last: int = _LAST_DAY) -> date:
        return date.fromordinal(self.randint(first, last))

    def stamps(self) -> tuple[str, str, str | None]:
        """created_at, updated_at, archived_at as SQLAlchemy writes them into SQLite."""
        last = len(self._stamps) - 1
        created = int(self.random() * last)
        updated = min(last, created + int(self.random() * 64))
        archived = self._stamps[min(last, updated + 1)] if self.chance(ARCHIVED_SHARE) else None
        return self._stamps[created], self._stamps[updated], archived

    def pick(self, values: Sequence[Any]) -> Any:
        return values[int(self.random() * len(values))]

    def some(self, values: Sequence[Any], low: int, high: int) -> list[Any]:
        return self.rng.sample(values, min(len(values), self.randint(low, high)))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _values(enum: type) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


class _Writer:
    """Collects rows per table (as dicts keyed by column), then writes each table at once."""

    def __init__(self, conn: sqlite3.Connection, make: _Maker, path: Path):
        self.conn = conn
        self.make = make
        self.summary = BulkSummary(path=path)
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.search: list[tuple[str, str, bool, str, str]] = []  # kind, id, archived, title, body
        self.areas = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM thematic_area WHERE archived_at IS NULL ORDER BY code"
            )
        ]
        self.summary.thematic_area_ids = self.areas
        self.org_ids: list[str] = []
        self.org_short: dict[str, str] = {}
        self._cumulative: list[float] = []

    # -- rows --------------------------------------------------------------------------------
    def record(
        self, kind: str, title: str, body: list, /, current: bool = False, **columns: Any
    ) -> str:
        """A top-level record with its id, timestamps, archived state and search entry."""
        record_id = self.make.id()
        created, updated, archived = self.make.stamps()
        archived = None if current else archived
        columns.update(id=record_id, created_at=created, updated_at=updated, archived_at=archived)
        self.rows.setdefault(kind, []).append(columns)  # each kind's table has its name
        if archived:
            self.summary.archived[kind] += 1
        text = "\n".join(str(chunk) for chunk in body if chunk)
        self.search.append((kind, record_id, archived is not None, title, text))
        return record_id

    def part(self, table: str, **columns: Any) -> None:
        """A part or link row; its first column is the owner's id."""
        self.rows.setdefault(table, []).append(columns)

    def partners(self, count: int) -> list[str]:
        """Distinct organizations; most cooperation involves the first few partners."""
        chosen: list[str] = []
        while len(chosen) < min(count, len(self.org_ids)):
            point = self.make.random() * self._cumulative[-1]
            org = self.org_ids[bisect.bisect(self._cumulative, point)]
            if org not in chosen:
                chosen.append(org)
        return chosen

    # -- record kinds ------------------------------------------------------------------------
    def organizations(self, count: int) -> None:
        make = self.make
        has_ours = self.conn.execute("SELECT 1 FROM organization WHERE is_ours").fetchone()
        cities = {code: city for code, _name, city in COUNTRIES}
        for i in range(count):
            if i < len(KNOWN_ORGANIZATIONS):
                name, acronym, kind, country = KNOWN_ORGANIZATIONS[i]
            else:
                j = i - len(KNOWN_ORGANIZATIONS)  # each country's bodies in turn
                country, country_name, _city = COUNTRIES[j % len(COUNTRIES)]
                template, kind = NATIONAL_BODIES[j // len(COUNTRIES) % len(NATIONAL_BODIES)]
                name = template.format(country=country_name)
                if j >= len(COUNTRIES) * len(NATIONAL_BODIES):
                    name = f"{name} ({j // (len(COUNTRIES) * len(NATIONAL_BODIES)) + 1})"
                acronym = f"{country}-{i:03d}" if make.chance(0.6) else None
            mandate = f"Cooperation on {make.pick(ACTIVITY_SUBJECTS)}."
            org_id = self.record(
                "organization",
                f"{name} ({acronym})" if acronym else name,
                [name, acronym, cities.get(country), mandate],
                name=name,
                acronym=acronym,
                kind=kind,
                parent_id=make.pick(self.org_ids) if self.org_ids and make.chance(0.05) else None,
                city=cities.get(country),
                country=country,
                mandate=mandate,
                status=make.pick(("active", "active", "active", "dormant", "prospective")),
                is_ours=i == 0 and not has_ours,
                current=i == 0,  # the main partner stays current
            )
            self.org_ids.append(org_id)
            self.org_short[org_id] = acronym or name
        self._cumulative = list(
            itertools.accumulate(1.0 / (1 + i) ** 0.8 for i in range(len(self.org_ids)))
        )
        self.summary.organization_ids = self.org_ids

    def contacts(self, count: int) -> None:
        make = self.make
        roles = _values(enums.ContactRole)
        for i in range(count if self.org_ids else 0):
            name, position = make.pick(PEOPLE), make.pick(POSITIONS)
            self.record(
                "contact",
                name,
                [name, position],
                organization_id=make.pick(self.org_ids),
                name=name,
                title=position,
                role=make.pick(roles),
                email=f"contact{i}@example.org",
                phone=f"+41 22 717 {i % 10000:04d}",
                languages=make.pick(LANGUAGES),
                active_from=_iso(make.day()),
            )

    def agreements(self, count: int) -> None:
        make = self.make
        kinds = _values(enums.AgreementKind)
        statuses = ("in_force",) * 10 + ("expired", "expired", "draft", "draft")
        statuses += ("under_negotiation", "awaiting_signature", "terminated", "superseded")
        unsigned = ("draft", "under_negotiation", "awaiting_signature")
        for i in range(count if len(self.org_ids) >= 2 else 0):
            kind, status = make.pick(kinds), make.pick(statuses)
            parties = self.partners(2)
            if make.chance(0.6) and self.org_ids[0] not in parties:
                parties[0] = self.org_ids[0]  # most instruments are ours with a partner
            first = make.day(_FIRST_DAY, make.today.toordinal() + 200)
            signed = [first, first + timedelta(days=make.randint(0, 40))]
            entry = None if status in unsigned else signed[1]
            expires = None
            if entry and make.chance(0.5):
                expires = entry + timedelta(days=365 * make.randint(1, 10))
            title = make.pick(AGREEMENT_TITLES).format(
                a=self.org_short[parties[0]],
                b=self.org_short[parties[1]],
                s=make.pick(ACTIVITY_SUBJECTS),
            )
            reference = f"{AGREEMENT_CODES[kind]}/{first.year}/{i + 1:04d}"
            signatories = [make.pick(PEOPLE) for _ in parties]
            summary = f"Cooperation on {make.pick(ACTIVITY_SUBJECTS)}."
            agreement_id = self.record(
                "agreement",
                f"{reference} — {title}",
                [reference, title, *signatories, summary],
                reference=reference,
                title=title,
                kind=kind,
                status=status,
                entry_into_force=_iso(entry),
                expires_on=_iso(expires),
                notice_months=make.pick((3, 6, 6, 12, None)),
                review_on=_iso(entry + timedelta(days=365 * make.randint(1, 5)) if entry else None),
                languages=make.pick(LANGUAGES),
                summary=summary,
            )
            for position, org_id in enumerate(parties):
                self.part(
                    "agreement_party",
                    agreement_id=agreement_id,
                    position=position,
                    organization_id=org_id,
                    signatory_name=signatories[position],
                    signatory_title=make.pick(POSITIONS),
                    signed_on=None if entry is None else _iso(signed[position]),
                    signed_at=None if entry is None else make.pick(COUNTRIES)[2],
                )
            for area in make.some(self.areas, 1, 3):
                self.part(
                    "agreement_thematic_area", agreement_id=agreement_id, thematic_area_id=area
                )
            self.summary.agreement_ids.append(agreement_id)

    def consultations(self, count: int) -> None:
        make = self.make
        kinds = _values(enums.ConsultationKind)
        for _ in range(count if self.org_ids else 0):
            day = make.day()
            online = make.chance(0.3)
            location = None if online else make.pick(COUNTRIES)[2]
            title = make.pick(CONSULTATION_TITLES).format(s=make.pick(ACTIVITY_SUBJECTS))
            agenda = f"1. Review of cooperation\n2. {make.pick(ACTIVITY_SUBJECTS)}"
            people = make.some(PEOPLE, 0, 3)
            consultation_id = self.record(
                "consultation",
                f"{title} ({day.isoformat()})",
                [title, location, *people, agenda],
                title=title,
                kind=make.pick(kinds),
                starts_at=f"{day.isoformat()}T{make.randint(8, 17):02d}:{make.pick(('00', '30'))}",
                duration_minutes=make.pick((60, 90, 120, 240, None)),
                location=location,
                online=online,
                agenda=agenda,
            )
            for org_id in self.partners(make.randint(1, 3)):
                self.part(
                    "consultation_organization",
                    consultation_id=consultation_id,
                    organization_id=org_id,
                )
            if self.summary.agreement_ids and make.chance(0.6):
                self.part(
                    "consultation_agreement",
                    consultation_id=consultation_id,
                    agreement_id=make.pick(self.summary.agreement_ids),
                )
            for area in make.some(self.areas, 0, 2):
                self.part(
                    "consultation_thematic_area",
                    consultation_id=consultation_id,
                    thematic_area_id=area,
                )
            for position, person in enumerate(people):
                self.part(
                    "consultation_participant",
                    consultation_id=consultation_id,
                    position=position,
                    name=person,
                )
            self.summary.consultation_ids.append(consultation_id)

    def activities(self, count: int) -> None:
        make = self.make
        kinds, modes = _values(enums.ActivityKind), _values(enums.ActivityMode)
        today = make.today
        done = ("completed",) * 8 + ("cancelled", "postponed")
        coming = ("planned", "planned", "confirmed", "proposed")
        leads = self.org_ids[:20]
        agreement_ids = self.summary.agreement_ids
        for _ in range(count):
            kind = make.pick(kinds)
            title = make.pick(ACTIVITY_TITLES[kind]).format(s=make.pick(ACTIVITY_SUBJECTS))
            start = make.day() if make.chance(0.97) else None
            end = start + timedelta(days=make.randint(0, 4)) if start else None
            if start is None:
                status = "proposed"
            elif end < today:
                status = make.pick(done)
            else:
                status = "ongoing" if start <= today else make.pick(coming)
            country, _name, city = make.pick(COUNTRIES)
            place = make.random()
            if place < 0.05:
                city, country = None, None  # no place yet
            elif place < 0.08:
                city = None  # a national activity: the country only
            total = women = men = None
            if status == "completed":
                total = make.randint(8, 120)
                women = make.randint(0, total)
                men = make.randint(0, total - women)
            partners = self.partners(make.randint(0, 2)) if self.org_ids else []
            contributions = [make.pick(CONTRIBUTIONS) for _ in partners]
            objectives = f"Strengthen {make.pick(ACTIVITY_SUBJECTS)}."
            results = "Manual drafted; officers trained." if status == "completed" else None
            beneficiaries = {make.pick(COUNTRIES)[0] for _ in range(make.randint(0, 3))}
            activity_id = self.record(
                "activity",
                title,
                [title, city, *contributions, objectives, results],
                title=title,
                kind=kind,
                status=status,
                start_on=_iso(start),
                end_on=_iso(end),
                city=city,
                country=country,
                mode=make.pick(modes),
                lead_organization_id=make.pick(leads) if leads and make.chance(0.9) else None,
                agreement_id=make.pick(agreement_ids)
                if agreement_ids and make.chance(0.7)
                else None,
                beneficiary_countries=json.dumps(sorted(beneficiaries)),
                participants_total=total,
                participants_women=women,
                participants_men=men,
                objectives=objectives,
                results=results,
            )
            for position, org_id in enumerate(partners):
                self.part(
                    "activity_partner",
                    activity_id=activity_id,
                    position=position,
                    organization_id=org_id,
                    contribution=contributions[position],
                )
            for area in make.some(self.areas, 1, 2):
                self.part("activity_thematic_area", activity_id=activity_id, thematic_area_id=area)
            self.summary.activity_ids.append(activity_id)

    def follow_ups(self, count: int) -> None:
        make = self.make
        statuses = _values(enums.FollowUpStatus)
        sources = [
            (kind, ids)
            for kind, ids in (
                ("agreement", self.summary.agreement_ids),
                ("consultation", self.summary.consultation_ids),
                ("activity", self.summary.activity_ids),
            )
            if ids
        ]
        today = make.today.toordinal()
        for _ in range(count):
            status = make.pick(statuses)
            due = make.day(today - 400, today + 200)
            completed = due - timedelta(days=make.randint(0, 20)) if status == "done" else None
            source_kind = source_id = None
            if sources and make.chance(0.9):
                source_kind, ids = make.pick(sources)
                source_id = make.pick(ids)
            text = make.pick(FOLLOW_UP_TEXTS).format(s=make.pick(ACTIVITY_SUBJECTS))
            owner = make.pick(PEOPLE)
            self.record(
                "follow_up",
                text[:80],
                [text, owner],
                text=text,
                owner=owner,
                due_on=_iso(due),
                status=status,
                completed_on=_iso(completed),
                source_kind=source_kind,
                source_id=source_id,
            )

    # -- writing -----------------------------------------------------------------------------
    def write(self) -> None:
        for table, rows in self.rows.items():
            if table not in RECORD_TABLES:
                # Owner order: the link tables' indexes then grow at their end (much faster).
                rows.sort(key=operator.itemgetter(next(iter(rows[0]))))
            self._insert(table, rows)
        self._write_search_index()

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        keyed = SORTED_BY_KEY.get(table, ())
        columns = list(TABLE_COLUMNS[table]) + [f"{name}_key" for name in keyed]
        names, marks = ", ".join(columns), ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        # Names and titles come from small pools: each one's sort key is made once.
        key = functools.cache(sort_key)
        self.conn.executemany(
            sql,
            (
                tuple(map(row.get, columns[: len(columns) - len(keyed)]))
                + tuple(key(row.get(name)) for name in keyed)
                for row in rows
            ),
        )
        self.summary.counts[table] += len(rows)

    def _write_search_index(self) -> None:
        self.search.sort(key=operator.itemgetter(1))
        first = self.conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM search_entry")
        start = first.fetchone()[0]
        self.conn.executemany(
            "INSERT INTO search_entry (rowid, record_kind, record_id, archived) "
            "VALUES (?, ?, ?, ?)",
            (
                (start + i, kind, rid, gone)
                for i, (kind, rid, gone, _t, _b) in enumerate(self.search)
            ),
        )
        # Texts come from small pools: space out each distinct line's CJK characters once.
        spaced = functools.cache(_split_cjk)

        def indexed(value: str) -> str:
            return "\n".join(spaced(line) for line in value.split("\n"))

        self.conn.executemany(
            "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
            (
                (start + i, indexed(title), indexed(body))
                for i, (_k, _r, _a, title, body) in enumerate(self.search)
            ),
        )
        self.summary.counts["search_index"] += len(self.search)


RECORD_TABLES = ("organization", "contact", "agreement", "consultation", "activity", "follow_up")
_RECORD = ("id", "created_at", "updated_at", "archived_at")
# Every column of every table written, so that a row may leave out the empty ones.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "organization": _RECORD + ("name", "acronym", "kind", "parent_id", "address", "city",
                               "country", "website", "mandate", "status", "is_ours", "notes"),
    "contact": _RECORD + ("organization_id", "name", "title", "role", "email", "phone",
                          "languages", "active_from", "active_to", "notes"),
    "agreement": _RECORD + ("reference", "title", "kind", "status", "entry_into_force",
                            "expires_on", "notice_months", "review_on", "parent_id",
                            "supersedes_id", "languages", "summary"),
    "agreement_party": ("agreement_id", "position", "organization_id", "signatory_name",
                        "signatory_title", "signed_on", "signed_at"),
    "agreement_thematic_area": ("agreement_id", "thematic_area_id"),
    "consultation": _RECORD + ("title", "kind", "starts_at", "timezone", "duration_minutes",
                               "location", "online", "agenda", "summary", "decisions"),
    "consultation_organization": ("consultation_id", "organization_id"),
    "consultation_agreement": ("consultation_id", "agreement_id"),
    "consultation_thematic_area": ("consultation_id", "thematic_area_id"),
    "consultation_participant": ("consultation_id", "position", "contact_id", "name",
                                 "organization_id"),
    "activity": _RECORD + ("title", "kind", "status", "start_on", "end_on", "city", "country",
                           "mode", "lead_organization_id", "agreement_id",
                           "beneficiary_countries", "participants_total",
                           "participants_women", "participants_men", "objectives", "results",
                           "lessons"),
    "activity_partner": ("activity_id", "position", "organization_id", "contribution"),
    "activity_thematic_area": ("activity_id", "thematic_area_id"),
    "follow_up": _RECORD + ("text", "owner", "due_on", "status", "completed_on", "source_kind",
                            "source_id"),
}  # fmt: skip
