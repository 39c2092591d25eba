"""The rules, each defined once: what a valid order number, Tier code, address, key or name is.

The client, the settings, the history and the dialogs all call these; none keeps a copy.
No Qt, no httpx, no I/O. A broken rule raises :class:`RuleError` (a ``ValueError`` with a
``field`` and a ``kind``) or, for order numbers, ``errors.InvalidMerchantUid``; callers that
need another error type (``credentials.CredentialError``) wrap these in a thin adapter.
No message ever contains the value it refers to: a key, a secret or an address with a
password in it must not end up in a log line through an exception.

The rules live in submodules by topic (errors, orders, addresses, keys, identifiers, free_text,
records, reissue); this package re-exports every public name, so ``from iamport_desk.rules
import X`` works for all of them. The submodules import each other, never this package (no cycle).
"""

from __future__ import annotations

from iamport_desk.rules.addresses import (
    validate_base_url,
    validate_proxy_url,
    validate_tier_code,
    validate_v2_base_url,
)
from iamport_desk.rules.errors import RuleError
from iamport_desk.rules.free_text import check_free_text
from iamport_desk.rules.identifiers import (
    BUSINESS_NUMBER_WEIGHTS,
    IDENTIFIER_KINDS,
    MOBILE_PREFIXES,
    IdentifierError,
    business_number_check_digit,
    derived_order_number,
    identifier_kind_for,
    validate_identifier,
)
from iamport_desk.rules.keys import (
    MAX_NAME_LENGTH,
    MAX_STORE_ID_LENGTH,
    MAX_TOKEN_LENGTH,
    MAX_V2_SECRET_LENGTH,
    MIN_V2_SECRET_LENGTH,
    is_portone_store_uuid,
    validate_channel_key,
    validate_imp_key,
    validate_imp_secret,
    validate_profile_name,
    validate_store_api,
    validate_store_id,
    validate_v2_api_secret,
)
from iamport_desk.rules.orders import (
    BIDI_CONTROLS,
    MAX_MERCHANT_UID_LENGTH,
    ZERO_WIDTH,
    RefusedCharacter,
    TypedInHangulMode,
    character_name,
    hangul_mode_keys,
    normalize_merchant_uid,
    order_key,
    typed_in_hangul_mode,
)
from iamport_desk.rules.records import (
    IDENTIFIER_VISIBLE,
    MAX_REASON_NOTE_LENGTH,
    mask_identifier,
    validate_reason_note,
)
from iamport_desk.rules.reissue import (
    MAX_ISSUE_AMOUNT,
    MAX_ORDER_NAME_LENGTH,
    validate_issue_amount,
    validate_issue_vat,
    validate_order_name,
)

__all__ = [
    "BIDI_CONTROLS",
    "BUSINESS_NUMBER_WEIGHTS",
    "IDENTIFIER_KINDS",
    "IDENTIFIER_VISIBLE",
    "MAX_ISSUE_AMOUNT",
    "MAX_MERCHANT_UID_LENGTH",
    "MAX_NAME_LENGTH",
    "MAX_ORDER_NAME_LENGTH",
    "MAX_REASON_NOTE_LENGTH",
    "MAX_STORE_ID_LENGTH",
    "MAX_TOKEN_LENGTH",
    "MAX_V2_SECRET_LENGTH",
    "MIN_V2_SECRET_LENGTH",
    "MOBILE_PREFIXES",
    "ZERO_WIDTH",
    "IdentifierError",
    "RefusedCharacter",
    "RuleError",
    "TypedInHangulMode",
    "business_number_check_digit",
    "character_name",
    "check_free_text",
    "derived_order_number",
    "hangul_mode_keys",
    "identifier_kind_for",
    "is_portone_store_uuid",
    "mask_identifier",
    "normalize_merchant_uid",
    "order_key",
    "typed_in_hangul_mode",
    "validate_base_url",
    "validate_channel_key",
    "validate_identifier",
    "validate_imp_key",
    "validate_imp_secret",
    "validate_issue_amount",
    "validate_issue_vat",
    "validate_order_name",
    "validate_profile_name",
    "validate_proxy_url",
    "validate_reason_note",
    "validate_store_api",
    "validate_store_id",
    "validate_tier_code",
    "validate_v2_api_secret",
    "validate_v2_base_url",
]
