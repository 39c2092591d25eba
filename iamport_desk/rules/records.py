"""Records (issues 14-16): the reason memo and the masked customer identifier in the history."""

from __future__ import annotations

import unicodedata

from iamport_desk.models import CancelReason
from iamport_desk.rules.errors import RuleError
from iamport_desk.rules.free_text import check_free_text
from iamport_desk.rules.identifiers import IDENTIFIER_SEPARATORS

# Area "records": the reason memo and the masked customer identifier kept in the history.

MAX_REASON_NOTE_LENGTH = 100  # a short memo beside 기타, not a letter
IDENTIFIER_VISIBLE = 4  # the history keeps the last four characters of an identifier


def validate_reason_note(raw: str | None, reason: CancelReason | None) -> str | None:
    """The cancellation reason's memo, stripped and NFC, or None when there is none.

    Reason 3 (기타, OTHER) requires one; the others may carry one. No control, invisible
    or text-direction characters (they would reorder the memo in a printed confirmation)
    and at most :data:`MAX_REASON_NOTE_LENGTH` characters. Raises RuleError with
    ``field="reason_note"`` and kind "empty", "control" or "too_long".
    """
    note = unicodedata.normalize("NFC", (raw or "").strip())
    if not note:
        if reason is not None and CancelReason(reason) is CancelReason.OTHER:
            raise RuleError(
                "Write a short memo for the reason \u201cOther\u201d.",
                field="reason_note",
                kind="empty",
            )
        return None
    check_free_text(note, field="reason_note", what="The memo", limit=MAX_REASON_NOTE_LENGTH)
    return note


def mask_identifier(value: str) -> str:
    """A customer's identifier with all but its last four characters as "*".

    "010-1234-5678" -> "*******5678" (spaces and hyphens dropped first). Idempotent: a
    masked value masks to itself, so a caller that masks twice stores the same text. An
    identifier of four characters or fewer is masked whole: showing all of it would not
    be masking.
    """
    compact = "".join(c for c in value.strip() if c not in IDENTIFIER_SEPARATORS)
    if len(compact) <= IDENTIFIER_VISIBLE:
        return "*" * len(compact)
    hidden = len(compact) - IDENTIFIER_VISIBLE
    return "*" * hidden + compact[hidden:]
