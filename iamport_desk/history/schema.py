"""The history file's schema, its migrations, and the checks made before anything in it changes.

* ``PRAGMA user_version`` is the schema version; migrations run in one transaction.
* A new file is built complete under a temporary name (readable by the user only) and then
  linked into place, so a file at the history's path always has a header: a 0-byte or
  headerless file there means a history was lost, and it is set aside (renamed with a
  timestamp, with its -wal and -shm) and reported, never reused as a new empty history.
* The version is read from the file's header before SQLite opens it, and again before the
  switch to WAL: a file from a newer version is refused untouched.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from iamport_desk.history import notes
from iamport_desk.history.unavailable import HistoryUnavailable
from iamport_desk.rules import order_key

log = logging.getLogger(__name__)

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
    "ALTER TABLE attempts ADD COLUMN host TEXT",
    "ALTER TABLE attempts ADD COLUMN boot_id TEXT",
    "ALTER TABLE attempts ADD COLUMN proc_start TEXT",
    "CREATE INDEX attempts_started_at ON attempts (started_at, id, merchant_uid)",
    "CREATE INDEX attempts_merchant_uid ON attempts (merchant_uid)",
    "CREATE INDEX attempts_outcome ON attempts (outcome, started_at)",
    "CREATE INDEX attempts_profile ON attempts (profile, started_at)",
)

# Version 3: the running copy's instance id (its lock file) replaces pid/boot/host for
# crash recovery; order_key (NFC) is what searches and the duplicate guard compare; notes
# become codes. pid/host/boot_id/proc_start stay as written, for the record.
_SCHEMA_V3: Final = (
    "ALTER TABLE attempts ADD COLUMN instance_id TEXT",
    "ALTER TABLE attempts ADD COLUMN order_key TEXT",
    "UPDATE attempts SET order_key = iamport_order_key(merchant_uid)",
    "UPDATE attempts SET note = iamport_note_code(note, outcome, http_status) "
    "WHERE note IS NOT NULL",
    # The search reads only this index (in display order) until a page is full.
    "DROP INDEX attempts_started_at",
    "DROP INDEX attempts_merchant_uid",
    "CREATE INDEX attempts_started_at ON attempts (started_at, id, order_key)",
    "CREATE INDEX attempts_order_key ON attempts (order_key, started_at)",
)

# Version 4 (issues 14-16): why a receipt was cancelled; where the receipt fields came
# from (a failed or unknown row keeps what the lookup showed) and the original issue
# time; issue rows (action "issue") linked both ways to the cancellation they correct,
# with the customer's identifier masked; the store's API and V2's Idempotency-Key and
# typed error. Older rows read NULL ("not recorded"), except action and api: every
# row before this version was a V1 cancellation.
_SCHEMA_V4: Final = (
    "ALTER TABLE attempts ADD COLUMN action TEXT NOT NULL DEFAULT 'cancel'",
    "ALTER TABLE attempts ADD COLUMN reason INTEGER",
    "ALTER TABLE attempts ADD COLUMN reason_note TEXT",
    "ALTER TABLE attempts ADD COLUMN receipt_source TEXT",
    "ALTER TABLE attempts ADD COLUMN applied_at INTEGER",
    "ALTER TABLE attempts ADD COLUMN corrects_id INTEGER",
    "ALTER TABLE attempts ADD COLUMN corrected_by INTEGER",
    "ALTER TABLE attempts ADD COLUMN identifier_masked TEXT",
    "ALTER TABLE attempts ADD COLUMN api TEXT NOT NULL DEFAULT 'v1'",
    "ALTER TABLE attempts ADD COLUMN idempotency_key TEXT",
    "ALTER TABLE attempts ADD COLUMN error_type TEXT",
    "ALTER TABLE attempts ADD COLUMN pg_code TEXT",
    "ALTER TABLE attempts ADD COLUMN pg_message TEXT",
    # The filter by action reads in display order, like the one by outcome; it also
    # finds a cancellation's corrections among the (few) issue rows. No partial index on
    # corrects_id: while it is empty, SQLite 3.40's PRAGMA optimize re-analyses the whole
    # table at every close (+300 ms on a million rows).
    "CREATE INDEX attempts_action ON attempts (action, started_at)",
)

MIGRATIONS: Final = (_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3, _SCHEMA_V4)  # [n] takes version n to n + 1
SCHEMA_VERSION: Final = len(MIGRATIONS)

_MAGIC: Final = b"SQLite format 3\x00"
_HEADER_SIZE: Final = 100
_USER_VERSION_AT: Final = 60  # big-endian signed 32-bit, see sqlite.org/fileformat.html
_SIDE_FILES: Final = ("-wal", "-shm", "-journal")
PRIVATE_MODE: Final = 0o600


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the migrations use."""
    conn.create_function("iamport_order_key", 1, order_key, deterministic=True)
    conn.create_function("iamport_note_code", 3, notes.legacy_to_code, deterministic=True)


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Run every migration after ``version`` (inside the caller's transaction)."""
    if version == 0:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attempts'"
        ).fetchone()
        if exists:
            raise HistoryUnavailable(
                "corrupt", "The history file has no version and cannot be used."
            )
    register_functions(conn)
    for step in MIGRATIONS[version:]:
        for statement in step:
            conn.execute(statement)
    if not has_search_index(conn):
        add_search_index(conn)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    if version != SCHEMA_VERSION:
        log.info("history schema migrated from %d to %d", version, SCHEMA_VERSION)


