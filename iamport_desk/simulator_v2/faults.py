"""V2's faults: the shared model (``iamport_desk.simkit.Fault``) with V2's error object.

The same faults as the V1 simulator's, from one framework: latency, a status/body of its
own, an HTML page, a connection dropped after the request was read, a trickled answer,
``Content-Encoding`` layers, a decompression bomb, extra headers and a ``gate``. Only the body
of a replaced answer without one (a V2 ``INTERNAL_SERVER_ERROR``) is V2's own.
"""

from __future__ import annotations

from iamport_desk.simkit.faults import Fault as _SharedFault
from iamport_desk.simkit.faults import FaultSlot as _SharedFaultSlot
from iamport_desk.simkit.protocol import JSON_TYPE, dumps

__all__ = ["JSON_TYPE", "MSG_GENERIC", "Fault", "FaultSlot", "dumps"]

MSG_GENERIC = "요청을 처리하지 못했습니다."


class Fault(_SharedFault):
    """A fault of the V2 simulator (fields: ``iamport_desk.simkit.Fault``)."""

    def default_body(self) -> bytes:
        return dumps({"type": "INTERNAL_SERVER_ERROR", "message": MSG_GENERIC})


# A slot holding one of V2's faults (so what is taken from it is typed as V2's Fault).
FaultSlot = _SharedFaultSlot[Fault]
