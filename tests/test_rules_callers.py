"""One rule, every caller: the client, the profile store, the settings file and the dialog agree.

The API address and the Tier code used to be checked by two copies that disagreed (a path
prefix, a lower-case Tier code). Each input here goes through every caller of the rules and
all of them must come to the rules' answer: accepted with the same clean value, or refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from iamport_desk import rules
from iamport_desk.api import IamportClient
from iamport_desk.credentials import CredentialError, ProfileStore, SecretStore
from iamport_desk.models import Profile
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.settings import load_settings
from iamport_desk.worker import ApiThread, ApiWorker
from tests.test_hostile_input import GOOD, fill
from tests.ui_helpers import make_profiles

pytestmark = pytest.mark.timeout(60)

Answer = tuple[str, str | None] | None


# (API address, Tier code): each goes through the rules, the client, the credentials store, the
# settings file and the dialog, and all of them must come to the same answer.
AGREEMENT = [
    ("https://gw.example.co.kr/iamport/", ""),  # the dialog used to refuse a path prefix
    ("https://api.iamport.kr/v1", ""),
    (" https://API.iamport.kr/ ", ""),
    ("http://127.0.0.1:8123/", ""),
    ("http://api.iamport.kr", ""),
    ("https://아임포트.kr", ""),
    ("https://user:pw@api.iamport.kr", ""),
    ("https://api.iamport.kr/a/../b", ""),
    ("https://api.iamport.kr", "dm1"),  # the client used to refuse a lower-case Tier code
    ("https://api.iamport.kr", "AB1"),
    ("https://api.iamport.kr", "ab"),
    ("https://api.iamport.kr", "ＤＭ１"),
    ("https://api.iamport.kr", "dmı"),
    ("https://api.iamport.kr", "D 1"),
]


def by_the_rules(base: str, tier: str) -> Answer:
    try:
        return rules.validate_base_url(base), rules.validate_tier_code(tier)
    except ValueError:
        return None


def by_the_client(base: str, tier: str) -> Answer:
    try:
        client = IamportClient("key-1", "secret-1", base_url=base, tier_code=tier)
    except ValueError:
        return None
    with client:
        expected = by_the_rules(base, tier)
        assert expected is not None
        # The client's repr is its one public view of what it will talk to.
        assert f"base_url={expected[0]!r}, tier_code={expected[1]!r}" in repr(client)
        return expected


def by_the_store(app_paths: AppPaths, base: str, tier: str) -> Answer:
    store = ProfileStore(app_paths.settings_file.with_name("store.json"), SecretStore())
    try:
        store.save_profile(Profile("본점", "key-1", tier, base), "secret-1")
    except CredentialError as error:
        assert error.field in ("api_base", "tier_code")
        return None
    [saved] = store.profiles()
    return saved.api_base, saved.tier_code


def by_the_settings_file(app_paths: AppPaths, base: str, tier: str) -> Answer:
    path = app_paths.settings_file.with_name("hand-edited.json")
    profile = {"name": "본점", "imp_key": "key-1", "tier_code": tier, "api_base": base}
    path.write_text(json.dumps({"version": 1, "profiles": [profile]}), encoding="utf-8")
    settings, _notice = load_settings(path)
    if not settings.profiles:
        return None
    [loaded] = settings.profiles
    return loaded.api_base, loaded.tier_code


def by_the_dialog(dialog: Any, base: str, tier: str) -> Answer:
    fill(dialog, {**GOOD, "host": base, "tier": tier})
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    if dialog.result() != dialog.DialogCode.Accepted:
        assert dialog.error_label.text().startswith(("API host", "Tier code"))
        return None
    [saved] = dialog.profiles.profiles()
    return saved.api_base, saved.tier_code


@pytest.fixture
def dialog(qtbot: QtBot, app_paths: AppPaths) -> Iterator[Any]:
    from iamport_desk.ui.credentials_dialog import CredentialsDialog

    api = ApiThread(ApiWorker(app_paths.history_db))
    dialog = CredentialsDialog(make_profiles(app_paths, secret=None), DeskService(api))
    qtbot.addWidget(dialog)
    try:
        yield dialog
    finally:
        if dialog.result() != dialog.DialogCode.Accepted:
            dialog.done(0)
        api.stop()


@pytest.mark.parametrize(("base", "tier"), AGREEMENT, ids=[f"{b!r}-{t!r}" for b, t in AGREEMENT])
def test_client_settings_store_and_dialog_agree(
    dialog: Any, app_paths: AppPaths, memory_keyring: Any, base: str, tier: str
) -> None:
    expected = by_the_rules(base, tier)
    answers = {
        "client": by_the_client(base, tier),
        "store": by_the_store(app_paths, base, tier),
        "settings file": by_the_settings_file(app_paths, base, tier),
        "dialog": by_the_dialog(dialog, base, tier),
    }
    assert answers == dict.fromkeys(answers, expected)
