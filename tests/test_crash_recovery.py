"""The app killed with SIGKILL while a DELETE is in flight loses nothing: the attempt is on
disk, and the next start reconciles it with the server's truth by a lookup."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.simulator import Fault, Simulator

DRIVER = Path(__file__).parent / "drivers" / "app_driver.py"
ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(90),
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def run_driver(mode: str, simulator: Simulator, uid: str, home: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "IAMPORT_DESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen(
        [sys.executable, str(DRIVER), mode, simulator.base_url, uid],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_during_delete_is_recorded_and_reconciled(isolated_home: Path) -> None:
    uid = "CRASH-0001"
    with Simulator(seed=False) as simulator:
        # The server cancels at once but answers only after 30 s: the kill lands in between.
        simulator.add_receipt(uid, amount=55_000, on_delete=Fault(latency=30, apply=True))
        child = run_driver("cancel", simulator, uid, isolated_home)
        try:
            deadline = time.monotonic() + 30
            while simulator.count("DELETE") == 0:
                assert child.poll() is None, child.stderr.read() if child.stderr else ""
                assert time.monotonic() < deadline, "the DELETE never arrived"
                time.sleep(0.05)
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
        finally:
            if child.poll() is None:
                child.kill()
            child.communicate()
        assert child.returncode == -signal.SIGKILL
        assert simulator.receipt(uid)["cancelled_at"], "the simulator should hold the truth"

        import sqlite3

        db = isolated_home / "data" / "history.sqlite3"
        with sqlite3.connect(db) as conn:
            rows = list(conn.execute("SELECT merchant_uid, outcome FROM attempts"))
        assert rows == [(uid, "pending")], "the attempt must be on disk before the DELETE"

        simulator.reset_requests()
        again = run_driver("recover", simulator, uid, isolated_home)
        out, err = again.communicate(timeout=60)
        assert again.returncode == 0, err
        entries = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        assert entries == [{"uid": uid, "outcome": "cancelled", "note": entries[0]["note"]}]
        assert "lookup" in entries[0]["note"]
        assert simulator.count("DELETE") == 0, "reconciliation must never resend the DELETE"
        assert simulator.count("GET", "/receipts/external/") == 1


# A copy that wrote its pending row and then hangs, as if waiting for PortOne's answer.
IN_FLIGHT = r"""
import sys
from pathlib import Path
from iamport_desk.history import History

h = History(Path(sys.argv[1]))
print(h.begin(profile="본점", tier_code=None, merchant_uid=sys.argv[2]), flush=True)
sys.stdin.readline()
"""


def test_a_retried_cancel_after_a_killed_copy_looks_up_instead_of_deleting(
    tmp_path: Path, qtbot: QtBot
) -> None:
    """Issue 17.1: the other copy's row is 'pending' and its process is gone; the next
    cancel of that order must ask PortOne (GET) and never send a second DELETE."""
    from iamport_desk.api import IamportClient
    from iamport_desk.history import NOTE_CONFIRMED, NOTE_INTERRUPTED, History
    from iamport_desk.jobs import CancelJob, CancelResult, GivenCredentials
    from iamport_desk.models import Credentials, Outcome
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET
    from iamport_desk.worker import ApiThread, ApiWorker

    path = tmp_path / "history.sqlite3"
    uid = "CRASH-0002"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with Simulator(seed=False) as simulator:
        simulator.add_receipt(uid, amount=33_000)
        child = subprocess.Popen(
            [sys.executable, "-c", IN_FLIGHT, str(path), uid],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert child.stdout is not None
            entry_id = int(child.stdout.readline())
            # Its DELETE reached PortOne; then the copy was killed before the answer.
            with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=simulator.base_url) as c:
                c.cancel(uid)
            child.kill()
            child.wait(30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(10)
        simulator.reset_requests()

        api = ApiThread(ApiWorker(path))  # the API thread as the app runs it
        credentials = Credentials(DEMO_IMP_KEY, DEMO_IMP_SECRET, api_base=simulator.base_url)
        try:
            with qtbot.waitSignal(api.finished, timeout=30_000) as blocker:
                api.submit(CancelJob(GivenCredentials(credentials), "본점", uid))
        finally:
            api.stop()
        result = blocker.args[1]  # finished(job id, typed result)
        assert isinstance(result, CancelResult)

        assert simulator.count("DELETE") == 0, "a second DELETE was sent"
        assert simulator.count("GET", "/receipts/external/") == 1
    assert result.error is None and result.already_cancelled is not None
    with History(path) as h:
        entry = h.get(entry_id)
    assert entry.outcome is Outcome.CANCELLED
    assert entry.note == f"{NOTE_INTERRUPTED}; {NOTE_CONFIRMED}"
