"""The log file is safe to e-mail: secrets and tokens never reach it."""

from __future__ import annotations

import logging
import logging.handlers
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from iamport_desk.logsetup import (
    RedactingFilter,
    configure_logging,
    install_excepthook,
    redact,
    register_secret,
)

SECRET = "Lq7Wm2Xz9Rt4Yb8Nc3Vd6Kf1Hg5Js0Pa"
TOKEN = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0"


@pytest.fixture(autouse=True)
def restore_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put the root logger and the exception hooks back as they were."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _ours(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if getattr(h, "_iamport_desk_handler", False)]


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_configure_creates_folder_and_rotating_handler(tmp_path: Path) -> None:
    log_dir = tmp_path / "a" / "log"
    path = configure_logging(log_dir, level=logging.DEBUG)
    assert path == log_dir / "iamport-desk.log"
    (handler,) = _ours(logging.getLogger())
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == 1_000_000
    assert handler.backupCount == 5
    assert handler.encoding == "utf-8"
    assert Path(handler.baseFilename) == path.resolve()
    assert any(isinstance(f, RedactingFilter) for f in handler.filters)
    assert logging.getLogger().level == logging.DEBUG

    logging.getLogger("iamport_desk.test").info("현금영수증 취소 %s", "OK")
    _flush()
    line = path.read_text(encoding="utf-8")
    assert "INFO" in line and "iamport_desk.test" in line and "현금영수증 취소 OK" in line
    assert line[:4].isdigit()  # starts with the time


def test_configure_is_idempotent(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    configure_logging(tmp_path)
    configure_logging(tmp_path, console=True)
    configure_logging(tmp_path)
    assert len(_ours(root)) == 1
    assert len(root.handlers) == before + 1
    logging.getLogger("x").warning("only once")
    _flush()
    assert (tmp_path / "iamport-desk.log").read_text(encoding="utf-8").count("only once") == 1


def test_console_handler_is_also_redacted(tmp_path: Path) -> None:
    configure_logging(tmp_path, console=True)
    handlers = _ours(logging.getLogger())
    assert len(handlers) == 2
    assert all(any(isinstance(f, RedactingFilter) for f in h.filters) for h in handlers)


def test_file_rotates(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    logger = logging.getLogger("rotation")
    for _ in range(1200):
        logger.info("x" * 1000)
    _flush()
    assert (tmp_path / "iamport-desk.log.1").exists()
    assert path.stat().st_size <= 1_000_000


def test_registered_secret_never_reaches_the_file(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    register_secret(SECRET)
    logger = logging.getLogger("iamport_desk.api")
    logger.info("posting secret " + SECRET)
    logger.info("args %s and %r", SECRET, {"imp_key": "k", "x": SECRET})
    logger.warning("percent-style %(s)s", {"s": SECRET})
    try:
        raise RuntimeError(f"server echoed {SECRET}")
    except RuntimeError:
        logger.exception("request failed")
    try:
        raise ValueError(f"bad value {SECRET!r}")
    except ValueError as exc:
        logger.error("with exc_info", exc_info=exc)
    logger.info("form body imp_key=k&imp_secret=%s", SECRET.replace("L", "%4C"))
    logger.info("stack", stack_info=True)
    _flush()
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert text.count("***") >= 6
    assert "RuntimeError: server echoed ***" in text  # the traceback itself is kept
    assert "Traceback" in text


def test_escaped_forms_are_redacted() -> None:
    secret = 'Ab"c\\d/e+f g=h'
    register_secret(secret)
    assert secret not in redact(f"raw {secret}")
    assert repr(secret)[1:-1] not in redact(f"repr {secret!r}")
    import json
    import urllib.parse

    assert json.dumps(secret)[1:-1] not in redact(json.dumps({"v": secret}))
    assert urllib.parse.quote(secret, safe="") not in redact(
        "q=" + urllib.parse.quote(secret, safe="")
    )


def test_short_values_are_not_registered() -> None:
    register_secret("12345")
    assert redact("order 12345 ok") == "order 12345 ok"


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        (f"Authorization: Bearer {TOKEN}", TOKEN),
        (f"headers={{'Authorization': 'Bearer {TOKEN}'}}", TOKEN),
        (f"authorization: {TOKEN}", TOKEN),
        (f"'Authorization': '{TOKEN}'", TOKEN),
        ('{"imp_key": "k", "imp_secret": "s3cr3t-value-1"}', "s3cr3t-value-1"),
        ("{'imp_secret': 's3cr3t-value-2'}", "s3cr3t-value-2"),
        ('{"imp_secret": "with \\" quote-value"}', "quote-value"),
        ("imp_key=k&imp_secret=s3cr3t-value-3&x=1", "s3cr3t-value-3"),
        ("Credentials(imp_secret=s3cr3t-value-4)", "s3cr3t-value-4"),
        ('{"access_token": "tok-value-5", "now": 1}', "tok-value-5"),
    ],
)
def test_patterns_are_redacted_without_registration(text: str, leak: str) -> None:
    out = redact(text)
    assert leak not in out
    assert "***" in out


def test_ordinary_text_is_untouched() -> None:
    text = "GET /receipts/external/order-20240501-001 -> 404 (imp_key=1234567890123456)"
    assert redact(text) == text


def test_filter_survives_bad_format_arguments() -> None:
    register_secret(SECRET)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, f"{SECRET} %s %s", ("one",), None)
    assert RedactingFilter().filter(record) is True
    assert SECRET not in record.getMessage()


