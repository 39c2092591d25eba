"""What each practice order of the demo does, in the clerk's language (issue 13).

The simulators keep their own Korean descriptions (the V2 one names its receipts with them);
the window shows these words instead, translated like every other.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.ui.noop import QT_TRANSLATE_NOOP

_CAN_CANCEL_PERSONAL = QT_TRANSLATE_NOOP(
    "Practice", "Can be cancelled · 33,000 won · individual (income deduction)"
)
_CAN_CANCEL_BUSINESS = QT_TRANSLATE_NOOP(
    "Practice", "Can be cancelled · 1,250,000 won · business (proof of expense)"
)
_ALREADY = QT_TRANSLATE_NOOP("Practice", "Already cancelled (nothing to cancel)")
_SLOW = QT_TRANSLATE_NOOP("Practice", "The answer to a cancellation takes 4 seconds (a slow PG)")

_DESCRIPTIONS: dict[str, str] = {
    "ORDER-20261125-0001": _CAN_CANCEL_PERSONAL,
    "ORDER-20261125-0002": _CAN_CANCEL_BUSINESS,
    "ORDER-20261120-0003": _ALREADY,
    "ORDER-PG-FAIL": QT_TRANSLATE_NOOP("Practice", "The PG refuses the cancellation (500, always)"),
    "ORDER-NOT-SUPPORTED": QT_TRANSLATE_NOOP(
        "Practice", "A PG that cannot cancel cash receipts through PortOne (501)"
    ),
    "ORDER-SLOW": _SLOW,
    "ORDER-LOST": QT_TRANSLATE_NOOP(
        "Practice",
        "Cancelled, but the answer is lost (outcome unknown; a lookup finds it cancelled)",
    ),
    "주문-한글-0005": QT_TRANSLATE_NOOP("Practice", "An order number in Hangul"),
    "A/B 2026#7?x": QT_TRANSLATE_NOOP(
        "Practice", "An order number with special characters (/, space, #, ?)"
    ),
    "TIER-0001": QT_TRANSLATE_NOOP(
        "Practice", "A receipt of the sub-merchant (Tier DM1): picks the store 데모 하위상점"
    ),
    "ORDER-NONE-9999": QT_TRANSLATE_NOOP("Practice", "Never issued (404)"),
    "00012345": QT_TRANSLATE_NOOP(
        "Practice",
        "To correct: issued for income deduction instead of proof of expense, to a wrong "
        "phone number · 55,000 won",
    ),
    "00000202611250000017": QT_TRANSLATE_NOOP(
        "Practice",
        "To correct: a 20-digit order number issued with the wrong amount (9,900 won, to "
        "issue again as 99,000 won)",
    ),
    "pay-20261125-0001": _CAN_CANCEL_PERSONAL,
    "pay-20261125-0002": _CAN_CANCEL_BUSINESS,
    "pay-20261120-0003": _ALREADY,
    "pay-pg-fail": QT_TRANSLATE_NOOP(
        "Practice", "The PG refuses the cancellation (502 PG_PROVIDER, always)"
    ),
    "pay-lost": QT_TRANSLATE_NOOP(
        "Practice",
        "Cancelled, but the answer is lost (sent again with the same Idempotency-Key, or "
        "looked up, it is found cancelled)",
    ),
    "pay-slow": _SLOW,
    "pay-issue-failed": QT_TRANSLATE_NOOP(
        "Practice", "A receipt whose issue failed (ISSUE_FAILED, nothing to cancel)"
    ),
    "결제-한글-0005": QT_TRANSLATE_NOOP("Practice", "A payment ID in Hangul"),
    "pay/A B#7?x%+": QT_TRANSLATE_NOOP(
        "Practice", "A payment ID with special characters (/, space, #, ?, %, +)"
    ),
    "pay-branch-0001": QT_TRANSLATE_NOOP("Practice", "A receipt of the branch store (storeId)"),
    "pay-none-9999": QT_TRANSLATE_NOOP("Practice", "Never issued (404 CASH_RECEIPT_NOT_FOUND)"),
}


def practice_description(order: str, given: str) -> str:
    """The words for practice ``order``; ``given`` (the simulator's) when it has none here.

    A leading "[store] " tag in ``given`` (the V2 practice store's name) is kept: a name.
    """
    source = _DESCRIPTIONS.get(order)
    if source is None:
        return given
    tag = given[: given.index("] ") + 2] if given.startswith("[") and "] " in given else ""
    return tag + QCoreApplication.translate("Practice", source)


__all__ = ["practice_description"]
