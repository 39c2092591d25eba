"""What the main window shows about one receipt, kept true as the history changes (issue 13).

The status line speaks of the receipt shown: it is cleared when another order number is typed
or picked. After a cancellation whose outcome is unknown the receipt stays shown, marked as
unknown with the time of the next automatic check and its key, and may not be cancelled
again; when a lookup, the automatic check or the history window settles that attempt
(``DeskService.history_changed``), the mark and the sentence change with it.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject

from iamport_desk.formatting import elide, format_kst, isolate
from iamport_desk.models import HistoryEntry, Outcome, Receipt
from iamport_desk.ui import shortcuts

if TYPE_CHECKING:
    from iamport_desk.ui.main_window import MainWindow


class ShownReceipt(QObject):
    """The unknown attempt of the receipt shown, if any, and whether the status line speaks
    of an order. No signals of its own.

    ``refused``: PortOne said the receipt shown can never be cancelled through it.
    ``unknown_id``: the history id of the cancellation with an unknown outcome that the
    receipt shown was sent (None when there is none); ``speaks_of_order``: the status line
    holds a job's result about the order number shown or typed.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.unknown_id: int | None = None
        self.refused = False  # PortOne cannot cancel it at all: nothing left to press
        self.speaks_of_order = False

    @property
    def _window(self) -> MainWindow:
        # The window is this object's Qt parent; no Python reference back to it (it is
        # rebuilt when the language changes).
        return cast("MainWindow", self.parent())

    def forget(self) -> None:
        """Another receipt (or none) is shown: nothing unknown is shown any more."""
        self.unknown_id = None
        self.refused = False

    def may_cancel(self) -> bool:
        """False while the receipt shown has a cancellation of unknown outcome, or cannot
        be cancelled through PortOne at all (its PG does not support it)."""
        return self.unknown_id is None and not self.refused

    def refuse_for_good(self) -> None:
        """The receipt shown cannot be cancelled through PortOne: its button goes off."""
        self.refused = True
        self._window.update_cancel_enabled()

    def order_changed(self) -> None:
        """Another order number was typed or picked: the sentence about the last is stale."""
        if self.speaks_of_order:
            self._window.show_message("")

    def next_check_note(self) -> str:
        """When the automatic check runs next, and the key that runs it now."""
        timer = self._window.reconcile_timer
        remaining_ms = timer.remainingTime() if timer.isActive() else timer.interval()
        return QCoreApplication.translate(
            "MainWindow",
            "Do not cancel it again. It is checked automatically at {0}; press {1} to check "
            "it now.",
        ).format(format_kst(time.time() + remaining_ms / 1000), shortcuts.RECONCILE.native_key())

    def mark_unknown(self, receipt: Receipt, entry: HistoryEntry | None) -> None:
        """Keep ``receipt`` shown, marked: its cancellation's outcome is unknown."""
        window = self._window
        window.set_receipt(receipt)
        self.unknown_id = entry.id if entry is not None else -1
        window.receipt_view.mark_unknown(self.next_check_note())
        window.panel.fit_receipt()
        window.update_cancel_enabled()

    def on_history(self, entries: list[HistoryEntry]) -> None:
        """The history changed: if the unknown attempt shown was settled, say how."""
        if self.unknown_id is None:
            return
        window = self._window
        receipt = window.shown_receipt
        settled = next(
            (
                entry
                for entry in entries
                if receipt is not None
                and entry.merchant_uid == receipt.merchant_uid
                and (entry.id == self.unknown_id or self.unknown_id < 0)
                and entry.outcome in (Outcome.CANCELLED, Outcome.FAILED)
            ),
            None,
        )
        if settled is None or receipt is None:
            return
        self.unknown_id = None
        uid = isolate(elide(receipt.merchant_uid, 80))
        if settled.outcome == Outcome.CANCELLED:
            when = settled.cancelled_at or settled.ended_at or time.time()
            window.set_receipt(dataclasses.replace(receipt, cancelled_at=int(when)))
            text = QCoreApplication.translate(
                "MainWindow",
                "Checked: the cash receipt of {0} was cancelled at {1}. There is nothing left "
                "to cancel.",
            ).format(uid, format_kst(when))
            window.show_message(text, success=True)
        else:
            window.set_receipt(receipt)
            text = QCoreApplication.translate(
                "MainWindow",
                "Checked: the cash receipt of {0} was not cancelled; it can be cancelled again.",
            ).format(uid)
            window.show_message(text, warning=True)
        self.speaks_of_order = True


__all__ = ["ShownReceipt"]
