"""IamportClient against the simulator over real loopback HTTP.

httpx.MockTransport is used only for failures that cannot be made for real on
loopback (DNS, certificate, proxy, connect timeout).
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from iamport_desk.api import (
    DEFAULT_TIMEOUT,
    ApiError,
    AuthenticationError,
    IamportClient,
    IamportError,
    InvalidMerchantUid,
    NetworkError,
    OutcomeUnknown,
    ReceiptNotFound,
    TierNotFound,
    normalize_merchant_uid,
    parse_receipt,
    receipt_path,
    validate_base_url,
    validate_tier_code,
)
from iamport_desk.models import Receipt
from iamport_desk.simulator import (
    DEMO_IMP_KEY,
    DEMO_IMP_SECRET,
    DEMO_TIER,
    DEMO_TIER_NAME,
    Fault,
    Simulator,
)
from tests.fakes import FakeClock

UID = "ORDER-20261125-0001"


@pytest.fixture
def make_client(simulator: Simulator) -> Iterator[Callable[..., IamportClient]]:
    clients: list[IamportClient] = []

    def make(**kwargs: object) -> IamportClient:
        kwargs.setdefault("base_url", simulator.base_url)
        client = IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, **kwargs)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., IamportClient]) -> IamportClient:
    return make_client()


# ------------------------------------------------------------------ happy path and token


def test_lookup_and_cancel(simulator: Simulator, client: IamportClient) -> None:
    before = client.lookup_external_receipt(f"  {UID}\n")
    assert isinstance(before, Receipt)
    assert (before.merchant_uid, before.amount, before.vat, before.type) == (
        UID,
        33000,
        3000,
        "person",
    )
    assert before.cancelled_at is None and not before.is_cancelled
    after = client.cancel_external_receipt(UID)
    assert after.is_cancelled
    assert after.cancelled_at == simulator.receipt(UID)["cancelled_at"]  # type: ignore[index]
    assert after.apply_num == before.apply_num
    assert simulator.count("DELETE") == 1


def test_token_is_cached_and_sent_as_bearer(simulator: Simulator, client: IamportClient) -> None:
    assert not client.has_valid_token()
    for _ in range(3):
        client.lookup_external_receipt(UID)
    client.cancel_external_receipt(UID)
    assert client.has_valid_token()
    assert simulator.count("POST", "/users/getToken") == 1
    token = simulator.issued_tokens[0]
    assert client.get_token() == token
    for request in simulator.requests[1:]:
        assert request.headers["Authorization"] == f"Bearer {token}"
        assert request.tier is None


@pytest.mark.parametrize("server_offset", [-20 * 365 * 86400, 0, 3 * 365 * 86400])
def test_skewed_clocks_do_not_matter(
    server_offset: float, make_client: Callable[..., IamportClient]
) -> None:
    """Token life is expired_at - now from the answer, counted on the local monotonic clock."""
    local = FakeClock(5.0)  # a monotonic clock unrelated to UNIX time
    server = FakeClock(time.time() + server_offset)
    with Simulator(clock=server) as sim:
        client = make_client(base_url=sim.base_url, clock=local)
        client.lookup_external_receipt(UID)
        assert client.has_valid_token()
        local.now += 1800 - 61  # 61 s left: still cached
        server.now += 1800 - 61
        client.lookup_external_receipt(UID)
        assert sim.count("POST", "/users/getToken") == 1
        local.now += 2  # 59 s left: refreshed before use
        server.now += 2
        assert not client.has_valid_token()
        client.lookup_external_receipt(UID)
        assert sim.count("POST", "/users/getToken") == 2
        # PortOne extends the same token by 5 minutes when asked in its last minute.
        assert len(sim.issued_tokens) == 1
        assert client.has_valid_token()
        local.now += 300 - 61 + 59 - 1  # 61 s left of the extended life
        assert client.has_valid_token()


def test_expired_token_is_replaced(make_client: Callable[..., IamportClient]) -> None:
    local = FakeClock(1000.0)
    server = FakeClock(1_790_000_000)
    with Simulator(clock=server) as sim:
        client = make_client(base_url=sim.base_url, clock=local)
        first = client.get_token()
        local.now += 4000
        server.now += 4000
        second = client.get_token()
        assert first != second
        assert sim.issued_tokens == [first, second]
        client.lookup_external_receipt(UID)
        assert sim.requests[-1].headers["Authorization"] == f"Bearer {second}"


def test_401_refreshes_once_and_retries_once(simulator: Simulator, client: IamportClient) -> None:
    client.lookup_external_receipt(UID)
    simulator.revoke_tokens()  # a token that stops working mid-session
    receipt = client.cancel_external_receipt(UID)
    assert receipt.is_cancelled
    assert simulator.count("POST", "/users/getToken") == 2
    assert simulator.count("DELETE") == 2  # the first one was refused (401) and not processed
    assert len(simulator.issued_tokens) == 2
    assert simulator.requests[-1].headers["Authorization"] == f"Bearer {simulator.issued_tokens[1]}"


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_persisting_401_is_authentication_error(
    method: str, simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        method,
        "/receipts/external/",
        Fault(
            status=401, body={"code": -1, "message": "Unauthorized", "response": None}, times=None
        ),
    )
    call = client.lookup_external_receipt if method == "GET" else client.cancel_external_receipt
    with pytest.raises(AuthenticationError) as caught:
        call(UID)
    assert (caught.value.status, caught.value.code, caught.value.message) == (
        401,
        -1,
        "Unauthorized",
    )
    assert simulator.count(method, "/receipts/") == 2
    assert simulator.count("POST", "/users/getToken") == 2
    assert simulator.receipt(UID)["cancelled_at"] == 0  # type: ignore[index]
    assert not client.has_valid_token()


def test_wrong_secret_is_authentication_error(simulator: Simulator) -> None:
    client = IamportClient(DEMO_IMP_KEY, "wrong-secret", base_url=simulator.base_url)
    with client, pytest.raises(AuthenticationError) as caught:
        client.lookup_external_receipt(UID)
    assert caught.value.status == 401
    assert caught.value.message == "imp_key, imp_secret 인증에 실패하였습니다."
    assert simulator.count("GET") == 0


def test_token_answer_of_wrong_shape_is_api_error(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "POST",
        "/users/getToken",
        Fault(status=200, body={"code": 0, "message": None, "response": {"access_token": 5}}),
    )
    with pytest.raises(ApiError) as caught:
        client.get_token()
    assert caught.value.status == 200
    assert not client.has_valid_token()


# ------------------------------------------------------------------ Tier


def test_tier_header_sent_on_receipt_calls(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(tier_code=f" {DEMO_TIER} ")
    receipt = client.lookup_external_receipt("TIER-0001")
    assert receipt.amount == 64000
    assert simulator.requests[-1].tier == DEMO_TIER
    assert simulator.requests[0].tier is None  # getToken uses the master account
    with pytest.raises(ReceiptNotFound):
        client.lookup_external_receipt(UID)  # a master-account receipt is not the tier's


def test_get_tier_uses_no_tier_header(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(tier_code=DEMO_TIER)
    assert client.get_tier(DEMO_TIER) == DEMO_TIER_NAME
    assert simulator.requests[-1].raw_path == "/tiers/DM1"
    assert simulator.requests[-1].tier is None
    with pytest.raises(TierNotFound) as caught:
        client.get_tier("XYZ")
    assert caught.value.status == 404 and caught.value.message
    assert isinstance(caught.value, ApiError)
    assert client.get_tier(" dm1 ") == DEMO_TIER_NAME  # one Tier rule: lower case means upper
    assert simulator.requests[-1].raw_path == "/tiers/DM1"
    with pytest.raises(ValueError, match="3 characters"):
        client.get_tier("dm12")


def test_unknown_tier_header_is_not_found(make_client: Callable[..., IamportClient]) -> None:
    client = make_client(tier_code="ZZ9")
    with pytest.raises(ReceiptNotFound) as caught:
        client.lookup_external_receipt("TIER-0001")
    assert "하위 상점" in (caught.value.message or "")


# ------------------------------------------------------------------ failure answers


def test_200_with_nonzero_code_is_api_error(simulator: Simulator, client: IamportClient) -> None:
    simulator.inject(
        "DELETE",
        "/receipts/external/",
        Fault(
            status=200, body={"code": 1, "message": "취소할 수 없는 상태입니다", "response": None}
        ),
    )
    with pytest.raises(ApiError) as caught:
        client.cancel_external_receipt(UID)
    assert (caught.value.status, caught.value.code) == (200, 1)
    assert caught.value.message == "취소할 수 없는 상태입니다"


def test_404_is_receipt_not_found(client: IamportClient) -> None:
    for call in (client.lookup_external_receipt, client.cancel_external_receipt):
        with pytest.raises(ReceiptNotFound) as caught:
            call("ORDER-NONE-9999")
        assert caught.value.status == 404
        assert caught.value.message == "현금영수증 발행내역이 존재하지 않습니다."


def test_html_404_from_a_front_end_is_not_receipt_not_found(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "GET", "/receipts/", Fault(status=404, body="<h1>Not Found</h1>", content_type="text/html")
    )
    with pytest.raises(ApiError) as caught:
        client.lookup_external_receipt(UID)
    assert not isinstance(caught.value, ReceiptNotFound)
    assert (caught.value.status, caught.value.message) == (404, None)


@pytest.mark.parametrize(
    ("uid", "status", "message"),
    [
        ("ORDER-PG-FAIL", 500, "[PG] 취소 가능한 거래가 아닙니다 (원거래 없음)"),
        ("ORDER-NOT-SUPPORTED", 501, "현재 포트원이 현금영수증 관련 지원하지 않는 PG사입니다."),
        ("ORDER-20261120-0003", 400, "이미 취소된 현금영수증입니다"),
    ],
)
def test_failures_keep_status_code_and_message(
    uid: str, status: int, message: str, simulator: Simulator, client: IamportClient
) -> None:
    with pytest.raises(ApiError) as caught:
        client.cancel_external_receipt(uid)
    assert (caught.value.status, caught.value.code, caught.value.message) == (status, -1, message)
    assert simulator.count("DELETE") == 1


def test_html_502_on_lookup_is_api_error(simulator: Simulator, client: IamportClient) -> None:
    simulator.inject(
        "GET",
        "/receipts/",
        Fault(status=502, body="<html>Bad Gateway</html>", content_type="text/html"),
    )
    with pytest.raises(ApiError) as caught:
        client.lookup_external_receipt(UID)
    assert (caught.value.status, caught.value.code, caught.value.message) == (502, None, None)
    assert "<html>" not in str(caught.value)


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_answer_on_cancel_is_outcome_unknown(
    status: int, simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "DELETE",
        "/receipts/",
        Fault(status=status, body="<html>gateway</html>", content_type="text/html", apply=True),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel_external_receipt(UID)
    assert caught.value.status == status
    assert simulator.count("DELETE") == 1
    assert client.lookup_external_receipt(UID).is_cancelled  # the truth, found with a GET


def test_portone_envelope_502_on_cancel_is_api_error(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "DELETE",
        "/receipts/",
        Fault(status=502, body={"code": -1, "message": "PG 응답 없음", "response": None}),
    )
    with pytest.raises(ApiError) as caught:
        client.cancel_external_receipt(UID)
    assert caught.value.message == "PG 응답 없음"


def test_407_from_proxy_is_api_error(simulator: Simulator, client: IamportClient) -> None:
    simulator.inject(
        "*", "/", Fault(status=407, body="<html>Proxy auth</html>", content_type="text/html")
    )
    with pytest.raises(ApiError) as caught:
        client.lookup_external_receipt(UID)
    assert caught.value.status == 407


def test_unreadable_success_on_cancel_is_outcome_unknown(
    simulator: Simulator, client: IamportClient
) -> None:
    simulator.inject(
        "DELETE",
        "/receipts/",
        Fault(status=200, body={"code": 0, "message": None, "response": {"oops": 1}}, apply=True),
    )
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel_external_receipt(UID)
    assert (caught.value.status, caught.value.code) == (200, 0)
    simulator.inject(
        "GET", "/receipts/", Fault(status=200, body={"code": 0, "message": None, "response": []})
    )
    with pytest.raises(ApiError) as lookup:
        client.lookup_external_receipt(UID)
    assert lookup.value.status == 200 and "unexpected answer" in str(lookup.value)
    assert lookup.value.message is None  # reserved for PortOne's own words


def test_huge_non_json_body_is_not_kept(simulator: Simulator, client: IamportClient) -> None:
    simulator.inject(
        "GET", "/receipts/", Fault(status=500, body=b"x" * (3 << 20), content_type="text/plain")
    )
    with pytest.raises(ApiError) as caught:
        client.lookup_external_receipt(UID)
    assert caught.value.message is None and len(str(caught.value)) < 300


# ------------------------------------------------------------------ lost answers


@pytest.mark.timeout(20)
def test_dropped_cancel_is_outcome_unknown_and_sent_once(
    simulator: Simulator, client: IamportClient
) -> None:
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel_external_receipt("ORDER-LOST")
    assert caught.value.status is None
    assert simulator.count("DELETE") == 1
    assert client.lookup_external_receipt("ORDER-LOST").is_cancelled


@pytest.mark.timeout(20)
def test_read_timeout_on_cancel_is_outcome_unknown_and_sent_once(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(timeout=httpx.Timeout(5.0, read=0.3))
    client.get_token()
    simulator.inject("DELETE", "/receipts/", Fault(latency=3.0))
    with pytest.raises(OutcomeUnknown) as caught:
        client.cancel_external_receipt(UID)
    # The read timeout ended it (not the answer coming at last, which would be a success).
    assert caught.value.reason == "no_answer"
    assert simulator.count("DELETE") == 1


@pytest.mark.timeout(20)
def test_read_timeout_on_lookup_is_network_error(
    simulator: Simulator, make_client: Callable[..., IamportClient]
) -> None:
    client = make_client(timeout=httpx.Timeout(5.0, read=0.3))
    client.get_token()
    simulator.inject("GET", "/receipts/", Fault(latency=1.5))
    with pytest.raises(NetworkError) as caught:
        client.lookup_external_receipt(UID)
    assert caught.value.kind == "read_timeout"
    assert simulator.count("GET") == 1


@pytest.mark.timeout(20)
def test_dropped_lookup_is_network_error_without_retry(
    simulator: Simulator, client: IamportClient
) -> None:
    client.get_token()
    simulator.inject("GET", "/receipts/", Fault(drop=True))
    with pytest.raises(NetworkError) as caught:
        client.lookup_external_receipt(UID)
    assert caught.value.kind == "protocol"
    assert simulator.count("GET") == 1
    assert client.lookup_external_receipt(UID).amount == 33000  # the client is still usable


def test_keep_alive_connection_is_reused(simulator: Simulator, client: IamportClient) -> None:
    for _ in range(4):
        client.lookup_external_receipt(UID)
    client.cancel_external_receipt(UID)
    assert simulator.connections_opened == 1


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.timeout(20)
def test_connection_refused_is_network_error() -> None:
    with (
        IamportClient(
            DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=f"http://127.0.0.1:{_closed_port()}"
        ) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.lookup_external_receipt(UID)
    assert caught.value.kind == "refused"
    assert caught.value.__cause__ is None and caught.value.__context__ is None


@pytest.mark.timeout(20)
def test_tls_to_a_plain_http_server_is_tls_error(simulator: Simulator) -> None:
    base = simulator.base_url.replace("http://", "https://")
    client = IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=base)
    with client, pytest.raises(NetworkError) as caught:
        client.get_token()
    assert caught.value.kind == "tls"


def _raising(exc: Exception) -> httpx.MockTransport:
    """Answers getToken like PortOne, then fails every other request with ``exc``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/users/getToken":
            answer = {"access_token": "t" * 40, "now": 0, "expired_at": 1800}
            return httpx.Response(200, json={"code": 0, "message": None, "response": answer})
        raise exc

    return httpx.MockTransport(handler)


