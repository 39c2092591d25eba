"""Compressed answers: read once, decoded layer by layer, capped WHILE decoding.

The simulator compresses like nginx (gzip when the request allows it, from 20 bytes up), so
every other test reads compressed answers too; these pin the edges.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest

from iamport_desk.answer_body import MAX_BODY_BYTES, UnreadableBody, decode_body
from iamport_desk.api import ApiError, IamportClient, OutcomeUnknown
from iamport_desk.portone_v2 import PortOneV2Client, V2ApiError, V2OutcomeUnknown
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.simulator_v2 import DEMO_API_SECRET, SimulatorV2
from iamport_desk.simulator_v2 import Fault as V2Fault

UID = "ORDER-20261125-0001"
V2_PAYMENT = "pay-20261125-0001"
PREFIX = "/receipts/external/"


@pytest.fixture
def client(simulator: Simulator) -> Iterator[IamportClient]:
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=simulator.base_url) as made:
        yield made


def test_simulator_compresses_like_nginx(simulator: Simulator) -> None:
    url = simulator.base_url + "/users/getToken"
    body = {"imp_key": DEMO_IMP_KEY, "imp_secret": DEMO_IMP_SECRET}
    with httpx.Client() as http:
        zipped = http.post(url, json=body, headers={"Accept-Encoding": "gzip"})
        plain = http.post(url, json=body, headers={"Accept-Encoding": "identity"})
        refused = http.post(url, json=body, headers={"Accept-Encoding": "gzip;q=0"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert zipped.json()["code"] == 0
    assert "content-encoding" not in plain.headers
    assert "content-encoding" not in refused.headers
    short = Simulator(seed=False, gzip_min_length=10_000)
    with short, httpx.Client() as http:
        answer = http.post(short.base_url + "/users/getToken", json=body)
    assert "content-encoding" not in answer.headers


def test_compressed_token_receipt_and_cancel_are_read(
    simulator: Simulator, client: IamportClient
) -> None:
    """Before: the body was decoded by httpx, then again from a rebuilt Response: unusable."""
    assert client.lookup(UID).amount == 33000
    assert client.cancel(UID).is_cancelled
    sent = [request.headers.get("accept-encoding") for request in simulator.requests]
    assert sent == ["gzip, deflate"] * 3


@pytest.mark.parametrize(
    "encodings", [("gzip", "gzip"), ("deflate",), ("gzip", "deflate"), ("identity", "gzip")]
)
def test_legitimate_layers_are_all_undone(
    simulator: Simulator, client: IamportClient, encodings: tuple[str, ...]
) -> None:
    simulator.inject("GET", PREFIX, Fault(encodings=encodings))
    assert client.lookup(UID).merchant_uid == UID


def test_an_unsupported_encoding_is_an_unreadable_answer(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject("GET", PREFIX, Fault(encodings=("br",)))
    with pytest.raises(ApiError) as caught:
        client.lookup(UID)
    assert caught.value.status == 200 and caught.value.message is None


def _peak_during(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
    except (ApiError, OutcomeUnknown):
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


@pytest.mark.timeout(60)
def test_a_nested_bomb_is_unreadable_and_memory_stays_bounded(
    simulator: Simulator, client: IamportClient
) -> None:
    """256 MiB of zeros in two gzip layers (~1 KB on the wire). Before: all of it in memory."""
    client.get_token()
    simulator.inject("GET", PREFIX, Fault(bomb=256 << 20, encodings=("gzip",), times=2))
    with pytest.raises(ApiError) as caught:
        client.lookup(UID)
    assert caught.value.status == 200
    assert _peak_during(lambda: client.lookup(UID)) < 16 * MAX_BODY_BYTES


@pytest.mark.timeout(60)
def test_a_bomb_in_answer_to_a_delete_is_an_unknown_outcome(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject("DELETE", PREFIX, Fault(bomb=64 << 20, apply=True))
    with pytest.raises(OutcomeUnknown):
        client.cancel(UID)
    assert simulator.count("DELETE") == 1
    assert client.lookup(UID).is_cancelled  # settled by looking it up


# ------------------------------------------------------------------ the V2 client, same reader


@pytest.fixture
def v2_sim() -> Iterator[SimulatorV2]:
    with SimulatorV2() as sim:
        yield sim


def test_a_compressed_v2_answer_is_read(v2_sim: SimulatorV2) -> None:
    """Before: V2 asked for identity only and could not read a gzip'd answer at all."""
    v2_sim.inject("GET", "/payments/", V2Fault(encodings=("gzip", "gzip")))
    with PortOneV2Client(DEMO_API_SECRET, base_url=v2_sim.base_url) as client:
        assert client.lookup(V2_PAYMENT).amount == 33000  # two layers, plus nginx-like gzip
        assert client.cancel(V2_PAYMENT).is_cancelled
    sent = {request.headers.get("accept-encoding") for request in v2_sim.requests}
    assert sent == {"gzip, deflate"}


