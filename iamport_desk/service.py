"""The GUI-side service between the windows and the API thread.

Each call submits one job and returns a :class:`JobHandle`; the job's typed result
(:mod:`iamport_desk.jobs`) is delivered on the GUI thread through that handle's ``done``
signal, so it goes back only to whoever asked. Everything that may block (network,
keychain, settings file, history file) runs on the API thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot

from iamport_desk.jobs import (
    AppClosingError,
    CallJob,
    CancelDecision,
    CancelJob,
    CredentialsSource,
    IssueJob,
    Job,
    JobResult,
    LookupJob,
    ReconcileJob,
    SaveProfileJob,
    SecretCheckJob,
    SettingsJob,
    StartupJob,
    TestConnectionJob,
)

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore
    from iamport_desk.models import Profile, Receipt
    from iamport_desk.reissue_draft import ReissueDraft
    from iamport_desk.worker import ApiThread

log = logging.getLogger(__name__)


class JobHandle(QObject):
    """One submitted job, as its submitter sees it.

    Signals:
        done(object): the job's typed result (a :data:`iamport_desk.jobs.JobResult`),
            emitted once, on the GUI thread.
    """

    done = Signal(object)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.result: JobResult | None = None

    @property
    def finished(self) -> bool:
        return self.result is not None

    def deliver(self, result: JobResult) -> None:
        if self.result is None:
            self.result = result
            self.done.emit(result)

    def wait(self, timeout_ms: int = 120_000) -> JobResult | None:
        """Wait for the result while the GUI keeps painting and answering (a local event
        loop, as a modal dialog runs); None if it did not come within ``timeout_ms``."""
        if self.result is None:
            loop = QEventLoop()
            self.done.connect(loop.quit)
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(timeout_ms)
            if self.result is None:
                loop.exec()
            timer.stop()  # the loop's connection goes with the loop
        return self.result


class DeskService(QObject):
    """Submits the windows' jobs to the one API thread and routes each result back.

    Signals:
        history_changed(list): the newest attempts (``list[HistoryEntry]``) after a write.
        unresolved_changed(int): how many attempts still have an unknown outcome.
    """

    history_changed = Signal(list)
    unresolved_changed = Signal(int)

    def __init__(self, api: ApiThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self._pending: dict[int, JobHandle] = {}
        api.finished.connect(self.on_api_finished)
        api.history_changed.connect(self.history_changed)
        api.unresolved_changed.connect(self.unresolved_changed)

    # ---- submitting ------------------------------------------------------------------

    def submit(self, job: Job) -> JobHandle:
        """Queue ``job``; raises AppClosingError (a RuntimeError) once the thread was stopped."""
        if self.api.stopped:
            raise AppClosingError("the API thread was stopped")
        handle = JobHandle(job)
        self._pending[job.job_id] = handle
        self.api.submit(job)
        return handle

    def startup(self) -> JobHandle:
        return self.submit(StartupJob())

    def lookup(self, credentials: CredentialsSource, merchant_uid: str) -> JobHandle:
        return self.submit(LookupJob(credentials, merchant_uid))

    def cancel(
        self,
        credentials: CredentialsSource,
        profile: str,
        merchant_uid: str,
        decision: CancelDecision | None = None,
        looked_up: Receipt | None = None,
    ) -> JobHandle:
        """Cancel ``merchant_uid``; ``decision`` (the clerk's reason) and ``looked_up`` (the
        receipt shown) are recorded in the pending row before the request leaves."""
        reason = None if decision is None else decision.reason
        note = None if decision is None else decision.note
        return self.submit(
            CancelJob(
                credentials,
                profile,
                merchant_uid,
                reason=reason,
                reason_note=note,
                looked_up=looked_up,
            )
        )

    def issue(self, credentials: CredentialsSource, profile: str, draft: ReissueDraft) -> JobHandle:
        """Issue ``draft`` (ONE POST, after its audit row); the result is an IssueResult."""
        return self.submit(IssueJob(credentials, profile, draft))

    def test_connection(self, credentials: CredentialsSource) -> JobHandle:
        return self.submit(TestConnectionJob(credentials))

    def reconcile(self, credentials: CredentialsSource, profile: str) -> JobHandle:
        return self.submit(ReconcileJob(credentials, profile))

    def save_profile(
        self,
        profiles: ProfileStore,
        profile: Profile,
        secret: str | None,
        *,
        previous_name: str | None,
    ) -> JobHandle:
        return self.submit(SaveProfileJob(profiles, profile, secret, previous_name))

    def check_secret(self, profiles: ProfileStore, profile: str) -> JobHandle:
        return self.submit(SecretCheckJob(profiles, profile))

    def write_settings(self, what: str, action: Callable[[], object]) -> JobHandle | None:
        """Queue a settings write; None (nothing written) if the app has stopped."""
        try:
            return self.submit(SettingsJob(action, what))
        except AppClosingError:
            log.warning("settings not written (%s): the app is closing", what)
            return None

    def call(self, what: str, action: Callable[[], object]) -> JobHandle:
        """Run a blocking ``action`` (a history read) on the API thread."""
        return self.submit(CallJob(action, what))

    # ---- results ---------------------------------------------------------------------

    @Slot(int, object)
    def on_api_finished(self, job_id: int, result: JobResult) -> None:
        handle = self._pending.pop(job_id, None)
        if handle is None:  # pragma: no cover - a job submitted around the service
            log.warning("result of job %d has no submitter", job_id)
            return
        handle.deliver(result)

    # ---- stopping --------------------------------------------------------------------

    @property
    def stopped(self) -> bool:
        return self.api.stopped

    def abandon_lookup(self) -> bool:
        """The clerk stopped waiting: cut the lookup in flight (never a cancellation)."""
        return self.api.worker.abandon_lookup()

    def request_stop(self) -> None:
        self.api.request_stop()

    def stop(self, timeout_ms: int | None = None) -> bool:
        return self.api.stop(timeout_ms)


__all__ = ["DeskService", "JobHandle"]
