"""Every keyboard shortcut of the app, in one place, so the help dialog lists them all.

On macOS Qt maps Ctrl to ⌘, where several keys belong to the system (⌘H hides the app,
⌘M minimises, ⌘, opens the preferences...): a shortcut that would collide gets a
``mac_key`` of its own. Only Quit keeps ⌘Q, because that is the system's meaning too
(``system_role``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from iamport_desk.ui.noop import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Shortcut:
    key: str  # portable text form, e.g. "Ctrl+L"
    description: str  # untranslated source text (context "Shortcuts")
    mac_key: str | None = None  # used instead of ``key`` on macOS, where ``key`` is the system's
    system_role: str | None = None  # the system's meaning this shortcut deliberately shares
    # The key's name as the window's words say it (untranslated, context "Shortcuts"), when
    # Qt's own name differs: Qt says "Return" for the key every label calls Enter (issue 13).
    shown_as: str | None = None

    def key_for(self, platform: str | None = None) -> str:
        """The portable key text on ``platform`` (default: the running one)."""
        on_mac = (platform or sys.platform) == "darwin"
        return self.mac_key if on_mac and self.mac_key else self.key

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.key_for())

    def label(self) -> str:
        return QCoreApplication.translate("Shortcuts", self.description)

    def native_key(self) -> str:
        if self.shown_as is not None:
            return QCoreApplication.translate("Shortcuts", self.shown_as)
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)


FOCUS_ORDER = Shortcut("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Go to the order number field"))
LOOKUP = Shortcut(
    "Return",
    QT_TRANSLATE_NOOP("Shortcuts", "Look up the receipt (in the order number field)"),
    shown_as=QT_TRANSLATE_NOOP("Shortcuts", "Enter"),
)
CANCEL_RECEIPT = Shortcut(
    "Ctrl+D", QT_TRANSLATE_NOOP("Shortcuts", "Cancel the receipt shown (asks first)")
)
COPY_URL = Shortcut("Ctrl+Shift+C", QT_TRANSLATE_NOOP("Shortcuts", "Copy the receipt link"))
CREDENTIALS = Shortcut("Ctrl+K", QT_TRANSLATE_NOOP("Shortcuts", "Store profiles and API keys"))
# ⌘H is the system's "Hide"; ⌘Y is "Show History" in Safari and Finder.
HISTORY = Shortcut(
    "Ctrl+H", QT_TRANSLATE_NOOP("Shortcuts", "Open the audit history"), mac_key="Ctrl+Y"
)
RECONCILE = Shortcut(
    "Ctrl+R", QT_TRANSLATE_NOOP("Shortcuts", "Check attempts with an unknown outcome")
)
STOP_WAITING = Shortcut(
    "Esc", QT_TRANSLATE_NOOP("Shortcuts", "Stop waiting for a lookup (not for a cancellation)")
)
HELP = Shortcut("F1", QT_TRANSLATE_NOOP("Shortcuts", "Show this list of shortcuts"))
QUIT = Shortcut("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit"), system_role="quit")

ALL: tuple[Shortcut, ...] = (
    FOCUS_ORDER,
    LOOKUP,
    CANCEL_RECEIPT,
    COPY_URL,
    CREDENTIALS,
    HISTORY,
    RECONCILE,
    STOP_WAITING,
    HELP,
    QUIT,
)
