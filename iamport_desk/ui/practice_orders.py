"""The demo's parts of the main window: the banner saying so, and the practice order numbers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import DEMO_BANNER_STYLE
from iamport_desk.ui.words.practice import practice_description


def demo_banner(parent: QWidget) -> QLabel:
    """The yellow note at the top of the demo window."""
    banner = plain_label(parent)
    banner.setObjectName("demoBanner")
    banner.setText(
        QCoreApplication.translate(
            "PracticeOrders",
            "DEMO - connected to the built-in PortOne simulator. No real receipt is "
            "cancelled, and this practice history is kept apart from the real one.",
        )
    )
    banner.setStyleSheet(f"QLabel#demoBanner {{ {DEMO_BANNER_STYLE} }}")
    return banner


class PracticeOrders(QWidget):
    """The demo's order numbers, one per line; activating one puts it in the order field.

    Signals:
        chosen(str): an order number was picked (double-click or Enter).
    """

    chosen = Signal(str)

    def __init__(self, orders: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Practice order numbers"))
        # Four lines and a scroll bar: the window must fit a small screen (issue 13).
        self.list.setMaximumHeight(4 * self.fontMetrics().lineSpacing() + 8)
        for uid, description in orders.items():
            words = practice_description(uid, description)
            item = QListWidgetItem(f"{uid}  -  {words}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, uid)
        self.list.itemActivated.connect(self.on_list_itemActivated)
        label = QLabel(self.tr("Practice order &numbers (double-click or Enter to use):"), self)
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list)

    @Slot(QListWidgetItem)
    def on_list_itemActivated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))


__all__ = ["PracticeOrders", "demo_banner"]
