"""``SimulatorV2``: PortOne V2's cash receipt calls on a real HTTP server on 127.0.0.1.

Routing, authentication (``Authorization: PortOne <secret>`` or ``Bearer <token>`` from
``POST /login/api-secret``), storeId scoping, Idempotency-Key handling and fault injection;
the state and its answers live in ``store``; the server, the recorded requests, the injected
faults and their delivery are ``iamport_desk.simkit``'s (as the V1 simulator's). ``latency``
(and a fault's) delays the answer, not the processing: a cancel is done when the request
arrives. A POST with an Idempotency-Key
stays "in progress" until its answer is sent, so a second one meanwhile answers 409.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.parse
from collections.abc import Callable
from typing import Any

from iamport_desk.simkit import RecordedRequest as SharedRecordedRequest
from iamport_desk.simkit import Routed, SimServer
from iamport_desk.simkit.http import Headers
from iamport_desk.simulator_v2.checks import check_issue_body, list_page
from iamport_desk.simulator_v2.demo import DEMO_CHANNEL, DEMO_CHANNEL_KEY, demo_access, seed
from iamport_desk.simulator_v2.faults import MSG_GENERIC, Fault
from iamport_desk.simulator_v2.store import (
    ApiAccess,
    Reply,
    SimReceipt,
    V2State,
    error,
    new_receipt,
)

__all__ = ["RecordedRequest", "SimulatorV2"]

_RECEIPT_PATH = re.compile(r"/payments/([^/]+)/cash-receipt(/cancel)?")
_LIST_PATH = "/cash-receipts"
_ROUTED_PREFIXES = ("/payments/", _LIST_PATH)


class RecordedRequest(SharedRecordedRequest):
    """One request as received (``iamport_desk.simkit.RecordedRequest``) and its key."""

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


class SimulatorV2(SimServer):
    """PortOne V2 as far as the desk needs it; state guarded by one lock.

    ``access`` maps API secrets to what they may do (default: the demo secrets); ``clock`` is
    the server's wall clock (UNIX seconds). Answers are gzip'd like nginx when the request
    allows it (``gzip=False`` turns that off). Lifecycle, ``inject``, ``count`` and
    ``requests`` are ``SimServer``'s.
    """

    thread_name = "portone-v2-simulator"
    delayed_prefixes = _ROUTED_PREFIXES  # login is never delayed
    unreadable_body_message = "요청 본문을 읽을 수 없습니다."

    def __init__(
        self,
        *,
        access: dict[str, ApiAccess] | None = None,
        seed_demo: bool = True,
        clock: Callable[[], float] = time.time,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        gzip: bool = True,
        gzip_min_length: int = 20,
    ) -> None:
        self.state = V2State(
            access=dict(access) if access is not None else demo_access(),
            channels={DEMO_CHANNEL_KEY: dict(DEMO_CHANNEL)},
            clock=clock,
        )
        SimServer.__init__(
            self,
            lock=self.state.lock,
            latency=latency,
            host=host,
            port=port,
            gzip=gzip,
            gzip_min_length=gzip_min_length,
        )
        if seed_demo:
            seed(self.state)

    # -- state for tests and the demo ----------------------------------------

    def add_receipt(
        self,
        payment_id: str,
        *,
        amount: int,
        store_id: str | None = None,
        receipt_type: str = "PERSONAL",
        status: str = "ISSUED",
        vat: int | None = None,
        on_cancel: Fault | None = None,
        on_lookup: Fault | None = None,
    ) -> dict[str, Any]:
        """Store a receipt (replacing any) in ``store_id`` (default: the first secret's own)."""
        store = store_id or self._default_store()
        merchant = next(iter(self.state.access.values())).merchant_id
        now = self.state.clock()
        receipt = new_receipt(
            now - 3600, merchant, store, payment_id, DEMO_CHANNEL, order_name="테스트 주문",
            amount=amount, vat=vat, receipt_type=receipt_type,
        )  # fmt: skip
        if status == "CANCELLED":
            receipt.status, receipt.cancelled_at, receipt.updated_at = status, now, now
        elif status == "ISSUE_FAILED":
            receipt.status = status
        self.state.add(receipt)
        self.state.set_fault(store, payment_id, "cancel", on_cancel)
        self.state.set_fault(store, payment_id, "lookup", on_lookup)
        return receipt.to_json()

    def set_issue_fault(self, payment_id: str, fault: Fault, store_id: str | None = None) -> None:
        """Deliver the next issue of ``payment_id`` with ``fault`` (e.g. a PG refusal)."""
        self.state.set_fault(store_id or self._default_store(), payment_id, "issue", fault)

    def receipt(self, payment_id: str, store_id: str | None = None) -> dict[str, Any] | None:
        """The server's current truth for one receipt, in the spec's shape, or None."""
        with self.state.lock:
            found: SimReceipt | None = self.state.receipts.get(
                (store_id or self._default_store(), payment_id)
            )
            return found.to_json() if found is not None else None

    def _default_store(self) -> str:
        return next(iter(self.state.access.values())).stores[0]

    # -- serving (SimServer's hooks) ------------------------------------------

    def record(
        self, method: str, raw_path: str, path: str, query: dict[str, str], headers: Headers
    ) -> RecordedRequest:
        return RecordedRequest(method, raw_path, path, query, headers, time.monotonic())

    def route(self, request: SharedRecordedRequest, body: bytes) -> Routed:
        path_part = request.raw_path.partition("?")[0]
        reply, fault, pending = self._handle(
            request.method, path_part, request.query, request.headers, body
        )
        settle: Callable[[bool], None] | None = None
        if pending is not None:
            # A POST with a key is "in progress" until its answer is sent (a second: 409).
            def settle(processed: bool) -> None:
                self.state.finish(*pending, reply if processed else None)

        return Routed(reply.status, reply.encoded(), reply.content_type, fault, settle)

    def protocol_error(self, status: int, message: str | None) -> bytes:
        """Even the server's own protocol errors answer in V2's error shape."""
        return error(status, "INVALID_REQUEST", message or MSG_GENERIC).encoded()

    def _handle(
        self,
        method: str,
        path_part: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[Reply, Fault | None, tuple[str, str] | None]:
        """PortOne's answer, the per-receipt fault to deliver it with, the idempotency slot."""
        decoded = urllib.parse.unquote(path_part)
        if decoded in ("/login/api-secret", "/token/refresh"):
            if method != "POST":
                return error(405, "METHOD_NOT_ALLOWED", "허용되지 않는 메소드입니다."), None, None
            data = _json_object(body) or {}
            if decoded == "/login/api-secret":
                return self.state.login(data.get("apiSecret")), None, None
            return self.state.refresh(data.get("refreshToken")), None, None
        match = _RECEIPT_PATH.fullmatch(path_part)
        if match is None and path_part != _LIST_PATH:
            return error(404, "NOT_FOUND", "요청하신 API를 찾을 수 없습니다."), None, None
        access = self.state.authenticate(headers.get("authorization", ""))
        if access is None:
            return error(401, "UNAUTHORIZED", "인증 정보가 올바르지 않습니다."), None, None
        if not access.permitted:
            return error(403, "FORBIDDEN", "이 API secret에는 권한이 없습니다."), None, None
        expected = "POST" if match is None or match.group(2) else "GET"
        if method != expected and not (match is None and method == "GET"):
            return error(405, "METHOD_NOT_ALLOWED", "허용되지 않는 메소드입니다."), None, None
        pending: tuple[str, str] | None = None
        key = headers.get("idempotency-key")
        if method == "POST" and key:
            fingerprint = hashlib.sha256(
                f"{path_part}?{sorted(query.items())}".encode() + b"\0" + body
            ).hexdigest()
            earlier = self.state.begin(access.merchant_id, key, fingerprint)
            if earlier is not None:
                return earlier, None, None
            pending = (access.merchant_id, key)
        reply, fault = self._dispatch(access, method, match, query, body)
        return reply, fault, pending

    def _dispatch(
        self,
        access: ApiAccess,
        method: str,
        match: re.Match[str] | None,
        query: dict[str, str],
        body: bytes,
    ) -> tuple[Reply, Fault | None]:
        forbidden = error(403, "FORBIDDEN", "이 상점(storeId)에 대한 권한이 없습니다.")
        if match is not None:
            store = query.get("storeId") or access.stores[0]
            if store not in access.stores:
                return forbidden, None
            payment_id = urllib.parse.unquote(match.group(1))
            if match.group(2):
                return self.state.cancel(store, payment_id)
            return self.state.lookup(store, payment_id)
        if method == "POST":
            data = _json_object(body)
            problem = check_issue_body(data)
            if problem is not None:
                return error(400, "INVALID_REQUEST", problem), None
            assert data is not None
            store = data.get("storeId") or access.stores[0]
            if store not in access.stores:
                return forbidden, None
            return self.state.issue(store, access.merchant_id, data)
        raw = query.get("requestBody")
        listing = _json_object(raw.encode("utf-8")) if raw is not None else _json_object(body)
        if listing is None and (raw is not None or body.strip()):
            return error(400, "INVALID_REQUEST", "requestBody가 JSON 객체가 아닙니다."), None
        listing = listing or {}
        where = listing.get("filter") or {}
        scope = where.get("storeId", access.stores[0]) if isinstance(where, dict) else None
        if not isinstance(scope, str) or scope not in access.stores:
            return forbidden, None
        page, problem = list_page(self.state.matching((scope,)), listing, self.state.clock())
        if page is None:
            return error(400, "INVALID_REQUEST", problem or "잘못된 요청입니다."), None
        return Reply(200, page), None


def _json_object(body: bytes) -> dict[str, Any] | None:
    if not body.strip():
        return None
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None
