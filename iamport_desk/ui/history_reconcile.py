"""The history window's "Check unknown outcomes" button: a reconciliation, and its summary.

The only job the history window asks of the API thread; it runs for the active store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Slot

from iamport_desk.jobs import (
    CredentialsSource,
    GivenCredentials,
    ReconcileResult,
    StoredCredentials,
)
from iamport_desk.models import Credentials, Outcome
from iamport_desk.ui.words import describe_error, reconcile_summary

if TYPE_CHECKING:
    from iamport_desk.service import JobHandle
    from iamport_desk.ui.history_window import HistoryWindow


class HistoryReconcile(QObject):
    """Starts a check from the history window and says how it went.

    No signals of its own: the window's ``reconcile_finished`` is emitted from here.
    """

    def __init__(self, window: HistoryWindow) -> None:
        super().__init__(window)
        self._job: JobHandle | None = None

    @property
    def _window(self) -> HistoryWindow:
        # The window is the Qt parent; no Python reference back to it (no reference cycle,
        # which would leave the window to the cyclic garbage collector).
        return cast("HistoryWindow", self.parent())

    def _credentials(self) -> tuple[str, CredentialsSource] | None:
        """The active store and where its credentials come from (read on the API thread)."""
        window = self._window
        if window.credentials_provider is not None:
            given = window.credentials_provider()
            if isinstance(given, StoredCredentials):
                return given.profile, given
            profile = window.profiles.active()
            if given is None or profile is None:
                return None
            source = GivenCredentials(given) if isinstance(given, Credentials) else given
            return profile.name, source
        active = window.profiles.active()
        if active is None:
            return None
        return active.name, StoredCredentials(window.profiles, active.name)

    def _no_saved_secret(self) -> None:
        self._window.show_message(
            QCoreApplication.translate(
                "HistoryWindow",
                "No store profile with a saved API secret is selected. Choose or enter one "
                "in the main window, then try again.",
            ),
            warning=True,
        )

    @Slot()
    def on_reconcile_button_clicked(self) -> None:
        window = self._window
        if self._job is not None:
            return
        found = self._credentials()
        if found is None:
            self._no_saved_secret()
            return
        name, credentials = found
        try:
            self._job = window.service.reconcile(credentials, name)
            self._job.done.connect(self.on_reconcile_done)
        except RuntimeError:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow", "The app is closing; nothing was checked."
                ),
                warning=True,
            )
            return
        window.reconcile_button.setEnabled(False)
        window.show_message(
            QCoreApplication.translate(
                "HistoryWindow", "Checking attempts with an unknown outcome..."
            )
        )

    @Slot(object)
    def on_reconcile_done(self, result: ReconcileResult) -> None:
        window = self._window
        self._job = None
        window.reconcile_button.setEnabled(True)
        if result.missing_secret:
            self._no_saved_secret()
            window.reconcile_finished.emit(result)
            return
        done = result.reconciled
        cancelled = sum(1 for entry in done if entry.outcome == Outcome.CANCELLED)
        error = result.error
        if done:
            text = reconcile_summary(len(done), cancelled)
            if error is not None:
                text += " " + QCoreApplication.translate(
                    "HistoryWindow", "Some could not be checked yet: {0}"
                ).format(self._error_text(error))
            window.show_message(text, warning=error is not None)
        elif error is not None:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow", "Unknown outcomes could not be checked: {0}"
                ).format(self._error_text(error)),
                warning=True,
            )
        else:
            window.show_message(
                QCoreApplication.translate(
                    "HistoryWindow",
                    "No attempt of the active store profile has an unknown outcome.",
                )
            )
        if window.isVisible():
            window.refresh()
        window.reconcile_finished.emit(result)

    def _error_text(self, error: BaseException) -> str:
        # describe_error words a HistoryUnavailable with words.history_problem, the one place.
        return describe_error(error).text
