"""After PortOne refused a cancellation: is the receipt cancelled already?

The receipt the clerk looked up may have been cancelled since (on another PC, or in
PortOne's console). V1 does not publish what a second cancellation answers, and V2 answers
"not issued"; either way the lookup's ``cancelled_at`` is the truth
(shared/iamport-v1/README.md, "What nobody has published"). Qt-free; runs on the API thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from iamport_desk.errors import (
    ApiError,
    IamportError,
    OtherOrderAnswer,
    ReceiptNotFound,
    TierNotFound,
)

if TYPE_CHECKING:
    from iamport_desk.models import Receipt
    from iamport_desk.receipt_api import ReceiptApi

__all__ = ["found_cancelled", "worth_a_lookup"]

log = logging.getLogger(__name__)

# No lookup helps after these: the key, the permission or the proxy is what is wrong.
_NOT_ABOUT_THE_RECEIPT = (401, 403, 407)


def worth_a_lookup(error: BaseException) -> bool:
    """A refusal that may mean "already cancelled": a server's 4xx about this receipt, or
    V2's "not issued" (what V2 answers for a receipt that is cancelled)."""
    from iamport_desk.portone_v2.errors import V2ReceiptNotIssued

    if isinstance(error, V2ReceiptNotIssued):
        return True
    if isinstance(error, (ReceiptNotFound, OtherOrderAnswer, TierNotFound)):
        return False
    return (
        isinstance(error, ApiError)
        and error.status is not None
        and 400 <= error.status < 500
        and error.status not in _NOT_ABOUT_THE_RECEIPT
    )


def found_cancelled(
    client: ReceiptApi, merchant_uid: str, error: BaseException | None
) -> Receipt | None:
    """One lookup after a refusal: the receipt if PortOne has it cancelled, else None (also
    when there was no refusal, or the lookup fails: the refusal then stands as it was said)."""
    if error is None or not worth_a_lookup(error):
        return None
    try:
        receipt = client.lookup(merchant_uid)
    except IamportError as exc:
        log.info("lookup after a refused cancellation failed: %s", type(exc).__name__)
        return None
    return receipt if receipt.is_cancelled else None
