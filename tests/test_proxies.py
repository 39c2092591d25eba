"""Which proxy a URL goes through: manual first, then the environment, NO_PROXY honoured."""

from __future__ import annotations

import pytest

from iamport_desk.proxies import proxy_for, without_credentials

# The machine's proxies are cleared for every test (conftest.isolated_home).


def test_direct_without_any_proxy() -> None:
    assert proxy_for("https://api.iamport.kr/users/getToken") is None


def test_environment_proxy_for_https(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.office.example:3128")
    assert proxy_for("https://api.iamport.kr/x") == "http://proxy.office.example:3128"


def test_all_proxy_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://all.example:8080")
    assert proxy_for("https://api.iamport.kr/x") == "http://all.example:8080"


def test_no_proxy_bypasses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.office.example:3128")
    monkeypatch.setenv("NO_PROXY", "iamport.kr")
    assert proxy_for("https://api.iamport.kr/x") is None
    assert proxy_for("https://api.portone.io/x") == "http://proxy.office.example:3128"


def test_manual_proxy_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.office.example:3128")
    assert proxy_for("https://api.iamport.kr/x", manual="http://10.0.0.1:8080") == (
        "http://10.0.0.1:8080"
    )


def test_a_proxy_without_scheme_means_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "proxy.office.example:3128")
    assert proxy_for("https://api.iamport.kr/x") == "http://proxy.office.example:3128"
    assert proxy_for("https://api.iamport.kr/x", manual=" 10.0.0.1:8080 ") == (
        "http://10.0.0.1:8080"
    )


def test_credentials_are_hidden_for_display() -> None:
    assert without_credentials("http://clerk:s3cret@proxy:3128") == "http://***@proxy:3128"
    assert without_credentials("http://proxy:3128") == "http://proxy:3128"
