"""``SimulatorV2``: PortOne V2's cash receipt calls on a real HTTP server on 127.0.0.1.

Routing, authentication (``Authorization: PortOne <secret>`` or ``Bearer <token>`` from
``POST /login/api-secret``), storeId scoping, Idempotency-Key handling and fault injection;
the state and its answers live in ``store``. ``latency`` (and a fault's) delays the answer,
not the processing: a cancel is done when the request arrives. A POST with an Idempotency-Key
stays "in progress" until its answer is sent, so a second one meanwhile answers 409.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from iamport_desk.simulator_v2.checks import check_issue_body, list_page
from iamport_desk.simulator_v2.demo import DEMO_CHANNEL, DEMO_CHANNEL_KEY, demo_access, seed
from iamport_desk.simulator_v2.faults import Fault, FaultSlot
from iamport_desk.simulator_v2.framing import Handler, Server
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
GATE_LIMIT = 30.0  # a gate nobody opens must not hold a server thread forever


@dataclass
class RecordedRequest:
    """One request as received: ``raw_path`` as on the wire, ``path`` decoded, no query.

    ``headers`` are lower-case names (Authorization kept so tests can check it); bodies are
    not kept (login's holds the secret). ``at`` is ``time.monotonic()`` when it was read.
    """

    method: str
    raw_path: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


class SimulatorV2:
    """PortOne V2 as far as the desk needs it; state guarded by one lock.

    ``access`` maps API secrets to what they may do (default: the demo secrets); ``clock`` is
    the server's wall clock (UNIX seconds).
    """

    def __init__(
        self,
        *,
        access: dict[str, ApiAccess] | None = None,
        seed_demo: bool = True,
        clock: Callable[[], float] = time.time,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.state = V2State(
            access=dict(access) if access is not None else demo_access(),
            channels={DEMO_CHANNEL_KEY: dict(DEMO_CHANNEL)},
            clock=clock,
        )
        self.latency = latency
        self._host, self._port = host, port
        self._faults: list[FaultSlot] = []
        self._connections: set[socket.socket] = set()
        self._connections_opened = 0
        self.requests: list[RecordedRequest] = []
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        if seed_demo:
            seed(self.state)

    # -- lifecycle ------------------------------------------------------------

    def start(self) -> None:
        if self._server is not None:
            return
        self._server = Server((self._host, self._port), self._serve, self._track)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="portone-v2-simulator",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, then cut open keep-alive connections so their threads end."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self.state.lock:
            open_connections = list(self._connections)
        for conn in open_connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> SimulatorV2:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the simulator is not running; call start() first")
        host, port = self._server.server_address[:2]
        host = str(host)
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def connections_opened(self) -> int:
        with self.state.lock:
            return self._connections_opened

    def _track(self, conn: socket.socket, opened: bool) -> None:
        with self.state.lock:
            if opened:
                self._connections.add(conn)
                self._connections_opened += 1
            else:
                self._connections.discard(conn)

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

    def inject(self, method: str, path_prefix: str, fault: Fault) -> None:
        """Apply ``fault`` to requests whose decoded path starts with ``path_prefix``.

        Injected faults come before authentication (they model the network or a gateway);
        ``method`` "*" matches any method.
        """
        with self.state.lock:
            self._faults.append(FaultSlot(method.upper(), path_prefix, fault, fault.times))

    def clear_faults(self) -> None:
        with self.state.lock:
            self._faults.clear()

    def count(self, method: str | None = None, path_prefix: str | None = None) -> int:
        with self.state.lock:
            return sum(
                1
                for request in self.requests
                if (method is None or request.method == method.upper())
                and (path_prefix is None or request.path.startswith(path_prefix))
            )

    def _default_store(self) -> str:
        return next(iter(self.state.access.values())).stores[0]

    def _take_injected(self, method: str, path: str) -> Fault | None:
        with self.state.lock:
            for slot in list(self._faults):
                if slot.method in ("*", method) and path.startswith(slot.prefix):
                    fault = slot.take()
                    if slot.used_up:
                        self._faults.remove(slot)
                    return fault
        return None

    # -- serving --------------------------------------------------------------

    def _serve(self, handler: Handler) -> None:
        method = handler.command.upper()
        raw_path = handler.path
        path_part, _, raw_query = raw_path.partition("?")
        decoded = urllib.parse.unquote(path_part)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(raw_query).items()}
        headers = {name.lower(): value for name, value in handler.headers.items()}
        body = handler.read_body()
        with self.state.lock:
            self.requests.append(
                RecordedRequest(method, raw_path, decoded, query, headers, time.monotonic())
            )
        if body is None:
            handler.close_connection = True
            refusal = error(400, "INVALID_REQUEST", "요청 본문을 읽을 수 없습니다.")
            handler.write_answer(refusal.status, refusal.encoded(), refusal.content_type)
            return
        injected = self._take_injected(method, decoded)
        reply: Reply | None = None
        fault, pending = injected, None
        if injected is None or injected.applies_state():
            reply, receipt_fault, pending = self._handle(method, path_part, query, headers, body)
            fault = injected or receipt_fault
        if decoded.startswith(_ROUTED_PREFIXES) and self.latency > 0:
            time.sleep(self.latency)
        if fault is not None and fault.latency > 0:
            time.sleep(fault.latency)
        if fault is not None and fault.gate is not None:
            fault.gate.wait(GATE_LIMIT)
        if pending is not None:
            # Processed unless the request was dropped before PortOne acted on it.
            done = not (fault is not None and fault.drop and not fault.applies_state())
            self.state.finish(*pending, reply if done else None)
        if fault is not None and fault.drop:
            handler.drop()
        elif fault is not None and fault is injected and fault.status is not None:
            handler.write_answer(
                fault.status, fault.body_bytes(), fault.content_type, fault.byte_delay
            )
        else:
            assert reply is not None
            delay = fault.byte_delay if fault is not None else 0.0
            handler.write_answer(reply.status, reply.encoded(), reply.content_type, delay)

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
