"""The benchmark command still runs and prints its whole table (no timing is checked)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ROWS = (
    "Start-up (window shown, idle)",
    "Heavy imports before window shows",
    "Responsiveness (longest GUI gap)",
    "Round trips after confirm",
    "Overhead: lookup click to receipt",
    "Overhead: cancel click to receipt",
    "History: open, first time",
    "History: open (",
    "History: search by order number",
    "History: CSV export (",
    "Memory: peak RSS after start-up",
    "Frozen start-up",
)


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_quick_run_prints_every_row() -> None:
    env = dict(os.environ)
    env.pop("IAMPORT_DESK_HOME", None)  # the benchmark makes its own app folders
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--startup-runs",
            "1",
            "--runs",
            "1",
            "--latency",
            "0.05",
            "--history-rows",
            "600",
            "--export-rows",
            "200",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=230,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("metric "))
    assert lines[header].split()[:3] == ["metric", "ours", "baseline"]
    table = lines[header + 2 :]
    for row in ROWS:
        found = [line for line in table if line.startswith(row)]
        assert found, f"no row {row!r} in:\n{proc.stdout}"
        assert found[0].rstrip().endswith(("pass", "MISS", "skipped (no bundle)")), found[0]
    assert "skipped (no bundle)" in next(line for line in table if line.startswith("Frozen"))
    # The start-up split names all three programs, each with a measured time.
    split = next(line for line in lines if line.startswith("Where start-up goes"))
    assert "bare window" in split and "same_shape_window.py" in split and "the app" in split
    assert len(re.findall(r"\d+ ms / \d+ ms / \d+\.\d MiB", split)) == 3, split
    assert any(
        line.strip().startswith("our own code over the same-shape window: ") for line in lines
    ), proc.stdout
