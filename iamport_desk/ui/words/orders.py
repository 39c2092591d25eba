"""Why an order number was refused before anything was sent, and what to do instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.formatting import elide, isolate

if TYPE_CHECKING:
    from iamport_desk.errors import InvalidMerchantUid


def describe_invalid_merchant_uid(error: InvalidMerchantUid) -> str:
    """Why an order number was refused before anything was sent, and what to do instead."""
    from iamport_desk.rules import RefusedCharacter, TypedInHangulMode

    if isinstance(error, TypedInHangulMode):
        return QCoreApplication.translate(
            "Messages",
            "The order number was typed while the input method was in Korean (한글) mode: "
            "on an English keyboard these keys spell \u201c{0}\u201d. Switch to English with "
            "the 한/영 key and type the number again (mind upper and lower case).",
        ).format(isolate(elide(error.keys, 80)))
    if isinstance(error, RefusedCharacter) and error.reason in ("invisible", "bidi"):
        # The character is named, never shown: shown, it would hide or reorder the sentence.
        where = isolate(error.label), error.position
        if error.reason == "invisible":
            return QCoreApplication.translate(
                "Messages",
                "The order number contains an invisible character, {0}, at position {1} "
                "(usually copied along from a web page, a chat or a spreadsheet). "
                "Type the number again instead of pasting it.",
            ).format(*where)
        return QCoreApplication.translate(
            "Messages",
            "The order number contains a text-direction control character, {0}, at position "
            "{1}; it makes the number on screen differ from the one that would be sent. "
            "Type the number again instead of pasting it.",
        ).format(*where)
    reasons = {
        "empty": QCoreApplication.translate("Messages", "Enter an order number first."),
        "too_long": QCoreApplication.translate(
            "Messages",
            "The order number is far too long to be a real order number. "
            "Check what was pasted and try again.",
        ),
        "control": QCoreApplication.translate(
            "Messages",
            "The order number contains invisible control characters (for "
            "example a line break from copying). Type it again.",
        ),
    }
    return reasons.get(
        error.reason,
        QCoreApplication.translate(
            "Messages",
            "This order number cannot be sent to PortOne as it is "
            "(for example \u201c.\u201d or \u201c..\u201d). Check the number.",
        ),
    )