def _with_cause(exc: Exception, cause: BaseException) -> Exception:
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (
            _with_cause(httpx.ConnectError("x"), socket.gaierror(-2, "Name or service not known")),
            "dns",
        ),
        (
            _with_cause(
                httpx.ConnectError("x"),
                ssl.SSLCertVerificationError(1, "CERTIFICATE_VERIFY_FAILED"),
            ),
            "tls",
        ),
        (httpx.ConnectError("[Errno 111] Connection refused"), "refused"),
        (httpx.ConnectTimeout("slow"), "connect_timeout"),
        (httpx.ProxyError("tunnel failed"), "proxy"),
        (httpx.ProxyError("407 Proxy Authentication Required"), "proxy_auth"),
        (httpx.ProxyError("403 Forbidden"), "proxy_page"),
        (httpx.ConnectError("something else"), "other"),
    ],
)
@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_connect_failures_are_network_errors_even_for_delete(
    exc: Exception, kind: str, method: str
) -> None:
    """Nothing was sent when connecting failed, so even a DELETE is safe to retry."""
    transport = _raising(exc)
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, transport=transport) as client:
        client.get_token()
        call = client.lookup_external_receipt if method == "GET" else client.cancel_external_receipt
        with pytest.raises(NetworkError) as caught:
            call(UID)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    "exc",
    [
        httpx.WriteError("x"),
        httpx.WriteTimeout("x"),
        httpx.ReadError("x"),
        httpx.RemoteProtocolError("x"),
    ],
)
def test_failures_after_sending_a_delete_are_outcome_unknown(exc: Exception) -> None:
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, transport=_raising(exc)) as client:
        client.get_token()
        with pytest.raises(OutcomeUnknown):
            client.cancel_external_receipt(UID)
        with pytest.raises(NetworkError):
            client.lookup_external_receipt(UID)


