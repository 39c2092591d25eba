"""What the simulated PortOne V1 says: paths, token rules, messages and the JSON envelope.

Messages are as PortOne would plausibly send them (the real texts are unpublished).
"""

from __future__ import annotations

# The framework's limits and JSON, named here too for V1's routes.
from iamport_desk.simkit.protocol import JSON_TYPE as JSON_TYPE
from iamport_desk.simkit.protocol import MAX_BODY as MAX_BODY
from iamport_desk.simkit.protocol import MAX_LINE as MAX_LINE
from iamport_desk.simkit.protocol import dumps as dumps

TOKEN_LIFETIME = 1800  # 30 minutes, as PortOne documents
TOKEN_EXTEND_WINDOW = 60  # a getToken in the token's last minute ...
TOKEN_EXTENSION = 300  # ... extends it by 5 minutes

RECEIPTS_PREFIX = "/receipts/external/"
TIERS_PREFIX = "/tiers/"
TOKEN_PATH = "/users/getToken"  # noqa: S105 - a path, not a password


MSG_AUTH_FAILED = "imp_key, imp_secret 인증에 실패하였습니다."
MSG_AUTH_MISSING = "imp_key, imp_secret 파라메터가 누락되었습니다."
MSG_UNAUTHORIZED = "Unauthorized"
MSG_NOT_FOUND_RECEIPT = "현금영수증 발행내역이 존재하지 않습니다."
MSG_ALREADY_CANCELLED = "이미 취소된 현금영수증입니다"
MSG_ALREADY_ISSUED = "이미 현금영수증이 발행된 주문번호입니다."
MSG_MISSING_UID = "merchant_uid 파라메터가 누락되었습니다."
MSG_TIER_NOT_FOUND = "등록되지 않았거나 이미 삭제된 하위 상점(Tier) 코드입니다."
MSG_NO_ROUTE = "요청하신 API를 찾을 수 없습니다."
MSG_METHOD = "허용되지 않는 메소드입니다."
MSG_GENERIC = "요청을 처리하지 못했습니다."
MSG_PG_FAIL = "[PG] 취소 가능한 거래가 아닙니다 (원거래 없음)"
MSG_NOT_SUPPORTED = "현재 포트원이 현금영수증 관련 지원하지 않는 PG사입니다."


def envelope(response: object = None, *, code: int = 0, message: str | None = None) -> bytes:
    return dumps({"code": code, "message": message, "response": response})


def error_body(message: str, code: int = -1) -> bytes:
    return envelope(None, code=code, message=message)
