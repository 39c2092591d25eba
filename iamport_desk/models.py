"""Plain data shared by every layer (no Qt, no I/O)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final, Literal

DEFAULT_API_BASE = "https://api.iamport.kr"
STATIC_API_BASE = "https://static-api.iamport.kr"
V2_API_BASE = "https://api.portone.io"  # PortOne V2 has one host (test channels included)


class StoreApi(enum.StrEnum):
    """Which PortOne API a store's keys belong to; the settings file keeps the value."""

    V1 = "v1"  # REST API key + secret (iamport), optional Tier
    V2 = "v2"  # one API secret, optional store id

    @property
    def default_base(self) -> str:
        return DEFAULT_API_BASE if self is StoreApi.V1 else V2_API_BASE


class ReceiptType(enum.StrEnum):
    """Who the receipt was issued to, as PortOne names it."""

    PERSON = "person"  # 소득공제 (개인)
    COMPANY = "company"  # 지출증빙 (사업자)


@dataclass(frozen=True, slots=True)
class Receipt:
    """An externally issued cash receipt as PortOne returns it.

    ``type`` is kept as the server's string: an unknown value is shown as it came
    rather than refused. ``cancelled_at`` is None when the receipt is not cancelled
    (PortOne sends 0 or leaves the field out).
    """

    merchant_uid: str
    receipt_tid: str | None
    apply_num: str
    type: str
    amount: int
    vat: int
    receipt_url: str | None
    applied_at: int
    cancelled_at: int | None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class Outcome(enum.StrEnum):
    """The state of one attempt in the audit history.

    ``CANCELLED`` means "done: the action took effect". The stored code stays
    ``"cancelled"`` for every row (old files and old readers agree on it); the row's
    :class:`Action` says what took effect, and the words differ per action
    (``ui.words.outcome_text``): a cancel row reads "Cancelled", an issue row "Issued".
    """

    PENDING = "pending"  # written before the request was sent
    CANCELLED = "cancelled"  # done: cancelled (action "cancel") or issued (action "issue")
    FAILED = "failed"
    UNKNOWN = "unknown"  # the request may have reached PortOne but no answer came


class NoteCode(enum.StrEnum):
    """Why a history row is as it is. The history stores the code; the words are chosen
    when it is shown or exported, in the clerk's language (``ui.words.note_text``).

    A row may carry several, oldest first, joined by ``"; "`` (``"interrupted;
    confirmed_by_lookup"``): auditors want to know both why it was unknown and how it
    was settled.
    """

    INTERRUPTED = "interrupted"  # the copy that sent the DELETE ended before its answer
    ANSWER_LOST = "answer_lost"  # the DELETE went out; no usable answer came back
    NO_CANCELLATION_TIME = "no_cancellation_time"  # 200, but no cancelled_at in it
    NETWORK = "network"  # nothing reached PortOne
    UNEXPECTED_ANSWER = "unexpected_answer"  # not PortOne's envelope (proxy page, ...)
    INTERNAL_ERROR = "internal_error"  # a bug after the row was written
    CONFIRMED_BY_LOOKUP = "confirmed_by_lookup"
    NOT_CANCELLED_BY_LOOKUP = "not_cancelled_by_lookup"
    OTHER_ORDER = "other_order"  # a lookup answered about another order: left unknown
    LOOKUP_FAILED = "lookup_failed"  # a reconciliation lookup failed: left unknown
    NOT_ISSUED_BY_LOOKUP = "not_issued_by_lookup"  # an issue row: no active receipt found


class Action(enum.StrEnum):
    """What an attempt asked PortOne to do."""

    CANCEL = "cancel"  # DELETE (V1) / POST .../cancel (V2): every row before schema 4
    ISSUE = "issue"  # POST: issue a receipt, usually to correct a cancelled one


class CancelReason(enum.IntEnum):
    """취소사유, as Korean cash-receipt practice numbers them (stored as the number)."""

    TRANSACTION_CANCELLED = 1  # 거래취소
    ISSUED_IN_ERROR = 2  # 오류발급
    OTHER = 3  # 기타: a memo is required


class ReceiptSource(enum.StrEnum):
    """Where a history row's receipt fields (amount, VAT, 승인번호, ...) came from."""

    LOOKUP = "lookup"  # what the lookup showed before the request
    ANSWER = "answer"  # PortOne's answer to the request itself
    REQUEST = "request"  # an issue row before its answer: what was asked for


