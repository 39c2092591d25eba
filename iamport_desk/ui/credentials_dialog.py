"""Store profiles and their PortOne keys: add, edit, rename, delete, test, save."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.credentials import CredentialError, ProfileStore
from iamport_desk.jobs import (
    CallResult,
    CredentialsSource,
    FormCredentials,
    GivenCredentials,
    SaveProfileResult,
    SecretCheckResult,
    TestConnectionResult,
)
from iamport_desk.models import DEFAULT_API_BASE, Credentials, Profile
from iamport_desk.ui.credentials_form import CredentialsForm
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.words import (
    WARNING_COLOUR,
    describe_error,
    keychain_reason_text,
    label_style,
)

if TYPE_CHECKING:
    from iamport_desk.service import DeskService, JobHandle


class CredentialsDialog(QDialog):
    """Edits the store profiles. The secret is saved only when the clerk presses Save.

    The keychain and the settings file are used on the API thread (through ``service``):
    whether a profile has a saved secret is asked when it is selected and shown when the
    answer comes; Save waits for the write with the window still answering.

    Signals: none of its own (accepted/rejected from QDialog).
    """

    def __init__(
        self,
        profiles: ProfileStore,
        service: DeskService,
        *,
        reason: str | None = None,
        parent: QWidget | None = None,
        api_base_override: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.api_base_override = api_base_override
        self.profiles = profiles
        self.service = service
        self._test_job: JobHandle | None = None
        self._has_secret: dict[str, bool] = {}  # answers of the keychain, per profile
        self._secret_checks: dict[str, JobHandle] = {}
        self._status_job: JobHandle | None = None
        self._editing: str | None = None  # name of the profile in the form; None = new
        self.setWindowTitle(self.tr("Store profiles and API keys"))
        self.setModal(True)

        outer = QVBoxLayout(self)
        self.reason_label = plain_label(self)
        self.reason_label.setObjectName("reasonLabel")
        self.reason_label.setStyleSheet(label_style("reasonLabel", WARNING_COLOUR, bold=True))
        self.reason_label.setVisible(bool(reason))
        self.reason_label.setText(reason or "")
        outer.addWidget(self.reason_label)

        body = QHBoxLayout()
        left = QVBoxLayout()
        list_label = QLabel(self.tr("&Profiles:"), self)
        self.profile_list = QListWidget(self)
        self.profile_list.setAccessibleName(self.tr("Store profiles"))
        list_label.setBuddy(self.profile_list)
        self.profile_list.currentTextChanged.connect(self.on_profile_list_currentTextChanged)
        self.new_button = QPushButton(self.tr("&Add"), self)
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_profile)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left.addWidget(list_label)
        left.addWidget(self.profile_list, 1)
        left.addLayout(buttons)
        body.addLayout(left, 1)

        # The fields, by the names callers know them by.
        form = self.form = CredentialsForm(api_base_override, self)
        self.name_edit, self.key_edit = form.name_edit, form.key_edit
        self.secret_edit, self.show_secret_button = form.secret_edit, form.show_secret_button
        self.tier_edit, self.host_combo = form.tier_edit, form.host_combo
        self.keychain_label, self.error_label = form.keychain_label, form.error_label
        self.test_button, self.test_result = form.test_button, form.test_result
        self.test_button.clicked.connect(self.test_connection)
        body.addWidget(form, 2)
        outer.addLayout(body)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setTabOrder(self.profile_list, self.name_edit)
        self.setTabOrder(self.name_edit, self.key_edit)
        self.setTabOrder(self.key_edit, self.secret_edit)
        self.setTabOrder(self.secret_edit, self.show_secret_button)
        self.setTabOrder(self.show_secret_button, self.tier_edit)
        self.setTabOrder(self.tier_edit, self.host_combo)
        self.setTabOrder(self.host_combo, self.test_button)

        self._show_keychain_status()
        self._fill_list()
        active = profiles.active()
        if active is not None:
            self._select(active.name)
        else:
            self.new_profile()
        self.resize(720, 400)

    # ---- list ------------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in self.profiles.profiles():
            self.profile_list.addItem(profile.name)
        self.profile_list.blockSignals(False)
        self.delete_button.setEnabled(self.profile_list.count() > 0)

    def _select(self, name: str) -> None:
        items = self.profile_list.findItems(name, Qt.MatchFlag.MatchExactly)
        if items:
            self.profile_list.setCurrentItem(items[0])
        self._load(self.profiles.get(name))

    @Slot(str)
    def on_profile_list_currentTextChanged(self, name: str) -> None:
        if name:
            self._load(self.profiles.get(name))

    def _load(self, profile: Profile | None) -> None:
        self._editing = profile.name if profile else None
        self.name_edit.setText(profile.name if profile else "")
        self.key_edit.setText(profile.imp_key if profile else "")
        self.secret_edit.clear()
        self._show_secret_placeholder()
        if profile is not None and profile.name not in self._has_secret:
            self._check_secret(profile.name)
        self.tier_edit.setText((profile.tier_code or "") if profile else "")
        self.host_combo.setCurrentText(profile.api_base if profile else DEFAULT_API_BASE)
        self.error_label.clear()
        self.test_result.clear()

    def _show_secret_placeholder(self) -> None:
        saved = self._editing is not None and self._has_secret.get(self._editing, False)
        self.secret_edit.setPlaceholderText(
            self.tr("(saved - leave empty to keep it)") if saved else self.tr("REST API secret")
        )

    def _check_secret(self, name: str) -> JobHandle | None:
        """Ask the API thread whether ``name`` has a saved secret (a keychain read)."""
        if name in self._secret_checks:
            return self._secret_checks[name]
        try:
            job = self.service.check_secret(self.profiles, name)
        except RuntimeError:  # the app is closing
            return None
        self._secret_checks[name] = job
        job.done.connect(self.on_secret_check_done)
        return job

    @Slot(object)
    def on_secret_check_done(self, result: SecretCheckResult) -> None:
        self._secret_checks.pop(result.profile, None)
        self._has_secret[result.profile] = result.has_secret
        if result.profile == self._editing:
            self._show_secret_placeholder()

    def _saved_secret_known(self, name: str) -> bool:
        """Whether ``name`` has a saved secret, waiting for the keychain's answer if needed."""
        if name not in self._has_secret:
            job = self._check_secret(name)
            if job is not None:
                job.wait()
        return self._has_secret.get(name, False)

    @Slot()
    def new_profile(self) -> None:
        self.profile_list.clearSelection()
        self._load(None)
        self.name_edit.setFocus()

    @Slot()
    def delete_profile(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        name = self._editing
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete profile"),
            self.tr("Delete the profile \u201c{0}\u201d and its saved secret?").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        profiles = self.profiles
        self._has_secret.pop(name, None)
        done = self._run_and_wait(lambda: profiles.delete_profile(name))
        if done is not None and done.error is not None:
            self.error_label.setText(describe_error(done.error).text)
            return
        self._fill_list()
        active = self.profiles.active()
        if active is not None:
            self._select(active.name)
        else:
            self.new_profile()

    def _run_and_wait(self, action: Callable[[], object]) -> CallResult | None:
        """Run a settings/keychain change on the API thread; the dialog waits, still painting."""
        try:
            job = self.service.call("profile change", action)
        except RuntimeError:
            return None
        self.setEnabled(False)
        try:
            result = job.wait()
        finally:
            self.setEnabled(True)
        return result if isinstance(result, CallResult) else None

    def _show_keychain_status(self) -> None:
        # Finding the keychain loads keyring and may ask the OS: done on the API thread.
        try:
            job = self.service.call("keychain status", self.profiles.secrets.status)
        except RuntimeError:
            return
        job.done.connect(self.form.on_keychain_status_done)
        self._status_job = job

    # ---- form ------------------------------------------------------------------------

    def _form(self) -> tuple[Profile, str | None]:
        """The profile in the form, validated; raises CredentialError."""
        from PySide6.QtGui import QGuiApplication

        from iamport_desk import credentials as cred

        QGuiApplication.inputMethod().commit()
        existing = [p.name for p in self.profiles.profiles() if p.name != self._editing]
        name = cred.validate_profile_name(self.name_edit.text(), existing)
        key = cred.validate_imp_key(self.key_edit.text())
        raw_secret = self.secret_edit.text()
        secret = cred.validate_imp_secret(raw_secret) if raw_secret.strip() else None
        tier = cred.validate_tier_code(self.tier_edit.text())
        base = cred.validate_api_base(self.host_combo.currentText())
        return Profile(name=name, imp_key=key, tier_code=tier, api_base=base), secret

    @Slot()
    def save(self) -> None:
        try:
            profile, secret = self._form()
        except CredentialError as error:
            self.form.show_error(error)
            return
        if secret is None and (
            self._editing is None or not self._saved_secret_known(self._editing)
        ):
            self.form.show_error(
                CredentialError("The REST API secret is empty.", field="imp_secret", kind="empty")
            )
            return
        try:
            job = self.service.save_profile(
                self.profiles, profile, secret, previous_name=self._editing
            )
        except RuntimeError:
            return
        self.buttons.setEnabled(False)
        try:
            result = job.wait()
        finally:
            self.buttons.setEnabled(True)
        if not isinstance(result, SaveProfileResult):
            return
        if isinstance(result.error, CredentialError):
            self.form.show_error(result.error)
            return
        if result.error is not None:
            self.error_label.setText(describe_error(result.error).text)
            return
        if secret is not None and not result.persistent:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                self.tr("Secret kept for this session only"),
                keychain_reason_text(self.profiles.secrets.reason(profile.name)),
            )
            self._show_keychain_status()
        self.accept()

    @Slot()
    def test_connection(self) -> None:
        if self._test_job is not None:
            return
        try:
            profile, secret = self._form()
        except CredentialError as error:
            self.form.show_error(error)
            return
        api_base = self.api_base_override or profile.api_base
        source: CredentialsSource
        if secret is not None:
            source = GivenCredentials(
                Credentials(profile.imp_key, secret, profile.tier_code, api_base)
            )
        elif self._editing is not None:
            # The saved secret is read from the keychain on the API thread.
            source = FormCredentials(
                self.profiles, self._editing, profile.imp_key, profile.tier_code, api_base
            )
        else:
            self._show_empty_secret()
            return
        self.error_label.clear()
        try:
            job = self.service.test_connection(source)
        except RuntimeError:
            return
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting..."))
        self.test_button.setEnabled(False)
        job.done.connect(self.on_test_done)
        self._test_job = job

    def _show_empty_secret(self) -> None:
        self.form.show_error(
            CredentialError("The REST API secret is empty.", field="imp_secret", kind="empty")
        )

    @Slot(object)
    def on_test_done(self, result: TestConnectionResult) -> None:
        self._test_job = None
        self.test_button.setEnabled(True)
        if result.missing_secret:
            self.test_result.clear()
            self._show_empty_secret()
            return
        self.form.show_test_result(result)

    def done(self, result: int) -> None:
        # The dialog may close while a test runs: its answer must not reach a closed dialog.
        if self._test_job is not None:
            self._test_job.done.disconnect(self.on_test_done)
            self._test_job = None
            self.test_button.setEnabled(True)
        super().done(result)


def ask_credentials(
    parent: QWidget,
    profiles: ProfileStore,
    service: DeskService,
    reason: str | None,
    api_base_override: str | None,
) -> bool:
    """Open the dialog (modal) with ``reason`` on top; True if the clerk saved."""
    dialog = CredentialsDialog(
        profiles, service, reason=reason, parent=parent, api_base_override=api_base_override
    )
    return dialog.exec() == CredentialsDialog.DialogCode.Accepted
