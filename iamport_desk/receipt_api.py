"""The seam between the desk and one store's receipt API, whichever PortOne generation it is.

The worker, the history and reconciliation talk to a ``ReceiptApi`` only; a PortOne V1 store
(``iamport_desk.api.IamportClient``) and a V2 store (``iamport_desk.portone_v2``) each provide
one. Every method raises only the classes of ``iamport_desk.errors``.
"""

from __future__ import annotations

from typing import Protocol

from iamport_desk.models import IssueRequest, Receipt

__all__ = ["ReceiptApi"]


class ReceiptApi(Protocol):
    """One store's receipt calls. ``order_id`` is V1's merchant_uid or V2's paymentId."""

    def lookup(self, order_id: str) -> Receipt:
        """The receipt as PortOne has it now (``ReceiptNotFound`` when none was issued)."""
        ...

    def cancel(self, order_id: str, *, idempotency_key: str | None = None) -> Receipt:
        """Cancel the whole receipt, sent at most once (``OutcomeUnknown`` when in doubt).

        ``idempotency_key`` is the key kept in the pending history row: V2 sends it as the
        POST's Idempotency-Key (None: a fresh one); V1's DELETE has no such header and
        ignores it.
        """
        ...

    def issue(self, request: IssueRequest, *, idempotency_key: str | None = None) -> Receipt:
        """Issue a cash receipt, sent at most once (``OutcomeUnknown`` when in doubt).

        ``ApiError`` with PortOne's message when refused (e.g. the order number already has a
        receipt). An unknown outcome is settled by ``lookup(request.payment_id)``, never by
        issuing again. ``idempotency_key`` is the key kept in the audit row before sending
        (V2's Idempotency-Key header; None: a fresh one); V1 has no such header and sends none.
        """
        ...

    def check_access(self) -> str | None:
        """Prove the credentials work; the sub-store's name when the profile names one."""
        ...

    def abort(self) -> None:
        """From any thread: cut the request in flight, which then ends promptly with
        NetworkError or OutcomeUnknown (so the app can exit); without one, nothing happens."""
        ...

    def close(self) -> None:
        """Release the connection pool; the object is not used afterwards."""
        ...
