"""The keychain on Windows and macOS (issue 17 item 6) and its real causes (issue 18).

The platforms' backends are faked with the errors their libraries raise: pywin32's error
with a ``winerror``, and keyring's macOS backend wrapping the Security framework's
KeychainDenied (-128) / SecAuthFailure (-25293). The real keychain is never touched.
"""

from __future__ import annotations

from pathlib import Path

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from conftest import MemoryKeyring
from keyring.backends.Windows import WinVaultKeyring
from pytestqt.qtbot import QtBot
from ui_helpers import PROFILE, Dialogs, open_window

from iamport_desk.credentials import ProfileStore
from iamport_desk.keychain import (
    CRED_PERSIST_LOCAL_MACHINE,
    KeychainReason,
    SecretStore,
    keychain_error_reason,
)
from iamport_desk.models import Profile
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.ui.words import keychain_reason_text

SECRET = "Sx9vQ2kLm4TzR8wPq1nB7cYd3fHj6gKa0eUo5iAs"


class FakeWinVault(WinVaultKeyring):
    """Windows Credential Manager in memory: records the persistence each write used."""

    def __init__(self, write_error: BaseException | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[str, str] = {}
        self.persist_used: list[object] = []
        self.write_error = write_error

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.write_error is not None:
            raise self.write_error
        # What WinVaultKeyring._set_password passes to CredWrite as Persist.
        self.persist_used.append(self.__dict__.get("_persist", "CRED_PERSIST_ENTERPRISE"))
        self.store[username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop(username, None)


class PyWinTypesError(Exception):
    """Like pywintypes.error / win32ctypes' error: (winerror, funcname, strerror)."""

    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror = winerror
        self.funcname = funcname
        self.strerror = strerror


class KeychainDenied(Exception):
    """keyring.backends.macOS.api.KeychainDenied: (status, message)."""


class SecAuthFailure(Exception):
    """keyring.backends.macOS.api.SecAuthFailure: (status, message)."""


class FakeMacKeychain(MemoryKeyring):
    """keyring's macOS backend, as it wraps the Security framework's errors."""

    def __init__(self, read: BaseException | None = None, write: BaseException | None = None):
        super().__init__()
        self.read, self.write, self.reads = read, write, 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        if self.read is not None:
            raise self.read
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.write is not None:
            raise self.write
        super().set_password(service, username, password)


def _mac_denied() -> BaseException:
    try:
        try:
            raise KeychainDenied(-128, "Keychain Access Denied")
        except KeychainDenied as e:
            raise keyring.errors.KeyringLocked(f"Can't get password from keychain: {e}") from e
    except keyring.errors.KeyringLocked as wrapped:
        return wrapped


def _mac_auth_failed() -> BaseException:
    try:
        try:
            raise SecAuthFailure(-25293, "Security Auth Failure")
        except SecAuthFailure as e:
            raise keyring.errors.PasswordSetError(f"Can't store password: {e}") from e
    except keyring.errors.PasswordSetError as wrapped:
        return wrapped


# --- Windows ----------------------------------------------------------------------------


def test_windows_writes_with_local_persistence_not_enterprise() -> None:
    backend = FakeWinVault()
    assert SecretStore(backend).set("본점", SECRET) is True
    assert backend.persist_used == [CRED_PERSIST_LOCAL_MACHINE]


def test_windows_local_persistence_also_inside_a_chain(memory_keyring: MemoryKeyring) -> None:
    vault = FakeWinVault()

    class Chain(keyring.backends.chainer.ChainerBackend):
        backends = (vault,)

    store = SecretStore(Chain())
    assert store.status().persistent
    store.get("본점")
    assert vault.__dict__.get("_persist") == CRED_PERSIST_LOCAL_MACHINE


def test_elevated_or_remote_session_is_reported_as_such() -> None:
    error = PyWinTypesError(1312, "CredWrite", "A specified logon session does not exist.")
    store = SecretStore(FakeWinVault(write_error=error))
    assert store.set("본점", SECRET) is False
    assert store.get("본점") == SECRET  # kept for the session
    assert store.reason("본점") is KeychainReason.NO_SESSION
    status = store.status()
    assert status.persistent is False and status.code is KeychainReason.NO_SESSION
    text = keychain_reason_text(status.code)
    assert "administrator" in text and "No system keychain" not in text


def test_windows_access_denied_is_a_refusal() -> None:
    error = PyWinTypesError(5, "CredWrite", "Access is denied.")
    assert keychain_error_reason(error) is KeychainReason.REFUSED


# --- macOS ------------------------------------------------------------------------------


def test_denied_keychain_prompt_is_reported_and_not_asked_again_on_every_read() -> None:
    backend = FakeMacKeychain(read=_mac_denied())
    store = SecretStore(backend)
    assert store.get("본점") is None
    assert store.reason("본점") is KeychainReason.DENIED  # not "locked", not "absent"
    assert store.get("본점") is None
    assert backend.reads == 1  # no second system prompt for the same profile
    backend.read = None
    assert store.set("본점", SECRET) is True  # saving anew asks again, and clears the denial
    assert store.reason("본점") is None


def test_unsigned_update_auth_failure_is_a_denial() -> None:
    store = SecretStore(FakeMacKeychain(write=_mac_auth_failed()))
    assert store.set("본점", SECRET) is False
    assert store.reason("본점") is KeychainReason.DENIED
    assert store.status().code is KeychainReason.DENIED


# --- Linux and every platform: locked, absent, none -------------------------------------


def test_locked_keychain_is_locked_not_absent() -> None:
    store = SecretStore(FakeMacKeychain(read=keyring.errors.KeyringLocked("Failed to unlock")))
    assert store.get("본점") is None
    assert store.reason("본점") is KeychainReason.LOCKED
    assert "locked" in keychain_reason_text(store.reason("본점"))


def test_absent_secret_is_absent(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(memory_keyring)
    assert store.get("본점") is None
    assert store.reason("본점") is KeychainReason.ABSENT
    store.set("본점", SECRET)
    assert store.reason("본점") is None


@pytest.mark.parametrize(
    ("backend", "code"),
    [
        (keyring.backends.fail.Keyring(), KeychainReason.NO_KEYCHAIN),  # type: ignore[no-untyped-call]
        (keyring.backends.null.Keyring(), KeychainReason.DISABLED),  # type: ignore[no-untyped-call]
    ],
    ids=["fail", "null"],
)
def test_no_usable_keychain_has_its_code(backend: object, code: KeychainReason) -> None:
    store = SecretStore(backend)
    assert store.status().code is code
    assert store.set("본점", SECRET) is False
    assert store.reason("본점") is code


def test_every_reason_has_its_own_sentence() -> None:
    sentences = {code: keychain_reason_text(code) for code in KeychainReason}
    assert len(set(sentences.values())) == len(KeychainReason)


# --- the main window tells the real cause ----------------------------------------------


@pytest.mark.parametrize(
    ("read_error", "expected"),
    [(_mac_denied(), "denied"), (keyring.errors.KeyringLocked("locked"), "locked")],
    ids=["denied", "locked"],
)
def test_window_says_locked_or_denied_instead_of_asking_for_the_secret(
    qtbot: QtBot,
    app_paths: AppPaths,
    simulator: Simulator,
    read_error: BaseException,
    expected: str,
) -> None:
    seed = ProfileStore(app_paths.settings_file, SecretStore(MemoryKeyring()))
    seed.save_profile(Profile(PROFILE, DEMO_IMP_KEY), DEMO_IMP_SECRET)
    profiles = ProfileStore(app_paths.settings_file, SecretStore(FakeMacKeychain(read=read_error)))
    dialogs = Dialogs()
    with open_window(qtbot, app_paths, simulator, profiles=profiles, dialogs=dialogs) as (
        window,
        _,
    ):
        window.order_edit.setText("ORDER-1001")
        window.lookup()
        # The keychain is read on the API thread; the sentence comes back with the result.
        qtbot.waitUntil(lambda: expected in window.message.text(), timeout=10_000)
        shown = window.message.text()
    assert dialogs.credential_reasons == []  # not "enter the secret again"
    assert expected in shown and "not available on this PC" not in shown
    assert simulator.count("GET") == 0


def test_credentials_dialog_shows_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    from iamport_desk.ui.credentials_dialog import CredentialsDialog
    from iamport_desk.worker import ApiThread, ApiWorker

    error = PyWinTypesError(1312, "CredWrite", "A specified logon session does not exist.")
    secrets = SecretStore(FakeWinVault(write_error=error))
    profiles = ProfileStore(tmp_path / "settings.json", secrets)
    profiles.save_profile(Profile("본점", "key"), SECRET)
    from iamport_desk.service import DeskService

    api = ApiThread(ApiWorker(tmp_path / "h.sqlite3"))
    try:
        dialog = CredentialsDialog(profiles, DeskService(api))
        qtbot.addWidget(dialog)
        # The keychain status is asked on the API thread and shown when it comes back.
        qtbot.waitUntil(
            lambda: dialog.keychain_label.text() == keychain_reason_text("no_session"),
            timeout=10_000,
        )
        dialog.close()
    finally:
        api.stop()
