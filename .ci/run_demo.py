"""Run README.md's demo line as written, on a fresh Xvfb display, until its window shows.

    python3 .ci/run_demo.py "python3 -m venv .venv && ... && .venv/bin/iamport-desk --demo"

The line runs through ``bash -c`` in the current folder with Qt's xcb platform (a real X
server, not offscreen). As soon as ``xdotool search --onlyvisible`` finds an iamport-desk window
it is focused and sent Ctrl+Q (the app's Quit shortcut), and the line must then end with exit
code 0 -- a clean close, not a kill. Fails (exit 1) when the line ends before a window shows,
when no window shows within --timeout seconds (the line installs packages first), or when the
app does not quit. Standard library only: it runs before any venv exists.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WINDOW_CLASS = "iamport-desk"


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A fresh X server on a free display number (Xvfb picks it and reports it)."""
    read_fd, write_fd = os.pipe()
    # -noreset: Xvfb otherwise resets when the last client leaves, refusing new clients meanwhile.
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            "1280x800x24",
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
        xvfb.kill()
        raise SystemExit("Xvfb did not start")
    return xvfb, f":{number}"


def visible_windows(env: dict[str, str]) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--class", WINDOW_CLASS],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.split()


def tail(log: Path, size: int = 4000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-size:]


def run(line: str, timeout: float, log: Path, screenshot: Path | None) -> int:
    xvfb, display = start_xvfb()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    start = time.monotonic()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            ["bash", "-c", line],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        windows: list[str] = []
        while not windows:
            if proc.poll() is not None:
                print(
                    f"the demo line ended (exit {proc.returncode}) before a window showed:\n"
                    f"{tail(log)}"
                )
                return 1
            if time.monotonic() - start > timeout:
                print(f"no iamport-desk window after {timeout:.0f} s:\n{tail(log)}")
                return 1
            time.sleep(0.5)
            windows = visible_windows(env)
        shown = time.monotonic() - start
        name = subprocess.run(
            ["xdotool", "getwindowname", windows[0]],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        print(f"window {name!r} visible {shown:.1f} s after the line started (install included)")
        time.sleep(1)  # let the first paint finish before the screenshot and the quit
        if screenshot is not None:
            subprocess.run(["import", "-window", "root", str(screenshot)], env=env, check=False)
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", windows[0], "key", "--clearmodifiers", "ctrl+q"],
            env=env,
            check=True,
        )
        try:
            code = proc.wait(30)
        except subprocess.TimeoutExpired:
            print(f"the demo did not quit within 30 s of Ctrl+Q:\n{tail(log)}")
            return 1
        if code != 0:
            print(f"the demo quit with exit code {code}:\n{tail(log)}")
            return 1
        print("closed with Ctrl+Q: exit code 0")
        return 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
            proc.wait()
        xvfb.terminate()
        xvfb.wait(10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("line", help="the README's demo command line")
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        help="seconds to wait for the window, package installation included",
    )
    parser.add_argument("--log", type=Path, help="where the line's output goes (default: temp)")
    parser.add_argument("--screenshot", type=Path, help="save the screen once the window shows")
    args = parser.parse_args(argv)
    log = args.log or Path(tempfile.mkdtemp()) / "demo.log"
    return run(args.line, args.timeout, log, args.screenshot)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
