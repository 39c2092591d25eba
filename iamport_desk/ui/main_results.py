"""What the main window does when one of its own jobs ends: its typed result, shown.

Each job the window submits (``DeskService``) reports to one slot here, with its typed
result (``iamport_desk.jobs``); this module chooses what the clerk reads and the next step
(a receipt shown, a secret asked for again, a new lookup), in the window's words.

After every result but a receipt that may be cancelled, the focus goes back to the order
number with its text selected (issue 13): the next key typed replaces it, and never lands
in the practice list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Slot

from iamport_desk.jobs import CancelResult, JobResult, LookupResult, ReconcileResult, StartupResult
from iamport_desk.ui.result_sentences import (
    Said,
    cancelled_said,
    found_cancelled_said,
    guard_said,
    no_credentials_said,
    outcome_unclear,
    receipt_said,
    reconcile_said,
    reenter_reason,
    secret_missing_reason,
    startup_said,
)
from iamport_desk.ui.words import UserMessage, describe_error, keychain_reason_text

if TYPE_CHECKING:
    from iamport_desk.service import JobHandle
    from iamport_desk.ui.main_window import MainWindow


class MainResults(QObject):
    """The main window's end of its jobs: one slot per job kind. No signals of its own
    (the window's ``job_done`` is emitted from here, before the result is shown)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._startup_job: JobHandle | None = None

    @property
    def _window(self) -> MainWindow:
        # The window is this object's Qt parent; no Python reference back to it, so a
        # window given up by deleteLater() is freed with its wrapper (no reference cycle).
        return cast("MainWindow", self.parent())

    def _job_ended(self, kind: str, result: JobResult) -> bool:
        """Common end of the window's own jobs; False if the window no longer cares."""
        window = self._window
        if window.detached:
            return False
        if window.running_kind == kind:
            window.set_busy(None)
        window.job_done.emit(kind, result)
        return True

    def _after_job(self) -> None:
        if self._window.closer.requested:
            self._window.close()

    def _back_to_order(self) -> None:
        """The focus to the order number, unless a receipt waits for its cancel button."""
        window = self._window
        if not window.cancel_button.hasFocus() and not window.closer.closing:
            window.focus_order()

    @Slot(object)
    def on_lookup_done(self, result: LookupResult) -> None:
        if self._job_ended("lookup", result):
            self._on_lookup(result)
            self._window.shown.speaks_of_order = True
            self._back_to_order()
            self._after_job()

    @Slot(object)
    def on_cancel_done(self, result: CancelResult) -> None:
        if self._job_ended("cancel", result):
            self._on_cancel(result)
            self._window.shown.speaks_of_order = True
            self._back_to_order()
            self._after_job()

    @Slot(object)
    def on_reconcile_done(self, result: ReconcileResult) -> None:
        if self._job_ended("reconcile", result):
            self._on_reconcile(result)
            self._after_job()

    def start_up(self) -> None:
        """The history's first read (recent attempts, unknown outcomes), submitted once the
        window's first frame is on screen (``ui.first_paint``)."""
        window = self._window
        if window.detached or window.service.stopped:
            return
        self._startup_job = window.service.startup()
        self._startup_job.done.connect(self.on_startup_done)

    @Slot(object)
    def on_startup_done(self, result: StartupResult) -> None:
        if not self._window.detached:
            self._window.job_done.emit("startup", result)
            self._on_startup(result)

    def say(self, said: Said | None) -> None:
        if said is not None:
            self._window.show_message(said.message, warning=said.warning, success=said.success)

    def _on_startup(self, result: StartupResult) -> None:
        self.say(startup_said(result))
        if result.error is None:
            QTimer.singleShot(0, self._window.reconcile)

    def _keychain_blocks(self, code: str | None) -> bool:
        """A locked or refused keychain holds the saved secret: asking for it again is not
        the fix (issue 18), so the window says what is wrong instead."""
        if code in ("locked", "denied"):
            self._window.show_message(keychain_reason_text(code), warning=True)
            return True
        return False

    def _on_lookup(self, result: LookupResult) -> None:
        window = self._window
        if result.missing_secret:
            if self._keychain_blocks(result.keychain_reason):
                return
            why = result.keychain_reason
            reason = keychain_reason_text(why) if why not in (None, "absent") else None
            if window.edit_credentials(reason or secret_missing_reason()):
                window.lookup()
            else:
                self.say(no_credentials_said())
            return
        if result.error is not None or result.receipt is None:
            self.show_error(result.error or RuntimeError("no receipt"), looking_up=True)
            return
        window.set_receipt(result.receipt)
        self.say(receipt_said(result.receipt))
        if result.receipt.is_cancelled:
            profile, path = window.active_profile(), window.paths.history_db
            window.panel.confirmation.offer_known(result.receipt, profile, path)  # 확인서
        else:
            window.cancel_button.setFocus()

    def _on_cancel(self, result: CancelResult) -> None:
        window = self._window
        if result.missing_secret:
            if not self._keychain_blocks(result.keychain_reason):
                window.edit_credentials(reenter_reason())
            return
        guarded = guard_said(result)
        if guarded is not None:
            self.say(guarded)
            window.set_receipt(None)
            window.panel.confirmation.offer(result.already_cancelled)  # its 확인서, if done
            return
        if result.receipt is not None and result.error is None:
            window.set_receipt(result.receipt)
            window.panel.confirmation.offer(result.entry)  # the reason, and the 확인서
            self.say(cancelled_said(result.receipt, result.history_error))
            return
        if result.found_cancelled is not None:  # refused: it was cancelled elsewhere
            window.set_receipt(result.found_cancelled)
            self.say(found_cancelled_said(result.found_cancelled, result.error))
            return
        shown = window.shown_receipt
        # The worker always sets one of them.
        message = self.show_error(result.error or RuntimeError("no result"), cancelling=True)
        if outcome_unclear(result) and shown is not None:
            # Kept shown, marked, and not to be cancelled again until it is settled.
            window.shown.mark_unknown(shown, result.entry)
        elif message.final:
            window.shown.refuse_for_good()

    def show_error(
        self, error: BaseException, *, cancelling: bool = False, looking_up: bool = False
    ) -> UserMessage:
        message = describe_error(error, cancelling=cancelling, looking_up=looking_up)
        self._window.show_message(message, warning=True)
        if message.reenter_credentials:
            self._window.edit_credentials(message.text)
        return message

    def _on_reconcile(self, result: ReconcileResult) -> None:
        if result.missing_secret or result.stopped:
            self._window.show_message("")
            return
        self.say(reconcile_said(result))
