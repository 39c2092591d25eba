"""Drive the real app on a private Xvfb display, the way a clerk would: keys in, windows measured.

Shared by tests/test_screen_fit.py (does the main window fit the screen?) and
tools/screenshots.py (pictures of every window). Standard library only, and nothing happens at
import time: the X server and the app start when ``XSession.start`` / ``AppRun.start`` run.

The display has no window manager, so a window's frame is its client area: the title bar and
the taskbar a real desktop would add are accounted for by the caller (``chrome_px``).

Every wait is a bounded poll on something the app shows or writes (a window appearing, a line
in its log, a geometry that stopped changing); none is a bare sleep.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
WINDOW_CLASS = "iamport-desk"
# Lets the screen-fit test prove itself on a stand-in window (tools/screen_fit_standin.py);
# a command line split on spaces, run instead of ``python -m iamport_desk --demo``.
APP_COMMAND_ENV = "IAMPORT_SCREEN_FIT_APP"
# xdotool's default 12 ms per key loses characters under load; 40 ms has not.
TYPE_DELAY_MS = "40"

T = TypeVar("T")


class SessionError(RuntimeError):
    """The X server, xdotool or the app did not do what was asked in time."""


def tools_missing() -> list[str]:
    """The programs this module needs that are not on PATH."""
    import shutil

    return [name for name in ("Xvfb", "xdotool") if shutil.which(name) is None]


def poll(what: str, probe: Callable[[], T | None], timeout: float, step: float = 0.1) -> T:
    """Call ``probe`` until it returns something other than None; SessionError after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise SessionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(step)


@dataclass(frozen=True)
class Geometry:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def __str__(self) -> str:
        return f"{self.width}x{self.height}+{self.x}+{self.y}"


class XSession:
    """One Xvfb server with a single screen of ``width`` x ``height`` pixels."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.display = ""
        self._server: subprocess.Popen[bytes] | None = None

    def start(self) -> XSession:
        read_fd, write_fd = os.pipe()
        # -displayfd: Xvfb picks a free display number and writes it; -noreset keeps it up
        # while no client is connected (between two starts of the app).
        self._server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{self.width}x{self.height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=[write_fd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.stop()
            raise SessionError("Xvfb did not report a display number")
        self.display = f":{number}"
        return self

    def stop(self) -> None:
        if self._server is not None and self._server.poll() is None:
            self._server.terminate()
            try:
                self._server.wait(10)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait()
        self._server = None

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        if check and done.returncode != 0:
            raise SessionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def visible_windows(self) -> list[str]:
        out = self.xdotool("search", "--onlyvisible", "--class", WINDOW_CLASS, check=False)
        return [w for w in out.split() if self.geometry(w).width > 1]

    def geometry(self, window: str) -> Geometry:
        out = self.xdotool("getwindowgeometry", "--shell", window, check=False)
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        try:
            return Geometry(
                int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])
            )
        except KeyError:
            return Geometry(0, 0, 0, 0)  # the window is gone

    def window_name(self, window: str) -> str:
        return self.xdotool("getwindowname", window, check=False).strip()

    def key(self, *keys: str) -> None:
        # XTEST events to the focused window: Qt ignores keys sent with --window (XSendEvent)
        # once a modal dialog is open, so never use that.
        self.xdotool("key", "--clearmodifiers", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", TYPE_DELAY_MS, "--clearmodifiers", text)

    def screenshot(self, window: str | None, target: Path, *, palette: bool = False) -> None:
        """``window``'s pixels (the whole screen if None) into the PNG ``target``.

        ``palette``: 256 colours (PNG8), a third of the size for pictures of widgets.
        No time stamps are written, so two shots of the same pixels are the same bytes.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        shot = ["import", "-window", "root", "-strip"]
        if window is not None:
            box = self.geometry(window)
            left, top = max(box.x, 0), max(box.y, 0)
            right, bottom = min(box.right, self.width), min(box.bottom, self.height)
            shot += ["-crop", f"{right - left}x{bottom - top}+{left}+{top}", "+repage"]
        subprocess.run(
            [*shot, f"PNG8:{target}" if palette else str(target)],
            env=self.env(),
            check=True,
            capture_output=True,
            timeout=60,
        )


