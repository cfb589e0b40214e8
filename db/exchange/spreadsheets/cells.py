"""What a cell says: a spreadsheet's cell (text from a CSV file; text, a number, a date or a
truth value from a workbook) read as the value of a field.

Each reader returns the value, or raises ``CellProblem`` with the sentence an officer reads.
A value that is not understood is often handed on unchanged, so that the field's own check
(db.fields) words the problem exactly as the rest of PartnerDesk does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from db.i18n import translate
from db.schema import countries
from db.schema.words import choice_named

SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CellProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def folded(text: str) -> str:
    """Text compared the way officers mean it: no accents, no case, single spaces."""
    if text.isascii():  # nothing to decompose (most names): the quick way
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def unquoted(text: str) -> str:
    """Text as written before an export neutralized it: "'=SUM(A1)" is "=SUM(A1)" again."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def text_of(cell: Any) -> str | None:
    """A cell as text: whole numbers without ".0", dates as YYYY-MM-DD, Windows line breaks as
    plain ones. Text is otherwise kept exactly; a blank cell is None."""
    if is_empty(cell):
        return None
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(" ")
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unquoted(text)


def items_of(cell: Any, *, commas: bool = False) -> list[str]:
    """The values of a cell holding several: separated by ";" (or "," too, for codes), or one
    per line when the cell has several lines (so that a value may itself contain a ";")."""
    text = text_of(cell)
    if text is None:
        return []
    if "\n" in text.strip():
        return [item.strip() for item in text.strip().split("\n")]
    if commas:
        text = text.replace(",", SEPARATOR)
    return [item.strip() for item in text.split(SEPARATOR)]


def joined(items: list[str]) -> str:
    """Several values in one cell, as ``items_of`` reads them back: "a; b", or one per line
    when a value contains a ";" (a line break inside a value becomes a space)."""
    items = [
        " ".join(item.splitlines()) if "\n" in item or "\r" in item else item for item in items
    ]
    if any(SEPARATOR in item for item in items):
        return "\n".join(items)
    return (SEPARATOR + " ").join(items)


# -- choices -----------------------------------------------------------------------------------------
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


@functools.cache
def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


_CHOICE_WORDS = {
    "mou": "memorandum_of_understanding",
    "un": "un_entity",
    "igo": "intergovernmental_organization",
    "civil_society": "ngo",
    "university": "academia",
    "face_to_face": "in_person",
    "virtual": "online",
}


def choice_of(cell: Any, enum: type[StrEnum]) -> Any:
    """ "In force", "in-force" and "IN_FORCE" are ``in_force``; "NGO / civil society" is ``ngo``.
    Anything else is handed on for the field to refuse with the list of allowed values."""
    text = text_of(cell)
    if text is None:
        return None
    allowed = _values(enum)
    word = _NOT_A_WORD.sub("_", folded(text)).strip("_")
    if word in allowed:
        return word
    named = choice_named(text, allowed)  # as exported: "Joint assessment", « En vigueur »
    if named is not None:
        return named
    if _CHOICE_WORDS.get(word) in allowed:
        return _CHOICE_WORDS[word]
    # One allowed value that the words begin with, or that begins with the words.
    near = [v for v in allowed if word.startswith(v + "_") or (word and v.startswith(word + "_"))]
    return near[0] if len(near) == 1 else text.strip()


# -- truth values ------------------------------------------------------------------------------------
_YES = {"yes", "y", "true", "1", "x", "oui", "vrai", "ja", "si", "✓", "✔"}
_NO = {"no", "n", "false", "0", "non", "faux", "nein", "-", "–"}


def flag_of(cell: Any) -> bool:
    if is_empty(cell):
        return False
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    word = folded(str(cell))
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellProblem(
        translate("rules", "“{value}” is neither yes nor no.").format(value=_short(cell))
    )


# -- whole numbers ------------------------------------------------------------------------------------
_GROUPED = re.compile(r"[+-]?\d{1,3}([ ,.'\u00a0\u202f\u2009]\d{3})+")


