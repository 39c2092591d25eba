"""The connection layer under the client: a proxy when one is named, an overall deadline, abort.

httpx's own transport reads the environment's proxies only when it builds the transport itself,
and it has no overall deadline: a server that trickles a byte every few seconds keeps a request
alive forever, because each read finishes within the read timeout. So the client uses this
transport, a thin layer over httpcore's public pools with a network backend of our own:

- every socket read, write and connect is given at most the time left until the call's deadline,
  and fails as a timeout once it is gone;
- ``CallGuard.abort()`` (from any thread) shuts down the call's sockets, which wakes a blocked
  ``recv`` at once, so the calling thread returns promptly;
- the server's name is resolved on a thread of its own and waited for within the same timeout:
  ``getaddrinfo`` takes no timeout, and a name server that does not answer would otherwise hold
  the call for as long as the system's resolver retries (tens of seconds on an office network).

No Qt. The proxy is decided once per client (``iamport_desk.proxies.proxy_for``), because a client
talks to one base URL only.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import threading
import time
import typing
from collections.abc import Iterable, Iterator

import httpcore
import httpx

__all__ = ["CallGuard", "GuardedTransport"]


class CallGuard:
    """The state of the one call in flight: its deadline, whether it was aborted, its sockets.

    Thread-safe: ``abort`` is meant to be called from another thread than the one in the call.
    ``deadline_hit`` / ``aborted`` / ``tcp_connected`` tell the error mapping what happened.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._deadline: float | None = None  # time.monotonic(); the wall clock may jump
        self._in_call = False
        self.aborted = False
        self.deadline_hit = False
        self.tcp_connected = False

    @contextlib.contextmanager
    def call(self, seconds: float) -> Iterator[None]:
        """One request from start to the last byte of its answer, within ``seconds``."""
        with self._lock:
            self._deadline = time.monotonic() + seconds
            self._in_call = True
            self.aborted = self.deadline_hit = self.tcp_connected = False
        try:
            yield
        finally:
            with self._lock:
                self._in_call = False
                self._deadline = None

    def abort(self) -> None:
        """Cut the call in flight (if any): its sockets are shut down, later reads fail."""
        with self._lock:
            if not self._in_call:
                return
            self.aborted = True
            doomed = list(self._sockets)
        for sock in doomed:
            _shutdown(sock)

    def remaining(
        self, timeout: float | None, failure: type[Exception], cut: type[Exception]
    ) -> tuple[float | None, bool]:
        """The timeout for one socket operation, and whether it is the deadline's.

        The given timeout, cut to what is left until the deadline. ``failure`` is raised when
        the deadline has passed, ``cut`` after ``abort()``: each the error of the phase it
        happens in, so the mapping can tell "nothing sent" apart.
        """
        with self._lock:
            if self.aborted:
                raise cut("the request was aborted")
            if self._deadline is None:
                return timeout, False
            left = self._deadline - time.monotonic()
            if left <= 0:
                self.deadline_hit = True
                raise failure("the request's overall deadline passed")
        if timeout is None or left < timeout:
            return left, True
        return timeout, False

    def timed_out(self, by_deadline: bool) -> None:
        """A socket operation timed out; if its timeout was the deadline's, say so."""
        if by_deadline:
            with self._lock:
                self.deadline_hit = True

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)
            self.tcp_connected = True
            doomed = self.aborted
        if doomed:  # abort() came while this socket was being connected
            _shutdown(sock)

    def unregister(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)

    def close_all(self) -> None:
        with self._lock:
            doomed = list(self._sockets)
            self._sockets.clear()
        for sock in doomed:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    # shutdown, not close: close() does not wake a thread blocked in recv() on Linux.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _GuardedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, raw: socket.socket, guard: CallGuard):
        self._inner = inner
        self._raw = raw
        self._guard = guard

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left, by_deadline = self._guard.remaining(timeout, httpcore.ReadTimeout, httpcore.ReadError)
        try:
            data = self._inner.read(max_bytes, left)
        except httpcore.TimeoutException:
            self._guard.timed_out(by_deadline)
            raise
        if self._guard.aborted:
            raise httpcore.ReadError("the request was aborted")
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        left, by_deadline = self._guard.remaining(
            timeout, httpcore.WriteTimeout, httpcore.WriteError
        )
        try:
            self._inner.write(buffer, left)
        except httpcore.TimeoutException:
            self._guard.timed_out(by_deadline)
            raise

    def close(self) -> None:
        self._guard.unregister(self._raw)
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left, by_deadline = self._guard.remaining(
            timeout, httpcore.ConnectTimeout, httpcore.ConnectError
        )
        try:
            upgraded = self._inner.start_tls(ssl_context, server_hostname, left)
        except httpcore.TimeoutException:
            self._guard.timed_out(by_deadline)
            raise
        return _GuardedStream(upgraded, self._raw, self._guard)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    def __init__(self, guard: CallGuard) -> None:
        self._inner = httpcore.SyncBackend()
        self._guard = guard

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        left, by_deadline = self._guard.remaining(
            timeout, httpcore.ConnectTimeout, httpcore.ConnectError
        )
        address = self._resolve(host, port, left, by_deadline)
        left, by_deadline = self._guard.remaining(
            timeout if left is None else left, httpcore.ConnectTimeout, httpcore.ConnectError
        )
        try:
            stream = self._inner.connect_tcp(address, port, left, local_address, socket_options)
        except httpcore.TimeoutException:
            self._guard.timed_out(by_deadline)
            raise
        raw = stream.get_extra_info("socket")
        assert isinstance(raw, socket.socket)
        self._guard.register(raw)
        return _GuardedStream(stream, raw, self._guard)

    def _resolve(self, host: str, port: int, timeout: float | None, by_deadline: bool) -> str:
        """The first address of ``host``, waited for at most ``timeout`` seconds.

        TLS still checks the certificate against the name: httpcore passes the origin's host
        as server_hostname, not the address connected to.
        """
        with contextlib.suppress(ValueError):
            ipaddress.ip_address(host.strip("[]"))
            return host
        answer: list[str | BaseException] = []
        done = threading.Event()

        def lookup() -> None:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
                answer.append(str(infos[0][4][0]))
            except BaseException as exc:  # handed to the calling thread
                answer.append(exc)
            finally:
                done.set()

        threading.Thread(target=lookup, name="iamport-desk-dns", daemon=True).start()
        started = time.monotonic()
        while not done.is_set():
            left = None if timeout is None else timeout - (time.monotonic() - started)
            if left is not None and left <= 0:
                self._guard.timed_out(by_deadline)
                if by_deadline:
                    raise httpcore.ConnectTimeout("the request's overall deadline passed")
                # Worded for transport_errors.connect_kind: httpcore's pool drops the cause.
                raise httpcore.ConnectError("name resolution timed out: no answer in time")
            # Woken by the answer at once; short slices so that abort() ends the wait promptly.
            done.wait(0.05 if left is None else min(0.05, left))
            if self._guard.aborted:
                raise httpcore.ConnectError("the request was aborted")
        result = answer[0]
        if isinstance(result, BaseException):
            raise httpcore.ConnectError(str(result)) from result
        return result

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


