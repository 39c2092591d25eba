"""``python -m iamport_desk.simulator_v2``: serve the V2 simulator until SIGTERM/SIGINT."""

from __future__ import annotations

from iamport_desk.simkit.cli import serve_from_command_line
from iamport_desk.simulator_v2.server import SimulatorV2

__all__ = ["main"]


def _make(*, seed: bool, latency: float, host: str, port: int) -> SimulatorV2:
    return SimulatorV2(seed_demo=seed, latency=latency, host=host, port=port)


def main(argv: list[str] | None = None) -> int:
    """Print the base URL on one line, then serve until SIGTERM/SIGINT."""
    return serve_from_command_line(
        _make,
        prog="python -m iamport_desk.simulator_v2",
        description="PortOne V2 simulator",
        argv=argv,
    )
