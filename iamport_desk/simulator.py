"""A built-in PortOne V1 simulator: a real HTTP server on 127.0.0.1.

The demo, the tests and the benchmarks talk to it over real loopback HTTP, so the
client's encoding, keep-alive, timeouts and error handling are exercised for real.
It answers in the shapes of PortOne's own spec (``openapi-v1-subset.json``).

What PortOne has not published is a guess here, and says so:
- error messages (Korean, as PortOne would send them) and the ``code`` -1 on errors;
- a second DELETE of a cancelled receipt answers 400 "이미 취소된 현금영수증입니다";
- ``%2F`` inside the merchant_uid is decoded (one segment); a raw "/" is a 404.

Faults (``Fault``) model what the network or the PG does: latency, a dropped
connection, a trickled answer, an HTML page from a proxy, a PG failure.

``latency`` (and a fault's ``latency``) delays the answer, not the state change: a
cancellation is recorded when the request arrives. getToken is never delayed by
``Simulator.latency``.

Run ``python -m iamport_desk.simulator [--port N] [--latency S] [--no-seed]``: it prints
the base URL on one line and serves until SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http
import json
import logging
import secrets
import signal
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

__all__ = [
    "DEMO_IMP_KEY",
    "DEMO_IMP_SECRET",
    "DEMO_ORDERS",
    "DEMO_ORDER_IDS",
    "DEMO_TIER",
    "DEMO_TIER_NAME",
    "Fault",
    "RecordedRequest",
    "Simulator",
    "main",
]

logger = logging.getLogger("iamport_desk.simulator")

DEMO_IMP_KEY = "demo-rest-api-key"
DEMO_IMP_SECRET = "demo-rest-api-secret"  # noqa: S105 - a public demo value, not a secret
DEMO_TIER = "DM1"
DEMO_TIER_NAME = "데모 하위상점"

TOKEN_LIFETIME = 1800  # 30 minutes, as PortOne documents
TOKEN_EXTEND_WINDOW = 60  # a getToken in the token's last minute ...
TOKEN_EXTENSION = 300  # ... extends it by 5 minutes

RECEIPTS_PREFIX = "/receipts/external/"
TIERS_PREFIX = "/tiers/"
TOKEN_PATH = "/users/getToken"  # noqa: S105 - a path, not a password

MAX_LINE = 1 << 20  # long ids are legal; PortOne's real limit is unpublished
MAX_BODY = 1 << 20
JSON_TYPE = "application/json; charset=utf-8"

# Messages as PortOne would plausibly send them (the real texts are unpublished).
MSG_AUTH_FAILED = "imp_key, imp_secret 인증에 실패하였습니다."
MSG_AUTH_MISSING = "imp_key, imp_secret 파라메터가 누락되었습니다."
MSG_UNAUTHORIZED = "Unauthorized"
MSG_NOT_FOUND_RECEIPT = "현금영수증 발행내역이 존재하지 않습니다."
MSG_ALREADY_CANCELLED = "이미 취소된 현금영수증입니다"
MSG_ALREADY_ISSUED = "이미 현금영수증이 발행된 주문번호입니다."
MSG_MISSING_UID = "merchant_uid 파라메터가 누락되었습니다."
MSG_TIER_NOT_FOUND = "등록되지 않았거나 이미 삭제된 하위 상점(Tier) 코드입니다."
MSG_NO_ROUTE = "요청하신 API를 찾을 수 없습니다."
MSG_METHOD = "허용되지 않는 메소드입니다."
MSG_GENERIC = "요청을 처리하지 못했습니다."
MSG_PG_FAIL = "[PG] 취소 가능한 거래가 아닙니다 (원거래 없음)"
MSG_NOT_SUPPORTED = "현재 포트원이 현금영수증 관련 지원하지 않는 PG사입니다."


@dataclass
class Fault:
    """What to do instead of (or on top of) the normal answer.

    ``status`` None keeps the normal answer (then ``latency``, ``drop`` and
    ``byte_delay`` change how it is delivered). With ``status`` set, that status and
    ``body`` (dict -> JSON; None -> a Korean error envelope) are sent instead.
    ``apply`` says whether the real state change happens too (e.g. the DELETE really
    cancels, then the connection is dropped); None means "yes for ``status`` None,
    no when ``status`` replaces the answer" (a PG refusal changes nothing). A normal
    answer that is delivered (``status`` None, no ``drop``) always implies processing.
    ``times`` is how many requests it applies to (None = forever).
    """

    status: int | None = None
    body: bytes | str | dict[str, Any] | None = None
    content_type: str = JSON_TYPE
    latency: float = 0.0
    drop: bool = False
    byte_delay: float = 0.0
    apply: bool | None = None
    times: int | None = 1

    def applies_state(self) -> bool:
        if self.status is None and not self.drop:
            return True  # a normal answer cannot be made without the real processing
        if self.apply is None:
            return self.status is None
        return self.apply

    def body_bytes(self) -> bytes:
        if self.body is None:
            return _dumps({"code": -1, "message": MSG_GENERIC, "response": None})
        if isinstance(self.body, dict):
            return _dumps(self.body)
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return self.body


class _Headers(dict[str, str]):
    """Header names looked up case-insensitively (stored lower-case)."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


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


