"""The audit history: every cancellation attempt, kept in SQLite.

Why it looks the way it does:

* A ``pending`` row is committed (``synchronous=FULL``) *before* the DELETE is sent,
  so a crash, a power cut or a lost answer always leaves a trace that can be
  reconciled later with a lookup. :meth:`History.begin` raises
  :class:`HistoryUnavailable` on any failure and the caller must then not send.
* WAL mode plus a busy timeout lets two copies of the app (or the app and an
  auditor's viewer) use the same file at once; every read-then-write runs in
  ``BEGIN IMMEDIATE`` so two writers queue instead of failing with SQLITE_BUSY.
* ``PRAGMA user_version`` is the schema version; migrations run in one transaction.
* No Qt here; the connection belongs to the thread that opened it.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import logging
import os
import socket
import sqlite3
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal

from iamport_desk.history_export import write_csv
from iamport_desk.models import HistoryEntry, Outcome, Receipt

log = logging.getLogger(__name__)

Reason = Literal["readonly", "full", "locked", "corrupt", "io"]

_MESSAGES: Final[Mapping[Reason, str]] = {
    "readonly": "The history file or its folder cannot be written to.",
    "full": "The disk that holds the history is full.",
    "locked": "The history is busy in another program; try again in a moment.",
    "corrupt": "The history file is damaged or is not an iamport-desk history.",
    "io": "The history file could not be opened, read or written.",
}
_NEWER_MESSAGE: Final = "The history was written by a newer version of iamport-desk."


class HistoryUnavailable(Exception):  # noqa: N818 - name fixed by the public surface
    """The history cannot be read or written.

    ``reason`` is one of ``readonly``, ``full``, ``locked``, ``corrupt`` and ``io`` so
    the UI can say what to do; a file from a newer app version is ``corrupt`` (it cannot
    be used) with its own sentence.
    ``str()`` is a short English sentence without paths, SQL or values; the original
    error is chained as ``__cause__`` for the log.
    """

    def __init__(self, reason: Reason, message: str | None = None) -> None:
        super().__init__(message or _MESSAGES[reason])
        self.reason: Reason = reason


@dataclass(frozen=True)
class HistoryFilter:
    """What the history window shows; every field narrows the result."""

    text: str = ""  # order-number search: case-insensitive, literal substring
    outcomes: frozenset[Outcome] | None = None  # None: any; empty: nothing
    profile: str | None = None
    since: float | None = None  # UNIX seconds, inclusive, on started_at
    until: float | None = None  # exclusive


NO_FILTER: Final = HistoryFilter()

# Keys accepted by query(order_by=...); whitelisted because they end up in SQL text.
SORT_COLUMNS: tuple[str, ...] = (
    "started_at",
    "ended_at",
    "profile",
    "tier_code",
    "merchant_uid",
    "operator",
    "outcome",
    "amount",
)

# A pending row from another machine (shared folder) or from a platform where we
# cannot ask the OS about a pid is considered interrupted after this long; no
# request takes anywhere near this.
STALE_AFTER_S: Final = 10 * 60
# A live pid whose identity we cannot verify (pid reuse) is given this long.
UNVERIFIABLE_AFTER_S: Final = 24 * 60 * 60

NOTE_INTERRUPTED: Final = "interrupted"
NOTE_CONFIRMED: Final = "confirmed by lookup"
NOTE_NOT_CANCELLED: Final = "not cancelled (checked by lookup)"

_COLUMNS: Final = (
    "id, started_at, ended_at, profile, tier_code, merchant_uid, operator, outcome, "
    "http_status, code, message, amount, vat, receipt_type, apply_num, receipt_tid, "
    "receipt_url, cancelled_at, note"
)

# Version 1: the first schema. Kept verbatim: new files are created by running every
# migration from here, so a fresh file and a migrated one are always identical.
_SCHEMA_V1: Final = (
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at REAL NOT NULL,
        ended_at REAL,
        profile TEXT NOT NULL,
        merchant_uid TEXT NOT NULL,
        outcome TEXT NOT NULL,
        http_status INTEGER,
        code INTEGER,
        message TEXT,
        amount INTEGER,
        apply_num TEXT,
        receipt_url TEXT,
        cancelled_at INTEGER
    )
    """,
)

