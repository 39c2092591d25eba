"""Every failure as a plain sentence for the clerk: describe_error dispatches by topic.

Server messages are passed through as they came (PortOne's Korean text, often from the
PG); they are shown as plain text by the caller, never parsed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide
from iamport_desk.ui.words.files import describe_file_error
from iamport_desk.ui.words.history import history_problem
from iamport_desk.ui.words.identifiers import identifier_problem
from iamport_desk.ui.words.message import UserMessage, status_detail
from iamport_desk.ui.words.network import NEW_NETWORK_KINDS, describe_network, describe_unknown
from iamport_desk.ui.words.orders import describe_invalid_merchant_uid


def describe_error(error: BaseException, *, cancelling: bool = False) -> UserMessage:
    """Map an exception value from the worker to a sentence."""
    from iamport_desk import errors

    server = (
        elide(error.message) if isinstance(error, errors.IamportError) and error.message else None
    )
    if isinstance(error, errors.InvalidMerchantUid):
        return UserMessage(describe_invalid_merchant_uid(error))
    from iamport_desk.rules import IdentifierError

    if isinstance(error, IdentifierError):
        return UserMessage(identifier_problem(error))
    if isinstance(error, errors.AuthenticationError):
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "PortOne did not accept the REST API key or secret. "
                "Enter them again in the credentials dialog.",
            ),
            server,
            reenter_credentials=True,
        )
    if isinstance(error, errors.ReceiptNotFound):
        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "No cash receipt was issued for this order number. "
                "Check the number (and the store or Tier code).",
            ),
            server,
        )
    if isinstance(error, errors.OutcomeUnknown):
        return describe_unknown(error.reason, server)
    if isinstance(error, errors.NetworkError) and error.kind in NEW_NETWORK_KINDS:
        return describe_network(error.kind, error.status, cancelling=cancelling)
    if isinstance(error, errors.OtherOrderAnswer):
        from iamport_desk.formatting import isolate

        return UserMessage(
            QCoreApplication.translate(
                "Messages",
                "PortOne answered with the receipt of another order number ({0}), not the one "
                "looked up, so nothing is shown and nothing can be cancelled. Look the order "
                "number up again; if this happens again, contact PortOne.",
            ).format(isolate(elide(error.answered_uid, 80)))
        )
    if isinstance(error, errors.NetworkError):
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
        first = texts.get(
            error.kind, QCoreApplication.translate("Messages", "The connection to PortOne failed.")
        )
        return UserMessage(
            first
            + " "
            + QCoreApplication.translate(
                "Messages",
                "Nothing was changed. Check the network or proxy settings and try again.",
            )
        )
    if isinstance(error, errors.ApiError):
        detail = status_detail(error.status, error.code)
        if error.status == 407:
            text = QCoreApplication.translate(
                "Messages",
                "The proxy server asks for a login. Ask your IT department for the proxy settings.",
            )
        elif cancelling and (error.status == 500 or _is_pg_refusal(error)):
            text = QCoreApplication.translate(
                "Messages", "The payment gateway refused or failed the cancellation."
            )
        elif error.status == 501:
            text = QCoreApplication.translate(
                "Messages",
                "PortOne does not support cash receipts for this store's payment gateway.",
            )
        elif error.status == 400:
            text = QCoreApplication.translate("Messages", "PortOne refused the request.")
        elif error.status == 200 and error.code not in (None, 0):
            text = QCoreApplication.translate("Messages", "PortOne answered with an error.")
        elif error.status == 200 and error.code == 0:
            text = QCoreApplication.translate(
                "Messages", "PortOne's answer could not be read (it is not in the documented form)."
            )
        elif error.message is None:
            text = QCoreApplication.translate(
                "Messages",
                "An unexpected answer came instead of PortOne's (for example a proxy "
                "or login page).",
            )
        else:
            text = QCoreApplication.translate("Messages", "PortOne answered with an error.")
        action = (
            QCoreApplication.translate(
                "Messages",
                "The receipt was not cancelled. Read the message, then try again or "
                "contact PortOne.",
            )
            if cancelling
            else QCoreApplication.translate(
                "Messages", "Try again later; if it persists, contact PortOne."
            )
        )
        return UserMessage(text + detail + " " + action, server)
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


def _is_pg_refusal(error: BaseException) -> bool:
    """V2 says "the PG refused" by its type (502 PG_PROVIDER, kept as ``error_type``)."""
    return getattr(error, "error_type", None) == "PG_PROVIDER"
