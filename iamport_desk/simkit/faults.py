"""Faults: what the network, a front end or the PG does instead of (or on top of) an answer.

One model for both simulators: latency, a status and body of its own (an HTML page from a
proxy, a PG refusal), a connection dropped after the request was read, a trickled answer,
``Content-Encoding`` layers (``encodings=("gzip", "gzip")``), a decompression bomb (``bomb=N``:
N zero bytes, compressed as they are generated so the simulator never holds them), extra
headers, and a ``gate`` that holds the answer until a test opens it. Each simulator subclasses
``Fault`` for the error body it sends by default.
"""

from __future__ import annotations

import threading
import zlib
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from iamport_desk.simkit.protocol import JSON_TYPE, dumps

__all__ = ["Fault", "FaultSlot", "encode_layers"]

_BOMB_CHUNK = b"\0" * (1 << 20)


@dataclass
class Fault:
    """What to do instead of (or on top of) the normal answer.

    ``status`` None keeps the normal answer (then ``latency``, ``drop``, ``byte_delay``,
    ``encodings`` and ``gate`` change how it is delivered). With ``status`` set, that status
    and ``body`` (dict -> JSON; None -> the simulator's generic error, ``default_body``) are
    sent instead. ``apply`` says whether the real state change happens too (e.g. the cancel
    is done, then the connection is dropped); None means "yes for ``status`` None, no when
    ``status`` replaces the answer" (a PG refusal changes nothing). A normal answer that is
    delivered (``status`` None, no ``drop``) always implies processing. ``times`` is how many
    requests it applies to (None = forever).

    ``encodings`` are applied to the body in the order given and named in that order in
    ``Content-Encoding`` (as HTTP lists them); "gzip" and "deflate" really encode, any other
    name is only announced. ``bomb`` > 0 replaces the body by that many zero bytes, gzip'd
    first (then ``encodings`` on top). ``headers`` are sent in addition (e.g. ``Location``).
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
    encodings: tuple[str, ...] = ()
    bomb: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    gate: threading.Event | None = None

    def applies_state(self) -> bool:
        if self.status is None and not self.drop:
            return True  # a normal answer cannot be made without the real processing
        if self.apply is None:
            return self.status is None
        return self.apply

    def default_body(self) -> bytes:
        """The body of a replaced answer without ``body``: the simulator's generic error."""
        return dumps({"message": "error"})

    def body_bytes(self) -> bytes:
        if self.body is None:
            return self.default_body()
        if isinstance(self.body, dict):
            return dumps(self.body)
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return self.body

    def encoded(self, body: bytes) -> tuple[bytes, str | None]:
        """The body as this fault sends it, and its Content-Encoding (None: as it is)."""
        if self.bomb > 0:
            return encode_layers(_gzip_zeros(self.bomb), list(self.encodings), ["gzip"])
        return encode_layers(body, list(self.encodings))


def encode_layers(
    body: bytes, layers: list[str], done: list[str] | None = None
) -> tuple[bytes, str | None]:
    """Apply ``layers`` in order; the header names ``done`` (already applied), then each."""
    names = list(done or [])
    for layer in layers:
        if layer == "gzip":
            body = _compress(body, zlib.MAX_WBITS | 16)
        elif layer == "deflate":
            body = _compress(body, zlib.MAX_WBITS)
        names.append(layer)
    return body, ", ".join(names) if names else None


def _compress(data: bytes, wbits: int) -> bytes:
    encoder = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return encoder.compress(data) + encoder.flush()


def _gzip_zeros(size: int) -> bytes:
    encoder = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts: list[bytes] = []
    left = size
    while left > 0:
        chunk = _BOMB_CHUNK if left >= len(_BOMB_CHUNK) else _BOMB_CHUNK[:left]
        parts.append(encoder.compress(chunk))
        left -= len(chunk)
    parts.append(encoder.flush())
    return b"".join(parts)


FaultT = TypeVar("FaultT", bound=Fault)


@dataclass
class FaultSlot(Generic[FaultT]):
    """A fault (of one simulator's kind) waiting for requests of one method under a prefix."""

    method: str
    prefix: str
    fault: FaultT
    remaining: int | None = None

    def take(self) -> FaultT:
        if self.remaining is not None:
            self.remaining -= 1
        return self.fault

    @property
    def used_up(self) -> bool:
        return self.remaining is not None and self.remaining <= 0
