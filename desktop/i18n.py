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
from desktop.labels import storage_count

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
    if code != "en":
        translator = QTranslator(app)
        if translator.load(
            f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(translator)
            _installed.append(translator)
    load_partnerdesk(app, code)
    if code == "en":
        db.i18n.set_translator(None)
        db.i18n.set_counter(None)
    else:
        db.i18n.set_translator(lambda context, text: QCoreApplication.translate(context, text))
        db.i18n.set_counter(storage_count)
    return locale


def load_partnerdesk(app: QApplication, code: str) -> None:
    """PartnerDesk's own messages in the language ``code``; English (the source text and, from
    partnerdesk_en.qm, its plural forms: "1 contact", "2 contacts") for any other."""
    folder = ""
    with contextlib.suppress(FileNotFoundError):
        folder = str(resources.path("translations"))
    for name in (f"partnerdesk_{code}", "partnerdesk_en"):
        translator = QTranslator(app)
        if folder and translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            return