# Version 2: who/where/what was cancelled, the recovery markers, and indexes.
_SCHEMA_V2: Final = (
    "ALTER TABLE attempts ADD COLUMN tier_code TEXT",
    "ALTER TABLE attempts ADD COLUMN operator TEXT",
    "ALTER TABLE attempts ADD COLUMN vat INTEGER",
    "ALTER TABLE attempts ADD COLUMN receipt_type TEXT",
    "ALTER TABLE attempts ADD COLUMN receipt_tid TEXT",
    "ALTER TABLE attempts ADD COLUMN note TEXT",
    "ALTER TABLE attempts ADD COLUMN pid INTEGER",
    "ALTER TABLE attempts ADD COLUMN host TEXT",  # pid liveness is only meaningful here
    "ALTER TABLE attempts ADD COLUMN boot_id TEXT",  # a reboot ends every process
    "ALTER TABLE attempts ADD COLUMN proc_start TEXT",  # detects pid reuse
    # id keeps the index in ORDER BY order; merchant_uid lets a text search skip the table.
    "CREATE INDEX attempts_started_at ON attempts (started_at, id, merchant_uid)",
    "CREATE INDEX attempts_merchant_uid ON attempts (merchant_uid)",
    "CREATE INDEX attempts_outcome ON attempts (outcome, started_at)",
    "CREATE INDEX attempts_profile ON attempts (profile, started_at)",
)

_MIGRATIONS: Final = (_SCHEMA_V1, _SCHEMA_V2)  # _MIGRATIONS[n] takes version n to n + 1

# Primary SQLite result codes (sqlite3.h).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26

# On Windows os.kill(pid, 0) would *terminate* the process, so never call it there.
_POSIX: Final = os.name == "posix"


def _default_operator() -> str:
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no user name in the environment or the password database
        return "unknown"


def _boot_id() -> str | None:
    """A marker that changes on every boot (Linux only; elsewhere None)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeError):
        return None


def _process_start(pid: int) -> str | None:
    """When ``pid`` started (Linux clock ticks since boot), to tell a reused pid apart."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        # Field 2 (the command name) may contain spaces and ')', so split after the last ')'.
        return stat[stat.rindex(")") + 2 :].split()[19]
    except (OSError, ValueError, IndexError):
        return None


def _pid_alive(pid: int) -> bool | None:
    """POSIX: True/False; None when it cannot be told (never call os.kill on Windows)."""
    if not _POSIX or pid <= 0:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return None
    return True


