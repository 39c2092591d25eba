"""The issue job's steps on the API thread (issue 15): audit row first, ONE POST, outcome after.

Qt-free; the worker (``ApiWorker._issue``) resolves the credentials and hands the rest here.

* An earlier attempt on the same order number whose outcome is unknown (or an unknown
  correction of the same cancellation) is settled by a lookup first, never by posting again:
  if it did issue, nothing is sent now.
* A cancellation that already has its issued correction is not corrected twice.
* The pending issue row is written (linked to the cancellation) before the POST; V2's
  Idempotency-Key is in that row and in the request.
* A POST whose answer never came is "unknown", settled later by looking that order number up.
  PortOne saying the number already has a receipt offers a derived number ("-R1"): a
  different request the clerk confirms separately, never the same one sent again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from iamport_desk.attempt_fields import failure_fields, request_key
from iamport_desk.jobs import IssueJob, IssueResult
from iamport_desk.models import (
    Action,
    Credentials,
    HistoryEntry,
    NoteCode,
    Outcome,
    Receipt,
)
from iamport_desk.rules import order_key

if TYPE_CHECKING:
    from iamport_desk.errors import IamportError
    from iamport_desk.history import History
    from iamport_desk.receipt_api import ReceiptApi

__all__ = ["ALREADY_ISSUED_WORDS", "is_already_issued", "run_issue"]

log = logging.getLogger(__name__)

# The words of V1's refusal for an order number that has a receipt ("이미 현금영수증이 발행된
# 주문번호입니다."): PortOne publishes no code for it, so the message is what tells.
ALREADY_ISSUED_WORDS = ("이미", "발행")

Finish = Callable[..., tuple[HistoryEntry | None, BaseException | None]]


def is_already_issued(error: BaseException) -> bool:
    """PortOne refused because the order number already has a receipt (V2's typed error, or
    V1's 400 saying so)."""
    from iamport_desk.errors import ApiError
    from iamport_desk.portone_v2.errors import ReceiptAlreadyIssued

    if isinstance(error, ReceiptAlreadyIssued):
        return True
    return (
        isinstance(error, ApiError)
        and error.status == 400
        and bool(error.message)
        and all(word in (error.message or "") for word in ALREADY_ISSUED_WORDS)
    )


def _earlier_unknown(
    job: IssueJob, credentials: Credentials, history: History, corrects: HistoryEntry | None
) -> list[HistoryEntry]:
    key = order_key(job.draft.merchant_uid)
    return [
        entry
        for entry in history.unresolved()
        if entry.profile == job.profile
        and entry.tier_code == credentials.tier_code
        and (
            order_key(entry.merchant_uid) == key
            or (corrects is not None and entry.corrects_id == corrects.id)
        )
    ]


def _settle_first(
    earlier: list[HistoryEntry], history: History, client: ReceiptApi
) -> tuple[list[HistoryEntry], dict[str, Receipt | None], IamportError | None]:
    """Look each order number of ``earlier`` up once and settle its rows; the receipts found
    (by ``order_key``), or the lookup's error (then nothing is settled, nothing is sent)."""
    from iamport_desk.errors import IamportError, ReceiptNotFound

    found: dict[str, Receipt | None] = {}
    for entry in earlier:
        key = order_key(entry.merchant_uid)
        if key in found:
            continue
        try:
            found[key] = client.lookup(entry.merchant_uid)
        except ReceiptNotFound:
            found[key] = None
        except IamportError as exc:
            return [], {}, exc
    settled = [history.reconcile(e.id, found[order_key(e.merchant_uid)]) for e in earlier]
    return settled, found, None


def run_issue(
    job: IssueJob,
    credentials: Credentials,
    history: History,
    client: ReceiptApi,
    *,
    finish: Finish,
    publish: Callable[[], None],
) -> IssueResult:
    """The whole issue job once the credentials are known (see the module docstring)."""
    from iamport_desk.errors import IamportError

    draft = job.draft
    if not credentials.channel_key:
        return IssueResult(missing_channel_key=True)
    tier = credentials.tier_code
    corrects = (
        None
        if draft.corrects_uid is None
        else history.last_cancelled(draft.corrects_uid, profile=job.profile, tier_code=tier)
    )
    reconciled: tuple[HistoryEntry, ...] = ()
    earlier = _earlier_unknown(job, credentials, history, corrects)
    if earlier:
        settled, found, lookup_error = _settle_first(earlier, history, client)
        if lookup_error is not None:
            return IssueResult(error=lookup_error)  # still unknown: no POST on a guess
        publish()
        reconciled = tuple(settled)
        issued = [e for e in settled if e.action is Action.ISSUE and e.outcome is Outcome.CANCELLED]
        if issued:
            return IssueResult(
                settled=issued[-1],
                receipt=found[order_key(issued[-1].merchant_uid)],
                corrects=_reread(history, corrects),
                reconciled=reconciled,
            )
    if corrects is not None:
        done = [c for c in history.corrections(corrects.id) if c.outcome is Outcome.CANCELLED]
        if done:
            return IssueResult(already_corrected=done[-1], corrects=corrects, reconciled=reconciled)

    key = request_key(credentials)
    # Audit first: a durable 'pending' row, or no POST at all.
    entry_id = history.begin_issue(
        profile=job.profile,
        tier_code=tier,
        merchant_uid=draft.merchant_uid,
        corrects=None if corrects is None else corrects.id,
        amount=draft.amount,
        vat=draft.vat,
        receipt_type=draft.receipt_type,
        identifier_masked=draft.identifier_masked,
        idempotency_key=key,
        api=credentials.api.value,
    )
    receipt: Receipt | None = None
    error: BaseException | None = None
    derived: str | None = None
    in_effect: Receipt | None = None
    try:
        receipt = client.issue(draft.request(credentials.channel_key), idempotency_key=key)
    except IamportError as exc:
        error = exc
        outcome, fields = failure_fields(exc)
        if outcome is Outcome.FAILED and is_already_issued(exc):
            # A derived number only when no receipt is in effect under this one: else the
            # sale would have two live receipts (someone issued it meanwhile).
            blocked, in_effect = _in_effect(client, draft.merchant_uid)
            if not blocked:
                tried = frozenset(c.merchant_uid for c in _corrections(history, corrects))
                derived = draft.next_derived(tried)
    except BaseException:
        # A bug after the row was written: the POST may have gone out.
        finish(history, entry_id, Outcome.UNKNOWN, note=NoteCode.INTERNAL_ERROR)
        raise
    else:
        if receipt.is_cancelled:
            # 200 naming a cancelled receipt: not proof of a new one; a lookup decides.
            outcome, fields = Outcome.UNKNOWN, {"http_status": 200, "code": 0}
            fields["note"] = NoteCode.UNEXPECTED_ANSWER
        else:
            outcome, fields = Outcome.CANCELLED, {"http_status": 200, "code": 0}
    entry, history_error = finish(history, entry_id, outcome, receipt=receipt, **fields)
    return IssueResult(
        receipt=receipt,
        entry=entry,
        corrects=_reread(history, corrects),
        error=error,
        derived_order=derived,
        reconciled=reconciled,
        history_error=history_error,
        in_effect=in_effect,
    )


def _in_effect(client: ReceiptApi, merchant_uid: str) -> tuple[bool, Receipt | None]:
    """Whether a receipt may be in effect under ``merchant_uid`` (True when a lookup found it
    not cancelled, or could not tell), and the receipt when it was found."""
    from iamport_desk.errors import IamportError, ReceiptNotFound

    try:
        found = client.lookup(merchant_uid)
    except ReceiptNotFound:
        return False, None
    except IamportError:
        return True, None  # not known: no second number is offered on a guess
    return (False, None) if found.is_cancelled else (True, found)


def _corrections(history: History, corrects: HistoryEntry | None) -> list[HistoryEntry]:
    return [] if corrects is None else history.corrections(corrects.id)


def _reread(history: History, entry: HistoryEntry | None) -> HistoryEntry | None:
    """The cancellation as it is now (its ``corrected_by`` names the newest attempt)."""
    from iamport_desk.history import HistoryUnavailable

    if entry is None:
        return None
    try:
        return history.get(entry.id)
    except HistoryUnavailable as exc:
        log.warning("could not read history row %d back: %s", entry.id, exc)
        return entry
