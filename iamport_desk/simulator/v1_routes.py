"""PortOne V1's routes as the simulator answers them: getToken, external receipts, tiers.

A mixin of ``Simulator`` (which owns the state and the lock); split out so the server's
plumbing and the API's rules can each be read alone.
"""

from __future__ import annotations

import json
import secrets
import threading
import urllib.parse
from collections.abc import Callable
from typing import Any

from iamport_desk.simulator.demo import stable_digits
from iamport_desk.simulator.faults import Fault
from iamport_desk.simulator.protocol import (
    MSG_ALREADY_CANCELLED,
    MSG_ALREADY_ISSUED,
    MSG_AUTH_FAILED,
    MSG_AUTH_MISSING,
    MSG_METHOD,
    MSG_MISSING_UID,
    MSG_NO_ROUTE,
    MSG_NOT_FOUND_RECEIPT,
    MSG_TIER_NOT_FOUND,
    MSG_UNAUTHORIZED,
    RECEIPTS_PREFIX,
    TIERS_PREFIX,
    TOKEN_EXTEND_WINDOW,
    TOKEN_EXTENSION,
    TOKEN_PATH,
    envelope,
    error_body,
)

__all__ = ["V1Routes", "parse_params"]


class V1Routes:
    """The normal answers; the state they read and change is declared here, set by Simulator."""

    _lock: threading.RLock
    _clock: Callable[[], float]
    _keys: dict[str, str]
    _tiers: dict[str, str]
    _receipts: dict[tuple[str | None, str], dict[str, Any]]
    _tokens: dict[str, tuple[str, int]]
    _current: dict[str, str]
    token_lifetime: int
    issued_tokens: list[str]
    reissue_cancelled: bool
    issued_params: list[dict[str, Any]]
    # Simulator's methods that the routes call.
    _take_receipt_fault: Callable[[str | None, str, str], Fault | None]
    add_receipt: Callable[..., dict[str, Any]]

    def _dispatch(
        self, method: str, path_part: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, bytes, Fault | None]:
        """The normal answer: (status, JSON body, the per-receipt fault to deliver it with)."""
        decoded = urllib.parse.unquote(path_part)
        if decoded == TOKEN_PATH:
            if method != "POST":
                return 405, error_body(MSG_METHOD), None
            return (*self._get_token(headers, body), None)
        is_receipt = path_part.startswith(RECEIPTS_PREFIX)
        is_tier = path_part.startswith(TIERS_PREFIX)
        if not (is_receipt or is_tier):
            return 404, error_body(MSG_NO_ROUTE), None
        if not self._authorized(headers):
            return 401, error_body(MSG_UNAUTHORIZED), None
        tier = headers.get("tier")
        if tier is not None and tier not in self._tiers:
            return 404, error_body(MSG_TIER_NOT_FOUND), None
        if is_tier:
            raw_code = path_part[len(TIERS_PREFIX) :]
            code = urllib.parse.unquote(raw_code)
            if method != "GET":
                return 405, error_body(MSG_METHOD), None
            if "/" in raw_code or code not in self._tiers:
                return 404, error_body(MSG_TIER_NOT_FOUND), None
            return 200, envelope({"tier_code": code, "tier_name": self._tiers[code]}), None
        raw_uid = path_part[len(RECEIPTS_PREFIX) :]
        if "/" in raw_uid:
            # One segment only: a client that forgot to encode "/" is caught here.
            return 404, error_body(MSG_NO_ROUTE), None
        uid = urllib.parse.unquote(raw_uid)
        if not uid:
            return 400, error_body(MSG_MISSING_UID), None
        if method == "POST":
            return (*self._issue(tier, uid, headers, body), None)
        if method not in ("GET", "DELETE"):
            return 405, error_body(MSG_METHOD), None
        with self._lock:
            if (tier, uid) not in self._receipts:
                return 404, error_body(MSG_NOT_FOUND_RECEIPT), None
            fault = self._take_receipt_fault(tier, uid, method)
            receipt = self._receipts[(tier, uid)]
            if method == "GET":
                return 200, envelope(dict(receipt)), fault
            if fault is not None and not fault.applies_state():
                return 200, envelope(dict(receipt)), fault
            if receipt["cancelled_at"]:
                return 400, error_body(MSG_ALREADY_CANCELLED), fault
            receipt["cancelled_at"] = int(self._clock())
            return 200, envelope(dict(receipt)), fault

    def _authorized(self, headers: dict[str, str]) -> bool:
        value = headers.get("authorization") or ""
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer":
            token = headers.get("x-imptokenheader") or ""  # PortOne's legacy header
        token = token.strip()
        with self._lock:
            entry = self._tokens.get(token)
            return entry is not None and self._clock() < entry[1]

    def _get_token(self, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        params = parse_params(headers, body)
        key, secret = params.get("imp_key"), params.get("imp_secret")
        if not isinstance(key, str) or not isinstance(secret, str) or not key or not secret:
            return 401, error_body(MSG_AUTH_MISSING)
        expected = self._keys.get(key)
        if expected is None or not secrets.compare_digest(
            expected.encode("utf-8"), secret.encode("utf-8")
        ):
            return 401, error_body(MSG_AUTH_FAILED)
        with self._lock:
            now = int(self._clock())
            token = self._current.get(key)
            entry = self._tokens.get(token) if token else None
            if token is None or entry is None or now >= entry[1]:
                if token is not None:
                    self._tokens.pop(token, None)
                token = secrets.token_hex(20)
                entry = (key, now + self.token_lifetime)
                self._current[key] = token
                self.issued_tokens.append(token)
            elif entry[1] - now <= TOKEN_EXTEND_WINDOW:
                entry = (key, entry[1] + TOKEN_EXTENSION)
            self._tokens[token] = entry
            return 200, envelope({"access_token": token, "now": now, "expired_at": entry[1]})

    def _issue(
        self, tier: str | None, uid: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, bytes]:
        """POST: issue a receipt, as ``issueExternalReceipt`` says (400 for a bad parameter).

        Guesses where PortOne publishes nothing: the messages; the VAT when not given is
        (amount - tax_free) / 11 rounded half up (as Toss Payments documents for the same
        1/11 rule); a cancelled receipt's merchant_uid may be issued again only with
        ``reissue_cancelled`` (the new receipt then replaces the cancelled one).
        """
        params = parse_params(headers, body)
        problem = _issue_problem(params)
        if problem is not None:
            return 400, error_body(problem)
        amount, tax_free = _whole(params["amount"]), _whole(params.get("tax_free") or 0)
        assert amount is not None and tax_free is not None
        vat_param = params.get("vat_amount")
        vat = (
            int(float(vat_param))
            if vat_param not in (None, "")
            else ((amount - tax_free) * 2 + 11) // 22
        )
        with self._lock:
            existing = self._receipts.get((tier, uid))
            live = existing is not None and not existing["cancelled_at"]
            if existing is not None and (live or not self.reissue_cancelled):
                return 400, error_body(MSG_ALREADY_ISSUED)
            # A new receipt gets new numbers: the cancelled one's stay its own.
            seed = f"{tier}/{uid}/issued-after/{existing['apply_num']}" if existing else None
            receipt = self.add_receipt(
                uid,
                amount=amount,
                vat=vat,
                type=str(params.get("type") or "person"),
                applied_at=int(self._clock()),
                tier=tier,
                apply_num=stable_digits(seed, 9) if seed else None,
                receipt_tid=f"rcpt_{stable_digits(seed + '/tid', 12)}" if seed else None,
            )
            self.issued_params.append({"tier": tier, "merchant_uid": uid, **params})
        return 200, envelope(receipt)


_IDENTIFIER_LENGTHS = {
    "person": (13, 13),  # 주민등록번호
    "business": (10, 10),
    "phone": (10, 11),
    "taxcard": (13, 19),
}


def _whole(value: object) -> int | None:
    """A whole number from JSON (an int) or a form (its digits); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def _issue_problem(params: dict[str, Any]) -> str | None:
    """PortOne's 400 message for the first bad parameter of an issue, or None."""
    for name in ("channel_key", "name", "amount", "identifier"):
        if params.get(name) in (None, ""):
            return f"{name} 파라메터가 누락되었습니다."
    amount, tax_free = _whole(params["amount"]), _whole(params.get("tax_free") or 0)
    if amount is None or amount <= 0:
        return "amount 파라메터가 올바르지 않습니다."
    if tax_free is None or not 0 <= tax_free <= amount:
        return "tax_free 파라메터가 올바르지 않습니다."
    vat = params.get("vat_amount")
    if vat not in (None, ""):
        try:
            vat_number = float(vat)
        except (TypeError, ValueError):
            return "vat_amount 파라메터가 올바르지 않습니다."
        if isinstance(vat, bool) or not 0 <= vat_number <= amount - tax_free:
            return "vat_amount 파라메터가 올바르지 않습니다."
    if str(params.get("type") or "person") not in ("person", "company"):
        return "type 파라메터가 올바르지 않습니다."
    if params.get("product_type") not in (None, "real", "digital"):
        return "product_type 파라메터가 올바르지 않습니다."
    identifier = params["identifier"]
    identifier_type = params.get("identifier_type")
    if identifier_type is not None and identifier_type not in _IDENTIFIER_LENGTHS:
        return "identifier_type 파라메터가 올바르지 않습니다."
    shortest, longest = _IDENTIFIER_LENGTHS.get(identifier_type or "", (10, 19))
    if (
        not isinstance(identifier, str)
        or not (identifier.isascii() and identifier.isdigit())
        or not shortest <= len(identifier) <= longest
    ):
        return "identifier 파라메터가 올바르지 않습니다. (숫자만 입력)"
    return None


def parse_params(headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """A JSON object or a form body, as PortOne accepts both."""
    content_type = (headers.get("content-type") or "").lower()
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {key: values[-1] for key, values in urllib.parse.parse_qs(text).items()}
