"""The history window as a record for the books: its columns, keys, words, exports,
confirmations and the correction pairs (issues 13, 14 and 15)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.paths import AppPaths
from iamport_desk.service import DeskService
from iamport_desk.ui.history_window import HistoryWindow
from iamport_desk.ui.words import history_problem
from tests.ui_helpers import running_service

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def api(app_paths: AppPaths) -> Iterator[DeskService]:
    with running_service(app_paths) as service:
        yield service


@pytest.fixture
def profiles(app_paths: AppPaths) -> ProfileStore:
    return ProfileStore(app_paths.settings_file, SecretStore())


def open_window(
    qtbot: QtBot, path: Path, api: DeskService, profiles: ProfileStore
) -> HistoryWindow:
    window = HistoryWindow(path, api, profiles)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10_000)
    return window


def test_a_history_it_cannot_read_is_said_in_the_words_of_the_one_place(
    qtbot: QtBot, app_paths: AppPaths, api: DeskService, profiles: ProfileStore
) -> None:
    path = app_paths.history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE attempts (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    window = open_window(qtbot, path, api, profiles)
    qtbot.waitUntil(lambda: window.status_label.text() == history_problem("newer"))
