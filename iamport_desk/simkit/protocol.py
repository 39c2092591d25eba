"""What every simulated PortOne answer shares: the JSON type, the limits of a request."""

from __future__ import annotations

import json

__all__ = ["JSON_TYPE", "MAX_BODY", "MAX_LINE", "dumps"]

MAX_LINE = 1 << 20  # long ids are legal; PortOne's real limit is unpublished
MAX_BODY = 1 << 20
JSON_TYPE = "application/json; charset=utf-8"


def dumps(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")