class AppRun:
    """The app started on ``session``: ``command``, else $IAMPORT_SCREEN_FIT_APP, else the demo.

    ``home`` becomes IAMPORT_DESK_HOME; ``language`` ("ko"/"en") is written to the demo's
    settings.json before the start, the way the Settings menu would save it.
    """

    def __init__(
        self,
        session: XSession,
        home: Path,
        *,
        scale: float = 1.0,
        language: str = "ko",
        extra_env: Mapping[str, str] | None = None,
        command: Sequence[str] | None = None,
    ) -> None:
        self.session = session
        self.home = home
        self.scale = scale
        self.language = language
        self.extra_env = dict(extra_env or {})
        self._command = list(command) if command else None
        self.window = ""
        self._proc: subprocess.Popen[bytes] | None = None
        self._output = home / "app-output.txt"

    @property
    def log_dir(self) -> Path:
        return self.home / "log" / "demo"

    @property
    def settings_file(self) -> Path:
        return self.home / "config" / "demo" / "settings.json"

    def command(self) -> list[str]:
        if self._command:
            return self._command
        override = os.environ.get(APP_COMMAND_ENV)
        if override:
            return override.split()
        return [sys.executable, "-m", "iamport_desk", "--demo"]

    def _write_language(self) -> None:
        settings: dict[str, object] = {}
        if self.settings_file.exists():
            settings = json.loads(self.settings_file.read_text(encoding="utf-8"))
        settings.setdefault("version", 1)
        settings["language"] = self.language
        self.settings_file.parent.mkdir(parents=True, exist_ok=True)
        self.settings_file.write_text(json.dumps(settings), encoding="utf-8")

    def start(self, timeout: float = 60) -> AppRun:
        self.home.mkdir(parents=True, exist_ok=True)
        self._write_language()
        env = {
            **self.session.env(),
            "QT_QPA_PLATFORM": "xcb",
            "QT_SCALE_FACTOR": f"{self.scale:g}",
            "IAMPORT_DESK_HOME": str(self.home),
            **self.extra_env,
        }
        # The screen's own DPI must not add to the scale factor under test.
        env.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)
        env.pop("QT_SCREEN_SCALE_FACTORS", None)
        with self._output.open("ab") as out:
            self._proc = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.window = poll("the main window", self._first_window, timeout, step=0.2)
        self.focus()
        return self

    def _first_window(self) -> str | None:
        if self._proc is not None and self._proc.poll() is not None:
            raise SessionError(f"the app ended (exit {self._proc.returncode}):\n{self.output()}")
        windows = self.session.visible_windows()
        return windows[0] if windows else None

    def output(self) -> str:
        if not self._output.exists():
            return ""
        return self._output.read_text(encoding="utf-8", errors="replace")[-4000:]

    def focus(self, window: str | None = None) -> None:
        self.session.xdotool("windowfocus", "--sync", window or self.window)

    def geometry(self) -> Geometry:
        return self.session.geometry(self.window)

    def settled_geometry(self, timeout: float = 10, quiet_polls: int = 4) -> Geometry:
        """The main window's geometry once it stopped changing for ``quiet_polls`` polls."""
        seen: list[Geometry] = []

        def stable() -> Geometry | None:
            seen.append(self.geometry())
            tail = seen[-quiet_polls:]
            return tail[0] if len(tail) == quiet_polls and len(set(tail)) == 1 else None

        return poll("the main window to stop resizing", stable, timeout, step=0.15)

    def log_text(self) -> str:
        return "".join(
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(self.log_dir.glob("*.log"))
        )

    def request_count(self, method: str, merchant_uid: str) -> int:
        """How many ``method`` requests for ``merchant_uid`` the app's log says were answered
        or ended without an answer (the client logs each as ``METHOD PATH -> ...``)."""
        path = "/receipts/external/" + urllib.parse.quote(merchant_uid, safe="")
        return len(re.findall(rf"\] {method} {re.escape(path)} -> ", self.log_text()))

    def wait_request(self, method: str, merchant_uid: str, before: int, timeout: float) -> None:
        poll(
            f"{method} {merchant_uid} in the app's log",
            lambda: True if self.request_count(method, merchant_uid) > before else None,
            timeout,
        )

    def look_up(self, merchant_uid: str, timeout: float = 20) -> Geometry:
        """Ctrl+L, type the order number, Enter; returns the geometry once the answer is shown.

        xdotool sometimes loses a key: when the app looked up something else, type again.
        """
        for _attempt in range(3):
            before = self.request_count("GET", merchant_uid)
            others = self.log_text().count("] GET /receipts/external/")
            self.focus()
            self.session.key("ctrl+l")
            self.session.type(merchant_uid)
            self.session.key("Return")

            def answered(before: int = before, others: int = others) -> str | None:
                if self.request_count("GET", merchant_uid) > before:
                    return "this"
                if self.log_text().count("] GET /receipts/external/") > others:
                    return "other"
                return None

            if poll(f"the lookup of {merchant_uid}", answered, timeout) == "this":
                return self.settled_geometry()
        raise SessionError(f"three tries did not look up {merchant_uid}")

    def wait_dialog(self, timeout: float = 15, besides: Sequence[str] = ()) -> str:
        """The first visible window other than the main one and ``besides`` (one that opened)."""
        known = {self.window, *besides}

        def other() -> str | None:
            found = [w for w in self.session.visible_windows() if w not in known]
            return found[0] if found else None

        return poll("a dialog", other, timeout)

    def wait_dialog_closed(self, dialog: str, timeout: float = 15) -> None:
        poll(
            "the dialog to close",
            lambda: True if dialog not in self.session.visible_windows() else None,
            timeout,
        )

    def cancel_shown(
        self,
        merchant_uid: str,
        timeout: float = 30,
        on_dialog: Callable[[str], object] | None = None,
    ) -> Geometry:
        """Ctrl+D, then the confirmation's "Cancel the receipt" (Alt+C); the geometry after.

        ``on_dialog`` is called with the confirmation's window before it is answered.
        """
        before = self.request_count("DELETE", merchant_uid)
        self.focus()
        self.session.key("ctrl+d")
        dialog = self.wait_dialog()
        if on_dialog is not None:
            on_dialog(dialog)
        self.focus(dialog)
        self.session.key("alt+c")
        self.wait_dialog_closed(dialog)
        self.wait_request("DELETE", merchant_uid, before, timeout)
        return self.settled_geometry()

    def move(self, x: int, y: int) -> None:
        self.session.xdotool("windowmove", "--sync", self.window, str(x), str(y), check=False)
        poll(
            "the window to move",
            lambda: True if (self.geometry().x, self.geometry().y) == (x, y) else None,
            10,
        )

    def quit(self, timeout: float = 30) -> int:
        """Ctrl+Q (the app's Quit); the exit code. Killed (and SessionError) if it stays."""
        assert self._proc is not None
        self.focus()
        self.session.key("ctrl+q")
        try:
            return self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise SessionError(f"the app did not quit within {timeout:.0f} s of Ctrl+Q") from None

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()
