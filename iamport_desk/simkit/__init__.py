"""The simulators' shared framework: a real HTTP server on loopback and its fault injection.

``SimServer`` (lifecycle, recorded requests, injected faults, delivery), the HTTP plumbing
(``http``: framing, body limits, gzip like nginx, trickles, drops) and ``Fault`` (latency,
status/body, an HTML page, a drop after the request, a trickle, encodings, a bomb, a gate).
``iamport_desk.simulator`` (V1) and ``iamport_desk.simulator_v2`` (V2) add their routes.

Like the simulators it shares no code with the clients (import-linter's contract): a bug
cannot hide by being on both sides. No Qt; importing it starts nothing.
"""

from iamport_desk.simkit.base import GATE_LIMIT, RecordedRequest, Routed, SimServer
from iamport_desk.simkit.faults import Fault, FaultSlot, encode_layers
from iamport_desk.simkit.http import Handler, Headers, Server, accepts_gzip
from iamport_desk.simkit.protocol import JSON_TYPE, MAX_BODY, MAX_LINE, dumps

__all__ = [
    "GATE_LIMIT",
    "JSON_TYPE",
    "MAX_BODY",
    "MAX_LINE",
    "Fault",
    "FaultSlot",
    "Handler",
    "Headers",
    "RecordedRequest",
    "Routed",
    "Server",
    "SimServer",
    "accepts_gzip",
    "dumps",
    "encode_layers",
]
