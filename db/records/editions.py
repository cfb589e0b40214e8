"""The next edition of a joint activity: a yearly workshop, a training course run again for a new
cohort. An officer planning it starts from the last one, which already names the partners, the
lead, the agreement it implements, the thematic areas, the place and who pays what.

What carries over is what an activity *is*: its title (the officer edits it; a new cohort or a
new year is theirs to name, and guessing a year in the title would be wrong as often as right),
kind, place and mode, lead, partners with their contributions, agreement, thematic areas,
beneficiary countries, participants expected and objectives, and its costs as who pays what, in
which currency, without amounts.

What does not carry over is what *happened*: its dates (left empty rather than moved a year on:
an edition may come six months or two years later, and a date guessed and saved unnoticed would
put a false event in the calendar and the briefing; an activity without dates is honest, and the
officer types the new ones), its status (the new one is Planned), participants counted and
listed, the costs' amounts, evaluation, results, lessons, report, postponement, attachments and
history. Sessions are left out too: each session's date is required, and the next edition's are
not known yet.
"""

from __future__ import annotations

import copy
from typing import Any

# Fields of a joint activity (exchange shape) that the next edition starts with.
CARRIED_OVER = (
    "title",
    "kind",
    "city",
    "country",
    "mode",
    "lead_organization_id",
    "partners",
    "agreement_id",
    "thematic_area_ids",
    "beneficiary_countries",
    "participants_expected",
    "objectives",
)
# Of each cost: who pays what, in which currency; not how much was paid last time.
COST_CARRIED_OVER = ("organization_id", "kind", "currency", "description")


def next_edition(activity: dict[str, Any]) -> dict[str, Any]:
    """The values a new activity's editor opens with, from an activity in its exchange shape
    (``services.get_exchange``): no id (the editor gives the new record its own), status
    Planned, and what happened left out (see the module's docstring)."""
    values = {name: copy.deepcopy(activity.get(name)) for name in CARRIED_OVER}
    values["status"] = "planned"
    values["costs"] = [
        {name: cost.get(name) for name in COST_CARRIED_OVER} for cost in activity.get("costs") or []
    ]
    return values
