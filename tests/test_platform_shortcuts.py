"""macOS: no shortcut of the app takes a key the system reserves (issue 17 item 7).

Qt maps "Ctrl" to ⌘ and "Meta" to ⌃ on macOS. The platform is faked through sys.platform,
which ``Shortcut.sequence()`` reads each time.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QKeySequence

from iamport_desk.ui import shortcuts

# Keys macOS itself answers (Apple's "Mac keyboard shortcuts"), in Qt's portable text.
MAC_RESERVED: dict[str, str] = {
    "Ctrl+H": "hide",  # ⌘H Hide the app
    "Ctrl+Alt+H": "hide others",  # ⌥⌘H
    "Ctrl+M": "minimize",  # ⌘M
    "Ctrl+Alt+M": "minimize all",  # ⌥⌘M
    "Ctrl+Q": "quit",  # ⌘Q
    "Ctrl+W": "close window",  # ⌘W
    "Ctrl+Alt+W": "close all windows",  # ⌥⌘W
    "Ctrl+,": "settings",  # ⌘, the app's preferences
    "Ctrl+Tab": "switch apps",  # ⌘Tab
    "Ctrl+Shift+Tab": "switch apps backwards",
    "Ctrl+`": "cycle windows",  # ⌘`
    "Ctrl+Space": "spotlight",  # ⌘Space
    "Ctrl+Alt+Space": "finder search",  # ⌥⌘Space
    "Meta+Space": "input source",  # ⌃Space: 한/영 on a Korean Mac
    "Meta+Alt+Space": "next input source",  # ⌃⌥Space
    "Meta+Ctrl+Space": "emoji",  # ⌃⌘Space
    "Meta+Ctrl+Q": "lock screen",  # ⌃⌘Q
    "Meta+Ctrl+F": "full screen",  # ⌃⌘F
    "Ctrl+Shift+Q": "log out",  # ⇧⌘Q
    "Ctrl+Alt+Esc": "force quit",  # ⌥⌘Esc
    "Ctrl+Alt+D": "dock",  # ⌥⌘D
    "Ctrl+Shift+3": "screenshot",
    "Ctrl+Shift+4": "screenshot of a part",
    "Ctrl+Shift+5": "screenshot tool",
    "Ctrl+Shift+/": "help search",  # ⇧⌘?
    "Meta+F2": "menu bar focus",  # ⌃F2
    "Meta+F3": "dock focus",  # ⌃F3
}


@pytest.fixture
def on_mac(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")


def _collisions() -> list[tuple[str, str, str]]:
    found = []
    for shortcut in shortcuts.ALL:
        sequence = shortcut.sequence()
        for key, meaning in MAC_RESERVED.items():
            if sequence == QKeySequence(key) and shortcut.system_role != meaning:
                found.append((shortcut.description, key, meaning))
    return found


@pytest.mark.usefixtures("on_mac")
def test_no_app_shortcut_takes_a_key_macos_reserves() -> None:
    assert _collisions() == []


@pytest.mark.usefixtures("on_mac")
def test_history_has_its_own_key_on_macos_and_quit_keeps_the_systems() -> None:
    assert shortcuts.HISTORY.sequence() == QKeySequence("Ctrl+Y")
    assert shortcuts.QUIT.sequence() == QKeySequence("Ctrl+Q")


@pytest.mark.usefixtures("on_mac")
def test_every_app_shortcut_is_distinct_on_macos() -> None:
    keys = [shortcut.sequence().toString() for shortcut in shortcuts.ALL]
    assert len(set(keys)) == len(keys)


def test_other_platforms_keep_ctrl_h(monkeypatch: pytest.MonkeyPatch) -> None:
    for platform in ("win32", "linux"):
        monkeypatch.setattr(sys, "platform", platform)
        assert shortcuts.HISTORY.sequence() == QKeySequence("Ctrl+H")
