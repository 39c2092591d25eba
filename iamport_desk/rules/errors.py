"""The error every broken rule raises, and what the rules' messages share."""

from __future__ import annotations

import unicodedata


class RuleError(ValueError):
    """A value that breaks a rule; the message never contains the value.

    ``field`` is one of "name", "imp_key", "imp_secret", "tier_code", "api_base" (and, for
    V2 stores, "api", "api_secret", "store_id"); ``kind`` says what is wrong: "empty",
    "whitespace", "control", "non_ascii", "format", "duplicate", "too_long" or "too_short"
    (the dialogs choose their sentence by these two).
    """

    def __init__(self, message: str, *, field: str, kind: str) -> None:
        super().__init__(message)
        self.field = field
        self.kind = kind

    def __repr__(self) -> str:
        return f"{type(self).__name__}(field={self.field!r}, kind={self.kind!r}, message={self!s})"


# How each field is named at the start of a message ("The REST API key is empty.").
FIELD_LABELS = {
    "imp_key": "The REST API key",
    "imp_secret": "The REST API secret",
    "api_base": "The API address",
    "tier_code": "The sub-merchant (Tier) code",
    "api": "The API kind",
    "api_secret": "The V2 API secret",
    "store_id": "The store id",
    "channel_key": "The channel key",
}


def is_control(char: str) -> bool:
    # Cc/Cf/Cs/Co/Cn and line/paragraph separators: invisible or layout-breaking
    # characters, which also make two names look the same.
    return unicodedata.category(char)[0] == "C" or unicodedata.category(char) in ("Zl", "Zp")
