"""Reading an answer's body: the raw bytes, then each ``Content-Encoding`` layer, all capped.

A PortOne answer is a few hundred bytes. The body is read undecoded (so nothing is decoded twice)
and each layer of ``Content-Encoding: gzip, gzip`` is decoded with a decompressor that stops at
``MAX_BODY_BYTES`` of output WHILE decoding: a 2 KB "decompression bomb" cannot make gigabytes.
Anything that cannot be read within the cap is ``UnreadableBody``. No Qt, no httpx.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "ACCEPT_ENCODING",
    "MAX_BODY_BYTES",
    "Answer",
    "UnreadableBody",
    "decode_body",
    "read_answer",
    "read_capped",
]

# A PortOne answer is a few hundred bytes; anything far bigger is not one of ours.
MAX_BODY_BYTES = 1 << 20

# What the client asks for: only what decode_body can decode (br and zstd are not asked for,
# even when httpx could decode them, so a front end never sends them).
ACCEPT_ENCODING = "gzip, deflate"

# More layers than this is not a front end compressing, it is an attack.
MAX_LAYERS = 4


class UnreadableBody(Exception):  # noqa: N818 - a reason, not an error family member
    """The body is over the cap (raw or decoded), in an unknown encoding, or corrupt."""


class _TooLarge(UnreadableBody):
    """Over the cap: no other way of decoding can make it fit."""


def read_capped(chunks: Iterable[bytes], limit: int = MAX_BODY_BYTES) -> bytes:
    """Join raw chunks, or raise UnreadableBody as soon as they exceed ``limit``."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise _TooLarge(f"the answer is over {limit} bytes")
        parts.append(chunk)
    return b"".join(parts)


def decode_body(raw: bytes, content_encoding: str | None, limit: int = MAX_BODY_BYTES) -> bytes:
    """Undo each listed encoding (last applied first), never producing more than ``limit``."""
    layers = [
        token.strip().lower() for token in (content_encoding or "").split(",") if token.strip()
    ]
    layers = [layer for layer in layers if layer != "identity"]
    if len(layers) > MAX_LAYERS:
        raise UnreadableBody(f"{len(layers)} content encodings")
    body = raw
    for layer in reversed(layers):
        body = _decode_layer(body, layer, limit)
    return body


def _decode_layer(data: bytes, encoding: str, limit: int) -> bytes:
    if encoding in ("gzip", "x-gzip"):
        return _inflate(data, zlib.MAX_WBITS | 16, limit)
    if encoding == "deflate":
        # RFC 9110 says zlib-wrapped; some servers send raw deflate. Try both, as browsers do.
        try:
            return _inflate(data, zlib.MAX_WBITS, limit)
        except _TooLarge:
            raise
        except UnreadableBody:
            return _inflate(data, -zlib.MAX_WBITS, limit)
    raise UnreadableBody(f"unsupported content encoding {encoding!r}")


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    decoder = zlib.decompressobj(wbits)
    try:
        # max_length: zlib stops producing output there, so memory stays bounded.
        out = decoder.decompress(data, limit + 1)
    except zlib.error as exc:
        raise UnreadableBody(f"corrupt compressed body: {exc}") from None
    if len(out) > limit:
        raise _TooLarge(f"the decoded answer is over {limit} bytes")
    if not decoder.eof:
        raise UnreadableBody("truncated compressed body")
    if decoder.unused_data.strip(b"\0"):
        # A second gzip member: legal, but no front end sends one; refuse rather than guess.
        raise UnreadableBody("data after the compressed body")
    return out


@dataclass(frozen=True)
class Answer:
    """One answer as read: status, the decoded body (empty when unreadable) and why not."""

    status: int
    body: bytes
    content_type: str | None
    unreadable: str | None = None


def read_answer(
    status: int,
    headers: Mapping[str, str],
    chunks: Iterable[bytes] | bytes,
    *,
    already_decoded: bool = False,
) -> Answer:
    """Read the raw body (capped), undo its Content-Encoding (capped); never raise."""
    content_type = headers.get("content-type")
    try:
        if already_decoded:
            assert isinstance(chunks, bytes)
            body = read_capped([chunks])
        else:
            raw = read_capped([chunks] if isinstance(chunks, bytes) else chunks)
            body = decode_body(raw, headers.get("content-encoding"))
    except UnreadableBody as exc:
        return Answer(status, b"", content_type, str(exc))
    return Answer(status, body, content_type)
