"""The V1 client's HTTP side: the shared wire (``http_wire``), logging V1's envelope code.

``ApiWire.send`` is ``HttpWire.send`` (deadline, bounded decoding, proxies, masked typed
errors; a DELETE that may have been sent is an unknown outcome) plus one log line that names
PortOne V1's ``code`` or says the answer is not a V1 envelope. What the answer MEANS is
decided by the client (``iamport_desk.api``). No Qt.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

import httpx

from iamport_desk.answer_body import Answer
from iamport_desk.http_wire import HttpWire
from iamport_desk.secret_mask import SecretMask
from iamport_desk.v1_answers import parse_envelope

__all__ = ["ApiWire"]

logger = logging.getLogger("iamport_desk.api")


class ApiWire:
    """The shared wire for one V1 base URL, logging to ``iamport_desk.api``.

    ``proxy`` is the proxy in use, or None; see ``HttpWire`` for ``transport``.
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
        self._wire = HttpWire(
            base_url,
            timeout=timeout,
            transport=transport,
            deadline=deadline,
            proxy=proxy,
            mask=mask,
            logger=logger,
        )

    @property
    def proxy(self) -> str | None:
        return self._wire.proxy

    def close(self) -> None:
        self._wire.close()

    def abort(self) -> None:
        self._wire.abort()

    def mask_text(self, text: str) -> str:
        return self._wire.mask_text(text)

    def send(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str],
        json_body: Mapping[str, object] | None,
        once: bool = False,
    ) -> Answer:
        """One V1 call, logged; ``once``: it changes something (as a DELETE does)."""
        started = time.perf_counter()
        answer = self._wire.send(method, path, headers=headers, json_body=json_body, once=once)
        elapsed_ms = (time.perf_counter() - started) * 1000
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
