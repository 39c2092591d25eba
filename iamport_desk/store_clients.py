"""One store's receipt API from its credentials: a V1 ``IamportClient`` or a V2 ``PortOneV2Client``.

The worker asks for "this store's ``ReceiptApi``" and never looks at the kind again: the
lookup, the cancel, the test of the keys and every error class are the same for both.

The proxy is chosen the same way for both kinds, by the shared wire (``http_wire``): the one
set by hand, else the environment's or the OS's (``proxies.proxy_for``).
"""

from __future__ import annotations

from iamport_desk.models import Credentials, StoreApi
from iamport_desk.receipt_api import ReceiptApi

__all__ = ["check_store_access", "client_for"]


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


def _v2_client(credentials: Credentials, deadline: float | None) -> ReceiptApi:
    from iamport_desk.portone_v2 import DEFAULT_DEADLINE, PortOneV2Client

    return PortOneV2Client(
        credentials.imp_secret,
        base_url=credentials.api_base,
        store_id=credentials.store_id,
        deadline=DEFAULT_DEADLINE if deadline is None else deadline,
        proxy=credentials.proxy,
    )
