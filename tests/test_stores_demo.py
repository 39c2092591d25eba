"""The demo's practice stores: a V1 and a V2 one, each on its own simulator, without a window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import pytest

from iamport_desk import app
from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.demo_stores import (
    DEMO_PROFILE,
    DEMO_TIER_PROFILE,
    DEMO_V2_PROFILE,
    ensure_demo_profiles,
    practice_orders,
)
from iamport_desk.errors import ApiError, OutcomeUnknown
from iamport_desk.models import DEFAULT_API_BASE, Profile, StoreApi
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, DEMO_ORDERS, Simulator
from iamport_desk.simulator.demo import DEMO_CHANNEL_KEY
from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_PAYMENTS, DEMO_STORE_ID, SimulatorV2
from iamport_desk.simulator_v2 import DEMO_CHANNEL_KEY as V2_CHANNEL_KEY
from iamport_desk.store_clients import client_for

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def simulators() -> Iterator[tuple[Simulator, SimulatorV2]]:
    with Simulator() as sim, SimulatorV2() as sim2:
        yield sim, sim2


def _hosts(sims: tuple[Simulator, SimulatorV2]) -> dict[StoreApi, str]:
    return {StoreApi.V1: sims[0].base_url, StoreApi.V2: sims[1].base_url}


def _demo_store(path: Path, hosts: dict[StoreApi, str]) -> ProfileStore:
    secrets = SecretStore(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    return ProfileStore(path, secrets, session_hosts=hosts)


def test_both_practice_stores_work_on_their_simulators(
    tmp_path: Path, simulators: tuple[Simulator, SimulatorV2]
) -> None:
    store = _demo_store(tmp_path / "settings.json", _hosts(simulators))
    ensure_demo_profiles(store)
    assert [p.name for p in store.profiles()] == [DEMO_PROFILE, DEMO_TIER_PROFILE, DEMO_V2_PROFILE]
    assert store.active() is not None and store.active().name == DEMO_PROFILE  # type: ignore[union-attr]
    v2 = store.get(DEMO_V2_PROFILE)
    assert v2 is not None and (v2.api, v2.store_id) == (StoreApi.V2, DEMO_STORE_ID)
    assert not store.secrets.has_persistent_secret(DEMO_V2_PROFILE)  # session only

    v1_credentials = store.credentials(DEMO_PROFILE)
    v2_credentials = store.credentials(DEMO_V2_PROFILE)
    assert v1_credentials is not None and v2_credentials is not None
    assert v1_credentials.api_base == simulators[0].base_url
    assert v2_credentials.api_base == simulators[1].base_url
    for credentials, cancellable, pg_fail, lost in (
        (v1_credentials, "ORDER-20261125-0002", "ORDER-PG-FAIL", "ORDER-LOST"),
        (v2_credentials, "pay-20261125-0002", "pay-pg-fail", "pay-lost"),
    ):
        client = client_for(credentials)
        try:
            assert client.cancel(cancellable).is_cancelled
            with pytest.raises(ApiError):
                client.cancel(pg_fail)
            with pytest.raises(OutcomeUnknown):
                client.cancel(lost)
        finally:
            client.close()


def test_a_new_start_points_the_practice_stores_at_the_new_simulators(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    first = {StoreApi.V1: "http://127.0.0.1:9001", StoreApi.V2: "http://127.0.0.1:9002"}
    ensure_demo_profiles(_demo_store(path, first))
    second = {StoreApi.V1: "http://127.0.0.1:9101", StoreApi.V2: "http://127.0.0.1:9102"}
    store = _demo_store(path, second)
    ensure_demo_profiles(store)
    assert [(p.name, p.api_base) for p in store.profiles()] == [
        (DEMO_PROFILE, "http://127.0.0.1:9101"),
        (DEMO_TIER_PROFILE, "http://127.0.0.1:9101"),
        (DEMO_V2_PROFILE, "http://127.0.0.1:9102"),
    ]
    credentials = store.credentials(DEMO_V2_PROFILE)
    assert credentials is not None and credentials.secret == DEMO_API_SECRET


def test_a_demo_file_of_the_previous_version_gains_the_v2_store(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    document = {
        "version": 1,
        "profiles": [
            {
                "name": DEMO_PROFILE,
                "imp_key": DEMO_IMP_KEY,
                "tier_code": "DM1",
                "api_base": DEFAULT_API_BASE,
            },
            {"name": "내 연습", "imp_key": "1234", "tier_code": None, "api_base": DEFAULT_API_BASE},
        ],
        "active_profile": "내 연습",
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    hosts = {StoreApi.V1: "http://127.0.0.1:9001", StoreApi.V2: "http://127.0.0.1:9002"}
    store = _demo_store(path, hosts)
    ensure_demo_profiles(store)
    assert store.profiles() == (
        # The Tier kept; the channel key the practice correction issues through added.
        Profile(
            DEMO_PROFILE,
            DEMO_IMP_KEY,
            "DM1",
            "http://127.0.0.1:9001",
            channel_key=DEMO_CHANNEL_KEY,
        ),
        Profile("내 연습", "1234"),  # the clerk's own profile is left as it was
        Profile(  # issue 13's Tier practice store, with the correction's channel key too
            DEMO_TIER_PROFILE,
            DEMO_IMP_KEY,
            "DM1",
            "http://127.0.0.1:9001",
            channel_key=DEMO_CHANNEL_KEY,
        ),
        Profile(
            DEMO_V2_PROFILE,
            api=StoreApi.V2,
            store_id=DEMO_STORE_ID,
            api_base=hosts[StoreApi.V2],
            channel_key=V2_CHANNEL_KEY,
        ),
    )
    assert store.settings.active_profile == "내 연습"
    assert store.credentials(DEMO_PROFILE) is not None
    assert store.credentials(DEMO_PROFILE).secret == DEMO_IMP_SECRET  # type: ignore[union-attr]
    own = store.credentials("내 연습")
    assert own is None  # no secret in a demo session's memory: nothing to send anywhere


def test_a_practice_profile_turned_into_the_other_kind_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    hosts = {StoreApi.V1: "http://127.0.0.1:9001", StoreApi.V2: "http://127.0.0.1:9002"}
    store = _demo_store(path, hosts)
    store.save_profile(Profile(DEMO_V2_PROFILE, "1234"), "a-v1-secret-of-the-clerk")
    ensure_demo_profiles(store)
    repaired = store.credentials(DEMO_V2_PROFILE)
    assert repaired is not None
    assert (repaired.api, repaired.secret) == (StoreApi.V2, DEMO_API_SECRET)


def test_practice_orders_name_their_store() -> None:
    assert practice_orders(StoreApi.V1) == DEMO_ORDERS
    assert practice_orders(StoreApi.V2) == DEMO_PAYMENTS
    both = practice_orders()
    assert list(both) == [*DEMO_ORDERS, *DEMO_PAYMENTS]
    assert both["pay-pg-fail"] == f"[{DEMO_V2_PROFILE}] {DEMO_PAYMENTS['pay-pg-fail']}"
    assert both["ORDER-PG-FAIL"] == DEMO_ORDERS["ORDER-PG-FAIL"]


def test_the_apps_demo_set_up_keeps_the_real_keychain_out(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "k", tmp_path / "l")
    hosts = {StoreApi.V1: "http://127.0.0.1:9001", StoreApi.V2: "http://127.0.0.1:9002"}
    store = app._profile_store(paths, demo_hosts=hosts)
    assert store.session_host(StoreApi.V2) == "http://127.0.0.1:9002"
    assert not store.secrets.status().persistent
    assert {p.name for p in store.profiles()} == {DEMO_PROFILE, DEMO_TIER_PROFILE, DEMO_V2_PROFILE}
    assert b"demo-v2-api-secret" not in paths.settings_file.read_bytes()
