"""The language of the messages db gives officers, without Qt.

Every sentence an officer may read is written as
``translate("rules", "English template with {placeholders}").format(...)``, and every field label
inside one as ``translate("fields", label)``. By default ``translate`` gives the English back
(the command line speaks English); the window installs Qt's translator with ``set_translator``,
and pyside6-lupdate collects the templates from these calls (the template must be a literal
string, the second argument of a call named ``translate``).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]  # (context, English text) -> text in the chosen language


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def translate(context: str, text: str) -> str:
    """``text`` in the language chosen for the window, or as it is when none was chosen."""
    return _translator(context, text) if text else text


def set_translator(fn: Translator | None) -> None:
    """Use ``fn`` for every message from now on; ``None`` goes back to English."""
    global _translator
    _translator = fn or _english


def field_label(label: str) -> str:
    """A field's label (as declared in db.kinds) in the officer's language."""
    return translate("fields", label)
