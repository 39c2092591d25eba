"""Two copies of the app on one history file: real processes, not threads."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from iamport_desk.history import NOTE_INTERRUPTED, History
from iamport_desk.models import Outcome

REPO = Path(__file__).resolve().parents[1]
CYCLES = 200

# Waits for a line on stdin so that both copies open and write at the same moment
# (the file does not exist yet: creating it is part of the race).
WRITER = r"""
import json, sys
from pathlib import Path
from iamport_desk.history import History
from iamport_desk.models import Outcome

path, tag, cycles = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
ids = []
with History(path, operator=tag) as h:
    for i in range(cycles):
        entry_id = h.begin(profile=tag, tier_code=None, merchant_uid=f"{tag}-{i}")
        h.finish(entry_id, Outcome.CANCELLED, http_status=200, code=0)
        ids.append(entry_id)
print(json.dumps(ids), flush=True)
"""

# Begins an attempt and then hangs, like a copy of the app waiting for PortOne.
IN_FLIGHT = r"""
import sys
from pathlib import Path
from iamport_desk.history import History

with History(Path(sys.argv[1])) as h:
    print(h.begin(profile="other", tier_code=None, merchant_uid="IN-FLIGHT"), flush=True)
    sys.stdin.readline()
"""


# Opens each path it is sent (all copies get it at once), writes one row, says "ok".
OPENER = r"""
import sys
from pathlib import Path
from iamport_desk.history import History, HistoryUnavailable

print("ready", flush=True)
for line in sys.stdin:
    try:
        with History(Path(line.strip())) as h:
            h.begin(profile="p", tier_code=None, merchant_uid="X")
        print("ok", flush=True)
    except HistoryUnavailable as exc:
        print(f"failed: {exc.reason}", flush=True)
"""


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "history.sqlite3"
    procs = [spawn(WRITER, str(path), tag, str(CYCLES)) for tag in ("A", "B")]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [proc.communicate(timeout=100) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    returned = [json.loads(out.strip().splitlines()[-1]) for out, _err in results]

    with History(path) as h:
        entries = h.query(limit=10_000)
    assert len(entries) == 2 * CYCLES
    assert {e.outcome for e in entries} == {Outcome.CANCELLED}
    assert all(e.ended_at is not None for e in entries)
    stored = [e.id for e in entries]
    assert len(set(stored)) == len(stored)
    assert sorted(returned[0] + returned[1]) == sorted(stored)
    for tag, ids in zip(("A", "B"), returned, strict=True):
        mine = sorted((e for e in entries if e.id in set(ids)), key=lambda e: e.id)
        assert [e.merchant_uid for e in mine] == [f"{tag}-{i}" for i in range(CYCLES)]
        assert {e.operator for e in mine} == {tag}
    # Interleaving is not asserted: with the busy handler's back-off one copy may well
    # get all its writes in first, which is correct behaviour, not a failure.
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_copies_starting_together_create_the_file_once(tmp_path: Path) -> None:
    # Switching a new file to WAL races: SQLite may answer BUSY without waiting.
    copies, rounds = 6, 8
    procs = [spawn(OPENER) for _ in range(copies)]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        for n in range(rounds):
            path = tmp_path / f"new-{n}" / "history.sqlite3"
            for proc in procs:
                assert proc.stdin is not None
                proc.stdin.write(f"{path}\n")
                proc.stdin.flush()
            answers = [proc.stdout.readline().strip() for proc in procs if proc.stdout]
            assert answers == ["ok"] * copies, answers
            with History(path) as h:
                assert h.count() == copies
    finally:
        for proc in procs:
            proc.kill()
            proc.wait(10)


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_recovery_spares_a_running_copy_until_it_dies(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    other = spawn(IN_FLIGHT, str(path))
    try:
        assert other.stdout is not None
        entry_id = int(other.stdout.readline())
        with History(path) as h:
            assert h.recover_interrupted() == 0
            assert h.get(entry_id).outcome is Outcome.PENDING
            other.kill()  # a crash: the row is never finished
            other.wait(30)
            assert h.recover_interrupted() == 1
            entry = h.get(entry_id)
            assert (entry.outcome, entry.note) == (Outcome.UNKNOWN, NOTE_INTERRUPTED)
    finally:
        if other.poll() is None:
            other.kill()
            other.wait(10)


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_a_killed_copys_row_is_unknown_at_the_next_read(tmp_path: Path) -> None:
    """No start-up recovery: the duplicate guard's own read (unresolved) sees it at once."""
    path = tmp_path / "history.sqlite3"
    with History(path) as h:
        other = spawn(IN_FLIGHT, str(path))
        try:
            assert other.stdout is not None
            entry_id = int(other.stdout.readline())
            assert h.unresolved() == []
            other.kill()
            other.wait(30)
            assert [e.id for e in h.unresolved()] == [entry_id]
            assert h.get(entry_id).note == NOTE_INTERRUPTED
        finally:
            if other.poll() is None:
                other.kill()
                other.wait(10)
