"""``python -m iamport_desk.simulator``: serve the simulator until SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import signal
import threading

from iamport_desk.simulator.server import Simulator

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Serve the simulator until SIGTERM/SIGINT; print the base URL first."""
    parser = argparse.ArgumentParser(
        prog="python -m iamport_desk.simulator", description="PortOne V1 simulator"
    )
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
    with Simulator(
        seed=not args.no_seed, latency=args.latency, host=args.host, port=args.port
    ) as simulator:
        print(simulator.base_url, flush=True)
        while not stop.wait(0.2):
            pass
    return 0
