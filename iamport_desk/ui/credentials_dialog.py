"""Store profiles and their PortOne keys: add, edit, rename, delete, test, save."""

from __future__ import annotations

import itertools
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

from iamport_desk.credentials import CredentialError, ProfileStore, secret_field
from iamport_desk.jobs import (
    CallResult,
    SaveProfileResult,
    SecretCheckResult,
    TestConnectionResult,
)
from iamport_desk.models import Profile, StoreApi
from iamport_desk.profile_form import FormResult, FormTestCredentials, form_for, read_form
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
    """Edits the store profiles, V1 or V2. The secret is saved only when the clerk presses Save,
    and never shown again (the field is left empty: "keep the saved one").

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
        self._saved_api: dict[str, StoreApi] = {}  # the kind each secret was saved for
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
        self.kind_combo, self.name_edit, self.key_edit = (
            form.kind_combo,
            form.name_edit,
            form.key_edit,
        )
        self.secret_edit, self.show_secret_button = form.secret_edit, form.show_secret_button
        self.tier_edit, self.host_combo = form.tier_edit, form.host_combo
        self.store_id_edit, self.channel_key_edit = form.store_id_edit, form.channel_key_edit
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
        for before, after in itertools.pairwise([self.profile_list, *form.tab_chain]):
            self.setTabOrder(before, after)

        self._show_keychain_status()
        self._fill_list()
        active = profiles.active()
        if active is not None:
            self._select(active.name)
        else:
            self.new_profile()
        # Room for the wrapped hints (a top-level dialog does not grow for them by itself).
        self.resize(760, 520)

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
        self.form.load(form_for(profile))  # never the secret
        if profile is not None:
            self._saved_api[profile.name] = profile.api
            if profile.name not in self._has_secret:
                self._check_secret(profile.name)
        self._show_secret_placeholder()

    def _show_secret_placeholder(self) -> None:
        name = self._editing
        saved = name is not None and self._has_secret.get(name, False)
        self.form.show_saved_secret(self._saved_api.get(name) if saved and name else None)

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

    def _form(self) -> FormResult:
        """The profile in the form, validated field by field as shown; raises CredentialError.

        An empty secret means "keep the saved one": allowed only when one of the same kind is
        saved (asked of the keychain, on the API thread, if not known yet).
        """
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.inputMethod().commit()
        typed = self.form.current_input()
        editing = self.profiles.get(self._editing) if self._editing is not None else None
        existing = [p.name for p in self.profiles.profiles() if p.name != self._editing]
        has_saved = (
            editing is not None
            and not typed.secret.strip()
            and self._saved_secret_known(editing.name)
        )
        return read_form(typed, existing=existing, editing=editing, has_saved_secret=has_saved)

    @Slot()
    def save(self) -> None:
        try:
            result = self._form()
        except CredentialError as error:
            self.form.show_error(error)
            return
        profile, secret = result.profile, result.secret
        try:
            job = self.service.save_profile(
                self.profiles, profile, secret, previous_name=self._editing
            )
        except RuntimeError:
            return
        self.buttons.setEnabled(False)
        try:
            saved = job.wait()
        finally:
            self.buttons.setEnabled(True)
        if not isinstance(saved, SaveProfileResult):
            return
        if isinstance(saved.error, CredentialError):
            self.form.show_error(saved.error)
            return
        if saved.error is not None:
            self.error_label.setText(describe_error(saved.error).text)
            return
        if secret is not None and not saved.persistent:
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
            result = self._form()
        except CredentialError as error:
            self.form.show_error(error)
            return
        # A secret left empty is the saved one, read from the keychain on the API thread.
        source = FormTestCredentials(
            self.profiles, result, stored_profile=self._editing, host=self.api_base_override
        )
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
        field = secret_field(self.form.api)
        self.form.show_error(CredentialError("The secret is empty.", field=field, kind="empty"))

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
