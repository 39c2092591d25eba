"""The demo's data: its key and secret, its Tier, and the seeded receipts with their faults.

Public demo values, not secrets: the demo and the tests sign in with them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from iamport_desk.simulator.faults import Fault
from iamport_desk.simulator.protocol import MSG_NOT_SUPPORTED, MSG_PG_FAIL

__all__ = [
    "DEMO_CHANNEL_KEY",
    "DEMO_IMP_KEY",
    "DEMO_IMP_SECRET",
    "DEMO_ORDERS",
    "DEMO_ORDER_IDS",
    "DEMO_TIER",
    "DEMO_TIER_NAME",
    "DEMO_TIER_ORDERS",
    "seed_demo",
    "stable_digits",
]

DEMO_IMP_KEY = "demo-rest-api-key"
DEMO_IMP_SECRET = "demo-rest-api-secret"  # noqa: S105 - a public demo value, not a secret
DEMO_TIER = "DM1"
DEMO_TIER_NAME = "데모 하위상점"


def stable_digits(text: str, count: int) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return str(int(digest, 16))[-count:].rjust(count, "0")


# (merchant_uid, tier, description, receipt settings)
_SEED: tuple[tuple[str, str | None, str, dict[str, Any]], ...] = (
    ("ORDER-20261125-0001", None, "정상 취소 가능 · 33,000원 · 개인(소득공제)", {"amount": 33000}),
    (
        "ORDER-20261125-0002",
        None,
        "정상 취소 가능 · 1,250,000원 · 사업자(지출증빙)",
        {"amount": 1_250_000, "type": "company"},
    ),
    ("ORDER-20261120-0003", None, "이미 취소된 영수증 (취소할 것 없음)", {"amount": 8900}),
    ("ORDER-PG-FAIL", None, "PG사가 취소를 거절 (500, 항상 실패)", {"amount": 15000}),
    ("ORDER-NOT-SUPPORTED", None, "현금영수증을 지원하지 않는 PG사 (501)", {"amount": 22000}),
    ("ORDER-SLOW", None, "취소 응답이 4초 걸림 (느린 PG)", {"amount": 47000}),
    (
        "ORDER-LOST",
        None,
        "취소는 되었으나 응답이 끊김 (결과 확인 필요, 조회하면 취소됨)",
        {"amount": 120000},
    ),
    ("주문-한글-0005", None, "한글 주문번호", {"amount": 5500}),
    ("A/B 2026#7?x", None, "특수문자(/, 공백, #, ?)가 들어간 주문번호", {"amount": 77000}),
    (
        "TIER-0001",
        DEMO_TIER,
        f"하위상점 {DEMO_TIER}({DEMO_TIER_NAME}) 소속 영수증",
        {"amount": 64000},
    ),
    ("ORDER-NONE-9999", None, "발급 내역 없음 (404)", {}),
    # Practice orders to correct (issue 15): issued wrongly, to cancel and issue again. The
    # leading zeros must survive every step (a number, a spreadsheet cell and a path).
    (
        "00012345",
        None,
        "정정 연습: 지출증빙이어야 할 영수증이 소득공제로, 잘못된 휴대폰번호에 발급됨 · 55,000원",
        {"amount": 55000, "apply_num": "000123457"},
    ),
    (
        "00000202611250000017",
        None,
        "정정 연습: 20자리 주문번호, 금액을 잘못 발급함 (9,900원 → 99,000원으로 재발행)",
        {"amount": 9900, "apply_num": "000000017"},
    ),
)

# The channel key the demo's store uses to issue receipts (any non-empty key is accepted).
DEMO_CHANNEL_KEY = "channel-key-demo-cash-receipt"

DEMO_ORDERS: dict[str, str] = {uid: description for uid, _, description, _ in _SEED}
DEMO_ORDER_IDS: tuple[str, ...] = tuple(DEMO_ORDERS)
# The practice orders issued under the demo's Tier: only a store with that Tier finds them.
DEMO_TIER_ORDERS: tuple[str, ...] = tuple(uid for uid, tier, _, _ in _SEED if tier)


def seed_demo(add_receipt: Callable[..., object], now: int) -> None:
    """Issue the demo receipts (``now``: the server's UNIX time) with their standing faults."""
    for uid, tier, _description, settings in _SEED:
        if not settings:
            continue  # listed for the demo, deliberately never issued
        on_delete: Fault | None = None
        cancelled_at = None
        if uid == "ORDER-20261120-0003":
            cancelled_at = now - 2 * 86400
        elif uid == "ORDER-PG-FAIL":
            on_delete = Fault(
                status=500,
                body={"code": -1, "message": MSG_PG_FAIL, "response": None},
                times=None,
            )
        elif uid == "ORDER-NOT-SUPPORTED":
            on_delete = Fault(
                status=501,
                body={"code": -1, "message": MSG_NOT_SUPPORTED, "response": None},
                times=None,
            )
        elif uid == "ORDER-SLOW":
            on_delete = Fault(latency=4.0, times=None)
        elif uid == "ORDER-LOST":
            on_delete = Fault(drop=True, apply=True, times=None)
        applied_at = now - 5 * 86400 if cancelled_at else None
        add_receipt(
            uid,
            tier=tier,
            cancelled_at=cancelled_at,
            applied_at=applied_at,
            on_delete=on_delete,
            **settings,
        )
