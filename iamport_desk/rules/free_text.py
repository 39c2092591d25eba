"""Short free text the clerk types for the record (the reason memo, the item name): one rule
for what may not be in it and how long it may be."""

from __future__ import annotations

from iamport_desk.rules.errors import RuleError, is_control
from iamport_desk.rules.orders import BIDI_CONTROLS, ZERO_WIDTH


def check_free_text(text: str, *, field: str, what: str, limit: int) -> None:
    """Raise RuleError (``field``, kind "control" or "too_long") if ``text`` holds a control,
    invisible or text-direction character (it would reorder or hide part of a printed record)
    or is longer than ``limit``. ``what`` names the value in the message ("The memo")."""
    if any(is_control(c) or c in BIDI_CONTROLS or c in ZERO_WIDTH for c in text):
        raise RuleError(
            f"{what} contains an invisible control character.", field=field, kind="control"
        )
    if len(text) > limit:
        raise RuleError(f"{what} is longer than {limit} characters.", field=field, kind="too_long")


__all__ = ["check_free_text"]
