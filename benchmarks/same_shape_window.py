"""A second start-up baseline: a plain PySide6 window of the main window's shape.

No iamport_desk code at all: a menu bar of five menus with shortcuts, the store box, the order
field and its buttons, a receipt of eight labelled fields in a scroll area, a table of recent
attempts and a read-only status box, in Korean with the CJK font and Qt's Korean translation.
``bare_window.py`` says what Qt costs for one empty window; this says what Qt alone costs for
a window like ours, so the difference to the app is what our own code adds (benchmarks/README.md,
"Where start-up time goes").
"""

from __future__ import annotations

import sys

MENUS = ("파일(&F)", "영수증(&R)", "기록(&H)", "보기(&V)", "도움말(&H)")
FIELDS = ("주문번호", "승인번호", "금액", "부가세", "구분", "발행 시각", "상태", "영수증 링크")
COLUMNS = ("시각", "주문번호", "결과", "금액", "취소사유")


def main() -> int:
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
    from PySide6.QtGui import QAction, QFont, QKeySequence, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QFormLayout,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QMainWindow,
        QPlainTextEdit,
        QPushButton,
        QScrollArea,
        QSplitter,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translator = QTranslator(app)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator.load(QLocale("ko_KR"), "qtbase", "_", translations)
    app.installTranslator(translator)
    font = QFont("Noto Sans CJK KR")
    font.setPointSize(10)
    app.setFont(font)

    window = QMainWindow()
    window.setWindowTitle("현금영수증 발행취소 - iamport-desk")
    for number, title in enumerate(MENUS):
        menu = window.menuBar().addMenu(title)
        for item in range(4):
            action = QAction(f"항목 {item + 1}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{number * 4 + item}"))
            menu.addAction(action)

    central = QWidget()
    column = QVBoxLayout(central)
    stores = QHBoxLayout()
    store_box = QComboBox()
    store_box.addItems(["강남점 [V1]", "본점 [V2]", "데모 하위상점 [V1, Tier DM1]"])
    stores.addWidget(QLabel("상점(&S)"))
    stores.addWidget(store_box, 1)
    stores.addWidget(QPushButton("상점 설정…"))
    column.addLayout(stores)
    form = QFormLayout()
    order = QLineEdit()
    order.setPlaceholderText("주문번호 (merchant_uid)")
    form.addRow("주문번호(&O)", order)
    column.addLayout(form)
    buttons = QHBoxLayout()
    buttons.addWidget(QPushButton("조회(&L)"))
    buttons.addWidget(QPushButton("발행 취소(&C)…"))
    buttons.addStretch(1)
    column.addLayout(buttons)

    splitter = QSplitter(Qt.Orientation.Vertical)
    receipt = QGroupBox("현금영수증")
    grid = QGridLayout(receipt)
    for index, name in enumerate(FIELDS):
        value = QLabel("-")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(QLabel(name), index // 2, (index % 2) * 2)
        grid.addWidget(value, index // 2, (index % 2) * 2 + 1)
    scroll = QScrollArea()
    scroll.setWidget(receipt)
    scroll.setWidgetResizable(True)
    splitter.addWidget(scroll)
    attempts = QStandardItemModel(0, len(COLUMNS))
    attempts.setHorizontalHeaderLabels(list(COLUMNS))
    for row in range(10):
        attempts.appendRow([QStandardItem(f"2026-11-01 10:{row:02d}"),
                            QStandardItem(f"ORDER-20261101-{row:04d}"), QStandardItem("취소됨"),
                            QStandardItem("10,000원"), QStandardItem("거래취소")])
    table = QTableView()
    table.setModel(attempts)
    splitter.addWidget(table)
    column.addWidget(splitter, 1)
    status = QPlainTextEdit()
    status.setReadOnly(True)
    status.setPlainText("상점을 고르고 주문번호를 입력한 뒤 Enter를 누르세요.")
    status.setMaximumHeight(64)
    column.addWidget(status)

    window.setCentralWidget(central)
    window.resize(860, 688)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
