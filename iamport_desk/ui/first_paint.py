"""Run something once a window's first frame is on screen.

Work that the first screen does not wait for (the history's first read on the API thread)
would otherwise compete with the first paint for the GIL: started at construction it made
the window appear 20-30 % later (benchmarks/README.md, "Issue 18, first frame first").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (hidden, or started minimised) still gets its work done.
FALLBACK_MS = 500


class _FirstPaint(QObject):
    """Watches the window's events until its first paint, then calls back once."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # After this event: the frame being painted is flushed to the screen first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._window.removeEventFilter(self)
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` on the GUI thread once, right after ``window`` is first painted
    (or after ``FALLBACK_MS`` if it is not painted by then)."""
    _FirstPaint(window, callback)


__all__ = ["FALLBACK_MS", "after_first_paint"]