# Which PortOne API a store uses; every row before schema 4 was V1.
ApiKind = Literal["v1", "v2"]
API_KINDS: Final[tuple[ApiKind, ...]] = ("v1", "v2")


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a client needs to talk to PortOne for one store.

    ``imp_secret`` is the store's secret whichever the API: V1's REST API secret, or V2's
    API secret (``secret`` names it so); a V2 store has no ``imp_key`` ("") and no Tier, and
    may name a ``store_id``. The secret is never part of ``repr()``: this object travels
    through signals and may end up in a log line or a traceback.
    """

    imp_key: str
    imp_secret: str = field(repr=False)
    tier_code: str | None = None
    api_base: str = DEFAULT_API_BASE
    proxy: str | None = None  # set by hand in Settings; None: the system's or none
    api: StoreApi = StoreApi.V1
    store_id: str | None = None  # V2 only: ?storeId=
    channel_key: str | None = None  # needed to issue (the correction); not a secret

    def __post_init__(self) -> None:
        object.__setattr__(self, "api", StoreApi(self.api))

    @property
    def secret(self) -> str:
        return self.imp_secret

    def __repr__(self) -> str:
        if self.api is StoreApi.V2:
            return (
                f"Credentials(api='v2', api_secret='***', store_id={self.store_id!r}, "
                f"api_base={self.api_base!r}, proxy={self.proxy!r})"
            )
        return (
            f"Credentials(imp_key={self.imp_key!r}, imp_secret='***', "
            f"tier_code={self.tier_code!r}, api_base={self.api_base!r}, proxy={self.proxy!r})"
        )


@dataclass(frozen=True, slots=True)
class Profile:
    """The non-secret part of a store's credentials, kept in the settings file.

    A V1 profile has ``imp_key`` and perhaps ``tier_code``; a V2 profile has neither (``""``
    and None) and perhaps ``store_id``. ``api_base`` left empty means the kind's own host
    (``StoreApi.default_base``), so ``Profile("x", api=StoreApi.V2)`` never points a V2
    secret at the V1 host.
    """

    name: str
    imp_key: str = ""
    tier_code: str | None = None
    api_base: str = ""
    api: StoreApi = StoreApi.V1
    store_id: str | None = None
    channel_key: str | None = None

    def __post_init__(self) -> None:
        # "v2" given as a plain string still compares by identity (``api is StoreApi.V2``).
        object.__setattr__(self, "api", StoreApi(self.api))
        if not self.api_base:
            object.__setattr__(self, "api_base", self.api.default_base)

    def with_secret(self, secret: str, *, proxy: str | None = None) -> Credentials:
        """The credentials of this store with its secret (and the proxy set by hand)."""
        return Credentials(
            imp_key=self.imp_key,
            imp_secret=secret,
            tier_code=self.tier_code,
            api_base=self.api_base,
            proxy=proxy,
            api=self.api,
            store_id=self.store_id,
            channel_key=self.channel_key,
        )


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One attempt (a cancellation, or an issue that corrects one) in the audit history.

    Times are UNIX seconds (UTC); the UI turns them into Asia/Seoul time. ``note`` holds
    :class:`NoteCode` values joined by ``"; "`` (never prose); ``message`` is the
    server's own words, as they came.

    Fields from schema 4 are None on older rows ("not recorded"), except ``action``
    ("cancel") and ``api`` ("v1"), which were the only kinds there were.
    ``receipt_source`` says where the receipt fields came from; ``applied_at`` is the
    receipt's original issue time (UNIX seconds). An issue row ``corrects_id`` a
    cancellation; that cancellation is ``corrected_by`` its latest issue attempt.
    ``identifier_masked`` is the customer's identifier with all but its last four
    characters masked: the history never holds it whole. ``error_type``, ``pg_code``
    and ``pg_message`` are V2's typed error and the PG's own code and words.
    """

    id: int
    started_at: float
    ended_at: float | None
    profile: str
    tier_code: str | None
    merchant_uid: str
    operator: str
    outcome: Outcome
    http_status: int | None = None
    code: int | None = None
    message: str | None = None
    amount: int | None = None
    vat: int | None = None
    receipt_type: str | None = None
    apply_num: str | None = None
    receipt_tid: str | None = None
    receipt_url: str | None = None
    cancelled_at: int | None = None
    note: str | None = None
    action: Action = Action.CANCEL
    reason: CancelReason | None = None
    reason_note: str | None = None
    receipt_source: ReceiptSource | None = None
    applied_at: int | None = None
    corrects_id: int | None = None
    corrected_by: int | None = None
    identifier_masked: str | None = None
    api: ApiKind = "v1"
    idempotency_key: str | None = None
    error_type: str | None = None
    pg_code: str | None = None
    pg_message: str | None = None


# Issue 15 (area "issue"): the store-neutral request behind ``ReceiptApi.issue``.

ISSUE_RECEIPT_TYPES = (ReceiptType.PERSON.value, ReceiptType.COMPANY.value)
# ``rules.validate_identifier``'s kinds (also V1's identifier_type) -> identity_number_type.
IDENTITY_NUMBER_TYPE_FOR_KIND = {"phone": "PHONE", "business": "BUSINESS", "taxcard": "CARD"}


@dataclass(frozen=True, slots=True)
class IssueRequest:
    """One cash receipt to issue, whichever PortOne generation the store speaks.

    ``payment_id`` is the order number (V1's merchant_uid, V2's paymentId); ``receipt_type``
    the desk's "person" / "company"; ``order_name`` the receipt's item name; ``amount`` the
    total in 원 (KRW), with ``tax_free`` and ``vat`` parts when given (else PortOne computes
    the VAT). ``identity_number`` is the customer's identifier as it will be sent (digits
    only, see ``rules.validate_identifier``); ``identity_number_type`` is "PHONE", "CARD" or
    "BUSINESS" (None: PortOne tells by itself, where the gateway can). ``paid_at`` (UNIX
    seconds), ``business_registration_number`` and ``payment_method`` are V2's only.

    ``repr()`` never shows the identifier, the customer's name, e-mail or phone number: the
    request travels through signals and may end up in a log line.
    """

    payment_id: str
    channel_key: str
    receipt_type: str
    order_name: str
    amount: int
    identity_number: str = field(repr=False)
    identity_number_type: str | None = None
    tax_free: int | None = None
    vat: int | None = None
    customer_name: str | None = field(default=None, repr=False)
    customer_email: str | None = field(default=None, repr=False)
    customer_phone: str | None = field(default=None, repr=False)
    product_type: str | None = None
    paid_at: int | None = None
    business_registration_number: str | None = None
    payment_method: str | None = None

    def __post_init__(self) -> None:
        if self.receipt_type not in ISSUE_RECEIPT_TYPES:
            raise ValueError(f"receipt_type must be one of {sorted(ISSUE_RECEIPT_TYPES)}")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount <= 0:
            raise ValueError("amount must be a positive whole number of 원")
        if not self.identity_number:
            raise ValueError("the customer's identity number is empty")
