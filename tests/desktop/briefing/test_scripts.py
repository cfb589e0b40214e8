"""Every script the store can hold prints: bundled fonts, embedded, Arabic joined and ordered
right to left, Chinese as typed."""

from __future__ import annotations

import re
import subprocess

import pytest

from db.records import services
from desktop.briefing.text import markup, plain, unprintable
from tests import builders
from tests.desktop.briefing.helpers import fonts_of, poppler, render, text_of

CHINESE = "中华人民共和国海关总署"
ARABIC = "مركز المنارة لدراسات الحدود"
ARABIC_MEETING = "اجتماع تقني حول الترجمة العربية للدليل"
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture
def international(sample_store):
    """The sample, with a Chinese partner and an Arabic-named one, an agreement and a meeting."""
    ours = "7a71efd3-5232-5217-babd-c3b68019e15e"
    gacc = services.save(
        sample_store,
        "organization",
        builders.organization(name=CHINESE, acronym="GACC", kind="national_administration"),
    )
    centre = services.save(
        sample_store,
        "organization",
        builders.organization(name=ARABIC, acronym="AMC", kind="academia", city="عمّان"),
    )
    agreement = builders.agreement([gacc, ours], title="海关合作谅解备忘录", reference="WCO/GACC")
    agreement["parties"][0].update(signatory_name="王令浚", signed_at="北京")
    services.save(sample_store, "agreement", agreement)
    services.save(
        sample_store,
        "consultation",
        builders.consultation(title=ARABIC_MEETING, organization_ids=[centre, ours]),
    )
    return sample_store


def test_chinese_names_extract_as_typed(international, tmp_path):
    pdf, result = render(international, "GACC", tmp_path / "gacc.pdf")
    text = text_of(pdf)
    assert f"{CHINESE} (GACC)" in text
    assert "海关合作谅解备忘录" in text
    assert "GACC: 王令浚 — 北京, 7 May 2018" in text
    assert result.warnings == ()


def test_arabic_is_printed_joined_and_right_to_left(international, tmp_path):
    pdf, result = render(international, "AMC", tmp_path / "amc.pdf")
    text = text_of(pdf)
    # The PDF holds the joined (contextual) forms of the letters, drawn left to right in visual
    # order. A text extractor may give a right-to-left run back in that visual order or turn it
    # back to reading order (pypdf does): either way the joined word must be there whole.
    assert any("\ufe70" <= c <= "\ufeff" for c in text), "no joined Arabic letter forms"
    for name in (ARABIC, ARABIC_MEETING):
        drawn = plain(name)
        assert drawn in text or drawn[::-1] in text, name
    assert result.warnings == ()


def test_arabic_is_shaped_then_put_in_visual_order():
    shaped = plain("لا")  # lam + alef: one ligature glyph
    assert shaped == "\ufefb"
    word = plain("مركز")  # meem, reh, kaf, zain: initial, final, initial, final forms
    assert word == "\ufeb0\ufedb\ufeae\ufee3"  # drawn left to right: the last letter first
    assert plain("Name (مركز)") == "Name (\ufeb0\ufedb\ufeae\ufee3)"


def test_text_is_escaped_and_each_script_gets_its_font():
    assert markup("R&D <Lab>") == "R&amp;D &lt;Lab&gt;"
    assert '<font name="PD-CJK">中文</font>' in markup("Name 中文")
    assert '<font name="PD-Arabic-Bold">' in markup(ARABIC, bold=True)
    assert markup("one\ntwo") == "one<br/>two"
    assert unprintable("Korean 한국어, Thai ภาษาไทย") == set()
    assert unprintable("Hindi हिन्दी") == set("हिन्दी")


def test_every_font_is_embedded_and_none_is_a_pdf_base_font(international, tmp_path):
    pdf, _ = render(
        international,
        "AMC",
        tmp_path / "fonts.pdf",
        include_contacts=True,
        talking_points=f"{CHINESE} · {ARABIC} · Élodie · Ωμέγα · Жук · שלום · ✓",
    )
    fonts = fonts_of(pdf)
    names = {f["name"].split("+")[-1] for f in fonts}
    assert {"NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular"} <= names
    assert {"DroidSansFallback", "DejaVuSans"} <= names
    assert all(f["emb"] == "yes" for f in fonts), fonts
    assert all(f["uni"] == "yes" for f in fonts), fonts  # text can be copied and searched
    assert not [n for n in names if n.startswith(BASE_14)]


def test_a_character_no_font_has_is_reported(international, tmp_path):
    # Devanagari needs a shaping engine to be spelled right, which ReportLab lacks: no font is
    # bundled for it, and the briefing says so.
    _, result = render(international, "AMC", tmp_path / "hi.pdf", talking_points="हिन्दी")
    assert any("no glyph" in w and "ह" in w for w in result.warnings)


KOREAN = "대한민국 관세청"
THAI = "กรมศุลกากร"


def test_korean_and_thai_print_in_bundled_fonts(international, tmp_path):
    pdf, result = render(
        international, "AMC", tmp_path / "ko-th.pdf", talking_points=f"{KOREAN}\n{THAI}"
    )
    assert result.warnings == ()
    text = text_of(pdf)
    assert KOREAN in text and THAI in text
    names = {f["name"].split("+")[-1] for f in fonts_of(pdf)}
    assert {"NanumBarunGothic", "NotoSansThai-Regular"} <= names, names


def test_a_long_arabic_paragraph_is_broken_in_reading_order_before_it_is_reversed():
    text = " ".join([ARABIC, ARABIC_MEETING, ARABIC, ARABIC_MEETING])
    printed = markup(text, width=150, size=8)
    lines = [re.sub("<[^>]+>", "", line).replace("\u00a0", " ") for line in printed.split("<br/>")]
    assert len(lines) > 2
    # Each printed line holds the next words in reading order, drawn right to left: the first
    # line holds the first words (a paragraph reversed as a whole would start with the last).
    drawn_in_reading_order = [word for line in lines for word in reversed(line.split(" "))]
    assert drawn_in_reading_order == [plain(word) for word in text.split(" ")]


VOWELLED = "مُحَمَّد"  # meem with damma, hah with fatha, meem with shadda and fatha, dal


def test_arabic_vowel_marks_and_shadda_are_printed(international, tmp_path):
    pdf, result = render(international, "AMC", tmp_path / "harakat.pdf", talking_points=VOWELLED)
    extracted = subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Each mark is kept beside its own letter: the damma and the meem, the shadda and fatha with
    # the second meem (drawn in visual order, so each mark comes just before its letter's form).
    drawn = plain(VOWELLED)
    assert drawn.count("\u064e") == 2 and "\u0651" in drawn and "\u064f" in drawn
    assert drawn in extracted or drawn[::-1] in extracted, [hex(ord(c)) for c in extracted]
    assert result.warnings == ()
