"""Note codes: what a row's ``note`` holds, how codes combine, and the old prose they replace."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from iamport_desk.models import NoteCode

SEPARATOR: Final = "; "

# Versions before schema 3 stored English sentences; the migration turns them into codes.
_LEGACY: Final[Mapping[str, NoteCode]] = {
    "interrupted": NoteCode.INTERRUPTED,
    "confirmed by lookup": NoteCode.CONFIRMED_BY_LOOKUP,
    "not cancelled (checked by lookup)": NoteCode.NOT_CANCELLED_BY_LOOKUP,
    "answer did not show a cancellation time": NoteCode.NO_CANCELLATION_TIME,
}
_KNOWN: Final = frozenset(code.value for code in NoteCode)
# Why a row could not be settled yet: replaced by the next try's answer.
LEFT_CODES: Final = (NoteCode.OTHER_ORDER, NoteCode.LOOKUP_FAILED)


def split(note: str | None) -> list[str]:
    return [part for part in (note or "").split(SEPARATOR) if part]


def join(codes: Iterable[str]) -> str | None:
    parts = [str(code) for code in codes if code]
    return SEPARATOR.join(parts) if parts else None


def append(note: str | None, code: NoteCode, *, replacing: Iterable[NoteCode] = ()) -> str | None:
    """``note`` with ``code`` added last (after dropping any code in ``replacing``)."""
    dropped = {str(c) for c in replacing} | {str(code)}
    return join([*(p for p in split(note) if p not in dropped), code])


def legacy_to_code(note: str | None, outcome: str | None, http_status: int | None) -> str | None:
    """One old note (English prose, possibly several joined by "; ") as codes.

    The worker used to store ``str(error)`` when the server sent no message of its own;
    which error it was is known from the row: an unknown outcome lost its answer, a
    failure without any HTTP status never reached PortOne, one with a status got an
    answer that was not PortOne's.
    """
    codes: list[str] = []
    for part in split(note):
        if part in _KNOWN:
            codes.append(part)
        elif part in _LEGACY:
            codes.append(_LEGACY[part])
        elif part.startswith("internal error"):
            codes.append(NoteCode.INTERNAL_ERROR)
        elif outcome == "unknown":
            codes.append(NoteCode.ANSWER_LOST)
        elif http_status is None:
            codes.append(NoteCode.NETWORK)
        else:
            codes.append(NoteCode.UNEXPECTED_ANSWER)
    return join(codes)


def for_error(error: BaseException) -> NoteCode | None:
    """The code a failed request leaves in its row when the server said nothing itself."""
    from iamport_desk import errors

    if isinstance(error, errors.OutcomeUnknown):
        return NoteCode.ANSWER_LOST
    if isinstance(error, errors.NetworkError):
        return NoteCode.NETWORK
    if isinstance(error, errors.IamportError):
        return None if error.message is not None else NoteCode.UNEXPECTED_ANSWER
    return NoteCode.INTERNAL_ERROR