def _reason_for(exc: BaseException, path: Path) -> Reason:
    """Turn an sqlite3/OS error into the reason the user is told."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        by_code: dict[int, Reason] = {
            _SQLITE_BUSY: "locked",
            _SQLITE_LOCKED: "locked",
            _SQLITE_READONLY: "readonly",
            _SQLITE_PERM: "readonly",
            _SQLITE_FULL: "full",
            _SQLITE_CORRUPT: "corrupt",
            _SQLITE_NOTADB: "corrupt",
            _SQLITE_IOERR: "io",
        }
        if primary in by_code:
            return by_code[primary]
        text = str(exc).lower()
        if primary == _SQLITE_CANTOPEN or "unable to open" in text:
            return _cantopen_reason(path)
        needles: tuple[tuple[str, Reason], ...] = (
            ("readonly", "readonly"),
            ("read-only", "readonly"),
            ("full", "full"),
            ("locked", "locked"),
            ("busy", "locked"),
            ("malformed", "corrupt"),
            ("not a database", "corrupt"),
        )
        for needle, reason in needles:
            if needle in text:
                return reason
        return "io"
    if isinstance(exc, PermissionError):
        return "readonly"
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "full"
        if exc.errno == errno.EROFS:
            return "readonly"
    return "io"


def _cantopen_reason(path: Path) -> Reason:
    parent = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return "readonly"
    if parent.is_dir() and not os.access(parent, os.W_OK):
        return "readonly"
    return "io"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(flt: HistoryFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    text = flt.text.strip()
    if text:
        clauses.append("merchant_uid LIKE ? ESCAPE '\\'")  # the user's text is literal
        params.append(f"%{_escape_like(text)}%")
    if flt.outcomes is not None:
        if not flt.outcomes:
            clauses.append("0")
        else:
            values = sorted(Outcome(o).value for o in flt.outcomes)
            clauses.append(f"outcome IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    if flt.profile is not None:
        clauses.append("profile = ?")
        params.append(flt.profile)
    if flt.since is not None:
        clauses.append("started_at >= ?")
        params.append(float(flt.since))
    if flt.until is not None:
        clauses.append("started_at < ?")
        params.append(float(flt.until))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(order_by: str, descending: bool) -> str:
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {order_by!r}; expected one of {SORT_COLUMNS}")
    direction = "DESC" if descending else "ASC"
    # Ties: newest/oldest first, then id, so paging with offset never repeats or skips a
    # row (and the (outcome|profile, started_at) indexes serve the whole ORDER BY).
    then = "" if order_by == "started_at" else f", started_at {direction}"
    return f" ORDER BY {order_by} {direction}{then}, id {direction}"


def _outcome(value: object) -> Outcome:
    try:
        return Outcome(str(value))
    except ValueError:
        # Only reachable by editing the file by hand; "needs checking" is the safe reading.
        log.warning("history row with an unrecognised outcome; shown as unknown")
        return Outcome.UNKNOWN


def _entry(row: Sequence[Any]) -> HistoryEntry:
    return HistoryEntry(
        id=int(row[0]),
        started_at=float(row[1]),
        ended_at=None if row[2] is None else float(row[2]),
        profile=str(row[3]),
        tier_code=row[4],
        merchant_uid=str(row[5]),
        operator=row[6] or "",  # rows from schema 1 did not record it
        outcome=_outcome(row[7]),
        http_status=row[8],
        code=row[9],
        message=row[10],
        amount=row[11],
        vat=row[12],
        receipt_type=row[13],
        apply_num=row[14],
        receipt_tid=row[15],
        receipt_url=row[16],
        cancelled_at=row[17],
        note=row[18],
    )


_INT64 = range(-(2**63), 2**63)


def _int_or_none(value: int | None) -> int | None:
    """SQLite integers are 64-bit; an absurd server value is dropped, not a failed write."""
    return value if value is None or value in _INT64 else None


def _receipt_values(receipt: Receipt) -> tuple[Any, ...]:
    return (
        _int_or_none(receipt.amount),
        _int_or_none(receipt.vat),
        receipt.type,
        receipt.apply_num,
        receipt.receipt_tid,
        receipt.receipt_url,
        _int_or_none(receipt.cancelled_at),
    )


_RECEIPT_SET: Final = (
    ", amount = ?, vat = ?, receipt_type = ?, apply_num = ?, receipt_tid = ?, "
    "receipt_url = ?, cancelled_at = ?"
)


class History:
    """The audit history in one SQLite file. See the module docstring for the rules.

    Methods raise :class:`HistoryUnavailable` when the file cannot be used, ``KeyError``
    for an id that does not exist and ``ValueError`` for arguments that make no sense.
    """

    SCHEMA_VERSION: Final = len(_MIGRATIONS)

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], float] = time.time,
        operator: str | None = None,
        pid: int | None = None,
        busy_timeout_ms: int = 5000,
    ) -> None:
        self._path = Path(path)
        self._clock = clock
        self._operator = operator if operator is not None else _default_operator()
        self._pid = pid if pid is not None else os.getpid()
        self._host = socket.gethostname()
        self._boot_id = _boot_id()
        self._proc_start = _process_start(self._pid)
        self._busy_timeout_ms = int(busy_timeout_ms)
        self._conn = self._open()

    # -- lifecycle ---------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self._path,
                timeout=self._busy_timeout_ms / 1000,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=True,
            )
        except (sqlite3.Error, OSError) as exc:
            raise HistoryUnavailable(_reason_for(exc, self._path)) from exc
        # Switching to WAL and migrating need the file to themselves. When two copies
        # start at once SQLite may answer SQLITE_BUSY at once instead of waiting (to
        # avoid a deadlock), so the whole step is retried until the busy timeout.
        deadline = time.monotonic() + self._busy_timeout_ms / 1000
        try:
            with self._guard():
                while True:
                    try:
                        self._configure(conn)
                        return conn
                    except sqlite3.OperationalError as exc:
                        locked = _reason_for(exc, self._path) == "locked"
                        if not locked or time.monotonic() >= deadline:
                            raise
                    time.sleep(0.02)
        except BaseException:
            conn.close()
            raise

    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("history is not in WAL mode (%s); concurrent use is slower", mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA fullfsync = ON")  # macOS: a real flush to the platter
        conn.execute("PRAGMA checkpoint_fullfsync = ON")
        self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if self._version(conn) == self.SCHEMA_VERSION:
            return
        with self._transaction(conn):
            # Read again under the write lock: another copy may have migrated meanwhile.
            version = self._version(conn)
            if version == 0:
                exists = conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attempts'"
                ).fetchone()
                if exists:
                    raise HistoryUnavailable(
                        "corrupt", "The history file has no version and cannot be used."
                    )
            for step in _MIGRATIONS[version:]:
                for statement in step:
                    conn.execute(statement)
            if version != self.SCHEMA_VERSION:
                log.info("history schema migrated from %d to %d", version, self.SCHEMA_VERSION)
            conn.execute(f"PRAGMA user_version = {self.SCHEMA_VERSION}")

    def _version(self, conn: sqlite3.Connection) -> int:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > self.SCHEMA_VERSION:
            raise HistoryUnavailable("corrupt", _NEWER_MESSAGE)
        if version < 0:
            raise HistoryUnavailable("corrupt")
        return version

    def close(self) -> None:
        """Close the file; safe to call twice."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA optimize")
        self._conn.close()

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

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Map storage errors to HistoryUnavailable; programming errors pass through."""
        try:
            yield
        except (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.IntegrityError):
            raise
        except (sqlite3.Error, OSError) as exc:
            reason = _reason_for(exc, self._path)
            log.warning("history unavailable (%s): %s", reason, exc)
            raise HistoryUnavailable(reason) from exc

    @contextlib.contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a
        # read-then-write never fails half-way with an un-retried SQLITE_BUSY.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    def _fetch(self, entry_id: int) -> HistoryEntry:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM attempts WHERE id = ?",  # noqa: S608 - constant columns
            (entry_id,),
        ).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _entry(row)

    # -- writing -----------------------------------------------------------------------

    def begin(self, *, profile: str, tier_code: str | None, merchant_uid: str) -> int:
        """Durably record that a DELETE is about to be sent; returns the row id.

        When this raises, nothing was recorded and the DELETE must not be sent.
        """
        if not merchant_uid:
            raise ValueError("merchant_uid is empty")
        with self._guard():
            # Autocommit: the INSERT is its own transaction, fsynced before it returns.
            cursor = self._conn.execute(
                "INSERT INTO attempts (started_at, profile, tier_code, merchant_uid, "
                "operator, outcome, pid, host, boot_id, proc_start) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    float(self._clock()),
                    profile,
                    tier_code,
                    merchant_uid,
                    self._operator,
                    Outcome.PENDING.value,
                    self._pid,
                    self._host,
                    self._boot_id,
                    self._proc_start,
                ),
            )
        if cursor.lastrowid is None:  # pragma: no cover - sqlite always sets it for INSERT
            raise HistoryUnavailable("io")
        return int(cursor.lastrowid)

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
    ) -> HistoryEntry:
        """Record how the attempt ended (``ended_at`` is now).

        Applies to a ``pending`` row, and to an ``unknown`` one (recovery may have
        given up on a request whose answer then arrived: the answer is better). A row
        already ``cancelled``/``failed`` is returned unchanged. Without a receipt the
        receipt columns are left as they are. On failure the row stays ``pending``.
        """
        outcome = Outcome(outcome)
        if outcome is Outcome.PENDING:
            raise ValueError("finish() needs a final outcome, not pending")
        sql = "UPDATE attempts SET ended_at = ?, outcome = ?, http_status = ?, code = ?, "
        sql += "message = ?, note = ?"
        params: list[Any] = [float(self._clock()), outcome.value, http_status, code, message, note]
        if receipt is not None:
            sql += _RECEIPT_SET
            params.extend(_receipt_values(receipt))
        sql += " WHERE id = ? AND outcome IN ('pending', 'unknown')"
        params.append(entry_id)
        with self._guard():
            cursor = self._conn.execute(sql, params)
            entry = self._fetch(entry_id)
        if cursor.rowcount == 0:
            log.warning("finish() on history row %d that is already %s", entry_id, entry.outcome)
        return entry

    def recover_interrupted(self) -> int:
        """Mark ``pending`` rows whose process is gone as ``unknown`` ("interrupted").

        Called at start-up. A pending row of a copy of the app that is still running
        is left alone. Returns how many rows were marked.
        """
        now = float(self._clock())
        with self._guard(), self._transaction(self._conn) as conn:
            rows = conn.execute(
                "SELECT id, started_at, pid, host, boot_id, proc_start FROM attempts "
                "WHERE outcome = ?",
                (Outcome.PENDING.value,),
            ).fetchall()
            gone = [row[0] for row in rows if self._is_interrupted(now, *row[1:])]
            for entry_id in gone:
                conn.execute(
                    "UPDATE attempts SET outcome = ?, note = ? WHERE id = ? AND outcome = ?",
                    (Outcome.UNKNOWN.value, NOTE_INTERRUPTED, entry_id, Outcome.PENDING.value),
                )
        if gone:
            log.info("%d interrupted cancellation(s) need checking", len(gone))
        return len(gone)

    def _is_interrupted(
        self,
        now: float,
        started_at: float,
        pid: int | None,
        host: str | None,
        boot_id: str | None,
        proc_start: str | None,
    ) -> bool:
        age = now - float(started_at)
        if pid is None or host != self._host:
            # Another machine (a shared folder) or a row from schema 1: only age can tell.
            return age > STALE_AFTER_S
        if self._boot_id is not None and boot_id is not None and boot_id != self._boot_id:
            return True  # the machine restarted since; every process of then is gone
        alive = _pid_alive(int(pid))
        if alive is None:  # Windows (os.kill would terminate the process!) or unknown
            return age > STALE_AFTER_S
        if not alive:
            return True
        current_start = _process_start(int(pid))
        if proc_start is not None and current_start is not None:
            return proc_start != current_start  # same pid, different process
        return age > UNVERIFIABLE_AFTER_S

    def reconcile(self, entry_id: int, receipt: Receipt | None) -> HistoryEntry:
        """Settle an ``unknown`` row with what a lookup found (never by resending).

        A cancelled receipt means the DELETE went through; a receipt that is not
        cancelled (or none, a 404) means it did not. Rows that are not ``unknown`` are
        returned unchanged.
        """
        with self._guard(), self._transaction(self._conn) as conn:
            entry = self._fetch(entry_id)
            if entry.outcome is not Outcome.UNKNOWN:
                return entry
            if receipt is not None and receipt.merchant_uid != entry.merchant_uid:
                raise ValueError("the receipt belongs to another order number")
            if receipt is not None and receipt.is_cancelled:
                outcome, note = Outcome.CANCELLED, NOTE_CONFIRMED
            else:
                outcome, note = Outcome.FAILED, NOTE_NOT_CANCELLED
            if entry.note:
                # Keep why it was unknown (e.g. "interrupted"): auditors want both facts.
                note = f"{entry.note}; {note}"
            sql = "UPDATE attempts SET outcome = ?, note = ?"
            params: list[Any] = [outcome.value, note]
            if receipt is not None:
                sql += _RECEIPT_SET
                params.extend(_receipt_values(receipt))
            conn.execute(sql + " WHERE id = ?", [*params, entry_id])
            return self._fetch(entry_id)

    # -- reading -----------------------------------------------------------------------

    def get(self, entry_id: int) -> HistoryEntry:
        """One row by id; ``KeyError`` if there is none."""
        with self._guard():
            return self._fetch(entry_id)

    def unresolved(self) -> list[HistoryEntry]:
        """Rows whose outcome is ``unknown``, oldest first, to check by lookup."""
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
    ) -> HistoryEntry | None:
        """The latest successful cancellation of this order (the duplicate guard).

        ``profile``/``tier_code`` narrow the search when given; None means any.
        """
        sql = f"SELECT {_COLUMNS} FROM attempts WHERE merchant_uid = ? AND outcome = ?"  # noqa: S608
        params: list[Any] = [merchant_uid, Outcome.CANCELLED.value]
        if profile is not None:
            sql += " AND profile = ?"
            params.append(profile)
        if tier_code is not None:
            sql += " AND tier_code = ?"
            params.append(tier_code)
        sql += " ORDER BY started_at DESC, id DESC LIMIT 1"
        with self._guard():
            row = self._conn.execute(sql, params).fetchone()
        return None if row is None else _entry(row)

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
        where, params = _where(flt)
        sql = f"SELECT {_COLUMNS} FROM attempts{where}{_order(order_by, descending)}"  # noqa: S608
        with self._guard():
            rows = self._conn.execute(sql + " LIMIT ? OFFSET ?", [*params, limit, offset])
            return [_entry(row) for row in rows]

    def count(self, flt: HistoryFilter = NO_FILTER) -> int:
        """How many rows the filter matches (for paging and the status line)."""
        where, params = _where(flt)
        with self._guard():
            row = self._conn.execute(f"SELECT COUNT(*) FROM attempts{where}", params).fetchone()  # noqa: S608
        return int(row[0])

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

    def _iter_entries(
        self, flt: HistoryFilter, order_by: str, descending: bool
    ) -> Generator[HistoryEntry, None, None]:
        where, params = _where(flt)
        sql = f"SELECT {_COLUMNS} FROM attempts{where}{_order(order_by, descending)}"  # noqa: S608
        with self._guard():
            # One SELECT is one snapshot: rows written meanwhile do not tear the export.
            cursor = self._conn.execute(sql, params)
            try:
                for row in cursor:
                    yield _entry(row)
            finally:
                cursor.close()  # ends the read snapshot even if the export stops early

    def export_csv(
        self,
        dest: Path,
        flt: HistoryFilter = NO_FILTER,
        *,
        order_by: str = "started_at",
        descending: bool = True,
        headers: Sequence[str] | None = None,
        outcome_labels: Mapping[Outcome, str] | None = None,
        type_labels: Mapping[str, str] | None = None,
    ) -> int:
        """Write the filtered history to ``dest`` as Excel-friendly CSV; returns the rows.

        Streams rows and replaces ``dest`` only when complete. Errors reading the history
        raise :class:`HistoryUnavailable`; errors writing ``dest`` raise ``OSError``.
        """
        _order(order_by, descending)  # refuse a bad column before creating any file
        with contextlib.closing(self._iter_entries(flt, order_by, descending)) as entries:
            return write_csv(
                Path(dest),
                entries,
                headers=headers,
                outcome_labels=outcome_labels,
                type_labels=type_labels,
            )
