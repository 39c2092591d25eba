"""The V2 simulator's truth: stores, receipts, channels, tokens and idempotency records.

Every method takes the one lock; answers are ``Reply`` values in the spec's shapes (dicts), so
the HTTP layer only frames them. What PortOne has not published is a guess, and says so:
- cancelling a receipt that is not ISSUED (already cancelled, issue failed) answers 404
  CASH_RECEIPT_NOT_ISSUED;
- an ISSUE_FAILED receipt may be issued again; ISSUED or CANCELLED answers 409;
- a second request with an Idempotency-Key still in progress answers 409
  ``IDEMPOTENCY_CONFLICT`` (a type the spec does not list); the same key with another request
  answers 400 INVALID_REQUEST;
- the list's default time range is 90 days of ``STATUS_UPDATED_AT``, pages count from 0.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from iamport_desk.simulator_v2.faults import JSON_TYPE, Fault, FaultSlot, dumps

__all__ = ["ApiAccess", "Reply", "SimReceipt", "V2State", "error", "rfc3339"]

DAY = 86400

MSG_NOT_FOUND = "현금영수증이 존재하지 않습니다."
MSG_NOT_ISSUED = "발급되지 않은 현금영수증입니다."
MSG_ALREADY_ISSUED = "이미 발급된 현금영수증이 있습니다."
MSG_CHANNEL_NOT_FOUND = "채널을 찾을 수 없습니다."
MSG_IN_PROGRESS = "같은 Idempotency-Key로 처리 중인 요청이 있습니다."
MSG_KEY_REUSED = "Idempotency-Key가 다른 요청에 이미 사용되었습니다."


class Reply(NamedTuple):
    """One answer: ``payload`` as JSON, unless ``raw`` (a fault's own body) replaces it."""

    status: int
    payload: dict[str, Any]
    raw: bytes | None = None
    content_type: str = JSON_TYPE

    def encoded(self) -> bytes:
        return self.raw if self.raw is not None else dumps(self.payload)


def error(status: int, kind: str, message: str, **extra: str) -> Reply:
    return Reply(status, {"type": kind, "message": message, **extra})


def rfc3339(moment: float) -> str:
    """UTC with milliseconds and "Z", as PortOne writes its times."""
    text = datetime.fromtimestamp(moment, UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def stable_digits(text: str, count: int) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return str(int(digest, 16))[-count:].rjust(count, "0")


@dataclass(frozen=True)
class ApiAccess:
    """What one API secret may do: its merchant, its stores (the first is its own)."""

    merchant_id: str
    stores: tuple[str, ...]
    permitted: bool = True  # False: every receipt call answers 403 FORBIDDEN


@dataclass
class SimReceipt:
    """One cash receipt as the simulator keeps it (times as UNIX seconds)."""

    merchant_id: str
    store_id: str
    payment_id: str
    channel: dict[str, str]
    status: str  # ISSUED / CANCELLED / ISSUE_FAILED
    order_name: str
    is_manual: bool
    updated_at: float
    amount: int = 0
    tax_free: int = 0
    vat: int = 0
    type: str = "PERSONAL"
    pg_receipt_id: str = ""
    issue_number: str = ""
    url: str = ""
    issued_at: float | None = None
    cancelled_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "merchantId": self.merchant_id,
            "storeId": self.store_id,
            "paymentId": self.payment_id,
            "channel": dict(self.channel),
            "orderName": self.order_name,
            "isManual": self.is_manual,
            "statusUpdatedAt": rfc3339(self.updated_at),
        }
        if self.status == "ISSUE_FAILED":
            return data
        assert self.issued_at is not None
        data.update(
            amount=self.amount,
            taxFreeAmount=self.tax_free,
            vatAmount=self.vat,
            currency="KRW",
            type=self.type,
            pgReceiptId=self.pg_receipt_id,
            issueNumber=self.issue_number,
            url=self.url,
            issuedAt=rfc3339(self.issued_at),
        )
        if self.status == "CANCELLED":
            assert self.cancelled_at is not None
            data["cancelledAt"] = rfc3339(self.cancelled_at)
        return data


@dataclass
class _IdempotencyRecord:
    fingerprint: str
    reply: Reply | None = None  # None while the first request is in progress


@dataclass
class V2State:
    """All the simulator's state, guarded by ``lock`` (an RLock)."""

    access: dict[str, ApiAccess]
    channels: dict[str, dict[str, str]]
    clock: Callable[[], float]
    lock: threading.RLock = field(default_factory=threading.RLock)
    receipts: dict[tuple[str, str], SimReceipt] = field(default_factory=dict)
    faults: dict[tuple[str, str, str], FaultSlot] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # access token -> API secret
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    idempotency: dict[tuple[str, str], _IdempotencyRecord] = field(default_factory=dict)

    # -- who is asking ----------------------------------------------------------

    def authenticate(self, authorization: str) -> ApiAccess | None:
        scheme, _, credential = authorization.strip().partition(" ")
        credential = credential.strip()
        with self.lock:
            if scheme.lower() == "bearer":
                credential = self.tokens.get(credential, "")
            elif scheme.lower() != "portone":
                return None
            for secret, access in self.access.items():
                if secrets.compare_digest(secret.encode(), credential.encode()):
                    return access
        return None

    def login(self, secret: object) -> Reply:
        if not isinstance(secret, str) or not secret:
            return error(400, "INVALID_REQUEST", "apiSecret이 필요합니다.")
        if self.authenticate(f"PortOne {secret}") is None:
            return error(401, "UNAUTHORIZED", "API secret이 올바르지 않습니다.")
        return self._tokens_for(secret)

    def refresh(self, refresh_token: object) -> Reply:
        with self.lock:
            secret = (
                self.refresh_tokens.pop(refresh_token, None)
                if isinstance(refresh_token, str)
                else None
            )
        if secret is None:
            return error(401, "UNAUTHORIZED", "refresh token이 올바르지 않습니다.")
        return self._tokens_for(secret)

    def _tokens_for(self, secret: str) -> Reply:
        access_token, refresh_token = secrets.token_hex(24), secrets.token_hex(24)
        with self.lock:
            self.tokens[access_token] = secret
            self.refresh_tokens[refresh_token] = secret
        return Reply(200, {"accessToken": access_token, "refreshToken": refresh_token})

    # -- idempotency ------------------------------------------------------------

    def begin(self, merchant_id: str, key: str, fingerprint: str) -> Reply | None:
        """None: go ahead (the key is now in progress); else the answer to send instead."""
        with self.lock:
            record = self.idempotency.get((merchant_id, key))
            if record is None:
                self.idempotency[(merchant_id, key)] = _IdempotencyRecord(fingerprint)
                return None
            if record.fingerprint != fingerprint:
                return error(400, "INVALID_REQUEST", MSG_KEY_REUSED)
            if record.reply is None:
                return error(409, "IDEMPOTENCY_CONFLICT", MSG_IN_PROGRESS)
            return record.reply

    def finish(self, merchant_id: str, key: str, reply: Reply | None) -> None:
        """Keep ``reply`` for later requests with this key; None forgets the key (not done)."""
        with self.lock:
            if reply is None:
                self.idempotency.pop((merchant_id, key), None)
            elif (record := self.idempotency.get((merchant_id, key))) is not None:
                record.reply = reply

    # -- receipts ---------------------------------------------------------------

    def add(self, receipt: SimReceipt) -> None:
        with self.lock:
            self.receipts[(receipt.store_id, receipt.payment_id)] = receipt

    def set_fault(
        self, store_id: str, payment_id: str, operation: str, fault: Fault | None
    ) -> None:
        with self.lock:
            if fault is None:
                self.faults.pop((store_id, payment_id, operation), None)
            else:
                slot = FaultSlot(operation, "", fault, fault.times)
                self.faults[(store_id, payment_id, operation)] = slot

    def _take_fault(self, store_id: str, payment_id: str, operation: str) -> Fault | None:
        slot = self.faults.get((store_id, payment_id, operation))
        if slot is None:
            return None
        fault = slot.take()
        if slot.used_up:
            del self.faults[(store_id, payment_id, operation)]
        return fault

    def lookup(self, store_id: str, payment_id: str) -> tuple[Reply, Fault | None]:
        with self.lock:
            receipt = self.receipts.get((store_id, payment_id))
            if receipt is None:
                return error(404, "CASH_RECEIPT_NOT_FOUND", MSG_NOT_FOUND), None
            fault = self._take_fault(store_id, payment_id, "lookup")
            return _replaced(Reply(200, receipt.to_json()), fault)

    def cancel(self, store_id: str, payment_id: str) -> tuple[Reply, Fault | None]:
        with self.lock:
            receipt = self.receipts.get((store_id, payment_id))
            if receipt is None:
                return error(404, "CASH_RECEIPT_NOT_FOUND", MSG_NOT_FOUND), None
            if receipt.status != "ISSUED":
                return error(404, "CASH_RECEIPT_NOT_ISSUED", MSG_NOT_ISSUED), None
            fault = self._take_fault(store_id, payment_id, "cancel")
            if fault is not None and not fault.applies_state():
                return _replaced(Reply(200, {}), fault)
            now = self.clock()
            receipt.status, receipt.cancelled_at, receipt.updated_at = "CANCELLED", now, now
            answer = {"cancelledAmount": receipt.amount, "cancelledAt": rfc3339(now)}
            return _replaced(Reply(200, answer), fault)

    def issue(
        self, store_id: str, merchant_id: str, body: dict[str, Any]
    ) -> tuple[Reply, Fault | None]:
        """``POST /cash-receipts`` with a body already checked against IssueCashReceiptBody."""
        payment_id: str = body["paymentId"]
        with self.lock:
            channel = self.channels.get(body["channelKey"])
            if channel is None:
                return error(404, "CHANNEL_NOT_FOUND", MSG_CHANNEL_NOT_FOUND), None
            existing = self.receipts.get((store_id, payment_id))
            if existing is not None and existing.status != "ISSUE_FAILED":
                return error(409, "CASH_RECEIPT_ALREADY_ISSUED", MSG_ALREADY_ISSUED), None
            fault = self._take_fault(store_id, payment_id, "issue")
            if fault is not None and not fault.applies_state():
                return _replaced(Reply(200, {}), fault)
            amount = body["amount"]
            total: int = amount["total"]
            tax_free: int = amount.get("taxFree", 0)
            receipt = new_receipt(
                self.clock(),
                merchant_id,
                store_id,
                payment_id,
                channel,
                order_name=body["orderName"],
                amount=total,
                tax_free=tax_free,
                vat=amount.get("vat", (total - tax_free) // 11),
                receipt_type=body["type"],
                is_manual=True,
            )
            self.receipts[(store_id, payment_id)] = receipt
            summary = {
                "issueNumber": receipt.issue_number,
                "url": receipt.url,
                "pgReceiptId": receipt.pg_receipt_id,
            }
            return _replaced(Reply(200, {"cashReceipt": summary}), fault)

    def matching(self, stores: tuple[str, ...]) -> list[SimReceipt]:
        with self.lock:
            return [r for (store, _), r in self.receipts.items() if store in stores]


def _replaced(reply: Reply, fault: Fault | None) -> tuple[Reply, Fault | None]:
    """A per-receipt fault with a status is PortOne's own answer (a PG refusal, say)."""
    if fault is not None and fault.status is not None:
        return Reply(fault.status, {}, fault.body_bytes(), fault.content_type), fault
    return reply, fault


def new_receipt(
    now: float,
    merchant_id: str,
    store_id: str,
    payment_id: str,
    channel: dict[str, str],
    *,
    order_name: str,
    amount: int,
    tax_free: int = 0,
    vat: int | None = None,
    receipt_type: str = "PERSONAL",
    is_manual: bool = False,
) -> SimReceipt:
    """An ISSUED receipt with stable, made-up PG and approval numbers."""
    seed = f"{store_id}/{payment_id}"
    pg_receipt_id = f"pgrcpt_{stable_digits(seed + '/pg', 12)}"
    return SimReceipt(
        merchant_id=merchant_id,
        store_id=store_id,
        payment_id=payment_id,
        channel=dict(channel),
        status="ISSUED",
        order_name=order_name,
        is_manual=is_manual,
        updated_at=now,
        amount=amount,
        tax_free=tax_free,
        vat=(amount - tax_free) // 11 if vat is None else vat,
        type=receipt_type,
        pg_receipt_id=pg_receipt_id,
        issue_number=stable_digits(seed, 9),
        # example.com is reserved: the demo never opens a real site.
        url=f"https://receipt.example.com/v2/{urllib.parse.quote(pg_receipt_id, safe='')}",
        issued_at=now,
    )
