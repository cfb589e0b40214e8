"""What the officer chooses before printing a briefing."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

Paper = Literal["a4", "letter"]
Language = Literal["en", "fr"]

# The sections of DESIGN.md's briefing sheet after its heading, in the order they are printed.
SECTIONS: tuple[str, ...] = (
    "purpose",  # the chosen consultation's agenda
    "at_a_glance",
    "framework",
    "focal_points",  # printed only with include_contacts (personal data)
    "thematic_areas",
    "consultations",
    "activities",
    "follow_ups",
    "talking_points",
)
PAST_MONTHS = 24  # the default period looks back two years (and forward without limit)
# Each list of the sheet (agreements, next and recent consultations, upcoming and recent
# activities, open follow-ups, contacts) shows at most this many entries by default: ten of
# each fill two to four pages, what a director reads before a meeting; the sheet says how many
# more there are. A large partner's full lists run to hundreds of pages.
MAX_PER_SECTION = 10


@dataclass(frozen=True)
class BriefingOptions:
    """A briefing for one partner, optionally for one consultation.

    The period decides which past consultations and activities are shown: by default from
    ``PAST_MONTHS`` months before the day of printing, and everything upcoming. Open follow-ups
    and the agreements are shown whatever their dates. Each list shows at most
    ``max_per_section`` entries, the most relevant ones (None or 0: all of them).
    """

    partner_id: str
    consultation_id: str | None = None
    period_from: date | None = None  # None: PAST_MONTHS before the day of printing
    period_to: date | None = None  # None: no end, everything upcoming
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    include_contacts: bool = False  # focal points are personal data: off unless asked for
    # An activity's participant list names people too: printed only when asked for.
    include_participant_lists: bool = False
    talking_points: str = ""
    paper: Paper = "a4"
    language: Language = "en"
    marking: str | None = None  # None: "For internal use" in the sheet's language
    prepared_by: str | None = None  # None: the officer's name set in the store ("": no name)
    max_per_section: int | None = MAX_PER_SECTION  # None or 0: every entry

    def __post_init__(self) -> None:
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown briefing sections: {', '.join(sorted(unknown))}")
        if self.paper not in ("a4", "letter"):
            raise ValueError(f"paper must be 'a4' or 'letter', not {self.paper!r}")
        if self.language not in ("en", "fr"):
            raise ValueError(f"language must be 'en' or 'fr', not {self.language!r}")
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValueError("the period ends before it starts")
        if self.max_per_section is not None and self.max_per_section < 0:
            raise ValueError("max_per_section cannot be negative")
        object.__setattr__(self, "sections", frozenset(self.sections))
        object.__setattr__(self, "max_per_section", self.max_per_section or None)

    def shows(self, section: str) -> bool:
        if section == "focal_points" and not self.include_contacts:
            return False
        return section in self.sections

    def with_(self, **changes: Any) -> BriefingOptions:
        return replace(self, **changes)
