"""The correction dialog (issue 15): the form, a confirmation, then ONE issue job.

Page 1 is the form (``reissue_fields``), page 2 the confirmation (``reissue_summary``) whose
safe button is the default. The job runs on the API thread (``DeskService.issue``); the dialog
waits for its result without blocking the GUI. When PortOne says the order number already
has a receipt, the derived number ("-R1") is offered on the confirmation page with what it
means for the books, and only a second confirmation sends that (different) request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.jobs import AppClosingError, IssueResult
from iamport_desk.models import Receipt
from iamport_desk.reissue_draft import ReissueDefaults, ReissueDraft
from iamport_desk.rules import IdentifierError, RuleError
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.reissue_fields import ReissueFields
from iamport_desk.ui.reissue_summary import ReissueSummary
from iamport_desk.ui.words import (
    IssueSaid,
    UserMessage,
    derived_order_sentence,
    describe_error,
    identifier_problem,
    issue_said,
)
from iamport_desk.ui.words import reissue as words

if TYPE_CHECKING:
    from iamport_desk.jobs import CredentialsSource
    from iamport_desk.service import DeskService, JobHandle

FORM, CONFIRM = 0, 1


class ReissueDialog(QDialog):
    """Correct a cancelled receipt and issue it again.

    Opened with ``open()`` (window-modal, no nested event loop); once ``finished``,
    :meth:`outcome` is what the clerk should read where it was opened from and the receipt
    issued; ``issue_result`` is the job's last result (None when nothing was asked).

    Signals:
        job_done(object): an issue job of this dialog ended (its ``IssueResult``).
    """

    job_done = Signal(object)

    def __init__(
        self,
        service: DeskService,
        credentials: CredentialsSource,
        profile: str,
        defaults: ReissueDefaults,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.credentials = credentials
        self.profile = profile
        self.issue_result: IssueResult | None = None
        self.said: IssueSaid | None = None
        self.draft: ReissueDraft | None = None
        self._job: JobHandle | None = None
        self._derived_offered = False
        self.setWindowTitle(words.title())
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        self.fields = ReissueFields(defaults, self.pages)
        self.summary = ReissueSummary(self.pages)
        self.pages.addWidget(self.fields)
        self.pages.addWidget(self.summary)
        layout.addWidget(self.pages)
        self.status = plain_label(self)
        layout.addWidget(self.status)
        labels = words.buttons()
        self.back_button = QPushButton(labels["cancel"], self)
        self.next_button = QPushButton(labels["next"], self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.back_button.clicked.connect(self.on_back_clicked)
        self.next_button.clicked.connect(self.on_next_clicked)
        # Wide enough for the intro and the sentences to wrap in a few lines, not a column.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self._show_form()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def outcome(self) -> tuple[IssueSaid, Receipt | None]:
        """Once finished: what the opener should say, and the receipt issued (None if none)."""
        said = self.said or IssueSaid(UserMessage(words.nothing_issued()))
        result = self.issue_result
        issued = None
        if said.success and result is not None and result.receipt is not None:
            issued = None if result.receipt.is_cancelled else result.receipt
        return said, issued

    # ---- pages ---------------------------------------------------------------------------

    def _show_form(self, problem: str = "", field: str | None = None) -> None:
        labels = words.buttons()
        self.pages.setCurrentIndex(FORM)
        self.back_button.setText(labels["cancel"])
        self.next_button.setText(labels["next"])
        self.next_button.setDefault(True)  # Enter moves on: nothing is sent from this page
        self.back_button.setDefault(False)
        self.fields.show_problem(problem, field)
        if field is None:
            self.fields.identifier_edit.setFocus()

    def _show_confirm(self, draft: ReissueDraft, derived_note: str | None = None) -> None:
        labels = words.buttons()
        self.draft = draft
        self.summary.show_draft(draft, derived_note)
        self.pages.setCurrentIndex(CONFIRM)
        self.back_button.setText(labels["dont"] if derived_note else labels["back"])
        self.next_button.setText(
            words.issue_under(draft.merchant_uid) if derived_note else labels["issue"]
        )
        # The safe answer is the default: Enter (and Escape) never issue a receipt.
        self.next_button.setDefault(False)
        self.next_button.setAutoDefault(False)
        self.back_button.setDefault(True)
        self.back_button.setFocus()
        self.setAccessibleDescription(self.summary.text())

    # ---- buttons -------------------------------------------------------------------------

    @Slot()
    def on_next_clicked(self) -> None:
        if self.busy:
            return
        if self.pages.currentIndex() == FORM:
            self._check_form()
        elif self.draft is not None:
            self._issue(self.draft)

    @Slot()
    def on_back_clicked(self) -> None:
        if self.busy:
            return
        if self.pages.currentIndex() == CONFIRM and not self._derived_offered:
            self._show_form()
            return
        if self._derived_offered and self.issue_result is not None and self.draft is not None:
            # The derived number declined: what stays is PortOne's refusal of the sale's own.
            self.said = issue_said(
                self.issue_result, self.draft.corrects_uid or self.draft.merchant_uid
            )
        self.reject()

    def _check_form(self) -> None:
        try:
            draft = self.fields.draft()
        except IdentifierError as exc:
            self._show_form(identifier_problem(exc), "identifier")
            return
        except RuleError as exc:
            self._show_form(words.field_problem(exc), exc.field)
            return
        self._show_confirm(draft)

    # ---- the job -------------------------------------------------------------------------

    def _issue(self, draft: ReissueDraft) -> None:
        try:
            job = self.service.issue(self.credentials, self.profile, draft)
        except AppClosingError as exc:
            self.status.setText(describe_error(exc).text)
            return
        self._job = job
        self._set_busy(True)
        self.status.setText(words.issuing(draft.merchant_uid))
        job.done.connect(self.on_job_done)

    def _set_busy(self, busy: bool) -> None:
        self.back_button.setEnabled(not busy)
        self.next_button.setEnabled(not busy)
        self.pages.setEnabled(not busy)

    @Slot(object)
    def on_job_done(self, result: IssueResult) -> None:
        self._job = None
        self._set_busy(False)
        self.status.setText("")
        self.issue_result = result
        self.job_done.emit(result)
        draft = self.draft
        assert draft is not None  # set before the job was submitted
        if result.derived_order is not None and not self._derived_offered:
            self._derived_offered = True
            self._show_confirm(
                draft.under(result.derived_order), derived_order_sentence(result.derived_order)
            )
            return
        said = issue_said(result, draft.merchant_uid, derived=draft.is_derived)
        if said.retry and not self._derived_offered:
            # PortOne refused and said why: the form stays, to correct what it names.
            self._show_form(said.message.full_text())
            return
        self.said = said
        if said.success:
            self.accept()
        else:
            self.reject()

    # ---- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy:  # a POST in flight: its outcome must be seen and recorded
            self.status.setText(words.cannot_close())
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            self.status.setText(words.cannot_close())
            event.ignore()
            return
        super().closeEvent(event)
