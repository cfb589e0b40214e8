"""The Qt binding itself must not wear down Python: PySide6 6.12.0 dropped a reference to None on
every call returning nothing, and on Python 3.11 the window then aborted ("deallocating None")
after some thousands of clicks and repaints. pyproject.toml excludes it; this keeps it out."""

from __future__ import annotations

import gc
import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def test_calls_into_qt_keep_pythons_reference_counts(qapp):
    font, label = QFont(), QLabel()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        font.setBold(True)
        label.setText("PartnerDesk")
        label.setFont(font)
    gc.collect()
    assert abs(sys.getrefcount(None) - before) < 50
