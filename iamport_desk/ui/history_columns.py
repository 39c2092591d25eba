"""The history table's columns: the books' order, a chooser for the technical ones, and the
widths, order and visibility remembered between runs.

The state is ``QHeaderView.saveState`` kept in the settings (``Settings.history_columns``) as
``"<columns>:<base64>"``; a state saved with another number of columns (an older version) is
ignored rather than restored onto the wrong ones. It is written by the API thread
(``DeskService.write_settings``), never on the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu

from iamport_desk.ui.history_cells import BOOKS_ORDER, COLUMNS
from iamport_desk.ui.settings_guard import warn_if_unsaved

if TYPE_CHECKING:
    from iamport_desk.ui.history_window import HistoryWindow

log = logging.getLogger(__name__)


def encode_state(state: bytes) -> str:
    return f"{len(COLUMNS)}:{base64.b64encode(state).decode('ascii')}"


def decode_state(text: str | None) -> bytes | None:
    """The header state in ``text``, or None when there is none for these columns."""
    if not text:
        return None
    count, _, encoded = text.partition(":")
    if count != str(len(COLUMNS)) or not encoded:
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):  # a hand-edited file
        return None


class HistoryColumns(QObject):
    """Arranges the window's table header and offers the column chooser on its context menu.

    No signals of its own.
    """

    @property
    def _window(self) -> HistoryWindow:
        # The window is the Qt parent; no Python reference back to it (no reference cycle).
        return cast("HistoryWindow", self.parent())

    @property
    def header(self) -> QHeaderView:
        return self._window.table.horizontalHeader()

    def setup(self) -> None:
        """The books' order, or the clerk's own arrangement of the last run."""
        header = self.header
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.on_header_customContextMenuRequested)
        self._default_widths = [header.sectionSize(i) for i in range(len(COLUMNS))]
        self.arrange_for_the_books()
        state = decode_state(self._window.profiles.settings.history_columns)
        if state is not None and not header.restoreState(QByteArray(state)):
            log.info("the saved history columns did not fit; the books' order is used")
            self.arrange_for_the_books()
        # The state holds the sort arrow too: restoring it sorts the model the same way (the
        # window listens to sortIndicatorChanged), so the arrow and the rows agree.

    def arrange_for_the_books(self) -> None:
        """Columns in the books' order, technical ones hidden, default widths."""
        header = self.header
        for visual, logical in enumerate(BOOKS_ORDER):
            header.moveSection(header.visualIndex(logical), visual)
        for logical, column in enumerate(COLUMNS):
            header.setSectionHidden(logical, column.technical)
            header.resizeSection(logical, self._default_widths[logical])

    def state(self) -> str:
        return encode_state(bytes(self.header.saveState().data()))

    def save(self) -> None:
        """Queue the arrangement for the settings file (on the API thread)."""
        window = self._window
        state, profiles = self.state(), window.profiles
        if profiles.settings.history_columns == state:
            return
        job = window.service.write_settings(
            "history columns", lambda: profiles.set_history_columns(state)
        )
        warn_if_unsaved(window, profiles.settings_path, job)

    def chooser(self) -> QMenu:
        """A menu of every column (in the order shown), checked when it is shown, and a reset."""
        header = self.header
        menu = QMenu(header)
        menu.setObjectName("column_chooser")
        shown = [i for i in range(len(COLUMNS)) if not header.isSectionHidden(i)]
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            title = str(self._window.model.headerData(logical, header.orientation()))
            action = QAction(title, menu)
            action.setCheckable(True)
            action.setChecked(logical in shown)
            action.setEnabled(shown != [logical])  # the last column shown stays
            action.setData(logical)
            action.toggled.connect(self.on_column_action_toggled)
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(
            QCoreApplication.translate("HistoryWindow", "Columns for the books (default)")
        )
        reset.triggered.connect(self.on_reset_triggered)
        return menu

    @Slot(QPoint)
    def on_header_customContextMenuRequested(self, pos: QPoint) -> None:
        menu = self.chooser()
        menu.exec(self.header.mapToGlobal(pos))
        menu.deleteLater()

    @Slot()
    def show_chooser(self) -> None:
        """The chooser under the header's left end (from the keyboard: the table's menu)."""
        self.on_header_customContextMenuRequested(QPoint(0, self.header.height()))

    @Slot(bool)
    def on_column_action_toggled(self, checked: bool) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.header.setSectionHidden(int(action.data()), not checked)

    @Slot()
    def on_reset_triggered(self) -> None:
        self.arrange_for_the_books()


__all__ = ["HistoryColumns", "decode_state", "encode_state"]
