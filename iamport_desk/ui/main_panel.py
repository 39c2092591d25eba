"""The main window's central widget: the form, the status, the receipt and the recent attempts.

Only builds the widgets and lays them out; the window connects their signals to its slots.
The receipt (with the row of buttons acting on it) and the recent attempts share a splitter,
neither collapsible, so on a small screen both keep a usable height (issue 13).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.ui import shortcuts
from iamport_desk.ui.order_form import OrderForm
from iamport_desk.ui.receipt_view import ReceiptView
from iamport_desk.ui.recent_attempts import RecentAttempts
from iamport_desk.ui.reissue_entry import ReissueButton
from iamport_desk.ui.result_confirmation import ResultConfirmation
from iamport_desk.ui.status_area import StatusArea

if TYPE_CHECKING:
    from iamport_desk.ui.practice_orders import PracticeOrders

RECEIPT_MIN_LINES = 4  # the receipt box never shrinks below this many lines of text


def cancel_receipt_button(parent: QWidget) -> QPushButton:
    """The button that leads to the question (disabled until a receipt is shown)."""
    button = QPushButton(
        QCoreApplication.translate("MainWindow", "&Cancel this receipt..."), parent
    )
    button.setObjectName("cancelReceiptButton")
    button.setAccessibleDescription(
        QCoreApplication.translate(
            "MainWindow", "Asks for confirmation, then cancels the cash receipt shown above."
        )
    )
    button.setToolTip(shortcuts.CANCEL_RECEIPT.native_key())
    button.setEnabled(False)
    return button


class MainPanel(QWidget):
    """The parts of the main window from top to bottom; no signals of its own.

    ``demo_banner`` and ``practice`` exist only in the demo (``demo_orders`` given).
    ``result_actions`` is the row of buttons under the receipt: what acts on the receipt
    shown goes there (``add_result_action``), the cancel button last.
    """

    def __init__(self, demo_orders: dict[str, str] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.demo_banner: QLabel | None = None
        self.practice: PracticeOrders | None = None
        if demo_orders is not None:
            # The demo's own parts, imported only for the demo (a real start needs neither).
            from iamport_desk.ui.practice_orders import PracticeOrders, demo_banner

            self.demo_banner = demo_banner(self)
            layout.addWidget(self.demo_banner)

        self.order_form = OrderForm(self)
        layout.addWidget(self.order_form)

        if demo_orders is not None:
            self.practice = PracticeOrders(demo_orders, self)
            layout.addWidget(self.practice)

        self.status_area = StatusArea(self)
        layout.addWidget(self.status_area)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.receipt_part = self._receipt_part()
        self.splitter.addWidget(self.receipt_part)
        self.recent = RecentAttempts(self)
        self.splitter.addWidget(self.recent)
        self.splitter.setStretchFactor(0, 0)  # the receipt keeps its height, the table grows
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)

    def _line(self) -> int:
        return self.fontMetrics().lineSpacing()

    def _receipt_part(self) -> QWidget:
        part = self.receipt_part = QWidget(self)
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        self.receipt_view = ReceiptView(part)
        # A scroll area: when the window is small the receipt scrolls, it is never squeezed.
        self.receipt_scroll = QScrollArea(part)
        self.receipt_scroll.setObjectName("receiptScroll")
        self.receipt_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.receipt_scroll.setWidgetResizable(True)
        self.receipt_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.receipt_scroll.setWidget(self.receipt_view)
        self.receipt_scroll.setMinimumHeight(RECEIPT_MIN_LINES * self._line())
        column.addWidget(self.receipt_scroll, 1)
        self.cancel_button = cancel_receipt_button(part)
        self.confirmation = ResultConfirmation(part)  # the reason recorded, and the 확인서
        self.result_actions = QHBoxLayout()
        self.result_actions.addWidget(self.confirmation, 1)
        self.result_actions.addStretch(0)  # the confirmation's room when it is shown
        self.reissue_button = ReissueButton(self.receipt_view, part)  # issue 15: its own module
        self.result_actions.addWidget(self.reissue_button)
        self.result_actions.addWidget(self.cancel_button)
        column.addLayout(self.result_actions)
        return part

    def fit_receipt(self) -> None:
        """Give the receipt the height it asks for (it grew: a mark shown on it), taken from
        the recent attempts as far as their minimum allows."""
        total = sum(self.splitter.sizes())
        # The scroll area's own hint lags behind its widget's: the receipt's, plus what the
        # part holds besides the scroll area (the row of buttons).
        besides = self.receipt_part.height() - self.receipt_scroll.height()
        wanted = self.receipt_view.sizeHint().height() + besides
        # Never below what the recent attempts need: a smaller height would clip their table.
        receipt = min(wanted, total - self.recent.minimumSizeHint().height())
        if receipt > self.splitter.sizes()[0]:
            self.splitter.setSizes([receipt, total - receipt])

    def add_result_action(self, button: QPushButton) -> None:
        """Put ``button`` in the row under the receipt, before the cancel button."""
        self.result_actions.insertWidget(self.result_actions.count() - 1, button)