@dataclass
class _FaultSlot:
    method: str
    prefix: str
    fault: Fault
    remaining: int | None = field(default=None)


def _dumps(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _envelope(response: object = None, *, code: int = 0, message: str | None = None) -> bytes:
    return _dumps({"code": code, "message": message, "response": response})


def _error(message: str, code: int = -1) -> bytes:
    return _envelope(None, code=code, message=message)


def _stable_digits(text: str, count: int) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return str(int(digest, 16))[-count:].rjust(count, "0")


# (merchant_uid, tier, description, receipt settings)
_SEED: tuple[tuple[str, str | None, str, dict[str, Any]], ...] = (
    ("ORDER-20261125-0001", None, "정상 취소 가능 · 33,000원 · 개인(소득공제)", {"amount": 33000}),
    (
        "ORDER-20261125-0002",
        None,
        "정상 취소 가능 · 1,250,000원 · 사업자(지출증빙)",
        {"amount": 1_250_000, "type": "company"},
    ),
    ("ORDER-20261120-0003", None, "이미 취소된 영수증 (취소할 것 없음)", {"amount": 8900}),
    ("ORDER-PG-FAIL", None, "PG사가 취소를 거절 (500, 항상 실패)", {"amount": 15000}),
    ("ORDER-NOT-SUPPORTED", None, "현금영수증을 지원하지 않는 PG사 (501)", {"amount": 22000}),
    ("ORDER-SLOW", None, "취소 응답이 4초 걸림 (느린 PG)", {"amount": 47000}),
    (
        "ORDER-LOST",
        None,
        "취소는 되었으나 응답이 끊김 (결과 확인 필요, 조회하면 취소됨)",
        {"amount": 120000},
    ),
    ("주문-한글-0005", None, "한글 주문번호", {"amount": 5500}),
    ("A/B 2026#7?x", None, "특수문자(/, 공백, #, ?)가 들어간 주문번호", {"amount": 77000}),
    (
        "TIER-0001",
        DEMO_TIER,
        f"하위상점 {DEMO_TIER}({DEMO_TIER_NAME}) 소속 영수증",
        {"amount": 64000},
    ),
    ("ORDER-NONE-9999", None, "발급 내역 없음 (404)", {}),
)

DEMO_ORDERS: dict[str, str] = {uid: description for uid, _, description, _ in _SEED}
DEMO_ORDER_IDS: tuple[str, ...] = tuple(DEMO_ORDERS)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], simulator: Simulator) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.simulator = simulator
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    """Reads one request at a time (HTTP/1.1 keep-alive) and lets the Simulator answer."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.simulator._track(self.connection, opened=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.simulator._track(self.connection, opened=False)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)

    def handle_one_request(self) -> None:
        """The stdlib loop step, with a longer request line (long ids) and no do_* lookup."""
        try:
            self.raw_requestline = self.rfile.readline(MAX_LINE + 1)
            if len(self.raw_requestline) > MAX_LINE:
                self.requestline = ""
                self.request_version = ""
                self.command = ""
                self.send_error(http.HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            self.server.simulator._serve(self)
        except (TimeoutError, ConnectionError, OSError):
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Even the server's own protocol errors answer in PortOne's envelope."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.write_answer(code, _error(message or MSG_GENERIC), JSON_TYPE)

    def read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding"):
            return None  # PortOne's clients send a length; keep the simulator simple
        if not length:
            return b""
        try:
            size = int(length)
        except ValueError:
            return None
        if size < 0 or size > MAX_BODY:
            return None
        return self.rfile.read(size)

    def write_answer(
        self, status: int, body: bytes, content_type: str, byte_delay: float = 0.0
    ) -> None:
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = "Unknown"
        head = [
            f"HTTP/1.1 {status} {reason}",
            f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}",
            f"Date: {self.date_time_string()}",
        ]
        if self.close_connection:
            head.append("Connection: close")
        raw = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        if byte_delay > 0:
            for index in range(len(raw)):
                self.wfile.write(raw[index : index + 1])
                self.wfile.flush()
                time.sleep(byte_delay)
        else:
            self.wfile.write(raw)
            self.wfile.flush()
        self.log_request(status, len(body))

    def drop(self) -> None:
        """Close the connection without a byte of answer."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class Simulator:
    """PortOne V1 as far as iamport-desk needs it: getToken, external receipts, tiers.

    State (receipts per (tier, merchant_uid), tokens, faults, recorded requests) is
    guarded by one lock; each connection is served on its own daemon thread.
    ``clock`` is the server's wall clock (UNIX seconds), injectable for token tests.
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
    ) -> None:
        self._keys = dict(keys) if keys is not None else {DEMO_IMP_KEY: DEMO_IMP_SECRET}
        self._tiers = dict(tiers) if tiers is not None else {DEMO_TIER: DEMO_TIER_NAME}
        self._clock = clock
        self.latency = latency
        self._host = host
        self._port = port
        self.token_lifetime = token_lifetime
        self._lock = threading.RLock()
        self._receipts: dict[tuple[str | None, str], dict[str, Any]] = {}
        self._receipt_faults: dict[tuple[str | None, str, str], _FaultSlot] = {}
        self._faults: list[_FaultSlot] = []
        self._tokens: dict[str, tuple[str, int]] = {}  # token -> (imp_key, expired_at)
        self._current: dict[str, str] = {}  # imp_key -> its valid token
        self._connections: set[socket.socket] = set()
        self._connections_opened = 0
        self.requests: list[RecordedRequest] = []
        self.issued_tokens: list[str] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        if seed:
            self._seed()

    # -- lifecycle ------------------------------------------------------------

    def start(self) -> None:
        if self._server is not None:
            return
        self._server = _Server((self._host, self._port), self)
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

    def _track(self, conn: socket.socket, *, opened: bool) -> None:
        with self._lock:
            if opened:
                self._connections.add(conn)
                self._connections_opened += 1
            else:
                self._connections.discard(conn)

    # -- state ----------------------------------------------------------------

    def _seed(self) -> None:
        now = int(self._clock())
        for uid, tier, _description, settings in _SEED:
            if not settings:
                continue  # listed for the demo, deliberately never issued
            on_delete: Fault | None = None
            cancelled_at = None
            if uid == "ORDER-20261120-0003":
                cancelled_at = now - 2 * 86400
            elif uid == "ORDER-PG-FAIL":
                on_delete = Fault(
                    status=500,
                    body={"code": -1, "message": MSG_PG_FAIL, "response": None},
                    times=None,
                )
            elif uid == "ORDER-NOT-SUPPORTED":
                on_delete = Fault(
                    status=501,
                    body={"code": -1, "message": MSG_NOT_SUPPORTED, "response": None},
                    times=None,
                )
            elif uid == "ORDER-SLOW":
                on_delete = Fault(latency=4.0, times=None)
            elif uid == "ORDER-LOST":
                on_delete = Fault(drop=True, apply=True, times=None)
            applied_at = now - 5 * 86400 if cancelled_at else None
            self.add_receipt(
                uid,
                tier=tier,
                cancelled_at=cancelled_at,
                applied_at=applied_at,
                on_delete=on_delete,
                **settings,
            )

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
        tid = receipt_tid or f"rcpt_{_stable_digits(f'{tier}/{merchant_uid}/tid', 12)}"
        receipt = {
            "merchant_uid": merchant_uid,
            "receipt_tid": tid,
            "apply_num": apply_num or _stable_digits(f"{tier}/{merchant_uid}", 9),
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
                    self._receipt_faults[key] = _FaultSlot(method, "", fault, fault.times)
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
            self._faults.append(_FaultSlot(method.upper(), path_prefix, fault, fault.times))

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

    def _take(self, slot: _FaultSlot) -> Fault:
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

    def _serve(self, handler: _Handler) -> None:
        method = handler.command.upper()
        raw_path = handler.path
        path_part = raw_path.split("?", 1)[0]
        decoded = urllib.parse.unquote(path_part)
        headers = _Headers((name.lower(), value) for name, value in handler.headers.items())
        body = handler.read_body()
        with self._lock:
            self.requests.append(
                RecordedRequest(
                    method, raw_path, decoded, headers, headers.get("tier"), time.monotonic()
                )
            )
        if body is None:
            handler.close_connection = True
            handler.write_answer(400, _error(MSG_GENERIC), JSON_TYPE)
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
        elif fault.status is not None:
            handler.write_answer(
                fault.status, fault.body_bytes(), fault.content_type, fault.byte_delay
            )
        else:
            handler.write_answer(status, payload, JSON_TYPE, fault.byte_delay)

    def _dispatch(
        self, method: str, path_part: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, bytes, Fault | None]:
        """The normal answer: (status, JSON body, the per-receipt fault to deliver it with)."""
        decoded = urllib.parse.unquote(path_part)
        if decoded == TOKEN_PATH:
            if method != "POST":
                return 405, _error(MSG_METHOD), None
            return (*self._get_token(headers, body), None)
        is_receipt = path_part.startswith(RECEIPTS_PREFIX)
        is_tier = path_part.startswith(TIERS_PREFIX)
        if not (is_receipt or is_tier):
            return 404, _error(MSG_NO_ROUTE), None
        if not self._authorized(headers):
            return 401, _error(MSG_UNAUTHORIZED), None
        tier = headers.get("tier")
        if tier is not None and tier not in self._tiers:
            return 404, _error(MSG_TIER_NOT_FOUND), None
        if is_tier:
            raw_code = path_part[len(TIERS_PREFIX) :]
            code = urllib.parse.unquote(raw_code)
            if method != "GET":
                return 405, _error(MSG_METHOD), None
            if "/" in raw_code or code not in self._tiers:
                return 404, _error(MSG_TIER_NOT_FOUND), None
            return 200, _envelope({"tier_code": code, "tier_name": self._tiers[code]}), None
        raw_uid = path_part[len(RECEIPTS_PREFIX) :]
        if "/" in raw_uid:
            # One segment only: a client that forgot to encode "/" is caught here.
            return 404, _error(MSG_NO_ROUTE), None
        uid = urllib.parse.unquote(raw_uid)
        if not uid:
            return 400, _error(MSG_MISSING_UID), None
        if method == "POST":
            return (*self._issue(tier, uid, headers, body), None)
        if method not in ("GET", "DELETE"):
            return 405, _error(MSG_METHOD), None
        with self._lock:
            if (tier, uid) not in self._receipts:
                return 404, _error(MSG_NOT_FOUND_RECEIPT), None
            fault = self._take_receipt_fault(tier, uid, method)
            receipt = self._receipts[(tier, uid)]
            if method == "GET":
                return 200, _envelope(dict(receipt)), fault
            if fault is not None and not fault.applies_state():
                return 200, _envelope(dict(receipt)), fault
            if receipt["cancelled_at"]:
                return 400, _error(MSG_ALREADY_CANCELLED), fault
            receipt["cancelled_at"] = int(self._clock())
            return 200, _envelope(dict(receipt)), fault

    def _authorized(self, headers: dict[str, str]) -> bool:
        value = headers.get("authorization") or ""
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer":
            token = headers.get("x-imptokenheader") or ""  # PortOne's legacy header
        token = token.strip()
        with self._lock:
            entry = self._tokens.get(token)
            return entry is not None and self._clock() < entry[1]

    def _get_token(self, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        params = _parse_params(headers, body)
        key, secret = params.get("imp_key"), params.get("imp_secret")
        if not isinstance(key, str) or not isinstance(secret, str) or not key or not secret:
            return 401, _error(MSG_AUTH_MISSING)
        expected = self._keys.get(key)
        if expected is None or not secrets.compare_digest(
            expected.encode("utf-8"), secret.encode("utf-8")
        ):
            return 401, _error(MSG_AUTH_FAILED)
        with self._lock:
            now = int(self._clock())
            token = self._current.get(key)
            entry = self._tokens.get(token) if token else None
            if token is None or entry is None or now >= entry[1]:
                if token is not None:
                    self._tokens.pop(token, None)
                token = secrets.token_hex(20)
                entry = (key, now + self.token_lifetime)
                self._current[key] = token
                self.issued_tokens.append(token)
            elif entry[1] - now <= TOKEN_EXTEND_WINDOW:
                entry = (key, entry[1] + TOKEN_EXTENSION)
            self._tokens[token] = entry
            return 200, _envelope({"access_token": token, "now": now, "expired_at": entry[1]})

    def _issue(
        self, tier: str | None, uid: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, bytes]:
        """POST: issue a receipt (the project never does; handy for demos and tests)."""
        params = _parse_params(headers, body)
        for name in ("channel_key", "name", "amount", "identifier"):
            if params.get(name) in (None, ""):
                return 400, _error(f"{name} 파라메터가 누락되었습니다.")
        try:
            amount = int(params["amount"])
            tax_free = int(params.get("tax_free") or 0)
            vat_param = params.get("vat_amount")
            vat = int(float(vat_param)) if vat_param not in (None, "") else None
        except (TypeError, ValueError):
            return 400, _error("amount 파라메터가 올바르지 않습니다.")
        receipt_type = str(params.get("type") or "person")
        if receipt_type not in ("person", "company"):
            return 400, _error("type 파라메터가 올바르지 않습니다.")
        with self._lock:
            if (tier, uid) in self._receipts:
                return 400, _error(MSG_ALREADY_ISSUED)
            receipt = self.add_receipt(
                uid,
                amount=amount,
                vat=vat if vat is not None else (amount - tax_free) // 11,
                type=receipt_type,
                applied_at=int(self._clock()),
                tier=tier,
            )
        return 200, _envelope(receipt)


def _parse_params(headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """A JSON object or a form body, as PortOne accepts both."""
    content_type = (headers.get("content-type") or "").lower()
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {key: values[-1] for key, values in urllib.parse.parse_qs(text).items()}


def main(argv: list[str] | None = None) -> int:
    """Serve the simulator until SIGTERM/SIGINT; print the base URL first."""
    parser = argparse.ArgumentParser(
        prog="python -m iamport_desk.simulator", description="PortOne V1 simulator"
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address (loopback only, please)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to answers")
    parser.add_argument("--no-seed", action="store_true", help="start without demo receipts")
    args = parser.parse_args(argv)
    stop = threading.Event()

    def on_signal(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with Simulator(
        seed=not args.no_seed, latency=args.latency, host=args.host, port=args.port
    ) as simulator:
        print(simulator.base_url, flush=True)
        while not stop.wait(0.2):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
