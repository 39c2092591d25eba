"""Qt-free client for the PortOne (iamport) V1 external cash receipt API.

The client is deliberately small: a cached token, four receipt calls and a tier check.
Every failure becomes one of a few typed errors that keep the HTTP status, PortOne's
``code`` and PortOne's ``message`` exactly as they came, because the clerk needs the
server's own words and the audit history needs the facts.

The one rule that shapes most of this module: a ``DELETE`` (a cancellation) or an issuing
``POST`` that may have reached the server is never sent again. When no usable answer comes
back, the caller gets ``OutcomeUnknown`` and must check with a ``GET``.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx

from iamport_desk.answer_body import MAX_BODY_BYTES, Answer
from iamport_desk.errors import (
    ApiError,
    AuthenticationError,
    IamportError,
    InvalidMerchantUid,
    NetworkError,
    OtherOrderAnswer,
    OutcomeUnknown,
    ReceiptNotFound,
    TierNotFound,
)
from iamport_desk.logsetup import register_secret
from iamport_desk.models import DEFAULT_API_BASE, IssueRequest, Receipt
from iamport_desk.rules import (
    MAX_MERCHANT_UID_LENGTH,
    normalize_merchant_uid,
    order_key,
    validate_base_url,
    validate_tier_code,
)
from iamport_desk.secret_mask import SecretMask
from iamport_desk.v1_answers import (
    RECEIPTS_PREFIX,
    error_for_answer,
    is_int,
    parse_envelope,
    parse_receipt,
    unexpected,
)
from iamport_desk.v1_issue import V1_IDENTIFIER_TYPES, issue_body
from iamport_desk.v1_wire import ApiWire

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "MAX_BODY_BYTES",
    "MAX_MERCHANT_UID_LENGTH",
    "ApiError",
    "AuthenticationError",
    "IamportClient",
    "IamportError",
    "InvalidMerchantUid",
    "NetworkError",
    "OtherOrderAnswer",
    "OutcomeUnknown",
    "ReceiptNotFound",
    "TierNotFound",
    "normalize_merchant_uid",
    "parse_receipt",
    "receipt_path",
    "validate_base_url",
    "validate_tier_code",
]

# Connect quickly or fail; read long, because a cancellation goes through to the PG
# (PortOne's own Java client reads for 30 s for the same reason).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)

# Refresh the token when less than this is left, so it cannot expire in flight.
TOKEN_REFRESH_MARGIN = 60.0

# On top of the connect and read timeouts: a server that trickles a byte every few seconds
# must not hold a call (and the window) forever.
DEFAULT_DEADLINE = 60.0

TOKEN_PATH = "/users/getToken"  # noqa: S105 - a path, not a password


# --------------------------------------------------------------------------- helpers


def receipt_path(merchant_uid: str) -> str:
    """The request path for one receipt: the id encoded as ONE path segment.

    ``safe=""`` encodes "/" too; otherwise "A/B" would address another resource.
    """
    return RECEIPTS_PREFIX + urllib.parse.quote(merchant_uid, safe="")


# --------------------------------------------------------------------------- client


class IamportClient:
    """One store's connection to PortOne V1: a cached token and the receipt calls.

    Not thread-safe for concurrent calls on purpose: the app uses it from its single
    API worker thread (the token cache is locked anyway); only ``abort()`` may be called
    from another thread. ``clock`` is monotonic time for the token's life, injectable for
    tests. ``transport`` lets tests swap the network (then ``proxy`` and the deadline's
    socket guard are not used). ``proxy`` is a proxy URL set by hand; without it the
    environment's or the OS's proxy is used (``iamport_desk.proxies.proxy_for``), never for
    the simulator on this computer. ``deadline`` caps each request as a whole, in seconds.
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
        deadline: float = DEFAULT_DEADLINE,
        proxy: str | None = None,
    ) -> None:
        if not imp_key or not imp_secret:
            raise ValueError("The REST API key and secret must not be empty.")
        if not deadline > 0:
            raise ValueError("The deadline must be a positive number of seconds.")
        self._imp_key = imp_key
        self._imp_secret = imp_secret
        register_secret(imp_secret)
        self._mask = SecretMask(imp_secret)
        self._base_url = validate_base_url(base_url)
        self._tier_code = validate_tier_code(tier_code)
        self._clock = clock
        self._token: str | None = None
        self._token_deadline = 0.0  # in self._clock() time
        self._token_lock = threading.RLock()
        self._wire = ApiWire(
            self._base_url,
            timeout=timeout,
            transport=transport,
            deadline=deadline,
            proxy=proxy,
            mask=self._mask,
        )

    # -- plumbing -------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"IamportClient(imp_key={self._imp_key!r}, imp_secret='***', "
            f"base_url={self._base_url!r}, tier_code={self._tier_code!r}, "
            f"proxy={'yes' if self._wire.proxy else 'none'}, "
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
        self._wire.close()

    def abort(self) -> None:
        """Cut the request in flight, from any thread; the blocked call returns promptly.

        A lookup so cut raises NetworkError (kind "aborted"); a DELETE or an issuing POST
        that may have been sent raises OutcomeUnknown. Without a call in flight this does
        nothing, and the client stays usable for the next call.
        """
        self._wire.abort()

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def tier_code(self) -> str | None:
        return self._tier_code

    @property
    def uses_proxy(self) -> bool:
        """True when requests go through a proxy (set by hand, or the environment's/OS's)."""
        return self._wire.proxy is not None

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
            body: dict[str, object] = {"imp_key": self._imp_key, "imp_secret": self._imp_secret}
            answer = self._send("POST", TOKEN_PATH, json_body=body, token=None, tier=False)
            arrived = self._clock()
            data = self._read_success(answer, "POST", TOKEN_PATH, auth_call=True)
            if not isinstance(data, dict):
                raise unexpected("token answer is not an object")
            token = data.get("access_token")
            now = data.get("now")
            expired_at = data.get("expired_at")
            if not isinstance(token, str) or not token or not is_int(now):
                raise unexpected("token answer lacks access_token or now")
            if not is_int(expired_at):
                raise unexpected("token answer lacks expired_at")
            assert isinstance(now, int) and isinstance(expired_at, int)
            # Defence in depth: should a token ever reach a log line, it is masked there;
            # a server echoing it is masked before any error holds its words.
            register_secret(token)
            self._mask.add(token)
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
        """``GET /receipts/external/{merchant_uid}``: the receipt as PortOne has it now.

        An answer naming another order raises OtherOrderAnswer (NFC and NFD spellings of
        one id are the same order).
        """
        uid = normalize_merchant_uid(merchant_uid)
        receipt = parse_receipt(self._authorized("GET", receipt_path(uid), tier=True))
        if order_key(receipt.merchant_uid) != order_key(uid):
            raise OtherOrderAnswer(
                "the answer is about another order than the one looked up",
                answered_uid=self._wire.mask_text(receipt.merchant_uid),  # server text
                status=200,
                code=0,
            )
        return receipt

    def cancel_external_receipt(self, merchant_uid: str) -> Receipt:
        """``DELETE /receipts/external/{merchant_uid}``: sent at most once per call.

        Only a 401 (not processed) is retried, once, after a token refresh. Any doubt
        about whether PortOne processed it raises OutcomeUnknown, including an answer
        that names another order: only a lookup of the order asked can settle it.
        """
        uid = normalize_merchant_uid(merchant_uid)
        data = self._authorized("DELETE", receipt_path(uid), tier=True)
        try:
            receipt = parse_receipt(data)
        except ApiError:
            # PortOne said code 0 (done) but the receipt is unreadable: it was
            # probably cancelled; only a lookup can tell.
            raise OutcomeUnknown(
                "the server reported success but its answer could not be read",
                status=200,
                code=0,
            ) from None
        if order_key(receipt.merchant_uid) != order_key(uid):
            raise OutcomeUnknown(
                "the server reported success for another order than the one cancelled",
                status=200,
                code=0,
                reason="other_order",
            )
        return receipt

    def issue_external_receipt(
        self,
        merchant_uid: str,
        *,
        channel_key: str,
        name: str,
        amount: int,
        identifier: str,
        identifier_type: str | None = None,
        type: str = "person",  # PortOne's field name (shadows the builtin here only)
        buyer_name: str | None = None,
        buyer_email: str | None = None,
        buyer_tel: str | None = None,
        tax_free: int | None = None,
        vat_amount: int | None = None,
        product_type: str | None = None,
    ) -> Receipt:
        """``POST /receipts/external/{merchant_uid}``: issue a receipt, sent at most once.

        As for a cancellation, only a 401 (not processed) is retried, once, after a token
        refresh. A read timeout, a dropped connection, the deadline, ``abort()``, a redirect,
        an answer that is not PortOne's after sending, or one about another order raises
        OutcomeUnknown: settle it with ``lookup_external_receipt``, never by posting again.
        A 400 (e.g. "already issued") is an ApiError with PortOne's message. ``identifier``
        must be digits only (``rules.validate_identifier`` makes it so); it and the buyer's
        details are masked in any server text an error keeps, and never logged.
        """
        uid = normalize_merchant_uid(merchant_uid)
        body = issue_body(
            channel_key=channel_key,
            name=name,
            amount=amount,
            identifier=identifier,
            identifier_type=identifier_type,
            receipt_type=type,
            buyer_name=buyer_name,
            buyer_email=buyer_email,
            buyer_tel=buyer_tel,
            tax_free=tax_free,
            vat_amount=vat_amount,
            product_type=product_type,
        )
        # The request log names the method, the path and the status only, never the body.
        # A server echoing the customer's details is masked before an error holds its words.
        # (Not register_secret: that list lives as long as the process and would blank the
        # same digits in every later log line, an order number's included.)
        personal = SecretMask(*(v for v in (identifier, buyer_tel, buyer_email, buyer_name) if v))

        def mask(text: str) -> str:
            return personal.mask(self._wire.mask_text(text)) or text

        data = self._authorized(
            "POST", receipt_path(uid), tier=True, json_body=body, once=True, mask=mask
        )
        try:
            receipt = parse_receipt(data)
        except ApiError:
            raise OutcomeUnknown(
                "the server reported success but its answer could not be read",
                status=200,
                code=0,
            ) from None
        if order_key(receipt.merchant_uid) != order_key(uid):
            raise OutcomeUnknown(
                "the server reported an issue for another order than the one asked",
                status=200,
                code=0,
                reason="other_order",
            )
        return receipt

    # ---- the ReceiptApi seam (iamport_desk.receipt_api): the names the worker uses

    def lookup(self, order_id: str) -> Receipt:
        """``ReceiptApi.lookup``: the V1 external receipt of this merchant_uid."""
        return self.lookup_external_receipt(order_id)

    def cancel(self, order_id: str, *, idempotency_key: str | None = None) -> Receipt:
        """``ReceiptApi.cancel``: the V1 DELETE of this merchant_uid, sent at most once.

        ``idempotency_key`` is ignored: V1 has no such header (a DELETE is never resent).
        """
        del idempotency_key
        return self.cancel_external_receipt(order_id)

    def issue(self, request: IssueRequest, *, idempotency_key: str | None = None) -> Receipt:
        """``ReceiptApi.issue``: the V1 POST of ``request.payment_id``, sent at most once.

        V2-only fields (``paid_at``, ``business_registration_number``, ``payment_method``)
        are refused rather than silently left out. ``idempotency_key`` is accepted for the
        seam and not sent: V1 documents no such header (the audit row keeps None for V1).
        """
        del idempotency_key  # V1 has no idempotency header
        if (
            request.paid_at is not None
            or request.business_registration_number is not None
            or request.payment_method is not None
        ):
            raise ValueError("paid_at, business_registration_number and payment_method are V2's")
        identifier_type = None
        if request.identity_number_type is not None:
            identifier_type = V1_IDENTIFIER_TYPES.get(request.identity_number_type)
            if identifier_type is None:
                raise ValueError(f"identity_number_type must be one of {list(V1_IDENTIFIER_TYPES)}")
        return self.issue_external_receipt(
            request.payment_id,
            channel_key=request.channel_key,
            name=request.order_name,
            amount=request.amount,
            identifier=request.identity_number,
            identifier_type=identifier_type,
            type=request.receipt_type,
            buyer_name=request.customer_name,
            buyer_email=request.customer_email,
            buyer_tel=request.customer_phone,
            tax_free=request.tax_free,
            vat_amount=request.vat,
            product_type=request.product_type,
        )

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
            raise unexpected("tier answer lacks tier_name")
        name: str = data["tier_name"]
        return name

    def _authorized(
        self,
        method: str,
        path: str,
        *,
        tier: bool,
        json_body: dict[str, object] | None = None,
        once: bool = False,
        mask: Callable[[str], str] | None = None,
    ) -> Any:
        """One call with the token; on PortOne's 401 refresh once and retry once (its 401 means
        not processed; for a call that changes something, only PortOne's own 401 says so).

        ``once``: the call changes something (the issuing POST), so any doubt after sending is
        OutcomeUnknown, as for a DELETE. ``mask`` hides more than the secrets in server text.
        """
        token = self.get_token()
        answer = self._send(method, path, json_body=json_body, token=token, tier=tier, once=once)
        changes = once or method == "DELETE"
        if answer.status == 401 and changes and parse_envelope(answer.body) is None:
            # Only PortOne's own 401 says "not processed". A front end's page in its place
            # says nothing of it: sending again could cancel (or issue) twice.
            raise OutcomeUnknown(
                "a 401 that is not PortOne's answered a call that changes something",
                status=401,
                reason="unreadable",
            )
        if answer.status == 401:
            self._forget_token(token)
            token = self.get_token()
            answer = self._send(
                method, path, json_body=json_body, token=token, tier=tier, once=once
            )
            if answer.status == 401:
                self._forget_token(token)
                envelope = parse_envelope(answer.body)
                raw = envelope.get("message") if envelope else None
                raise AuthenticationError(
                    "the server refused the access token even after a refresh",
                    status=401,
                    code=envelope["code"] if envelope else None,
                    message=(mask or self._wire.mask_text)(raw) if raw else raw,
                )
        return self._read_success(answer, method, path, auth_call=False, once=once, mask=mask)

    def _read_success(
        self,
        answer: Answer,
        method: str,
        path: str,
        *,
        auth_call: bool,
        once: bool = False,
        mask: Callable[[str], str] | None = None,
    ) -> Any:
        """The envelope's ``response`` for HTTP 200 + code 0; otherwise the right error."""
        envelope = parse_envelope(answer.body)
        if answer.status == 200 and envelope is not None and envelope["code"] == 0:
            return envelope.get("response")
        raise error_for_answer(
            answer,
            envelope,
            method,
            path,
            auth_call=auth_call,
            mask=mask or self._wire.mask_text,
            once=once,
        )

    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, object] | None,
        token: str | None,
        tier: bool,
        once: bool = False,
    ) -> Answer:
        headers: dict[str, str] = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if tier and self._tier_code:
            headers["Tier"] = self._tier_code
        return self._wire.send(method, path, headers=headers, json_body=json_body, once=once)
