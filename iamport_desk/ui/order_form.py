"""The top of the main window: which store, and which order number to look up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.models import Profile
from iamport_desk.ui import shortcuts
from iamport_desk.ui.words import store_api_name, store_choice_text


class OrderForm(QWidget):
    """The store chooser with its credentials button, and the order number with Look up.

    The window connects the widgets' own signals (``profile_combo.activated``,
    ``credentials_button.clicked``, ``order_edit.returnPressed``/``textEdited``,
    ``lookup_button.clicked``).

    Its words keep the main window's translation context (they were written there).

    Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        profile_row = QHBoxLayout()
        profile_label = QLabel(QCoreApplication.translate("MainWindow", "S&tore:"), self)
        self.profile_combo = QComboBox(self)
        self.profile_combo.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Store profile")
        )
        self.profile_combo.setMinimumContentsLength(16)
        profile_label.setBuddy(self.profile_combo)
        self.credentials_button = QPushButton(
            QCoreApplication.translate("MainWindow", "Cre&dentials..."), self
        )
        self.credentials_button.setToolTip(shortcuts.CREDENTIALS.label())
        profile_row.addWidget(profile_label)
        profile_row.addWidget(self.profile_combo, 1)
        profile_row.addWidget(self.credentials_button)
        layout.addLayout(profile_row)

        order_row = QHBoxLayout()
        order_label = QLabel(
            QCoreApplication.translate("MainWindow", "&Order number (merchant_uid):"), self
        )
        self.order_edit = QLineEdit(self)
        self.order_edit.setAccessibleName(QCoreApplication.translate("MainWindow", "Order number"))
        self.order_edit.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow",
                "The merchant_uid the cash receipt was issued with. Press Enter to look it up.",
            )
        )
        self.order_edit.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "e.g. ORDER-20261125-0001")
        )
        self.order_edit.setClearButtonEnabled(True)
        order_label.setBuddy(self.order_edit)
        self.lookup_button = QPushButton(QCoreApplication.translate("MainWindow", "&Look up"), self)
        order_row.addWidget(order_label)
        order_row.addWidget(self.order_edit, 1)
        order_row.addWidget(self.lookup_button)
        layout.addLayout(order_row)
        self.setTabOrder(self.profile_combo, self.credentials_button)
        self.setTabOrder(self.credentials_button, self.order_edit)
        self.setTabOrder(self.order_edit, self.lookup_button)

    def show_profiles(self, profiles: tuple[Profile, ...], active: str | None) -> None:
        """Offer ``profiles`` (with their kind, V1/V2, and Tier) and select ``active``."""
        self.profile_combo.clear()
        for profile in profiles:
            label = store_choice_text(profile.name, profile.api, profile.tier_code)
            self.profile_combo.addItem(label, profile.name)
            last = self.profile_combo.count() - 1
            kind = store_api_name(profile.api)  # "PortOne V2 store"
            self.profile_combo.setItemData(last, kind, Qt.ItemDataRole.ToolTipRole)
        if active is not None:
            self.profile_combo.setCurrentIndex(self.profile_combo.findData(active))


__all__ = ["OrderForm"]
