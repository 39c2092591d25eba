"""The rules, each defined once: what a valid order number, Tier code, host, key or name is.

The client, the settings, the history and the dialogs all call these; none keeps a copy.
No Qt, no httpx, no I/O.
"""

from __future__ import annotations

import unicodedata

__all__ = ["order_key"]


def order_key(merchant_uid: str) -> str:
    """The form under which the history files, searches and guards an order number.

    Two spellings of one Hangul id (NFC and NFD) are one order: both map to NFC.
    """
    return unicodedata.normalize("NFC", merchant_uid)


def validate_proxy_url(raw: str | None) -> str | None:
    """A proxy set by hand as ``scheme://host:port`` (http or https), or None for none.

    Empty means "use the system's or the environment's proxy". No user name or password:
    the settings file never holds a secret. Raises ValueError for anything else.
    """
    import urllib.parse

    text = (raw or "").strip()
    if not text:
        return None
    if not text.isascii() or any(c.isspace() or not c.isprintable() for c in text):
        raise ValueError("a proxy address uses only English letters, digits and symbols")
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValueError("a proxy address looks like http://proxy.example:8080") from None
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not host or port is None:
        raise ValueError("a proxy address looks like http://proxy.example:8080")
    if parts.username is not None or parts.password is not None:
        raise ValueError("a proxy address must not carry a user name or password")
    if parts.path.rstrip("/") or parts.query or parts.fragment:
        raise ValueError("a proxy address has no path, query or fragment")
    netloc = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{netloc}:{port}"
