"""A stand-in for the app's main window, to prove tests/test_screen_fit.py right or wrong.

    python tools/screen_fit_standin.py fits|grows|huge|trusting

It answers the keys the test presses the way the app does (Ctrl+L, typing, Enter, Ctrl+D, the
confirmation's Alt+C, Ctrl+Q) and writes the same ``METHOD PATH -> ...`` lines to the log
under $IAMPORT_DESK_HOME, but it has no network and no PortOne at all. How its window behaves
is the argument:

- fits: a fixed 600x400 (logical) window, restored only onto a present screen;
- grows: starts at 600x400 and grows 60 px with every answer, as the issue saw the app do;
- huge: 1400x900, taller than a 768 px screen;
- trusting: like fits, but restores its saved position without looking at the screens.

Run by the test through ``AppRun(command=...)`` or $IAMPORT_SCREEN_FIT_APP only.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

SIZES = {"fits": (600, 400), "grows": (600, 400), "huge": (1400, 900), "trusting": (600, 400)}


class StandIn(QMainWindow):
    def __init__(self, mode: str, home: Path) -> None:
        super().__init__()
        self.mode = mode
        self.home = home
        self.setWindowTitle("iamport-desk - screen-fit stand-in")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.order = QLineEdit(central)
        self.order.returnPressed.connect(self.look_up)
        self.message = QLabel(central)
        self.message.setWordWrap(True)
        layout.addWidget(self.order)
        layout.addWidget(self.message, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence("Ctrl+L"), self, self.focus_order)
        QShortcut(QKeySequence("Ctrl+D"), self, self.cancel)
        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)
        if mode == "grows":
            self.resize(*SIZES[mode])
        else:
            self.setFixedSize(*SIZES[mode])
        self.restore()

    @property
    def geometry_file(self) -> Path:
        return self.home / "standin-geometry.json"

    def restore(self) -> None:
        if not self.geometry_file.exists():
            return
        x, y = json.loads(self.geometry_file.read_text(encoding="utf-8"))
        wanted = QRect(x, y, self.width(), self.height())
        on_screen = any(s.availableGeometry().contains(wanted) for s in QGuiApplication.screens())
        if on_screen or self.mode == "trusting":
            self.move(x, y)

    def log(self, method: str) -> None:
        folder = self.home / "log" / "demo"
        folder.mkdir(parents=True, exist_ok=True)
        path = "/receipts/external/" + urllib.parse.quote(self.order.text(), safe="")
        stamp = datetime.now(UTC).isoformat()
        with (folder / "iamport-desk.log").open("a", encoding="utf-8") as out:
            out.write(f"{stamp} INFO standin [MainThread] {method} {path} -> HTTP 200\n")

    def answered(self, text: str) -> None:
        self.message.setText(text)
        if self.mode == "grows":
            self.resize(self.width(), self.height() + 60)

    def focus_order(self) -> None:
        self.order.setFocus()
        self.order.selectAll()

    def look_up(self) -> None:
        self.log("GET")
        self.answered(f"Receipt of {self.order.text()} shown.")

    def cancel(self) -> None:
        box = QMessageBox(self)
        box.setText("Cancel it?")
        yes = box.addButton("&Cancel the receipt", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is yes:
            self.log("DELETE")
            self.answered("Not cancelled. " * 40)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.geometry_file.write_text(json.dumps([self.x(), self.y()]), encoding="utf-8")
        event.accept()


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "fits"
    if mode not in SIZES:
        print(f"unknown mode {mode!r}; one of {', '.join(SIZES)}", file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    app.setApplicationName("iamport-desk")
    window = StandIn(mode, Path(os.environ["IAMPORT_DESK_HOME"]))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
