"""The HTTP side of the V1 client: one httpx client on the guarded transport, one call at a time.

``ApiWire.send`` sends one request within the overall deadline, reads and decodes at most
MAX_BODY_BYTES of the answer, and maps a transport failure to a typed error (masked, with no
reference to httpx's request, whose headers hold the token). What the answer MEANS is decided
by the client (``iamport_desk.api``). No Qt.
"""

from __future__ import annotations

import logging
import ssl
import time
import urllib.parse

import httpx
import truststore

from iamport_desk import __version__
from iamport_desk.answer_body import ACCEPT_ENCODING, Answer, read_answer
from iamport_desk.errors import IamportError, InvalidMerchantUid, NetworkError, shorten
from iamport_desk.hosts import is_loopback_host
from iamport_desk.proxies import proxy_for
from iamport_desk.secret_mask import SecretMask
from iamport_desk.transport import CallGuard, GuardedTransport
from iamport_desk.transport_errors import map_transport_error
from iamport_desk.v1_answers import parse_envelope

__all__ = ["ApiWire"]

logger = logging.getLogger("iamport_desk.api")


class ApiWire:
    """httpx + the CallGuard for one base URL. ``proxy`` is the proxy in use, or None.

    ``transport`` (tests) replaces the guarded transport; then no proxy is used and the
    deadline and ``abort()`` cannot reach the sockets.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: httpx.Timeout,
        transport: httpx.BaseTransport | None,
        deadline: float,
        proxy: str | None,
        mask: SecretMask,
    ) -> None:
        self._deadline = deadline
        self._mask = mask
        self._guard = CallGuard()
        loopback = is_loopback_host(urllib.parse.urlsplit(base_url).hostname or "")
        # A corporate proxy cannot reach our 127.0.0.1: the simulator is always direct.
        self.proxy = None if loopback else proxy_for(base_url, manual=proxy)
        # A proxy from the environment that cannot be used (e.g. socks5://): every call fails
        # as a proxy failure, with nothing sent, rather than the client failing to exist.
        self._unusable_proxy: str | None = None
        if transport is None:
            # The OS trust store, so corporate TLS inspection roots are honoured.
            verify = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            try:
                transport = GuardedTransport(
                    ssl_context=verify, proxy=self.proxy, guard=self._guard
                )
            except (ValueError, TypeError) as exc:
                if proxy:
                    raise ValueError(
                        "The proxy address is not valid (it must look like http://host:port)."
                    ) from exc
                self._unusable_proxy = shorten(str(exc), 100)
                transport = GuardedTransport(ssl_context=verify, proxy=None, guard=self._guard)
        else:
            self.proxy = None
        self._http = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            # The proxy is chosen above (environment, OS or by hand); nothing else to read.
            trust_env=False,
            transport=transport,
            follow_redirects=False,
            headers={
                "User-Agent": f"iamport-desk/{__version__}",
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )

    def close(self) -> None:
        self._http.close()

    def abort(self) -> None:
        self._guard.abort()

    def mask_text(self, text: str) -> str:
        masked = self._mask.mask(text)
        return masked if masked is not None else text

    def send(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str],
        json_body: dict[str, object] | None,
        once: bool = False,
    ) -> Answer:
        """One request, within the deadline; raises the typed error when no answer came.

        The typed error is raised outside the ``except`` block so it carries no
        reference to httpx's request (whose headers hold the token).
        """
        if self._unusable_proxy is not None:
            raise NetworkError(
                "the proxy named by the environment cannot be used",
                kind="proxy",
                detail=self._unusable_proxy,
            )
        started = time.perf_counter()
        failure: IamportError | None = None
        answer: Answer | None = None
        with self._guard.call(self._deadline):
            try:
                with self._http.stream(method, path, headers=headers, json=json_body) as streamed:
                    # An in-process transport (tests) may hand over a body already read.
                    answer = read_answer(
                        streamed.status_code,
                        streamed.headers,
                        streamed.content if streamed.is_stream_consumed else streamed.iter_raw(),
                        already_decoded=streamed.is_stream_consumed,
                    )
            except httpx.HTTPError as exc:
                failure = map_transport_error(
                    exc,
                    method,
                    once=once,
                    proxied=self.proxy is not None,
                    tcp_connected=self._guard.tcp_connected,
                    aborted=self._guard.aborted,
                    deadline_hit=self._guard.deadline_hit,
                    mask=self.mask_text,
                )
            except httpx.InvalidURL:
                # Raised before anything is sent; only the id varies in our URLs.
                failure = InvalidMerchantUid("The order number cannot be sent in a URL.")
        elapsed_ms = (time.perf_counter() - started) * 1000
        if failure is not None:
            logger.info(
                "%s %s -> no answer (%s) %.0f ms", method, path, type(failure).__name__, elapsed_ms
            )
            raise failure
        assert answer is not None
        envelope = parse_envelope(answer.body)
        logger.info(
            "%s %s -> HTTP %s code=%s %.0f ms%s",
            method,
            path,
            answer.status,
            envelope["code"] if envelope else None,
            elapsed_ms,
            ""
            if envelope
            else f" (not a PortOne answer: {answer.content_type}"
            f"{'; ' + answer.unreadable if answer.unreadable else ''})",
        )
        return answer
