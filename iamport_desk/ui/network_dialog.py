"""Network settings: which proxy requests to the store's host go through, and one set by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iamport_desk.credentials import ProfileStore
from iamport_desk.models import DEFAULT_API_BASE
from iamport_desk.proxies import proxy_for, without_credentials
from iamport_desk.rules import validate_proxy_url
from iamport_desk.ui.receipt_view import plain_label
from iamport_desk.ui.settings_guard import save_or_warn, wait_saved

if TYPE_CHECKING:
    from iamport_desk.service import DeskService


class NetworkDialog(QDialog):
    """Shows the proxy in use for the active store's host and sets or clears one by hand.

    The proxy set here is kept in the settings file (never a user name or password) and used
    for every store from the next request on. Signals: none of its own (accepted/rejected).
    """

    def __init__(
        self,
        profiles: ProfileStore,
        *,
        api_base_override: str | None = None,
        parent: QWidget | None = None,
        service: DeskService | None = None,
    ) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self.api_base_override = api_base_override
        # With the service, the settings file is written on the API thread (the dialog waits
        # for it, still painting); without it (a test of the dialog alone), here.
        self.service = service
        self.setWindowTitle(self.tr("Network"))
        self.setModal(True)

        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.host_label = plain_label(self, wrap=False)
        self.in_use_label = plain_label(self)
        self.in_use_label.setObjectName("proxyInUse")
        form.addRow(self.tr("Store's host:"), self.host_label)
        form.addRow(self.tr("Requests go through:"), self.in_use_label)
        proxy_label = QLabel(self.tr("&Proxy set by hand:"), self)
        self.proxy_edit = QLineEdit(self)
        self.proxy_edit.setPlaceholderText(self.tr("e.g. http://proxy.example:8080"))
        self.proxy_edit.setAccessibleName(self.tr("Proxy set by hand"))
        proxy_label.setBuddy(self.proxy_edit)
        form.addRow(proxy_label, self.proxy_edit)
        outer.addLayout(form)
        hint = plain_label(self)
        hint.setText(
            self.tr(
                "Leave it empty to use the proxy of Windows or macOS, or of the environment "
                "(HTTPS_PROXY). A user name or password is not kept here."
            )
        )
        outer.addWidget(hint)
        self.error_label = plain_label(self)
        self.error_label.setStyleSheet("color: #b02a37;")
        outer.addWidget(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.clear_button = QPushButton(self.tr("C&lear"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        outer.addWidget(buttons)

        self.proxy_edit.setText(profiles.settings.proxy or "")
        self._show_in_use()

    def host_url(self) -> str:
        """The address requests of the active store go to."""
        if self.api_base_override:
            return self.api_base_override
        active = self.profiles.active()
        return active.api_base if active is not None else DEFAULT_API_BASE

    def _show_in_use(self) -> None:
        url = self.host_url()
        manual = self.profiles.settings.proxy
        self.host_label.setText(url)
        found = proxy_for(url, manual)
        # A proxy from the environment may carry a user name and password: never on screen.
        proxy = without_credentials(found) if found is not None else None
        if proxy is None:
            text = self.tr("a direct connection (no proxy)")
        elif manual:
            text = self.tr("{0} (set by hand)").format(proxy)
        else:
            text = self.tr("{0} (from the system or the environment)").format(proxy)
        self.in_use_label.setText(text)

    def _store(self, proxy: str | None) -> None:
        profiles = self.profiles
        if self.service is None:
            saved = save_or_warn(self, profiles.settings_path, lambda: profiles.set_proxy(proxy))
        else:
            job = self.service.write_settings("proxy", lambda: profiles.set_proxy(proxy))
            saved = wait_saved(self, profiles.settings_path, job)
        if saved:
            self.error_label.clear()
            self.proxy_edit.setText(self.profiles.settings.proxy or "")
        self._show_in_use()

    @Slot()
    def save(self) -> None:
        try:
            proxy = validate_proxy_url(self.proxy_edit.text())
        except ValueError:
            self.error_label.setText(
                self.tr(
                    "The proxy must look like http://proxy.example:8080 (http or https, a host "
                    "and a port, no user name or password)."
                )
            )
            self.proxy_edit.setFocus()
            return
        self._store(proxy)

    @Slot()
    def clear(self) -> None:
        self.proxy_edit.clear()
        self._store(None)
