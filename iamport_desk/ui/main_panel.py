"""The main window's central widget: the form, the status, the receipt and the recent attempts.

Only builds the widgets and lays them out; the window connects their signals to its slots.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from iamport_desk.ui.confirm_dialog import cancel_receipt_button
from iamport_desk.ui.order_form import OrderForm
from iamport_desk.ui.practice_orders import PracticeOrders, demo_banner
from iamport_desk.ui.receipt_view import ReceiptView
from iamport_desk.ui.recent_attempts import RecentAttempts
from iamport_desk.ui.reissue_entry import ReissueButton
from iamport_desk.ui.result_confirmation import ResultConfirmation
from iamport_desk.ui.status_area import StatusArea


class MainPanel(QWidget):
    """The parts of the main window from top to bottom; no signals of its own.

    ``demo_banner`` and ``practice`` exist only in the demo (``demo_orders`` given).
    """

    def __init__(self, demo_orders: dict[str, str] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.demo_banner: QLabel | None = None
        self.practice: PracticeOrders | None = None
        if demo_orders is not None:
            self.demo_banner = demo_banner(self)
            layout.addWidget(self.demo_banner)

        self.order_form = OrderForm(self)
        layout.addWidget(self.order_form)

        if demo_orders is not None:
            self.practice = PracticeOrders(demo_orders, self)
            layout.addWidget(self.practice)

        self.status_area = StatusArea(self)
        layout.addWidget(self.status_area)

        self.receipt_view = ReceiptView(self)
        layout.addWidget(self.receipt_view)

        self.cancel_button = cancel_receipt_button(self)
        self.confirmation = ResultConfirmation(self)  # the reason recorded, and the 확인서
        action_row = QHBoxLayout()
        action_row.addWidget(self.confirmation, 1)
        action_row.addStretch(0)  # the confirmation's room when it is shown
        self.reissue_button = ReissueButton(self.receipt_view, self)  # issue 15: its own module
        action_row.addWidget(self.reissue_button)
        action_row.addWidget(self.cancel_button)
        layout.addLayout(action_row)

        self.recent = RecentAttempts(self)
        layout.addWidget(self.recent, 1)
