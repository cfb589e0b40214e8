"""Reading a briefing PDF back as a person (or a machine) would."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.store.engine import Store
from desktop.briefing import BriefingOptions, BriefingResult, find_partner, render_briefing

TODAY = date(2026, 11, 23)
GENERATED_AT = datetime(2026, 11, 23, 9, 30)
PREPARED_BY = "Amina Diallo"


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, with runs of white space made single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def text_of(pdf: Path) -> str:
    return " ".join(page_texts(pdf))


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    return [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(pdf).pages
    ]


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed; scripts/test installs it")
    return found


def fonts_of(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with its name, type and the emb/sub/uni flags."""
    out = subprocess.run(
        [poppler("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    rows = []
    for line in out[2:]:  # a header line and a rule
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, generation
        name, emb, sub, uni = parts[0], parts[-5], parts[-4], parts[-3]
        rows.append({"name": name, "emb": emb, "sub": sub, "uni": uni})
    return rows


def render(store: Store, partner: str, target: Path, **options) -> tuple[Path, BriefingResult]:
    """The briefing on ``partner`` (name, acronym or id) with today and the footer fixed."""
    options.setdefault("prepared_by", PREPARED_BY)
    chosen = BriefingOptions(partner_id=find_partner(store, partner).id, **options)
    result = render_briefing(store, chosen, target, today=TODAY, generated_at=GENERATED_AT)
    return target, result