def count_of(cell: Any) -> Any:
    """A whole number: 12, 12.0, "12", "1 200" or "1,200". Other text is handed on."""
    if is_empty(cell):
        return None
    if isinstance(cell, bool):
        raise CellProblem(translate("rules", "“{value}” is not a whole number.").format(value=cell))
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        if cell.is_integer():
            return int(cell)
        raise CellProblem(translate("rules", "{value} is not a whole number.").format(value=cell))
    text = unquoted(str(cell)).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[^\d+-]", "", text))
    if re.fullmatch(r"[+-]?\d+[.,]0+", text):
        return int(re.split(r"[.,]", text)[0])
    raise CellProblem(
        translate("rules", "“{value}” is not a whole number.").format(value=_short(text))
    )


# -- dates ----------------------------------------------------------------------------------------------
_MONTHS = {
    "jan": 1, "january": 1, "janv": 1, "janvier": 1,
    "feb": 2, "february": 2, "fev": 2, "fevr": 2, "fevrier": 2,
    "mar": 3, "march": 3, "mars": 3,
    "apr": 4, "april": 4, "avr": 4, "avril": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juin": 6,
    "jul": 7, "july": 7, "juil": 7, "juillet": 7,
    "aug": 8, "august": 8, "aout": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9,
    "oct": 10, "october": 10, "octobre": 10,
    "nov": 11, "november": 11, "novembre": 11,
    "dec": 12, "december": 12, "decembre": 12,
}  # fmt: skip
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME, re.IGNORECASE)
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _TIME, re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er)?[ .-]+([a-z]+)\.?[ .,-]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})")


def puts_day_first(texts: list[str]) -> bool:
    """Whether dates such as 07/05/2018 put the day first. A file says so when one of its
    dates cannot be read the other way (25/12/2026 or 12/25/2026); otherwise the day comes
    first, as in most of the world."""
    day, month = False, False
    for text in texts:
        found = _NUMERIC.fullmatch(text.strip())
        if found:
            first, second = int(found[1]), int(found[2])
            day = day or (first > 12 >= second)
            month = month or (second > 12 >= first)
    return not (month and not day)


def date_of(cell: Any, *, day_first: bool = True) -> date | None:
    """A date cell, or a date written as text: 2018-05-07, 07/05/2018,
    7.5.2018, 7 May 2018, 7-May-2018, May 7, 2018, 7 mai 2018 (see ``puts_day_first``)."""
    if is_empty(cell):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise CellProblem(
            translate(
                "rules",
                "{value} is a number, not a date: format the cell as a date, or write YYYY-MM-DD.",
            ).format(value=text_of(cell))
        )
    text = unquoted(str(cell)).strip()
    plain = folded(text)
    try:
        if found := _ISO.fullmatch(plain):
            return date(int(found[1]), int(found[2]), int(found[3]))
        if found := _NUMERIC.fullmatch(plain):
            first, second, year = int(found[1]), int(found[2]), int(found[3])
            day, month = (first, second) if day_first else (second, first)
            return date(year, month, day)
        if (found := _DAY_MONTH_YEAR.fullmatch(plain)) and found[2] in _MONTHS:
            return date(int(found[3]), _MONTHS[found[2]], int(found[1]))
        if (found := _MONTH_DAY_YEAR.fullmatch(plain)) and found[1] in _MONTHS:
            return date(int(found[3]), _MONTHS[found[1]], int(found[2]))
    except ValueError:
        raise CellProblem(
            translate("rules", "“{value}” is not a real date.").format(value=_short(text))
        ) from None
    raise CellProblem(
        translate(
            "rules", "“{value}” is not a date: use a date cell, or write it as YYYY-MM-DD."
        ).format(value=_short(text))
    )


# -- countries and languages ---------------------------------------------------------------------------
def country_of(cell: Any) -> str | None:
    """An ISO 3166 code (BE), or a country's name in English or French, its three-letter code,
    or a name in everyday use (Belgium, Belgique, BEL; Russia, UK, Cote d'Ivoire, Allemagne).
    Anything else is handed on for the field to refuse."""
    text = text_of(cell)
    if text is None:
        return None
    text = text.strip()
    return countries.code_for(text) or text


def language_of(text: str) -> str:
    """An ISO 639 code (fr), or a language's English name (French)."""
    text = text.strip()
    if len(text) <= 3 or "-" in text:
        return text
    import pycountry

    try:
        found = pycountry.languages.lookup(text)
    except LookupError:
        return text
    return getattr(found, "alpha_2", None) or found.alpha_3


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
