"""A built-in PortOne V2 simulator: a real HTTP server on 127.0.0.1 (demo and tests).

It answers in the shapes of PortOne's own V2 spec (``tests/data/openapi-v2-cash-receipts.json``)
and injects the same faults as the V1 simulator. It shares no code with the clients.

Run ``python -m iamport_desk.simulator_v2 [--port N] [--latency S] [--no-seed]``: it prints the
base URL on one line and serves until SIGTERM/SIGINT.
"""

from __future__ import annotations

from iamport_desk.simulator_v2.demo import (
    DEMO_API_SECRET,
    DEMO_BRANCH_STORE_ID,
    DEMO_CHANNEL_KEY,
    DEMO_FORBIDDEN_SECRET,
    DEMO_MERCHANT_ID,
    DEMO_PAYMENT_IDS,
    DEMO_PAYMENTS,
    DEMO_STORE_ID,
)
from iamport_desk.simulator_v2.faults import Fault
from iamport_desk.simulator_v2.main import main
from iamport_desk.simulator_v2.server import RecordedRequest, SimulatorV2
from iamport_desk.simulator_v2.store import ApiAccess

__all__ = [
    "DEMO_API_SECRET",
    "DEMO_BRANCH_STORE_ID",
    "DEMO_CHANNEL_KEY",
    "DEMO_FORBIDDEN_SECRET",
    "DEMO_MERCHANT_ID",
    "DEMO_PAYMENTS",
    "DEMO_PAYMENT_IDS",
    "DEMO_STORE_ID",
    "ApiAccess",
    "Fault",
    "RecordedRequest",
    "SimulatorV2",
    "main",
]
