"""Where the main window opens and how big: always on a present screen, never past its edge.

Issue 13: a 1366x768 laptop, or 1920x1080 at 150 % and 2560x1440 at 200 % (both 640 logical
pixels high once a taskbar and a title bar are taken off). The window opens at
``DEFAULT_SIZE`` or less, leaving ``CHROME_ALLOWANCE`` for a title bar and a taskbar that the
screen's available geometry may not count (on X11 without a panel it is the whole screen).
A saved geometry is used only if the window then lies wholly on one of the present screens;
otherwise it is centred on the primary screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(860, 760)
CHROME_ALLOWANCE = 80  # logical px: a title bar and a taskbar


def usable_area(screen: QScreen) -> QRect:
    """The part of ``screen`` a window's client area may take."""
    area = screen.availableGeometry()
    return area.adjusted(0, 0, 0, -CHROME_ALLOWANCE)


def fitted_size(area: QRect) -> QSize:
    """``DEFAULT_SIZE``, made smaller where ``area`` is smaller."""
    return DEFAULT_SIZE.boundedTo(area.size())


def centre_on_primary(window: QWidget) -> None:
    """The default size (or less) in the middle of the primary screen's usable area."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(DEFAULT_SIZE)
        return
    area = usable_area(screen)
    size = fitted_size(area)
    window.resize(size)
    box = QRect(area.topLeft(), size)
    box.moveCenter(area.center())
    window.move(box.topLeft())


def lies_on_a_screen(box: QRect) -> bool:
    """True if ``box`` (a frame, in global logical pixels) is wholly on one present screen."""
    return any(screen.availableGeometry().contains(box) for screen in QGuiApplication.screens())


def restore_on_screen(window: QWidget, saved: QByteArray) -> bool:
    """Apply ``saved`` (``QWidget.saveGeometry``) only if it puts ``window`` on a present
    screen and no larger than its usable area; else centre it on the primary screen.
    True if the saved geometry was used (Qt itself may have moved it onto a screen)."""
    if QWidget.restoreGeometry(window, saved):
        box = window.frameGeometry()
        screen = QGuiApplication.screenAt(box.center())
        if screen is not None and lies_on_a_screen(box):
            area = usable_area(screen)
            if box.height() <= area.height() and box.width() <= area.width():
                return True
    centre_on_primary(window)
    return False


__all__ = [
    "CHROME_ALLOWANCE",
    "DEFAULT_SIZE",
    "centre_on_primary",
    "fitted_size",
    "lies_on_a_screen",
    "restore_on_screen",
    "usable_area",
]
