"""The windowed Windows exe has no stdout/stderr (issue 17 item 5), faked by setting both to None.

--version, --help and argument errors are logged and shown in a box; native crashes reach
crash.log through faulthandler; Qt's messages reach the log.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk import app, no_console
from iamport_desk.paths import AppPaths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, bool]]]:
    """Message boxes recorded instead of shown; the test then calls ``_no_console``."""
    boxes: list[tuple[str, str, bool]] = []
    monkeypatch.setattr(
        no_console, "show_box", lambda title, text, *, error: boxes.append((title, text, error))
    )
    root = logging.getLogger()
    before = list(root.handlers)
    yield boxes
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def _no_console(monkeypatch: pytest.MonkeyPatch) -> None:
    # In the test body: pytest's output capture sets sys.stdout/stderr again after fixtures.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


def _log_text(app_paths: AppPaths) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (app_paths.log_dir / "iamport-desk.log").read_text(encoding="utf-8")


def test_argument_error_goes_to_the_log_and_a_box(
    windowed: list[tuple[str, str, bool]], app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_console(monkeypatch)
    with pytest.raises(SystemExit) as exited:
        app.parse_args(["--bogus"])
    assert exited.value.code == 2
    ((title, text, error),) = windowed
    assert title == "iamport-desk" and error is True
    assert "unrecognized arguments: --bogus" in text and "usage:" in text
    assert "unrecognized arguments: --bogus" in _log_text(app_paths)


def test_version_and_help_are_shown(
    windowed: list[tuple[str, str, bool]], app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_console(monkeypatch)
    from iamport_desk import __version__

    with pytest.raises(SystemExit) as exited:
        app.parse_args(["--version"])
    assert exited.value.code == 0
    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    assert [error for _, _, error in windowed] == [False, False]
    assert windowed[0][1] == f"iamport-desk {__version__}"
    assert "--smoke-test" in windowed[1][1]


def test_with_a_console_nothing_changes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(no_console, "show_box", lambda title, text, *, error: boxes.append(text))
    with pytest.raises(SystemExit):
        app.parse_args(["--bogus"])
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    assert boxes == []
    assert no_console.has_console()


@pytest.mark.timeout(60)
def test_native_crash_is_written_to_crash_log(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import faulthandler, sys
        from pathlib import Path
        sys.stdout = sys.stderr = None  # the windowed exe
        from iamport_desk.no_console import install_windowed_traces
        assert install_windowed_traces(Path(sys.argv[1]))
        faulthandler._sigsegv()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], env=env, capture_output=True, timeout=50
    )
    assert done.returncode != 0
    crash = (tmp_path / "crash.log").read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error: Segmentation fault" in crash
    if os.name == "posix":
        assert (tmp_path / "crash.log").stat().st_mode & 0o777 == 0o600


def test_qt_messages_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    no_console.install_qt_message_handler()
    try:
        with caplog.at_level(logging.DEBUG, logger="qt"):
            qWarning("QThread: a warning from Qt")
    finally:
        qInstallMessageHandler(None)
    assert any(
        r.name == "qt" and r.levelno == logging.WARNING and "a warning from Qt" in r.getMessage()
        for r in caplog.records
    )


def test_traces_are_not_installed_with_a_console(tmp_path: Path) -> None:
    assert no_console.install_windowed_traces(tmp_path) is False
    assert not (tmp_path / "crash.log").exists()
