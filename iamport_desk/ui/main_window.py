"""The main window: order number in, receipt shown, confirmed cancellation out.

Its parts live beside it: the central widget (``main_panel``), what each job's result shows
(``main_results``), closing and shutting down (``main_closing``), and the other windows it
opens (``main_dialogs``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from iamport_desk.formatting import elide, isolate
from iamport_desk.jobs import StoredCredentials
from iamport_desk.models import HistoryEntry, Receipt
from iamport_desk.ui import main_dialogs, main_profiles, window_placement
from iamport_desk.ui.first_paint import after_first_paint
from iamport_desk.ui.main_closing import MainCloser
from iamport_desk.ui.main_dialogs import Answer, as_decision, confirm_cancellation
from iamport_desk.ui.main_menus import build_menus
from iamport_desk.ui.main_panel import MainPanel
from iamport_desk.ui.main_results import MainResults
from iamport_desk.ui.main_shown import ShownReceipt
from iamport_desk.ui.result_sentences import no_credentials_said, reenter_reason
from iamport_desk.ui.waiting import WaitingNotice
from iamport_desk.ui.words import UserMessage, describe_error

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore
    from iamport_desk.paths import AppPaths
    from iamport_desk.service import DeskService, JobHandle

RECONCILE_INTERVAL_MS = 5 * 60 * 1000


class MainWindow(QMainWindow):
    """The clerk's window.

    Signals:
        busy_changed(str): the work now running ("lookup", "cancel", "reconcile"), or ""
            when the window is idle again.
        receipt_shown(object): a receipt (``Receipt``) was rendered after a lookup or cancel.
        message_shown(str): the status sentence changed (the full plain text).
        job_done(str, object): a job this window submitted ended: its kind ("startup",
            "lookup", "cancel", "reconcile") and its typed result (``iamport_desk.jobs``).
    """

    busy_changed = Signal(str)
    receipt_shown = Signal(object)
    message_shown = Signal(str)
    job_done = Signal(str, object)

    # Closing during a DELETE waits for its outcome at most this long; after that the
    # attempt stays 'pending'/'unknown' and is settled by a lookup at the next start.
    CLOSE_WAIT_MS = 15_000

    def __init__(
        self,
        service: DeskService,
        profiles: ProfileStore,
        paths: AppPaths,
        *,
        demo_orders: dict[str, str] | None = None,
        open_credentials: Callable[[MainWindow, str | None], bool] | None = None,
        confirm: Callable[[MainWindow, Receipt], Answer] | None = None,
        api_base_override: str | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.profiles = profiles
        self.paths = paths
        self.demo = demo_orders is not None
        self.api_base_override = api_base_override
        self._open_credentials = open_credentials or main_dialogs.default_open_credentials
        self._confirm = confirm or confirm_cancellation
        self.current_job: JobHandle | None = None
        self.running_kind: str | None = None  # the kind of this window's job in flight
        self._receipt: Receipt | None = None
        self.detached = False  # rebuilt: answers of its jobs are ignored
        self._unresolved = 0
        self.history_window: QWidget | None = None
        self.results = MainResults(self)
        self.shown = ShownReceipt(self)  # keeps the status line and the receipt shown true
        self.closer = MainCloser(self)
        self.waiting = WaitingNotice(self)  # "still waiting"; Esc stops waiting for a lookup

        self.setWindowTitle(self._title())
        self._build(demo_orders)
        self._build_menus()
        service.history_changed.connect(self.on_api_history_changed)
        service.unresolved_changed.connect(self.on_api_unresolved_changed)
        self.reconcile_timer = QTimer(self, interval=RECONCILE_INTERVAL_MS)
        self.reconcile_timer.timeout.connect(self.reconcile)
        self._reload_profiles()
        self.order_edit.setFocus()
        after_first_paint(self, self.results.start_up)

    # ---- construction ---------------------------------------------------------------

    def _title(self) -> str:
        title = self.tr("iamport-desk - cash receipt cancellation")
        return self.tr("[DEMO] {0}").format(title) if self.demo else title

    def _build(self, demo_orders: dict[str, str] | None) -> None:
        panel = self.panel = MainPanel(demo_orders, self)
        form = self.order_form = panel.order_form
        self.profile_combo = form.profile_combo
        self.profile_combo.activated.connect(self.on_profile_combo_activated)
        self.credentials_button = form.credentials_button
        self.credentials_button.clicked.connect(lambda: self.edit_credentials(None))
        self.order_edit = form.order_edit
        self.order_edit.returnPressed.connect(self.lookup)
        self.order_edit.textEdited.connect(self.on_order_edit_textEdited)
        self.lookup_button = form.lookup_button
        self.lookup_button.clicked.connect(self.lookup)
        if panel.practice is not None:
            panel.practice.chosen.connect(self.on_practice_chosen)
        self.status_area = panel.status_area
        self.progress = self.status_area.progress
        self.message = self.status_area.message
        self.receipt_view = panel.receipt_view
        self.cancel_button = panel.cancel_button
        self.cancel_button.clicked.connect(self.cancel_receipt)
        self.recent = panel.recent
        self.recent_table = self.recent.table
        self.reconcile_button = self.recent.reconcile_button
        self.reconcile_button.clicked.connect(self.reconcile)
        self.recent.history_button.clicked.connect(self.open_history)
        self.setCentralWidget(panel)
        self.setTabOrder(self.lookup_button, self.cancel_button)
        window_placement.centre_on_primary(self)

    def restoreGeometry(self, geometry: QByteArray | bytes | bytearray | memoryview) -> bool:
        """A saved geometry, used only if it lies on a present screen (issue 13)."""
        return window_placement.restore_on_screen(self, QByteArray(geometry))

    def _build_menus(self) -> None:
        actions = build_menus(self, self)
        self.quit_action = actions.quit
        self.cancel_action = actions.cancel
        actions.receipt_menu.insertAction(self.cancel_action, self.panel.reissue_button.action)

    @Slot()
    def copy_receipt_url(self) -> None:
        self.receipt_view.copy_url()

    # ---- profiles --------------------------------------------------------------------

    def _reload_profiles(self) -> None:
        main_profiles.reload_profiles(self)

    @Slot(int)
    def on_profile_combo_activated(self, index: int) -> None:
        main_profiles.switch_store(self, index)

    def edit_credentials(self, reason: str | None) -> bool:
        if self.busy:
            return False
        accepted = self._open_credentials(self, reason)
        self._reload_profiles()
        return accepted

    # ---- state -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.running_kind is not None

    def _start(
        self, kind: str, submit: Callable[[], JobHandle], slot: Callable[[Any], None]
    ) -> None:
        # The window's own updates first, then the job: the API thread, once woken, competes
        # with the GUI thread for the GIL.
        self.set_busy(kind)
        self.current_job = submit()
        self.current_job.done.connect(slot)

    def set_busy(self, kind: str | None) -> None:
        if kind is None:
            self.current_job = None
        self.running_kind = kind
        busy = kind is not None
        self.status_area.set_busy(busy)
        for widget in (
            self.order_edit,
            self.lookup_button,
            self.profile_combo,
            self.credentials_button,
            self.reconcile_button,
        ):
            widget.setEnabled(not busy)
        self.update_cancel_enabled()
        self.busy_changed.emit(kind if busy and kind else "")

    def update_cancel_enabled(self) -> None:
        receipt = self._receipt
        # Never a second DELETE while the outcome of the first is unknown.
        can = (
            not self.busy
            and receipt is not None
            and not receipt.is_cancelled
            and self.shown.may_cancel()
        )
        self.cancel_button.setEnabled(can)
        self.cancel_action.setEnabled(can)

    @property
    def shown_receipt(self) -> Receipt | None:
        return self._receipt

    def set_receipt(self, receipt: Receipt | None) -> None:
        self._receipt = receipt
        self.shown.forget()
        if receipt is None:
            self.receipt_view.clear()
        else:
            self.receipt_view.show_receipt(receipt)
            self.receipt_shown.emit(receipt)
        self.update_cancel_enabled()

    def show_message(
        self, message: UserMessage | str, *, warning: bool = False, success: bool = False
    ) -> None:
        text = message if isinstance(message, str) else message.full_text()
        self.status_area.show_text(text, warning=warning, success=success)
        self.shown.speaks_of_order = False
        self.message_shown.emit(text)

    def active_profile(self) -> str | None:
        """The store chosen in the window (its settings write may still be queued)."""
        name = self.profile_combo.currentData()
        if isinstance(name, str):
            return name
        active = self.profiles.active()
        return None if active is None else active.name

    def credentials_source(self) -> StoredCredentials | None:
        """Where the active store's credentials come from, pointed at --api-base (or the
        demo) if given; the secret itself is read on the API thread."""
        name = self.active_profile()
        if name is None:
            return None
        return StoredCredentials(self.profiles, name, self.api_base_override)

    # ---- actions ---------------------------------------------------------------------

    @Slot()
    def focus_order(self) -> None:
        self.order_edit.setFocus()
        self.order_edit.selectAll()

    @Slot(str)
    def on_order_edit_textEdited(self, _text: str) -> None:
        # What is shown must always be what will be cancelled, and what is said about it.
        self.shown.order_changed()
        if self._receipt is not None:
            self.set_receipt(None)

    @Slot(str)
    def on_practice_chosen(self, uid: str) -> None:
        self.order_edit.setText(uid)
        self.shown.order_changed()
        self.set_receipt(None)
        main_profiles.follow_practice_order(self, uid)
        self.focus_order()

    @Slot()
    def lookup(self) -> None:
        if self.busy or self.service.stopped:  # stopped: the window has closed
            return
        # Finish any Hangul composition so the last syllable is part of the text.
        QGuiApplication.inputMethod().commit()
        from iamport_desk.errors import InvalidMerchantUid
        from iamport_desk.rules import normalize_merchant_uid

        try:
            uid = normalize_merchant_uid(self.order_edit.text())
        except InvalidMerchantUid as exc:
            self.set_receipt(None)
            self.show_message(describe_error(exc), warning=True)
            self.focus_order()
            return
        source = main_profiles.source_or_ask(self)
        if source is None:
            self.results.say(no_credentials_said())
            return
        self.set_receipt(None)
        self.show_message(self.tr("Looking up {0}...").format(isolate(elide(uid, 80))))
        self._start("lookup", lambda: self.service.lookup(source, uid), self.results.on_lookup_done)

    @Slot()
    def cancel_receipt(self) -> None:
        receipt = self._receipt
        if self.busy or receipt is None or receipt.is_cancelled or self.service.stopped:
            return
        if not self.shown.may_cancel():  # unknown or impossible: the menu's key does nothing
            return
        source = self.credentials_source()
        if source is None:
            self.edit_credentials(reenter_reason())
            return
        if (decision := as_decision(self._confirm(self, receipt))) is None:
            self.show_message(self.tr("Nothing was cancelled."))
            return
        self.show_message(
            self.tr("Cancelling the cash receipt of {0}...").format(
                isolate(elide(receipt.merchant_uid, 80))
            )
        )
        uid = receipt.merchant_uid
        self._start(
            "cancel",
            lambda: self.service.cancel(source, source.profile, uid, decision, receipt),
            self.results.on_cancel_done,
        )

    @Slot()
    def reconcile(self) -> None:
        # A timer may fire after the window closed: nothing is checked then.
        if self.busy or self._unresolved == 0 or self.service.stopped:
            return
        source = self.credentials_source()
        if source is None:
            return
        self.show_message(self.tr("Checking attempts with an unknown outcome..."))
        self._start(
            "reconcile",
            lambda: self.service.reconcile(source, source.profile),
            self.results.on_reconcile_done,
        )

    # ---- results ---------------------------------------------------------------------
    @Slot(list)
    def on_api_history_changed(self, entries: list[HistoryEntry]) -> None:
        self.recent.show_entries(entries)
        self.shown.on_history(entries)

    @Slot(int)
    def on_api_unresolved_changed(self, count: int) -> None:
        self._unresolved = count
        self.recent.show_unresolved(count)
        if count:
            self.reconcile_timer.start()
        else:
            self.reconcile_timer.stop()

    # ---- other windows ---------------------------------------------------------------

    @Slot()
    def open_history(self) -> None:
        main_dialogs.open_history(self)

    @Slot()
    def show_shortcuts(self) -> None:
        main_dialogs.help_dialogs().ShortcutsDialog(self).exec()

    @Slot()
    def show_about(self) -> None:
        main_dialogs.help_dialogs().AboutDialog(self.paths, self).exec()

    @Slot()
    def show_network(self) -> None:
        main_dialogs.show_network(self)

    @Slot()
    def choose_language(self) -> None:
        main_dialogs.help_dialogs().choose_language(self, self.profiles, self.service)

    # ---- closing ---------------------------------------------------------------------

    def detach(self) -> None:
        """Stop listening to the API thread without stopping it (the window is rebuilt)."""
        self.closer.closing = True
        self.detached = True
        self.reconcile_timer.stop()
        self.service.history_changed.disconnect(self.on_api_history_changed)
        self.service.unresolved_changed.disconnect(self.on_api_unresolved_changed)
        if self.history_window is not None:
            self.history_window.close()
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closer.may_close():
            event.accept()
        else:
            event.ignore()


__all__ = ["RECONCILE_INTERVAL_MS", "MainWindow", "confirm_cancellation"]
