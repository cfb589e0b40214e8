"""The one way into bundled files (default thematic tree, sample data, schema, fonts).

Works from a source checkout, an installed wheel and a PyInstaller bundle alike, because the
files always sit next to this module (PyInstaller's spec copies the folder as ``resources``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a bundled file; raises FileNotFoundError naming it when it is missing."""
    target = _HERE.joinpath(*parts)
    if not target.exists():
        raise FileNotFoundError(
            f"PartnerDesk is missing its bundled file {'/'.join(parts)}; reinstall it."
        )
    return target


def load_json(*parts: str) -> Any:
    return json.loads(path(*parts).read_text(encoding="utf-8"))
