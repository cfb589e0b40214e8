"""What an activity's participant list adds up to, in a line the officer reads under the list
(in its editor and its view): how many took part, women, men and not recorded, and how many
from each country (db.records.participants counts; people marked absent do not count)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject

from db.records import participants
from db.schema import countries

SHOWN_COUNTRIES = 15  # more are summed up as "and N more"


class ParticipantCounts(QObject):
    """The translated words of the line (a QObject for its ``tr`` context)."""

    def text(self, listed: list[dict[str, Any]]) -> str:
        if not listed:
            return ""
        locale = QLocale()
        total, women, men = participants.counts(listed)
        split = [
            self.tr("women: %1").replace("%1", locale.toString(women or 0)),
            self.tr("men: %1").replace("%1", locale.toString(men or 0)),
        ]
        unknown = total - (women or 0) - (men or 0)
        if unknown:
            split.append(self.tr("not recorded: %1").replace("%1", locale.toString(unknown)))
        text = self.tr("%Ln participants (%1)", "", total).replace("%1", ", ".join(split))
        by_country = participants.by_country(listed)
        known = [(code, n) for code, n in by_country.items() if code]
        if known:
            language = locale.name()
            shown = [
                f"{countries.name_of(code, language)} {locale.toString(n)}"
                for code, n in known[:SHOWN_COUNTRIES]
            ]
            if len(known) > SHOWN_COUNTRIES:
                shown.append(self.tr("and %Ln more", "", len(known) - SHOWN_COUNTRIES))
            text += " · " + self.tr("%Ln countries: %1", "", len(known)).replace(
                "%1", ", ".join(shown)
            )
        if by_country.get(None):
            text += " · " + self.tr("country not recorded: %1").replace(
                "%1", locale.toString(by_country[None])
            )
        return text


def counts_text(listed: list[dict[str, Any]]) -> str:
    """ "58 participants (women: 30, men: 27, not recorded: 1) · 7 countries: Kenya 12,
    Uganda 10…"; empty for an empty list."""
    return ParticipantCounts().text(listed)
