"""Plain data shared by every layer (no Qt, no I/O)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

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
    """The state of one cancellation attempt in the audit history."""

    PENDING = "pending"  # written before the DELETE was sent
    CANCELLED = "cancelled"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the DELETE may have reached PortOne but no answer came


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
        )


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One cancellation attempt as stored in the audit history.

    Times are UNIX seconds (UTC); the UI turns them into Asia/Seoul time. ``note`` holds
    :class:`NoteCode` values joined by ``"; "`` (never prose); ``message`` is the
    server's own words, as they came.
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
