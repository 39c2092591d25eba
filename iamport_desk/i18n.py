"""Choosing the language and loading Qt Linguist translations (the app's and Qt's own)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from iamport_desk import resources
from iamport_desk.ui.noop import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SUPPORTED = ("ko", "en")

# Fonts with Hangul glyphs that each platform ships; the first one found wins.
_HANGUL_FONTS = {
    "win32": ["Malgun Gothic", "맑은 고딕"],
    "darwin": ["Apple SD Gothic Neo", "AppleGothic"],
}
_HANGUL_FONTS_OTHER = ["Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "UnDotum"]

# Qt's own words that its qtbase_ko.qm lacks (Qt 6 added the mnemonics, the file has the old
# "Look in:"): translated in the app's file, whose translator Qt asks first, so the file
# dialog is wholly Korean (issue 13). Only listed here, for lupdate.
QT_WORDS_MISSING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    """'ko' or 'en'. 'system' follows the OS: English for an English system, else Korean
    (the users are Korean accounting offices)."""
    if setting in SUPPORTED:
        return setting
    locale = system_locale or QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "ko"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's translations for ``language``; returns them (keep them alive).

    English is the source language, so only Qt's own English file matters there.
    """
    installed: list[QTranslator] = []
    wanted = [(resources.qt_translations_dir(), f"qtbase_{language}")]
    if language != "en":
        wanted.append((resources.translations_dir(), f"iamport_desk_{language}"))
    for folder, name in wanted:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    QLocale.setDefault(
        QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English)
    )
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def hangul_families(available: list[str]) -> list[str]:
    """This platform's Hangul font families that are in ``available``, best first."""
    candidates = _HANGUL_FONTS.get(sys.platform, _HANGUL_FONTS_OTHER)
    present = set(available)
    return [family for family in candidates if family in present]


def apply_hangul_font(app: QApplication) -> None:
    """Prefer a font with Hangul glyphs so Korean never falls back to boxes or a mix."""
    from PySide6.QtGui import QFontDatabase

    chosen = hangul_families(QFontDatabase.families())
    if not chosen:
        return
    font = QFont(app.font())
    font.setFamilies([*chosen, *font.families()])
    app.setFont(font)
