"""Network and API failures: the cases of issue 12 (proxies, deadline, abort, unknown outcomes).

Each sentence starts with the outcome, then what to do, then details.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.ui.words.message import UserMessage, status_detail

NEW_NETWORK_KINDS = frozenset(
    {"proxy_auth", "proxy_unreachable", "proxy_page", "deadline", "aborted"}
)


def describe_network(kind: str, status: int | None, *, outcome: str) -> UserMessage:
    """A NetworkError of one of NEW_NETWORK_KINDS (proxies, the deadline, an abort), after
    ``outcome`` (``errors.outcome_sentence``: what did not happen, said first)."""
    detail = status_detail(status, None)
    what = {
        "proxy_auth": QCoreApplication.translate(
            "Messages",
            "The proxy server asks for a sign-in{0}. Ask your IT department for the proxy user "
            "name and password, and enter them with the proxy in the network settings.",
        ),
        "proxy_unreachable": QCoreApplication.translate(
            "Messages",
            "The proxy server could not be reached. Check the proxy address in the network "
            "settings, or ask your IT department.",
        ),
        "proxy_page": QCoreApplication.translate(
            "Messages",
            "The proxy server refused the connection to PortOne with a page of its own{0}. "
            "Ask your IT department to allow api.iamport.kr.",
        ),
        "deadline": QCoreApplication.translate(
            "Messages",
            "PortOne did not finish answering within the time limit. Check the network or "
            "proxy settings and try again.",
        ),
        "aborted": QCoreApplication.translate(
            "Messages", "The request was stopped before PortOne answered. Try again when ready."
        ),
    }[kind].format(detail)
    return UserMessage(outcome + " " + what)


def describe_unknown(reason: str, server: str | None) -> UserMessage:
    """An OutcomeUnknown: the request may have been done; what to do before trying again."""
    why = {
        "unreadable": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the answer to the cancellation "
            "could not be read (it was damaged or far too large).",
        ),
        "other_order": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the answer named another order "
            "number than the one cancelled.",
        ),
        "redirect": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the cancellation was answered "
            "with a redirect to another address, which the app never follows.",
        ),
        "deadline": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the cancellation was sent, but "
            "its answer did not arrive within the time limit.",
        ),
        "aborted": QCoreApplication.translate(
            "Messages",
            "It is not known whether the receipt was cancelled: the cancellation was sent, then "
            "stopped before its answer arrived.",
        ),
    }
    if reason not in why:
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "It is not known whether the receipt was cancelled: the cancellation was sent, "
                "but no answer came back. Do not cancel it again: look the order number up, or "
                "use \u201cCheck unknown outcomes\u201d in the history, when the network is back.",
            ),
            server,
        )
    return UserMessage(
        why[reason]
        + " "
        + QCoreApplication.translate(
            "Messages",
            "Do not cancel it again: look the order number up, or use \u201cCheck unknown "
            "outcomes\u201d in the history.",
        ),
        server,
    )
