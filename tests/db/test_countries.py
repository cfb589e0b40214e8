"""Countries as officers name them: plain names in English and French (never ISO's inverted
sorting forms), and the names officers type or import found in either language."""

from __future__ import annotations

import pytest

from db.exchange.spreadsheets.cells import country_of
from db.schema import countries

# Names that hold a comma because they list places, not because ISO inverted them.
LISTS = {"BQ", "SH"}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_name_shown_is_an_inverted_iso_form(language):
    shown = dict(countries.names(language))
    assert len(shown) == 249
    inverted = {code: name for code, name in shown.items() if "," in name and code not in LISTS}
    assert inverted == {}


def test_names_in_english_and_french():
    assert countries.name_of("CD") == "Democratic Republic of the Congo"
    assert countries.name_of("cd", "fr") == "République démocratique du Congo"
    assert countries.name_of("RU") == "Russia"
    assert countries.name_of("RU", "fr_FR") == "Russie"
    assert countries.name_of("DE", "fr") == "Allemagne"
    assert countries.name_of("DE", "de") == "Germany"  # a language without names: English
    assert countries.name_of("XX") == "XX"


def test_french_names_are_sorted_as_a_french_reader_expects():
    names = [name for _, name in countries.names("fr")]
    assert names.index("Égypte") < names.index("Équateur") < names.index("Érythrée")
    assert names.index("Émirats arabes unis") < names.index("Espagne") < names.index("Finlande")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Russia", "RU"),
        ("UK", "GB"),
        ("Cote d'Ivoire", "CI"),
        ("cote d’ivoire", "CI"),
        ("Allemagne", "DE"),
        ("Russian Federation", "RU"),
        ("Congo, The Democratic Republic of the", "CD"),
        ("Suisse", "CH"),
        ("BEL", "BE"),
        ("be", "BE"),
        ("USA", "US"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
    ],
)
def test_common_names_are_accepted_on_import(typed, code):
    assert countries.code_for(typed) == code
    assert country_of(typed) == code


def test_a_name_of_no_country_is_handed_on_for_the_field_to_refuse():
    assert countries.code_for("Atlantis") is None
    assert country_of("Atlantis") == "Atlantis"
    assert country_of("  ") is None
