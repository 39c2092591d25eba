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
