"""The Simulator: lifecycle, state (receipts, tokens, faults, recorded requests), serving.

The routes (what PortOne V1 answers) are in ``v1_routes``; the HTTP plumbing in ``wire``.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from iamport_desk.simulator.demo import (
    DEMO_IMP_KEY,
    DEMO_IMP_SECRET,
    DEMO_TIER,
    DEMO_TIER_NAME,
    seed_demo,
    stable_digits,
)
from iamport_desk.simulator.faults import Fault, FaultSlot
from iamport_desk.simulator.protocol import (
    JSON_TYPE,
    MSG_GENERIC,
    RECEIPTS_PREFIX,
    TIERS_PREFIX,
    TOKEN_LIFETIME,
    error_body,
)
from iamport_desk.simulator.v1_routes import V1Routes
from iamport_desk.simulator.wire import Handler, Headers, Server

__all__ = ["RecordedRequest", "Simulator"]


@dataclass
class RecordedRequest:
    """One request as the simulator received it (for tests to assert on).

    ``raw_path`` is the request target as on the wire (percent-encoded), ``path``
    the decoded path (no query). ``headers`` are looked up case-insensitively and keep
    the Authorization header so tests can check it; bodies are not kept (getToken's
    holds the secret). ``at`` is ``time.monotonic()`` when it was read.
    """

    method: str
    raw_path: str
    path: str
    headers: dict[str, str]
    tier: str | None
    at: float


class Simulator(V1Routes):
    """PortOne V1 as far as iamport-desk needs it: getToken, external receipts, tiers.

    State (receipts per (tier, merchant_uid), tokens, faults, recorded requests) is
    guarded by one lock; each connection is served on its own daemon thread.
    ``clock`` is the server's wall clock (UNIX seconds), injectable for token tests.
    ``reissue_cancelled``: whether a cancelled receipt's merchant_uid may be issued again
    (PortOne does not say; True: the new receipt replaces it, False: 400 "already issued").
    ``issued_params`` keeps each accepted POST's parameters, for tests.
    """

    def __init__(
        self,
        *,
        keys: dict[str, str] | None = None,
        tiers: dict[str, str] | None = None,
        seed: bool = True,
        clock: Callable[[], float] = time.time,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: int = TOKEN_LIFETIME,
        gzip: bool = True,
        gzip_min_length: int = 20,
        reissue_cancelled: bool = False,
    ) -> None:
        self._keys = dict(keys) if keys is not None else {DEMO_IMP_KEY: DEMO_IMP_SECRET}
        self._tiers = dict(tiers) if tiers is not None else {DEMO_TIER: DEMO_TIER_NAME}
        self._clock = clock
        self.latency = latency
        self._host = host
        self._port = port
        self.token_lifetime = token_lifetime
        # Like nginx with "gzip on; gzip_types application/json": answers of at least
        # gzip_min_length bytes are gzip'd when the request's Accept-Encoding allows it.
        self.gzip = gzip
        self.gzip_min_length = gzip_min_length
        self._lock = threading.RLock()
        self._receipts: dict[tuple[str | None, str], dict[str, Any]] = {}
        self._receipt_faults: dict[tuple[str | None, str, str], FaultSlot] = {}
        self._faults: list[FaultSlot] = []
        self._tokens: dict[str, tuple[str, int]] = {}  # token -> (imp_key, expired_at)
        self._current: dict[str, str] = {}  # imp_key -> its valid token
        self._connections: set[socket.socket] = set()
        self._connections_opened = 0
        self.requests: list[RecordedRequest] = []
        self.issued_tokens: list[str] = []
        self.reissue_cancelled = reissue_cancelled
        self.issued_params: list[dict[str, Any]] = []
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        if seed:
            self._seed()

    # -- lifecycle ------------------------------------------------------------

    def start(self) -> None:
        if self._server is not None:
            return
        self._server = Server((self._host, self._port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="iamport-simulator",
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
        with self._lock:
            open_connections = list(self._connections)
        for conn in open_connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Simulator:
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
        """How many TCP connections were accepted (keep-alive reuse keeps this low)."""
        with self._lock:
            return self._connections_opened

    def track(self, conn: socket.socket, *, opened: bool) -> None:
        with self._lock:
            if opened:
                self._connections.add(conn)
                self._connections_opened += 1
            else:
                self._connections.discard(conn)

    # -- state ----------------------------------------------------------------

    def _seed(self) -> None:
        seed_demo(self.add_receipt, int(self._clock()))

    def add_receipt(
        self,
        merchant_uid: str,
        *,
        amount: int,
        vat: int | None = None,
        type: str = "person",  # PortOne's field name
        apply_num: str | None = None,
        receipt_tid: str | None = None,
        receipt_url: str | None = None,
        applied_at: int | None = None,
        cancelled_at: int | None = None,
        tier: str | None = None,
        on_delete: Fault | None = None,
        on_lookup: Fault | None = None,
    ) -> dict[str, Any]:
        """Store an issued receipt (replacing any) and return it as the API would."""
        tid = receipt_tid or f"rcpt_{stable_digits(f'{tier}/{merchant_uid}/tid', 12)}"
        receipt = {
            "merchant_uid": merchant_uid,
            "receipt_tid": tid,
            "apply_num": apply_num or stable_digits(f"{tier}/{merchant_uid}", 9),
            "type": type,
            "amount": amount,
            "vat": amount // 11 if vat is None else vat,
            # example.com is reserved: the demo never opens a real site.
            "receipt_url": receipt_url
            or f"https://receipt.example.com/cash/{urllib.parse.quote(tid, safe='')}",
            "applied_at": int(self._clock()) - 3 * 86400 if applied_at is None else applied_at,
            "cancelled_at": cancelled_at or 0,
        }
        with self._lock:
            self._receipts[(tier, merchant_uid)] = receipt
            for method, fault in (("DELETE", on_delete), ("GET", on_lookup)):
                key = (tier, merchant_uid, method)
                if fault is None:
                    self._receipt_faults.pop(key, None)
                else:
                    self._receipt_faults[key] = FaultSlot(method, "", fault, fault.times)
            return dict(receipt)

    def receipt(self, merchant_uid: str, tier: str | None = None) -> dict[str, Any] | None:
        """The server's current truth for one receipt (a copy), or None."""
        with self._lock:
            found = self._receipts.get((tier, merchant_uid))
            return dict(found) if found is not None else None

    def inject(self, method: str, path_prefix: str, fault: Fault) -> None:
        """Apply ``fault`` to requests whose decoded path starts with ``path_prefix``.

        Injected faults come before authentication (they model the network or the
        whole server); ``method`` "*" matches any method.
        """
        with self._lock:
            self._faults.append(FaultSlot(method.upper(), path_prefix, fault, fault.times))

    def clear_faults(self) -> None:
        """Remove injected faults (per-receipt faults from add_receipt stay)."""
        with self._lock:
            self._faults.clear()

    def revoke_tokens(self) -> None:
        """Every issued token stops working (401); the next getToken issues a new one."""
        with self._lock:
            self._tokens.clear()
            self._current.clear()

    def count(self, method: str | None = None, path_prefix: str | None = None) -> int:
        with self._lock:
            return sum(
                1
                for request in self.requests
                if (method is None or request.method == method.upper())
                and (path_prefix is None or request.path.startswith(path_prefix))
            )

    def reset_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    def _take(self, slot: FaultSlot) -> Fault:
        if slot.remaining is not None:
            slot.remaining -= 1
        return slot.fault

    def _take_injected(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for slot in list(self._faults):
                if slot.method in ("*", method) and path.startswith(slot.prefix):
                    fault = self._take(slot)
                    if slot.remaining is not None and slot.remaining <= 0:
                        self._faults.remove(slot)
                    return fault
        return None

    def _take_receipt_fault(self, tier: str | None, uid: str, method: str) -> Fault | None:
        with self._lock:
            slot = self._receipt_faults.get((tier, uid, method))
            if slot is None:
                return None
            fault = self._take(slot)
            if slot.remaining is not None and slot.remaining <= 0:
                del self._receipt_faults[(tier, uid, method)]
            return fault

    # -- serving --------------------------------------------------------------

    def serve(self, handler: Handler) -> None:
        method = handler.command.upper()
        raw_path = handler.path
        path_part = raw_path.split("?", 1)[0]
        decoded = urllib.parse.unquote(path_part)
        headers = Headers((name.lower(), value) for name, value in handler.headers.items())
        body = handler.read_body()
        with self._lock:
            self.requests.append(
                RecordedRequest(
                    method, raw_path, decoded, headers, headers.get("tier"), time.monotonic()
                )
            )
        if body is None:
            handler.close_connection = True
            handler.write_answer(400, error_body(MSG_GENERIC), JSON_TYPE)
            return
        injected = self._take_injected(method, decoded)
        status, payload, fault = 0, b"", injected
        if injected is None or injected.applies_state():
            status, payload, receipt_fault = self._dispatch(method, path_part, headers, body)
            fault = injected or receipt_fault
        if decoded.startswith((RECEIPTS_PREFIX, TIERS_PREFIX)) and self.latency > 0:
            time.sleep(self.latency)
        if fault is None:
            handler.write_answer(status, payload, JSON_TYPE)
            return
        if fault.latency > 0:
            time.sleep(fault.latency)
        if fault.drop:
            handler.drop()
            return
        if fault.status is not None:
            status, payload, content_type = fault.status, fault.body_bytes(), fault.content_type
        else:
            content_type = JSON_TYPE
        wire_body, encoding = fault.encoded(payload)
        handler.write_answer(
            status,
            wire_body,
            content_type,
            fault.byte_delay,
            encoding=encoding,
            extra=fault.headers,
        )
