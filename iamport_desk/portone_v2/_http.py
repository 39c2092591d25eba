"""The V2 client's HTTP exchange: send, read at most MAX_BODY_BYTES, within one deadline.

Kept in one private module on purpose: the V1 client's HTTP reading is being rewritten
(bounded decompression, deadline, masking) and this is the one place to switch to it.

The deadline is overall, not per read: the exchange runs on a helper thread and the
caller stops waiting when the deadline passes (a trickling answer, head included, cannot
stretch it). An abandoned thread stops at its next body chunk; while a head still trickles
in it lives on until the server stops sending or the client is closed (each read is bounded
by the time the call had left, so a silent server ends it soon).

No exception leaving here holds httpx's request (its headers carry the secret).
"""

from __future__ import annotations

import base64
import json
import queue
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from iamport_desk.errors import shorten

__all__ = ["MAX_BODY_BYTES", "Answer", "Exchanger", "TransportFailure", "mask_secret"]

# A PortOne answer is a few kilobytes at most; anything far bigger is not one of ours.
MAX_BODY_BYTES = 1 << 20

REDACTED = "***"


@dataclass(frozen=True, slots=True)
class Answer:
    """What came back: ``body`` None when it was larger than MAX_BODY_BYTES."""

    status: int
    content_type: str | None
    body: bytes | None
    location: str | None


class TransportFailure(Exception):  # noqa: N818 - private, mapped by the client
    """No (complete) answer. ``sent`` False means nothing can have reached the server."""

    def __init__(self, kind: str, detail: str, *, sent: bool) -> None:
        super().__init__(kind)
        self.kind = kind
        self.detail = detail
        self.sent = sent


def mask_secret(text: str, secret: str) -> str:
    """``text`` with ``secret`` replaced, raw and as percent-, JSON- or base64-encoded."""
    raw = secret.encode("utf-8")
    variants = {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret, safe=""),
        json.dumps(secret)[1:-1],
        base64.b64encode(raw).decode("ascii"),
        base64.urlsafe_b64encode(raw).decode("ascii"),
    }
    variants |= {variant.rstrip("=") for variant in variants}
    for variant in sorted((v for v in variants if v), key=len, reverse=True):
        text = text.replace(variant, REDACTED)
    return text


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _describe(exc: BaseException) -> str:
    """The root cause for the log: no request object, so no header and no secret."""
    root = _causes(exc)[-1]
    return shorten(f"{type(root).__name__}: {root}", 300)


def _connect_kind(exc: BaseException) -> str:
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLError):
            return "tls"
        if isinstance(cause, socket.gaierror):
            return "dns"
        if isinstance(cause, ConnectionRefusedError):
            return "refused"
    return "other"


def _failure_of(exc: httpx.HTTPError, sent: bool) -> TransportFailure:
    detail = _describe(exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return TransportFailure("connect_timeout", detail, sent=False)
    if isinstance(exc, httpx.ProxyError):
        return TransportFailure("proxy", detail, sent=False)
    if isinstance(exc, httpx.ConnectError):
        return TransportFailure(_connect_kind(exc), detail, sent=False)
    if isinstance(exc, httpx.PoolTimeout | httpx.UnsupportedProtocol):
        return TransportFailure("other", detail, sent=False)
    if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout):
        return TransportFailure("read_timeout", detail, sent=sent)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return TransportFailure("protocol", detail, sent=sent)
    return TransportFailure("other", detail, sent=sent)


def _capped(timeout: httpx.Timeout, seconds: float) -> httpx.Timeout:
    def cap(value: float | None) -> float:
        return seconds if value is None else min(value, seconds)

    return httpx.Timeout(
        connect=cap(timeout.connect),
        read=cap(timeout.read),
        write=cap(timeout.write),
        pool=cap(timeout.pool),
    )


def _exchange_now(
    http: httpx.Client,
    request: httpx.Request,
    end: float,
    abandoned: threading.Event,
    progress: dict[str, bool],
) -> Answer:
    try:
        streamed = http.send(request, stream=True)
    except httpx.HTTPError as exc:
        failure = _failure_of(exc, progress.get("sent", False))
    else:
        try:
            chunks: list[bytes] = []
            size = 0
            too_big = False
            try:
                for chunk in streamed.iter_raw():
                    if abandoned.is_set() or time.monotonic() > end:
                        raise TransportFailure("read_timeout", "overall deadline passed", sent=True)
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        too_big = True
                        break
                    chunks.append(chunk)
            except httpx.HTTPError as exc:
                failure = _failure_of(exc, sent=True)
            else:
                return Answer(
                    status=streamed.status_code,
                    content_type=streamed.headers.get("content-type"),
                    body=None if too_big else b"".join(chunks),
                    location=streamed.headers.get("location"),
                )
        finally:
            streamed.close()
    raise failure


def _serve_jobs(jobs: queue.SimpleQueue[Callable[[], None] | None]) -> None:
    while (job := jobs.get()) is not None:
        job()


class Exchanger:
    """Runs one client's exchanges on a daemon thread of its own, one at a time.

    The thread is kept between calls (starting one per call costs more than a loopback round
    trip); when a call is abandoned at its deadline, that thread is retired and the next call
    gets a fresh one, so a stuck read never delays a later call.
    """

    def __init__(self, http: httpx.Client) -> None:
        self._http = http
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] | None = None

    def _submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._jobs is None:
                self._jobs = queue.SimpleQueue()
                threading.Thread(
                    target=_serve_jobs, args=(self._jobs,), name="portone-v2-request", daemon=True
                ).start()
            self._jobs.put(job)

    def _retire(self) -> None:
        with self._lock:
            if self._jobs is not None:
                self._jobs.put(None)  # the thread ends after the job it is on
                self._jobs = None

    def close(self) -> None:
        self._retire()

    def exchange(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str],
        body: bytes | None,
        timeout: httpx.Timeout,
        deadline: float,
    ) -> Answer:
        """One request and its whole answer within ``deadline`` seconds, or TransportFailure.

        ``body`` is sent as application/json. Compressed answers are not asked for (the client
        sends ``Accept-Encoding: identity``), so the size cap is the size read.
        """
        http = self._http
        progress: dict[str, bool] = {}

        def trace(event: str, _info: dict[str, Any]) -> None:
            # From the first byte of the request on, the server may have seen it.
            if event.endswith("send_request_headers.started"):
                progress["sent"] = True

        send_headers = dict(headers)
        if body is not None:
            send_headers["Content-Type"] = "application/json"
        try:
            request = http.build_request(
                method,
                path,
                params=params,
                headers=send_headers,
                content=body,
                timeout=_capped(timeout, deadline),
                extensions={"trace": trace},
            )
        except httpx.InvalidURL as exc:
            raise TransportFailure("invalid_url", _describe(exc), sent=False) from None
        end = time.monotonic() + deadline
        abandoned = threading.Event()
        done = threading.Event()
        box: list[Answer | TransportFailure] = []

        def run() -> None:
            try:
                box.append(_exchange_now(http, request, end, abandoned, progress))
            except TransportFailure as failure:
                box.append(failure)
            except Exception as exc:  # a bug below must reach the caller, not a dead thread
                sent = progress.get("sent", False)
                box.append(TransportFailure("other", _describe(exc), sent=sent))
            finally:
                done.set()

        self._submit(run)
        if not done.wait(max(0.0, end - time.monotonic())):
            abandoned.set()
            self._retire()
            raise TransportFailure(
                "read_timeout",
                f"no complete answer within {deadline:g} s",
                sent=progress.get("sent", False),
            )
        result = box[0]
        if isinstance(result, TransportFailure):
            raise result
        return result
