"""The store-profile form without the widgets: which fields a kind of store needs, and reading them.

The credentials dialog is a thin view over this: it shows ``form_rows(api)`` in order (the
kind's own ``fields_for(api)`` with the channel key, which both kinds share, before the host;
each field's label, hint and placeholder are codes that ``ui.words.profile_form_text`` turns
into the clerk's words), offers ``host_choices(api)`` for the host, calls ``switch_kind`` when
the clerk flips the kind selector, and ``read_form`` when they press Save or Test connection.
Every value is validated by ``iamport_desk.rules`` (through ``credentials``), in the order
the fields are shown, so the first wrong field is the one the clerk is sent to.
``FormTestCredentials`` is what Test connection hands the API thread.

No Qt, no I/O (``FormTestCredentials.resolve`` reads the keychain, on the API thread).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from iamport_desk import credentials as cred
from iamport_desk.models import (
    DEFAULT_API_BASE,
    STATIC_API_BASE,
    V2_API_BASE,
    Credentials,
    Profile,
    StoreApi,
)

if TYPE_CHECKING:
    from iamport_desk.credentials import ProfileStore

__all__ = [
    "CHANNEL_CONSOLE_PATH",
    "CONSOLE_PATHS",
    "ISSUE_FIELDS",
    "KINDS",
    "V1_CONSOLE_PATH",
    "V2_CONSOLE_PATH",
    "FieldSpec",
    "FormField",
    "FormInput",
    "FormResult",
    "FormTestCredentials",
    "credentials_to_test",
    "fields_for",
    "form_for",
    "form_rows",
    "host_choices",
    "read_form",
    "switch_kind",
]

KINDS: tuple[StoreApi, ...] = (StoreApi.V1, StoreApi.V2)
# Where PortOne's admin console shows the keys (the console's own Korean menu names, as in
# shared/iamport-v1/README.md and PortOne's guides).
V1_CONSOLE_PATH = "[결제 연동] > [식별코드・API Keys] > [V1 API]"
V2_CONSOLE_PATH = "[결제 연동] > [식별코드・API Keys] > [V2 API]"
CHANNEL_CONSOLE_PATH = "[결제 연동] > [채널 관리]"
# The hint codes whose "{0}" is a console path.
CONSOLE_PATHS: dict[str, str] = {
    "hint.v1_console_path": V1_CONSOLE_PATH,
    "hint.v2_console_path": V2_CONSOLE_PATH,
    "hint.channel_key": CHANNEL_CONSOLE_PATH,
}

_HOSTS: dict[StoreApi, tuple[str, ...]] = {
    StoreApi.V1: (DEFAULT_API_BASE, STATIC_API_BASE),
    StoreApi.V2: (V2_API_BASE,),
}


class FormField(enum.StrEnum):
    """A field of the form; the values are the ``field`` of the rules' errors."""

    NAME = "name"
    IMP_KEY = "imp_key"
    IMP_SECRET = "imp_secret"  # noqa: S105 - a field name, not a secret
    TIER_CODE = "tier_code"
    API_SECRET = "api_secret"  # noqa: S105 - a field name, not a secret
    STORE_ID = "store_id"
    CHANNEL_KEY = "channel_key"
    API_BASE = "api_base"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One row of the form. ``label``, ``placeholder`` and ``hint`` are word codes.

    ``required`` False: may stay empty (for a secret: "keep the saved one" when editing).
    ``secret``: shown masked, with a Show button; never filled in from the keychain.
    ``max_length`` is what the line edit may hold (None: the rule's own bound).
    """

    field: FormField
    label: str
    required: bool
    secret: bool = False
    placeholder: str | None = None
    hint: str | None = None
    max_length: int | None = None


_FIELDS: dict[StoreApi, tuple[FieldSpec, ...]] = {
    StoreApi.V1: (
        FieldSpec(FormField.NAME, "label.name", True, placeholder="placeholder.name"),
        FieldSpec(
            FormField.IMP_KEY,
            "label.imp_key",
            True,
            placeholder="placeholder.imp_key",
            hint="hint.v1_console_path",
        ),
        FieldSpec(
            FormField.IMP_SECRET,
            "label.imp_secret",
            True,
            secret=True,
            placeholder="placeholder.imp_secret",
        ),
        FieldSpec(
            FormField.TIER_CODE,
            "label.tier_code",
            False,
            placeholder="placeholder.tier_code",
            max_length=3,
        ),
        FieldSpec(FormField.API_BASE, "label.api_base", True),
    ),
    StoreApi.V2: (
        FieldSpec(FormField.NAME, "label.name", True, placeholder="placeholder.name"),
        FieldSpec(
            FormField.API_SECRET,
            "label.api_secret",
            True,
            secret=True,
            placeholder="placeholder.api_secret",
            hint="hint.v2_console_path",
        ),
        FieldSpec(
            FormField.STORE_ID,
            "label.store_id",
            False,
            placeholder="placeholder.store_id",
            hint="hint.store_id",
        ),
        FieldSpec(FormField.API_BASE, "label.api_base", True),
    ),
}


# Rows both kinds have beyond their own: what the correction (a re-issue) needs.
ISSUE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        FormField.CHANNEL_KEY,
        "label.channel_key",
        False,
        placeholder="placeholder.channel_key",
        hint="hint.channel_key",
    ),
)


def fields_for(api: StoreApi) -> tuple[FieldSpec, ...]:
    """The rows of this kind's own API, in the order they are shown and checked."""
    return _FIELDS[StoreApi(api)]


def form_rows(api: StoreApi) -> tuple[FieldSpec, ...]:
    """Every row the form shows for this kind, in order: its own, the issue rows before the host."""
    own = fields_for(api)
    return (*own[:-1], *ISSUE_FIELDS, own[-1])


def host_choices(api: StoreApi) -> tuple[str, ...]:
    """The hosts offered for this kind, its default first (the field stays editable)."""
    return _HOSTS[StoreApi(api)]


@dataclass(frozen=True, slots=True)
class FormInput:
    """What the form holds, as typed. ``secret`` "" means "keep the saved secret"."""

    api: StoreApi = StoreApi.V1
    name: str = ""
    secret: str = field(default="", repr=False)  # never in a log or a traceback
    imp_key: str = ""
    tier_code: str = ""
    store_id: str = ""
    channel_key: str = ""
    api_base: str = DEFAULT_API_BASE


@dataclass(frozen=True, slots=True)
class FormResult:
    """A valid form: the profile to save, and the new secret (None: keep the saved one)."""

    profile: Profile
    secret: str | None = field(repr=False)


def form_for(profile: Profile | None) -> FormInput:
    """The form filled in from a saved profile (its secret is never shown), or a new V1 one."""
    if profile is None:
        return FormInput()
    return FormInput(
        api=profile.api,
        name=profile.name,
        imp_key=profile.imp_key,
        tier_code=profile.tier_code or "",
        store_id=profile.store_id or "",
        channel_key=profile.channel_key or "",
        api_base=profile.api_base,
    )


def switch_kind(form: FormInput, api: StoreApi) -> FormInput:
    """The form after the clerk chose another kind.

    The name stays; the secret is cleared (the other API's secret is never the right one);
    a host that was one of the old kind's choices becomes the new kind's default, one typed
    by hand (a simulator, a gateway) stays for the rules to judge.
    """
    api = StoreApi(api)
    if api is form.api:
        return form
    host = form.api_base.strip().rstrip("/")
    if not host or host in _HOSTS[form.api]:
        host = api.default_base
    return dataclasses.replace(form, api=api, secret="", api_base=host)


def read_form(
    form: FormInput,
    *,
    existing: Iterable[str] = (),
    editing: Profile | None = None,
    has_saved_secret: bool = False,
) -> FormResult:
    """The profile and secret in the form, checked field by field in the order shown.

    ``existing``: the names of the other profiles. ``editing``: the saved profile the form
    was filled from (None: a new one). A secret left empty is "keep the saved one", allowed
    only when ``has_saved_secret`` and the kind did not change. Raises
    ``credentials.CredentialError`` (``field`` names the row, ``kind`` what is wrong; never
    the value).
    """
    api = StoreApi(form.api)
    values: dict[FormField, object] = {}
    for spec in form_rows(api):
        values[spec.field] = _checked(spec, form, existing)
    secret_field = FormField.API_SECRET if api is StoreApi.V2 else FormField.IMP_SECRET
    secret = values[secret_field]
    assert secret is None or isinstance(secret, str)
    if secret is None and not (has_saved_secret and editing is not None and editing.api is api):
        label = "V2 API" if api is StoreApi.V2 else "REST API"
        raise cred.CredentialError(
            f"The {label} secret is empty.", field=secret_field.value, kind="empty"
        )
    profile = Profile(
        name=str(values[FormField.NAME]),
        imp_key=str(values.get(FormField.IMP_KEY) or ""),
        tier_code=_optional(values.get(FormField.TIER_CODE)),
        api_base=str(values[FormField.API_BASE]),
        api=api,
        store_id=_optional(values.get(FormField.STORE_ID)),
        channel_key=_optional(values.get(FormField.CHANNEL_KEY)),
    )
    return FormResult(profile, secret)


def credentials_to_test(
    result: FormResult,
    saved: Credentials | None,
    *,
    proxy: str | None = None,
    host: str | None = None,
) -> Credentials | None:
    """What "Test connection" sends: the form's store with the typed secret, else the saved one.

    ``saved``: the credentials saved for the profile being edited (None: none). ``host``
    replaces the profile's host for this session (--api-base, or the demo's simulator).
    None when there is no secret to test with.
    """
    secret = result.secret
    if secret is None and saved is not None and saved.api is result.profile.api:
        secret = saved.secret
    if secret is None:
        return None
    credentials = result.profile.with_secret(secret, proxy=proxy)
    return credentials if host is None else dataclasses.replace(credentials, api_base=host)


@dataclass(frozen=True)
class FormTestCredentials:
    """Test connection's ``CredentialsSource`` (see ``jobs``): the form's store, with the typed
    secret or, when it was left empty, the one saved for ``stored_profile`` (read from the
    keychain when resolved, on the API thread). The host is ``host`` when given (--api-base),
    else this session's for the kind (the demo), else the form's; the proxy is the settings'.
    """

    profiles: ProfileStore = field(repr=False)
    result: FormResult
    stored_profile: str | None = None
    host: str | None = None

    def resolve(self) -> Credentials | None:
        saved = None
        if self.result.secret is None and self.stored_profile is not None:
            saved = self.profiles.credentials(self.stored_profile)
        host = self.host or self.profiles.session_host(self.result.profile.api)
        return credentials_to_test(
            self.result, saved, proxy=self.profiles.settings.proxy, host=host
        )


def _optional(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _checked(spec: FieldSpec, form: FormInput, existing: Iterable[str]) -> object:
    api = StoreApi(form.api)
    if spec.field is FormField.NAME:
        return cred.validate_profile_name(form.name, existing)
    if spec.field is FormField.IMP_KEY:
        return cred.validate_imp_key(form.imp_key)
    if spec.field in (FormField.IMP_SECRET, FormField.API_SECRET):
        return cred.clean_secret(api, form.secret) if form.secret.strip() else None
    if spec.field is FormField.TIER_CODE:
        return cred.validate_tier_code(form.tier_code)
    if spec.field is FormField.STORE_ID:
        return cred.validate_store_id(form.store_id)
    if spec.field is FormField.CHANNEL_KEY:
        return cred.validate_channel_key(form.channel_key)
    if api is StoreApi.V2:
        return cred.validate_v2_base_url(form.api_base)
    return cred.validate_api_base(form.api_base)
