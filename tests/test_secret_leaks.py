"""A whole session with a distinctive secret, then a search of every file the app wrote and
of the log output for the secret and every token issued: none may be found."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.logsetup import configure_logging, install_excepthook
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import Fault, Simulator
from iamport_desk.ui.credentials_dialog import CredentialsDialog
from iamport_desk.ui.main_window import MainWindow
from tests.ui_helpers import Dialogs, cancel, look_up, make_profiles, open_window

KEY = "imp_live_key_4711"
SECRET = "Sx9-LEAKCANARY-7f3a2b1c0d-secret"

pytestmark = pytest.mark.timeout(60)


def fill_and_save(window: MainWindow, secret: str) -> bool:
    """Drives the real credentials dialog the way a clerk would, then presses Save."""
    dialog = CredentialsDialog(
        window.profiles, window.service, parent=window, api_base_override=window.api_base_override
    )
    try:
        if window.profiles.active() is None:
            dialog.name_edit.setText("본점")
        dialog.key_edit.setText(KEY)
        dialog.secret_edit.setText(secret)
        dialog.save()
        return dialog.result() == CredentialsDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def every_byte_written(paths: AppPaths) -> list[tuple[Path, bytes]]:
    found = []
    for folder in paths.all_dirs():
        for file in folder.rglob("*"):
            if file.is_file():
                found.append((file, file.read_bytes()))
    return found


@pytest.fixture
def restore_hooks():
    saved = sys.excepthook
    root = logging.getLogger()
    handlers = list(root.handlers)
    yield
    sys.excepthook = saved
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


def test_no_secret_or_token_reaches_any_file_or_log(
    qtbot: QtBot,
    app_paths: AppPaths,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    restore_hooks: None,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    caplog.set_level(logging.DEBUG)
    log_file = configure_logging(app_paths.log_dir, level=logging.DEBUG)
    apologies: list[BaseException] = []
    install_excepthook(apologies.append)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)

    simulator = Simulator(keys={KEY: SECRET})
    simulator.start()
    simulator.add_receipt("LEAK-0001", amount=10_000)
    simulator.add_receipt("LEAK-0002", amount=20_000)
    wrong = SECRET + "-WRONG"
    dialogs = Dialogs()
    answers = iter([wrong, SECRET, SECRET])
    dialogs.on_credentials = lambda window: fill_and_save(window, next(answers))
    profiles = ProfileStore(app_paths.settings_file, SecretStore())
    try:
        with open_window(qtbot, app_paths, simulator, profiles=profiles, dialogs=dialogs) as (
            window,
            _,
        ):
            # 1. No profile: the dialog asks, and the clerk types a wrong secret.
            look_up(qtbot, window, "LEAK-0001")
            assert "did not accept" in window.message.text()
            # 2. The app asked again (401 at getToken); the right secret is entered by hand.
            assert len(dialogs.credential_reasons) == 2
            look_up(qtbot, window, "LEAK-0001")
            cancel(qtbot, window)
            assert "cancelled" in window.message.text()
            # 3. The token stops working and getToken refuses once: 401, re-enter, go on.
            simulator.revoke_tokens()
            simulator.inject(
                "POST",
                "/users/getToken",
                Fault(
                    status=401,
                    body={"code": -1, "message": "인증에 실패했습니다", "response": None},
                ),
            )
            look_up(qtbot, window, "LEAK-0002")
            assert len(dialogs.credential_reasons) == 3
            look_up(qtbot, window, "LEAK-0002")
            cancel(qtbot, window)
            assert simulator.receipt("LEAK-0002")["cancelled_at"]
            # 4. A bug somewhere in a slot, with the secret in its text.
            from PySide6.QtCore import QTimer

            def buggy_slot() -> None:
                raise RuntimeError(f"unexpected failure while using {SECRET}")

            QTimer.singleShot(0, buggy_slot)
            qtbot.waitUntil(lambda: bool(apologies), timeout=5000)
            assert window.isVisible(), "the app keeps running after an unexpected error"
            # repr of everything that holds the secret
            for holder in (
                window.profiles,
                window.profiles.secrets,
                window.profiles.credentials(),
                window.service.api.worker,
            ):
                assert SECRET not in repr(holder)
    finally:
        simulator.stop()

    tokens = list(simulator.issued_tokens)
    assert len(tokens) >= 2, "the session should have used more than one token"
    needles = [SECRET.encode(), wrong.encode(), *(t.encode() for t in tokens)]
    written = every_byte_written(app_paths)
    assert any(path == log_file for path, _ in written), "the log file should exist"
    assert any(path == app_paths.history_db for path, _ in written)
    assert "Unhandled exception" in log_file.read_text(encoding="utf-8")
    for path, data in written:
        for needle in needles:
            assert needle not in data, f"{needle[:6]!r}... found in {path}"
    captured = caplog.text
    for record in caplog.records:
        captured += record.getMessage()
    for needle in needles:
        # caplog sees records before the file handler's filter: the raw message itself
        # must not carry secrets, except the deliberately planted exception text above.
        assert needle.decode() not in captured.replace(
            f"unexpected failure while using {SECRET}", ""
        )


# ------------------------------------------------------------------ server text echoing secrets


def _echo_forms(value: str) -> list[str]:
    import base64
    import urllib.parse

    raw = value.encode()
    return [
        value,
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote_plus(value),
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        base64.b64encode(f"{KEY}:{value}".encode()).decode(),  # inside a Basic header
        base64.urlsafe_b64encode(b"{'s':'" + raw + b"'}").decode(),  # inside a JWT-ish part
    ]


def _echoing(simulator: Simulator) -> str:
    forms = _echo_forms(SECRET) + [
        form for token in simulator.issued_tokens for form in _echo_forms(token)
    ]
    return "debug: " + " | ".join(forms)


def _assert_clean(text: str, simulator: Simulator) -> None:
    for value in (SECRET, *simulator.issued_tokens):
        for form in _echo_forms(value):
            assert form not in text, f"{form[:8]}... leaked"


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_a_server_message_echoing_the_secret_or_token_is_masked_in_the_error(
    method: str,
) -> None:
    from iamport_desk.api import IamportClient, IamportError

    with Simulator(keys={KEY: SECRET}) as simulator:
        simulator.add_receipt("LEAK-0003", amount=1000)
        with IamportClient(KEY, SECRET, base_url=simulator.base_url) as client:
            client.get_token()
            body = {"code": -1, "message": _echoing(simulator), "response": None}
            simulator.inject(method, "/receipts/", Fault(status=500, body=body))
            call = client.lookup if method == "GET" else client.cancel
            with pytest.raises(IamportError) as caught:
                call("LEAK-0003")
        error = caught.value
        assert error.message is not None and error.message.startswith("debug: ***")
        for text in (str(error), repr(error), error.message):
            _assert_clean(text, simulator)


def test_an_auth_refusal_echoing_the_secret_is_masked() -> None:
    from iamport_desk.api import AuthenticationError, IamportClient

    with Simulator(keys={KEY: SECRET}) as simulator:
        body = {"code": -1, "message": _echoing(simulator), "response": None}
        simulator.inject("POST", "/users/getToken", Fault(status=401, body=body))
        with (
            IamportClient(KEY, SECRET, base_url=simulator.base_url) as client,
            pytest.raises(AuthenticationError) as caught,
        ):
            client.get_token()
        _assert_clean(f"{caught.value!s} {caught.value!r} {caught.value.message}", simulator)


def test_an_echoed_secret_reaches_no_screen_history_or_log(
    qtbot: QtBot, app_paths: AppPaths, caplog: pytest.LogCaptureFixture, restore_hooks: None
) -> None:
    caplog.set_level(logging.DEBUG)
    configure_logging(app_paths.log_dir, level=logging.DEBUG)
    simulator = Simulator(keys={KEY: SECRET})
    simulator.start()
    simulator.add_receipt("LEAK-0004", amount=10_000)
    profiles = make_profiles(app_paths, key=KEY, secret=SECRET)
    try:
        with open_window(qtbot, app_paths, simulator, profiles=profiles) as (window, _):
            look_up(qtbot, window, "LEAK-0004")
            body = {"code": -1, "message": _echoing(simulator), "response": None}
            simulator.inject("DELETE", "/receipts/", Fault(status=500, body=body))
            cancel(qtbot, window)
            shown = window.message.text()
            assert "debug: ***" in shown
            _assert_clean(shown, simulator)
    finally:
        simulator.stop()
    for path, data in every_byte_written(app_paths):
        _assert_clean(data.decode("utf-8", errors="replace"), simulator)
        assert path.exists()
    _assert_clean(caplog.text, simulator)
