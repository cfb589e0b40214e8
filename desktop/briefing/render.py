"""From a store and the officer's options to a PDF briefing sheet, in one call."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from db import clock
from db.errors import StorageError
from db.store.connections import refuse_live_store_file
from db.store.engine import Store
from db.store.files import replace_with_bytes
from db.store.outside import reason_of
from desktop.briefing.fonts import register_fonts
from desktop.briefing.gather import Briefing, gather
from desktop.briefing.options import BriefingOptions
from desktop.briefing.sheet import Sheet
from desktop.briefing.template import BriefingDocTemplate
from desktop.briefing.words import Words


@dataclass(frozen=True)
class BriefingResult:
    pages: int
    # Sentences for the officer (in English, for the command line): nothing here stopped the
    # sheet. When characters print as boxes, the sentence naming them is the last one.
    warnings: tuple[str, ...]
    partner: str  # "International Organization for Migration (IOM)"
    # The characters no bundled font has (at most 20), for the window to name in its language.
    unprintable: tuple[str, ...] = ()


def render_briefing(
    store: Store,
    options: BriefingOptions,
    output: str | os.PathLike[str] | BinaryIO,
    *,
    today: date | None = None,
    generated_at: datetime | None = None,
) -> BriefingResult:
    """Write the briefing sheet as PDF to a path or a binary file object.

    ``today`` decides what is recent, upcoming and late (default: the day of ``generated_at``);
    ``generated_at`` is printed in the footer (default: now). Giving ``generated_at`` also makes
    the file itself reproducible (no creation time or random id inside), for tests and previews.
    A file at a path is written whole or not at all. Raises NotFoundError (a StorageError) for an
    unknown partner or consultation, StorageError when the file cannot be written.
    """
    register_fonts()
    stamp = generated_at or clock.local_now()
    briefing = gather(store, options, today=today or stamp.date())
    words = Words(options.language)
    fixed = generated_at is not None
    pdf = io.BytesIO()
    pages, unprintable = _lay_out(briefing, words, pdf, stamp, fixed)
    write_pdf(pdf.getvalue(), output, what="The briefing")
    warnings = list(briefing.warnings)
    named = tuple(sorted(unprintable)[:20])
    if named:
        warnings.append(
            "Some characters have no glyph in the bundled fonts and print as empty boxes: "
            + " ".join(named)
        )
    return BriefingResult(
        pages=pages, warnings=tuple(warnings), partner=briefing.partner.full, unprintable=named
    )


def _lay_out(
    briefing: Briefing,
    words: Words,
    target: BinaryIO,
    stamp: datetime,
    deterministic: bool,
) -> tuple[int, set[str]]:
    options = briefing.options
    doc = BriefingDocTemplate(
        target,
        paper=options.paper,
        words=words,
        partner=briefing.partner.full,
        partner_short=briefing.partner.short,
        marking=options.marking or words("marking"),
        prepared_by=briefing.prepared_by,
        generated_at=stamp,
        deterministic=deterministic,
        title=f"{words('briefing')} — {briefing.partner.full}",
        author=briefing.prepared_by,
        subject=briefing.meeting.title if briefing.meeting else briefing.partner.full,
    )
    sheet = Sheet(briefing, words, doc.width, doc.height)
    doc.build(sheet.story(), canvasmaker=doc.canvas_maker())
    return doc.page, sheet.unprintable


def write_pdf(data: bytes, output: str | os.PathLike[str] | BinaryIO, *, what: str) -> None:
    """A laid-out PDF to a file object, or to a path whole or not at all (``what``: "The
    briefing", named in the message when the path cannot be written)."""
    if hasattr(output, "write"):
        output.write(data)
        return
    path = Path(output)
    refuse_live_store_file(path)
    try:
        replace_with_bytes(path, data)
    except OSError as exc:
        raise StorageError(
            f"{what} could not be written to {path}: {reason_of(exc)}. "
            "Choose another folder or file name."
        ) from exc
