"""What the V2 simulator does instead of (or on top of) its normal answer.

The same model as the V1 simulator's ``Fault`` (latency, a status/body of its own, an HTML page,
a connection dropped after the request was read, a trickled answer), written again here because
the simulators share no code with each other's internals while simulator.py is being split;
docs/portone-v2.md says what a shared simulator-side module could hold.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

__all__ = ["JSON_TYPE", "MSG_GENERIC", "Fault", "FaultSlot", "dumps"]

JSON_TYPE = "application/json; charset=utf-8"
MSG_GENERIC = "요청을 처리하지 못했습니다."


def dumps(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


@dataclass
class Fault:
    """One deviation from the normal answer.

    ``status`` None keeps the normal answer (``latency``, ``drop`` and ``byte_delay`` change how
    it is delivered). With ``status`` set, that status and ``body`` (dict -> JSON; None -> a
    generic V2 error object) are sent instead. ``apply`` says whether the real processing
    happens too (e.g. the cancel is done, then the connection drops); None means "yes for
    ``status`` None, no when ``status`` replaces the answer". A normal answer that is delivered
    always implies processing. ``times`` is how many requests it applies to (None = forever).
    ``gate`` holds the answer until the event is set (after ``latency``): a request "in
    progress" for as long as a test needs, without guessing a duration.
    """

    status: int | None = None
    body: bytes | str | dict[str, Any] | None = None
    content_type: str = JSON_TYPE
    latency: float = 0.0
    drop: bool = False
    byte_delay: float = 0.0
    apply: bool | None = None
    times: int | None = 1
    gate: threading.Event | None = None

    def applies_state(self) -> bool:
        if self.status is None and not self.drop:
            return True
        if self.apply is None:
            return self.status is None
        return self.apply

    def body_bytes(self) -> bytes:
        if self.body is None:
            return dumps({"type": "INTERNAL_SERVER_ERROR", "message": MSG_GENERIC})
        if isinstance(self.body, dict):
            return dumps(self.body)
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return self.body


@dataclass
class FaultSlot:
    """A fault with what it matches and how many more requests it applies to."""

    method: str
    prefix: str
    fault: Fault
    remaining: int | None

    def take(self) -> Fault:
        if self.remaining is not None:
            self.remaining -= 1
        return self.fault

    @property
    def used_up(self) -> bool:
        return self.remaining is not None and self.remaining <= 0
