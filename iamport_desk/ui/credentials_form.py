"""The right side of the credentials dialog: one store profile's fields, and what they say.

A view over ``profile_form``: the kind selector (V1 or V2), then the rows of that kind
(``profile_form.form_rows``) with their labels, placeholders and hints (the console path of
each key); the keychain's status; the connection test's button and result; the error line.
The rows of the other kind stay in the layout, hidden, so switching keeps the layout and the
mnemonics. The labels' words are in the "ProfileForm" context (``ui.words.stores``), the rest
in "CredentialsDialog".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.credentials import CredentialError, KeychainStatus
from iamport_desk.jobs import CallResult, TestConnectionResult
from iamport_desk.models import StoreApi
from iamport_desk.profile_form import (
    KINDS,
    FieldSpec,
    FormField,
    FormInput,
    fields_for,
    form_rows,
    host_choices,
    switch_kind,
)
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import (
    SUCCESS_COLOUR,
    WARNING_COLOUR,
    describe_error,
    keychain_reason_text,
    label_style,
    profile_form_error,
    profile_form_text,
    store_api_choice,
)


def accessible_text(label: str) -> str:
    """A label without its mnemonic: "REST API &key:" and "REST API 키(&K):" -> the words."""
    return re.sub(r"\(&.\)|&", "", label).strip().rstrip(":").strip()


def _every_row() -> tuple[FieldSpec, ...]:
    """Each field once, in the order of the kinds' rows (the secret row is shared)."""
    seen: dict[FormField, FieldSpec] = {}
    for kind in KINDS:
        for spec in form_rows(kind):
            seen.setdefault(spec.field, spec)
    order = [FormField.NAME, FormField.IMP_KEY, FormField.IMP_SECRET, FormField.TIER_CODE]
    order += [FormField.STORE_ID, FormField.CHANNEL_KEY, FormField.API_BASE]
    return tuple(seen[f] for f in order)


