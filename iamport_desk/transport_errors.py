"""From a transport failure (httpx's exception) to one of our typed errors.

The rule that shapes it: a failure before the request could leave this computer (connecting,
the proxy refusing the tunnel) is a ``NetworkError`` even for a DELETE; a failure after it may
have been sent is ``OutcomeUnknown`` for a DELETE (never resent) and a ``NetworkError`` for the
calls that change nothing. The typed error never holds httpx's exception (whose request has the
token in its headers): only a short, masked description of the root cause.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable

import httpx

from iamport_desk.errors import IamportError, NetworkError, OutcomeUnknown, shorten

__all__ = ["NETWORK_SUMMARIES", "map_transport_error"]

NETWORK_SUMMARIES = {
    "refused": "connection refused by the server",
    "dns": "the server name could not be resolved",
    "tls": "secure connection (TLS) failed",
    "connect_timeout": "timed out while connecting",
    "read_timeout": "timed out waiting for the answer",
    "deadline": "no complete answer within the request's overall deadline",
    "aborted": "the request was abandoned before its answer came",
    "protocol": "the connection broke before a complete answer",
    "proxy": "the proxy refused or failed the connection",
    "proxy_auth": "the proxy asks for a sign-in (407)",
    "proxy_unreachable": "the proxy could not be reached",
    "proxy_page": "the proxy answered with a page of its own instead of connecting",
    "other": "network failure",
}


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def connect_kind(exc: BaseException) -> str:
    """Tell a refused connection from a DNS or TLS failure, for a useful message."""
    chain = _causes(exc)
    for cause in chain:
        if isinstance(cause, ssl.SSLError):  # includes SSLCertVerificationError
            return "tls"
        if isinstance(cause, socket.gaierror):
            return "dns"
        if isinstance(cause, ConnectionRefusedError):
            return "refused"
    text = " ".join(str(cause) for cause in chain).lower()
    if "certificate" in text or "ssl" in text or "tls" in text:
        return "tls"
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or "getaddrinfo" in text
        or "name resolution" in text
    ):
        return "dns"
    if "refused" in text or "10061" in text:
        return "refused"
    return "other"


def describe(exc: BaseException) -> str:
    """The root cause as text for logs: no request object, so no header, token or body."""
    root = _causes(exc)[-1]
    return shorten(f"{type(root).__name__}: {root}", 300)


def _proxy_status(exc: httpx.ProxyError) -> int | None:
    # httpcore reports a refused CONNECT as "<status> <reason>".
    head = str(exc).split(" ", 1)[0]
    return int(head) if head.isdigit() else None


def map_transport_error(
    exc: httpx.HTTPError,
    method: str,
    *,
    proxied: bool = False,
    tcp_connected: bool = False,
    aborted: bool = False,
    deadline_hit: bool = False,
    mask: Callable[[str], str] = lambda text: text,
    once: bool = False,
) -> IamportError:
    """The typed error for ``exc`` raised while sending ``method``.

    ``once``: the call changes something and is never resent (V1's issuing POST), so a
    failure after it may have been sent is OutcomeUnknown, as for every DELETE.

    ``proxied``: the call went through a proxy; ``tcp_connected``: a TCP connection was made
    during this call (so a connect failure after it is not the proxy's being unreachable);
    ``aborted`` / ``deadline_hit``: the guard cut the call.
    """
    detail = mask(describe(exc))

    def network(kind: str, status: int | None = None) -> NetworkError:
        return NetworkError(NETWORK_SUMMARIES[kind], kind=kind, status=status, detail=detail)

    cut = "aborted" if aborted else "deadline" if deadline_hit else None
    if isinstance(exc, httpx.ProxyError):
        status = _proxy_status(exc)
        if status is None:
            return network("proxy")
        return network("proxy_auth" if status == 407 else "proxy_page", status)
    if isinstance(exc, httpx.ConnectTimeout | httpx.ConnectError):
        if cut is not None:
            return network(cut)
        if proxied and not tcp_connected:
            return network("proxy_unreachable")
        if isinstance(exc, httpx.ConnectTimeout):
            return network("connect_timeout")
        return network(connect_kind(exc))
    if isinstance(exc, httpx.PoolTimeout | httpx.UnsupportedProtocol):
        return network("other")  # no connection was used: nothing was sent
    # From here on the request may have been (partly) sent.
    if method == "DELETE" or once:
        what = "cancellation" if method == "DELETE" else "request"
        why = {
            "aborted": f"the {what} was abandoned after it was sent",
            "deadline": f"no answer came to the {what} within the overall deadline",
        }.get(cut or "", f"the connection failed after the {what} was sent")
        return OutcomeUnknown(
            why + "; it may or may not have happened", detail=detail, reason=cut or "no_answer"
        )
    if cut is not None:
        return network(cut)
    if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout):
        return network("read_timeout")
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return network("protocol")
    return network("other")
