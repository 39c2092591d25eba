"""PortOne V2's answers as the shared error family (``iamport_desk.errors``), with V2's facts kept.

Every class here is a subclass of the family's class the desk already handles, so the worker,
the history and the window need not know which API generation refused. What V2 adds:

- ``error_type``: V2's ``type`` ("CASH_RECEIPT_NOT_FOUND", "PG_PROVIDER", ...). The family's
  ``code`` is V1's integer and stays None for V2.
- ``pg_code`` / ``pg_message``: what the PG said, kept apart (PG_PROVIDER only); ``message`` is
  PortOne's message followed by the PG's, which is what the clerk reads.
- ``idempotency_key`` on ``V2OutcomeUnknown``: resend with this key (never a new one), or look up.

No httpx, no Qt. Messages arrive here already masked (the client removes its secret first).
"""

from __future__ import annotations

from iamport_desk.errors import (
    ApiError,
    AuthenticationError,
    IamportError,
    OtherOrderAnswer,
    OutcomeUnknown,
    ReceiptNotFound,
)

__all__ = [
    "PortOneV2Error",
    "ReceiptAlreadyIssued",
    "V2AnswerMismatch",
    "V2ApiError",
    "V2AuthenticationError",
    "V2ChannelNotFound",
    "V2OtherOrderAnswer",
    "V2OutcomeUnknown",
    "V2PermissionDenied",
    "V2PgProviderError",
    "V2ReceiptNotFound",
    "V2ReceiptNotIssued",
]


class PortOneV2Error(IamportError):
    """Base of every typed V2 answer; mixed in before the family's class it refines."""

    def __init__(
        self,
        summary: str = "",
        *,
        status: int | None = None,
        error_type: str | None = None,
        message: str | None = None,
        pg_code: str | None = None,
        pg_message: str | None = None,
    ) -> None:
        super().__init__(summary, status=status, message=message)
        self.error_type = error_type
        self.pg_code = pg_code
        self.pg_message = pg_message

    def __str__(self) -> str:
        text = super().__str__()
        if self.error_type is not None:
            text += f" | type {self.error_type}"
        if self.pg_code is not None:
            text += f" | pgCode {self.pg_code!r}"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.summary!r}, status={self.status!r}, "
            f"error_type={self.error_type!r}, message={self.message!r}, "
            f"pg_code={self.pg_code!r}, pg_message={self.pg_message!r})"
        )


class V2ReceiptNotFound(PortOneV2Error, ReceiptNotFound):  # noqa: N818 - named like the family's class
    """404 CASH_RECEIPT_NOT_FOUND: no cash receipt exists for this paymentId (in this store)."""


class V2ReceiptNotIssued(V2ReceiptNotFound):
    """CASH_RECEIPT_NOT_ISSUED, or a lookup finding status ISSUE_FAILED: nothing issued to cancel.

    A ``ReceiptNotFound`` on purpose: for the clerk both mean "no receipt was issued for this
    order number", and neither may be cancelled. ``error_type`` tells them apart.
    """


class V2AuthenticationError(PortOneV2Error, AuthenticationError):
    """401 UNAUTHORIZED: the API secret was refused. Re-enter the secret."""


class V2PermissionDenied(V2AuthenticationError):  # noqa: N818 - named like the family's class
    """403 FORBIDDEN: the secret works but may not do this (this store, this call).

    An ``AuthenticationError`` because the fix is in the profile or in PortOne's console (the
    secret's permissions, the store id), never a retry; its own class so the window can say
    "ask whoever manages the PortOne account" instead of "re-enter the secret".
    """


class V2ApiError(PortOneV2Error, ApiError):
    """Any other refusal (INVALID_REQUEST, CHANNEL_NOT_FOUND, ...) or an unreadable answer."""


class V2AnswerMismatch(V2ApiError):  # noqa: N818 - named like the family's class
    """The answer is about another paymentId or another store: never believed as a success."""


class V2OtherOrderAnswer(V2AnswerMismatch, OtherOrderAnswer):
    """The answer names another paymentId: the V1 case of the same name, for the same sentence.

    ``answered_uid`` is the paymentId the answer named.
    """

    def __init__(self, summary: str = "", *, answered_uid: str, status: int | None = None) -> None:
        super().__init__(summary, status=status)
        self.answered_uid = answered_uid


class V2ChannelNotFound(V2ApiError):  # noqa: N818 - named like the family's class
    """404 CHANNEL_NOT_FOUND on an issue: PortOne knows no channel under the key sent (the
    store profile's channel key is wrong or belongs to another store)."""


class V2PgProviderError(V2ApiError):
    """502 PG_PROVIDER: the PG refused. ``pg_code`` and ``pg_message`` are the PG's own words."""


class ReceiptAlreadyIssued(V2ApiError):  # noqa: N818 - reads as the fact it reports
    """409 CASH_RECEIPT_ALREADY_ISSUED: a receipt already exists for this paymentId."""


class V2OutcomeUnknown(OutcomeUnknown):
    """A POST may have been processed, but no usable answer came back.

    Settle it by looking the receipt up, or by sending the same call again with
    ``idempotency_key`` (PortOne then answers the first call's result instead of acting
    twice). Never with a new key.
    """

    def __init__(
        self,
        summary: str = "",
        *,
        idempotency_key: str,
        status: int | None = None,
        message: str | None = None,
        detail: str | None = None,
        error_type: str | None = None,
        reason: str = "no_answer",
    ) -> None:
        super().__init__(summary, status=status, message=message, detail=detail, reason=reason)
        self.idempotency_key = idempotency_key
        self.error_type = error_type

    def __repr__(self) -> str:
        return (
            f"V2OutcomeUnknown({self.summary!r}, status={self.status!r}, "
            f"error_type={self.error_type!r}, message={self.message!r}, "
            f"idempotency_key={self.idempotency_key!r})"
        )
