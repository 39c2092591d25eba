"""The main window's store box: filled from the profiles, switched by the clerk.

Functions of the window (never holding it): the window is rebuilt when the language changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from iamport_desk.ui.result_sentences import first_start_said
from iamport_desk.ui.settings_guard import warn_if_unsaved
from iamport_desk.ui.words import UserMessage

if TYPE_CHECKING:
    from iamport_desk.jobs import StoredCredentials
    from iamport_desk.ui.main_window import MainWindow


def reload_profiles(window: MainWindow) -> None:
    """Offer the stores again; say what to do when there is none, or the settings were lost."""
    profiles = window.profiles
    active = profiles.active()
    window.order_form.show_profiles(profiles.profiles(), active.name if active else None)
    if profiles.notice:
        window.show_message(
            UserMessage(
                QCoreApplication.translate(
                    "MainWindow",
                    "The settings file could not be read and was set aside; defaults are in "
                    "use. Details: {0}",
                ).format(profiles.notice)
            ),
            warning=True,
        )
    elif not profiles.profiles():
        said = first_start_said()
        window.show_message(said.message, warning=said.warning)


def switch_store(window: MainWindow, index: int) -> None:
    """The clerk chose the store at ``index``: saved (on the API thread), receipt cleared."""
    name = window.profile_combo.itemData(index)
    if not isinstance(name, str):
        return
    profiles = window.profiles
    # Queued: the settings file is fsynced on the API thread, not here.
    job = window.service.write_settings("active store", lambda: profiles.set_active(name))
    warn_if_unsaved(window, profiles.settings_path, job)
    window.set_receipt(None)
    window.show_message(
        QCoreApplication.translate("MainWindow", "Store switched to {0}.").format(name)
    )


def source_or_ask(window: MainWindow) -> StoredCredentials | None:
    """The active store's credentials source; asks for a store when there is none."""
    source = window.credentials_source()
    if source is None:
        if not window.edit_credentials(
            QCoreApplication.translate(
                "MainWindow", "Enter the REST API key and secret of your PortOne store."
            )
        ):
            return None
        source = window.credentials_source()
    return source


def follow_practice_order(window: MainWindow, order: str) -> None:
    """A practice order was picked: choose the practice store that finds it (its Tier, V2)."""
    from iamport_desk.demo_stores import practice_store

    index = window.profile_combo.findData(practice_store(order))
    if index >= 0 and index != window.profile_combo.currentIndex():
        window.profile_combo.setCurrentIndex(index)
        switch_store(window, index)


__all__ = ["follow_practice_order", "reload_profiles", "source_or_ask", "switch_store"]
