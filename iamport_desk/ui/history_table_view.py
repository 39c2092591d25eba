"""The history window's table: the keys of a list of records, sensible column widths, and
identifiers shortened in the middle (two order numbers never look alike)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from iamport_desk.ui.history_cells import COL_APPROVAL, COL_ORDER, COL_URL
from iamport_desk.ui.history_model import HistoryTableModel

# One typical value per column: the widths fit these (or the title), never the data.
_SAMPLES = (
    "2026-11-25 14:03:07",
    "main store",
    "T0001",
    "ORDER-20261125-000001",
    "operator",
    "Unknown - check",
    "HTTP 000",
    "-1",
    "A message from PortOne of some length",
    "100,000 won (at lookup)",
    "000000000",
    "https://receipt.example",
    "Issued in error",
    "Cancellation",
    "→ #0000 re-issue",
    "#000000",
    "V1",
)

# Identifiers differ at their end (ORDER-20261125-0001 / -0002): cut in the middle.
_MIDDLE_ELIDED = frozenset({COL_ORDER, COL_APPROVAL, COL_URL})


class IdentifierDelegate(QStyledItemDelegate):
    """Draws identifier columns shortened in the middle, the rest as usual."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in _MIDDLE_ELIDED:
            option.textElideMode = Qt.TextElideMode.ElideMiddle


def displayed_text(view: QTableView, index: QModelIndex) -> str:
    """The text of cell ``index`` as the style draws it at its present width (elided as
    the delegate says): what the clerk reads."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    delegate = view.itemDelegateForIndex(index)
    if isinstance(delegate, QStyledItemDelegate):
        delegate.initStyleOption(option, index)
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    # QCommonStyle's viewItemDrawText keeps this margin on both sides of the text.
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text: str = option.text
    mode: Qt.TextElideMode = option.textElideMode
    return option.fontMetrics.elidedText(text, mode, rect.width() - 2 * margin)


class HistoryTableView(QTableView):
    """The table, with the keys of a list of records rather than of a spreadsheet.

    Signals:
        copy_requested(): the copy key (Ctrl+C) was pressed in the table.
        open_requested(): Enter/Return was pressed on a row.
    """

    copy_requested = Signal()
    open_requested = Signal()

    def __init__(self, model: HistoryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table")
        self.setAccessibleName(self.tr("Cancellation attempts"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(IdentifierDelegate(self))
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        metrics = self.fontMetrics()
        for column, sample in enumerate(_SAMPLES):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(str(title)))
            header.resizeSection(column, width + 28)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["HistoryTableView", "IdentifierDelegate", "displayed_text"]
