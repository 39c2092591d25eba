"""Small Qt helpers shared by the in-process benchmarks (window_bench, history_bench)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def until(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> float:
    """Run an event loop (as app.exec() would) until ``done()`` is true after events were
    processed; returns ``time.perf_counter()`` at that moment."""
    return until_idle(app, done, timeout)


def spin(app: QApplication, seconds: float) -> None:
    """Run an event loop for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class _Idle(QObject):
    """One connection to the dispatcher's ``aboutToBlock``, made once and never undone:
    in PySide6 6.12, ``Signal.disconnect()`` drops a reference to ``True`` each time it
    is called, and the interpreter aborts at exit once enough of them were dropped."""

    _instance: _Idle | None = None

    def __init__(self) -> None:
        super().__init__()
        self.check: Callable[[], None] | None = None
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        dispatcher.aboutToBlock.connect(self.on_about_to_block)

    def on_about_to_block(self) -> None:
        if self.check is not None:
            self.check()

    @classmethod
    def get(cls) -> _Idle:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance


def until_idle(_app: QApplication, ready: Callable[[], bool], timeout: float = 60.0) -> float:
    """Run an event loop until it runs out of work while ``ready()`` is true; returns
    ``time.perf_counter()`` at that moment (the dispatcher's ``aboutToBlock``, emitted
    whenever the loop has nothing left to do, so this costs nothing while it waits)."""
    idle = _Idle.get()
    loop = QEventLoop()
    found: list[float] = []

    def check() -> None:
        if not found and ready():
            found.append(time.perf_counter())
            loop.quit()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(int(timeout * 1000))
    idle.check = check
    try:
        loop.exec()
    finally:
        idle.check = None
        guard.stop()
    if not found:
        raise TimeoutError("the event loop never went idle with the condition met")
    return found[0]


class PaintSpy(QObject):
    """Notes when one widget is painted (a filter on that widget only: cheap)."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.last = 0.0
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.last = time.perf_counter()
        return False


class SimProcess:
    """``sim_server.py`` in a child process (see its docstring for the protocol)."""

    def __init__(self, latency: float, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "sim_server.py"), "--latency", str(latency)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://"):
            raise RuntimeError(f"the simulator did not start: {self.url!r}")

    def cmd(self, line: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        if answer.startswith("error"):
            raise RuntimeError(answer)
        return answer

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.cmd("quit")
                self.proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired, RuntimeError):
                self.proc.kill()
                self.proc.wait()
