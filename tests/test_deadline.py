"""An overall deadline per request, and abort() from another thread.

The simulator's trickle fault sends its answer one byte at a time: each read is well within
the read timeout, so only the overall deadline can end it. No timing is asserted; the kind of
error says which mechanism ended the call, and pytest's timeout catches a hang.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from iamport_desk.api import IamportClient, NetworkError, OutcomeUnknown
from iamport_desk.portone_v2 import PortOneV2Client, V2OutcomeUnknown
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Fault, Simulator
from iamport_desk.simulator_v2 import DEMO_API_SECRET, SimulatorV2
from iamport_desk.simulator_v2 import Fault as V2Fault

UID = "ORDER-20261125-0001"
PREFIX = "/receipts/external/"
V2_PAYMENT = "pay-20261125-0001"
TRICKLE = Fault(byte_delay=0.05)  # ~20 bytes a second: a full answer takes many seconds


@pytest.fixture
def make_client(simulator: Simulator) -> Iterator[Callable[..., IamportClient]]:
    clients: list[IamportClient] = []

    def make(**kwargs: object) -> IamportClient:
        kwargs.setdefault("timeout", httpx.Timeout(10.0))
        made = IamportClient(
            DEMO_IMP_KEY,
            DEMO_IMP_SECRET,
            base_url=simulator.base_url,
            **kwargs,  # type: ignore[arg-type]
        )
        clients.append(made)
        return made

    yield make
    for made in clients:
        made.close()


def test_the_deadline_must_be_positive() -> None:
    with pytest.raises(ValueError, match="deadline"):
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, deadline=0)


@pytest.mark.timeout(20)
def test_a_trickled_lookup_is_cut_at_its_deadline(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(deadline=1.0)
    client.get_token()
    simulator.inject("GET", PREFIX, TRICKLE)
    with pytest.raises(NetworkError) as caught:
        client.lookup(UID)
    assert caught.value.kind == "deadline"
    assert simulator.count("GET") == 1
    assert client.lookup(UID).amount == 33000  # the next call has a deadline of its own


@pytest.mark.timeout(20)
def test_a_trickled_cancellation_cut_at_its_deadline_is_unknown(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(deadline=1.0)
    client.get_token()
    simulator.inject("DELETE", PREFIX, TRICKLE)
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel(UID)
    assert "deadline" in str(caught.value)
    assert simulator.count("DELETE") == 1
    assert client.lookup(UID).is_cancelled


@pytest.mark.timeout(20)
def test_a_trickled_answer_within_the_deadline_is_read(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(deadline=30.0)
    client.get_token()
    simulator.inject("GET", PREFIX, Fault(byte_delay=0.002))
    assert client.lookup(UID).merchant_uid == UID


def _abort_when_sent(simulator: Simulator, client: IamportClient, method: str) -> threading.Thread:
    """Abort from another thread once the simulator has the request (it then waits 30 s)."""

    def run() -> None:
        while simulator.count(method, PREFIX) == 0:
            threading.Event().wait(0.01)
        client.abort()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.mark.timeout(20)
def test_abort_ends_a_blocked_lookup_and_the_client_stays_usable(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(timeout=httpx.Timeout(60.0))
    client.get_token()
    simulator.inject("GET", PREFIX, Fault(latency=30.0))
    helper = _abort_when_sent(simulator, client, "GET")
    with pytest.raises(NetworkError) as caught:
        client.lookup(UID)
    helper.join(5)
    assert caught.value.kind == "aborted"
    assert client.lookup(UID).amount == 33000


@pytest.mark.timeout(20)
def test_abort_during_a_cancellation_is_unknown_and_never_resent(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(timeout=httpx.Timeout(60.0))
    client.get_token()
    simulator.inject("DELETE", PREFIX, Fault(latency=30.0))
    helper = _abort_when_sent(simulator, client, "DELETE")
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel(UID)
    helper.join(5)
    assert "abandoned" in str(caught.value)
    assert simulator.count("DELETE") == 1


def test_abort_without_a_call_in_flight_changes_nothing(
    make_client: Callable[..., IamportClient],
) -> None:
    client = make_client()
    client.abort()
    assert client.lookup(UID).merchant_uid == UID


@pytest.mark.timeout(20)
def test_abort_then_close_from_another_thread_at_shutdown(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    """What the app does at exit: abort, then the worker's own call returns and it closes."""
    client = make_client(timeout=httpx.Timeout(60.0))
    client.get_token()
    simulator.inject("GET", PREFIX, Fault(latency=30.0))
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            client.lookup(UID)
        except NetworkError as exc:
            errors.append(exc)
        finally:
            client.close()

    thread = threading.Thread(target=worker)
    thread.start()
    while simulator.count("GET", PREFIX) == 0:
        threading.Event().wait(0.01)
    client.abort()
    thread.join(10)
    assert not thread.is_alive()
    assert len(errors) == 1


