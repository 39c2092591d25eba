"""Every keyboard shortcut of the app, in one place, so the help dialog lists them all."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from iamport_desk.ui.noop import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Shortcut:
    key: str  # portable text form, e.g. "Ctrl+L"
    description: str  # untranslated source text (context "Shortcuts")

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.key)

    def label(self) -> str:
        return QCoreApplication.translate("Shortcuts", self.description)

    def native_key(self) -> str:
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)


FOCUS_ORDER = Shortcut("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Go to the order number field"))
LOOKUP = Shortcut(
    "Return", QT_TRANSLATE_NOOP("Shortcuts", "Look up the receipt (in the order number field)")
)
CANCEL_RECEIPT = Shortcut(
    "Ctrl+D", QT_TRANSLATE_NOOP("Shortcuts", "Cancel the receipt shown (asks first)")
)
COPY_URL = Shortcut("Ctrl+Shift+C", QT_TRANSLATE_NOOP("Shortcuts", "Copy the receipt link"))
CREDENTIALS = Shortcut("Ctrl+K", QT_TRANSLATE_NOOP("Shortcuts", "Store profiles and API keys"))
HISTORY = Shortcut("Ctrl+H", QT_TRANSLATE_NOOP("Shortcuts", "Open the audit history"))
RECONCILE = Shortcut(
    "Ctrl+R", QT_TRANSLATE_NOOP("Shortcuts", "Check attempts with an unknown outcome")
)
HELP = Shortcut("F1", QT_TRANSLATE_NOOP("Shortcuts", "Show this list of shortcuts"))
QUIT = Shortcut("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit"))

ALL: tuple[Shortcut, ...] = (
    FOCUS_ORDER,
    LOOKUP,
    CANCEL_RECEIPT,
    COPY_URL,
    CREDENTIALS,
    HISTORY,
    RECONCILE,
    HELP,
    QUIT,
)
