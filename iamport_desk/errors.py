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
    "OtherOrderAnswer",
    "OutcomeUnknown",
    "ReceiptNotFound",
    "TierNotFound",
    "shorten",
]

NETWORK_KINDS = frozenset(
    {
        "refused",
        "dns",
        "tls",
        "connect_timeout",
        "read_timeout",
        "deadline",
        "aborted",
        "protocol",
        "proxy",
        "proxy_auth",
        "proxy_unreachable",
        "proxy_page",
        "other",
    }
)

# Why a cancellation's outcome is unknown: nothing usable came back; the answer could not be
# read (a bomb, an unknown encoding); it named another order; a redirect; the call's overall
# deadline passed; the call was abandoned (the app closing).
UNKNOWN_REASONS = frozenset(
    {"no_answer", "unreadable", "other_order", "redirect", "deadline", "aborted"}
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


class OtherOrderAnswer(ApiError):  # noqa: N818 - names the case, like ReceiptNotFound
    """A lookup was answered with the receipt of another order than the one asked for.

    Never a success: nothing of that receipt is shown as the asked order's, and nothing is
    offered to cancel. ``answered_uid`` is the order number the answer named (for the log and
    the sentence; the clerk's own number is the one to keep using).
    """

    def __init__(
        self,
        summary: str = "",
        *,
        answered_uid: str = "",
        status: int | None = None,
        code: int | None = None,
        message: str | None = None,
    ) -> None:
        # Keyword defaults so that a V2 subclass can mix this in after its own base.
        super().__init__(summary, status=status, code=code, message=message)
        self.answered_uid = answered_uid


class TierNotFound(ApiError):  # noqa: N818 - the agreed public name
    """``GET /tiers/{code}`` answered 404: the sub-merchant code is not registered."""


class NetworkError(IamportError):
    """Nothing was delivered to the server, so the same call may safely be tried again.

    ``kind`` is one of NETWORK_KINDS so the UI can suggest what to check: "refused", "dns",
    "tls", "connect_timeout", "read_timeout", "deadline" (the call's overall deadline passed),
    "aborted" (``abort()`` cut it), "protocol", "proxy_auth" (the proxy asks for a sign-in,
    407), "proxy_unreachable", "proxy_page" (the proxy answered with a page of its own),
    "proxy" (another proxy failure), "other". For GET and getToken "read_timeout",
    "deadline", "aborted" and "protocol" mean the request may have been sent but the answer
    was lost; those calls change nothing, so retrying is still safe.
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
    receipt up and trust its ``cancelled_at``. ``reason`` says why it is unknown, for the
    sentence: one of UNKNOWN_REASONS ("no_answer" when nothing usable came back at all).
    """

    def __init__(
        self,
        summary: str = "",
        *,
        status: int | None = None,
        code: int | None = None,
        message: str | None = None,
        detail: str | None = None,
        reason: str = "no_answer",
    ) -> None:
        super().__init__(summary, status=status, code=code, message=message)
        self.detail = detail
        self.reason = reason if reason in UNKNOWN_REASONS else "no_answer"


class InvalidMerchantUid(IamportError, ValueError):  # noqa: N818 - the agreed public name
    """The order number cannot be sent (empty, control characters, or "." / "..").

    ``reason`` tells the UI which sentence to show: "empty", "too_long", "control",
    or "unsendable" (a character or form that cannot travel in a URL path).
    """

    def __init__(self, summary: str = "", *, reason: str = "unsendable") -> None:
        super().__init__(summary)
        self.reason = reason
