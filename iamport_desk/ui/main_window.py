"""The main window: order number in, receipt shown, confirmed cancellation out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.formatting import elide
from iamport_desk.jobs import (
    CancelResult,
    JobResult,
    LookupResult,
    ReconcileResult,
    StartupResult,
    StoredCredentials,
)
from iamport_desk.models import HistoryEntry, Receipt
from iamport_desk.ui.confirm_dialog import cancel_receipt_button, confirm_cancellation
from iamport_desk.ui.main_menus import build_menus
from iamport_desk.ui.order_form import OrderForm
from iamport_desk.ui.practice_orders import PracticeOrders, demo_banner
from iamport_desk.ui.receipt_view import ReceiptView
from iamport_desk.ui.recent_attempts import RecentAttempts
from iamport_desk.ui.result_sentences import (
    Said,
    cancelled_said,
    guard_said,
    no_credentials_said,
    outcome_unclear,
    receipt_said,
    reconcile_said,
    reenter_reason,
    secret_missing_reason,
    startup_said,
)
from iamport_desk.ui.settings_guard import warn_if_unsaved
from iamport_desk.ui.status_area import StatusArea
from iamport_desk.ui.words import UserMessage, describe_error, keychain_reason_text

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore
    from iamport_desk.paths import AppPaths
    from iamport_desk.service import DeskService, JobHandle

log = logging.getLogger(__name__)

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
        confirm: Callable[[MainWindow, Receipt], bool] | None = None,
        api_base_override: str | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.api = service  # the name older callers use
        self.profiles = profiles
        self.paths = paths
        self.demo = demo_orders is not None
        self.api_base_override = api_base_override
        self._open_credentials = open_credentials or _default_open_credentials
        self._confirm = confirm or confirm_cancellation
        self._current_job: JobHandle | None = None
        self._current_kind: str | None = None
        self._receipt: Receipt | None = None
        self._close_requested = False
        self._close_waited = False  # the bounded wait for a DELETE in flight is over
        self._closing = False
        self._detached = False
        self._unresolved = 0
        self._history_window: QWidget | None = None

        self.setWindowTitle(self._title())
        self._build(demo_orders)
        self._build_menus()
        service.history_changed.connect(self.on_api_history_changed)
        service.unresolved_changed.connect(self.on_api_unresolved_changed)
        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(RECONCILE_INTERVAL_MS)
        self._reconcile_timer.timeout.connect(self.reconcile)
        self._close_timer = QTimer(self)
        self._close_timer.setSingleShot(True)
        self._close_timer.timeout.connect(self.on_close_timer_timeout)
        self._reload_profiles()
        self.order_edit.setFocus()
        self._startup_job = service.startup()
        self._startup_job.done.connect(self.on_startup_done)

    # ---- construction ---------------------------------------------------------------

    def _title(self) -> str:
        title = self.tr("iamport-desk - cash receipt cancellation")
        return self.tr("[DEMO] {0}").format(title) if self.demo else title

    def _build(self, demo_orders: dict[str, str] | None) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if demo_orders is not None:
            self.demo_banner = demo_banner(central)
            layout.addWidget(self.demo_banner)

        self.order_form = OrderForm(central)
        self.profile_combo = self.order_form.profile_combo
        self.profile_combo.activated.connect(self.on_profile_combo_activated)
        self.credentials_button = self.order_form.credentials_button
        self.credentials_button.clicked.connect(lambda: self.edit_credentials(None))
        self.order_edit = self.order_form.order_edit
        self.order_edit.returnPressed.connect(self.lookup)
        self.order_edit.textEdited.connect(self.on_order_edit_textEdited)
        self.lookup_button = self.order_form.lookup_button
        self.lookup_button.clicked.connect(self.lookup)
        layout.addWidget(self.order_form)

        if demo_orders is not None:
            self.practice = PracticeOrders(demo_orders, central)
            self.practice.chosen.connect(self.on_practice_chosen)
            self.demo_list = self.practice.list
            layout.addWidget(self.practice)

        self.status_area = StatusArea(central)
        self.progress = self.status_area.progress
        self.message = self.status_area.message
        layout.addWidget(self.status_area)

        self.receipt_view = ReceiptView(central)
        self.receipt_view.url_copied.connect(
            lambda _url: self.statusBar().showMessage(self.tr("Receipt link copied."), 4000)
        )
        layout.addWidget(self.receipt_view)

        self.cancel_button = cancel_receipt_button(central)
        self.cancel_button.clicked.connect(self.cancel_receipt)
        action_row = QHBoxLayout()
        action_row.addStretch(1)
        action_row.addWidget(self.cancel_button)
        layout.addLayout(action_row)

        self.recent = RecentAttempts(central)
        self.recent_table = self.recent.table
        self.unresolved_label = self.recent.unresolved_label
        self.reconcile_button = self.recent.reconcile_button
        self.reconcile_button.clicked.connect(self.reconcile)
        self.history_button = self.recent.history_button
        self.history_button.clicked.connect(self.open_history)
        layout.addWidget(self.recent, 1)

        self.setCentralWidget(central)
        self.setTabOrder(self.lookup_button, self.cancel_button)
        self.resize(780, 760)

    def _build_menus(self) -> None:
        actions = build_menus(self, self)
        self.quit_action = actions.quit
        self.cancel_action = actions.cancel

    @Slot()
    def copy_receipt_url(self) -> None:
        self.receipt_view.copy_url()

    # ---- profiles --------------------------------------------------------------------

    def _reload_profiles(self) -> None:
        active = self.profiles.active()
        self.order_form.show_profiles(self.profiles.profiles(), active.name if active else None)
        if self.profiles.notice:
            self.show_message(
                UserMessage(
                    self.tr(
                        "The settings file could not be read and was set aside; defaults are in "
                        "use. Details: {0}"
                    ).format(self.profiles.notice)
                ),
                warning=True,
            )

    @Slot(int)
    def on_profile_combo_activated(self, index: int) -> None:
        name = self.profile_combo.itemData(index)
        if isinstance(name, str):
            profiles = self.profiles
            # Queued: the settings file is fsynced on the API thread, not here.
            job = self.service.write_settings("active store", lambda: profiles.set_active(name))
            warn_if_unsaved(self, profiles.settings_path, job)
            self._set_receipt(None)
            self.statusBar().showMessage(self.tr("Store switched to {0}.").format(name), 4000)

    def edit_credentials(self, reason: str | None) -> bool:
        if self.busy:
            return False
        accepted = self._open_credentials(self, reason)
        self._reload_profiles()
        return accepted

    # ---- state -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._current_kind is not None

    def _start(
        self, kind: str, submit: Callable[[], JobHandle], slot: Callable[[Any], None]
    ) -> None:
        # The window's own updates first, then the job: the API thread, once woken, competes
        # with the GUI thread for the GIL.
        self._set_busy(kind)
        self._current_job = submit()
        self._current_job.done.connect(slot)

    def _set_busy(self, kind: str | None) -> None:
        if kind is None:
            self._current_job = None
        self._current_kind = kind
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
        self._update_cancel_enabled()
        self.busy_changed.emit(kind if busy and kind else "")

    def _update_cancel_enabled(self) -> None:
        can = not self.busy and self._receipt is not None and not self._receipt.is_cancelled
        self.cancel_button.setEnabled(can)
        self.cancel_action.setEnabled(can)

    def _set_receipt(self, receipt: Receipt | None) -> None:
        self._receipt = receipt
        if receipt is None:
            self.receipt_view.clear()
        else:
            self.receipt_view.show_receipt(receipt)
            self.receipt_shown.emit(receipt)
        self._update_cancel_enabled()

    def show_message(
        self, message: UserMessage | str, *, warning: bool = False, success: bool = False
    ) -> None:
        text = message if isinstance(message, str) else message.full_text()
        self.status_area.show_text(text, warning=warning, success=success)
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

    def _source_or_ask(self) -> StoredCredentials | None:
        """The active store's credentials source; asks for a store when there is none."""
        source = self.credentials_source()
        if source is None:
            if not self.edit_credentials(
                self.tr("Enter the REST API key and secret of your PortOne store.")
            ):
                return None
            source = self.credentials_source()
        return source

    # ---- actions ---------------------------------------------------------------------

    @Slot()
    def focus_order(self) -> None:
        self.order_edit.setFocus()
        self.order_edit.selectAll()

    @Slot(str)
    def on_order_edit_textEdited(self, _text: str) -> None:
        # What is shown must always be what will be cancelled.
        if self._receipt is not None:
            self._set_receipt(None)

    @Slot(str)
    def on_practice_chosen(self, uid: str) -> None:
        self.order_edit.setText(uid)
        self._set_receipt(None)
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
            self._set_receipt(None)
            self.show_message(describe_error(exc), warning=True)
            self.focus_order()
            return
        source = self._source_or_ask()
        if source is None:
            self._say(no_credentials_said())
            return
        self._set_receipt(None)
        self.show_message(self.tr("Looking up {0}...").format(elide(uid, 80)))
        self._start("lookup", lambda: self.service.lookup(source, uid), self.on_lookup_done)

    @Slot()
    def cancel_receipt(self) -> None:
        receipt = self._receipt
        if self.busy or receipt is None or receipt.is_cancelled or self.service.stopped:
            return
        source = self.credentials_source()
        if source is None:
            self.edit_credentials(reenter_reason())
            return
        if not self._confirm(self, receipt):
            self.show_message(self.tr("Nothing was cancelled."))
            return
        self.show_message(
            self.tr("Cancelling the cash receipt of {0}...").format(elide(receipt.merchant_uid, 80))
        )
        uid = receipt.merchant_uid
        self._start(
            "cancel", lambda: self.service.cancel(source, source.profile, uid), self.on_cancel_done
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
            self.on_reconcile_done,
        )

    # ---- results ---------------------------------------------------------------------

    def _job_ended(self, kind: str, result: JobResult) -> bool:
        """Common end of this window's own jobs; False if the window no longer cares."""
        if self._detached:
            return False
        if self._current_kind == kind:
            self._set_busy(None)
        self.job_done.emit(kind, result)
        return True

    def _after_job(self) -> None:
        if self._close_requested:
            self.close()

    @Slot(object)
    def on_lookup_done(self, result: LookupResult) -> None:
        if self._job_ended("lookup", result):
            self._on_lookup(result)
            self._after_job()

    @Slot(object)
    def on_cancel_done(self, result: CancelResult) -> None:
        if self._job_ended("cancel", result):
            self._on_cancel(result)
            self._after_job()

    @Slot(object)
    def on_reconcile_done(self, result: ReconcileResult) -> None:
        if self._job_ended("reconcile", result):
            self._on_reconcile(result)
            self._after_job()

    @Slot(object)
    def on_startup_done(self, result: StartupResult) -> None:
        if not self._detached:
            self.job_done.emit("startup", result)
            self._on_startup(result)

    def _say(self, said: Said | None) -> None:
        if said is not None:
            self.show_message(said.message, warning=said.warning, success=said.success)

    def _on_startup(self, result: StartupResult) -> None:
        self._say(startup_said(result))
        if result.error is None:
            QTimer.singleShot(0, self.reconcile)

    def _keychain_blocks(self, code: str | None) -> bool:
        """A locked or refused keychain holds the saved secret: asking for it again is not
        the fix (issue 18), so the window says what is wrong instead."""
        if code in ("locked", "denied"):
            self.show_message(keychain_reason_text(code), warning=True)
            return True
        return False

    def _on_lookup(self, result: LookupResult) -> None:
        if result.missing_secret:
            if self._keychain_blocks(result.keychain_reason):
                return
            why = result.keychain_reason
            reason = keychain_reason_text(why) if why not in (None, "absent") else None
            if self.edit_credentials(reason or secret_missing_reason()):
                self.lookup()
            else:
                self._say(no_credentials_said())
            return
        if result.error is not None or result.receipt is None:
            self._show_error(result.error or RuntimeError("no receipt"))
            return
        self._set_receipt(result.receipt)
        self._say(receipt_said(result.receipt))
        if result.receipt.is_cancelled:
            self.focus_order()
        else:
            self.cancel_button.setFocus()

    def _on_cancel(self, result: CancelResult) -> None:
        if result.missing_secret:
            if not self._keychain_blocks(result.keychain_reason):
                self.edit_credentials(reenter_reason())
            return
        guarded = guard_said(result)
        if guarded is not None:
            self._say(guarded)
            self._set_receipt(None)
            return
        if result.receipt is not None and result.error is None:
            self._set_receipt(result.receipt)
            self._say(cancelled_said(result.receipt, result.history_error))
            self.focus_order()
            return
        if outcome_unclear(result):
            self._set_receipt(None)  # a new lookup must come first
        # The worker always sets one of them.
        self._show_error(result.error or RuntimeError("no result"), cancelling=True)

    def _show_error(self, error: BaseException, *, cancelling: bool = False) -> None:
        message = describe_error(error, cancelling=cancelling)
        self.show_message(message, warning=True)
        if message.reenter_credentials:
            self.edit_credentials(message.text)

    def _on_reconcile(self, result: ReconcileResult) -> None:
        if result.missing_secret or result.stopped:
            self.show_message("")
            return
        self._say(reconcile_said(result))

    @Slot(list)
    def on_api_history_changed(self, entries: list[HistoryEntry]) -> None:
        self.recent.show_entries(entries)

    @Slot(int)
    def on_api_unresolved_changed(self, count: int) -> None:
        self._unresolved = count
        self.recent.show_unresolved(count)
        if count:
            self._reconcile_timer.start()
        else:
            self._reconcile_timer.stop()

    # ---- other windows ---------------------------------------------------------------

    @Slot()
    def open_history(self) -> None:
        from iamport_desk.ui.history_window import HistoryWindow

        if self._history_window is None:
            self._history_window = HistoryWindow(
                self.paths.history_db,
                self.service,
                self.profiles,
                parent=self,
                credentials_provider=self.credentials_source,
            )
        self._history_window.show()
        self._history_window.raise_()
        self._history_window.activateWindow()

    @Slot()
    def show_shortcuts(self) -> None:
        help_dialogs().ShortcutsDialog(self).exec()

    @Slot()
    def show_about(self) -> None:
        help_dialogs().AboutDialog(self.paths, self).exec()

    @Slot()
    def show_network(self) -> None:
        from iamport_desk.ui.network_dialog import NetworkDialog

        NetworkDialog(self.profiles, api_base_override=self.api_base_override, parent=self).exec()

    @Slot()
    def choose_language(self) -> None:
        help_dialogs().choose_language(self, self.profiles, self.service)

    # ---- closing ---------------------------------------------------------------------

    def detach(self) -> None:
        """Stop listening to the API thread without stopping it (the window is rebuilt)."""
        self._closing = True
        self._detached = True
        self._reconcile_timer.stop()
        self.service.history_changed.disconnect(self.on_api_history_changed)
        self.service.unresolved_changed.disconnect(self.on_api_unresolved_changed)
        if self._history_window is not None:
            self._history_window.close()
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._current_kind == "cancel" and not self._close_waited:
            # Never walk away from a DELETE in flight: wait for its outcome and record it,
            # but not forever (CLOSE_WAIT_MS); the history keeps it as 'pending' then.
            if not self._close_requested:
                self._close_requested = True
                self._close_timer.start(self.CLOSE_WAIT_MS)
                QMessageBox.information(
                    self,
                    self.tr("Cancellation in progress"),
                    self.tr(
                        "A cancellation is being sent to PortOne. The window will close as soon "
                        "as its outcome is known and recorded."
                    ),
                )
            self.show_message(self.tr("Waiting for the cancellation's outcome before closing..."))
            event.ignore()
            return
        if not self._closing:
            self._closing = True
            self._reconcile_timer.stop()
            if self._history_window is not None:
                self._history_window.close()
            self._close_timer.stop()
            geometry = self.saveGeometry().toBase64().toStdString()
            profiles = self.profiles
            self.service.write_settings(
                "window geometry", lambda: profiles.set_window_geometry(geometry)
            )
            self.hide()
            # Not waiting here: a lookup in flight is abandoned (its answer is ignored);
            # the thread ends after it, and the app waits for that only at exit.
            self.service.request_stop()
        event.accept()

    @Slot()
    def on_close_timer_timeout(self) -> None:
        if self._close_requested and not self._closing:
            log.warning("closing while a cancellation is still in flight; it stays 'pending'")
            self._close_waited = True
            self.close()


def help_dialogs() -> ModuleType:
    """Imported at first use: the first screen does not show these dialogs."""
    from iamport_desk.ui import help_dialogs as module

    return module


def _default_open_credentials(window: MainWindow, reason: str | None) -> bool:
    from iamport_desk.ui.credentials_dialog import ask_credentials

    return ask_credentials(
        window, window.profiles, window.service, reason, window.api_base_override
    )


__all__ = ["RECONCILE_INTERVAL_MS", "MainWindow", "confirm_cancellation"]