# ------------------------------------------------------------------ secrets


def test_no_secret_or_token_in_repr_str_or_logs(
    simulator: Simulator, client: IamportClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.lookup_external_receipt(UID)
    token = simulator.issued_tokens[0]
    errors: list[IamportError] = []
    for uid in ("ORDER-PG-FAIL", "ORDER-NONE-9999", "ORDER-LOST"):
        try:
            client.cancel_external_receipt(uid)
        except IamportError as exc:
            errors.append(exc)
    simulator.revoke_tokens()
    simulator.inject("GET", "/receipts/", Fault(status=401, times=None))
    try:
        client.lookup_external_receipt(UID)
    except IamportError as exc:
        errors.append(exc)
    assert len(errors) == 4
    texts = [repr(client), str(client), caplog.text, *(f"{e!s} {e!r}" for e in errors)]
    for text in texts:
        assert DEMO_IMP_SECRET not in text
        for issued in simulator.issued_tokens:
            assert issued not in text
    assert token in simulator.requests[1].headers["Authorization"]  # it was really sent
    api_lines = [r.getMessage() for r in caplog.records if r.name == "iamport_desk.api"]
    assert any(
        "GET /receipts/external/ORDER-20261125-0001 -> HTTP 200 code=0" in line
        for line in api_lines
    )
    assert any(
        "DELETE /receipts/external/ORDER-PG-FAIL -> HTTP 500 code=-1" in line for line in api_lines
    )


# ------------------------------------------------------------------ pure helpers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.iamport.kr", "https://api.iamport.kr"),
        ("  https://api.iamport.kr/  ", "https://api.iamport.kr"),
        ("HTTPS://static-api.iamport.kr:443/", "https://static-api.iamport.kr:443"),
        ("https://gw.example.co.kr/iamport/", "https://gw.example.co.kr/iamport"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("http://127.9.8.7", "http://127.9.8.7"),
        ("http://localhost:5000", "http://localhost:5000"),
        ("http://[::1]:5000", "http://[::1]:5000"),
    ],
)
def test_validate_base_url_accepts(url: str, expected: str) -> None:
    assert validate_base_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "api.iamport.kr",
        "http://api.iamport.kr",
        "http://10.0.0.5:8080",
        "http://localhost.evil.com",
        "http://128.0.0.1",
        "ftp://api.iamport.kr",
        "https://",
        "https://user:pw@api.iamport.kr",
        "https://api.iamport.kr/?x=1",
        "https://api.iamport.kr/#frag",
        "https://api.iamport.kr:99999",
    ],
)
def test_validate_base_url_refuses(url: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_base_url(url)
    assert len(str(caught.value)) > 15


def test_client_refuses_plain_http_to_a_remote_host() -> None:
    with pytest.raises(ValueError, match="https"):
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url="http://api.iamport.kr")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("", None), ("   ", None), ("DM1", "DM1"), (" 0A9 ", "0A9"), ("dm1", "DM1")],
)
def test_validate_tier_code_accepts(raw: str | None, expected: str | None) -> None:
    assert validate_tier_code(raw) == expected


