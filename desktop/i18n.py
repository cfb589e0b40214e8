"""The window's language: the system's, or the one chosen in the settings (English or French).

Qt's own strings (dialog buttons) come from Qt's translations; PartnerDesk's from
resources/translations/partnerdesk_<lang>.qm, compiled from the .ts file beside it. The messages
of db (rules broken, files refused) go through the same translators once db.i18n is told to ask Qt.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import db.i18n
import resources

SHIPPED = ("en", "fr")
_installed: list[QTranslator] = []


def system_locale() -> QLocale:
    """The session's locale; English (UK) when the session has none (LANG=C, a bare service
    account), where Qt's C locale writes dates as "30 04 2025" and numbers without grouping."""
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system


def chosen_locale(language: str) -> QLocale:
    if language in SHIPPED:
        return QLocale(
            QLocale.Language.French if language == "fr" else QLocale.Language.English,
            system_locale().territory(),
        )
    return system_locale()


def install_translators(app: QApplication, language: str = "system") -> QLocale:
    """Load the translations for ``language`` ("system", "en" or "fr"); returns the locale used
    for dates and numbers."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    code = locale.name().split("_")[0]
    if code == "en":
        db.i18n.set_translator(None)
        return locale
    candidates = [
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}"),
    ]
    with contextlib.suppress(FileNotFoundError):
        candidates.append((str(resources.path("translations")), f"partnerdesk_{code}"))
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    db.i18n.set_translator(lambda context, text: QCoreApplication.translate(context, text))
    return locale
