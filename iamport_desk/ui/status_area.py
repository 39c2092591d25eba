"""The main window's status area: a busy indicator and the sentence for the clerk."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import label_style, sentence_colour


class StatusArea(QWidget):
    """What the window is doing, and the last sentence it said (plain text, coloured).

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = plain_label(self)
        self.message.setObjectName("statusMessage")
        self.message.setAccessibleName(self.tr("Status message"))
        row.addWidget(self.progress)
        row.addWidget(self.message, 1)
        self._colour: str | None = None

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)

    def show_text(self, text: str, *, warning: bool = False, success: bool = False) -> None:
        colour = sentence_colour(warning=warning, success=success)
        if colour != self._colour:  # a new style sheet re-polishes the label: only on change
            self._colour = colour
            self.message.setStyleSheet(label_style("statusMessage", colour))
        self.message.setText(text)


__all__ = ["StatusArea"]
