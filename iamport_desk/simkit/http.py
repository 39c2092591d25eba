"""The HTTP plumbing of a simulator: a threading server and a request handler on loopback.

The handler reads one request at a time (HTTP/1.1 keep-alive, long request lines allowed) and
hands it to its host (a ``SimServer``); it writes answers with a Content-Length, optionally
byte by byte (a trickle), and compresses them like nginx does with ``gzip on``: when the
request's Accept-Encoding allows gzip and the body is at least ``gzip_min_length`` bytes,
unless the answer already carries its own encoding.
"""

from __future__ import annotations

import contextlib
import http
import logging
import socket
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from iamport_desk.simkit.faults import encode_layers
from iamport_desk.simkit.protocol import JSON_TYPE, MAX_BODY, MAX_LINE

__all__ = ["Handler", "Headers", "Host", "Server", "accepts_gzip"]

logger = logging.getLogger("iamport_desk.simkit")


class Host(Protocol):
    """What the handler needs from the simulator it serves."""

    gzip: bool
    gzip_min_length: int

    def track(self, conn: socket.socket, *, opened: bool) -> None: ...

    def serve(self, handler: Handler) -> None: ...

    def protocol_error(self, status: int, message: str | None) -> bytes: ...


class Headers(dict[str, str]):
    """Header names looked up case-insensitively (stored lower-case)."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when ``Accept-Encoding`` names gzip (or ``*``) with a q-value above 0."""
    for item in (accept_encoding or "").split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() not in ("gzip", "x-gzip", "*"):
            continue
        quality = params.strip()
        if quality.lower().startswith("q="):
            try:
                return float(quality[2:]) > 0
            except ValueError:
                return False
        return True
    return False


class Server(ThreadingHTTPServer):
    """Serves each connection on a daemon thread for its ``host``."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], host: Host) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.host = host
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    """Reads one request at a time (HTTP/1.1 keep-alive) and lets the host answer."""

    protocol_version = "HTTP/1.1"
    server: Server

    def setup(self) -> None:
        super().setup()
        self.server.host.track(self.connection, opened=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.host.track(self.connection, opened=False)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)

    def handle_one_request(self) -> None:
        """The stdlib loop step, with a longer request line (long ids) and no do_* lookup."""
        try:
            self.raw_requestline = self.rfile.readline(MAX_LINE + 1)
            if len(self.raw_requestline) > MAX_LINE:
                self.requestline = self.request_version = self.command = ""
                self.send_error(http.HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            self.server.host.serve(self)
        except (TimeoutError, ConnectionError, OSError):
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Even the server's own protocol errors answer in the simulated API's error shape."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.write_answer(code, self.server.host.protocol_error(code, message), JSON_TYPE)

    def read_body(self) -> bytes | None:
        """The request body, or None when it cannot be read (then the connection closes)."""
        if self.headers.get("Transfer-Encoding"):
            return None  # PortOne's clients send a length; keep the simulator simple
        length = self.headers.get("Content-Length")
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
        self,
        status: int,
        body: bytes,
        content_type: str,
        byte_delay: float = 0.0,
        *,
        encoding: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        """Send one answer. ``encoding``: the body is already encoded so (no gzip on top)."""
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = "Unknown"
        head = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {content_type}"]
        host = self.server.host
        if (
            encoding is None
            and host.gzip
            and len(body) >= host.gzip_min_length
            and accepts_gzip(self.headers.get("Accept-Encoding"))
        ):
            body, encoding = encode_layers(body, ["gzip"])
            head.append("Vary: Accept-Encoding")
        if encoding:
            head.append(f"Content-Encoding: {encoding}")
        head += [f"Content-Length: {len(body)}", f"Date: {self.date_time_string()}"]
        head += [f"{name}: {value}" for name, value in (extra or {}).items()]
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
