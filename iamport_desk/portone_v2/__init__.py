"""PortOne V2 stores: a Qt-free client for the cash receipt calls (``PortOneV2Client``).

See docs/portone-v2.md for what maps to what and why.
"""

from __future__ import annotations

from iamport_desk.portone_v2.client import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_TIMEOUT,
    PortOneV2Client,
    new_idempotency_key,
    receipt_path,
)
from iamport_desk.portone_v2.errors import (
    PortOneV2Error,
    ReceiptAlreadyIssued,
    V2AnswerMismatch,
    V2ApiError,
    V2AuthenticationError,
    V2ChannelNotFound,
    V2OtherOrderAnswer,
    V2OutcomeUnknown,
    V2PermissionDenied,
    V2PgProviderError,
    V2ReceiptNotFound,
    V2ReceiptNotIssued,
)
from iamport_desk.portone_v2.issue import IssueRequest
from iamport_desk.portone_v2.parsing import parse_cash_receipt, parse_rfc3339

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "IssueRequest",
    "PortOneV2Client",
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
    "new_idempotency_key",
    "parse_cash_receipt",
    "parse_rfc3339",
    "receipt_path",
]
