"""``profile_form``: the Qt-free model the credentials dialog shows for a V1 or a V2 store."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from iamport_desk.credentials import CredentialError, ProfileStore, SecretStore
from iamport_desk.models import (
    DEFAULT_API_BASE,
    STATIC_API_BASE,
    V2_API_BASE,
    Credentials,
    Profile,
    StoreApi,
)
from iamport_desk.profile_form import (
    CONSOLE_PATHS,
    ISSUE_FIELDS,
    KINDS,
    FormField,
    FormInput,
    FormResult,
    FormTestCredentials,
    credentials_to_test,
    fields_for,
    form_for,
    form_rows,
    host_choices,
    read_form,
    switch_kind,
)

V1_SECRET = "Sx9vQ2kLm4TzR8wPq1nB7cYd3fHj6gKa0eUo5iAs"
V2_SECRET = "Qw3rTy7uIo1pAs5dFg9hJk2lZx6cVb0nMq4wEr8tYu3iOp7aSd1fGh5jKl9zXc2vBn6mQw0eRt4yUi8o"
STORE_UUID = "store-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec"


def _error(form: FormInput, **kwargs: object) -> CredentialError:
    with pytest.raises(CredentialError) as info:
        read_form(form, **kwargs)  # type: ignore[arg-type]
    return info.value


def test_each_kind_has_its_own_fields() -> None:
    assert KINDS == (StoreApi.V1, StoreApi.V2)
    v1 = [spec.field for spec in fields_for(StoreApi.V1)]
    v2 = [spec.field for spec in fields_for(StoreApi.V2)]
    assert v1 == ["name", "imp_key", "imp_secret", "tier_code", "api_base"]
    assert v2 == ["name", "api_secret", "store_id", "api_base"]
    secrets = {spec.field for kind in KINDS for spec in fields_for(kind) if spec.secret}
    assert secrets == {FormField.IMP_SECRET, FormField.API_SECRET}
    optional = {spec.field for kind in KINDS for spec in fields_for(kind) if not spec.required}
    assert optional == {FormField.TIER_CODE, FormField.STORE_ID}
    (api_secret,) = [s for s in fields_for(StoreApi.V2) if s.field is FormField.API_SECRET]
    assert api_secret.hint == "hint.v2_console_path"


def test_host_choices_per_kind() -> None:
    assert host_choices(StoreApi.V1) == (DEFAULT_API_BASE, STATIC_API_BASE)
    assert host_choices(StoreApi.V2) == (V2_API_BASE,)


def test_read_a_v2_form() -> None:
    form = FormInput(
        api=StoreApi.V2,
        name=" 온라인 ",
        secret=f" {V2_SECRET} ",
        imp_key="left over from V1",
        tier_code="AB1",
        store_id=STORE_UUID,
        api_base=V2_API_BASE + "/",
    )
    result = read_form(form)
    assert result == FormResult(Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID), V2_SECRET)


def test_read_a_v1_form_as_before() -> None:
    form = FormInput(name="본점", secret=V1_SECRET, imp_key=" 1234 ", tier_code="ab1")
    assert read_form(form) == FormResult(Profile("본점", "1234", "AB1"), V1_SECRET)


def test_the_first_wrong_field_in_the_shown_order_is_reported() -> None:
    form = FormInput(api=StoreApi.V2, name="", secret="short", store_id="channel-1", api_base="")
    assert (_error(form).field, _error(form).kind) == ("name", "empty")
    form = FormInput(api=StoreApi.V2, name="a", secret="short", store_id="channel-1")
    assert (_error(form).field, _error(form).kind) == ("api_secret", "too_short")
    form = FormInput(api=StoreApi.V2, name="a", secret=V2_SECRET, store_id="channel-1")
    assert (_error(form).field, _error(form).kind) == ("store_id", "format")
    form = FormInput(api=StoreApi.V2, name="a", secret=V2_SECRET, api_base=DEFAULT_API_BASE)
    assert (_error(form).field, _error(form).kind) == ("api_base", "format")
    assert "Qw3rTy" not in repr(_error(FormInput(api=StoreApi.V2, name="a", secret="Qw3rTy 7")))


def test_an_empty_secret_keeps_the_saved_one_only_for_the_same_kind() -> None:
    saved = Profile("온라인", api=StoreApi.V2)
    form = form_for(saved)
    assert read_form(form, editing=saved, has_saved_secret=True).secret is None
    error = _error(form, editing=saved, has_saved_secret=False)
    assert (error.field, error.kind) == ("api_secret", "empty")
    error = _error(form)  # a new profile
    assert (error.field, error.kind) == ("api_secret", "empty")
    v1 = Profile("온라인", "1234")
    error = _error(form, editing=v1, has_saved_secret=True)  # V1's secret is not V2's
    assert (error.field, error.kind) == ("api_secret", "empty")


def test_duplicate_names_are_refused() -> None:
    form = FormInput(api=StoreApi.V2, name="본점", secret=V2_SECRET)
    error = _error(form, existing=["본점"])
    assert (error.field, error.kind) == ("name", "duplicate")


def test_form_for_a_saved_profile_never_holds_the_secret() -> None:
    profile = Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID)
    form = form_for(profile)
    assert form == FormInput(
        api=StoreApi.V2, name="온라인", store_id=STORE_UUID, api_base=V2_API_BASE
    )
    assert form_for(None) == FormInput(api=StoreApi.V1, api_base=DEFAULT_API_BASE)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        (DEFAULT_API_BASE, V2_API_BASE),
        (STATIC_API_BASE + "/", V2_API_BASE),
        ("", V2_API_BASE),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),  # typed by hand: kept
    ],
)
def test_switching_kind_clears_the_secret_and_follows_the_default_host(
    host: str, expected: str
) -> None:
    form = FormInput(name="상점", secret=V1_SECRET, imp_key="1234", api_base=host)
    switched = switch_kind(form, StoreApi.V2)
    assert switched.api is StoreApi.V2 and switched.name == "상점"
    assert switched.secret == "" and switched.api_base == expected
    back = switch_kind(switched, StoreApi.V1)
    assert back.api_base == (DEFAULT_API_BASE if expected == V2_API_BASE else expected)
    assert switch_kind(form, StoreApi.V1) is form


def test_credentials_to_test_use_the_typed_or_the_saved_secret() -> None:
    result = FormResult(Profile("온라인", api=StoreApi.V2, store_id=STORE_UUID), None)
    saved = Profile("온라인", api=StoreApi.V2).with_secret(V2_SECRET)
    tested = credentials_to_test(result, saved, proxy="http://proxy.office:3128")
    assert tested == Credentials(
        "",
        V2_SECRET,
        api_base=V2_API_BASE,
        proxy="http://proxy.office:3128",
        api=StoreApi.V2,
        store_id=STORE_UUID,
    )
    assert credentials_to_test(result, None) is None
    v1_saved = Profile("온라인", "1234").with_secret(V1_SECRET)
    assert credentials_to_test(result, v1_saved) is None  # never V1's secret for V2
    typed = FormResult(result.profile, "Pl0oKi9jUh8yGt7fRd6eSw5a")
    moved = credentials_to_test(typed, saved, host="http://127.0.0.1:8002")
    assert moved is not None
    assert (moved.secret, moved.api_base) == ("Pl0oKi9jUh8yGt7fRd6eSw5a", "http://127.0.0.1:8002")


CHANNEL = "channel-key-4ff4af41-85e3-4559-8eb8-0d08a2c6ceec"


def test_both_kinds_show_the_channel_key_before_the_host() -> None:
    v1 = [spec.field for spec in form_rows(StoreApi.V1)]
    v2 = [spec.field for spec in form_rows(StoreApi.V2)]
    assert v1 == ["name", "imp_key", "imp_secret", "tier_code", "channel_key", "api_base"]
    assert v2 == ["name", "api_secret", "store_id", "channel_key", "api_base"]
    assert ISSUE_FIELDS[0].field is FormField.CHANNEL_KEY and not ISSUE_FIELDS[0].required
    (key,) = [s for s in fields_for(StoreApi.V1) if s.field is FormField.IMP_KEY]
    assert key.hint == "hint.v1_console_path" and key.hint in CONSOLE_PATHS


def test_the_channel_key_is_read_checked_and_kept_across_a_kind_switch() -> None:
    form = FormInput(
        api=StoreApi.V2, name="온라인", secret=V2_SECRET, channel_key=f" {CHANNEL} ",
        api_base=V2_API_BASE,
    )  # fmt: skip
    assert read_form(form).profile.channel_key == CHANNEL
    assert read_form(dataclasses.replace(form, channel_key="")).profile.channel_key is None
    wrong = dataclasses.replace(form, channel_key=STORE_UUID)
    assert (_error(wrong).field, _error(wrong).kind) == ("channel_key", "format")
    assert switch_kind(form, StoreApi.V1).channel_key == form.channel_key
    saved = Profile("온라인", api=StoreApi.V2, channel_key=CHANNEL)
    assert form_for(saved).channel_key == CHANNEL


def test_a_typed_secret_never_reaches_a_repr() -> None:
    form = FormInput(api=StoreApi.V2, name="온라인", secret=V2_SECRET, api_base=V2_API_BASE)
    assert V2_SECRET not in repr(form)
    result = read_form(form)
    assert result.secret == V2_SECRET and V2_SECRET not in repr(result)
    assert V2_SECRET not in repr(FormTestCredentials(None, result))  # type: ignore[arg-type]


def test_test_connection_reads_the_saved_secret_host_and_proxy_when_resolved(
    tmp_path: Path,
) -> None:
    profiles = ProfileStore(
        tmp_path / "settings.json",
        SecretStore(),
        session_hosts={StoreApi.V2: "http://127.0.0.1:8002"},
    )
    profiles.set_proxy("http://proxy.office:3128")
    profiles.save_profile(Profile("온라인", api=StoreApi.V2), V2_SECRET)
    result = read_form(
        FormInput(api=StoreApi.V2, name="온라인", store_id=STORE_UUID, api_base=V2_API_BASE),
        editing=profiles.get("온라인"),
        has_saved_secret=True,
    )
    source = FormTestCredentials(profiles, result, stored_profile="온라인")
    assert source.resolve() == Credentials(
        "",
        V2_SECRET,
        api_base="http://127.0.0.1:8002",  # this session's host for V2 stores (the demo)
        proxy="http://proxy.office:3128",
        api=StoreApi.V2,
        store_id=STORE_UUID,
    )
    override = FormTestCredentials(profiles, result, "온라인", host="http://127.0.0.1:9")
    resolved = override.resolve()
    assert resolved is not None and resolved.api_base == "http://127.0.0.1:9"
    assert FormTestCredentials(profiles, result).resolve() is None  # a new profile: no secret
