"""A built-in PortOne V1 simulator: a real HTTP server on 127.0.0.1.

The demo, the tests and the benchmarks talk to it over real loopback HTTP, so the
client's encoding, keep-alive, timeouts and error handling are exercised for real.
It answers in the shapes of PortOne's own spec (``openapi-v1-subset.json``).

What PortOne has not published is a guess here, and says so:
- error messages (Korean, as PortOne would send them) and the ``code`` -1 on errors;
- a second DELETE of a cancelled receipt answers 400 "이미 취소된 현금영수증입니다";
- ``%2F`` inside the merchant_uid is decoded (one segment); a raw "/" is a 404.

Faults (``Fault``) model what the network, a front end or the PG does: latency, a dropped
connection, a trickled answer, an HTML page from a proxy, a PG failure, nested
``Content-Encoding`` layers, a decompression bomb, a redirect. Answers are gzip'd like nginx
does when the request allows it (``Simulator(gzip=False)`` turns that off).

It shares no code with the client (no import of api, errors, rules, receipt_api or models):
a bug cannot hide by being on both sides.

Modules: ``server`` (the Simulator: V1's state on ``iamport_desk.simkit``, the framework both
simulators share: lifecycle, HTTP plumbing, compression, fault delivery), ``v1_routes`` (what V1
answers), ``faults`` (V1's ``Fault``), ``demo`` (seeded receipts), ``protocol`` (paths,
messages, envelope), ``cli``.

``latency`` (and a fault's ``latency``) delays the answer, not the state change: a
cancellation is recorded when the request arrives. getToken is never delayed by
``Simulator.latency``.

Run ``python -m iamport_desk.simulator [--port N] [--latency S] [--no-seed]``: it prints
the base URL on one line and serves until SIGTERM/SIGINT.
"""

from iamport_desk.simulator.cli import main
from iamport_desk.simulator.demo import (
    DEMO_IMP_KEY,
    DEMO_IMP_SECRET,
    DEMO_ORDER_IDS,
    DEMO_ORDERS,
    DEMO_TIER,
    DEMO_TIER_NAME,
    DEMO_TIER_ORDERS,
)
from iamport_desk.simulator.faults import Fault
from iamport_desk.simulator.protocol import (
    MSG_ALREADY_CANCELLED,
    MSG_AUTH_FAILED,
    MSG_NOT_FOUND_RECEIPT,
    MSG_NOT_SUPPORTED,
    MSG_PG_FAIL,
    MSG_UNAUTHORIZED,
)
from iamport_desk.simulator.server import RecordedRequest, Simulator

__all__ = [
    "DEMO_IMP_KEY",
    "DEMO_IMP_SECRET",
    "DEMO_ORDERS",
    "DEMO_ORDER_IDS",
    "DEMO_TIER",
    "DEMO_TIER_NAME",
    "DEMO_TIER_ORDERS",
    "MSG_ALREADY_CANCELLED",
    "MSG_AUTH_FAILED",
    "MSG_NOT_FOUND_RECEIPT",
    "MSG_NOT_SUPPORTED",
    "MSG_PG_FAIL",
    "MSG_UNAUTHORIZED",
    "Fault",
    "RecordedRequest",
    "Simulator",
    "main",
]
