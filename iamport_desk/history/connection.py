"""Opening the history's SQLite connection, and the guard that maps its errors.

The file is checked (:mod:`.schema`) before SQLite opens it, the version is read again
before the journal mode changes, and the migration runs under the write lock.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from iamport_desk.history import schema
from iamport_desk.history.unavailable import HistoryUnavailable, reason_for

log = logging.getLogger(__name__)


@contextlib.contextmanager
def guard(path: Path) -> Iterator[None]:
    """Map storage errors to HistoryUnavailable; programming errors pass through."""
    try:
        yield
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.IntegrityError):
        raise
    except (sqlite3.Error, OSError) as exc:
        reason = reason_for(exc, path)
        log.warning("history unavailable (%s): %s", reason, exc)
        raise HistoryUnavailable(reason) from exc


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
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


def known_marker(path: Path) -> Path:
    """Says "a history existed here", so a 0-byte file at ``path`` is a lost one."""
    return path.parent / "instances" / f"known-{path.name}"


def open_connection(path: Path, *, busy_timeout_ms: int, wal: bool) -> sqlite3.Connection:
    """A configured, migrated connection to the history at ``path``."""
    known = known_marker(path)
    with guard(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            schema.check_existing(path, history_was_here=known.exists())
        else:
            schema.create_new(path)
        schema.make_private(path)
        conn = sqlite3.connect(
            path,
            timeout=busy_timeout_ms / 1000,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=True,
        )
    # Switching the journal and migrating need the file to themselves. When two copies
    # start at once SQLite may answer SQLITE_BUSY at once instead of waiting (to
    # avoid a deadlock), so the whole step is retried until the busy timeout.
    deadline = time.monotonic() + busy_timeout_ms / 1000
    try:
        with guard(path):
            while True:
                try:
                    _configure(conn, busy_timeout_ms=busy_timeout_ms, wal=wal)
                    break
                except sqlite3.OperationalError as exc:
                    locked = reason_for(exc, path) == "locked"
                    if not locked or time.monotonic() >= deadline:
                        raise
                time.sleep(0.02)
            schema.make_private(path)  # the -wal and -shm SQLite just made
            with contextlib.suppress(OSError):
                known.parent.mkdir(exist_ok=True)
                known.touch(mode=schema.PRIVATE_MODE)
    except BaseException:
        conn.close()
        raise
    return conn


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _configure(conn: sqlite3.Connection, *, busy_timeout_ms: int, wal: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    # Before anything changes the file: a newer version's file is left as it is.
    schema.check_version(_version(conn))
    wanted = "wal" if wal else "delete"
    mode = conn.execute(f"PRAGMA journal_mode = {wanted.upper()}").fetchone()[0]
    if str(mode).lower() != wanted:
        log.warning("history journal is %s, not %s", mode, wanted)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA fullfsync = ON")  # macOS: a real flush to the platter
    conn.execute("PRAGMA checkpoint_fullfsync = ON")
    if _version(conn) != schema.SCHEMA_VERSION:
        with transaction(conn):
            # Read again under the write lock: another copy may have migrated meanwhile.
            schema.migrate(conn, schema.check_version(_version(conn)))
    schema.register_functions(conn)