@pytest.mark.parametrize("raw", ["dm", "DM", "DM12", "D-1", "ＤＭ１", "DM\u0661", "dmı"])
def test_validate_tier_code_refuses(raw: str) -> None:
    with pytest.raises(ValueError, match="3 characters"):
        validate_tier_code(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  ORDER-1 \t\n", "ORDER-1"),
        ("주문-한글", "주문-한글"),
        ("a/b?c#d%2F+", "a/b?c#d%2F+"),
        ("...", "..."),
    ],
)
def test_normalize_merchant_uid_accepts(raw: str, expected: str) -> None:
    assert normalize_merchant_uid(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        *("", "   ", "A\tB", "A\x00B", "A\x7fB", "A\x85B", ".", " .. ", "x" * 1001, "\ud800"),
        *("\u200fRTL-1", "A\u200bB", "\ufeffA"),  # bidi and zero-width characters are refused
    ],
)
def test_normalize_merchant_uid_refuses(raw: str) -> None:
    with pytest.raises(InvalidMerchantUid) as caught:
        normalize_merchant_uid(raw)
    assert isinstance(caught.value, ValueError)


def test_receipt_path_is_one_segment() -> None:
    assert receipt_path("A/B 2026#7?x") == "/receipts/external/A%2FB%202026%237%3Fx"
    assert receipt_path("%2F+") == "/receipts/external/%252F%2B"


