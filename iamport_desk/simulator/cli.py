"""``python -m iamport_desk.simulator``: serve the simulator until SIGTERM/SIGINT."""

from __future__ import annotations

from iamport_desk.simkit.cli import serve_from_command_line
from iamport_desk.simulator.server import Simulator

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Serve the simulator until SIGTERM/SIGINT; print the base URL first."""
    return serve_from_command_line(
        Simulator,
        prog="python -m iamport_desk.simulator",
        description="PortOne V1 simulator",
        argv=argv,
    )
