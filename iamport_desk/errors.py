"""The error family every PortOne client reports, whichever API generation it speaks.

No httpx, no Qt: the window, the worker and the history read these values without pulling in
the network stack, and a second client (PortOne V2) raises the same classes. ``str()`` and
``repr()`` never hold a token or a secret: clients mask server text before it gets here.
"""

from __future__ import annotations

__all__ = [
    "ApiError",
    "AuthenticationError",
    "IamportError",
    "InvalidMerchantUid",
    "NetworkError",
    "OutcomeUnknown",
    "ReceiptNotFound",
    "TierNotFound",
    "shorten",
]

NETWORK_KINDS = frozenset(
    {"refused", "dns", "tls", "connect_timeout", "read_timeout", "protocol", "proxy", "other"}
)


def shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class IamportError(Exception):
    """Base of every failure this module reports.

    ``status`` is the HTTP status (None when no answer came), ``code`` PortOne's
    ``code`` and ``message`` PortOne's ``message`` as sent (None when the answer was
    not a PortOne envelope). ``str()`` is a short English summary for logs; it never
    contains a token or a secret. Show ``message`` to the user, not ``str()``.
    """

    def __init__(
        self,
        summary: str = "",
        *,
        status: int | None = None,
        code: int | None = None,
        message: str | None = None,
    ) -> None:
        super().__init__(summary)
        self.summary = summary or type(self).__name__
        self.status = status
        self.code = code
        self.message = message

    def __str__(self) -> str:
        parts = [self.summary]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.code is not None:
            parts.append(f"code {self.code}")
        if self.message is not None:
            parts.append(f"message {shorten(self.message)!r}")
        return " | ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.summary!r}, status={self.status!r}, "
            f"code={self.code!r}, message={self.message!r})"
        )


class AuthenticationError(IamportError):
    """The key/secret was refused (getToken 401), or a 401 persisted after one refresh."""


class ReceiptNotFound(IamportError):  # noqa: N818 - the agreed public name
    """PortOne answered 404: no receipt was issued for this merchant_uid (under this tier)."""


class ApiError(IamportError):
    """Any other failure answer: non-200, code != 0, or a body that is not PortOne's envelope."""


class TierNotFound(ApiError):  # noqa: N818 - the agreed public name
    """``GET /tiers/{code}`` answered 404: the sub-merchant code is not registered."""


class NetworkError(IamportError):
    """Nothing was delivered to the server, so the same call may safely be tried again.

    ``kind`` is one of "refused", "dns", "tls", "connect_timeout", "read_timeout",
    "protocol", "proxy", "other" so the UI can suggest what to check. For GET and
    getToken "read_timeout"/"protocol" mean the request was sent but the answer was
    lost; those calls change nothing, so retrying is still safe.
    """

    def __init__(
        self,
        summary: str = "",
        *,
        kind: str = "other",
        status: int | None = None,
        code: int | None = None,
        message: str | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(summary, status=status, code=code, message=message)
        self.kind = kind if kind in NETWORK_KINDS else "other"
        # Low-level cause ("ConnectionRefusedError: ...") for the log; never shown raw.
        self.detail = detail


class OutcomeUnknown(IamportError):  # noqa: N818 - the agreed public name
    """A DELETE may have reached PortOne, but no usable answer came back.

    The receipt may or may not be cancelled. Never resend the DELETE: look the
    receipt up and trust its ``cancelled_at``.
    """

    def __init__(
        self,
        summary: str = "",
        *,
        status: int | None = None,
        code: int | None = None,
        message: str | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(summary, status=status, code=code, message=message)
        self.detail = detail


class InvalidMerchantUid(IamportError, ValueError):  # noqa: N818 - the agreed public name
    """The order number cannot be sent (empty, control characters, or "." / "..").

    ``reason`` tells the UI which sentence to show: "empty", "too_long", "control",
    or "unsendable" (a character or form that cannot travel in a URL path).
    """

    def __init__(self, summary: str = "", *, reason: str = "unsendable") -> None:
        super().__init__(summary)
        self.reason = reason