# Most specific first: the first match wins.
_EXCEPTIONS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for source, target in _EXCEPTIONS:
            if isinstance(exc, source):
                raise target(str(exc)) from exc
        raise


class _AnswerStream(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._inner

    def close(self) -> None:
        closer = getattr(self._inner, "close", None)
        if closer is not None:
            with _as_httpx_errors():
                closer()


class GuardedTransport(httpx.BaseTransport):
    """httpcore's pool (direct, or through an http(s) proxy) on the guarded backend.

    Never retries: a DELETE is sent at most once. ``proxy`` is a URL such as
    ``http://user:pass@proxy.office:3128`` or None for a direct connection.
    """

    def __init__(self, *, ssl_context: ssl.SSLContext, proxy: str | None, guard: CallGuard) -> None:
        self.guard = guard
        backend = _GuardedBackend(guard)
        self._pool: httpcore.ConnectionPool
        if proxy is None:
            self._pool = httpcore.ConnectionPool(
                ssl_context=ssl_context, retries=0, network_backend=backend
            )
            return
        parsed = httpx.Proxy(proxy)
        if parsed.url.scheme not in ("http", "https"):
            raise ValueError(f"unsupported proxy scheme {parsed.url.scheme!r}")
        self._pool = httpcore.HTTPProxy(
            proxy_url=httpcore.URL(
                scheme=parsed.url.raw_scheme,
                host=parsed.url.raw_host,
                port=parsed.url.port,
                target=parsed.url.raw_path,
            ),
            proxy_auth=parsed.raw_auth,
            proxy_headers=parsed.headers.raw,
            ssl_context=ssl_context,
            # An https proxy is verified against the OS trust store too (httpcore would
            # otherwise use certifi's bundle, which knows no office's own root).
            proxy_ssl_context=ssl_context if parsed.url.scheme == "https" else None,
            retries=0,
            network_backend=backend,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            answer = self._pool.handle_request(core_request)
        assert isinstance(answer.stream, Iterable)
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_AnswerStream(answer.stream),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        self._pool.close()
        self.guard.close_all()
