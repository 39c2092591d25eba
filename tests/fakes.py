"""Test doubles shared by every test module (written once, imported where needed)."""

from __future__ import annotations


class FakeClock:
    """A clock moved by hand: call it for the time, set or advance ``now`` to move it."""

    def __init__(self, now: float = 1_790_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
