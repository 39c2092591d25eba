"""The history window's way into the correction (issue 15): "Correct and issue again..." for a
cancellation that went through, the same dialog the main window opens beside a cancelled
receipt (:func:`ui.reissue_entry.open_reissue`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QPushButton

from iamport_desk.ui.reissue_entry import can_reissue, open_reissue
from iamport_desk.ui.words import IssueSaid
from iamport_desk.ui.words import reissue as words

if TYPE_CHECKING:
    from iamport_desk.ui.history_window import HistoryWindow
    from iamport_desk.ui.reissue_dialog import ReissueDialog


class HistoryReissue(QObject):
    """Owns the window's ``reissue_button``; enabled for one selected cancellation that went
    through. No signals of its own: it reports through the window's ``show_message``."""

    def __init__(self, window: HistoryWindow) -> None:
        super().__init__(window)
        self.button = QPushButton(words.history_entry_button(), window)
        self.button.setObjectName("reissue_button")
        self.button.setToolTip(words.history_entry_description())
        self.button.setEnabled(False)
        self.button.clicked.connect(self.open_dialog)
        self.dialog: ReissueDialog | None = None  # the one open now

    @property
    def _window(self) -> HistoryWindow:
        # The window is the Qt parent; no Python reference back to it (no reference cycle).
        return cast("HistoryWindow", self.parent())

    @Slot()
    def update(self) -> None:
        entries = self._window.row_actions.selected_entries()
        self.button.setEnabled(len(entries) == 1 and can_reissue(entries[0]))

    @Slot()
    def open_dialog(self) -> None:
        window = self._window
        entries = window.row_actions.selected_entries()
        if len(entries) != 1 or window.service.stopped:
            return
        opened = open_reissue(window, window.service, entries[0])
        if isinstance(opened, IssueSaid):
            window.show_message(opened.message.full_text(), warning=True)
        elif opened is not None:
            self.dialog = opened
            opened.finished.connect(self.on_dialog_finished)

    @Slot()
    def on_dialog_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        said, _issued = dialog.outcome()
        self._window.show_message(said.message.full_text(), warning=not said.success)


__all__ = ["HistoryReissue"]