def test_invalid_uid_sends_nothing(simulator: Simulator, client: IamportClient) -> None:
    with pytest.raises(InvalidMerchantUid):
        client.cancel_external_receipt("ORDER\n1")
    assert simulator.count() == 0


RECEIPT = {
    "merchant_uid": "M-1",
    "receipt_tid": "tid",
    "apply_num": "123456789",
    "type": "company",
    "amount": 11000,
    "vat": 1000,
    "receipt_url": "https://r.example.com/1",
    "applied_at": 1_790_000_000,
    "cancelled_at": 0,
}


def test_parse_receipt() -> None:
    receipt = parse_receipt(RECEIPT)
    assert receipt == Receipt(
        "M-1",
        "tid",
        "123456789",
        "company",
        11000,
        1000,
        "https://r.example.com/1",
        1_790_000_000,
        None,
    )
    minimal = {
        k: v for k, v in RECEIPT.items() if k not in ("receipt_tid", "receipt_url", "cancelled_at")
    }
    parsed = parse_receipt(minimal)
    assert (parsed.receipt_tid, parsed.receipt_url, parsed.cancelled_at) == (None, None, None)
    assert parse_receipt({**RECEIPT, "cancelled_at": None}).cancelled_at is None
    assert parse_receipt({**RECEIPT, "cancelled_at": 1_790_000_100}).cancelled_at == 1_790_000_100
    huge = "가" * 100_000
    assert parse_receipt({**RECEIPT, "apply_num": huge, "type": "unknown-kind"}).apply_num == huge


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "receipt",
        {**RECEIPT, "amount": True},
        {**RECEIPT, "amount": "11000"},
        {**RECEIPT, "amount": 11000.0},
        {**RECEIPT, "cancelled_at": False},
        {**RECEIPT, "apply_num": None},
        {k: v for k, v in RECEIPT.items() if k != "vat"},
        {**RECEIPT, "receipt_url": 5},
    ],
)
def test_parse_receipt_refuses_wrong_shapes(data: object) -> None:
    with pytest.raises(ApiError) as caught:
        parse_receipt(data)
    assert caught.value.status == 200
    assert str(caught.value).startswith("unexpected answer")
    assert caught.value.message is None


def test_default_timeout() -> None:
    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read) == (10.0, 30.0)


def test_error_str_is_a_summary() -> None:
    error = ApiError("PortOne refused the DELETE call", status=500, code=-1, message="[PG] 실패")
    assert (
        str(error) == "PortOne refused the DELETE call | HTTP 500 | code -1 | message '[PG] 실패'"
    )
    assert NetworkError("x", kind="nonsense").kind == "other"
    assert isinstance(InvalidMerchantUid("x"), ValueError)
