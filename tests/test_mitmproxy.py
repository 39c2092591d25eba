"""The office path with real parts: a TLS-inspecting proxy (mitmproxy) in front of the simulator.

What an office with TLS inspection does, on loopback: the proxy's own CA is installed in the
OS trust store the way an IT department does it (``/usr/local/share/ca-certificates`` and
``update-ca-certificates``, as root; removed again afterwards), HTTPS_PROXY names the proxy,
and the app talks to the real host names ``https://api.iamport.kr`` (V1) and
``https://api.portone.io`` (V2). An addon in the proxy routes each name to its simulator on
127.0.0.1 and answers everything else itself with a 403,
and the proxy connects lazily (never to the real host): no traffic leaves the machine.

mitmproxy pins an older h11 than httpx needs, so it lives in a venv of its own: set
IAMPORT_MITMDUMP to its ``mitmdump`` (``.ci/run`` does), or have ``mitmdump`` on PATH.
Installing the CA needs root (or passwordless sudo, as on CI runners) and
``update-ca-certificates``. On Linux with CI=true a missing part is a failure, never a skip;
elsewhere (a developer's machine, Windows, macOS) it is a skip that says what is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from iamport_desk.api import IamportClient
from iamport_desk.errors import NetworkError
from iamport_desk.paths import AppPaths
from iamport_desk.portone_v2 import PortOneV2Client
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator
from iamport_desk.simulator_v2 import DEMO_API_SECRET, SimulatorV2
from tests.ui_helpers import cancel, look_up, open_window

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

PORTONE = "https://api.iamport.kr"
PORTONE_V2 = "https://api.portone.io"
TRUSTED_CA = Path("/usr/local/share/ca-certificates/iamport-desk-test-mitmproxy.crt")
PROXY_USER, PROXY_PASSWORD = "clerk", "office-pw"
PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")

ADDON = """
import os
from mitmproxy import http

ROUTES = {
    "api.iamport.kr": int(os.environ["IAMPORT_TEST_SIMULATOR_PORT"]),
    "api.portone.io": int(os.environ["IAMPORT_TEST_SIMULATOR_V2_PORT"]),
}


def _refuse(flow):
    flow.response = http.Response.make(403, b"not routed by the test proxy")


class RouteToSimulator:
    def http_connect(self, flow):
        if flow.request.host not in ROUTES:
            _refuse(flow)

    def request(self, flow):
        port = ROUTES.get(flow.request.pretty_host)
        if port is None:
            _refuse(flow)
            return
        flow.request.scheme = "http"
        flow.request.host = "127.0.0.1"
        flow.request.port = port


addons = [RouteToSimulator()]
"""


def _missing(reason: str) -> None:
    # Linux CI (.ci/run, the Ubuntu job) must run them; elsewhere a missing part is a skip.
    if os.environ.get("CI") == "true" and sys.platform == "linux":
        pytest.fail(f"CI must run the mitmproxy tests: {reason}")
    pytest.skip(reason)


def _as_root() -> list[str]:
    """The prefix that runs a command as root: none for root, else passwordless sudo."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], check=False).returncode == 0:
        return ["sudo", "-n"]
    _missing("installing a CA into the OS trust store needs root (or passwordless sudo)")
    return []


def _mitmdump() -> str:
    named = os.environ.get("IAMPORT_MITMDUMP") or shutil.which("mitmdump")
    if not named or not Path(named).exists():
        _missing("mitmdump not found (set IAMPORT_MITMDUMP; .ci/run installs mitmproxy 11.0.2)")
    assert named is not None
    return named


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"mitmdump exited: {process.stderr.read()!r}")  # type: ignore[union-attr]
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("mitmdump did not start listening")


@dataclass
class Office:
    simulator: Simulator
    simulator_v2: SimulatorV2
    proxy_url: str  # TLS-inspecting, no sign-in
    auth_proxy_url: str  # the same, with --proxyauth


def _start(
    mitmdump: str, confdir: Path, addon: Path, sim_ports: tuple[int, int], *extra: str
) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env["IAMPORT_TEST_SIMULATOR_PORT"] = str(sim_ports[0])
    env["IAMPORT_TEST_SIMULATOR_V2_PORT"] = str(sim_ports[1])
    command = [
        mitmdump,
        "--quiet",
        "--listen-host",
        "127.0.0.1",
        "--listen-port",
        str(port),
        "--set",
        f"confdir={confdir}",
        "--set",
        "connection_strategy=lazy",
        "--set",
        "upstream_cert=false",
        "-s",
        str(addon),
        *extra,
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_listening(port, process)
    return process, f"http://127.0.0.1:{port}"


def _trust(ca: Path, root: list[str]) -> None:
    subprocess.run([*root, "cp", str(ca), str(TRUSTED_CA)], check=True, capture_output=True)
    subprocess.run([*root, "update-ca-certificates"], check=True, capture_output=True)


def _untrust(root: list[str]) -> None:
    subprocess.run([*root, "rm", "-f", str(TRUSTED_CA)], check=True, capture_output=True)
    subprocess.run([*root, "update-ca-certificates", "--fresh"], check=True, capture_output=True)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    if sys.platform != "linux":
        pytest.skip("the IT-style CA install here is Linux's update-ca-certificates")
    mitmdump = _mitmdump()
    if shutil.which("update-ca-certificates") is None:
        _missing("update-ca-certificates (Debian's ca-certificates) is not installed")
    root = _as_root()
    folder = tmp_path_factory.mktemp("office")
    addon = folder / "route_to_simulator.py"
    addon.write_text(ADDON, encoding="utf-8")
    simulator = Simulator()
    simulator.start()
    simulator_v2 = SimulatorV2()
    simulator_v2.start()
    sim_port = (
        int(simulator.base_url.rsplit(":", 1)[1]),
        int(simulator_v2.base_url.rsplit(":", 1)[1]),
    )
    processes: list[subprocess.Popen[bytes]] = []
    trusted = False
    try:
        plain, url = _start(mitmdump, folder, addon, sim_port)
        processes.append(plain)
        auth, auth_url = _start(
            mitmdump, folder, addon, sim_port, "--proxyauth", f"{PROXY_USER}:{PROXY_PASSWORD}"
        )
        processes.append(auth)
        ca = folder / "mitmproxy-ca-cert.pem"
        assert ca.exists(), "mitmproxy writes its CA into confdir at start"
        # Before IT installs the CA, the inspecting proxy's certificate is refused ...
        with (
            IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE, proxy=url) as client,
            pytest.raises(NetworkError) as refused,
        ):
            client.get_token()
        assert refused.value.kind == "tls"
        assert simulator.count() == 0
        # ... and after, it is trusted through the OS store (truststore), with no app setting.
        _trust(ca, root)
        trusted = True
        yield Office(simulator, simulator_v2, url, auth_url)
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        if trusted:
            _untrust(root)
        simulator.stop()
        simulator_v2.stop()


