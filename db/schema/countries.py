"""Countries as officers name them: the name to show in English or French, and the code of a
name typed or imported in either language.

ISO 3166 (through pycountry) gives each country a name built for sorting — "Congo, The
Democratic Republic of the", "Russian Federation", in French « Russie, Fédération de » — and
officers write "Russia", "UK", "Cote d'Ivoire" or « Allemagne ». The names shown are ISO's common
names where it has one, its French names from the iso-codes translations pycountry ships, and
the plain forms below where ISO inverts them; a name is found whatever its case, accents or
apostrophe, in either language, by its codes, or by a few names in everyday use.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

LANGUAGES = ("en", "fr")

# Where ISO's name (or its French translation) is inverted or official rather than everyday.
_PLAIN: dict[str, tuple[str | None, str | None]] = {
    "AX": (None, "Îles Åland"),
    "CC": (None, "Îles Cocos (Keeling)"),
    "CD": ("Democratic Republic of the Congo", None),
    "CX": (None, "Île Christmas"),
    "FK": ("Falkland Islands", "Îles Malouines (Falkland)"),
    "FM": ("Micronesia", "Micronésie"),
    "PS": ("Palestine", "Palestine"),
    "RE": (None, "La Réunion"),
    "RU": ("Russia", "Russie"),
    "SB": (None, "Îles Salomon"),
    "VA": ("Holy See", "Saint-Siège"),
    "VG": ("British Virgin Islands", None),
    "VI": ("United States Virgin Islands", "Îles Vierges des États-Unis"),
}

# Names in everyday use that ISO does not give (its own names, in both languages, are known).
_ALSO: dict[str, tuple[str, ...]] = {
    "GB": ("UK", "U.K.", "Great Britain", "Britain", "England", "Royaume Uni", "Grande-Bretagne"),
    "US": ("USA", "U.S.A.", "U.S.", "United States of America", "America", "États-Unis d'Amérique"),
    "CI": ("Ivory Coast",),
    "KR": ("Korea", "Republic of Korea", "Corée", "Corée du Sud"),
    "KP": ("North Korea", "Corée du Nord"),
    "CZ": ("Czech Republic", "République tchèque"),
    "TR": ("Turkey", "Turquie"),
    "NL": ("Holland", "Hollande"),
    "MK": ("Macedonia", "Macédoine"),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "MM": ("Burma", "Birmanie"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "RDC", "RD Congo"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "VA": ("Vatican", "Vatican City"),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "SY": ("Syria", "Syrie"),
    "IR": ("Iran",),
    "TZ": ("Tanzania", "Tanzanie"),
    "BO": ("Bolivia", "Bolivie"),
    "VE": ("Venezuela",),
    "MD": ("Moldova", "Moldavie"),
    "TW": ("Taiwan", "Taïwan"),
}


def folded(text: str) -> str:
    """A name compared the way officers mean it: no case, accents, apostrophe forms or extra
    spaces ("Cote d’Ivoire" is "Côte d'Ivoire")."""
    plain = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("-", " ").split())


def name_of(code: str | None, language: str = "en") -> str:
    """The country's name as shown in ``language`` ("en" or "fr"; others get English); an
    unknown code is given back as it is."""
    if not code:
        return ""
    return _names(_language(language)).get(code.upper(), code)


def names(language: str = "en") -> list[tuple[str, str]]:
    """(code, name) of every country, sorted by name as a reader of ``language`` expects."""
    shown = _names(_language(language))
    return sorted(shown.items(), key=lambda item: folded(item[1]))


def code_for(text: str | None) -> str | None:
    """The two-letter code of a country named by ``text`` in English or French, by its code
    (BE, BEL), ISO's names, the names shown or a name in everyday use; None when none."""
    if not text or not text.strip():
        return None
    return _index().get(folded(text))


def _language(language: str) -> str:
    code = (language or "en").split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else "en"


@cache
def _names(language: str) -> dict[str, str]:
    import pycountry

    french = _french()
    shown = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        plain = _PLAIN.get(country.alpha_2, (None, None))
        if language == "fr":
            shown[country.alpha_2] = plain[1] or french(english)
        else:
            shown[country.alpha_2] = plain[0] or english
    return shown


@cache
def _index() -> dict[str, str]:
    import pycountry

    french = _french()
    found: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        iso = [country.name, getattr(country, "common_name", None)]
        iso.append(getattr(country, "official_name", None))
        words = [code, country.alpha_3, *iso, *(french(n) for n in iso if n)]
        words += [_names("en")[code], _names("fr")[code], *_ALSO.get(code, ())]
        for word in words:
            if word:
                found.setdefault(folded(word), code)
    return found


@cache
def _french():
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:  # a build without pycountry's translations: English names
        return lambda name: name
