"""Translations: Indonesian by default, English available (`--lang en`, View menu)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..resources import resource

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's translations for ``language``; English is the source language."""
    installed: list[QTranslator] = []
    if language == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        for name in ("siaga_id.qm", "qtbase_id.qm"):
            tr = QTranslator(app)
            path = resource("translations", name)
            if tr.load(str(path)):
                app.installTranslator(tr)
                installed.append(tr)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return installed
