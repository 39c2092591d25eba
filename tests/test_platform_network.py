"""A proxy set by hand (issue 12): kept in Settings, validated, shown with the one in use."""

from __future__ import annotations

import json
from pathlib import Path

import keyring.backends.fail
import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import open_window

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.models import Credentials, Profile
from iamport_desk.paths import AppPaths
from iamport_desk.rules import validate_proxy_url
from iamport_desk.settings import Settings, load_settings
from iamport_desk.simulator import Simulator

SECRET = "Sx9vQ2kLm4TzR8wPq1nB7cYd3fHj6gKa0eUo5iAs"


@pytest.fixture(autouse=True)
def no_environment_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _store(path: Path) -> ProfileStore:
    return ProfileStore(path, SecretStore(keyring.backends.fail.Keyring()))  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", None),
        ("   ", None),
        (None, None),
        ("http://proxy.corp:8080", "http://proxy.corp:8080"),
        (" HTTPS://Proxy.Corp:3128/ ", "https://proxy.corp:3128"),
        ("http://[::1]:3128", "http://[::1]:3128"),
    ],
)
def test_proxy_rule_accepts(raw: str | None, expected: str | None) -> None:
    assert validate_proxy_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "proxy.corp:8080",  # no scheme
        "http://proxy.corp",  # no port
        "socks5://proxy.corp:1080",
        "http://user:pass@proxy.corp:8080",  # a secret would land in the settings file
        "http://proxy.corp:8080/path",
        "http://proxy.corp:99999",
        "http://프록시:8080",
        "http://proxy corp:8080",
        "http://proxy.corp:8080\u200b",
    ],
)
def test_proxy_rule_refuses(raw: str) -> None:
    with pytest.raises(ValueError):
        validate_proxy_url(raw)


def test_proxy_round_trip_and_credentials(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = _store(path)
    store.save_profile(Profile("본점", "key"), SECRET)
    assert store.credentials() == Credentials("key", SECRET, proxy=None)
    store.set_proxy(" http://Proxy.corp:8080 ")
    assert load_settings(path)[0].proxy == "http://proxy.corp:8080"
    credentials = store.credentials()
    assert credentials is not None and credentials.proxy == "http://proxy.corp:8080"
    assert SECRET not in repr(credentials) and "proxy.corp" in repr(credentials)
    with pytest.raises(ValueError):
        store.set_proxy("http://user:pw@proxy.corp:8080")
    assert store.settings.proxy == "http://proxy.corp:8080"
    store.set_proxy("")
    assert load_settings(path)[0].proxy is None


@pytest.mark.parametrize("value", [42, "not a url", "http://u:p@h:1", ["x"]])
def test_a_damaged_stored_proxy_is_ignored(tmp_path: Path, value: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "language": "ko", "proxy": value}), "utf-8")
    assert load_settings(path) == (Settings(language="ko"), None)


def test_proxy_set_by_one_copy_survives_the_other(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    copy_a, copy_b = _store(path), _store(path)
    copy_a.set_proxy("http://proxy.corp:8080")
    copy_b.set_window_geometry("AdnQ")
    assert load_settings(path)[0].proxy == "http://proxy.corp:8080"


def test_dialog_shows_the_proxy_in_use_and_sets_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iamport_desk.ui.network_dialog import NetworkDialog

    store = _store(tmp_path / "settings.json")
    store.save_profile(Profile("본점", "key"), SECRET)
    dialog = NetworkDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.host_label.text() == "https://api.iamport.kr"
    assert dialog.in_use_label.text() == "a direct connection (no proxy)"

    monkeypatch.setenv("HTTPS_PROXY", "http://env-proxy.corp:3128")
    dialog = NetworkDialog(store)
    qtbot.addWidget(dialog)
    assert "http://env-proxy.corp:3128" in dialog.in_use_label.text()
    assert "environment" in dialog.in_use_label.text()

    dialog.proxy_edit.setText("http://user:pw@proxy.corp:8080")
    dialog.save()
    assert "no user name or password" in dialog.error_label.text()
    assert store.settings.proxy is None

    dialog.proxy_edit.setText("http://Proxy.corp:8080")
    dialog.save()
    assert store.settings.proxy == "http://proxy.corp:8080"
    assert dialog.proxy_edit.text() == "http://proxy.corp:8080"
    assert dialog.in_use_label.text() == "http://proxy.corp:8080 (set by hand)"
    assert dialog.error_label.text() == ""

    dialog.clear()
    assert store.settings.proxy is None
    assert "env-proxy" in dialog.in_use_label.text()


def test_dialog_never_shows_an_environment_proxys_password(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iamport_desk.ui.network_dialog import NetworkDialog

    monkeypatch.setenv("HTTPS_PROXY", "http://clerk:Hunter2pw@env-proxy.corp:3128")
    dialog = NetworkDialog(_store(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    shown = dialog.in_use_label.text()
    assert "env-proxy.corp:3128" in shown
    assert "Hunter2pw" not in shown and "clerk" not in shown


def test_dialog_follows_the_api_base_override(qtbot: QtBot, tmp_path: Path) -> None:
    from iamport_desk.ui.network_dialog import NetworkDialog

    store = _store(tmp_path / "settings.json")
    dialog = NetworkDialog(store, api_base_override="http://127.0.0.1:8123")
    qtbot.addWidget(dialog)
    assert dialog.host_label.text() == "http://127.0.0.1:8123"


def test_main_window_menu_opens_the_network_dialog(
    qtbot: QtBot, app_paths: AppPaths, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from iamport_desk.ui import network_dialog

    shown: list[str] = []

    def fake_exec(self: QDialog) -> int:
        assert isinstance(self, network_dialog.NetworkDialog)
        shown.append(self.host_label.text())
        return 0

    monkeypatch.setattr(network_dialog.NetworkDialog, "exec", fake_exec)
    with open_window(qtbot, app_paths, simulator) as (window, _):
        actions = {
            a.text(): a for menu in window.menuBar().actions() for a in menu.menu().actions()
        }
        actions["&Network..."].trigger()
    assert shown == [simulator.base_url]
