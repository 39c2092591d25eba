"""One store's receipt API from its credentials: a V1 ``IamportClient`` or a V2 ``PortOneV2Client``.

The worker asks for "this store's ``ReceiptApi``" and never looks at the kind again: the
lookup, the cancel, the test of the keys and every error class are the same for both.

The proxy is chosen the same way for both kinds: the one set by hand, else the environment's
or the OS's (``proxies.proxy_for``), never for the simulator on this computer. The V2 client
takes no proxy of its own, so it gets an httpx transport that goes through the chosen proxy
(and, given a transport, httpx reads no proxy from the environment behind our back).
"""

from __future__ import annotations

import ssl
import urllib.parse

import httpx

from iamport_desk.hosts import is_loopback_host
from iamport_desk.models import Credentials, StoreApi
from iamport_desk.proxies import proxy_for
from iamport_desk.receipt_api import ReceiptApi

__all__ = ["check_store_access", "client_for", "v2_proxy"]


def client_for(credentials: Credentials, *, deadline: float | None = None) -> ReceiptApi:
    """The receipt API of the store these credentials belong to.

    V1: ``IamportClient`` with the key, secret, Tier, host and proxy. V2: ``PortOneV2Client``
    with the API secret, store id, host and proxy. ``deadline`` (seconds for one exchange as
    a whole) defaults to each client's own. Raises ValueError for a proxy set by hand that
    cannot be used.
    """
    if credentials.api is StoreApi.V2:
        return _v2_client(credentials, deadline)
    from iamport_desk.api import DEFAULT_DEADLINE, IamportClient

    return IamportClient(
        credentials.imp_key,
        credentials.imp_secret,
        base_url=credentials.api_base,
        tier_code=credentials.tier_code,
        deadline=DEFAULT_DEADLINE if deadline is None else deadline,
        proxy=credentials.proxy,
    )


def check_store_access(credentials: Credentials) -> str | None:
    """ "Test connection": prove the keys work (``ReceiptApi.check_access``), then let go.

    Returns the sub-store's name when a V1 profile names a Tier (V2: None); raises the
    shared error family (``AuthenticationError`` for refused keys, ``NetworkError``...).
    """
    client = client_for(credentials)
    try:
        return client.check_access()
    finally:
        client.close()


def v2_proxy(credentials: Credentials) -> str | None:
    """The proxy a V2 store's requests go through, or None for a direct connection."""
    host = urllib.parse.urlsplit(credentials.api_base).hostname or ""
    if is_loopback_host(host):
        return None  # an office proxy cannot reach our 127.0.0.1
    return proxy_for(credentials.api_base, manual=credentials.proxy)


def _v2_client(credentials: Credentials, deadline: float | None) -> ReceiptApi:
    from iamport_desk.portone_v2 import DEFAULT_DEADLINE, PortOneV2Client

    return PortOneV2Client(
        credentials.imp_secret,
        base_url=credentials.api_base,
        store_id=credentials.store_id,
        deadline=DEFAULT_DEADLINE if deadline is None else deadline,
        transport=_v2_transport(credentials),
    )


def _v2_transport(credentials: Credentials) -> httpx.BaseTransport:
    import truststore

    proxy = v2_proxy(credentials)
    # The OS trust store, so an office's TLS inspection root is honoured (as in V1).
    verify = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        # retries=0: never reconnect-and-resend behind the client's back (a cancel!).
        return httpx.HTTPTransport(verify=verify, retries=0, proxy=proxy)
    except (ValueError, TypeError, ImportError) as exc:
        if credentials.proxy:
            raise ValueError(
                "The proxy address is not valid (it must look like http://host:port)."
            ) from exc
        return _UnusableProxy(type(exc).__name__)


class _UnusableProxy(httpx.BaseTransport):
    """The environment names a proxy httpx cannot use (e.g. socks5://): every call fails as a
    proxy failure with nothing sent, as the V1 client does, rather than going around it."""

    def __init__(self, why: str) -> None:
        self._why = why

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ProxyError(f"the system's proxy cannot be used ({self._why})")
