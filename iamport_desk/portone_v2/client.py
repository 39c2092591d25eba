"""Qt-free client for PortOne V2's cash receipt calls, behind the desk's ``ReceiptApi`` seam.

Authentication is ``Authorization: PortOne <API secret>`` on every call: no token to cache or
refresh. Every failure is one of the shared error family (``iamport_desk.errors``), refined in
``iamport_desk.portone_v2.errors`` so that V2's ``type``, the PG's code and message and the
Idempotency-Key are kept.

The rule that shapes the POSTs: every one carries an ``Idempotency-Key``. When no usable answer
comes back the caller gets ``V2OutcomeUnknown`` with that key; sending the same call again with
the same key is safe (PortOne answers the first call's result), a new key is not.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
import unicodedata
import urllib.parse
import uuid
from collections import OrderedDict
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx

from iamport_desk import models
from iamport_desk.answer_body import Answer
from iamport_desk.errors import IamportError, OutcomeUnknown
from iamport_desk.http_wire import HttpWire
from iamport_desk.logsetup import register_secret
from iamport_desk.models import Receipt
from iamport_desk.portone_v2.errors import (
    PortOneV2Error,
    ReceiptAlreadyIssued,
    V2AnswerMismatch,
    V2ApiError,
    V2AuthenticationError,
    V2ChannelNotFound,
    V2OtherOrderAnswer,
    V2OutcomeUnknown,
    V2PermissionDenied,
    V2PgProviderError,
    V2ReceiptNotFound,
    V2ReceiptNotIssued,
)
from iamport_desk.portone_v2.issue import IssueRequest
from iamport_desk.portone_v2.parsing import (
    CashReceiptAnswer,
    loads_strict,
    parse_cancel_answer,
    parse_cash_receipt,
    parse_error_body,
    parse_issue_answer,
)

# The V1 validators, moving to iamport_desk.rules; imported here only.
from iamport_desk.rules import normalize_merchant_uid, order_key, validate_base_url
from iamport_desk.secret_mask import SecretMask

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "PortOneV2Client",
    "new_idempotency_key",
    "receipt_path",
]

logger = logging.getLogger("iamport_desk.portone_v2")

DEFAULT_BASE_URL = "https://api.portone.io"
# PortOne recommends reading for at least 60 s: a cancel or issue waits for the PG.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_DEADLINE = 60.0  # the whole exchange, however the bytes trickle in

# Lookups remembered so that a cancel whose follow-up lookup fails can still say what it was.
_KNOWN_RECEIPTS = 64

_ERROR_CLASSES: dict[str, type[PortOneV2Error]] = {
    "CASH_RECEIPT_NOT_FOUND": V2ReceiptNotFound,
    "CASH_RECEIPT_NOT_ISSUED": V2ReceiptNotIssued,
    "UNAUTHORIZED": V2AuthenticationError,
    "FORBIDDEN": V2PermissionDenied,
    "PG_PROVIDER": V2PgProviderError,
    "CASH_RECEIPT_ALREADY_ISSUED": ReceiptAlreadyIssued,
    "CHANNEL_NOT_FOUND": V2ChannelNotFound,
}


def new_idempotency_key() -> str:
    """A fresh key for one intended POST (keep it with the audit row before sending)."""
    return str(uuid.uuid4())


def receipt_path(payment_id: str) -> str:
    """``/payments/{paymentId}/cash-receipt`` with the id as ONE percent-encoded segment."""
    return "/payments/" + urllib.parse.quote(payment_id, safe="") + "/cash-receipt"


def _payment_id(raw: str) -> str:
    # The order-number rules are V1's and V2's alike (one rule, one place).
    return normalize_merchant_uid(raw)


def _store_id(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    value = raw.strip()
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise ValueError("The store id contains a control character.")
    return value


class PortOneV2Client:
    """One PortOne V2 store: the cash receipt calls with ``Authorization: PortOne <secret>``.

    ``store_id`` (``?storeId=`` / the body's ``storeId``) names the store when the secret's
    merchant has several. ``deadline`` bounds each exchange as a whole, ``timeout`` each phase.
    ``proxy`` is a proxy URL set by hand; without it the environment's or the OS's proxy is
    used, never for the simulator on this computer (the same wire as the V1 client:
    ``iamport_desk.http_wire``). ``transport`` lets tests swap the network (then no proxy and
    no socket deadline); ``wall_clock`` (UNIX seconds) dates a receipt that was issued but could
    not be looked up afterwards. Used from one thread at a time; only ``abort()`` may be
    called from another.
    """

    def __init__(
        self,
        api_secret: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        store_id: str | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        transport: httpx.BaseTransport | None = None,
        wall_clock: Callable[[], float] = time.time,
        proxy: str | None = None,
    ) -> None:
        if not isinstance(api_secret, str) or not api_secret.strip():
            raise ValueError("The API secret must not be empty.")
        if not api_secret.isascii() or not api_secret.isprintable() or " " in api_secret:
            raise ValueError("The API secret contains characters that cannot be sent.")
        if deadline <= 0:
            raise ValueError("The deadline must be positive.")
        self._secret = api_secret
        register_secret(api_secret)
        self._base_url = validate_base_url(base_url)
        self._store_id = _store_id(store_id)
        self._wall_clock = wall_clock
        self._known: OrderedDict[str, Receipt] = OrderedDict()
        self.last_idempotency_key: str | None = None
        self._mask = SecretMask(api_secret)
        self._wire = HttpWire(
            self._base_url,
            timeout=timeout,
            transport=transport,
            deadline=deadline,
            proxy=proxy,
            mask=self._mask,
            logger=logger,
        )

    # -- plumbing -------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"PortOneV2Client(api_secret='***', base_url={self._base_url!r}, "
            f"store_id={self._store_id!r}, proxy={'yes' if self._wire.proxy else 'none'})"
        )

    def __enter__(self) -> PortOneV2Client:
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

        A lookup so cut raises NetworkError (kind "aborted"); a POST that may have been sent
        raises V2OutcomeUnknown with its key. Without a call in flight this does nothing.
        """
        self._wire.abort()

    @property
    def uses_proxy(self) -> bool:
        """True when requests go through a proxy (set by hand, or the environment's/OS's)."""
        return self._wire.proxy is not None

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def store_id(self) -> str | None:
        return self._store_id

    # -- calls ----------------------------------------------------------------

    def lookup_cash_receipt(self, payment_id: str) -> Receipt:
        """``GET /payments/{paymentId}/cash-receipt``: the receipt as PortOne has it now.

        ISSUE_FAILED raises ``V2ReceiptNotIssued`` (nothing was issued); an answer about
        another paymentId or store raises ``V2AnswerMismatch``.
        """
        pid = _payment_id(payment_id)
        answer = self._checked_lookup(pid)
        if answer.receipt is None:
            raise V2ReceiptNotIssued(
                "the cash receipt was never issued (ISSUE_FAILED)",
                status=200,
                error_type=answer.status,
            )
        self._remember(answer.receipt)
        return answer.receipt

    def cancel_cash_receipt(
        self, payment_id: str, *, idempotency_key: str | None = None
    ) -> Receipt:
        """``POST /payments/{paymentId}/cash-receipt/cancel``, then a lookup for the rest.

        PortOne answers only ``cancelledAmount`` and ``cancelledAt``; when the follow-up lookup
        fails the cancel still succeeded, and the Receipt is built from the last lookup of this
        paymentId and the cancel's answer. ``idempotency_key`` None means a fresh one (then
        read ``last_idempotency_key``); pass the key of an unknown outcome to settle it.
        """
        pid = _payment_id(payment_id)
        key = idempotency_key or new_idempotency_key()
        self.last_idempotency_key = key
        data = self._call("POST", receipt_path(pid) + "/cancel", idempotency_key=key)
        try:
            cancelled_amount, cancelled_at = parse_cancel_answer(data)
        except V2ApiError:
            raise V2OutcomeUnknown(
                "PortOne answered the cancel, but its answer could not be read",
                idempotency_key=key,
                status=200,
            ) from None
        receipt = self._receipt_after_post(pid, key)
        if receipt is None:
            known = self._known.get(order_key(pid))
            receipt = Receipt(
                merchant_uid=pid,
                receipt_tid=known.receipt_tid if known else None,
                apply_num=known.apply_num if known else "",
                type=known.type if known else "",
                amount=cancelled_amount,
                vat=known.vat if known else 0,
                receipt_url=known.receipt_url if known else None,
                applied_at=known.applied_at if known else 0,
                cancelled_at=cancelled_at,
            )
        elif receipt.cancelled_at is None:
            # The lookup may lag behind the cancel it follows; the cancel's answer is the fact.
            receipt = dataclasses.replace(receipt, cancelled_at=cancelled_at)
        self._remember(receipt)
        return receipt

    def issue_cash_receipt(
        self, request: IssueRequest, *, idempotency_key: str | None = None
    ) -> Receipt:
        """``POST /cash-receipts`` (the correction flow's new receipt), then a lookup.

        ``ReceiptAlreadyIssued`` when the paymentId has one already. Like a cancel, an answer
        that never came raises ``V2OutcomeUnknown`` with the key to resend with.
        """
        pid = _payment_id(request.payment_id)
        key = idempotency_key or new_idempotency_key()
        self.last_idempotency_key = key
        body = json.dumps(request.to_body(pid, self._store_id), ensure_ascii=False)
        # The customer's details are personal data: a server echoing them in a refusal is
        # masked before the error travels on (to the screen, the history, the export).
        personal = SecretMask(
            *(
                value
                for value in (
                    request.identity_number,
                    request.customer_phone,
                    request.customer_email,
                    request.customer_name,
                )
                if value
            )
        )
        try:
            data = self._call(
                "POST",
                "/cash-receipts",
                body=body.encode("utf-8"),
                idempotency_key=key,
                store=False,
            )
        except IamportError as exc:
            for name in ("message", "pg_message", "pg_code"):
                text = getattr(exc, name, None)
                if isinstance(text, str):
                    setattr(exc, name, personal.mask(text))
            raise
        try:
            issue_number, url, pg_receipt_id = parse_issue_answer(data)
        except V2ApiError:
            raise V2OutcomeUnknown(
                "PortOne answered the issue, but its answer could not be read",
                idempotency_key=key,
                status=200,
            ) from None
        receipt = self._receipt_after_post(pid, key)
        if receipt is None:
            receipt = Receipt(
                merchant_uid=pid,
                receipt_tid=pg_receipt_id,
                apply_num=issue_number,
                type=request.receipt_type,
                amount=request.amount,
                vat=request.vat if request.vat is not None else 0,
                receipt_url=url,
                applied_at=int(self._wall_clock()),
                cancelled_at=None,
            )
        self._remember(receipt)
        return receipt

    # ---- the ReceiptApi seam (iamport_desk.receipt_api)

    def lookup(self, order_id: str) -> Receipt:
        """``ReceiptApi.lookup``: the V2 cash receipt of this paymentId."""
        return self.lookup_cash_receipt(order_id)

    def cancel(self, order_id: str, *, idempotency_key: str | None = None) -> Receipt:
        """``ReceiptApi.cancel``: the V2 cancel with the history row's key (None: a fresh
        one, see ``last_idempotency_key``)."""
        return self.cancel_cash_receipt(order_id, idempotency_key=idempotency_key)

    def issue(self, request: models.IssueRequest, *, idempotency_key: str | None = None) -> Receipt:
        """``ReceiptApi.issue``: the V2 issue with ``idempotency_key`` (the one in the audit
        row), or a fresh one when None (see ``last_idempotency_key``)."""
        return self.issue_cash_receipt(IssueRequest.of(request), idempotency_key=idempotency_key)

    def check_access(self) -> str | None:
        """``ReceiptApi.check_access``: list one receipt; V2 has no store name to report."""
        query: dict[str, dict[str, object]] = {"page": {"number": 0, "size": 1}}
        if self._store_id is not None:
            query["filter"] = {"storeId": self._store_id}
        data = self._call(
            "GET",
            "/cash-receipts",
            params={"requestBody": json.dumps(query, separators=(",", ":"))},
            store=False,
        )
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise V2ApiError(
                "unexpected answer from PortOne V2: not a page of receipts", status=200
            )
        return None

    # -- helpers --------------------------------------------------------------

    def _remember(self, receipt: Receipt) -> None:
        key = order_key(receipt.merchant_uid)
        self._known[key] = receipt
        self._known.move_to_end(key)
        while len(self._known) > _KNOWN_RECEIPTS:
            self._known.popitem(last=False)

    def _checked_lookup(self, pid: str) -> CashReceiptAnswer:
        answer = parse_cash_receipt(self._call("GET", receipt_path(pid)))
        if order_key(answer.payment_id) != order_key(pid):
            raise V2OtherOrderAnswer(
                "PortOne's answer is about another payment",
                answered_uid=answer.payment_id,
                status=200,
            )
        if self._store_id is not None and answer.store_id != self._store_id:
            raise V2AnswerMismatch("PortOne's answer is about another store", status=200)
        return answer

    def _receipt_after_post(self, pid: str, key: str) -> Receipt | None:
        """The receipt after a successful POST, or None when the lookup could not tell."""
        try:
            answer = self._checked_lookup(pid)
        except V2AnswerMismatch:
            raise V2OutcomeUnknown(
                "PortOne's answer after the request is about another payment or store",
                idempotency_key=key,
                status=200,
            ) from None
        except IamportError as exc:
            logger.warning("lookup after a successful POST failed (%s); using what is known", exc)
            return None
        return answer.receipt

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        idempotency_key: str | None = None,
        params: dict[str, str] | None = None,
        store: bool = True,
    ) -> Any:
        """One exchange; the parsed JSON of a 200, else the right error of the family."""
        headers = {"Authorization": f"PortOne {self._secret}"}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        query = dict(params or {})
        if store and self._store_id is not None:
            query["storeId"] = self._store_id
        if body is not None:
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            answer = self._wire.send(
                method,
                path,
                headers=headers,
                content=body,
                params=query or None,
                # Only a POST with a key changes anything; the key makes settling it safe.
                once=idempotency_key is not None,
            )
        except OutcomeUnknown as exc:
            assert idempotency_key is not None
            raise V2OutcomeUnknown(
                exc.summary,
                idempotency_key=idempotency_key,
                detail=exc.detail,
                reason=exc.reason,
            ) from None
        elapsed_ms = (time.perf_counter() - started) * 1000
        return self._read(answer, method, path, idempotency_key, elapsed_ms)

    def _read(
        self, answer: Answer, method: str, path: str, key: str | None, elapsed_ms: float
    ) -> Any:
        status = answer.status
        data: Any = None
        readable = False
        if answer.body:
            try:
                data = loads_strict(answer.body)
                readable = True
            except ValueError:
                readable = False
        # A receipt has a "type" too: only a refusal's body is read as an error object.
        error = parse_error_body(data) if readable and status != 200 else None
        if error is not None and self._mask.mask(error.type) != error.type:
            error.type = "UNKNOWN"  # an upper-case secret echoed as the type
        logger.info(
            "%s %s -> HTTP %s%s %.0f ms",
            method,
            path,
            status,
            f" type={error.type}"
            if error
            else ""
            if readable
            else f" (not a PortOne answer{'; ' + answer.unreadable if answer.unreadable else ''})",
            elapsed_ms,
        )
        if status == 200 and readable:
            return data
        if error is None:
            if key is not None and (status == 200 or 300 <= status < 400 or status >= 500):
                # A gateway answered, perhaps after forwarding the request: only a lookup
                # (or the same key again) can tell whether PortOne processed it.
                raise V2OutcomeUnknown(
                    "an intermediary answered instead of PortOne; the request may or may "
                    "not have been processed",
                    idempotency_key=key,
                    status=status,
                )
            raise V2ApiError(f"unexpected answer (not from PortOne V2) to {method}", status=status)
        # An empty text is no text (None), as before the shared mask.
        message = self._mask.mask(error.message) or None
        pg_message = self._mask.mask(error.pg_message) or None
        pg_code = self._mask.mask(error.pg_code) or None
        cls = _ERROR_CLASSES.get(error.type)
        if key is not None and cls is None and (status == 409 or status >= 500):
            # 409 without a known type: a request with this key is still in progress.
            raise V2OutcomeUnknown(
                "PortOne has not finished a request with this key, or failed while doing it",
                idempotency_key=key,
                status=status,
                message=message,
                error_type=error.type,
            )
        if cls is V2PgProviderError and pg_message:
            # What the clerk reads: PortOne's words, then the PG's own.
            message = f"{message} ({pg_message})" if message else pg_message
        raise (cls or V2ApiError)(
            f"PortOne V2 refused the {method} call",
            status=status,
            error_type=error.type,
            message=message,
            pg_code=pg_code,
            pg_message=pg_message,
        )
