"""The Simulator: V1's state (receipts, tokens, per-receipt faults) on the shared framework.

The routes (what PortOne V1 answers) are in ``v1_routes``; the server, the recorded requests,
the injected faults and their delivery are ``iamport_desk.simkit``'s.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable
from typing import Any

from iamport_desk.simkit import RecordedRequest as SharedRecordedRequest
from iamport_desk.simkit import Routed, SimServer
from iamport_desk.simkit.http import Headers
from iamport_desk.simulator.demo import (
    DEMO_IMP_KEY,
    DEMO_IMP_SECRET,
    DEMO_TIER,
    DEMO_TIER_NAME,
    seed_demo,
    stable_digits,
)
from iamport_desk.simulator.faults import Fault, FaultSlot
from iamport_desk.simulator.protocol import (
    JSON_TYPE,
    MSG_GENERIC,
    RECEIPTS_PREFIX,
    TIERS_PREFIX,
    TOKEN_LIFETIME,
    error_body,
)
from iamport_desk.simulator.v1_routes import V1Routes

__all__ = ["RecordedRequest", "Simulator"]


class RecordedRequest(SharedRecordedRequest):
    """One request as the simulator received it (``iamport_desk.simkit.RecordedRequest``).

    ``tier`` is the request's ``Tier`` header (the sub-merchant), or None.
    """

    @property
    def tier(self) -> str | None:
        tier: str | None = self.headers.get("tier")
        return tier


class Simulator(V1Routes, SimServer):
    """PortOne V1 as far as iamport-desk needs it: getToken, external receipts, tiers.

    State (receipts per (tier, merchant_uid), tokens, faults, recorded requests) is
    guarded by one lock; each connection is served on its own daemon thread. Lifecycle,
    ``inject``, ``count`` and ``requests`` are ``SimServer``'s.
    ``clock`` is the server's wall clock (UNIX seconds), injectable for token tests.
    ``reissue_cancelled``: whether a cancelled receipt's merchant_uid may be issued again
    (PortOne does not say; True: the new receipt replaces it, False: 400 "already issued").
    ``issued_params`` keeps each accepted POST's parameters, for tests.
    """

    thread_name = "iamport-simulator"
    delayed_prefixes = (RECEIPTS_PREFIX, TIERS_PREFIX)  # getToken is never delayed
    unreadable_body_message = MSG_GENERIC

    def __init__(
        self,
        *,
        keys: dict[str, str] | None = None,
        tiers: dict[str, str] | None = None,
        seed: bool = True,
        clock: Callable[[], float] = time.time,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: int = TOKEN_LIFETIME,
        gzip: bool = True,
        gzip_min_length: int = 20,
        reissue_cancelled: bool = False,
    ) -> None:
        SimServer.__init__(
            self,
            lock=threading.RLock(),
            latency=latency,
            host=host,
            port=port,
            gzip=gzip,
            gzip_min_length=gzip_min_length,
        )
        self._lock = self.lock  # the name V1Routes reads
        self._keys = dict(keys) if keys is not None else {DEMO_IMP_KEY: DEMO_IMP_SECRET}
        self._tiers = dict(tiers) if tiers is not None else {DEMO_TIER: DEMO_TIER_NAME}
        self._clock = clock
        self.token_lifetime = token_lifetime
        self._receipts: dict[tuple[str | None, str], dict[str, Any]] = {}
        self._receipt_faults: dict[tuple[str | None, str, str], FaultSlot] = {}
        self._tokens: dict[str, tuple[str, int]] = {}  # token -> (imp_key, expired_at)
        self._current: dict[str, str] = {}  # imp_key -> its valid token
        self.issued_tokens: list[str] = []
        self.reissue_cancelled = reissue_cancelled
        self.issued_params: list[dict[str, Any]] = []
        if seed:
            self._seed()

    # -- state ----------------------------------------------------------------

    def _seed(self) -> None:
        seed_demo(self.add_receipt, int(self._clock()))

    def add_receipt(
        self,
        merchant_uid: str,
        *,
        amount: int,
        vat: int | None = None,
        type: str = "person",  # PortOne's field name
        apply_num: str | None = None,
        receipt_tid: str | None = None,
        receipt_url: str | None = None,
        applied_at: int | None = None,
        cancelled_at: int | None = None,
        tier: str | None = None,
        on_delete: Fault | None = None,
        on_lookup: Fault | None = None,
    ) -> dict[str, Any]:
        """Store an issued receipt (replacing any) and return it as the API would."""
        tid = receipt_tid or f"rcpt_{stable_digits(f'{tier}/{merchant_uid}/tid', 12)}"
        receipt = {
            "merchant_uid": merchant_uid,
            "receipt_tid": tid,
            "apply_num": apply_num or stable_digits(f"{tier}/{merchant_uid}", 9),
            "type": type,
            "amount": amount,
            "vat": amount // 11 if vat is None else vat,
            # example.com is reserved: the demo never opens a real site.
            "receipt_url": receipt_url
            or f"https://receipt.example.com/cash/{urllib.parse.quote(tid, safe='')}",
            "applied_at": int(self._clock()) - 3 * 86400 if applied_at is None else applied_at,
            "cancelled_at": cancelled_at or 0,
        }
        with self._lock:
            self._receipts[(tier, merchant_uid)] = receipt
            for method, fault in (("DELETE", on_delete), ("GET", on_lookup)):
                key = (tier, merchant_uid, method)
                if fault is None:
                    self._receipt_faults.pop(key, None)
                else:
                    self._receipt_faults[key] = FaultSlot(method, "", fault, fault.times)
            return dict(receipt)

    def receipt(self, merchant_uid: str, tier: str | None = None) -> dict[str, Any] | None:
        """The server's current truth for one receipt (a copy), or None."""
        with self._lock:
            found = self._receipts.get((tier, merchant_uid))
            return dict(found) if found is not None else None

    def revoke_tokens(self) -> None:
        """Every issued token stops working (401); the next getToken issues a new one."""
        with self._lock:
            self._tokens.clear()
            self._current.clear()

    def _take_receipt_fault(self, tier: str | None, uid: str, method: str) -> Fault | None:
        with self._lock:
            slot = self._receipt_faults.get((tier, uid, method))
            if slot is None:
                return None
            fault = slot.take()
            if slot.used_up:
                del self._receipt_faults[(tier, uid, method)]
            return fault

    # -- serving (SimServer's hooks) ------------------------------------------

    def record(
        self, method: str, raw_path: str, path: str, query: dict[str, str], headers: Headers
    ) -> RecordedRequest:
        return RecordedRequest(method, raw_path, path, query, headers, time.monotonic())

    def route(self, request: SharedRecordedRequest, body: bytes) -> Routed:
        path_part = request.raw_path.split("?", 1)[0]
        status, payload, fault = self._dispatch(request.method, path_part, request.headers, body)
        return Routed(status, payload, JSON_TYPE, fault)

    def protocol_error(self, status: int, message: str | None) -> bytes:
        """Even the server's own protocol errors answer in PortOne's envelope."""
        return error_body(message or MSG_GENERIC)