def test_bearer_tokens_never_reach_the_file(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    logging.getLogger("httpx").debug("ignored at INFO")
    logging.getLogger("httpx").info("sending headers %s", {"Authorization": f"Bearer {TOKEN}"})
    _flush()
    text = path.read_text(encoding="utf-8")
    assert TOKEN not in text and "Bearer ***" in text
    assert "ignored at INFO" not in text


def test_excepthook_logs_redacted_and_calls_on_error(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    register_secret(SECRET)
    seen: list[BaseException] = []
    install_excepthook(seen.append)
    try:
        raise KeyError(f"lost {SECRET}")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # must not raise
    assert len(seen) == 1 and isinstance(seen[0], KeyError)
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "Unhandled exception" in text and "KeyError" in text
    assert SECRET not in text


def test_thread_exceptions_are_logged_and_reported(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    register_secret(SECRET)
    seen: list[BaseException] = []
    install_excepthook(seen.append)

    def work() -> None:
        raise RuntimeError(f"worker failed with {SECRET}")

    thread = threading.Thread(target=work, name="api-worker")
    thread.start()
    thread.join()
    assert len(seen) == 1 and isinstance(seen[0], RuntimeError)
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "api-worker" in text and "RuntimeError" in text
    assert SECRET not in text


def test_failing_on_error_does_not_escape(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)

    def broken(exc: BaseException) -> None:
        raise RuntimeError("dialog could not open")

    install_excepthook(broken)
    exc = ValueError("boom")
    sys.excepthook(ValueError, exc, None)
    _flush()
    assert "The error handler itself failed" in path.read_text(encoding="utf-8")


# --- two copies at once, and private files (issue 17 item 2, issue 12 item 9) -------------


def _hold_log_dir(log_dir: Path) -> subprocess.Popen[str]:
    """Another copy of the app, logging to ``log_dir`` until killed."""
    code = (
        "import sys, time, logging; from pathlib import Path;"
        "from iamport_desk.logsetup import configure_logging;"
        "print(configure_logging(Path(sys.argv[1])).name, flush=True);"
        "logging.getLogger('other').info('the other copy');"
        "time.sleep(60)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.Popen(
        [sys.executable, "-c", code, str(log_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.timeout(60)
def test_second_copy_rotates_its_own_file_even_where_open_files_cannot_be_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _hold_log_dir(tmp_path)
    try:
        assert other.stdout is not None
        held = tmp_path / other.stdout.readline().strip()
        assert held.name == "iamport-desk.log"
        real_rename = os.rename

        def windows_rename(src: str, dst: str) -> None:
            # Windows: a file another process has open cannot be renamed.
            if Path(src).resolve() == held.resolve():
                raise PermissionError(13, "The process cannot access the file")
            real_rename(src, dst)

        monkeypatch.setattr(os, "rename", windows_rename)
        path = configure_logging(tmp_path)
        assert path != held and path.name == "iamport-desk-2.log"
        logger = logging.getLogger("copy-b")
        for n in range(1500):
            logger.info("record %05d %s", n, "x" * 1000)
        _flush()
        written = "".join(
            p.read_text(encoding="utf-8") for p in tmp_path.glob("iamport-desk-2.log*")
        )
        assert (tmp_path / "iamport-desk-2.log.1").exists()  # it did rotate
        assert all(f"record {n:05d}" in written for n in range(1500))
        assert "the other copy" in held.read_text(encoding="utf-8")
    finally:
        other.kill()
        other.wait(timeout=30)


def test_a_copy_that_ended_frees_its_log_file(tmp_path: Path) -> None:
    assert configure_logging(tmp_path).name == "iamport-desk.log"
    assert configure_logging(tmp_path).name == "iamport-desk.log"  # our own slot, reclaimed


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_log_files_and_rotations_are_private(tmp_path: Path) -> None:
    old = tmp_path / "iamport-desk.log.3"
    old.write_text("from an older version\n")
    old.chmod(0o644)
    path = configure_logging(tmp_path)
    logger = logging.getLogger("private")
    for _ in range(1200):
        logger.info("y" * 1000)
    _flush()
    files = sorted(tmp_path.glob("iamport-desk.log*"))
    assert path in files and len(files) >= 3
    assert {p.name: p.stat().st_mode & 0o777 for p in files} == {p.name: 0o600 for p in files}
