"""The client goes through the proxy the environment (or the OS, or the clerk) names.

Every proxy here is a refusing fake on 127.0.0.1 (tests/proxy_helpers.py): it records what
reached it and answers itself, so the real host name can be used without any traffic leaving
the machine. The whole path through a real TLS-inspecting proxy is in test_mitmproxy.py.
"""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import pytest

from iamport_desk.api import IamportClient
from iamport_desk.errors import NetworkError
from iamport_desk.portone_v2 import PortOneV2Client
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET
from iamport_desk.simulator_v2 import DEMO_API_SECRET
from tests.proxy_helpers import refusing_proxy
from tests.tls_helpers import self_signed_https_server

PORTONE = "https://api.iamport.kr"
UID = "ORDER-20261125-0001"
# The machine's proxies are cleared for every test (conftest.isolated_home).


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.timeout(20)
@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
def test_the_environment_proxy_is_used(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    with refusing_proxy() as proxy:
        monkeypatch.setenv(variable, proxy.url)
        with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client:
            assert client.uses_proxy
            with pytest.raises(NetworkError) as caught:
                client.get_token()
    assert proxy.request_lines == ["CONNECT api.iamport.kr:443 HTTP/1.1"]
    assert caught.value.kind == "proxy_auth"
    assert caught.value.status == 407


@pytest.mark.timeout(20)
def test_a_proxy_without_a_scheme_is_read_as_http(monkeypatch: pytest.MonkeyPatch) -> None:
    with refusing_proxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url.removeprefix("http://"))
        with (
            IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client,
            pytest.raises(NetworkError) as caught,
        ):
            client.get_token()
    assert caught.value.kind == "proxy_auth"
    assert len(proxy.heads) == 1


def test_no_proxy_means_a_direct_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", ".iamport.kr")
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client:
        assert not client.uses_proxy


def test_the_simulator_on_this_computer_is_never_proxied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    base = "http://127.0.0.1:8080"
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=base, proxy=base) as client:
        assert not client.uses_proxy


@pytest.mark.timeout(20)
def test_a_proxy_set_by_hand_wins_and_its_credentials_are_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with refusing_proxy() as env_proxy, refusing_proxy() as manual:
        monkeypatch.setenv("HTTPS_PROXY", env_proxy.url)
        by_hand = manual.url.replace("http://", "http://clerk:pa%20ss@")
        with IamportClient(
            DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE, proxy=by_hand
        ) as client:
            assert "pa%20ss" not in repr(client) and "clerk" not in repr(client)
            with pytest.raises(NetworkError):
                client.get_token()
    assert env_proxy.heads == []
    assert len(manual.heads) == 1
    expected = base64.b64encode(b"clerk:pa ss").decode()
    assert f"Proxy-Authorization: Basic {expected}" in manual.heads[0]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_a_proxy_page_instead_of_a_tunnel_is_proxy_page_even_for_delete(
    monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    """The proxy refused the tunnel: nothing reached PortOne, so a DELETE is safely 'failed'."""
    with refusing_proxy("403 Forbidden", b"<html>Blocked by policy</html>") as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client:
            call = client.lookup if method == "GET" else client.cancel
            with pytest.raises(NetworkError) as caught:
                call(UID)  # getToken goes first, and is refused at the proxy
    assert caught.value.kind == "proxy_page"
    assert caught.value.status == 403
    assert "Blocked" not in str(caught.value)


@pytest.mark.timeout(20)
def test_an_unreachable_proxy_is_proxy_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{_closed_port()}")
    with (
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.cancel(UID)
    assert caught.value.kind == "proxy_unreachable"


def test_a_proxy_address_that_is_not_a_url_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="proxy"):
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE, proxy="socks5://x:1")


def test_an_unusable_environment_proxy_fails_each_call_without_sending(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with (
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.cancel(UID)
    assert caught.value.kind == "proxy"
    assert "socks5" in (caught.value.detail or "")


# ------------------------------------------------------------------ the V2 client, same wire


@pytest.mark.timeout(20)
def test_the_v2_client_honours_https_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    with refusing_proxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        with PortOneV2Client(DEMO_API_SECRET, base_url="https://api.portone.io") as client:
            assert client.uses_proxy
            with pytest.raises(NetworkError) as caught:
                client.cancel("pay-20261125-0001")  # refused at the proxy: nothing was sent
    assert proxy.request_lines == ["CONNECT api.portone.io:443 HTTP/1.1"]
    assert caught.value.kind == "proxy_auth"
    assert caught.value.status == 407
    assert DEMO_API_SECRET not in "".join(proxy.heads)  # the tunnel was never opened


@pytest.mark.timeout(20)
def test_a_v2_proxy_set_by_hand_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    with refusing_proxy() as env_proxy, refusing_proxy() as manual:
        monkeypatch.setenv("HTTPS_PROXY", env_proxy.url)
        with (
            PortOneV2Client(
                DEMO_API_SECRET, base_url="https://api.portone.io", proxy=manual.url
            ) as client,
            pytest.raises(NetworkError),
        ):
            client.lookup("pay-20261125-0001")
    assert env_proxy.heads == []
    assert len(manual.heads) == 1


def test_an_https_proxy_whose_certificate_does_not_verify_gets_nothing(tmp_path: Path) -> None:
    """A "secure web proxy" (``https://proxy:port``) is verified like PortOne itself: an
    untrusted certificate ends the call before the CONNECT line (which names the host) or
    anything else is sent. The trusted case runs through mitmproxy in test_mitmproxy.py."""
    with self_signed_https_server(tmp_path / "tls") as proxy:
        with (
            IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, proxy=proxy.base_url) as client,
            pytest.raises(NetworkError) as caught,
        ):
            client.get_token()
        assert caught.value.kind == "tls"
        assert proxy.requests == []
