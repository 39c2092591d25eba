"""The V2 practice store: a public demo secret, two stores, one channel and seeded receipts.

The values are public demo values, not secrets. Descriptions are what the demo shows a clerk.
"""

from __future__ import annotations

from typing import Any

from iamport_desk.simulator_v2.faults import Fault
from iamport_desk.simulator_v2.store import DAY, ApiAccess, SimReceipt, V2State, new_receipt

__all__ = [
    "DEMO_API_SECRET",
    "DEMO_BRANCH_STORE_ID",
    "DEMO_CHANNEL",
    "DEMO_CHANNEL_KEY",
    "DEMO_FORBIDDEN_SECRET",
    "DEMO_MERCHANT_ID",
    "DEMO_PAYMENTS",
    "DEMO_PAYMENT_IDS",
    "DEMO_STORE_ID",
    "MSG_PG_FAIL",
    "PG_FAIL_CODE",
    "demo_access",
    "seed",
]

DEMO_API_SECRET = "demo-v2-api-secret-practice"  # noqa: S105 - a public demo value
DEMO_FORBIDDEN_SECRET = "demo-v2-api-secret-no-permission"  # noqa: S105 - a public demo value
DEMO_MERCHANT_ID = "merchant-demo-v2"
DEMO_STORE_ID = "store-demo-v2-practice"
DEMO_BRANCH_STORE_ID = "store-demo-v2-branch"
DEMO_CHANNEL_KEY = "channel-key-demo-v2-test"
DEMO_CHANNEL: dict[str, str] = {
    "type": "TEST",
    "id": "channel-id-demo-v2",
    "key": DEMO_CHANNEL_KEY,
    "name": "데모 테스트 채널",
    "pgProvider": "KCP_V2",
    "pgMerchantId": "T0000DEMO",
}

MSG_PG_FAIL = "PG사에서 현금영수증 취소에 실패했습니다."
PG_FAIL_CODE = "8117"
PG_FAIL_MESSAGE = "[8117] 원거래가 존재하지 않습니다"

# (paymentId, store, description, settings)
_SEED: tuple[tuple[str, str, str, dict[str, Any]], ...] = (
    (
        "pay-20261125-0001",
        DEMO_STORE_ID,
        "정상 취소 가능 · 33,000원 · 개인(소득공제)",
        {"amount": 33000},
    ),
    (
        "pay-20261125-0002",
        DEMO_STORE_ID,
        "정상 취소 가능 · 1,250,000원 · 사업자(지출증빙)",
        {"amount": 1_250_000, "receipt_type": "CORPORATE"},
    ),
    ("pay-20261120-0003", DEMO_STORE_ID, "이미 취소된 영수증 (취소할 것 없음)", {"amount": 8900}),
    (
        "pay-pg-fail",
        DEMO_STORE_ID,
        "PG사가 취소를 거절 (502 PG_PROVIDER, 항상 실패)",
        {"amount": 15000},
    ),
    (
        "pay-lost",
        DEMO_STORE_ID,
        "취소는 되었으나 응답이 끊김 (같은 Idempotency-Key로 다시 보내거나 조회하면 취소됨)",
        {"amount": 120000},
    ),
    ("pay-slow", DEMO_STORE_ID, "취소 응답이 4초 걸림 (느린 PG)", {"amount": 47000}),
    ("pay-issue-failed", DEMO_STORE_ID, "발급 실패한 영수증 (ISSUE_FAILED, 취소할 것 없음)", {}),
    ("결제-한글-0005", DEMO_STORE_ID, "한글 결제번호", {"amount": 5500}),
    (
        "pay/A B#7?x%+",
        DEMO_STORE_ID,
        "특수문자(/, 공백, #, ?, %, +)가 들어간 결제번호",
        {"amount": 77000},
    ),
    ("pay-branch-0001", DEMO_BRANCH_STORE_ID, "지점 상점(storeId) 소속 영수증", {"amount": 64000}),
    ("pay-none-9999", DEMO_STORE_ID, "발급 내역 없음 (404 CASH_RECEIPT_NOT_FOUND)", {"none": True}),
)

DEMO_PAYMENTS: dict[str, str] = {pid: description for pid, _, description, _ in _SEED}
DEMO_PAYMENT_IDS: tuple[str, ...] = tuple(DEMO_PAYMENTS)


def demo_access() -> dict[str, ApiAccess]:
    stores = (DEMO_STORE_ID, DEMO_BRANCH_STORE_ID)
    return {
        DEMO_API_SECRET: ApiAccess(DEMO_MERCHANT_ID, stores),
        DEMO_FORBIDDEN_SECRET: ApiAccess(DEMO_MERCHANT_ID, stores, permitted=False),
    }


def seed(state: V2State) -> None:
    """Put the demo receipts (and their faults) into ``state``."""
    now = state.clock()
    for pid, store, description, settings in _SEED:
        if settings.get("none"):
            continue  # listed for the demo, deliberately never issued
        if not settings:
            state.add(
                SimReceipt(
                    merchant_id=DEMO_MERCHANT_ID,
                    store_id=store,
                    payment_id=pid,
                    channel=dict(DEMO_CHANNEL),
                    status="ISSUE_FAILED",
                    order_name=description,
                    is_manual=True,
                    updated_at=now - DAY,
                )
            )
            continue
        receipt = new_receipt(
            now - 3 * DAY,
            DEMO_MERCHANT_ID,
            store,
            pid,
            DEMO_CHANNEL,
            order_name=description,
            amount=settings["amount"],
            receipt_type=settings.get("receipt_type", "PERSONAL"),
        )
        if pid == "pay-20261120-0003":
            receipt.status = "CANCELLED"
            receipt.cancelled_at = receipt.updated_at = now - 2 * DAY
        state.add(receipt)
    pg_refusal = {
        "type": "PG_PROVIDER",
        "message": MSG_PG_FAIL,
        "pgCode": PG_FAIL_CODE,
        "pgMessage": PG_FAIL_MESSAGE,
    }
    state.set_fault(DEMO_STORE_ID, "pay-pg-fail", "cancel", Fault(502, pg_refusal, times=None))
    state.set_fault(DEMO_STORE_ID, "pay-lost", "cancel", Fault(drop=True, apply=True, times=None))
    state.set_fault(DEMO_STORE_ID, "pay-slow", "cancel", Fault(latency=4.0, times=None))
