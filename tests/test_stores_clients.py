"""``store_clients.client_for``: a V1 or a V2 store, driven only through the ReceiptApi seam,
against the two simulators over loopback; the same error classes for both kinds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from proxy_helpers import refusing_proxy

from iamport_desk.api import IamportClient
from iamport_desk.errors import (
    ApiError,
    AuthenticationError,
    NetworkError,
    OutcomeUnknown,
    ReceiptNotFound,
)
from iamport_desk.models import V2_API_BASE, Credentials, StoreApi
from iamport_desk.portone_v2 import DEFAULT_BASE_URL, PortOneV2Client
from iamport_desk.simulator import (
    DEMO_IMP_KEY,
    DEMO_IMP_SECRET,
    DEMO_TIER,
    DEMO_TIER_NAME,
    Simulator,
)
from iamport_desk.simulator_v2 import (
    DEMO_API_SECRET,
    DEMO_BRANCH_STORE_ID,
    DEMO_STORE_ID,
    SimulatorV2,
)
from iamport_desk.store_clients import check_store_access, client_for

pytestmark = pytest.mark.timeout(30)


@dataclass(frozen=True)
class Store:
    """One practice store and the order ids of its demo receipts, by what they do."""

    credentials: Credentials
    cancellable: str
    pg_failure: str
    lost_answer: str
    not_issued: str
    wrong_secret: Credentials


@pytest.fixture(params=["v1", "v2"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    if request.param == "v1":
        with Simulator() as sim:
            credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=sim.base_url)
            yield Store(
                credentials,
                "ORDER-20261125-0001",
                "ORDER-PG-FAIL",
                "ORDER-LOST",
                "ORDER-NONE-9999",
                replace(credentials, imp_secret="wrong-secret-000000"),
            )
    else:
        with SimulatorV2() as sim2:
            credentials = Credentials(
                "", DEMO_API_SECRET, api_base=sim2.base_url, api=StoreApi.V2, store_id=DEMO_STORE_ID
            )
            yield Store(
                credentials,
                "pay-20261125-0001",
                "pay-pg-fail",
                "pay-lost",
                "pay-none-9999",
                replace(credentials, imp_secret="wrong-v2-secret-0000000"),
            )


def test_the_kind_chooses_the_client(store: Store) -> None:
    client = client_for(store.credentials)
    try:
        if store.credentials.api is StoreApi.V2:
            assert isinstance(client, PortOneV2Client)
            assert client.store_id == DEMO_STORE_ID
        else:
            assert isinstance(client, IamportClient)
            assert client.tier_code is None
        assert client.base_url == store.credentials.api_base
    finally:
        client.close()


def test_lookup_then_cancel(store: Store) -> None:
    client = client_for(store.credentials)
    try:
        before = client.lookup(store.cancellable)
        assert before.merchant_uid == store.cancellable and not before.is_cancelled
        after = client.cancel(store.cancellable)
        assert after.is_cancelled and after.amount == before.amount
        assert client.lookup(store.cancellable).is_cancelled
    finally:
        client.close()


def test_not_issued_is_not_found_for_lookup_and_cancel(store: Store) -> None:
    client = client_for(store.credentials)
    try:
        with pytest.raises(ReceiptNotFound):
            client.lookup(store.not_issued)
        with pytest.raises(ReceiptNotFound) as refused:
            client.cancel(store.not_issued)
        assert refused.value.status == 404
    finally:
        client.close()


def test_pg_failure_is_an_api_error_with_the_servers_words(store: Store) -> None:
    client = client_for(store.credentials)
    try:
        with pytest.raises(ApiError) as failed:
            client.cancel(store.pg_failure)
        assert not isinstance(failed.value, ReceiptNotFound | AuthenticationError)
        assert failed.value.message  # PortOne's (and the PG's) own words are kept
        assert not client.lookup(store.pg_failure).is_cancelled
    finally:
        client.close()


def test_a_lost_answer_is_outcome_unknown_then_settled_by_lookup(store: Store) -> None:
    client = client_for(store.credentials)
    try:
        with pytest.raises(OutcomeUnknown):
            client.cancel(store.lost_answer)
        assert client.lookup(store.lost_answer).is_cancelled
    finally:
        client.close()


def test_a_refused_secret_is_an_authentication_error_without_the_secret(store: Store) -> None:
    with pytest.raises(AuthenticationError) as refused:
        check_store_access(store.wrong_secret)
    text = f"{refused.value} {refused.value!r} {refused.value.message}"
    assert store.wrong_secret.imp_secret not in text


def test_test_connection_is_check_access(store: Store) -> None:
    name = check_store_access(store.credentials)
    assert name is None  # no Tier on the V1 practice profile; V2 has no name to report


def test_a_v1_store_with_a_tier_reports_its_name() -> None:
    with Simulator() as sim:
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, DEMO_TIER, sim.base_url)
        assert check_store_access(credentials) == DEMO_TIER_NAME


def test_a_v2_store_id_scopes_the_calls() -> None:
    with SimulatorV2() as sim2:
        branch = Credentials(
            "",
            DEMO_API_SECRET,
            api_base=sim2.base_url,
            api=StoreApi.V2,
            store_id=DEMO_BRANCH_STORE_ID,
        )
        client = client_for(branch)
        try:
            assert client.lookup("pay-branch-0001").amount == 64000
            with pytest.raises(ReceiptNotFound):
                client.lookup("pay-20261125-0001")  # the main store's receipt
        finally:
            client.close()
        assert [r.query.get("storeId") for r in sim2.requests] == [DEMO_BRANCH_STORE_ID] * 2


def test_the_v2_host_default_is_portones() -> None:
    assert V2_API_BASE == DEFAULT_BASE_URL


def test_a_v2_store_goes_through_the_proxy_set_by_hand() -> None:
    with refusing_proxy("403 Forbidden") as proxy:
        credentials = Credentials(
            "", DEMO_API_SECRET, api_base=V2_API_BASE, proxy=proxy.url, api=StoreApi.V2
        )
        client = client_for(credentials)
        assert client.uses_proxy  # type: ignore[attr-defined]
        try:
            with pytest.raises(NetworkError) as failed:
                client.lookup("pay-20261125-0001")
        finally:
            client.close()
        assert failed.value.kind == "proxy_page"  # the proxy refused with a page of its own
        assert proxy.request_lines == ["CONNECT api.portone.io:443 HTTP/1.1"]
        assert DEMO_API_SECRET not in "".join(proxy.heads)  # the secret is inside the tunnel


def test_the_simulator_on_this_computer_is_never_proxied(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.invalid:3128")
    with SimulatorV2() as sim2:
        credentials = Credentials(
            "", DEMO_API_SECRET, api_base=sim2.base_url, api=StoreApi.V2, proxy=None
        )
        client = client_for(credentials)
        try:
            assert not client.uses_proxy  # type: ignore[attr-defined]
        finally:
            client.close()
        assert check_store_access(credentials) is None


def test_an_unusable_proxy_from_the_environment_fails_as_a_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    credentials = Credentials("", DEMO_API_SECRET, api_base=V2_API_BASE, api=StoreApi.V2)
    client = client_for(credentials)
    try:
        with pytest.raises(NetworkError) as failed:
            client.lookup("pay-20261125-0001")
    finally:
        client.close()
    assert failed.value.kind == "proxy"


def test_a_proxy_set_by_hand_that_cannot_be_used_is_refused() -> None:
    credentials = Credentials(
        "", DEMO_API_SECRET, api_base=V2_API_BASE, api=StoreApi.V2, proxy="socks5://127.0.0.1:1"
    )
    with pytest.raises(ValueError, match="proxy"):
        client_for(credentials)
