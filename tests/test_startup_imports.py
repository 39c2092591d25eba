"""Issue 18: nothing is imported before the first paint that the first screen does not show.

The first screen is the main window; while it is painted the API thread opens the history
and recovers interrupted attempts (the start-up job). Neither needs these modules, which
cost start-up time and resident memory (``secrets`` loads hashlib and OpenSSL's libcrypto,
about 3.4 MiB; ``uuid`` and ``ctypes`` about 4 and 3 ms). Measured by
``benchmarks/run.py``; this test keeps them out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# What the first screen and the start-up job run, in a fresh interpreter.
_START_UP = """
import json, sys
from pathlib import Path
import iamport_desk.app, iamport_desk.service, iamport_desk.worker
import iamport_desk.ui.main_window
from iamport_desk.history import History

with History(Path(sys.argv[1]) / "history.sqlite3") as history:
    history.recover_interrupted()
    history.recent(20)
    history.unresolved()
print(json.dumps(sorted(sys.modules)))
"""

NOT_BEFORE_THE_FIRST_PAINT = [
    "_hashlib",
    "hmac",
    "secrets",
    "uuid",
    # The confirmation's renderer: loaded at the first PDF or print, not with the window.
    "segno",
    "PySide6.QtPrintSupport",
    "iamport_desk.ui.confirmation",
    # Windows the first screen does not show.
    "iamport_desk.ui.history_window",
    "iamport_desk.ui.reissue_dialog",
    "iamport_desk.ui.credentials_dialog",
    # Dialogs of a click or of a bug: the question before a cancellation, the apology.
    "iamport_desk.ui.confirm_dialog",
    "iamport_desk.ui.cancel_reason_box",
    "iamport_desk.ui.error_dialog",
    # The demo's practice orders and banner: a real start has neither.
    "iamport_desk.ui.practice_orders",
]
if sys.platform.startswith("linux"):
    # Windows names the clerk's account and macOS asks statfs through ctypes.
    NOT_BEFORE_THE_FIRST_PAINT.append("ctypes")


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_first_screen_and_start_up_job_import_nothing_they_do_not_use(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _START_UP, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    loaded = set(json.loads(proc.stdout.splitlines()[-1]))
    assert "iamport_desk.history.schema" in loaded  # the history was really created
    assert [name for name in NOT_BEFORE_THE_FIRST_PAINT if name in loaded] == []


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_the_real_start_shows_its_window_without_them(tmp_path: Path) -> None:
    """``app.main()`` itself, through the benchmark's probe: what is loaded when the main
    window is first shown and idle."""
    root = Path(__file__).resolve().parent.parent
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    proc = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "startup_probe.py"), "app"],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    [line] = [text for text in proc.stdout.splitlines() if text.startswith("BENCH ")]
    shown = json.loads(line.removeprefix("BENCH "))["at_show"]
    assert "iamport_desk.ui.main_window" in shown["ours"]  # the window really was built
    assert [name for name in NOT_BEFORE_THE_FIRST_PAINT if name in shown["ours"]] == []
