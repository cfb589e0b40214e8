"""The language of the messages db gives officers, without Qt.

Every sentence an officer may read is written as
``translate("rules", "English template with {placeholders}").format(...)``, and every field label
inside one as ``translate("fields", label)``. By default ``translate`` gives the English back
(the command line speaks English); the window installs Qt's translator with ``set_translator``,
and pyside6-lupdate collects the templates from these calls (the template must be a literal
string, the second argument of a call named ``translate``).

A sentence that says a number goes through ``counted``, by a key: its forms depend on the number
and on the language (French says « 0 autre », « 1 autre », « 2 autres »), which only Qt's plural
forms know. lupdate collects those from a class's ``self.tr`` alone, so their templates live in
``desktop/labels.py`` (``StorageCounts``), whose window installs them with ``set_counter``; here
are the English forms the command line uses.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]  # (context, English text) -> text in the chosen language
Counter = Callable[[str, int], str]  # (key, number) -> the phrase in the chosen language

# key -> English (one, other); each key is a method of desktop.labels.StorageCounts.
COUNTED: dict[str, tuple[str, str]] = {
    "and_more": ("and {n} more", "and {n} more"),
}


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def translate(context: str, text: str) -> str:
    """``text`` in the language chosen for the window, or as it is when none was chosen."""
    return _translator(context, text) if text else text


def _english_count(key: str, n: int) -> str:
    one, other = COUNTED[key]
    return (one if n == 1 else other).format(n=n)


_counter: Counter = _english_count


def counted(key: str, n: int) -> str:
    """The phrase ``key`` of COUNTED for the number ``n``, in the window's language."""
    return _counter(key, n)


def set_counter(fn: Counter | None) -> None:
    """Use ``fn`` for every counted phrase from now on; ``None`` goes back to English."""
    global _counter
    _counter = fn or _english_count


def set_translator(fn: Translator | None) -> None:
    """Use ``fn`` for every message from now on; ``None`` goes back to English."""
    global _translator
    _translator = fn or _english


def field_label(label: str) -> str:
    """A field's label (as declared in db.kinds) in the officer's language."""
    return translate("fields", label)
