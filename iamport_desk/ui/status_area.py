"""The main window's status area: a busy indicator and the sentence for the clerk.

The sentence lives in a box of a fixed height (``LINES`` lines): a longer one scrolls inside
it, and its whole text is the box's tooltip, so the receipt below never moves as the
sentence grows from nothing to three lines (issue 13).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QScrollArea, QWidget

from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import label_style, sentence_colour

LINES = 3  # the longest sentence (the PG's refusal with its message) takes three in Korean


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
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.box = QScrollArea(self)
        self.box.setObjectName("statusBox")
        self.box.setFrameShape(QFrame.Shape.NoFrame)
        self.box.setWidgetResizable(True)
        self.box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.box.setWidget(self.message)
        self.box.setFixedHeight(self.box_height())
        row.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.box, 1)
        self._colour: str | None = None

    def box_height(self) -> int:
        """``LINES`` lines of the label's font, and room for the label's own margins."""
        metrics = self.message.fontMetrics()
        return LINES * metrics.lineSpacing() + 2 * metrics.descent()

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)

    def show_text(self, text: str, *, warning: bool = False, success: bool = False) -> None:
        colour = sentence_colour(warning=warning, success=success)
        if colour != self._colour:  # a new style sheet re-polishes the label: only on change
            self._colour = colour
            self.message.setStyleSheet(label_style("statusMessage", colour))
        self.message.setText(text)
        self.message.setToolTip(text)
        self.box.verticalScrollBar().setValue(0)  # a new sentence is read from its start


__all__ = ["LINES", "StatusArea"]
