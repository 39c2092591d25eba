"""What the worker writes into an audit row around a request: the V2 Idempotency-Key made
before the pending row, and what a failure leaves in the row. Qt-free."""

from __future__ import annotations

from typing import Any

from iamport_desk.errors import IamportError
from iamport_desk.models import Credentials, Outcome, StoreApi

__all__ = ["error_fields", "failure_fields", "request_key"]


def request_key(credentials: Credentials) -> str | None:
    """A V2 request's Idempotency-Key (a cancellation or an issue), made before the pending
    row so the row holds the key the request carries; V1 takes none."""
    if credentials.api is not StoreApi.V2:
        return None
    from iamport_desk.portone_v2 import new_idempotency_key

    return new_idempotency_key()


def failure_fields(exc: IamportError) -> tuple[Outcome, dict[str, Any]]:
    """The outcome a failed request leaves (unknown when it may have been carried out, else
    failed) and what its row keeps."""
    from iamport_desk.errors import OutcomeUnknown

    outcome = Outcome.UNKNOWN if isinstance(exc, OutcomeUnknown) else Outcome.FAILED
    return outcome, error_fields(exc)


def error_fields(exc: IamportError) -> dict[str, Any]:
    """What the history keeps of a failure: the server's own words (V2: its error type and
    the PG's code and words too), else our diagnosis."""
    from iamport_desk.history.attempts import v2_error_fields
    from iamport_desk.history.notes import for_error

    fields: dict[str, Any] = {"http_status": exc.status, "code": exc.code, "message": exc.message}
    fields.update(v2_error_fields(exc))
    if exc.message is None:
        fields["note"] = for_error(exc)  # a code; the words are chosen when shown
    return fields