# The order-number search index: FTS5 trigrams answer "contains" (LIKE '%x%') from an
# index instead of reading every row. Kept outside the versioned migrations: an SQLite
# built without FTS5 still opens the history (searches then read the table).
_SEARCH_INDEX: Final = (
    "CREATE VIRTUAL TABLE attempts_search USING fts5(order_key, content='attempts', "
    "content_rowid='id', tokenize='trigram', detail='none')",
    "CREATE TRIGGER attempts_search_insert AFTER INSERT ON attempts BEGIN "
    "INSERT INTO attempts_search(rowid, order_key) VALUES (new.id, new.order_key); END",
    "CREATE TRIGGER attempts_search_update AFTER UPDATE OF order_key ON attempts BEGIN "
    "INSERT INTO attempts_search(attempts_search, rowid, order_key) "
    "VALUES ('delete', old.id, old.order_key); "
    "INSERT INTO attempts_search(rowid, order_key) VALUES (new.id, new.order_key); END",
    "INSERT INTO attempts_search(attempts_search) VALUES ('rebuild')",
)


def has_search_index(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attempts_search'"
    ).fetchone()
    return found is not None


def add_search_index(conn: sqlite3.Connection) -> None:
    """Create and fill the search index (inside the caller's transaction), if FTS5 exists."""
    conn.execute("SAVEPOINT search_index")
    try:
        for statement in _SEARCH_INDEX:
            conn.execute(statement)
    except sqlite3.OperationalError as exc:
        conn.execute("ROLLBACK TO search_index")
        log.warning("no order-number search index (%s); searches read the table", exc)
    conn.execute("RELEASE search_index")


def check_version(version: int) -> int:
    if version > SCHEMA_VERSION:
        raise HistoryUnavailable("newer")
    if version < 0:
        raise HistoryUnavailable("corrupt")
    return version


def set_aside(path: Path, why: str, clock: Callable[[], float] = time.time) -> Path:
    """Rename ``path`` (and its -wal/-shm/-journal) out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(clock()))
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
    os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    log.warning("the history file was %s; it was set aside as %s", why, target.name)
    return target


def check_existing(path: Path, *, history_was_here: bool) -> None:
    """Refuse a file at ``path`` that is not a usable history, before SQLite touches it.

    Raises HistoryUnavailable "emptied" (0 bytes where a history was) or "corrupt" (no
    SQLite header), both after setting the file aside, or "newer" (left as it is). A
    0-byte file with a journal beside it is another program's database being written:
    SQLite itself decides (it waits or reports it locked).
    """
    with open(path, "rb") as fh:
        header = fh.read(_HEADER_SIZE)
    if not header:
        in_use = any(path.with_name(path.name + s).exists() for s in _SIDE_FILES)
        if history_was_here and not in_use:
            set_aside(path, "emptied")
            raise HistoryUnavailable("emptied")
        return
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        set_aside(path, "damaged")
        raise HistoryUnavailable("corrupt")
    at = _USER_VERSION_AT
    check_version(int.from_bytes(header[at : at + 4], "big", signed=True))


def make_private(path: Path) -> None:
    """Readable by the user only (POSIX). Windows: the profile folder's ACL already is."""
    if os.name != "posix":
        return
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(PRIVATE_MODE)


def create_new(path: Path) -> None:
    """Build a complete, empty history beside ``path`` and link it into place.

    If another copy created the file meanwhile, theirs is kept (both are empty).
    """
    # os.urandom, not secrets.token_hex (the same bytes): see history_export._create_temp.
    tmp = path.with_name(f".{path.name}.new-{os.urandom(4).hex()}")
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    os.close(os.open(tmp, flags, PRIVATE_MODE))
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("BEGIN IMMEDIATE")
            migrate(conn, 0)
            conn.execute("COMMIT")
        finally:
            conn.close()
        _place(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _place(tmp: Path, path: Path) -> None:
    try:
        # A hard link never replaces an existing file (two copies starting at once).
        os.link(tmp, path)
        return
    except FileExistsError:
        return
    except OSError:
        pass  # file systems without hard links (FAT, some shares)
    # os.rename refuses an existing target on Windows; on POSIX check just before.
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.rename(tmp, path)