# ------------------------------------------------------------------ the V2 client, same wire


@pytest.fixture
def simulator_v2() -> Iterator[SimulatorV2]:
    with SimulatorV2() as sim:
        yield sim


@pytest.mark.timeout(20)
def test_a_trickled_v2_lookup_is_cut_at_its_deadline(simulator_v2: SimulatorV2) -> None:
    simulator_v2.inject("GET", "/payments/", V2Fault(byte_delay=0.05))
    with PortOneV2Client(
        DEMO_API_SECRET, base_url=simulator_v2.base_url, deadline=1.0, timeout=httpx.Timeout(10.0)
    ) as client:
        with pytest.raises(NetworkError) as caught:
            client.lookup(V2_PAYMENT)
        assert caught.value.kind == "deadline"
        assert simulator_v2.count("GET") == 1
        assert client.lookup(V2_PAYMENT).amount == 33000  # the next call has its own deadline


@pytest.mark.timeout(20)
def test_abort_ends_a_blocked_v2_cancel_as_unknown_with_its_key(
    simulator_v2: SimulatorV2,
) -> None:
    simulator_v2.inject("POST", "/payments/", V2Fault(latency=30.0))
    with PortOneV2Client(
        DEMO_API_SECRET, base_url=simulator_v2.base_url, timeout=httpx.Timeout(60.0)
    ) as client:

        def run() -> None:
            while simulator_v2.count("POST") == 0:
                threading.Event().wait(0.01)
            client.abort()

        helper = threading.Thread(target=run, daemon=True)
        helper.start()
        with pytest.raises(V2OutcomeUnknown) as caught:
            client.cancel(V2_PAYMENT)
        helper.join(5)
        assert caught.value.reason == "aborted"
        assert caught.value.idempotency_key == client.last_idempotency_key
        assert simulator_v2.count("POST") == 1  # never resent
        assert client.lookup(V2_PAYMENT).is_cancelled  # the client stays usable


# ---- a name server that does not answer (getaddrinfo takes no timeout) ----------------


@pytest.fixture
def silent_name_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """``portone.test`` resolves only when the returned event is set: a resolver that hangs.

    The OS resolver cannot be pointed at a silent server per process, so getaddrinfo itself
    stands in for it; every other name resolves as usual.
    """
    import socket

    release = threading.Event()
    real = socket.getaddrinfo

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host == "portone.test":
            release.wait(30)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield release
    release.set()


@pytest.mark.timeout(20)
def test_a_name_server_that_never_answers_is_cut_at_the_deadline(
    silent_name_server: threading.Event,
) -> None:
    with (
        IamportClient(
            DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url="https://portone.test", deadline=1.0
        ) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.lookup(UID)
    assert caught.value.kind == "deadline"
    assert not silent_name_server.is_set()  # the resolver was still waiting: not its answer


@pytest.mark.timeout(20)
def test_a_name_server_slower_than_the_connect_timeout_is_a_dns_failure(
    silent_name_server: threading.Event,
) -> None:
    with (
        IamportClient(
            DEMO_IMP_KEY,
            DEMO_IMP_SECRET,
            base_url="https://portone.test",
            timeout=httpx.Timeout(10.0, connect=0.5),
            deadline=15.0,
        ) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.lookup(UID)
    assert caught.value.kind == "dns"


@pytest.mark.timeout(20)
def test_abort_ends_a_wait_for_the_name_server(silent_name_server: threading.Event) -> None:
    client = IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url="https://portone.test")
    errors: list[BaseException] = []

    def look_up() -> None:
        try:
            client.lookup(UID)
        except BaseException as exc:
            errors.append(exc)

    caller = threading.Thread(target=look_up)
    caller.start()
    # The call is in flight once it waits on the name server; abort until it has ended.
    while caller.is_alive():
        client.abort()
        caller.join(0.1)
    client.close()
    [error] = errors
    assert isinstance(error, NetworkError) and error.kind == "aborted", error
    assert not silent_name_server.is_set()
