"""The app always ends its API thread before the process ends, whatever a request is doing.

Run in a child process (tests/drivers/app_driver.py): what is checked is how the process
itself ends - exit status 0, no "QThread: Destroyed while thread is still running" (which
comes with an abort, status 134).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk.simulator import Fault, Simulator

DRIVER = Path(__file__).parent / "drivers" / "app_driver.py"
ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(90)]


@contextlib.contextmanager
def silent_server(*, trickle: bool = False) -> Iterator[str]:
    """A server on 127.0.0.1 that accepts connections and never answers; with ``trickle``
    it starts an answer and sends one more header byte every 0.2 s, forever (each read
    ends well within any read timeout, so only an overall deadline or an abort ends it)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def drip(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            while not stop.wait(0.2):
                conn.sendall(b"a")

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                conn = server.accept()[0]
                accepted.append(conn)
                if trickle:
                    threading.Thread(target=drip, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        for conn in accepted:
            conn.close()
        server.close()


def run_driver(mode: str, url: str, uid: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "IAMPORT_DESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, str(DRIVER), mode, url, uid],
        env=env,
        capture_output=True,
        text=True,
        timeout=80,
        check=False,
    )


def assert_clean_exit(done: subprocess.CompletedProcess[str]) -> None:
    assert "QThread: Destroyed while thread" not in done.stderr
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("trickle", [False, True], ids=["silent", "trickling"])
def test_closing_while_a_request_hangs_forever_exits_cleanly(
    isolated_home: Path, trickle: bool
) -> None:
    with silent_server(trickle=trickle) as url:
        done = run_driver("close-lookup", url, "ORDER-HANG", isolated_home)
    assert "IN-FLIGHT" in done.stdout, done.stderr
    assert_clean_exit(done)


def test_closing_while_a_delete_hangs_warns_waits_a_bounded_time_and_keeps_it_open(
    isolated_home: Path,
) -> None:
    uid = "ORDER-HANG-DELETE"
    with Simulator(seed=False) as simulator:
        # The DELETE is never answered within the test (nor processed).
        simulator.add_receipt(uid, amount=12_000, on_delete=Fault(latency=600, apply=False))
        done = run_driver("close-cancel", simulator.base_url, uid, isolated_home)
        assert simulator.count("DELETE") == 1
    assert "WARNED" in done.stdout, done.stderr
    assert_clean_exit(done)
    with contextlib.closing(sqlite3.connect(isolated_home / "data" / "history.sqlite3")) as conn:
        rows = list(conn.execute("SELECT merchant_uid, outcome FROM attempts"))
    # Not 'failed', not 'cancelled': settled by a lookup at the next start.
    assert len(rows) == 1 and rows[0][0] == uid
    assert rows[0][1] in ("pending", "unknown")
