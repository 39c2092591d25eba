"""V1's faults: the shared model (``iamport_desk.simkit.Fault``) with V1's error envelope.

Latency, drops, trickles, replaced answers, ``Content-Encoding`` layers, a decompression bomb,
extra headers and a gate are the framework's; only the body of a replaced answer without one
(PortOne V1's Korean error envelope) is V1's own.
"""

from __future__ import annotations

from iamport_desk.simkit.faults import Fault as _SharedFault
from iamport_desk.simkit.faults import FaultSlot as _SharedFaultSlot
from iamport_desk.simkit.faults import encode_layers
from iamport_desk.simulator.protocol import MSG_GENERIC, dumps

__all__ = ["Fault", "FaultSlot", "encode_layers"]


class Fault(_SharedFault):
    """A fault of the V1 simulator (fields: ``iamport_desk.simkit.Fault``)."""

    def default_body(self) -> bytes:
        return dumps({"code": -1, "message": MSG_GENERIC, "response": None})


# A slot holding one of V1's faults (so what is taken from it is typed as V1's Fault).
FaultSlot = _SharedFaultSlot[Fault]
