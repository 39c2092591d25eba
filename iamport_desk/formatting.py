"""Turning receipt values into what a Korean accounting clerk reads (no Qt).

Every function here accepts anything a server may have sent (huge numbers, negative
times, absurd URLs) and returns a string rather than raising: formatting must never
be the thing that crashes the window.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

# Korea has had no daylight saving time since 1988; a fixed offset needs no tz database
# (which Windows lacks without the tzdata package).
KST = dt.timezone(dt.timedelta(hours=9), "KST")

MAX_LINK_LENGTH = 2048


def format_kst(timestamp: float | None) -> str:
    """UNIX seconds -> '2026-11-25 14:03 (KST)'; out-of-range values are shown raw."""
    if timestamp is None:
        return "-"
    try:
        when = dt.datetime.fromtimestamp(timestamp, tz=KST)
    except (OverflowError, OSError, ValueError):
        return f"{timestamp} (?)"
    return when.strftime("%Y-%m-%d %H:%M (KST)")


def format_kst_seconds(timestamp: float | None) -> str:
    """UNIX seconds -> '2026-11-25 14:03:07' (KST), for tables and exports."""
    if timestamp is None:
        return ""
    try:
        when = dt.datetime.fromtimestamp(timestamp, tz=KST)
    except (OverflowError, OSError, ValueError):
        return str(timestamp)
    return when.strftime("%Y-%m-%d %H:%M:%S")


def safe_link(url: str | None) -> str | None:
    """The URL if it may be opened in a browser (http(s) with a host), else None.

    A server could send ``javascript:``, ``file:`` or ``data:`` URLs; those are shown
    as text but never made clickable.
    """
    if not url or len(url) > MAX_LINK_LENGTH:
        return None
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def elide(text: str, limit: int = 300) -> str:
    """Keep huge server strings from flooding a label."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# First-strong isolate ... pop directional isolate: an id shown inside a sentence keeps its own
# direction and cannot reorder the words around it (a U+202E in an id once reversed an amount).
_FSI, _PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` wrapped as a bidi isolate, for an id or server value inside a sentence."""
    return f"{_FSI}{text}{_PDI}"
