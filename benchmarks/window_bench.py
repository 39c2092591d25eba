"""Responsiveness, round trips and overhead of the real main window.

    python benchmarks/window_bench.py [--runs 5] [--latency 1.0]

Builds the window as the tests do (real ApiThread/ApiWorker, real history file, the
confirmation dialog replaced by ``confirm=lambda *_: True``), against the simulator in a
child process (``sim_server.py``) that answers receipt calls after ``--latency`` seconds.
Prints one line ``BENCH {json}`` with the raw numbers; ``run.py`` makes the table.

Per run: a new receipt is added at the simulator, looked up with the Look up button,
then cancelled with the cancel button. Meanwhile a 5 ms PreciseTimer ticks on the GUI
thread; the longest gap between ticks around each operation is its freeze. Then the
same timer is watched for as long as an operation takes with nothing running (``idle_gap``):
the gaps the machine itself causes (other processes taking the CPU), for comparison.

Baseline for the overhead: the same GET and DELETE with a bare ``httpx.Client`` (kept
alive, token fetched once) against the same simulator, same latency.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from qt_helpers import SimProcess, spin, until

DEMO_UID = "ORDER-20261125-0001"


def max_gap(ticks: list[float], start: float, end: float) -> float:
    """The longest interval between consecutive ticks that overlaps [start, end]."""
    gap = 0.0
    for before, after in itertools.pairwise(ticks):
        if after >= start and before <= end:
            gap = max(gap, after - before)
    return gap


def bare_httpx(url: str, runs: int, sim: SimProcess) -> tuple[list[float], list[float]]:
    import httpx

    from iamport_desk.api import receipt_path
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET

    gets: list[float] = []
    deletes: list[float] = []
    with httpx.Client(base_url=url) as client:
        answer = client.post("/users/getToken",
                             json={"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET})
        headers = {"Authorization": f"Bearer {answer.json()['response']['access_token']}"}
        client.get(receipt_path(DEMO_UID), headers=headers).json()  # connection warm
        for i in range(runs):
            start = time.perf_counter()
            response = client.get(receipt_path(DEMO_UID), headers=headers)
            response.json()
            gets.append(time.perf_counter() - start)
            assert response.status_code == 200, response.text
            uid = f"BENCH-BARE-{i:03d}"
            sim.cmd(f"add {uid} 11000")
            start = time.perf_counter()
            response = client.delete(receipt_path(uid), headers=headers)
            response.json()
            deletes.append(time.perf_counter() - start)
            assert response.status_code == 200, response.text
    return gets, deletes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=1.0)
    args = parser.parse_args()

    sim = SimProcess(args.latency)
    try:
        bare_get, bare_delete = bare_httpx(sim.url, args.runs, sim)
        result = {"latency": args.latency, "bare_get": bare_get, "bare_delete": bare_delete}
        result.update(measure_window(sim, args.runs, args.latency))
    finally:
        sim.close()
    print("BENCH " + json.dumps(result), flush=True)
    return 0


def measure_window(sim: SimProcess, runs: int, latency: float
                   ) -> dict[str, list[float] | list[int]]:
    import keyring.backends.fail
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from iamport_desk.credentials import ProfileStore, SecretStore
    from iamport_desk.models import Profile
    from iamport_desk.paths import AppPaths
    from iamport_desk.service import DeskService
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET
    from iamport_desk.ui.main_window import MainWindow
    from iamport_desk.worker import ApiThread, ApiWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    tmp = tempfile.TemporaryDirectory(prefix="iamport-bench-")
    paths = AppPaths.under(Path(tmp.name))
    paths.ensure()
    # A failing keychain: the secret is kept in memory for the session (no real keychain).
    profiles = ProfileStore(paths.settings_file, SecretStore(keyring.backends.fail.Keyring()))
    profiles.save_profile(Profile("강남점", DEMO_IMP_KEY), DEMO_IMP_SECRET)
    api = DeskService(ApiThread(ApiWorker(paths.history_db)))
    window = MainWindow(api, profiles, paths, confirm=lambda *_: True,
                        open_credentials=lambda *_: False, api_base_override=sim.url)
    window.show()

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    shown: list[float] = []
    window.receipt_shown.connect(lambda _receipt: shown.append(time.perf_counter()))
    busy = {"value": False}

    def on_busy(value: str) -> None:
        busy["value"] = bool(value)

    window.busy_changed.connect(on_busy)

    def operate(click: object) -> tuple[float, float, float]:
        """Click, wait until not busy; returns (click time, receipt shown, end)."""
        spin(app, 0.03)  # a few ticks before the click, after any pipe traffic
        shown.clear()
        start = time.perf_counter()
        click()  # type: ignore[operator]
        until(app, lambda: not busy["value"])
        end = time.perf_counter()
        if not shown:
            raise RuntimeError(f"no receipt was shown: {window.message.text()!r}")
        return start, shown[0], end

    result: dict[str, list[float] | list[int]] = {
        "lookup_gap": [], "cancel_gap": [], "round_trips": [], "ours_lookup": [],
        "ours_cancel": [], "idle_gap": []}
    try:
        spin(app, 0.3)  # the start-up job (history) settles
        timer.start()
        window.order_edit.setText(DEMO_UID)  # warm-up: token fetched, connection opened
        operate(window.lookup_button.click)
        for i in range(runs):
            uid = f"BENCH-{i:03d}"
            sim.cmd(f"add {uid} 22000")
            window.order_edit.setText(uid)
            start, at, end = operate(window.lookup_button.click)
            result["ours_lookup"].append(at - start)  # type: ignore[arg-type]
            result["lookup_gap"].append(max_gap(ticks, start, end))  # type: ignore[arg-type]
            if not window.cancel_button.isEnabled():
                raise RuntimeError(f"cannot cancel {uid}: {window.message.text()!r}")
            sim.cmd("reset")
            start, at, end = operate(window.cancel_button.click)
            result["round_trips"].append(int(sim.cmd("count")))  # type: ignore[arg-type]
            result["ours_cancel"].append(at - start)  # type: ignore[arg-type]
            result["cancel_gap"].append(max_gap(ticks, start, end))  # type: ignore[arg-type]
            start = time.perf_counter()
            spin(app, latency + 0.03)  # as long as an operation, with nothing to do
            end = time.perf_counter()
            result["idle_gap"].append(max_gap(ticks, start, end))  # type: ignore[arg-type]
            ticks[:] = ticks[-1:]
    finally:
        timer.stop()
        window.close()
        api.stop()
        tmp.cleanup()
    return result


if __name__ == "__main__":
    sys.exit(main())
