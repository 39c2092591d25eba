"""The command line both simulators share: serve until SIGTERM/SIGINT, the base URL first."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable

from iamport_desk.simkit.base import SimServer

__all__ = ["serve_from_command_line"]


def serve_from_command_line(
    make: Callable[..., SimServer], *, prog: str, description: str, argv: list[str] | None
) -> int:
    """Parse ``--port/--host/--latency/--no-seed``, start ``make(seed=..., ...)``, serve.

    ``make`` takes ``seed`` (False with ``--no-seed``), ``latency``, ``host`` and ``port``.
    """
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address (loopback only, please)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to answers")
    parser.add_argument("--no-seed", action="store_true", help="start without demo receipts")
    args = parser.parse_args(argv)
    stop = threading.Event()

    def on_signal(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with make(
        seed=not args.no_seed, latency=args.latency, host=args.host, port=args.port
    ) as simulator:
        print(simulator.base_url, flush=True)
        while not stop.wait(0.2):
            pass
    return 0
