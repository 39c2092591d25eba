"""The V2 simulator's HTTP framing: a threading server on loopback and its request handler.

HTTP/1.1 with keep-alive, long request lines allowed (long ids are legal), every answer with a
Content-Length, and the two delivery faults: a trickled answer and a dropped connection.
"""

from __future__ import annotations

import contextlib
import http
import logging
import socket
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from iamport_desk.simulator_v2.faults import JSON_TYPE, MSG_GENERIC, dumps

__all__ = ["MAX_BODY", "Handler", "Server"]

logger = logging.getLogger("iamport_desk.simulator_v2")

MAX_LINE = 1 << 20
MAX_BODY = 1 << 20


class Server(ThreadingHTTPServer):
    """Serves each connection on a daemon thread; ``serve`` answers one parsed request."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        serve: Callable[[Handler], None],
        track: Callable[[socket.socket, bool], None],
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.serve = serve
        self.track = track
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    """Reads one request at a time (keep-alive) and hands it to the server's ``serve``."""

    protocol_version = "HTTP/1.1"
    server: Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)

    def handle_one_request(self) -> None:
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
            self.server.serve(self)
        except (TimeoutError, ConnectionError, OSError):
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Even the server's own protocol errors answer in V2's error shape."""
        self.close_connection = True
        body = dumps({"type": "INVALID_REQUEST", "message": message or MSG_GENERIC})
        with contextlib.suppress(OSError):
            self.write_answer(code, body, JSON_TYPE)

    def read_body(self) -> bytes | None:
        """The request body, or None when it cannot be read (then the connection closes)."""
        if self.headers.get("Transfer-Encoding"):
            return None  # clients send a length; keep the simulator simple
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
