"""A refusing HTTP proxy on 127.0.0.1: it records each request head and answers it itself.

Enough to prove which proxy a client goes through, what it sends there (CONNECT target,
Proxy-Authorization) and how the client reports a proxy's own answer (407, a block page).
It never connects anywhere: nothing can leave the machine through it.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class FakeProxy:
    url: str
    heads: list[str] = field(default_factory=list)

    @property
    def request_lines(self) -> list[str]:
        return [head.split("\r\n", 1)[0] for head in self.heads]


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        lines: list[bytes] = []
        while True:
            line = self.rfile.readline(65536)
            if not line or line in (b"\r\n", b"\n"):
                break
            lines.append(line)
        self.server.proxy.heads.append(b"".join(lines).decode("latin-1"))
        status, body = self.server.status, self.server.body
        head = f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n"
        if status.startswith("407"):
            head += 'Proxy-Authenticate: Basic realm="office"\r\n'
        self.wfile.write((head + "Connection: close\r\n\r\n").encode("latin-1") + body)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, status: str, body: bytes) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.status = status
        self.body = body
        self.proxy = FakeProxy(f"http://127.0.0.1:{self.server_address[1]}")


@contextmanager
def refusing_proxy(
    status: str = "407 Proxy Authentication Required",
    body: bytes = b"<html><body><h1>Sign in to the office proxy</h1></body></html>",
) -> Iterator[FakeProxy]:
    server = _Server(status, body)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server.proxy
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
