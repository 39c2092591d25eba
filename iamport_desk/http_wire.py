"""The HTTP side both PortOne clients share: one httpx client on the guarded transport.

``HttpWire.send`` sends one request within the overall deadline (``transport.CallGuard``),
reads and decodes at most MAX_BODY_BYTES of the answer at every Content-Encoding layer
(``answer_body``), and maps a transport failure to a typed error of the family
(``transport_errors``), masked and with no reference to httpx's request, whose headers hold
the token or the secret. The proxy is the one the environment, the OS or the clerk names
(``proxies.proxy_for``), never for a simulator on this computer.

What an answer MEANS is each API's own business: V1's envelope in ``v1_wire`` / ``api``, V2's
typed errors in ``portone_v2.client``. No Qt.
"""

from __future__ import annotations

import logging
import ssl
import time
import urllib.parse
from collections.abc import Mapping

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

__all__ = ["HttpWire"]


class HttpWire:
    """httpx + the CallGuard for one base URL. ``proxy`` is the proxy in use, or None.

    ``transport`` (tests) replaces the guarded transport; then no proxy is used and the
    deadline and ``abort()`` cannot reach the sockets. ``logger`` is the API's own, so a
    log line says which client it came from.
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
        logger: logging.Logger,
    ) -> None:
        self._deadline = deadline
        self._mask = mask
        self._logger = logger
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
        """Cut the call in flight (from any thread); without one, nothing happens."""
        self._guard.abort()

    def mask_text(self, text: str) -> str:
        masked = self._mask.mask(text)
        return masked if masked is not None else text

    def send(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str],
        json_body: Mapping[str, object] | None = None,
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
        once: bool = False,
    ) -> Answer:
        """One request, within the deadline; raises the typed error when no answer came.

        ``once``: the call changes something and is never resent (a DELETE always is), so a
        failure after the request may have left is ``OutcomeUnknown``, not ``NetworkError``.
        The typed error is raised outside the ``except`` block so it carries no reference to
        httpx's request.
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
                with self._http.stream(
                    method, path, headers=headers, json=json_body, content=content, params=params
                ) as streamed:
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
        if failure is not None:
            elapsed_ms = (time.perf_counter() - started) * 1000
            self._logger.info(
                "%s %s -> no answer (%s) %.0f ms", method, path, type(failure).__name__, elapsed_ms
            )
            raise failure
        assert answer is not None
        return answer
