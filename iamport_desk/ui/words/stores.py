"""Store profiles, V1 or V2 (issue 16): profile_form's codes and the store kinds, worded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iamport_desk.ui.noop import QT_TRANSLATE_NOOP

_STORE_API_NAMES = {
    "v1": QT_TRANSLATE_NOOP("StoreApi", "PortOne V1 store (iamport)"),
    "v2": QT_TRANSLATE_NOOP("StoreApi", "PortOne V2 store"),
}
# The kind selector's choices: which keys the clerk will be asked for.
_KIND_CHOICES = {
    "v1": QT_TRANSLATE_NOOP("StoreApi", "V1 (REST API key)"),
    "v2": QT_TRANSLATE_NOOP("StoreApi", "V2 (API Secret)"),
}
_SHORT_NAMES = {"v1": "V1", "v2": "V2"}  # PortOne's own names of its two APIs
_FORM_TEXTS = {  # labels carry their mnemonic
    "label.api": QT_TRANSLATE_NOOP("ProfileForm", "API &version:"),
    "label.name": QT_TRANSLATE_NOOP("ProfileForm", "Profile na&me:"),
    "label.imp_key": QT_TRANSLATE_NOOP("ProfileForm", "REST API &key:"),
    "label.imp_secret": QT_TRANSLATE_NOOP("ProfileForm", "REST API s&ecret:"),
    "label.tier_code": QT_TRANSLATE_NOOP("ProfileForm", "&Tier code:"),
    "label.api_secret": QT_TRANSLATE_NOOP("ProfileForm", "V2 API s&ecret:"),
    "label.store_id": QT_TRANSLATE_NOOP("ProfileForm", "Store &ID:"),
    "label.channel_key": QT_TRANSLATE_NOOP("ProfileForm", "Channel ke&y:"),
    "label.api_base": QT_TRANSLATE_NOOP("ProfileForm", "API &host:"),
    "placeholder.name": QT_TRANSLATE_NOOP("ProfileForm", "e.g. Gangnam branch"),
    "placeholder.imp_key": QT_TRANSLATE_NOOP("ProfileForm", "REST API key"),
    "placeholder.imp_secret": QT_TRANSLATE_NOOP("ProfileForm", "REST API secret"),
    "placeholder.tier_code": QT_TRANSLATE_NOOP("ProfileForm", "optional, 3 characters"),
    "placeholder.api_secret": QT_TRANSLATE_NOOP("ProfileForm", "V2 API secret"),
    "placeholder.store_id": QT_TRANSLATE_NOOP("ProfileForm", "optional, store-xxxxxxxx-..."),
    "placeholder.channel_key": QT_TRANSLATE_NOOP("ProfileForm", "optional, channel-key-..."),
    "hint.v1_console_path": QT_TRANSLATE_NOOP(
        "ProfileForm", "The REST API key and secret are in the PortOne console under {0}."
    ),
    "hint.v2_console_path": QT_TRANSLATE_NOOP(
        "ProfileForm", "The V2 API secret is in the PortOne console under {0}."
    ),
    "hint.store_id": QT_TRANSLATE_NOOP(
        "ProfileForm", "Only when the secret's account has several stores; else leave it empty."
    ),
    "hint.channel_key": QT_TRANSLATE_NOOP(
        "ProfileForm",
        "Needed only to re-issue a corrected receipt; in the PortOne console under {0}.",
    ),
}
_FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("ProfileForm", "Profile name"),
    "imp_key": QT_TRANSLATE_NOOP("ProfileForm", "REST API key"),
    "imp_secret": QT_TRANSLATE_NOOP("ProfileForm", "REST API secret"),
    "tier_code": QT_TRANSLATE_NOOP("ProfileForm", "Tier code"),
    "api_secret": QT_TRANSLATE_NOOP("ProfileForm", "V2 API secret"),
    "store_id": QT_TRANSLATE_NOOP("ProfileForm", "Store ID"),
    "channel_key": QT_TRANSLATE_NOOP("ProfileForm", "Channel key"),
    "api_base": QT_TRANSLATE_NOOP("ProfileForm", "API host"),
}
# Appended to a field's name; "format" is per field ("api_base/v2": the host of a V2 store).
_ERROR_FRAGMENTS = {
    "empty": QT_TRANSLATE_NOOP("ProfileForm", "is empty."),
    "whitespace": QT_TRANSLATE_NOOP("ProfileForm", "must not contain spaces or line breaks."),
    "control": QT_TRANSLATE_NOOP("ProfileForm", "contains invisible control characters."),
    "non_ascii": QT_TRANSLATE_NOOP(
        "ProfileForm", "may only contain English letters, digits and symbols."
    ),
    "duplicate": QT_TRANSLATE_NOOP("ProfileForm", "is already used by another profile."),
    "too_long": QT_TRANSLATE_NOOP("ProfileForm", "is too long."),
    "too_short": QT_TRANSLATE_NOOP("ProfileForm", "is too short; copy all of it."),
    "format": QT_TRANSLATE_NOOP("ProfileForm", "is not in the expected format."),
    "format/tier_code": QT_TRANSLATE_NOOP(
        "ProfileForm", "must be exactly 3 capital letters or digits (e.g. AB1)."
    ),
    "format/api_base": QT_TRANSLATE_NOOP("ProfileForm", "must be an https:// address."),
    "format/api_base/v2": QT_TRANSLATE_NOOP(
        "ProfileForm", "of a V2 store must be https://api.portone.io."
    ),
    "format/api_secret": QT_TRANSLATE_NOOP(
        "ProfileForm", "looks like an access token, which expires; enter the API secret."
    ),
    "format/store_id": QT_TRANSLATE_NOOP("ProfileForm", "must look like store-xxxxxxxx-xxxx-..."),
    "format/channel_key": QT_TRANSLATE_NOOP(
        "ProfileForm", "must look like channel-key-xxxxxxxx-xxxx-..."
    ),
}
# The main window's store box: the name, then PortOne's name of the API (and the Tier).
_STORE_WITH_TIER = QT_TRANSLATE_NOOP("StoreApi", "{0} [{1}, Tier {2}]")


def _form_word(table: dict[str, str], context: str, code: str) -> str:
    return code if (text := table.get(code)) is None else QCoreApplication.translate(context, text)


def store_api_name(api: str) -> str:
    """The kind of a store as the clerk reads it (kind selector, the window's store line)."""
    return _form_word(_STORE_API_NAMES, "StoreApi", str(api))


def store_api_choice(api: str) -> str:
    """The kind selector's text for ``api``: the version and the key it asks for."""
    return _form_word(_KIND_CHOICES, "StoreApi", str(api))


def store_choice_text(name: str, api: str, tier_code: str | None = None) -> str:
    """A store as the main window's store box lists it: "강남점 [V1, Tier AB1]", "본점 [V2]"."""
    short = _SHORT_NAMES.get(str(api), str(api))
    if tier_code:
        template = QCoreApplication.translate("StoreApi", _STORE_WITH_TIER)
        return template.format(name, short, tier_code)
    return f"{name} [{short}]"


def profile_form_text(code: str) -> str:
    """A label, placeholder or hint of the profile form (a ``FieldSpec`` code), or the code.

    A hint that names a place in PortOne's console gets the console's own menu path.
    """
    from iamport_desk.profile_form import CONSOLE_PATHS

    text = _form_word(_FORM_TEXTS, "ProfileForm", code)
    path = CONSOLE_PATHS.get(code)
    return text if path is None else text.replace("{0}", path)


def profile_field_name(field: str) -> str:
    """A form field as named at the start of an error sentence ("V2 API secret ...")."""
    return _form_word(_FIELD_NAMES, "ProfileForm", field)


def profile_form_error(field: str, kind: str, api: str = "v1") -> str:
    """The sentence for a RuleError/CredentialError of the profile form (never its value)."""
    codes = [f"{kind}/{field}/{api}", f"{kind}/{field}", kind] if kind == "format" else [kind]
    code = next((c for c in codes if c in _ERROR_FRAGMENTS), "format")
    return f"{profile_field_name(field)} {_form_word(_ERROR_FRAGMENTS, 'ProfileForm', code)}"
