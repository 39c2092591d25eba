"""The right side of the credentials dialog: one store profile's fields, and what they say.

The name, key, secret, Tier code and host fields; the keychain's status; the connection
test's button and result; the error line. Its words are in the "CredentialsDialog" context.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from iamport_desk.credentials import CredentialError, KeychainStatus
from iamport_desk.jobs import CallResult, TestConnectionResult
from iamport_desk.models import DEFAULT_API_BASE, STATIC_API_BASE
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import (
    SUCCESS_COLOUR,
    WARNING_COLOUR,
    describe_error,
    keychain_reason_text,
    label_style,
)


def accessible_text(label: str) -> str:
    """A label without its mnemonic: "REST API &key:" and "REST API 키(&K):" -> the words."""
    return re.sub(r"\(&.\)|&", "", label).strip().rstrip(":").strip()


class CredentialsForm(QWidget):
    """The fields of the profile being edited. No signals of its own: the dialog connects
    ``test_button.clicked``; the Show/Hide button is handled here."""

    def __init__(self, api_base_override: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("CredentialsDialog", "e.g. Gangnam branch")
        )
        self.key_edit = QLineEdit(self)
        self.key_edit.setPlaceholderText(
            QCoreApplication.translate("CredentialsDialog", "REST API key")
        )
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(
            QCoreApplication.translate("CredentialsDialog", "REST API secret")
        )
        self.show_secret_button = QPushButton(
            QCoreApplication.translate("CredentialsDialog", "Sho&w"), self
        )
        self.show_secret_button.setCheckable(True)
        self.show_secret_button.toggled.connect(self.on_show_secret_toggled)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.show_secret_button)
        self.tier_edit = QLineEdit(self)
        self.tier_edit.setMaxLength(3)
        self.tier_edit.setPlaceholderText(
            QCoreApplication.translate("CredentialsDialog", "optional, 3 characters")
        )
        self.host_combo = QComboBox(self)
        self.host_combo.setEditable(True)
        self.host_combo.addItems([DEFAULT_API_BASE, STATIC_API_BASE])
        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget]] = [
            (
                QCoreApplication.translate("CredentialsDialog", "Profile na&me:"),
                self.name_edit,
                self.name_edit,
            ),
            (
                QCoreApplication.translate("CredentialsDialog", "REST API &key:"),
                self.key_edit,
                self.key_edit,
            ),
            (
                QCoreApplication.translate("CredentialsDialog", "REST API s&ecret:"),
                secret_row,
                self.secret_edit,
            ),
            (
                QCoreApplication.translate("CredentialsDialog", "&Tier code:"),
                self.tier_edit,
                self.tier_edit,
            ),
            (
                QCoreApplication.translate("CredentialsDialog", "API &host:"),
                self.host_combo,
                self.host_combo,
            ),
        ]
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            buddy.setAccessibleName(accessible_text(text))
            if isinstance(field, QWidget):
                form.addRow(label, field)
            else:
                form.addRow(label, field)
        self.override_label: QLabel | None = None
        if api_base_override is not None:
            # The host chosen here is kept, but this run sends everything elsewhere.
            self.override_label = plain_label(self)
            self.override_label.setText(
                QCoreApplication.translate(
                    "CredentialsDialog", "For this session every request goes to {0} instead."
                ).format(api_base_override)
            )
            form.addRow(self.override_label)
        self.keychain_label = plain_label(self)
        form.addRow(self.keychain_label)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(
            QCoreApplication.translate("CredentialsDialog", "Test co&nnection"), self
        )
        self.test_result = plain_label(self)
        self.test_result.setObjectName("testResult")
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)
        self.error_label = plain_label(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(label_style("errorLabel", WARNING_COLOUR))
        form.addRow(self.error_label)

    @Slot(bool)
    def on_show_secret_toggled(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_secret_button.setText(
            QCoreApplication.translate("CredentialsDialog", "H&ide")
            if shown
            else QCoreApplication.translate("CredentialsDialog", "Sho&w")
        )

    def show_error(self, error: CredentialError) -> None:
        """Say which field is wrong and why, and put the cursor there."""
        fields = {
            "name": (
                self.name_edit,
                QCoreApplication.translate("CredentialsDialog", "Profile name"),
            ),
            "imp_key": (
                self.key_edit,
                QCoreApplication.translate("CredentialsDialog", "REST API key"),
            ),
            "imp_secret": (
                self.secret_edit,
                QCoreApplication.translate("CredentialsDialog", "REST API secret"),
            ),
            "tier_code": (
                self.tier_edit,
                QCoreApplication.translate("CredentialsDialog", "Tier code"),
            ),
            "api_base": (
                self.host_combo,
                QCoreApplication.translate("CredentialsDialog", "API host"),
            ),
        }
        widget, label = fields.get(error.field, (self.name_edit, error.field))
        kinds = {
            "empty": QCoreApplication.translate("CredentialsDialog", "is empty."),
            "whitespace": QCoreApplication.translate(
                "CredentialsDialog", "must not contain spaces or line breaks."
            ),
            "control": QCoreApplication.translate(
                "CredentialsDialog", "contains invisible control characters."
            ),
            "non_ascii": QCoreApplication.translate(
                "CredentialsDialog", "may only contain English letters, digits and symbols."
            ),
            "format": (
                QCoreApplication.translate(
                    "CredentialsDialog", "must be exactly 3 capital letters or digits (e.g. AB1)."
                )
                if error.field == "tier_code"
                else QCoreApplication.translate("CredentialsDialog", "must be an https:// address.")
                if error.field == "api_base"
                else QCoreApplication.translate(
                    "CredentialsDialog", "is not in the expected format."
                )
            ),
            "duplicate": QCoreApplication.translate(
                "CredentialsDialog", "is already used by another profile."
            ),
            "too_long": QCoreApplication.translate("CredentialsDialog", "is too long."),
        }
        self.error_label.setText(f"{label} {kinds.get(error.kind, str(error))}")
        widget.setFocus()

    @Slot(object)
    def on_keychain_status_done(self, result: CallResult) -> None:
        """Where secrets are kept (the keychain's status, read on the API thread)."""
        status = result.value
        if not isinstance(status, KeychainStatus):
            return
        if status.persistent:
            self.keychain_label.setText(
                QCoreApplication.translate(
                    "CredentialsDialog", "Secrets are kept in the system keychain ({0})."
                ).format(status.backend_name)
            )
        else:
            self.keychain_label.setText(keychain_reason_text(status.code or "no_keychain"))
            self.keychain_label.setStyleSheet(f"color: {WARNING_COLOUR};")

    def show_test_result(self, result: TestConnectionResult) -> None:
        """The connection test's answer beside its button (a missing secret is not shown here)."""
        if result.error is None:
            text = QCoreApplication.translate(
                "CredentialsDialog", "Connected: PortOne accepted the key and secret."
            )
            if result.tier_name is not None:
                text += " " + QCoreApplication.translate("CredentialsDialog", "Tier: {0}").format(
                    result.tier_name
                )
            self.test_result.setStyleSheet(f"color: {SUCCESS_COLOUR};")
            self.test_result.setText(text)
        else:
            self.test_result.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.test_result.setText(describe_error(result.error).full_text())
