"""Small dialogs from the Help and Settings menus: shortcuts, about, language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iamport_desk import __version__
from iamport_desk.ui import shortcuts
from iamport_desk.ui.receipt_view import plain_label

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore
    from iamport_desk.paths import AppPaths
    from iamport_desk.service import DeskService

LICENCE = "MIT"


class ShortcutsDialog(QDialog):
    """Lists every shortcut from ``iamport_desk.ui.shortcuts``. Signals: none of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(shortcuts.ALL), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, shortcut in enumerate(shortcuts.ALL):
            self.table.setItem(row, 0, QTableWidgetItem(shortcut.native_key()))
            self.table.setItem(row, 1, QTableWidgetItem(shortcut.label()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        note = plain_label(self)
        note.setText(self.tr("Alt plus an underlined letter activates that button or field."))
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 380)


class AboutDialog(QDialog):
    """Version, licence and the folders the app writes to. Signals: none of its own."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About iamport-desk"))
        layout = QVBoxLayout(self)
        title = QLabel(f"iamport-desk {__version__}", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        blurb = plain_label(self)
        blurb.setText(
            self.tr(
                "Cancels cash receipts issued through PortOne for cash sales made outside "
                "PortOne. Licence: {0}."
            ).format(LICENCE)
        )
        layout.addWidget(blurb)
        form = QFormLayout()
        self.folder_buttons: list[QPushButton] = []
        for text, folder in (
            (self.tr("Data and history:"), paths.data_dir),
            (self.tr("Log files:"), paths.log_dir),
            (self.tr("Settings:"), paths.config_dir),
        ):
            row = QHBoxLayout()
            label = plain_label(self)
            label.setText(str(folder))
            button = QPushButton(self.tr("Open"), self)
            button.setAccessibleName(self.tr("Open folder {0}").format(folder))
            button.clicked.connect(lambda _=False, f=folder: self._open(str(f)))
            self.folder_buttons.append(button)
            row.addWidget(label, 1)
            row.addWidget(button)
            form.addRow(text, row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 240)

    @Slot(str)
    def _open(self, folder: str) -> None:
        from pathlib import Path

        Path(folder).mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


class LanguageDialog(QDialog):
    """Picks the interface language (system, 한국어, English). Signals: none of its own."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Language"))
        layout = QFormLayout(self)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("Follow the system"), "system")
        self.combo.addItem("한국어", "ko")
        self.combo.addItem("English", "en")
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        label = QLabel(self.tr("&Language:"), self)
        label.setBuddy(self.combo)
        layout.addRow(label, self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def language(self) -> str:
        return str(self.combo.currentData())


def choose_language(
    window: QWidget, profiles: ProfileStore, service: DeskService | None = None
) -> bool:
    """Ask, save, and apply the language at once by retranslating through a restart of the
    window (see app.relaunch_window). With ``service`` the settings file is written on the
    API thread (the window waits for it, still painting)."""
    dialog = LanguageDialog(profiles.settings.language, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    language = dialog.language()
    if language == profiles.settings.language:
        return False
    from iamport_desk.ui.settings_guard import save_or_warn, wait_saved

    if service is None:
        if not save_or_warn(
            window, profiles.settings_path, lambda: profiles.set_language(language)
        ):
            return False
    else:
        job = service.write_settings("language", lambda: profiles.set_language(language))
        if not wait_saved(window, profiles.settings_path, job):
            return False
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    switch = getattr(app, "switch_language", None)
    if callable(switch) and switch(language) is not False:
        return True
    # An explicit context: ``window.tr`` would look the words up under the window's class
    # name, not the name lupdate files them under.
    later = QCoreApplication.translate(
        "LanguageDialog", "The new language applies the next time iamport-desk starts."
    )
    if callable(switch):  # refused: a lookup, cancellation or export is still running
        later = QCoreApplication.translate(
            "LanguageDialog",
            "The language was saved but not changed yet: a lookup, cancellation or export is "
            "still running. Choose the language again once it has finished, or it applies the "
            "next time iamport-desk starts.",
        )
    title = QCoreApplication.translate("LanguageDialog", "Language")
    QMessageBox.information(window, title, later)
    return True
