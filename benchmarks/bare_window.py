"""The start-up baseline: a bare PySide6 program that shows one empty QMainWindow.

``main()`` is shaped like ``iamport_desk.app.main()`` (it reuses a QApplication that
already exists), so ``startup_probe.py`` can time both the same way. ``bare_window.spec``
freezes this file for the frozen start-up comparison.
"""

from __future__ import annotations

import sys


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
