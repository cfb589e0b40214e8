"""Synthetic records of a large organization, in the exchange format, from a fixed seed.

Texts have the length officers give them — a mandate or a meeting's decisions run to a few
sentences, an agreement's summary to a paragraph — in English and French with their accents, and
some in Arabic and Chinese. One partner, the "heavy" one, takes part in a tenth of the
agreements, consultations and joint activities, and has a tenth of the contacts; the follow-ups
of its records are its share of those.

``records(size, seed)`` yields ``(kind, raw)`` in dependency order (a record only refers to
records yielded before it), ready for ``db.records.services.save_many``.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from db.schema import enums

TODAY = date(2026, 11, 23)
HEAVY_SHARE = 0.1
# A record refers to another of its own kind (a parent) only this many records back, so that a
# store built in batches of at most this many records never refers inside its own batch.
BATCH = 2_000


@dataclass(frozen=True)
class Size:
    name: str
    organizations: int
    contacts: int
    agreements: int
    consultations: int
    activities: int
    follow_ups: int

    def counts(self) -> dict[str, int]:
        return {
            "organization": self.organizations,
            "contact": self.contacts,
            "agreement": self.agreements,
            "consultation": self.consultations,
            "activity": self.activities,
            "follow_up": self.follow_ups,
        }

    @property
    def total(self) -> int:
        return sum(self.counts().values())


SIZES = {
    # The sizes; a partner has two contacts on file.
    "realistic": Size("realistic", 500, 1_000, 1_000, 5_000, 10_000, 5_000),
    "stress": Size("stress", 10_000, 20_000, 20_000, 100_000, 200_000, 100_000),
    "tiny": Size("tiny", 30, 40, 40, 80, 150, 80),  # for the benchmark's own tests
}

HEAVY_NAME = "International Organization for Migration"
HEAVY_ACRONYM = "IOM"

COUNTRIES = (
    ("ZM", "Lusaka"), ("KE", "Nairobi"), ("SN", "Dakar"), ("CI", "Abidjan"),
    ("BF", "Ouagadougou"), ("BJ", "Cotonou"), ("RW", "Kigali"), ("ET", "Addis Ababa"),
    ("TN", "Tunis"), ("MA", "Casablanca"), ("EG", "القاهرة"), ("JO", "عمّان"),
    ("CN", "北京"), ("TH", "Bangkok"), ("KZ", "Almaty"), ("PE", "Lima"), ("CH", "Genève"),
    ("BE", "Bruxelles"), ("AT", "Vienna"), ("MX", "Ciudad de México"), ("CO", "Bogotá"),
    ("VN", "Hà Nội"), ("TR", "İstanbul"), ("DE", "Köln"),
)  # fmt: skip
SUBJECTS = (
    "coordinated border management", "gestion coordonnée des frontières",
    "risk analysis for frontline officers", "lutte contre la traite des êtres humains",
    "smuggling of migrants", "Advance Passenger Information", "humanitarian border management",
    "One Stop Border Posts", "protection du patrimoine culturel",
    "public health at points of entry", "إدارة الحدود المتكاملة", "مكافحة تهريب المهاجرين",
    "边境管理联合培训", "海关与移民信息共享", "trade facilitation and cross-border communities",
    "données et statistiques migratoires", "document fraud detection",
    "protección de niñas y niños migrantes", "cooperación aduanera regional",
    "e-learning for customs officers", "gender mainstreaming in border agencies",
)  # fmt: skip
SENTENCES = (
    "The parties reviewed progress on {s} and agreed to extend the pilot to two more provinces.",
    "Les participants ont souligné l'importance d'une coordination régulière sur {s}.",
    "A joint working group will report on {s} before the next steering committee.",
    "Il a été convenu de préparer une note conceptuelle commune sur {s} d'ici la fin du trimestre.",
    "Funding for the second phase remains to be confirmed by the donor; both sides will follow up.",
    "The delegation welcomed the training curriculum and asked for a version in Portuguese.",
    "Les échanges ont porté sur le calendrier des formations et la désignation des points focaux.",
    "تم الاتفاق على تبادل المعلومات بشأن {s} بشكل منتظم.",
    "双方同意在{s}领域加强合作并定期交流信息。",
    "Se acordó compartir las lecciones aprendidas sobre {s} con los socios regionales.",
    "Officers from both agencies will take part in a study visit to a One Stop Border Post.",
    "The secretariat will circulate the draft minutes within ten working days for comments.",
    "Des préoccupations ont été exprimées quant à la durabilité du financement après 2027.",
    "Both organizations confirmed their focal points and agreed on a quarterly video call.",
)
PEOPLE = (
    "Amina Diallo", "María José Ibáñez", "Élodie Marchand", "Jean-Baptiste Kaboré",
    "Chipo Banda", "Olena Kovalenko", "Kwame Mensah", "Søren Østergaard", "محمد الأمين",
    "فاطمة الزهراء بن علي", "王伟", "李娜", "Nguyễn Thị Hoa", "François Dupont",
    "Zeynep Yılmaz", "Joaquín Peña Ortíz", "Aïssatou Ndiaye", "Björn Åkesson",
)  # fmt: skip
POSITIONS = (
    "Head of External Relations", "Chef de la coopération internationale",
    "Senior Policy Officer", "Focal point for border management", "Directeur général",
    "Directora de Asuntos Internacionales", "Programme Manager, Migration and Borders",
)  # fmt: skip
NATIONAL_BODIES = (
    ("Customs Administration of {c}", "national_administration"),
    ("Direction générale des douanes — {c}", "national_administration"),
    ("Immigration Department of {c}", "national_administration"),
    ("Police des frontières — {c}", "national_administration"),
    ("Ministère de l'Intérieur — {c}", "national_administration"),
    ("Institut d'études migratoires de {c}", "academia"),
    ("{c} Chamber of Commerce", "private_sector"),
    ("Association d'aide aux migrants — {c}", "ngo"),
    ("مديرية الجمارك العامة — {c}", "national_administration"),
    ("{c}海关总署", "national_administration"),
)
ACTIVITY_TITLES = {
    "workshop": "Regional workshop on {s}",
    "training": "Formation conjointe : {s}",
    "seminar": "Seminar on {s}",
    "conference": "International conference on {s}",
    "research": "Étude conjointe sur {s}",
    "campaign": "Awareness campaign on {s}",
    "technical_assistance": "Technical assistance mission on {s}",
    "assessment": "Évaluation conjointe : {s}",
    "sop": "Standard operating procedures on {s}",
    "information_material": "Information leaflet on {s}",
    "other": "Study visit on {s}",
}
AGREEMENT_TITLES = (
    "Memorandum of Understanding between {a} and {b} on {s}",
    "Protocole d'accord entre {a} et {b} relatif à la {s}",
    "Arrangement on cooperation between {a} and {b}",
    "Project agreement on {s}",
    "مذكرة تفاهم بشأن {s}",
    "关于{s}的合作谅解备忘录",
)
CONSULTATION_TITLES = (
    "Annual bilateral consultation with {p}",
    "Consultations annuelles avec {p}",
    "Technical meeting on {s}",
    "Réunion technique sur {s}",
    "Steering committee of the joint project on {s}",
    "High-level visit of the Director General of {p}",
    "اجتماع تنسيقي حول {s}",
    "关于{s}的视频会议",
)
FOLLOW_UPS = (
    "Send the draft curriculum on {s} to the focal points",
    "Envoyer le rapport de mission sur {s} aux partenaires",
    "Share the list of participants and the evaluation forms",
    "Confirmer la salle, le traiteur et les interprètes",
    "Propose dates for the next consultation on {s}",
    "إرسال مسودة الخطة المشتركة بشأن {s}",
    "提交关于{s}的联合评估报告",
)


def _values(enum: type) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


class _Maker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.random = self.rng.random

    def id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def pick(self, values: Any) -> Any:
        return values[int(self.random() * len(values))]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def chance(self, share: float) -> bool:
        return self.random() < share

    def day(self, first: date = date(2012, 1, 1), last: date = date(2028, 6, 30)) -> date:
        return date.fromordinal(self.randint(first.toordinal(), last.toordinal()))

    def text(self, low: int, high: int) -> str:
        """A few sentences: ``low`` to ``high`` of them."""
        return " ".join(
            self.pick(SENTENCES).format(s=self.pick(SUBJECTS))
            for _ in range(self.randint(low, high))
        )


def records(size: Size, seed: int = 20261123) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every record of a store of this size, in dependency order."""
    make = _Maker(seed)
    orgs: list[str] = []
    short: dict[str, str] = {}
    heavy = ""

    # -- organizations: ours first, then the heavy partner, then the others ----------------------
    for i in range(size.organizations):
        if i == 0:
            name, acronym, kind, country = "World Border Organization", "WBO", "un_entity", "CH"
        elif i == 1:
            name, acronym, kind, country = HEAVY_NAME, HEAVY_ACRONYM, "un_entity", "CH"
        else:
            country = COUNTRIES[i % len(COUNTRIES)][0]
            template, kind = NATIONAL_BODIES[(i // len(COUNTRIES)) % len(NATIONAL_BODIES)]
            name = template.format(c=country) + f" ({i})"
            acronym = f"{country}{i:05d}" if make.chance(0.6) else None
        org_id = make.id()
        city = dict(COUNTRIES).get(country)
        yield (
            "organization",
            {
                "id": org_id,
                "name": name,
                "acronym": acronym,
                "kind": kind,
                "parent_id": make.pick(orgs[2 : len(orgs) - BATCH])
                if len(orgs) > BATCH + 2 and make.chance(0.03)
                else None,
                "address": f"{make.randint(1, 250)} avenue de la Paix, {city}",
                "city": city,
                "country": country,
                "website": f"https://www.example-{i}.org",
                "mandate": make.text(2, 4),
                "status": make.pick(("active", "active", "active", "dormant", "prospective")),
                "is_ours": i == 0,
                "notes": make.text(0, 2) or None,
            },
        )
        orgs.append(org_id)
        short[org_id] = acronym or name
        if i == 1:
            heavy = org_id
    others = orgs[2:] or orgs

    def partner(share: float = HEAVY_SHARE) -> str:
        return heavy if heavy and make.chance(share) else make.pick(others)

    # -- contacts --------------------------------------------------------------------------------
    contacts: list[str] = []
    for i in range(size.contacts):
        contact_id = make.id()
        person = make.pick(PEOPLE)
        start = make.day(date(2010, 1, 1), date(2025, 1, 1))
        yield (
            "contact",
            {
                "id": contact_id,
                "organization_id": partner(),
                "name": f"{person} {i}",
                "title": make.pick(POSITIONS),
                "role": make.pick(_values(enums.ContactRole)),
                "email": f"contact{i}@example.org",
                "phone": f"+41 22 717 {i % 10000:04d}",
                "languages": make.pick((["en"], ["fr"], ["en", "fr"], ["ar", "en"], ["zh"])),
                "active_from": start.isoformat(),
                "active_to": (start + timedelta(days=900)).isoformat()
                if make.chance(0.2)
                else None,
                "notes": make.text(0, 1) or None,
            },
        )
        contacts.append(contact_id)

    # -- agreements ------------------------------------------------------------------------------
    agreements: list[str] = []
    heavy_agreements: list[str] = []
    statuses = ("in_force",) * 8 + ("expired", "draft", "under_negotiation", "terminated")
    for i in range(size.agreements):
        agreement_id = make.id()
        ours_in = orgs[0]
        other = partner()
        kind = make.pick(_values(enums.AgreementKind))
        status = make.pick(statuses)
        signed = make.day(date(2008, 1, 1), date(2026, 6, 30))
        unsigned = status in ("draft", "under_negotiation")
        entry = None if unsigned else signed + timedelta(days=make.randint(0, 60))
        subject = make.pick(SUBJECTS)
        yield (
            "agreement",
            {
                "id": agreement_id,
                "reference": f"WBO/{kind[:3].upper()}/{signed.year}/{i + 1:05d}",
                "title": make.pick(AGREEMENT_TITLES).format(a="WBO", b=short[other], s=subject),
                "kind": kind,
                "status": status,
                "parties": [
                    {
                        "organization_id": org,
                        "signatory_name": make.pick(PEOPLE),
                        "signatory_title": make.pick(POSITIONS),
                        "signed_on": None if unsigned else signed.isoformat(),
                        "signed_at": make.pick(COUNTRIES)[1],
                    }
                    for org in (ours_in, other)
                ],
                "entry_into_force": entry.isoformat() if entry else None,
                "expires_on": (entry + timedelta(days=365 * make.randint(2, 10))).isoformat()
                if entry and make.chance(0.7)
                else None,
                "notice_months": make.pick((3, 6, 6, 12, None)),
                "review_on": (entry + timedelta(days=365 * make.randint(1, 4))).isoformat()
                if entry
                else None,
                "parent_id": make.pick(agreements[: len(agreements) - BATCH])
                if len(agreements) > BATCH and make.chance(0.05)
                else None,
                "languages": make.pick((["en"], ["en", "fr"], ["ar", "en"], ["es", "fr"])),
                "summary": make.text(3, 6),
                "provisions": [
                    {
                        "article": f"Article {n + 1}",
                        "heading": make.pick(SUBJECTS),
                        "summary": make.text(1, 2),
                    }
                    for n in range(make.randint(0, 3))
                ],
                "commitments": [
                    {
                        "party_id": make.pick((ours_in, other)),
                        "text": make.pick(FOLLOW_UPS).format(s=subject),
                        "status": make.pick(_values(enums.CommitmentStatus)),
                    }
                    for _ in range(make.randint(0, 2))
                ],
                "amendments": [],
                "thematic_area_ids": [],
            },
        )
        agreements.append(agreement_id)
        if other == heavy:
            heavy_agreements.append(agreement_id)

    # -- consultations ---------------------------------------------------------------------------
    consultations: list[str] = []
    for _ in range(size.consultations):
        consultation_id = make.id()
        other = partner()
        day = make.day()
        online = make.chance(0.3)
        subject = make.pick(SUBJECTS)
        present = [orgs[0], other]
        if make.chance(0.2):
            extra = make.pick(others)
            if extra not in present:
                present.append(extra)
        linked = heavy_agreements if other == heavy and heavy_agreements else agreements
        yield (
            "consultation",
            {
                "id": consultation_id,
                "title": make.pick(CONSULTATION_TITLES).format(s=subject, p=short[other]),
                "kind": make.pick(_values(enums.ConsultationKind)),
                "starts_at": f"{day.isoformat()}T{make.randint(8, 17):02d}:{make.pick(('00', '30'))}",
                # No time zone: db.fields.TimeZone scans the time-zone database for every value
                # (14 ms each; see docs/benchmarks.md), which would swamp every other figure.
                "timezone": None,
                "duration_minutes": make.pick((60, 90, 120, 240, None)),
                "location": None if online else make.pick(COUNTRIES)[1],
                "online": online,
                "organization_ids": present,
                "agreement_ids": [make.pick(linked)] if linked and make.chance(0.5) else [],
                "thematic_area_ids": [],
                "participants": [
                    {
                        "contact_id": make.pick(contacts)
                        if contacts and make.chance(0.3)
                        else None,
                        "name": make.pick(PEOPLE),
                        "organization_id": make.pick(present),
                    }
                    for _ in range(make.randint(1, 5))
                ],  # fmt: skip
                "agenda": "\n".join(
                    f"{n + 1}. {make.pick(SUBJECTS).capitalize()}"
                    for n in range(make.randint(2, 5))
                ),
                "summary": make.text(2, 5),
                "decisions": make.text(1, 4),
            },
        )
        consultations.append(consultation_id)

    # -- joint activities --------------------------------------------------------------------------
    activities: list[str] = []
    kinds, modes = _values(enums.ActivityKind), _values(enums.ActivityMode)
    for _ in range(size.activities):
        activity_id = make.id()
        kind = make.pick(kinds)
        start = make.day() if make.chance(0.97) else None
        end = start + timedelta(days=make.randint(0, 4)) if start else None
        if start is None:
            status = "proposed"
        elif end < TODAY:
            status = make.pick(("completed",) * 8 + ("cancelled", "postponed"))
        else:
            status = "ongoing" if start <= TODAY else make.pick(("planned", "confirmed"))
        total = women = men = None
        if status == "completed":
            total = make.randint(8, 120)
            women = make.randint(0, total)
            men = make.randint(0, total - women)
        lead = partner()
        partners = []
        if make.chance(0.6):
            second = make.pick(others)
            if second != lead:
                partners.append(
                    {"organization_id": second, "contribution": make.pick(
                        ("Funding: 25,000 USD", "Financement : 40 000 €", "Two experts",
                         "Venue and interpretation", "Matériel de formation", None))}
                )  # fmt: skip
        country, city = make.pick(COUNTRIES)
        yield (
            "activity",
            {
                "id": activity_id,
                "title": ACTIVITY_TITLES[kind].format(s=make.pick(SUBJECTS)),
                "kind": kind,
                "status": status,
                "start_on": start.isoformat() if start else None,
                "end_on": end.isoformat() if end else None,
                "city": city,
                "country": country,
                "mode": make.pick(modes),
                "lead_organization_id": lead,
                "partners": partners,
                "agreement_id": make.pick(agreements) if agreements and make.chance(0.5) else None,
                "thematic_area_ids": [],
                "beneficiary_countries": sorted(
                    {make.pick(COUNTRIES)[0] for _ in range(make.randint(0, 3))}
                ),
                "participants_total": total,
                "participants_women": women,
                "participants_men": men,
                "objectives": make.text(1, 3),
                "results": make.text(1, 3) if status == "completed" else None,
                "lessons": make.text(1, 2) if status == "completed" and make.chance(0.3) else None,
            },
        )
        activities.append(activity_id)

    # -- follow-ups --------------------------------------------------------------------------------
    sources = [
        (kind, ids)
        for kind, ids in (
            ("consultation", consultations),
            ("activity", activities),
            ("agreement", agreements),
        )
        if ids
    ]
    statuses = _values(enums.FollowUpStatus)
    for _ in range(size.follow_ups):
        status = make.pick(statuses)
        due = make.day(TODAY - timedelta(days=500), TODAY + timedelta(days=200))
        source_kind, ids = make.pick(sources) if sources else (None, [])
        yield (
            "follow_up",
            {
                "id": make.id(),
                "text": make.pick(FOLLOW_UPS).format(s=make.pick(SUBJECTS)),
                "owner": make.pick(PEOPLE),
                "due_on": due.isoformat(),
                "status": status,
                "completed_on": (due - timedelta(days=make.randint(0, 20))).isoformat()
                if status == "done"
                else None,
                "source_kind": source_kind,
                "source_id": make.pick(ids) if ids else None,
            },
        )