@pytest.mark.timeout(60)
def test_a_v2_bomb_is_unreadable_and_memory_stays_bounded(v2_sim: SimulatorV2) -> None:
    v2_sim.inject("GET", "/payments/", V2Fault(bomb=256 << 20, encodings=("gzip",), times=2))
    v2_sim.inject("POST", "/payments/", V2Fault(bomb=64 << 20, apply=True))
    with PortOneV2Client(DEMO_API_SECRET, base_url=v2_sim.base_url) as client:
        with pytest.raises(V2ApiError) as caught:
            client.lookup(V2_PAYMENT)
        assert caught.value.status == 200
        assert _peak_during(lambda: client.lookup(V2_PAYMENT)) < 16 * MAX_BODY_BYTES
        with pytest.raises(V2OutcomeUnknown):  # an unreadable answer to a cancel
            client.cancel(V2_PAYMENT)
        assert client.lookup(V2_PAYMENT).is_cancelled  # settled by looking it up
    assert v2_sim.count("POST") == 1


# ------------------------------------------------------------------ decode_body alone


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data)


def test_decode_body_undoes_each_layer_in_reverse_order() -> None:
    payload = b'{"code": 0}'
    wire = zlib.compress(_gzip(payload))  # gzip first, then deflate: "gzip, deflate"
    assert decode_body(wire, "gzip, deflate") == payload
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    assert decode_body(raw_deflate.compress(payload) + raw_deflate.flush(), "deflate") == payload
    assert decode_body(payload, None) == payload
    assert decode_body(payload, "identity") == payload


@pytest.mark.parametrize("layers", [1, 2, 3])
def test_decode_body_caps_every_layer(layers: int) -> None:
    data = b"\0" * (MAX_BODY_BYTES + 1)
    for _ in range(layers):
        data = _gzip(data)
    with pytest.raises(UnreadableBody, match="over"):
        decode_body(data, ", ".join(["gzip"] * layers))
    exact = b"\0" * MAX_BODY_BYTES
    wire = exact
    for _ in range(layers):
        wire = _gzip(wire)
    assert decode_body(wire, ", ".join(["gzip"] * layers)) == exact


@pytest.mark.parametrize(
    ("wire", "encoding"),
    [
        (b"not gzip at all", "gzip"),
        (_gzip(b'{"code": 0}')[:-6], "gzip"),
        (_gzip(b"a") + b"garbage", "gzip"),
        (b"x", "gzip, gzip, gzip, gzip, gzip"),
        (b"x", "compress"),
    ],
)
def test_decode_body_refuses_what_it_cannot_read(wire: bytes, encoding: str) -> None:
    with pytest.raises(UnreadableBody):
        decode_body(wire, encoding)


def test_an_oversized_deflate_body_is_not_retried_as_raw_deflate() -> None:
    wire = zlib.compress(b"\0" * (MAX_BODY_BYTES + 1))
    with pytest.raises(UnreadableBody, match="over"):
        decode_body(wire, "deflate")
