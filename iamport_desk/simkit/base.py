"""``SimServer``: what both simulators are besides their routes.

A ThreadingHTTPServer on a daemon thread (127.0.0.1 by default), keep-alive connections cut at
``stop()``, the requests recorded for tests, injected faults (before authentication: they model
the network or a gateway) and the delivery of an answer through a fault: latency, a gate, a
drop, a replaced answer, encodings, a trickle. A subclass says what the API answers
(``route``) and how its protocol errors look (``protocol_error``).
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
from typing import Self

from iamport_desk.simkit.faults import Fault, FaultSlot
from iamport_desk.simkit.http import Handler, Headers, Server
from iamport_desk.simkit.protocol import JSON_TYPE

__all__ = ["GATE_LIMIT", "RecordedRequest", "Routed", "SimServer"]

GATE_LIMIT = 30.0  # a gate nobody opens must not hold a server thread forever


@dataclass
class RecordedRequest:
    """One request as the simulator received it (for tests to assert on).

    ``raw_path`` is the request target as on the wire (percent-encoded), ``path`` the decoded
    path (no query), ``query`` its parameters (the last of each name). ``headers`` are looked
    up case-insensitively and keep the Authorization header so tests can check it; bodies are
    not kept (they may hold the secret). ``at`` is ``time.monotonic()`` when it was read.
    """

    method: str
    raw_path: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float


@dataclass
class Routed:
    """The API's normal answer, the per-resource fault to deliver it with, and ``settle``.

    ``settle(processed)`` is called once the answer's fate is known, before it is sent
    (V2's Idempotency-Key bookkeeping): ``processed`` False when the request was dropped
    before the API acted on it.
    """

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    fault: Fault | None = None
    settle: Callable[[bool], None] | None = None


class SimServer:
    """Lifecycle, recorded requests, injected faults and delivery; ``route`` is the API's.

    ``lock`` guards the simulator's state (a subclass may share it with its store);
    ``delayed_prefixes``: the paths ``latency`` applies to (not the token calls).
    """

    thread_name = "simulator"
    delayed_prefixes: tuple[str, ...] = ()
    unreadable_body_message: str | None = None

    def __init__(
        self,
        *,
        lock: threading.RLock,
        latency: float,
        host: str,
        port: int,
        gzip: bool,
        gzip_min_length: int,
    ) -> None:
        self.lock = lock
        self.latency = latency
        self._host = host
        self._port = port
        # Like nginx with "gzip on; gzip_types application/json": answers of at least
        # gzip_min_length bytes are gzip'd when the request's Accept-Encoding allows it.
        self.gzip = gzip
        self.gzip_min_length = gzip_min_length
        self._faults: list[FaultSlot[Fault]] = []
        self._connections: set[socket.socket] = set()
        self._connections_opened = 0
        self.requests: list[RecordedRequest] = []
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    # -- what a subclass says -------------------------------------------------

    def route(self, request: RecordedRequest, body: bytes) -> Routed:
        raise NotImplementedError

    def protocol_error(self, status: int, message: str | None) -> bytes:
        raise NotImplementedError

    def record(
        self,
        method: str,
        raw_path: str,
        path: str,
        query: dict[str, str],
        headers: Headers,
    ) -> RecordedRequest:
        """The recorded request (a subclass may return its own kind)."""
        return RecordedRequest(method, raw_path, path, query, headers, time.monotonic())

    # -- lifecycle ------------------------------------------------------------

    def start(self) -> None:
        if self._server is not None:
            return
        self._server = Server((self._host, self._port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=self.thread_name,
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
        with self.lock:
            open_connections = list(self._connections)
        for conn in open_connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
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
        with self.lock:
            return self._connections_opened

    def track(self, conn: socket.socket, *, opened: bool) -> None:
        with self.lock:
            if opened:
                self._connections.add(conn)
                self._connections_opened += 1
            else:
                self._connections.discard(conn)

    # -- faults and recorded requests -----------------------------------------

    def inject(self, method: str, path_prefix: str, fault: Fault) -> None:
        """Apply ``fault`` to requests whose decoded path starts with ``path_prefix``.

        Injected faults come before authentication (they model the network or the
        whole server); ``method`` "*" matches any method.
        """
        with self.lock:
            self._faults.append(FaultSlot(method.upper(), path_prefix, fault, fault.times))

    def clear_faults(self) -> None:
        """Remove injected faults (per-resource faults stay)."""
        with self.lock:
            self._faults.clear()

    def count(self, method: str | None = None, path_prefix: str | None = None) -> int:
        with self.lock:
            return sum(
                1
                for request in self.requests
                if (method is None or request.method == method.upper())
                and (path_prefix is None or request.path.startswith(path_prefix))
            )

    def reset_requests(self) -> None:
        with self.lock:
            self.requests.clear()

    def _take_injected(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for slot in list(self._faults):
                if slot.method in ("*", method) and path.startswith(slot.prefix):
                    fault = slot.take()
                    if slot.used_up:
                        self._faults.remove(slot)
                    return fault
        return None

    # -- serving --------------------------------------------------------------

    def serve(self, handler: Handler) -> None:
        method = handler.command.upper()
        raw_path = handler.path
        path_part, _, raw_query = raw_path.partition("?")
        decoded = urllib.parse.unquote(path_part)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(raw_query).items()}
        headers = Headers((name.lower(), value) for name, value in handler.headers.items())
        body = handler.read_body()
        request = self.record(method, raw_path, decoded, query, headers)
        with self.lock:
            self.requests.append(request)
        if body is None:
            handler.close_connection = True
            refusal = self.protocol_error(400, self.unreadable_body_message)
            handler.write_answer(400, refusal, JSON_TYPE)
            return
        injected = self._take_injected(method, decoded)
        routed: Routed | None = None
        fault = injected
        if injected is None or injected.applies_state():
            routed = self.route(request, body)
            fault = injected or routed.fault
        if decoded.startswith(self.delayed_prefixes) and self.latency > 0:
            time.sleep(self.latency)
        self._deliver(handler, routed, fault)

    def _deliver(self, handler: Handler, routed: Routed | None, fault: Fault | None) -> None:
        if fault is not None and fault.latency > 0:
            time.sleep(fault.latency)
        if fault is not None and fault.gate is not None:
            fault.gate.wait(GATE_LIMIT)
        if routed is not None and routed.settle is not None:
            # Processed unless the request was dropped before the API acted on it.
            routed.settle(not (fault is not None and fault.drop and not fault.applies_state()))
        if fault is None:
            assert routed is not None
            handler.write_answer(routed.status, routed.body, routed.content_type)
            return
        if fault.drop:
            handler.drop()
            return
        if fault.status is not None:
            status, payload, content_type = fault.status, fault.body_bytes(), fault.content_type
        else:
            assert routed is not None
            status, payload, content_type = routed.status, routed.body, routed.content_type
        wire_body, encoding = fault.encoded(payload)
        handler.write_answer(
            status,
            wire_body,
            content_type,
            fault.byte_delay,
            encoding=encoding,
            extra=fault.headers,
        )