@pytest.fixture
def through(office: Office, monkeypatch: pytest.MonkeyPatch) -> Office:
    for name in (*PROXY_VARS, "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", office.proxy_url)
    office.simulator.reset_requests()
    office.simulator_v2.reset_requests()
    return office


def test_a_lookup_and_a_cancellation_through_the_inspecting_proxy(through: Office) -> None:
    uid = "ORDER-20261125-0001"
    simulator = through.simulator
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE) as client:
        assert client.uses_proxy
        assert client.lookup(uid).amount == 33000
        assert client.cancel(uid).is_cancelled
    assert simulator.receipt(uid)["cancelled_at"]  # type: ignore[index]
    assert [(r.method, r.path) for r in simulator.requests] == [
        ("POST", "/users/getToken"),
        ("GET", "/receipts/external/" + uid),
        ("DELETE", "/receipts/external/" + uid),
    ]
    # The request crossed the proxy's TLS: what arrived was the client's own headers.
    assert simulator.requests[1].headers["Accept-Encoding"] == "gzip, deflate"


def test_the_window_cancels_through_the_inspecting_proxy(
    qtbot: QtBot, app_paths: AppPaths, through: Office
) -> None:
    uid = "ORDER-20261125-0002"
    portone = SimpleNamespace(base_url=PORTONE)  # the window is pointed at the real host name
    with open_window(qtbot, app_paths, portone) as (window, _):  # type: ignore[arg-type]
        look_up(qtbot, window, uid)
        assert window.cancel_button.isEnabled()
        cancel(qtbot, window)
        assert "cancelled" in window.message.text()
    assert through.simulator.receipt(uid)["cancelled_at"]  # type: ignore[index]
    assert through.simulator.count("DELETE") == 1


def test_a_proxy_that_asks_for_a_sign_in(through: Office) -> None:
    simulator = through.simulator
    with (
        IamportClient(
            DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE, proxy=through.auth_proxy_url
        ) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.lookup("ORDER-20261120-0003")
    assert caught.value.kind == "proxy_auth"
    assert caught.value.status == 407
    assert simulator.count() == 0
    signed_in = through.auth_proxy_url.replace("http://", f"http://{PROXY_USER}:{PROXY_PASSWORD}@")
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE, proxy=signed_in) as client:
        assert client.lookup("ORDER-20261120-0003").is_cancelled
    assert simulator.count("GET") == 1


def test_nothing_but_the_routed_host_gets_through(through: Office) -> None:
    """The addon refuses any other host itself, so a test can never reach the internet."""
    with (
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url="https://api.example.com") as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.get_token()
    assert caught.value.kind == "proxy_page"
    assert through.simulator.count() == 0
    assert through.simulator_v2.count() == 0


def test_a_v2_cancellation_through_the_inspecting_proxy(through: Office) -> None:
    """The V2 client on the same wire: HTTPS_PROXY, the OS-trusted inspection CA, gzip."""
    payment = "pay-20261125-0001"
    simulator = through.simulator_v2
    with PortOneV2Client(DEMO_API_SECRET, base_url=PORTONE_V2) as client:
        assert client.uses_proxy
        assert client.lookup(payment).amount == 33000
        assert client.cancel(payment).is_cancelled
    assert simulator.receipt(payment)["status"] == "CANCELLED"  # type: ignore[index]
    assert [(r.method, r.path) for r in simulator.requests] == [
        ("GET", f"/payments/{payment}/cash-receipt"),
        ("POST", f"/payments/{payment}/cash-receipt/cancel"),
        ("GET", f"/payments/{payment}/cash-receipt"),
    ]
    assert simulator.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_an_https_proxy_is_verified_through_the_os_store(through: Office) -> None:
    """The office proxy may itself speak TLS (a "secure web proxy", ``https://proxy:port``).

    mitmproxy accepts TLS from the client on its regular port and shows a certificate made by
    the office's root for the proxy's own address: the client trusts it because that root is in
    the OS store (``proxy_ssl_context`` is the same truststore context as for PortOne; on macOS
    httpcore's default would not read the keychain). The untrusted case is in
    test_network_proxy.py.
    """
    secure = through.proxy_url.replace("http://", "https://")
    uid = "ORDER-20261120-0003"
    with IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=PORTONE, proxy=secure) as client:
        assert client.uses_proxy
        assert client.lookup(uid).is_cancelled
    assert [(r.method, r.path) for r in through.simulator.requests] == [
        ("POST", "/users/getToken"),
        ("GET", "/receipts/external/" + uid),
    ]
