"""Start-up probe: run the app's real ``main()`` (or the bare window's) and report at the
first idle moment after the main window was shown and painted.

    python benchmarks/startup_probe.py app|bare|shape [--profile FILE]

How it knows, without any benchmark code in the app: before calling ``main()`` the probe
creates the QApplication itself (``iamport_desk.app.main`` and the baselines'
``main()`` all use ``QApplication.instance() or QApplication(...)``, so the same work is
done, only earlier) and listens to the GUI thread's event dispatcher: ``aboutToBlock`` is emitted
whenever the event loop has run out of work. At the first such moment with a visible
top-level QMainWindow the probe notes which modules are loaded ("at show"); at the first
one where that window is also exposed (Qt paints it synchronously on its first expose)
it is "shown and idle". It then prints one line

    BENCH {"t": <time.monotonic()>, "maxrss_kb": ..., "cpu_ms": ..., ...}

and quits the application normally. CLOCK_MONOTONIC is system-wide on Linux, so the
parent subtracts the ``time.monotonic()`` it read just before starting this process.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

# Imported before the first window is shown, these would break the "import only what the
# first screen needs" rule of issue 8.
FORBIDDEN = ("keyring", "httpx", "iamport_desk.simulator", "iamport_desk.ui.history_window")


def _loaded_summary() -> dict[str, Any]:
    modules = list(sys.modules)
    stdlib = set(sys.stdlib_module_names)
    top = sorted({name.split(".")[0] for name in modules} - stdlib - {"__main__"})
    return {
        "forbidden": [name for name in FORBIDDEN if name in sys.modules],
        "modules": len(modules),
        "packages": [name for name in top if not name.startswith("_")],
        "ours": sorted(name for name in modules if name.startswith("iamport_desk")),
    }


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "app"
    profile_path = argv[argv.index("--profile") + 1] if "--profile" in argv else None
    profiler = None
    if profile_path:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()

    if mode == "app":
        # What iamport_desk.app.main() imports before it touches Qt, imported before Qt
        # here too: PySide6 taxes every import made after it (its __feature__ import hook),
        # so creating the QApplication first would make the app look slower than it is.
        import iamport_desk.app
        import iamport_desk.logsetup
        import iamport_desk.paths  # noqa: F401

    from PySide6.QtCore import QAbstractEventDispatcher
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    state: dict[str, Any] = {"shown": None, "done": False}

    def on_about_to_block() -> None:
        # Called only when the event loop runs out of work: a handful of times during
        # start-up, so the probe itself costs nothing measurable (an application-wide
        # event filter would add a Python call to every event).
        if state["done"]:
            return
        windows = [w for w in app.topLevelWidgets()
                   if isinstance(w, QMainWindow) and w.isVisible()]
        if not windows:
            return
        if state["shown"] is None:
            state["shown"] = _loaded_summary()
        handle = windows[0].windowHandle()
        # Qt paints a widget window synchronously when it is first exposed, so an exposed
        # window at an idle moment has been painted and the loop has nothing left to do.
        if handle is None or not handle.isExposed():
            return
        state["done"] = True
        now = time.monotonic()
        if profiler is not None:
            profiler.stop()
            with open(profile_path, "w", encoding="utf-8") as out:  # type: ignore[arg-type]
                out.write(profiler.output_text(unicode=True, color=False, show_all=False))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        report = {
            "t": now,
            "maxrss_kb": usage.ru_maxrss,
            "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
            "at_show": state["shown"],
            "at_idle": _loaded_summary(),
        }
        print("BENCH " + json.dumps(report, ensure_ascii=False), flush=True)
        app.quit()

    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None
    dispatcher.aboutToBlock.connect(on_about_to_block)

    if mode in ("bare", "shape"):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        baseline = __import__("bare_window" if mode == "bare" else "same_shape_window")
        return baseline.main()  # type: ignore[no-any-return]
    from iamport_desk.app import main as app_main

    return app_main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
