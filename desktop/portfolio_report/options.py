"""What the officer chooses before printing the portfolio report."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.briefing.options import Language, Paper

# The report's sections, in the order they are printed.
SECTIONS: tuple[str, ...] = ("summary", "instruments", "rules")


@dataclass(frozen=True)
class ReportOptions:
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    paper: Paper = "a4"
    language: Language = "en"
    marking: str | None = None  # None: "For internal use" in the report's language
    prepared_by: str = ""  # "": no name in the footer

    def __post_init__(self) -> None:
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown report sections: {', '.join(sorted(unknown))}")
        if not self.sections:
            raise ValueError("the report needs at least one section")
        if self.paper not in ("a4", "letter"):
            raise ValueError(f"paper must be 'a4' or 'letter', not {self.paper!r}")
        if self.language not in ("en", "fr"):
            raise ValueError(f"language must be 'en' or 'fr', not {self.language!r}")
        object.__setattr__(self, "sections", frozenset(self.sections))
