"""Every failure as a plain sentence for the clerk: describe_error dispatches by topic.

Each sentence starts with the outcome ("The receipt was not cancelled." / "It is not known
whether the receipt was cancelled" / for a lookup "The receipt could not be looked up."),
then says what to do, then gives the details: what went wrong, the HTTP status and code,
and PortOne's own message last, apart (``UserMessage.server``; issue 13).

Server messages are passed through as they came (PortOne's Korean text, often from the
PG); they are shown as plain text by the caller, never parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide
from iamport_desk.ui.words.files import describe_file_error
from iamport_desk.ui.words.history import history_problem
from iamport_desk.ui.words.identifiers import identifier_problem
from iamport_desk.ui.words.message import UserMessage, status_detail
from iamport_desk.ui.words.network import NEW_NETWORK_KINDS, describe_network, describe_unknown
from iamport_desk.ui.words.orders import describe_invalid_merchant_uid

if TYPE_CHECKING:
    from iamport_desk.errors import ApiError


def outcome_sentence(*, cancelling: bool, looking_up: bool) -> str:
    """What did not happen: the first sentence of every failure that reached PortOne."""
    if cancelling:
        return QCoreApplication.translate("Messages", "The receipt was not cancelled.")
    if looking_up:
        return QCoreApplication.translate("Messages", "The receipt could not be looked up.")
    return QCoreApplication.translate("Messages", "Nothing was changed.")


def details(text: str) -> str:
    """What went wrong, after the outcome and what to do."""
    return QCoreApplication.translate("Messages", "Details: {0}").format(text)


def describe_error(
    error: BaseException, *, cancelling: bool = False, looking_up: bool = False
) -> UserMessage:
    """Map an exception value from the worker to a sentence.

    ``cancelling``: the failure ended a cancellation; ``looking_up``: it ended a lookup.
    """
    from iamport_desk import errors

    server = (
        elide(error.message) if isinstance(error, errors.IamportError) and error.message else None
    )
    outcome = outcome_sentence(cancelling=cancelling, looking_up=looking_up)
    if isinstance(error, errors.InvalidMerchantUid):
        return UserMessage(describe_invalid_merchant_uid(error))
    from iamport_desk.rules import IdentifierError

    if isinstance(error, IdentifierError):
        return UserMessage(identifier_problem(error))
    v2 = _describe_v2(error, outcome, server)
    if v2 is not None:
        return v2
    if isinstance(error, errors.AuthenticationError):
        return UserMessage(
            outcome
            + " "
            + QCoreApplication.translate(
                "Messages",
                "Enter the REST API key and secret again in the credentials dialog: PortOne "
                "did not accept them.",
            )
            + status_detail(error.status, error.code),
            server,
            reenter_credentials=True,
        )
    if isinstance(error, errors.ReceiptNotFound):
        return UserMessage(
            outcome
            + " "
            + QCoreApplication.translate(
                "Messages",
                "Check the order number and the store chosen above (its kind and Tier are "
                "part of it): no cash receipt was issued for this order number.",
            ),
            server,
        )
    if isinstance(error, errors.OutcomeUnknown):
        return describe_unknown(error.reason, server)
    if isinstance(error, errors.NetworkError) and error.kind in NEW_NETWORK_KINDS:
        return describe_network(error.kind, error.status, outcome=outcome)
    if isinstance(error, errors.OtherOrderAnswer):
        from iamport_desk.formatting import isolate

        return UserMessage(
            outcome
            + " "
            + QCoreApplication.translate(
                "Messages",
                "Look the order number up again; if this happens again, contact PortOne. "
                "Details: PortOne answered with the receipt of another order number ({0}), not "
                "the one looked up, so nothing is shown and nothing can be cancelled.",
            ).format(isolate(elide(error.answered_uid, 80)))
        )
    if isinstance(error, errors.NetworkError):
        return UserMessage(_network_sentence(error.kind, outcome))
    if isinstance(error, errors.ApiError):
        return _describe_api_error(error, outcome, server, cancelling=cancelling)
    from iamport_desk.history import HistoryUnavailable

    if isinstance(error, HistoryUnavailable):
        return UserMessage(history_problem(error.reason))
    if isinstance(error, OSError):  # a settings or export file: which one, and what to do
        return describe_file_error(error)
    return UserMessage(
        QCoreApplication.translate(
            "Messages", "Something unexpected went wrong. The details were written to the log file."
        )
    )


def _network_sentence(kind: str, outcome: str) -> str:
    """No answer from PortOne: nothing reached it, so nothing changed there."""
    texts = {
        "refused": QCoreApplication.translate(
            "Messages", "The PortOne server could not be reached (connection refused)."
        ),
        "dns": QCoreApplication.translate(
            "Messages", "The PortOne server's name could not be found."
        ),
        "tls": QCoreApplication.translate(
            "Messages",
            "The server's security certificate could not be verified, so the "
            "connection was stopped.",
        ),
        "connect_timeout": QCoreApplication.translate(
            "Messages", "Connecting to the PortOne server took too long."
        ),
        "read_timeout": QCoreApplication.translate(
            "Messages", "The PortOne server did not answer in time."
        ),
        "proxy": QCoreApplication.translate(
            "Messages", "The proxy server refused or failed the connection."
        ),
    }
    what = texts.get(
        kind, QCoreApplication.translate("Messages", "The connection to PortOne failed.")
    )
    return (
        outcome
        + " "
        + QCoreApplication.translate(
            "Messages", "Check the network or proxy settings and try again."
        )
        + " "
        + details(what)
    )


def _describe_api_error(
    error: ApiError, outcome: str, server: str | None, *, cancelling: bool
) -> UserMessage:
    detail = status_detail(error.status, error.code)
    action = (
        QCoreApplication.translate(
            "Messages", "Read PortOne's message, then try again or contact PortOne."
        )
        if cancelling
        else QCoreApplication.translate(
            "Messages", "Try again later; if it persists, contact PortOne."
        )
    )
    if error.status == 501:
        # Not a passing failure: this PG cannot cancel cash receipts through PortOne at all.
        return UserMessage(
            outcome
            + " "
            + QCoreApplication.translate(
                "Messages",
                "This store's payment gateway cannot cancel cash receipts through PortOne: "
                "cancel the receipt in the payment gateway's merchant site or on Hometax "
                "(홈택스).",
            )
            + detail,
            server,
            final=cancelling,
        )
    if error.status == 407:
        action = QCoreApplication.translate(
            "Messages", "Ask your IT department for the proxy settings."
        )
        what = QCoreApplication.translate("Messages", "The proxy server asks for a login.")
    elif cancelling and (error.status == 500 or _is_pg_refusal(error)):
        what = QCoreApplication.translate(
            "Messages", "The payment gateway refused or failed the cancellation."
        )
    elif error.status == 400:
        what = QCoreApplication.translate("Messages", "PortOne refused the request.")
    elif error.status == 200 and error.code not in (None, 0):
        what = QCoreApplication.translate("Messages", "PortOne answered with an error.")
    elif error.status == 200 and error.code == 0:
        what = QCoreApplication.translate(
            "Messages", "PortOne's answer could not be read (it is not in the documented form)."
        )
    elif error.message is None:
        what = QCoreApplication.translate(
            "Messages",
            "An unexpected answer came instead of PortOne's (for example a proxy or login page).",
        )
    else:
        what = QCoreApplication.translate("Messages", "PortOne answered with an error.")
    return UserMessage(outcome + " " + action + " " + details(what) + detail, server)


def _describe_v2(error: BaseException, outcome: str, server: str | None) -> UserMessage | None:
    """PortOne V2's own refusals: each says what the clerk (or the account's admin) can do."""
    from iamport_desk.portone_v2.errors import (
        ReceiptAlreadyIssued,
        V2AuthenticationError,
        V2PermissionDenied,
        V2ReceiptNotIssued,
    )

    if isinstance(error, V2AuthenticationError) and not isinstance(error, V2PermissionDenied):
        # A V2 store has one API secret, no REST API key: V1's sentence would name both.
        text = QCoreApplication.translate(
            "Messages",
            "Enter the store's V2 API secret again in the credentials dialog: PortOne did not "
            "accept it.",
        )
        return UserMessage(
            outcome + " " + text + status_detail(error.status, error.code),
            server,
            reenter_credentials=True,
        )
    if isinstance(error, V2PermissionDenied):
        text = QCoreApplication.translate(
            "Messages",
            "Ask whoever manages the PortOne account to give this API secret the permission "
            "for cash receipts of this store (PortOne console), or check the store ID in the "
            "store's profile. Entering the same secret again will not help.",
        )
    elif isinstance(error, V2ReceiptNotIssued):
        text = QCoreApplication.translate(
            "Messages",
            "There is nothing to cancel: PortOne has this payment's cash receipt as not issued "
            "(its issue failed or was never made).",
        )
    elif isinstance(error, ReceiptAlreadyIssued):
        text = QCoreApplication.translate(
            "Messages",
            "Look the payment up: PortOne already has a cash receipt issued for this payment "
            "ID, so no second one was issued.",
        )
    else:
        return None
    return UserMessage(outcome + " " + text + status_detail(error.status, error.code), server)


def _is_pg_refusal(error: BaseException) -> bool:
    """V2 says "the PG refused" by its type (502 PG_PROVIDER, kept as ``error_type``)."""
    return getattr(error, "error_type", None) == "PG_PROVIDER"
