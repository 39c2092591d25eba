"""V1 and V2 store profiles: the models, the settings file (today's files unchanged), the rules
of a V2 store and ProfileStore's save/rename/delete/test for V2."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import MemoryKeyring

from iamport_desk import rules
from iamport_desk.credentials import KEYRING_SERVICE, CredentialError, ProfileStore, SecretStore
from iamport_desk.errors import AuthenticationError
from iamport_desk.models import (
    DEFAULT_API_BASE,
    STATIC_API_BASE,
    V2_API_BASE,
    Credentials,
    Profile,
    StoreApi,
)
from iamport_desk.settings import Settings, load_settings, save_settings
from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID, SimulatorV2
from iamport_desk.store_clients import check_store_access

V1_SECRET = "Sx9vQ2kLm4TzR8wPq1nB7cYd3fHj6gKa0eUo5iAs"
V2_SECRET = "Qw3rTy7uIo1pAs5dFg9hJk2lZx6cVb0nMq4wEr8tYu3iOp7aSd1fGh5jKl9zXc2vBn6mQw0eRt4yUi8o"
V2_OTHER = "Pl0oKi9jUh8yGt7fRd6eSw5aQz4xCv3bNm2lKj1hGf0dSa9pOi8uYt7rEw6qZx5c"
STORE_UUID = "store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec"

# settings.json exactly as the version before V2 stores writes it (json.dump, indent 2).
TODAYS_FILE = """{
  "version": 1,
  "profiles": [
    {
      "name": "본점",
      "imp_key": "1234567890123456",
      "tier_code": "AB1",
      "api_base": "https://api.iamport.kr"
    },
    {
      "name": "지점",
      "imp_key": "6543210987654321",
      "tier_code": null,
      "api_base": "https://static-api.iamport.kr"
    }
  ],
  "active_profile": "지점",
  "language": "ko",
  "window_geometry": null,
  "proxy": "http://proxy.office:3128"
}
"""


# --- the models -------------------------------------------------------------------------


def test_a_profile_without_a_kind_is_v1_as_before() -> None:
    profile = Profile("본점", "1234")
    assert profile.api is StoreApi.V1 and profile.store_id is None
    assert profile.api_base == DEFAULT_API_BASE
    assert Profile("본점", "1234", None, STATIC_API_BASE).api_base == STATIC_API_BASE


def test_a_v2_profile_defaults_to_portones_v2_host() -> None:
    profile = Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID)
    assert profile.api_base == V2_API_BASE == "https://api.portone.io"
    assert profile.imp_key == "" and profile.tier_code is None


def test_the_kind_given_as_text_is_the_enum() -> None:
    profile = Profile("온라인", api="v2")  # type: ignore[arg-type]
    assert profile.api is StoreApi.V2 and profile.api_base == V2_API_BASE
    assert Credentials("", V2_SECRET, api="v2").api is StoreApi.V2  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Profile("x", api="v3")  # type: ignore[arg-type]


def test_credentials_carry_the_kind_store_id_and_proxy() -> None:
    profile = Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID)
    credentials = profile.with_secret(V2_SECRET, proxy="http://proxy.office:3128")
    assert credentials == Credentials(
        "",
        V2_SECRET,
        None,
        V2_API_BASE,
        "http://proxy.office:3128",
        api=StoreApi.V2,
        store_id=STORE_UUID,
    )
    assert credentials.secret == V2_SECRET


@pytest.mark.parametrize("api", list(StoreApi))
def test_credentials_repr_never_shows_the_secret(api: StoreApi) -> None:
    credentials = Credentials("key-1", V2_SECRET, api=api, store_id=STORE_UUID)
    text = f"{credentials!r} {credentials} {[credentials]!r}"
    assert V2_SECRET not in text and "***" in text
    assert ("store-4ff4" in text) is (api is StoreApi.V2)


# --- the rules --------------------------------------------------------------------------


def test_store_api_absent_is_v1() -> None:
    assert rules.validate_store_api(None) is StoreApi.V1
    assert rules.validate_store_api("") is StoreApi.V1
    assert rules.validate_store_api(" V2 ") is StoreApi.V2
    for raw in ("v3", 2, ["v2"]):
        with pytest.raises(rules.RuleError) as info:
            rules.validate_store_api(raw)
        assert (info.value.field, info.value.kind) == ("api", "format")


def test_v2_secret_accepts_a_console_secret_and_strips() -> None:
    assert rules.validate_v2_api_secret(f"  {V2_SECRET}\n") == V2_SECRET
    assert rules.validate_v2_api_secret(DEMO_API_SECRET) == DEMO_API_SECRET
    bound = "a" * rules.MAX_V2_SECRET_LENGTH
    assert rules.validate_v2_api_secret(bound) == bound


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abcdEFGH1234 5678ijkl", "whitespace"),
        ("PortOne " + V2_SECRET, "whitespace"),  # the header's scheme pasted along
        ("abcdEFGH1234\x005678ijkl", "control"),
        ("abcdEFGH1234\u200b5678ijkl", "non_ascii"),
        ("abcdEFGH1234５678ijkl", "non_ascii"),
        ("a" * (rules.MIN_V2_SECRET_LENGTH - 1), "too_short"),
        ("a" * (rules.MAX_V2_SECRET_LENGTH + 1), "too_long"),
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdG9yZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ", "format"),
        ("eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIi" * 60 + ".c2lnbmF0dXJl", "format"),  # however long
    ],
)
def test_v2_secret_errors_never_hold_the_value(raw: str, kind: str) -> None:
    with pytest.raises(rules.RuleError) as info:
        rules.validate_v2_api_secret(raw)
    assert (info.value.field, info.value.kind) == ("api_secret", kind)
    if raw.strip():
        assert raw.strip() not in f"{info.value} {info.value!r}"


def test_store_id_accepts_portones_form_and_none() -> None:
    assert rules.validate_store_id(f" {STORE_UUID} ") == STORE_UUID
    assert rules.validate_store_id(STORE_UUID.upper().replace("STORE-", "store-")) is not None
    assert rules.validate_store_id(DEMO_STORE_ID) == DEMO_STORE_ID  # the practice store's
    assert rules.validate_store_id(None) is None
    assert rules.validate_store_id("  ") is None
    assert rules.is_portone_store_uuid(STORE_UUID)
    assert not rules.is_portone_store_uuid(DEMO_STORE_ID)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("store-4ff4af41 85e3", "whitespace"),
        ("store-\x01abc", "control"),
        ("store-가맹점", "non_ascii"),
        ("store-" + "a" * 60, "too_long"),
        ("channel-key-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec", "format"),
        ("merchant-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec", "format"),
        ("4ff4af41-85e3-4559-8eb8-0d08a2c6ceec", "format"),
        ("store-", "format"),
        ("store-abc-", "format"),
        ("store-abc_def", "format"),
    ],
)
def test_store_id_errors(raw: str, kind: str) -> None:
    with pytest.raises(rules.RuleError) as info:
        rules.validate_store_id(raw)
    assert (info.value.field, info.value.kind) == ("store_id", kind)


def test_v2_host_is_portone_or_this_computer() -> None:
    assert rules.validate_v2_base_url("https://api.portone.io/") == V2_API_BASE
    assert rules.validate_v2_base_url("http://127.0.0.1:8123") == "http://127.0.0.1:8123"
    for raw in (DEFAULT_API_BASE, STATIC_API_BASE, "https://gw.example.co.kr/portone"):
        with pytest.raises(rules.RuleError) as info:
            rules.validate_v2_base_url(raw)
        assert (info.value.field, info.value.kind) == ("api_base", "format")
    with pytest.raises(rules.RuleError):
        rules.validate_v2_base_url("http://api.portone.io")


# --- the settings file ------------------------------------------------------------------


def test_todays_file_loads_unchanged_and_is_written_back_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(TODAYS_FILE, encoding="utf-8")
    settings, notice = load_settings(path)
    assert notice is None
    assert settings.profiles == (
        Profile("본점", "1234567890123456", "AB1", DEFAULT_API_BASE),
        Profile("지점", "6543210987654321", None, STATIC_API_BASE),
    )
    assert all(p.api is StoreApi.V1 for p in settings.profiles)
    assert settings.active_profile == "지점" and settings.proxy == "http://proxy.office:3128"
    save_settings(path, settings)
    assert path.read_text(encoding="utf-8") == TODAYS_FILE  # older copies read it as before
    assert list(tmp_path.iterdir()) == [path]  # nothing was kept aside


def test_v2_profiles_round_trip_without_any_secret(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    v2 = Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID)
    v2_own_store = Profile("연습", api=StoreApi.V2, api_base="http://127.0.0.1:8123")
    settings = Settings(profiles=(Profile("본점", "1234"), v2, v2_own_store))
    save_settings(path, settings)
    entries = json.loads(path.read_text(encoding="utf-8"))["profiles"]
    assert entries[1] == {
        "name": "온라인",
        "api": "v2",
        "store_id": STORE_UUID,
        "api_base": V2_API_BASE,
    }
    assert "api" not in entries[0]
    assert b"secret" not in path.read_bytes().lower()
    assert load_settings(path) == (settings, None)


def test_v2_entries_are_read_tolerantly(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    document = {
        "version": 1,
        "profiles": [
            # fields of the other kind are ignored, the host may be left out
            {"name": "온라인", "api": "v2", "imp_key": "x", "tier_code": "AB1"},
            {"name": "미래", "api": "v3", "imp_key": "1234"},  # a kind this version lacks
            {"name": "틀린 상점", "api": "v2", "store_id": "channel-key-1"},
            {"name": "틀린 주소", "api": "v2", "api_base": DEFAULT_API_BASE},
            {"name": "숫자", "api": "v2", "store_id": 7},
            {"name": "본점", "imp_key": "1234", "api": None},
        ],
        "active_profile": "온라인",
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings.profiles == (
        Profile("온라인", api=StoreApi.V2),
        Profile("본점", "1234"),
    )
    assert settings.active_profile == "온라인"
    assert notice is not None and notice.startswith("4 damaged store profile entries")
    assert len(list(tmp_path.glob("settings.json.corrupt-*"))) == 1  # the original is kept


# --- ProfileStore -----------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path, memory_keyring: MemoryKeyring) -> ProfileStore:
    return ProfileStore(tmp_path / "settings.json", SecretStore(memory_keyring))


def test_save_a_v2_profile_keeps_its_secret_in_the_keychain(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    persistent = store.save_profile(
        Profile(" 온라인 ", "ignored-key", "AB1", api=StoreApi.V2, store_id=f" {STORE_UUID}"),
        f" {V2_SECRET} ",
    )
    assert persistent is True
    expected = Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID)
    assert store.profiles() == (expected,)
    assert memory_keyring.store == {(KEYRING_SERVICE, "온라인"): V2_SECRET}
    assert store.credentials() == expected.with_secret(V2_SECRET)
    assert V2_SECRET.encode() not in store.settings_path.read_bytes()
    reopened = ProfileStore(store.settings_path, SecretStore(memory_keyring))
    assert reopened.credentials("온라인") == expected.with_secret(V2_SECRET)


def test_v2_profile_is_validated_by_the_v2_rules(store: ProfileStore) -> None:
    cases = [
        (Profile("a", api=StoreApi.V2), None, ("api_secret", "empty")),
        (Profile("a", api=StoreApi.V2), "short-secret", ("api_secret", "too_short")),
        (Profile("a", api=StoreApi.V2, store_id="channel-1"), V2_SECRET, ("store_id", "format")),
        (
            Profile("a", api=StoreApi.V2, api_base=DEFAULT_API_BASE),
            V2_SECRET,
            ("api_base", "format"),
        ),
    ]
    for profile, secret, expected in cases:
        with pytest.raises(CredentialError) as info:
            store.save_profile(profile, secret)
        assert (info.value.field, info.value.kind) == expected
        if secret is not None:
            assert secret not in repr(info.value)
    assert store.profiles() == ()
    assert not store.settings_path.exists()


def test_rename_a_v2_profile_moves_its_secret(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.save_profile(Profile("온라인", api=StoreApi.V2), V2_SECRET)
    store.save_profile(
        Profile("온라인 본점", api=StoreApi.V2, store_id=STORE_UUID), None, previous_name="온라인"
    )
    assert [p.name for p in store.profiles()] == ["온라인 본점"]
    assert store.active() == Profile("온라인 본점", api=StoreApi.V2, store_id=STORE_UUID)
    assert memory_keyring.store == {(KEYRING_SERVICE, "온라인 본점"): V2_SECRET}
    credentials = store.credentials()
    assert credentials is not None and credentials.secret == V2_SECRET
    assert credentials.store_id == STORE_UUID


def test_delete_a_v2_profile_removes_its_secret(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.save_profile(Profile("본점", "1234"), V1_SECRET)
    store.save_profile(Profile("온라인", api=StoreApi.V2), V2_SECRET)
    store.set_active("온라인")
    store.delete_profile("온라인")
    assert store.profiles() == (Profile("본점", "1234"),)
    assert store.active() == Profile("본점", "1234")
    assert memory_keyring.store == {(KEYRING_SERVICE, "본점"): V1_SECRET}


@pytest.mark.parametrize(("start", "to"), [(StoreApi.V1, StoreApi.V2), (StoreApi.V2, StoreApi.V1)])
def test_changing_the_kind_needs_the_other_apis_secret(
    store: ProfileStore, memory_keyring: MemoryKeyring, start: StoreApi, to: StoreApi
) -> None:
    first = {StoreApi.V1: (Profile("상점", "1234"), V1_SECRET)}
    first[StoreApi.V2] = (Profile("상점", api=StoreApi.V2), V2_SECRET)
    store.save_profile(*first[start])
    changed, secret = first[to]
    with pytest.raises(CredentialError) as info:
        store.save_profile(changed, None, previous_name="상점")
    assert info.value.kind == "empty"
    assert info.value.field == ("api_secret" if to is StoreApi.V2 else "imp_secret")
    assert store.profiles() == (first[start][0],)  # nothing changed
    store.save_profile(changed, secret, previous_name="상점")
    assert store.profiles() == (changed,)
    assert memory_keyring.store == {(KEYRING_SERVICE, "상점"): secret}


def test_edit_a_v2_profile_keeps_its_secret(store: ProfileStore) -> None:
    store.save_profile(Profile("온라인", api=StoreApi.V2), V2_SECRET)
    store.save_profile(
        Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID), None, previous_name="온라인"
    )
    credentials = store.credentials("온라인")
    assert credentials is not None
    assert (credentials.secret, credentials.store_id) == (V2_SECRET, STORE_UUID)
    store.save_profile(Profile("온라인", api=StoreApi.V2), V2_OTHER, previous_name="온라인")
    assert store.credentials("온라인") == Profile("온라인", api=StoreApi.V2).with_secret(V2_OTHER)


def test_credentials_carry_the_proxy_set_by_hand(store: ProfileStore) -> None:
    store.save_profile(Profile("온라인", api=StoreApi.V2), V2_SECRET)
    store.set_proxy("http://proxy.office:3128")
    credentials = store.credentials()
    assert credentials is not None and credentials.proxy == "http://proxy.office:3128"


def test_session_hosts_send_each_kind_to_its_own_host(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    hosts = {StoreApi.V1: "http://127.0.0.1:8001/", StoreApi.V2: "http://127.0.0.1:8002"}
    store = ProfileStore(tmp_path / "s.json", SecretStore(memory_keyring), session_hosts=hosts)
    store.save_profile(Profile("본점", "1234"), V1_SECRET)
    store.save_profile(Profile("온라인", api=StoreApi.V2), V2_SECRET)
    v1, v2 = store.credentials("본점"), store.credentials("온라인")
    assert v1 is not None and v1.api_base == "http://127.0.0.1:8001"
    assert v2 is not None and v2.api_base == "http://127.0.0.1:8002"
    assert store.session_host(StoreApi.V2) == "http://127.0.0.1:8002"
    assert b"127.0.0.1" not in store.settings_path.read_bytes()  # the profiles keep their own


def test_test_connection_of_a_v2_profile_is_check_access(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    with SimulatorV2() as sim2:
        store = ProfileStore(tmp_path / "s.json", SecretStore(memory_keyring))
        store.save_profile(
            Profile("연습", api=StoreApi.V2, store_id=DEMO_STORE_ID, api_base=sim2.base_url),
            DEMO_API_SECRET,
        )
        store.save_profile(
            Profile("틀림", api=StoreApi.V2, api_base=sim2.base_url), "wrong-but-well-formed-secret"
        )
        practice, wrong = store.credentials("연습"), store.credentials("틀림")
        assert practice is not None and wrong is not None
        assert check_store_access(practice) is None
        with pytest.raises(AuthenticationError):
            check_store_access(wrong)
        listed = [r for r in sim2.requests if r.path == "/cash-receipts"]
        assert [r.headers.get("authorization") for r in listed] == [
            f"PortOne {DEMO_API_SECRET}",
            "PortOne wrong-but-well-formed-secret",
        ]


# ---- the channel key a correction issues through (issue 15) ---------------------------


@pytest.mark.parametrize("api", [StoreApi.V1, StoreApi.V2])
def test_channel_key_is_kept_with_the_profile_and_reaches_the_credentials(
    tmp_path: Path, api: StoreApi
) -> None:
    base = Profile("x", imp_key="imp_12345678" if api is StoreApi.V1 else "", api=api)
    profile = replace(base, channel_key="channel-key-0f1e2d3c-aaaa-bbbb-cccc-123456789abc")
    path = tmp_path / "settings.json"
    save_settings(path, Settings(profiles=[profile]))
    loaded = load_settings(path)[0].profiles[0]
    assert loaded.channel_key == profile.channel_key
    assert loaded.with_secret("s" * 20).channel_key == profile.channel_key


def test_an_entry_without_a_channel_key_is_written_as_before(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(profiles=[Profile("x", imp_key="imp_12345678")]))
    assert "channel_key" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("channel-key-a b", "whitespace"),
        ("store-abc", "format"),
        ("channel-key-" + "a" * 80, "too_long"),
    ],
)
def test_a_channel_key_that_is_none_is_refused(raw: str, kind: str) -> None:
    with pytest.raises(rules.RuleError) as caught:
        rules.validate_channel_key(raw)
    assert caught.value.field == "channel_key"
    assert caught.value.kind == kind
    assert raw not in str(caught.value)
