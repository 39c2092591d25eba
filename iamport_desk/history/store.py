"""The audit history: every cancellation attempt, kept in SQLite.

Why it looks the way it does:

* A ``pending`` row is committed (``synchronous=FULL``) *before* the request is sent,
  so a crash, a power cut or a lost answer always leaves a trace that can be
  reconciled later with a lookup. :meth:`History.begin` (a cancellation) and
  :meth:`History.begin_issue` (an issue that corrects one) raise
  :class:`HistoryUnavailable` on any failure and the caller must then not send. Every
  field that belongs to the attempt (reason, lookup snapshot, API, Idempotency-Key,
  the masked identifier) is in that row (:mod:`.attempts`).
* Each open History holds an OS lock on a file of its own (:mod:`.instances`) and writes
  its id into its pending rows. A pending row whose copy no longer holds its lock was
  interrupted: it turns ``unknown`` at start and whenever the history is next read
  (:meth:`unresolved`, :meth:`last_cancelled`, :meth:`query`, :meth:`count`), so the
  check before a new cancel sees it.
* WAL mode plus a busy timeout lets two copies of the app (or the app and an
  auditor's viewer) use the same file at once; every read-then-write runs in
  ``BEGIN IMMEDIATE`` so two writers queue instead of failing with SQLITE_BUSY. On a
  network drive the rollback journal is used instead (:mod:`.location`), and
  :attr:`History.notice` is ``"network"``.
* The file, its -wal and -shm are readable by the user only (0600 on POSIX).
* No Qt here; the connection belongs to the thread that opened it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Final

from iamport_desk.history import attempts, connection, notes, queries, reconciliation, schema
from iamport_desk.history.exports import HistoryExports
from iamport_desk.history.instances import InstanceLock, is_running
from iamport_desk.history.location import network_kind
from iamport_desk.history.operator import os_account_name
from iamport_desk.history.queries import COLUMNS, NO_FILTER, RECEIPT_SET, HistoryFilter
from iamport_desk.history.reconciliation import Lookup, ReconcileReport
from iamport_desk.history.unavailable import HistoryUnavailable, Reason
from iamport_desk.models import (
    Action,
    ApiKind,
    CancelReason,
    HistoryEntry,
    NoteCode,
    Outcome,
    Receipt,
    ReceiptSource,
)
from iamport_desk.rules import order_key

log = logging.getLogger(__name__)

NOTE_INTERRUPTED: Final = NoteCode.INTERRUPTED.value
NOTE_CONFIRMED: Final = NoteCode.CONFIRMED_BY_LOOKUP.value
NOTE_NOT_CANCELLED: Final = NoteCode.NOT_CANCELLED_BY_LOOKUP.value


class History(HistoryExports):
    """The audit history in one SQLite file. See the module docstring for the rules.

    Methods raise :class:`HistoryUnavailable` when the file cannot be used, ``KeyError``
    for an id that does not exist and ``ValueError`` for arguments that make no sense.
    ``on_connect`` is called with the connection once it is ready (diagnostics and tests:
    tracing, limits); ``pid`` is recorded in each row for the log, nothing else.
    """

    SCHEMA_VERSION: Final = schema.SCHEMA_VERSION

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], float] = time.time,
        operator: str | None = None,
        pid: int | None = None,
        busy_timeout_ms: int = 5000,
        on_connect: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        self._path = Path(path)
        self._clock = clock
        self._operator = operator if operator is not None else os_account_name()
        self._pid = pid if pid is not None else os.getpid()
        self._busy_timeout_ms = int(busy_timeout_ms)
        kind = network_kind(self._path)
        #: "network" when the file is on a network drive (opened without WAL), else None.
        self.notice: Reason | None = "network" if kind else None
        if kind:
            log.warning("the history is on a network drive (%s): opened without WAL", kind)
        self._conn = connection.open_connection(
            self._path, busy_timeout_ms=self._busy_timeout_ms, wal=kind is None
        )
        self._instance = self._lock_instance()
        if on_connect is not None:
            on_connect(self._conn)

    # -- lifecycle ---------------------------------------------------------------------

    def _lock_instance(self) -> InstanceLock | None:
        try:
            return InstanceLock(self._path.parent)
        except OSError as exc:
            # A read-only folder: reading still works, and begin() will fail on its own.
            log.warning("no instance lock for this copy: %s", exc)
            return None

    @property
    def instance_id(self) -> str | None:
        """The id this copy writes into its pending rows (None without a lock)."""
        return None if self._instance is None else self._instance.instance_id

    def close(self) -> None:
        """Close the file; safe to call twice."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA optimize")
        self._conn.close()
        if self._instance is not None:
            self._instance.release()

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"History({str(self._path)!r})"

    # -- plumbing ----------------------------------------------------------------------

    def _guard(self) -> contextlib.AbstractContextManager[None]:
        return connection.guard(self._path)

    def _transaction(
        self, conn: sqlite3.Connection
    ) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connection.transaction(conn)

    def _fetch(self, entry_id: int) -> HistoryEntry:
        row = self._conn.execute(
            f"SELECT {COLUMNS} FROM attempts WHERE id = ?",  # noqa: S608 - constant columns
            (entry_id,),
        ).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return queries.entry(row)

    # -- writing -----------------------------------------------------------------------

    def begin(
        self,
        *,
        profile: str,
        tier_code: str | None,
        merchant_uid: str,
        reason: CancelReason | None = None,
        reason_note: str | None = None,
        looked_up: Receipt | None = None,
        api: ApiKind = "v1",
        idempotency_key: str | None = None,
    ) -> int:
        """Durably record that a cancellation is about to be sent; returns the row id.

        ``reason`` and ``reason_note`` say why (:func:`rules.validate_reason_note`: 기타
        needs a memo); ``looked_up`` is the receipt the lookup showed, kept as the row's
        receipt fields marked "lookup" until an answer replaces them; ``api`` is the
        store's kind and ``idempotency_key`` the V2 key the request carries. ``reason``
        defaults to None ("not recorded") only so callers from before it keep working.
        When this raises, nothing was recorded and the request must not be sent.
        """
        extra = attempts.cancel_columns(
            merchant_uid,
            reason=reason,
            reason_note=reason_note,
            looked_up=looked_up,
            api=api,
            idempotency_key=idempotency_key,
        )
        with self._guard():
            # Autocommit: the INSERT is its own transaction, fsynced before it returns.
            return self._insert_pending(self._conn, profile, tier_code, merchant_uid, extra)

    def begin_issue(
        self,
        *,
        profile: str,
        tier_code: str | None,
        merchant_uid: str,
        corrects: int | None,
        amount: int,
        vat: int | None,
        receipt_type: str,
        identifier_masked: str,
        idempotency_key: str | None = None,
        api: ApiKind = "v1",
    ) -> int:
        """Durably record that an issue (POST) is about to be sent; returns the row id.

        ``corrects`` is the id of the cancellation this issue corrects (it must be a
        cancel row that is cancelled), or None for an issue on its own; that row's
        ``corrected_by`` then names this one, in the same transaction. The amount, VAT
        and type asked for are the row's receipt fields (marked "request") until the
        answer replaces them. ``identifier_masked`` is stored through
        :func:`rules.mask_identifier`, whatever is passed. When this raises, nothing was
        recorded and the POST must not be sent.
        """
        extra = attempts.issue_columns(
            amount=amount,
            vat=vat,
            receipt_type=receipt_type,
            identifier_masked=identifier_masked,
            api=api,
            idempotency_key=idempotency_key,
        )
        with self._guard(), self._transaction(self._conn) as conn:
            if corrects is not None:
                corrected = self._fetch(corrects)
                if corrected.action is not Action.CANCEL or corrected.outcome is not (
                    Outcome.CANCELLED
                ):
                    raise ValueError("an issue corrects a cancellation that went through")
                extra["corrects_id"] = corrects
            entry_id = self._insert_pending(conn, profile, tier_code, merchant_uid, extra)
            if corrects is not None:
                conn.execute(
                    "UPDATE attempts SET corrected_by = ? WHERE id = ?", (entry_id, corrects)
                )
            return entry_id

    def _insert_pending(
        self,
        conn: sqlite3.Connection,
        profile: str,
        tier_code: str | None,
        merchant_uid: str,
        extra: Mapping[str, Any],
    ) -> int:
        if not merchant_uid:
            raise ValueError("merchant_uid is empty")
        common = {
            "started_at": float(self._clock()),
            "profile": profile,
            "tier_code": tier_code,
            "merchant_uid": merchant_uid,
            "order_key": order_key(merchant_uid),
            "operator": self._operator,
            "outcome": Outcome.PENDING.value,
            "pid": self._pid,
            "instance_id": self.instance_id,
        }
        return attempts.insert(conn, {**common, **extra})

    def finish(
        self,
        entry_id: int,
        outcome: Outcome,
        *,
        http_status: int | None = None,
        code: int | None = None,
        message: str | None = None,
        receipt: Receipt | None = None,
        note: str | None = None,
        error_type: str | None = None,
        pg_code: str | None = None,
        pg_message: str | None = None,
    ) -> HistoryEntry:
        """Record how the attempt ended (``ended_at`` is now).

        ``note`` is a :class:`NoteCode` (or several joined by "; "), never prose;
        ``message`` is the server's own words; ``error_type`` is V2's error type
        (``PG_PROVIDER``, ...) and ``pg_code``/``pg_message`` the PG's, as they came.
        ``Outcome.CANCELLED`` means done: cancelled, or for an issue row issued. A
        receipt is PortOne's answer: it replaces the row's receipt fields (a lookup's
        snapshot or an issue's request) and marks them "answer". Applies to a
        ``pending`` row, and to an
        ``unknown`` one (recovery may have given up on a request whose answer then
        arrived: the answer is better). A row already ``cancelled``/``failed`` is
        returned unchanged. Without a receipt the receipt columns are left as they are.
        On failure the row stays ``pending``.
        """
        outcome = Outcome(outcome)
        if outcome is Outcome.PENDING:
            raise ValueError("finish() needs a final outcome, not pending")
        sql = "UPDATE attempts SET ended_at = ?, outcome = ?, http_status = ?, code = ?, "
        sql += "message = ?, note = ?, error_type = ?, pg_code = ?, pg_message = ?"
        params: list[Any] = [float(self._clock()), outcome.value, http_status, code, message, note]
        params.extend(attempts.error_columns(error_type, pg_code, pg_message).values())
        if receipt is not None:
            sql += RECEIPT_SET
            params.extend(queries.receipt_values(receipt, ReceiptSource.ANSWER))
        sql += " WHERE id = ? AND outcome IN ('pending', 'unknown')"
        params.append(entry_id)
        with self._guard(), self._transaction(self._conn) as conn:
            cursor = conn.execute(sql, params)
            if outcome is Outcome.FAILED and cursor.rowcount:
                attempts.release_failed_correction(conn, entry_id)
            entry = self._fetch(entry_id)
        if cursor.rowcount == 0:
            log.warning("finish() on history row %d that is already %s", entry_id, entry.outcome)
        return entry

    def recover_interrupted(self) -> int:
        """Mark ``pending`` rows whose copy of the app is gone as ``unknown`` ("interrupted").

        Called at start-up, and by every read that matters (see the module docstring). A
        pending row of a copy that still holds its lock (this one included) is left
        alone. Returns how many rows were marked.
        """
        with self._guard(), self._transaction(self._conn) as conn:
            gone = self._gone_pending()
            conn.executemany(
                "UPDATE attempts SET outcome = ?, note = ? WHERE id = ? AND outcome = ?",
                [(Outcome.UNKNOWN.value, NOTE_INTERRUPTED, i, Outcome.PENDING.value) for i in gone],
            )
        if gone:
            log.info("%d interrupted cancellation(s) need checking", len(gone))
        return len(gone)

    def _gone_pending(self) -> list[int]:
        """Ids of pending rows whose copy no longer holds its instance lock."""
        rows = self._conn.execute(
            "SELECT id, instance_id FROM attempts WHERE outcome = ?", (Outcome.PENDING.value,)
        ).fetchall()
        alive: dict[str | None, bool] = {self.instance_id: True} if self._instance else {}
        gone = []
        for entry_id, instance_id in rows:
            if instance_id not in alive:
                alive[instance_id] = is_running(self._path.parent, instance_id)
            if not alive[instance_id]:
                gone.append(int(entry_id))
        return gone

    def _sweep(self) -> None:
        """recover_interrupted() before a read, taking the write lock only when needed;
        a file we may only read is still shown."""
        with self._guard():
            if not self._gone_pending():
                return
        try:
            self.recover_interrupted()
        except HistoryUnavailable as exc:
            if exc.reason not in ("readonly", "locked"):
                raise

    def reconcile(self, entry_id: int, receipt: Receipt | None) -> HistoryEntry:
        """Settle an ``unknown`` row with what a lookup found (never by resending).

        A cancel row: a cancelled receipt means the cancellation went through; a receipt
        that is not cancelled (or none, a 404) means it did not. An issue row: a receipt
        that exists and is not cancelled means it was issued; none, or a cancelled one
        (the receipt it corrects), means it was not. Rows that are not ``unknown`` are
        returned unchanged. A receipt of another order is a ValueError.
        """
        with self._guard(), self._transaction(self._conn) as conn:
            entry = self._fetch(entry_id)
            if entry.outcome is not Outcome.UNKNOWN:
                return entry
            if receipt is not None and order_key(receipt.merchant_uid) != order_key(
                entry.merchant_uid
            ):
                raise ValueError("the receipt belongs to another order number")
            outcome, code, keep = reconciliation.settlement(entry.action, receipt)
            # Keep why it was unknown (e.g. "interrupted"): auditors want both facts.
            note = notes.append(entry.note, code, replacing=notes.LEFT_CODES)
            sql = "UPDATE attempts SET outcome = ?, note = ?"
            params: list[Any] = [outcome.value, note]
            if receipt is not None and keep:
                sql += RECEIPT_SET
                params.extend(queries.receipt_values(receipt, ReceiptSource.LOOKUP))
            conn.execute(sql + " WHERE id = ?", [*params, entry_id])
            if outcome is Outcome.FAILED:
                attempts.release_failed_correction(conn, entry_id)
            return self._fetch(entry_id)

    def reconcile_all(
        self,
        lookup: Lookup,
        *,
        include: Callable[[HistoryEntry], bool] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ReconcileReport:
        """Settle every ``unknown`` row (of those ``include`` accepts) by ``lookup``;
        a row that cannot be settled says why, and the next is tried (see
        :func:`.reconciliation.reconcile_all`)."""
        return reconciliation.reconcile_all(self, lookup, include=include, should_stop=should_stop)

    def leave_unknown(self, entry: HistoryEntry, code: NoteCode) -> HistoryEntry:
        """Record on an ``unknown`` row why it could not be settled (``code`` replaces an
        earlier such code; why it became unknown is kept)."""
        note = notes.append(entry.note, code, replacing=notes.LEFT_CODES)
        with self._guard():
            self._conn.execute(
                "UPDATE attempts SET note = ? WHERE id = ? AND outcome = ?",
                (note, entry.id, Outcome.UNKNOWN.value),
            )
            return self._fetch(entry.id)

    # -- reading -----------------------------------------------------------------------

    def get(self, entry_id: int) -> HistoryEntry:
        """One row by id; ``KeyError`` if there is none."""
        with self._guard():
            return self._fetch(entry_id)

    def get_pair(self, entry_id: int) -> tuple[HistoryEntry | None, HistoryEntry | None]:
        """(cancellation, correction) for either side of a correction.

        For a cancel row: it and its latest issue attempt (None if never corrected);
        for an issue row: the cancellation it corrects (None for an issue on its own)
        and it. ``KeyError`` if ``entry_id`` does not exist.
        """
        with self._guard():
            entry = self._fetch(entry_id)
            if entry.action is Action.ISSUE:
                other = entry.corrects_id
                return (None if other is None else self._fetch(other)), entry
            other = entry.corrected_by
            return entry, (None if other is None else self._fetch(other))

    def corrections(self, entry_id: int) -> list[HistoryEntry]:
        """Every issue attempt that corrects cancellation ``entry_id``, oldest first
        (a refused "already issued" and the retry under a derived number are two)."""
        with self._guard():
            rows = self._conn.execute(
                # Through the action index: issue rows are few.
                f"SELECT {COLUMNS} FROM attempts WHERE action = ? AND corrects_id = ? "  # noqa: S608
                "ORDER BY id",
                (Action.ISSUE.value, entry_id),
            )
            return [queries.entry(row) for row in rows]

    def unresolved(self) -> list[HistoryEntry]:
        """Rows whose outcome is ``unknown`` (interrupted ones included), oldest first."""
        return self.query(
            HistoryFilter(outcomes=frozenset({Outcome.UNKNOWN})),
            descending=False,
            limit=1_000_000,
        )

    def recent(self, limit: int = 20) -> list[HistoryEntry]:
        """The latest attempts, newest first."""
        return self.query(limit=limit)

    def last_cancelled(
        self,
        merchant_uid: str,
        *,
        profile: str | None = None,
        tier_code: str | None = None,
        in_effect: bool = False,
    ) -> HistoryEntry | None:
        """The latest successful cancellation of this order (the duplicate guard).

        NFC and NFD spellings of the order are one order. ``profile``/``tier_code``
        narrow the search when given; None means any. Issue rows never count: a
        correction issued under this order number is not a cancellation. With
        ``in_effect`` (the cancel job's guard), a cancellation followed by a successful
        issue under the same order number does not count: the order has a live receipt
        again, and that one may be cancelled.
        """
        sql = f"SELECT {COLUMNS} FROM attempts WHERE order_key = ? AND outcome = ?"  # noqa: S608
        sql += " AND action = 'cancel'"
        params: list[Any] = [order_key(merchant_uid), Outcome.CANCELLED.value]
        if in_effect:
            sql += (
                " AND NOT EXISTS (SELECT 1 FROM attempts AS later WHERE later.action = 'issue'"
                " AND later.order_key = attempts.order_key AND later.outcome = ?"
                " AND later.id > attempts.id)"
            )
            params.append(Outcome.CANCELLED.value)
        if profile is not None:
            sql += " AND profile = ?"
            params.append(profile)
        if tier_code is not None:
            sql += " AND tier_code = ?"
            params.append(tier_code)
        sql += " ORDER BY started_at DESC, id DESC LIMIT 1"
        self._sweep()
        with self._guard():
            row = self._conn.execute(sql, params).fetchone()
        return None if row is None else queries.entry(row)

    def query(
        self,
        flt: HistoryFilter = NO_FILTER,
        *,
        order_by: str = "started_at",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[HistoryEntry]:
        """One page of the filtered history."""
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit must not be negative")
        self._sweep()
        where, params = self._where(flt)
        sql = f"SELECT {COLUMNS} FROM attempts{where}{queries.order(order_by, descending)}"  # noqa: S608
        with self._guard():
            rows = self._conn.execute(sql + " LIMIT ? OFFSET ?", [*params, limit, offset])
            return [queries.entry(row) for row in rows]

    def count(self, flt: HistoryFilter = NO_FILTER) -> int:
        """How many rows the filter matches (for paging and the status line)."""
        self._sweep()
        where, params = self._where(flt)
        with self._guard():
            row = self._conn.execute(f"SELECT COUNT(*) FROM attempts{where}", params).fetchone()  # noqa: S608
        return int(row[0])

    def _where(self, flt: HistoryFilter) -> tuple[str, list[Any]]:
        """queries.where(), through the trigram index when it narrows the search well."""
        pattern = queries.search_pattern(flt) if flt.text.strip() else None
        if pattern is not None:
            with self._guard():
                try:
                    probe = (pattern, queries.SELECTIVE_BELOW)
                    found = self._conn.execute(queries.PROBE, probe).fetchone()[0]
                except sqlite3.OperationalError:  # no index (an SQLite without FTS5)
                    found = queries.SELECTIVE_BELOW
            if found < queries.SELECTIVE_BELOW:
                return queries.where(flt, indexed=pattern)
        return queries.where(flt)

    def profiles(self) -> list[str]:
        """Distinct profile names, for the filter combo box."""
        with self._guard():
            # A skip-scan over the profile index: one probe per distinct name instead of
            # reading every row (the window asks for this each time it opens).
            rows = self._conn.execute(
                "WITH RECURSIVE names(profile) AS ("
                " SELECT MIN(profile) FROM attempts"
                " UNION ALL"
                " SELECT (SELECT MIN(profile) FROM attempts WHERE profile > names.profile)"
                " FROM names WHERE names.profile IS NOT NULL)"
                " SELECT profile FROM names WHERE profile IS NOT NULL"
            )
            return [str(row[0]) for row in rows]

    def _iter_rows(
        self, flt: HistoryFilter, order_by: str, descending: bool
    ) -> Generator[queries.ExportedRow, None, None]:
        where, params = self._where(flt)
        sql = f"SELECT {COLUMNS} FROM attempts{where}{queries.order(order_by, descending)}"  # noqa: S608
        with self._guard():
            # One SELECT is one snapshot: rows written meanwhile do not tear the export.
            cursor = self._conn.execute(sql, params)
            try:
                for row in cursor:
                    yield queries.ExportedRow(row)
            finally:
                cursor.close()  # ends the read snapshot even if the export stops early
