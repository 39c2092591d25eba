"""The words of the profile form and of the store kinds, in English and in Korean."""

from __future__ import annotations

import re

import pytest

from iamport_desk import rules
from iamport_desk.models import StoreApi
from iamport_desk.profile_form import KINDS, V2_CONSOLE_PATH, fields_for
from iamport_desk.ui.words import (
    profile_field_name,
    profile_form_error,
    profile_form_text,
    store_api_choice,
    store_api_name,
    store_choice_text,
)

HANGUL = re.compile("[\uac00-\ud7a3]")
FALLBACK = "is not in the expected format."


def _codes() -> list[str]:
    codes = ["label.api"]
    for kind in KINDS:
        for spec in fields_for(kind):
            codes += [c for c in (spec.label, spec.placeholder, spec.hint) if c is not None]
    return codes


def test_every_code_of_the_form_has_words() -> None:
    for code in _codes():
        assert profile_form_text(code) != code, code
    assert V2_CONSOLE_PATH in profile_form_text("hint.v2_console_path")
    assert profile_form_text("label.api_secret") == "V2 API s&ecret:"


@pytest.mark.parametrize(
    ("rule", "raw", "api", "expected"),
    [
        (
            rules.validate_v2_api_secret,
            "short",
            "v2",
            "V2 API secret is too short; copy all of it.",
        ),
        (rules.validate_v2_api_secret, "", "v2", "V2 API secret is empty."),
        (
            rules.validate_v2_api_secret,
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdG9yZSJ9.c2lnbmF0dXJl",
            "v2",
            "V2 API secret looks like an access token, which expires; enter the API secret.",
        ),
        (
            rules.validate_store_id,
            "channel-key-1",
            "v2",
            "Store ID must look like store-xxxxxxxx-xxxx-...",
        ),
        (
            rules.validate_store_id,
            "store-a b",
            "v2",
            "Store ID must not contain spaces or line breaks.",
        ),
        (
            rules.validate_v2_base_url,
            "https://api.iamport.kr",
            "v2",
            "API host of a V2 store must be https://api.portone.io.",
        ),
        (
            rules.validate_base_url,
            "http://example.com",
            "v1",
            "API host must be an https:// address.",
        ),
    ],
)
def test_each_rule_error_has_its_own_sentence(
    rule: object, raw: str, api: str, expected: str
) -> None:
    assert callable(rule)
    with pytest.raises(rules.RuleError) as info:
        rule(raw)
    assert profile_form_error(info.value.field, info.value.kind, api) == expected


def test_store_kinds_have_names() -> None:
    assert store_api_name(StoreApi.V1) == "PortOne V1 store (iamport)"
    assert store_api_name(StoreApi.V2) == "PortOne V2 store"
    assert profile_field_name("store_id") == "Store ID"


@pytest.mark.usefixtures("korean")
def test_the_form_reads_korean() -> None:
    for code in _codes():
        assert HANGUL.search(profile_form_text(code)), code
    assert profile_form_text("label.store_id") == "상점 아이디(&I):"
    assert profile_form_text("hint.v2_console_path") == (
        "V2 API 시크릿은 PortOne 관리자 콘솔의 [결제 연동] > [식별코드・API Keys] > [V2 API]에서 "
        "확인하세요."
    )
    assert profile_form_error("api_secret", "too_short", "v2") == (
        "V2 API 시크릿 항목이 너무 짧습니다. 전체를 복사해 넣으세요."
    )
    assert store_api_name("v2") == "PortOne V2 상점"


def test_the_store_box_names_the_kind() -> None:
    assert store_choice_text("본점", StoreApi.V2) == "본점 [V2]"
    assert store_choice_text("본점", StoreApi.V1) == "본점 [V1]"
    assert store_choice_text("강남점", StoreApi.V1, "AB1") == "강남점 [V1, Tier AB1]"
    assert store_api_choice(StoreApi.V1) == "V1 (REST API key)"
    assert store_api_choice(StoreApi.V2) == "V2 (API Secret)"


@pytest.mark.usefixtures("korean")
def test_the_store_box_and_the_kinds_read_korean() -> None:
    assert store_choice_text("강남점", StoreApi.V1, "AB1") == "강남점 [V1, Tier 코드 AB1]"
    assert store_api_choice(StoreApi.V1) == "V1 (REST API 키)"
    assert store_api_choice(StoreApi.V2) == "V2 (API 시크릿)"
    assert profile_form_text("hint.v1_console_path") == (
        "REST API 키와 시크릿은 PortOne 관리자 콘솔의 [결제 연동] > [식별코드・API Keys] > "
        "[V1 API]에서 확인하세요."
    )
    assert profile_form_text("hint.channel_key") == (
        "정정 재발행에만 필요합니다. PortOne 관리자 콘솔의 [결제 연동] > [채널 관리]에서 "
        "확인하세요."
    )


def test_the_sentences_about_missing_keys_fit_both_kinds_of_store() -> None:
    """A V2 store has no REST API key: what the window says when keys are missing or must be
    entered again names none of V1's keys."""
    from iamport_desk.ui.result_sentences import no_credentials_said, reenter_reason

    nothing = no_credentials_said().message
    assert isinstance(nothing, str)
    for text in (nothing, reenter_reason()):
        assert "PortOne keys" in text and "REST API" not in text and "API key" not in text
