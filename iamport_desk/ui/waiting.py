"""Waiting for PortOne: after a few seconds the window says so; Esc stops waiting for a lookup.

A cancellation cannot be stopped: once the DELETE is sent, only a lookup can tell what
happened, so the window says that instead and lets it run to its answer or its deadline (an
unknown outcome, settled by a lookup later).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QShortcut

from iamport_desk.ui import shortcuts

if TYPE_CHECKING:
    from iamport_desk.ui.main_window import MainWindow


class WaitingNotice(QObject):
    """The main window's patience: a timer started by its ``busy_changed`` and the Esc key.

    No signals of its own. Holds no Python reference to the window (its Qt parent).
    """

    STILL_WAITING_MS = 4_000

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.timer = QTimer(self, singleShot=True, interval=self.STILL_WAITING_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.escape = QShortcut(shortcuts.STOP_WAITING.sequence(), window)
        self.escape.activated.connect(self.on_escape_activated)
        window.busy_changed.connect(self.on_window_busy_changed)

    @property
    def _window(self) -> MainWindow:
        return cast("MainWindow", self.parent())

    @Slot(str)
    def on_window_busy_changed(self, kind: str) -> None:
        if kind in ("lookup", "cancel"):
            self.timer.start()
        else:
            self.timer.stop()

    @Slot()
    def on_timer_timeout(self) -> None:
        window = self._window
        if window.running_kind == "lookup":
            window.show_message(
                QCoreApplication.translate(
                    "MainWindow",
                    "Still waiting for PortOne's answer. Nothing has changed; press Esc to "
                    "stop waiting, or wait a little longer.",
                )
            )
        elif window.running_kind == "cancel":
            window.show_message(
                QCoreApplication.translate(
                    "MainWindow",
                    "Still waiting for PortOne's answer to the cancellation. It cannot be "
                    "stopped now that it was sent: wait for the answer. If none comes, the "
                    "attempt is recorded as unknown and checked by a lookup.",
                ),
                warning=True,
            )

    @Slot()
    def on_escape_activated(self) -> None:
        window = self._window
        if window.running_kind != "lookup" or window.current_job is None:
            return
        if not window.service.abandon_lookup():
            return
        # Its answer, when it comes, is no one's any more.
        window.current_job.done.disconnect()
        window.set_busy(None)
        window.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "Stopped waiting for the lookup. Nothing was changed. Look the order number "
                "up again when the network is back.",
            )
        )
        window.focus_order()
