"""Qt-free client for the PortOne (iamport) V1 external cash receipt API.

The client is deliberately small: a cached token, three receipt calls and a tier check.
Every failure becomes one of a few typed errors that keep the HTTP status, PortOne's
``code`` and PortOne's ``message`` exactly as they came, because the clerk needs the
server's own words and the audit history needs the facts.

The one rule that shapes most of this module: a ``DELETE`` that may have reached the
server is never sent again. When no usable answer comes back, the caller gets
``OutcomeUnknown`` and must check with a ``GET``.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx
import truststore

from iamport_desk import __version__
from iamport_desk.errors import (
    ApiError,
    AuthenticationError,
    IamportError,
    InvalidMerchantUid,
    NetworkError,
    OutcomeUnknown,
    ReceiptNotFound,
    TierNotFound,
    shorten,
)
from iamport_desk.hosts import is_loopback_host
from iamport_desk.logsetup import register_secret
from iamport_desk.models import DEFAULT_API_BASE, Receipt
from iamport_desk.rules import (
    MAX_MERCHANT_UID_LENGTH,
    normalize_merchant_uid,
    validate_base_url,
    validate_tier_code,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_MERCHANT_UID_LENGTH",
    "ApiError",
    "AuthenticationError",
    "IamportClient",
    "IamportError",
    "InvalidMerchantUid",
    "NetworkError",
    "OutcomeUnknown",
    "ReceiptNotFound",
    "TierNotFound",
    "normalize_merchant_uid",
    "parse_receipt",
    "receipt_path",
    "validate_base_url",
    "validate_tier_code",
]

logger = logging.getLogger("iamport_desk.api")

# Connect quickly or fail; read long, because a cancellation goes through to the PG
# (PortOne's own Java client reads for 30 s for the same reason).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)

# Refresh the token when less than this is left, so it cannot expire in flight.
TOKEN_REFRESH_MARGIN = 60.0

# A PortOne answer is a few hundred bytes; anything far bigger is not one of ours.
MAX_BODY_BYTES = 1 << 20

RECEIPTS_PREFIX = "/receipts/external/"
TOKEN_PATH = "/users/getToken"  # noqa: S105 - a path, not a password

# --------------------------------------------------------------------------- helpers


def receipt_path(merchant_uid: str) -> str:
    """The request path for one receipt: the id encoded as ONE path segment.

    ``safe=""`` encodes "/" too; otherwise "A/B" would address another resource.
    """
    return RECEIPTS_PREFIX + urllib.parse.quote(merchant_uid, safe="")


def _is_int(value: object) -> bool:
    # bool is an int subclass in Python; true/false in JSON is not a number.
    return isinstance(value, int) and not isinstance(value, bool)


def _unexpected(what: str) -> ApiError:
    # Our own diagnosis goes in the summary: ``message`` is reserved for PortOne's words.
    return ApiError(f"unexpected answer from the server: {what}", status=200, code=0)


def parse_receipt(data: object) -> Receipt:
    """Build a Receipt from the envelope's ``response`` (ExternalReceiptAnnotation).

    Strict on types (the spec's required fields must be there with the right type),
    tolerant on values: unknown ``type`` strings and long strings are kept as sent.
    ``cancelled_at`` of 0, null or absent means "not cancelled".
    """
    if not isinstance(data, dict):
        raise _unexpected(f"receipt is {type(data).__name__}, not an object")

    def text(name: str, *, required: bool) -> str | None:
        value = data.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise _unexpected(f"receipt field {name!r} is not text")
        return value

    def number(name: str, *, required: bool) -> int | None:
        value = data.get(name)
        if value is None and not required:
            return None
        if not _is_int(value):
            raise _unexpected(f"receipt field {name!r} is not an integer")
        assert isinstance(value, int)
        return value

    merchant_uid = text("merchant_uid", required=True)
    apply_num = text("apply_num", required=True)
    receipt_type = text("type", required=True)
    amount = number("amount", required=True)
    vat = number("vat", required=True)
    applied_at = number("applied_at", required=True)
    cancelled_at = number("cancelled_at", required=False)
    assert merchant_uid is not None and apply_num is not None and receipt_type is not None
    assert amount is not None and vat is not None and applied_at is not None
    return Receipt(
        merchant_uid=merchant_uid,
        receipt_tid=text("receipt_tid", required=False),
        apply_num=apply_num,
        type=receipt_type,
        amount=amount,
        vat=vat,
        receipt_url=text("receipt_url", required=False),
        applied_at=applied_at,
        cancelled_at=cancelled_at or None,
    )


def _parse_envelope(body: bytes) -> dict[str, Any] | None:
    """PortOne's ``{"code", "message", "response"}``, or None for anything else.

    An HTML page from a proxy, an empty body or JSON of another shape is not an
    answer from PortOne and must not be read as one.
    """
    if not body:
        return None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not _is_int(data.get("code")):
        return None
    message = data.get("message")
    if message is not None and not isinstance(message, str):
        return None
    return data


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _connect_kind(exc: BaseException) -> str:
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


def _describe(exc: BaseException) -> str:
    """The root cause as text for logs: no request object, so no header, token or body."""
    root = _causes(exc)[-1]
    return shorten(f"{type(root).__name__}: {root}", 300)


_NETWORK_SUMMARIES = {
    "refused": "connection refused by the server",
    "dns": "the server name could not be resolved",
    "tls": "secure connection (TLS) failed",
    "connect_timeout": "timed out while connecting",
    "read_timeout": "timed out waiting for the answer",
    "protocol": "the connection broke before a complete answer",
    "proxy": "the proxy refused or failed the connection",
    "other": "network failure",
}


# --------------------------------------------------------------------------- client


class IamportClient:
    """One store's connection to PortOne V1: a cached token and the receipt calls.

    Not thread-safe for concurrent calls on purpose: the app uses it from its single
    API worker thread (the token cache is locked anyway). ``clock`` is monotonic
    time, injectable for tests. ``transport`` lets tests swap the network.
    """

    def __init__(
        self,
        imp_key: str,
        imp_secret: str,
        *,
        base_url: str = DEFAULT_API_BASE,
        tier_code: str | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not imp_key or not imp_secret:
            raise ValueError("The REST API key and secret must not be empty.")
        self._imp_key = imp_key
        self._imp_secret = imp_secret
        register_secret(imp_secret)
        self._base_url = validate_base_url(base_url)
        self._tier_code = validate_tier_code(tier_code)
        self._clock = clock
        self._token: str | None = None
        self._token_deadline = 0.0  # in self._clock() time
        self._token_lock = threading.RLock()
        loopback = is_loopback_host(urllib.parse.urlsplit(self._base_url).hostname or "")
        # The OS trust store, so corporate TLS inspection roots are honoured.
        verify = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        if transport is None:
            # retries=0: never reconnect-and-resend behind our back (a DELETE!).
            transport = httpx.HTTPTransport(verify=verify, retries=0)
        self._http = httpx.Client(
            base_url=self._base_url,
            timeout=timeout,
            verify=verify,
            # Proxies from the environment are honoured, but never for the simulator
            # on this computer (a corporate proxy cannot reach our 127.0.0.1).
            trust_env=not loopback,
            transport=transport,
            follow_redirects=False,
            headers={"User-Agent": f"iamport-desk/{__version__}", "Accept": "application/json"},
        )

    # -- plumbing -------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"IamportClient(imp_key={self._imp_key!r}, imp_secret='***', "
            f"base_url={self._base_url!r}, tier_code={self._tier_code!r}, "
            f"token={'cached' if self._token else 'none'})"
        )

    def __enter__(self) -> IamportClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def tier_code(self) -> str | None:
        return self._tier_code

    # -- token ----------------------------------------------------------------

    def has_valid_token(self) -> bool:
        """True when a cached token has more than a minute of life left."""
        with self._token_lock:
            return (
                self._token is not None
                and self._token_deadline - self._clock() > TOKEN_REFRESH_MARGIN
            )

    def get_token(self) -> str:
        """The cached token, or a fresh one from ``POST /users/getToken``.

        The remaining life is PortOne's ``expired_at - now``, counted on our monotonic
        clock from when the answer arrived: the PC's wall clock may be wrong.
        """
        with self._token_lock:
            if self.has_valid_token():
                assert self._token is not None
                return self._token
            body = {"imp_key": self._imp_key, "imp_secret": self._imp_secret}
            response = self._send("POST", TOKEN_PATH, json_body=body, token=None, tier=False)
            arrived = self._clock()
            data = self._read_success(response, "POST", TOKEN_PATH, auth_call=True)
            if not isinstance(data, dict):
                raise _unexpected("token answer is not an object")
            token = data.get("access_token")
            now = data.get("now")
            expired_at = data.get("expired_at")
            if not isinstance(token, str) or not token or not _is_int(now):
                raise _unexpected("token answer lacks access_token or now")
            if not _is_int(expired_at):
                raise _unexpected("token answer lacks expired_at")
            assert isinstance(now, int) and isinstance(expired_at, int)
            # Defence in depth: should a token ever reach a log line, it is masked there.
            register_secret(token)
            self._token = token
            self._token_deadline = arrived + (expired_at - now)
            return token

    def _forget_token(self, token: str) -> None:
        with self._token_lock:
            if self._token == token:
                self._token = None
                self._token_deadline = 0.0

    # -- calls ----------------------------------------------------------------

    def lookup_external_receipt(self, merchant_uid: str) -> Receipt:
        """``GET /receipts/external/{merchant_uid}``: the receipt as PortOne has it now."""
        path = receipt_path(normalize_merchant_uid(merchant_uid))
        return parse_receipt(self._authorized("GET", path, tier=True))

    def cancel_external_receipt(self, merchant_uid: str) -> Receipt:
        """``DELETE /receipts/external/{merchant_uid}``: sent at most once per call.

        Only a 401 (not processed) is retried, once, after a token refresh. Any doubt
        about whether PortOne processed it raises OutcomeUnknown.
        """
        path = receipt_path(normalize_merchant_uid(merchant_uid))
        data = self._authorized("DELETE", path, tier=True)
        try:
            return parse_receipt(data)
        except ApiError:
            # PortOne said code 0 (done) but the receipt is unreadable: it was
            # probably cancelled; only a lookup can tell.
            raise OutcomeUnknown(
                "the server reported success but its answer could not be read",
                status=200,
                code=0,
            ) from None

    # ---- the ReceiptApi seam (iamport_desk.receipt_api): the names the worker uses

    def lookup(self, order_id: str) -> Receipt:
        """``ReceiptApi.lookup``: the V1 external receipt of this merchant_uid."""
        return self.lookup_external_receipt(order_id)

    def cancel(self, order_id: str) -> Receipt:
        """``ReceiptApi.cancel``: the V1 DELETE of this merchant_uid, sent at most once."""
        return self.cancel_external_receipt(order_id)

    def check_access(self) -> str | None:
        """``ReceiptApi.check_access``: a token, and the Tier's name when one is set."""
        self.get_token()
        return self.get_tier(self._tier_code) if self._tier_code else None

    def get_tier(self, tier_code: str) -> str:
        """``GET /tiers/{code}`` with the master token and no Tier header: the tier's name."""
        code = validate_tier_code(tier_code)
        if code is None:
            raise ValueError("The sub-merchant (Tier) code is empty.")
        path = "/tiers/" + urllib.parse.quote(code, safe="")
        data = self._authorized("GET", path, tier=False)
        if not isinstance(data, dict) or not isinstance(data.get("tier_name"), str):
            raise _unexpected("tier answer lacks tier_name")
        name: str = data["tier_name"]
        return name

    def _authorized(self, method: str, path: str, *, tier: bool) -> Any:
        """One call with the token; on 401 refresh once and retry once (401 = not processed)."""
        token = self.get_token()
        response = self._send(method, path, json_body=None, token=token, tier=tier)
        if response.status_code == 401:
            self._forget_token(token)
            token = self.get_token()
            response = self._send(method, path, json_body=None, token=token, tier=tier)
            if response.status_code == 401:
                self._forget_token(token)
                envelope = _parse_envelope(response.content)
                raise AuthenticationError(
                    "the server refused the access token even after a refresh",
                    status=401,
                    code=envelope["code"] if envelope else None,
                    message=envelope.get("message") if envelope else None,
                )
        return self._read_success(response, method, path, auth_call=False)

    def _read_success(
        self, response: httpx.Response, method: str, path: str, *, auth_call: bool
    ) -> Any:
        """The envelope's ``response`` for HTTP 200 + code 0; otherwise the right error."""
        status = response.status_code
        envelope = _parse_envelope(response.content)
        code: int | None = envelope["code"] if envelope else None
        message: str | None = envelope.get("message") if envelope else None
        if status == 200 and envelope is not None and code == 0:
            return envelope.get("response")
        is_delete = method == "DELETE"
        if auth_call and status == 401:
            raise AuthenticationError(
                "the REST API key or secret was refused", status=401, code=code, message=message
            )
        if envelope is None and is_delete and (status == 200 or status >= 500):
            # A gateway (or something pretending to be PortOne) answered, possibly after
            # forwarding the request: it cannot tell whether PortOne processed it. (A 4xx
            # page such as a proxy's 407 means the request was stopped before PortOne.)
            raise OutcomeUnknown(
                "an intermediary answered instead of PortOne; the cancellation may or "
                "may not have happened",
                status=status,
            )
        if status == 404 and envelope is not None:
            if path.startswith(RECEIPTS_PREFIX):
                raise ReceiptNotFound(
                    "no receipt was issued for this order number",
                    status=404,
                    code=code,
                    message=message,
                )
            if path.startswith("/tiers/"):
                raise TierNotFound(
                    "the sub-merchant code is not registered",
                    status=404,
                    code=code,
                    message=message,
                )
        if envelope is None:
            summary = f"unexpected answer (not from PortOne) to {method}"
        else:
            summary = f"PortOne refused the {method} call"
        raise ApiError(summary, status=status, code=code, message=message)

    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, str] | None,
        token: str | None,
        tier: bool,
    ) -> httpx.Response:
        """Send one request, read at most MAX_BODY_BYTES, map transport failures.

        The typed error is raised outside the ``except`` block so it carries no
        reference to httpx's request (whose headers hold the token).
        """
        headers: dict[str, str] = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if tier and self._tier_code:
            headers["Tier"] = self._tier_code
        started = time.perf_counter()
        failure: IamportError | None = None
        response: httpx.Response | None = None
        try:
            with self._http.stream(method, path, headers=headers, json=json_body) as streamed:
                chunks: list[bytes] = []
                size = 0
                for chunk in streamed.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        chunks = []  # far too big for a PortOne answer: read as "not ours"
                        break
                    chunks.append(chunk)
                response = httpx.Response(
                    streamed.status_code, headers=streamed.headers, content=b"".join(chunks)
                )
        except httpx.HTTPError as exc:
            failure = self._map_transport_error(exc, method)
        except httpx.InvalidURL:
            # Raised before anything is sent; only the id varies in our URLs.
            failure = InvalidMerchantUid("The order number cannot be sent in a URL.")
        elapsed_ms = (time.perf_counter() - started) * 1000
        if failure is not None:
            logger.info(
                "%s %s -> no answer (%s) %.0f ms", method, path, type(failure).__name__, elapsed_ms
            )
            raise failure
        assert response is not None
        envelope = _parse_envelope(response.content)
        logger.info(
            "%s %s -> HTTP %s code=%s %.0f ms%s",
            method,
            path,
            response.status_code,
            envelope["code"] if envelope else None,
            elapsed_ms,
            "" if envelope else f" (not a PortOne answer: {response.headers.get('content-type')})",
        )
        return response

    @staticmethod
    def _map_transport_error(exc: httpx.HTTPError, method: str) -> IamportError:
        detail = _describe(exc)
        kind: str | None = None
        if isinstance(exc, httpx.ConnectTimeout):
            kind = "connect_timeout"
        elif isinstance(exc, httpx.ProxyError):
            kind = "proxy"
        elif isinstance(exc, httpx.ConnectError):
            kind = _connect_kind(exc)
        elif isinstance(exc, httpx.PoolTimeout | httpx.UnsupportedProtocol):
            kind = "other"  # no connection was used: nothing was sent
        if kind is not None:
            return NetworkError(_NETWORK_SUMMARIES[kind], kind=kind, detail=detail)
        # From here on the request may have been (partly) sent.
        if method == "DELETE":
            return OutcomeUnknown(
                "the connection failed after the cancellation was sent; it may or may "
                "not have happened",
                detail=detail,
            )
        if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout):
            kind = "read_timeout"
        elif isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
            kind = "protocol"
        else:
            kind = "other"
        return NetworkError(_NETWORK_SUMMARIES[kind], kind=kind, detail=detail)