class CredentialsForm(QWidget):
    """The fields of the profile being edited.

    Signals: none of its own. The dialog connects ``test_button.clicked``; the Show/Hide
    button and the kind selector (``kind_combo.activated``) are handled here.
    """

    def __init__(self, api_base_override: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved_secret_api: StoreApi | None = None  # kind of the saved secret, if any
        self._shown_api = StoreApi.V1  # the kind the fields were last shown for
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = self._layout = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # spare height below the rows, not between them
        self.kind_combo = QComboBox(self)
        for kind in KINDS:
            self.kind_combo.addItem(store_api_choice(kind), kind)
        self.kind_combo.activated.connect(self.on_kind_combo_activated)
        self._add_row(profile_form_text("label.api"), self.kind_combo, self.kind_combo)

        self.name_edit = QLineEdit(self)
        self.key_edit = QLineEdit(self)
        # One secret field for both kinds: its label says which secret it is.
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_secret_button = QPushButton(
            QCoreApplication.translate("CredentialsDialog", "Sho&w"), self
        )
        self.show_secret_button.setCheckable(True)
        self.show_secret_button.toggled.connect(self.on_show_secret_toggled)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.show_secret_button)
        self.tier_edit = QLineEdit(self)
        self.store_id_edit = QLineEdit(self)
        self.channel_key_edit = QLineEdit(self)
        self.host_combo = QComboBox(self)
        self.host_combo.setEditable(True)
        self.edits: dict[FormField, QLineEdit | QComboBox] = {
            FormField.NAME: self.name_edit,
            FormField.IMP_KEY: self.key_edit,
            FormField.IMP_SECRET: self.secret_edit,
            FormField.API_SECRET: self.secret_edit,
            FormField.TIER_CODE: self.tier_edit,
            FormField.STORE_ID: self.store_id_edit,
            FormField.CHANNEL_KEY: self.channel_key_edit,
            FormField.API_BASE: self.host_combo,
        }
        self.labels: dict[QWidget, QLabel] = {}
        self.hints: dict[QWidget, QLabel] = {}
        self._rows: dict[QWidget, int] = {}  # the layout row of each field; its hint's is next
        for spec in _every_row():
            edit = self.edits[spec.field]
            if isinstance(edit, QLineEdit) and spec.max_length is not None:
                edit.setMaxLength(spec.max_length)
            field = secret_row if edit is self.secret_edit else edit
            self._rows[edit] = form.rowCount()
            self.labels[edit] = self._add_row(profile_form_text(spec.label), field, edit)
            hint = plain_label(self)
            hint.setWordWrap(True)
            # A wrapped label's height is guessed for its minimum width: one near the field's
            # keeps the guess near the lines it takes; what is left over goes below it.
            hint.setMinimumWidth(360)
            hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addRow("", hint)
            self.hints[edit] = hint

        if api_base_override is not None:
            # The host chosen here is kept, but this run sends everything elsewhere.
            override = plain_label(self)
            override.setText(
                QCoreApplication.translate(
                    "CredentialsDialog", "For this session every request goes to {0} instead."
                ).format(api_base_override)
            )
            form.addRow(override)
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
        # Tab order, top to bottom (the dialog puts its profile list first; hidden rows skipped).
        self.tab_chain: list[QWidget] = [self.kind_combo, self.name_edit, self.key_edit]
        self.tab_chain += [self.secret_edit, self.show_secret_button, self.tier_edit]
        self.tab_chain += [self.store_id_edit, self.channel_key_edit, self.host_combo]
        self.tab_chain.append(self.test_button)
        self.load(FormInput())

    def _add_row(self, text: str, field: QWidget | QHBoxLayout, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        buddy.setAccessibleName(accessible_text(text))
        if isinstance(field, QWidget):
            self._layout.addRow(label, field)
        else:
            self._layout.addRow(label, field)
        return label

    # ---- the kind ----------------------------------------------------------------------

    @property
    def api(self) -> StoreApi:
        return StoreApi(self.kind_combo.currentData())

    def _show_kind(self, api: StoreApi) -> None:
        """Show the rows of ``api`` with its words; hide the rest."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(api))
        shown: dict[QWidget, FieldSpec] = {self.edits[s.field]: s for s in form_rows(api)}
        for edit, label in self.labels.items():
            spec = shown.get(edit)
            row = self._rows[edit]
            self._layout.setRowVisible(row, spec is not None)
            hint_text = profile_form_text(spec.hint) if spec and spec.hint else ""
            self.hints[edit].setText(hint_text)
            self._layout.setRowVisible(row + 1, bool(hint_text))
            if spec is None:
                continue
            label.setText(profile_form_text(spec.label))
            edit.setAccessibleName(accessible_text(label.text()))
            edit.setAccessibleDescription(hint_text)  # a screen reader reads the hint too
            if spec.placeholder is not None and isinstance(edit, QLineEdit):
                edit.setPlaceholderText(profile_form_text(spec.placeholder))
        self.show_saved_secret(self._saved_secret_api)

    @Slot(int)
    def on_kind_combo_activated(self, index: int) -> None:
        api = StoreApi(self.kind_combo.itemData(index))
        self.load(switch_kind(self._typed(self._shown_api), api), keep_saved=True)

    # ---- filling and reading -----------------------------------------------------------

    def load(self, form: FormInput, *, keep_saved: bool = False) -> None:
        """Fill the fields from ``form`` (its secret is "" for a saved profile: never shown)."""
        if not keep_saved:
            self._saved_secret_api = None
        self._shown_api = StoreApi(form.api)
        self.name_edit.setText(form.name)
        self.key_edit.setText(form.imp_key)
        self.secret_edit.setText(form.secret)
        self.tier_edit.setText(form.tier_code)
        self.store_id_edit.setText(form.store_id)
        self.channel_key_edit.setText(form.channel_key)
        self.host_combo.clear()
        self.host_combo.addItems(list(host_choices(form.api)))
        self.host_combo.setCurrentText(form.api_base)
        self._show_kind(form.api)
        self.error_label.clear()
        self.test_result.clear()

    def current_input(self) -> FormInput:
        """The form as typed (nothing validated yet)."""
        return self._typed(self.api)

    def _typed(self, api: StoreApi) -> FormInput:
        return FormInput(
            api=api,
            name=self.name_edit.text(),
            secret=self.secret_edit.text(),
            imp_key=self.key_edit.text(),
            tier_code=self.tier_edit.text(),
            store_id=self.store_id_edit.text(),
            channel_key=self.channel_key_edit.text(),
            api_base=self.host_combo.currentText(),
        )

    def show_saved_secret(self, api: StoreApi | None) -> None:
        """Say "saved - leave empty" when a secret of the kind shown is saved (``api``)."""
        self._saved_secret_api = api
        if api is not None and api is self.api:
            text = QCoreApplication.translate(
                "CredentialsDialog", "(saved - leave empty to keep it)"
            )
        else:
            secret = next(s for s in fields_for(self.api) if s.secret)
            text = profile_form_text(secret.placeholder or secret.label)
        self.secret_edit.setPlaceholderText(text)

    # ---- what the form says ------------------------------------------------------------

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
        """Say which field is wrong and why (never its value), and put the cursor there."""
        try:
            widget: QWidget = self.edits[FormField(error.field)]
        except ValueError:
            widget = self.name_edit
        self.error_label.setText(profile_form_error(error.field, error.kind, self.api.value))
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
            text = (
                QCoreApplication.translate(
                    "CredentialsDialog", "Connected: PortOne accepted the V2 API secret."
                )
                if self.api is StoreApi.V2
                else QCoreApplication.translate(
                    "CredentialsDialog", "Connected: PortOne accepted the key and secret."
                )
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
