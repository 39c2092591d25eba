"""Screenshots of every window of the demo, in Korean and English, at 100 % and 200 %.

    python tools/screenshots.py [--out docs/screenshots] [--only ko-100]

Each combination runs the demo (``python -m iamport_desk --demo``) once on its own Xvfb display
with the xcb platform -- 1366x768 for 100 %, 2560x1440 for 200 % (QT_SCALE_FACTOR=2), the
screens of issue 13 -- and drives it with xdotool like a clerk: a lookup, a confirmed
cancellation, the PG's refusal, an unknown outcome, then each dialog through its shortcut or
menu key, and the history window last. Each window is cropped to what the screen shows of it
(a window larger than the screen is cut where the clerk's screen ends). The language is the
app's own setting (``language`` in the demo's settings.json, what Settings > Language saves).

Needs Xvfb, xdotool, imagemagick (import) and fonts-noto-cjk for the Hangul.
Writes NAME.png files and a README.md table into --out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.x11_session import AppRun, SessionError, XSession

ROOT = Path(__file__).resolve().parent.parent
SCREENS = {100: (1366, 768, 1.0), 200: (2560, 1440, 2.0)}
LANGUAGES = ("ko", "en")
OK_ORDER = "ORDER-20261125-0001"
FAILING_ORDER = "ORDER-PG-FAIL"
LOST_ORDER = "ORDER-LOST"  # cancelled, but the answer is lost: an unknown outcome

# (file name part, what the README says it shows), in the order they are taken
SHOTS = (
    ("main-empty", "Main window at start"),
    ("main-lookup", "Main window after a lookup"),
    ("confirm", "Confirmation before a cancellation"),
    ("main-cancelled", "Main window after a cancellation"),
    ("reissue", "Correct and issue again (정정 재발행), opened straight after the cancellation"),
    ("reissue-confirm", "Its confirmation: what will be issued, the number masked"),
    ("main-error", "Main window after the PG refused (the longest error)"),
    ("main-unknown", "Main window after an unknown outcome (receipt kept, marked)"),
    ("main-first-start", "First start of the real app: no store yet"),
    ("credentials", "Store profiles and keys (Ctrl+K)"),
    ("credentials-v2", "Store profiles and keys, a V2 store selected"),
    ("network", "Settings > Network"),
    ("shortcuts", "Keyboard shortcuts (F1)"),
    ("about", "Help > About"),
    ("history", "Audit history (Ctrl+H)"),
)


# What the pictures of the main window show about a small screen, below the table.
FITTING = [
    "",
    "## The main window on a small screen (issue 13)",
    "",
    "The window opens at 860x760 logical pixels or less: never more than the screen's available",
    "area less 80 px for a title bar and a taskbar (`ui/window_placement.py`), so 860x688 on a",
    "1366x768 laptop and 860x640 at 150 % on 1920x1080 and at 200 % on 2560x1440. A saved",
    "geometry is used only if it lies on a present screen. The receipt (two pairs per line, in a",
    "scroll area, with the row of buttons acting on it) and the recent attempts share a splitter;",
    "neither collapses. The status sentence has a fixed box of three lines (a longer one scrolls;",
    "the whole text is its tooltip), so the receipt does not move as the sentence grows. After an",
    "unknown outcome the receipt stays shown, marked, with the time of the next automatic check",
    "and Ctrl+R.",
]


class Shooter:
    """One run of the demo in one language at one scale, and the files it wrote."""

    def __init__(self, app: AppRun, out: Path, prefix: str) -> None:
        self.app = app
        self.out = out
        self.prefix = prefix
        self.written: list[Path] = []

    def shot(self, name: str, window: str | None = None) -> None:
        target = self.out / f"{self.prefix}-{name}.png"
        self.app.settled_geometry()
        shoot_when_painted(self.app.session, window or self.app.window, target)
        self.written.append(target)
        print(f"  {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")

    def dialog(self, name: str, *presses: str, inside: tuple[str, ...] = ()) -> None:
        """Press ``presses`` (a popup menu may open between them), then ``inside`` in the
        dialog, shoot the dialog, Escape."""
        popups: list[str] = []
        self.app.focus()
        for number, press in enumerate(presses):
            self.app.session.key(press)
            if number < len(presses) - 1:  # a menu opened: wait for it before its item's key
                popups.append(self.app.wait_dialog(besides=popups))
        dialog = self.app.wait_dialog(besides=popups)
        for press in inside:
            self.app.focus(dialog)
            self.app.session.key(press)
        self.shot(name, dialog)
        self.app.focus(dialog)
        self.app.session.key("Escape")
        self.app.wait_dialog_closed(dialog)


def shoot_reissue(app: AppRun, shooter: Shooter) -> None:
    """The correction dialog of the receipt just cancelled: the form, then (a mobile number and
    an item name typed, Enter) its confirmation; Escape sends nothing."""
    app.focus()
    app.session.key("alt+i")
    dialog = app.wait_dialog()
    shooter.shot("reissue", dialog)
    app.focus(dialog)
    app.session.type("01098765432")  # the customer's number has the focus
    app.session.key("Tab", "Tab", "Tab")  # amount, VAT, item name
    app.session.type("office supplies")
    app.session.key("Return")
    shooter.shot("reissue-confirm", dialog)
    app.session.key("Escape")  # the dialog closes: nothing issued
    app.wait_dialog_closed(dialog)


def shoot_when_painted(session: XSession, window: str, target: Path, tries: int = 10) -> None:
    """Shoot until two pictures in a row are the same (the first paint is done), or ``tries``.

    A blinking text cursor can keep them different: then the last picture is kept.
    """
    previous = b""
    for _ in range(tries):
        session.screenshot(window, target, palette=True)
        picture = target.read_bytes()
        if picture == previous:
            return
        previous = picture
        time.sleep(0.2)


def run_one(language: str, percent: int, out: Path) -> list[Path]:
    with tempfile.TemporaryDirectory(prefix=f"iamport-shots-{language}-{percent}-") as home:
        written = _shoot_all(language, percent, out, Path(home))
    with tempfile.TemporaryDirectory(prefix=f"iamport-first-{language}-{percent}-") as home:
        return written + _shoot_first_start(language, percent, out, Path(home))


def _shoot_first_start(language: str, percent: int, out: Path, home: Path) -> list[Path]:
    """The real app (not the demo) started for the first time: no store yet."""
    import json

    width, height, scale = SCREENS[percent]
    settings = home / "config" / "settings.json"  # the real app's, under IAMPORT_DESK_HOME
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"version": 1, "language": language}), encoding="utf-8")
    session = XSession(width, height).start()
    app = AppRun(
        session,
        home,
        scale=scale,
        language=language,
        command=[sys.executable, "-m", "iamport_desk"],
    )
    shooter = Shooter(app, out, f"{language}-{percent}")
    try:
        app.start()
        shooter.shot("main-first-start")
        app.quit()
    except SessionError as exc:
        print(f"  stopped: {exc}", file=sys.stderr)
    finally:
        app.stop()
        session.stop()
    return shooter.written


def _shoot_all(language: str, percent: int, out: Path, home: Path) -> list[Path]:
    width, height, scale = SCREENS[percent]
    session = XSession(width, height).start()
    app = AppRun(session, home, scale=scale, language=language)
    shooter = Shooter(app, out, f"{language}-{percent}")
    try:
        app.start()
        shooter.shot("main-empty")
        app.look_up(OK_ORDER)
        shooter.shot("main-lookup")
        app.cancel_shown(OK_ORDER, on_dialog=lambda dialog: shooter.shot("confirm", dialog))
        shooter.shot("main-cancelled")
        shoot_reissue(app, shooter)
        app.look_up(FAILING_ORDER)
        app.cancel_shown(FAILING_ORDER)
        shooter.shot("main-error")
        app.look_up(LOST_ORDER)
        app.cancel_shown(LOST_ORDER)
        shooter.shot("main-unknown")
        shooter.dialog("credentials", "ctrl+k")
        # The demo's V2 store is the last in the list: Alt+P to the list, then End.
        shooter.dialog("credentials-v2", "ctrl+k", inside=("alt+p", "End"))
        shooter.dialog("network", "alt+s", "n")
        shooter.dialog("shortcuts", "F1")
        shooter.dialog("about", "alt+h", "a")
        app.focus()
        app.session.key("ctrl+h")
        shooter.shot("history", app.wait_dialog())
        app.quit()
    except SessionError as exc:
        print(f"  stopped: {exc}", file=sys.stderr)
    finally:
        app.stop()
        session.stop()
    return shooter.written


def taken_from() -> str:
    """The last commit that changed the app's code or resources ("unknown" outside git)."""
    import subprocess

    done = subprocess.run(
        ["git", "log", "-1", "--format=%h", "--", "iamport_desk", "resources"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def write_readme(out: Path, combos: list[tuple[str, int]]) -> None:
    head = [
        "Window",
        *(f"{'한국어' if lang == 'ko' else 'English'} {pct} %" for lang, pct in combos),
    ]
    lines = [
        "# Screenshots",
        "",
        "Taken by `python tools/screenshots.py` under Xvfb (xcb platform, fonts-noto-cjk, no",
        "window manager, so no title bars): 100 % on a 1366x768 screen, 200 % on 2560x1440",
        "(QT_SCALE_FACTOR=2). A window larger than its screen is cut where the screen ends.",
        f"The app as of commit {taken_from()}. Whether the main window fits is measured by",
        "`tests/test_screen_fit.py` (`pytest -m screen`).",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for name, what in SHOTS:
        cells = [what]
        for lang, pct in combos:
            file = f"{lang}-{pct}-{name}.png"
            cells.append(f"[{file}]({file})" if (out / file).exists() else "-")
        lines.append("| " + " | ".join(cells) + " |")
    lines += FITTING
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only", action="append", help="LANG-PERCENT to take (ko-100, en-200...); default all"
    )
    args = parser.parse_args(argv)
    combos = [(lang, pct) for lang in LANGUAGES for pct in SCREENS]
    wanted = [c for c in combos if not args.only or f"{c[0]}-{c[1]}" in args.only]
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    expected = len(SHOTS) * len(wanted)
    written = 0
    for language, percent in wanted:
        print(f"{language} at {percent} %:")
        written += len(run_one(language, percent, out))
    write_readme(out, combos)
    print(f"{written} of {expected} screenshots in {out}")
    return 0 if written == expected else 1


if __name__ == "__main__":
    sys.exit(main())
