"""The ways into the correction (issue 15): the main window's "정정 재발행" button beside a
cancelled receipt (shown again straight after cancelling), and :func:`open_reissue` for the
history window.

The button follows what the receipt view shows (its ``receipt_changed`` signal) and holds no
Python reference to its window: it finds it through Qt (``self.window()``) when clicked, so
the language switch, which rebuilds the window, frees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from iamport_desk.jobs import IssueResult
from iamport_desk.models import Action, Credentials, HistoryEntry, Outcome, Receipt
from iamport_desk.reissue_draft import ReissueDefaults, draft_defaults, entry_defaults
from iamport_desk.ui.words import IssueSaid, UserMessage, issue_said
from iamport_desk.ui.words import reissue as words

if TYPE_CHECKING:
    from iamport_desk.jobs import CredentialsSource, StoredCredentials
    from iamport_desk.service import DeskService
    from iamport_desk.ui.receipt_view import ReceiptView
    from iamport_desk.ui.reissue_dialog import ReissueDialog


class ReissueHost(Protocol):
    """What the button needs of the main window."""

    service: DeskService
    order_edit: QLineEdit

    @property
    def busy(self) -> bool: ...

    def credentials_source(self) -> StoredCredentials | None: ...

    def show_message(
        self, message: UserMessage | str, *, warning: bool = False, success: bool = False
    ) -> None: ...

    def set_receipt(self, receipt: Receipt | None) -> None: ...

    def focus_order(self) -> None: ...


def start_reissue(
    parent: QWidget,
    service: DeskService,
    credentials: CredentialsSource,
    profile: str,
    defaults: ReissueDefaults,
) -> ReissueDialog:
    """Open the correction dialog (window-modal, not blocking); connect to its ``finished``
    and read :meth:`ReissueDialog.outcome`. It deletes itself once finished."""
    from iamport_desk.ui.reissue_dialog import ReissueDialog

    dialog = ReissueDialog(service, credentials, profile, defaults, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class ReissueButton(QPushButton):
    """The button "Correct and issue again...", visible while the receipt shown is a cancelled
    one. No signals of its own (it reports through the window's status line)."""

    def __init__(self, receipt_view: ReceiptView, parent: QWidget | None = None) -> None:
        super().__init__(words.entry_button(), parent)
        self.setObjectName("reissueButton")
        self.setAccessibleDescription(words.entry_description())
        self._receipt: Receipt | None = None
        self.dialog: ReissueDialog | None = None  # the one open now
        self._follows_busy = False
        self.hide()
        # The same command in the Receipt menu, on and off with the button (MainWindow adds it).
        self.action = QAction(words.entry_button(), self)
        self.action.setEnabled(False)
        self.action.triggered.connect(self.open_dialog)
        receipt_view.receipt_changed.connect(self.on_receipt_changed)
        self.clicked.connect(self.open_dialog)

    @property
    def receipt(self) -> Receipt | None:
        return self._receipt

    @Slot(object)
    def on_receipt_changed(self, receipt: Receipt | None) -> None:
        self._receipt = receipt if receipt is not None and receipt.is_cancelled else None
        self.setVisible(self._receipt is not None)
        self.action.setEnabled(self._receipt is not None and self.isEnabled())
        self._follow_busy()

    def _follow_busy(self) -> None:
        """Disabled while the window runs a job (a reconciliation, say), like its other buttons;
        connected at the first receipt, once the window is built (through Qt, no reference)."""
        if self._follows_busy:
            return
        busy_changed = getattr(self.window(), "busy_changed", None)
        if busy_changed is not None:
            busy_changed.connect(self.on_window_busy_changed)
            self._follows_busy = True

    @Slot(str)
    def on_window_busy_changed(self, kind: str) -> None:
        self.setEnabled(not kind)
        self.action.setEnabled(self._receipt is not None and not kind)

    @Slot()
    def open_dialog(self) -> None:
        receipt = self._receipt
        window = self.window()
        host = cast("ReissueHost", window)
        if receipt is None or host.busy or host.service.stopped:
            return
        source = host.credentials_source()
        if source is None:
            return
        stored = source.profiles.get(source.profile)  # the settings in memory: no I/O
        if stored is not None and not stored.channel_key:
            # Said before the form is filled in; the job checks it again on the API thread.
            said = issue_said(IssueResult(missing_channel_key=True), receipt.merchant_uid)
            host.show_message(said.message, warning=True)
            return
        self.dialog = start_reissue(
            window, host.service, source, source.profile, draft_defaults(receipt)
        )
        self.dialog.finished.connect(self.on_dialog_finished)

    @Slot()
    def on_dialog_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        said, issued = dialog.outcome()
        host = cast("ReissueHost", self.window())
        if issued is not None:
            # The order field names what is shown (a derived "-R1" too): what Ctrl+D cancels.
            host.order_edit.setText(issued.merchant_uid)
            host.set_receipt(issued)
        host.show_message(said.message, warning=not said.success, success=said.success)
        host.focus_order()  # after every result, as the window's own (issue 13)


def can_reissue(entry: HistoryEntry) -> bool:
    """A cancellation that went through can be corrected (an issue row cannot)."""
    return entry.action is Action.CANCEL and entry.outcome is Outcome.CANCELLED


def open_reissue(
    parent: QWidget,
    service: DeskService,
    entry: HistoryEntry,
    *,
    credentials: CredentialsSource | None = None,
) -> ReissueDialog | IssueSaid | None:
    """The history window's way in: correct the cancellation ``entry`` (a cancel row that went
    through; None for any other row, nothing opened). Returns the dialog, opened: connect to
    its ``finished`` and read :meth:`ReissueDialog.outcome`.

    ``credentials`` defaults to ``parent.credentials_provider()`` (the history window's), which
    must name the store of ``entry``: otherwise (another store, or credentials that name none,
    so that the store cannot be checked) nothing opens and the sentence to show (telling the
    clerk to choose that store first) is returned. Given ``credentials`` that name no store are
    the caller's choice and are used as they are.
    """
    if not can_reissue(entry):
        return None
    source = credentials
    if source is None:
        provider = getattr(parent, "credentials_provider", None)
        given = provider() if callable(provider) else None
        # Raw credentials name no store: the row's store could not be checked against them.
        source = None if isinstance(given, Credentials) else given
        profile = getattr(source, "profile", None)
    else:
        profile = getattr(source, "profile", entry.profile)
    if source is None or profile != entry.profile:
        return IssueSaid(UserMessage(words.other_store(entry.profile)))
    return start_reissue(parent, service, source, entry.profile, entry_defaults(entry))


__all__ = ["ReissueButton", "ReissueHost", "can_reissue", "open_reissue", "start_reissue"]
