"""What an activity's participant list says about who took part. When an activity has a list,
its counts (total, women, men) come from the list; without one they are the numbers typed.

Who counts: everyone on the list not marked as absent (``attended`` false); a list made before
the activity (registrations) counts everyone registered until the organizer marks who came.
Women and men are those whose sex is recorded; when nobody's is, both are "not recorded" (None),
never 0.
"""

from __future__ import annotations

from collections import Counter
from typing import Any


def present(participants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The people on the list who took part (or may have: not marked absent)."""
    return [p for p in participants if p.get("attended") is not False]


def counts(participants: list[dict[str, Any]]) -> tuple[int, int | None, int | None]:
    """(total, women, men) from a participant list."""
    people = present(participants)
    sexes = Counter(p.get("sex") for p in people)
    recorded = sexes["woman"] + sexes["man"] > 0
    return (
        len(people),
        sexes["woman"] if recorded else None,
        sexes["man"] if recorded else None,
    )


def by_country(participants: list[dict[str, Any]]) -> dict[str | None, int]:
    """How many took part from each country (None: country not recorded), most first."""
    found = Counter(p.get("country") for p in present(participants))
    return dict(sorted(found.items(), key=lambda item: (-item[1], item[0] or "~")))


def take_counts_from_list(values: dict[str, Any]) -> None:
    """Set an activity's counts from its participant list, when it has one."""
    participants = values.get("participants") or []
    if participants:
        (
            values["participants_total"],
            values["participants_women"],
            values["participants_men"],
        ) = counts(participants)
