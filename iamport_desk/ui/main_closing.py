"""Closing the main window: never walking away from a cancellation in flight, then stopping.

A DELETE in flight is waited for (at most ``MainWindow.CLOSE_WAIT_MS``) so that its outcome
is recorded; after that the history keeps it as 'pending' and the next start settles it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from iamport_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class MainCloser(QObject):
    """Decides whether the main window may close now; shuts it down when it does.

    No signals. ``requested``: the clerk asked to close while a cancellation was in flight;
    ``closing``: the window is closing or detached, and its jobs' answers are ignored.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.requested = False
        self.waited = False  # the bounded wait for a DELETE in flight is over
        self.closing = False
        self.close_timer = QTimer(self)
        self.close_timer.setSingleShot(True)
        self.close_timer.timeout.connect(self.on_close_timer_timeout)

    @property
    def _window(self) -> MainWindow:
        # The window is this object's Qt parent; no Python reference back to it, so a
        # window given up by deleteLater() is freed with its wrapper (no reference cycle).
        return cast("MainWindow", self.parent())

    def may_close(self) -> bool:
        """Called by the window's closeEvent: False while a cancellation's outcome is awaited."""
        window = self._window
        if window.running_kind == "cancel" and not self.waited:
            if not self.requested:
                self.requested = True
                self.close_timer.start(window.CLOSE_WAIT_MS)
                QMessageBox.information(
                    window,
                    QCoreApplication.translate("MainWindow", "Cancellation in progress"),
                    QCoreApplication.translate(
                        "MainWindow",
                        "A cancellation is being sent to PortOne. The window will close as soon "
                        "as its outcome is known and recorded.",
                    ),
                )
            window.show_message(
                QCoreApplication.translate(
                    "MainWindow", "Waiting for the cancellation's outcome before closing..."
                )
            )
            return False
        if not self.closing:
            self.closing = True
            self._shut_down()
        return True

    def _shut_down(self) -> None:
        window = self._window
        window.reconcile_timer.stop()
        if window.history_window is not None:
            window.history_window.close()
        self.close_timer.stop()
        geometry = window.saveGeometry().toBase64().toStdString()
        profiles = window.profiles
        window.service.write_settings(
            "window geometry", lambda: profiles.set_window_geometry(geometry)
        )
        window.hide()
        # Not waiting here: a lookup in flight is abandoned (its answer is ignored);
        # the thread ends after it, and the app waits for that only at exit.
        window.service.request_stop()

    @Slot()
    def on_close_timer_timeout(self) -> None:
        if self.requested and not self.closing:
            log.warning("closing while a cancellation is still in flight; it stays 'pending'")
            self.waited = True
            self._window.close()
