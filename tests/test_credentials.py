"""Validation, the keychain (and its session-only fallback) and store profiles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from conftest import MemoryKeyring

from iamport_desk.credentials import (
    KEYRING_SERVICE,
    CredentialError,
    ProfileStore,
    SecretStore,
    validate_api_base,
    validate_imp_key,
    validate_imp_secret,
    validate_profile_name,
    validate_tier_code,
)
from iamport_desk.models import DEFAULT_API_BASE, Credentials, Profile
from iamport_desk.settings import Settings, load_settings

SECRET = "Sx9vQ2kLm4TzR8wPq1nB7cYd3fHj6gKa0eUo5iAs"
OTHER_SECRET = "Zr4Nw8Xc2Vb6Mn0Lk7Jh3Gf9Ds5Aq1Pw"


# --- validators -------------------------------------------------------------------------


def _error(func: object, *args: object) -> CredentialError:
    assert callable(func)
    with pytest.raises(CredentialError) as info:
        func(*args)
    return info.value


def test_profile_name_is_stripped_and_normalised() -> None:
    assert validate_profile_name("  본점 매장 \n") == "본점 매장"
    decomposed = "\u1107\u1169\u11ab\u110c\u1165\u11b7"  # 본점 as jamo (macOS paste)
    assert validate_profile_name(decomposed) == "본점"


@pytest.mark.parametrize(
    ("raw", "existing", "kind"),
    [
        ("", (), "empty"),
        ("   \t\n", (), "empty"),
        ("a\tb", (), "control"),
        ("a\nb", (), "control"),
        ("a\u200bb", (), "control"),  # zero-width space: two names that look the same
        ("x" * 41, (), "too_long"),
        ("본점", ("본점", "지점"), "duplicate"),
        (" 본점 ", ("본점",), "duplicate"),
    ],
)
def test_profile_name_errors(raw: str, existing: tuple[str, ...], kind: str) -> None:
    error = _error(validate_profile_name, raw, existing)
    assert (error.field, error.kind) == ("name", kind)


def test_profile_name_limits_and_case_sensitivity() -> None:
    assert validate_profile_name("x" * 40) == "x" * 40
    assert validate_profile_name("Main", ["main"]) == "Main"


@pytest.mark.parametrize("validator", [validate_imp_key, validate_imp_secret])
def test_token_is_stripped(validator: object) -> None:
    assert callable(validator)
    assert validator("  abc123!@#$%^&*()_+-=[]{}|;:,.<>/?~`'\"\\ \r\n") == (
        "abc123!@#$%^&*()_+-=[]{}|;:,.<>/?~`'\"\\"
    )
    assert validator("\u3000abc\u00a0") == "abc"  # ideographic space / NBSP from a paste


@pytest.mark.parametrize("validator", [validate_imp_key, validate_imp_secret])
@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("", "empty"),
        (" \t\n ", "empty"),
        ("abc def", "whitespace"),
        ("abc\ndef", "whitespace"),
        ("abc\tdef", "whitespace"),
        ("abc\u3000def", "whitespace"),
        ("abc\x00def", "control"),
        ("abc\x7fdef", "control"),
        ("키abcdef", "non_ascii"),
        ("abc\u200bdef", "non_ascii"),
        ("ａｂｃ", "non_ascii"),  # full-width letters from a Korean IME
        ("a" * 201, "too_long"),
    ],
)
def test_token_errors(validator: object, raw: str, kind: str) -> None:
    error = _error(validator, raw)
    assert error.kind == kind
    expected_field = "imp_key" if validator is validate_imp_key else "imp_secret"
    assert error.field == expected_field


@pytest.mark.parametrize(
    "raw", [SECRET + " tail", SECRET + "\n" + SECRET, SECRET + "한", SECRET * 6, "\x01" + SECRET]
)
def test_secret_error_never_contains_the_secret(raw: str) -> None:
    error = _error(validate_imp_secret, raw)
    for text in (str(error), repr(error), repr(error.args)):
        assert SECRET not in text
        assert SECRET[:10] not in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("", None), ("   ", None), ("AB1", "AB1"), (" ab1 ", "AB1"), ("x9z", "X9Z")],
)
def test_tier_code_accepts(raw: str | None, expected: str | None) -> None:
    assert validate_tier_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("AB", "format"),
        ("AB12", "format"),
        ("A-1", "format"),
        ("A_1", "format"),
        ("A B", "whitespace"),
        ("A\tB", "whitespace"),
        ("가나다", "non_ascii"),
        ("ＡＢ１", "non_ascii"),
    ],
)
def test_tier_code_errors(raw: str, kind: str) -> None:
    error = _error(validate_tier_code, raw)
    assert (error.field, error.kind) == ("tier_code", kind)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (DEFAULT_API_BASE, DEFAULT_API_BASE),
        (" https://API.iamport.kr/ ", DEFAULT_API_BASE),
        ("https://api.iamport.kr:8443", "https://api.iamport.kr:8443"),
        ("HTTP://127.0.0.1:8123/", "http://127.0.0.1:8123"),
        ("http://127.1.2.3:1", "http://127.1.2.3:1"),
        ("http://localhost:9000", "http://localhost:9000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
        # A path prefix (an office gateway): the client always accepted it, now the form does too.
        ("https://api.iamport.kr/v1", "https://api.iamport.kr/v1"),
        ("https://gw.example.co.kr/iamport/", "https://gw.example.co.kr/iamport"),
    ],
)
def test_api_base_accepts(raw: str, expected: str) -> None:
    assert validate_api_base(raw) == expected


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("", "empty"),
        ("http://api.iamport.kr", "format"),
        ("http://192.168.0.10:8000", "format"),
        ("http://localhost.evil.example", "format"),
        ("ftp://api.iamport.kr", "format"),
        ("api.iamport.kr", "format"),
        ("https://", "format"),
        ("https://user:pw@api.iamport.kr", "format"),
        ("https://api.iamport.kr/../v1", "format"),
        ("https://api.iamport.kr?x=1", "format"),
        ("https://api.iamport.kr#frag", "format"),
        ("https://api.iamport.kr:99999", "format"),
        ("https://api .iamport.kr", "whitespace"),
        ("https://아임포트.kr", "non_ascii"),
    ],
)
def test_api_base_errors(raw: str, kind: str) -> None:
    error = _error(validate_api_base, raw)
    assert (error.field, error.kind) == ("api_base", kind)


# --- SecretStore ------------------------------------------------------------------------


class RaisingKeyring(keyring.backend.KeyringBackend):
    """A keychain that is present but refuses to store (locked, denied, full...)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.deleted: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        return "stale-old-secret-value" if username not in self.deleted else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"refused {password}")

    def delete_password(self, service: str, username: str) -> None:
        self.deleted.append(username)


class EmptyChainer(keyring.backends.chainer.ChainerBackend):
    backends = ()


def _files_containing(root: Path, needle: str) -> list[Path]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            hits.append(path)
    return hits


def test_keyring_is_not_imported_at_start_up() -> None:
    code = (
        "import sys, iamport_desk.credentials, iamport_desk.settings, iamport_desk.logsetup;"
        "sys.exit(1 if any(m == 'keyring' or m.startswith('keyring.') for m in sys.modules)"
        " else 0)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    result = subprocess.run([sys.executable, "-c", code], env=env, check=False)
    assert result.returncode == 0, "importing the modules imported keyring"


def test_default_backend_is_the_global_keyring(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert "not loaded yet" in repr(store)
    status = store.status()
    assert status.persistent and status.backend_name == "MemoryKeyring" and status.reason is None
    assert store.set("본점", SECRET) is True
    assert memory_keyring.store[(KEYRING_SERVICE, "본점")] == SECRET
    assert SecretStore().get("본점") == SECRET  # a new session reads it back


def test_memory_keyring_set_get_delete_rename(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(memory_keyring)
    assert store.get("a") is None
    assert store.set("a", SECRET)
    store.rename("a", "b")
    assert memory_keyring.store == {(KEYRING_SERVICE, "b"): SECRET}
    assert store.get("a") is None and store.get("b") == SECRET
    store.delete("b")
    store.delete("never-existed")
    assert memory_keyring.store == {}
    assert store.get("b") is None


def test_rename_without_secret_does_not_adopt_a_stale_one(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.store[(KEYRING_SERVICE, "new")] = OTHER_SECRET  # left over from long ago
    store = SecretStore(memory_keyring)
    store.rename("old", "new")
    assert store.get("new") is None


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), EmptyChainer()],
    ids=["fail", "null", "empty-chainer"],
)
def test_no_keychain_keeps_secret_for_session_only(
    backend: keyring.backend.KeyringBackend, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = SecretStore(backend)
    status = store.status()
    assert status.persistent is False
    assert status.backend_name == ""
    assert status.reason
    assert store.set("본점", SECRET) is False
    assert store.get("본점") == SECRET
    assert store.has_persistent_secret("본점") is False
    store.rename("본점", "지점")
    assert store.get("지점") == SECRET and store.get("본점") is None
    # Nothing written anywhere: not in the files of this test, not in another keychain.
    assert _files_containing(tmp_path, SECRET) == []
    assert memory_keyring.store == {}
    assert SecretStore(backend).get("지점") is None  # gone with the session
    store.delete("지점")
    assert store.get("지점") is None


def test_keychain_refusing_to_store_falls_back_to_session(
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend = RaisingKeyring()
    store = SecretStore(backend)
    assert store.status().persistent is True
    with caplog.at_level("DEBUG"):
        assert store.set("본점", SECRET) is False
    assert store.get("본점") == SECRET  # not the stale keychain value
    assert "본점" in backend.deleted  # the stale secret will not come back next time
    status = store.status()
    assert status.persistent is False
    assert status.reason and "PasswordSetError" in status.reason
    assert SECRET not in caplog.text


def test_keychain_read_errors_are_none_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    class Locked(RaisingKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("locked")

    with caplog.at_level("WARNING"):
        assert SecretStore(Locked()).get("본점") is None
    assert "KeyringLocked" in caplog.text


def test_keychain_that_silently_drops_the_secret_is_not_persistent() -> None:
    class BlackHole(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            pass

    store = SecretStore(BlackHole())
    assert store.set("본점", SECRET) is False
    assert store.get("본점") == SECRET


def test_friendly_backend_names() -> None:
    class Chained(keyring.backends.chainer.ChainerBackend):
        backends = (keyring.backends.fail.Keyring(), MemoryKeyring())

    assert SecretStore(Chained()).status().backend_name == "MemoryKeyring"
    try:
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring
    except ImportError:  # pragma: no cover - depends on the platform's extras
        return
    assert SecretStore(SecretServiceKeyring()).status().backend_name == "Secret Service"


def test_repr_never_shows_a_secret(memory_keyring: MemoryKeyring) -> None:
    persistent = SecretStore(memory_keyring)
    persistent.set("본점", SECRET)
    session = SecretStore(keyring.backends.fail.Keyring())
    session.set("지점", OTHER_SECRET)
    assert "본점" in repr(persistent) and SECRET not in repr(persistent)
    assert "지점" in repr(session) and OTHER_SECRET not in repr(session)
    assert "MemoryKeyring" in repr(persistent)


# --- ProfileStore -----------------------------------------------------------------------


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def store(settings_path: Path, memory_keyring: MemoryKeyring) -> ProfileStore:
    return ProfileStore(settings_path, SecretStore(memory_keyring))


def _assert_file_has_no_secret(path: Path) -> None:
    data = path.read_bytes()
    assert SECRET.encode() not in data
    assert OTHER_SECRET.encode() not in data
    assert b"secret" not in data.lower()


def test_add_profile_persists_and_becomes_active(
    store: ProfileStore, settings_path: Path, memory_keyring: MemoryKeyring
) -> None:
    assert store.active() is None and store.credentials() is None
    persistent = store.save_profile(
        Profile(" 본점 ", " 1234 ", "ab1", "https://api.iamport.kr/"), SECRET
    )
    assert persistent is True
    expected = Profile("본점", "1234", "AB1", DEFAULT_API_BASE)
    assert store.profiles() == (expected,)
    assert store.active() == expected
    assert store.credentials() == Credentials("1234", SECRET, "AB1", DEFAULT_API_BASE)
    assert memory_keyring.store == {(KEYRING_SERVICE, "본점"): SECRET}
    _assert_file_has_no_secret(settings_path)
    assert load_settings(settings_path)[0] == Settings(profiles=(expected,), active_profile="본점")

    store.save_profile(Profile("지점", "5678"), OTHER_SECRET)
    assert store.active() == expected  # adding another does not switch store
    assert store.credentials("지점") == Credentials("5678", OTHER_SECRET)
    _assert_file_has_no_secret(settings_path)


def test_add_requires_secret_and_unique_name(store: ProfileStore) -> None:
    with pytest.raises(CredentialError) as info:
        store.save_profile(Profile("본점", "1234"), None)
    assert (info.value.field, info.value.kind) == ("imp_secret", "empty")
    store.save_profile(Profile("본점", "1234"), SECRET)
    with pytest.raises(CredentialError) as info:
        store.save_profile(Profile("본점", "9999"), OTHER_SECRET)
    assert info.value.kind == "duplicate"
    assert store.credentials() == Credentials("1234", SECRET)


def test_invalid_input_changes_nothing(
    store: ProfileStore, settings_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    before = settings_path.read_bytes()
    bad = [
        (Profile("본점", "12 34"), None, "imp_key"),
        (Profile("본점", "1234", "TOOLONG"), None, "tier_code"),
        (Profile("본점", "1234", None, "http://api.iamport.kr"), None, "api_base"),
        (Profile("본점", "1234"), "new secret", "imp_secret"),
        (Profile("", "1234"), None, "name"),
    ]
    for profile, secret, field in bad:
        with pytest.raises(CredentialError) as info:
            store.save_profile(profile, secret, previous_name="본점")
        assert info.value.field == field
    assert settings_path.read_bytes() == before
    assert memory_keyring.store == {(KEYRING_SERVICE, "본점"): SECRET}


def test_edit_keeps_secret_when_none(store: ProfileStore, memory_keyring: MemoryKeyring) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    assert store.save_profile(Profile("본점", "1234", "XY9"), None, previous_name="본점") is True
    assert store.credentials() == Credentials("1234", SECRET, "XY9")
    store.save_profile(Profile("본점", "1234", "XY9"), OTHER_SECRET, previous_name="본점")
    assert store.credentials() == Credentials("1234", OTHER_SECRET, "XY9")
    assert memory_keyring.store == {(KEYRING_SERVICE, "본점"): OTHER_SECRET}


def test_rename_moves_the_secret_and_the_active_mark(
    store: ProfileStore, settings_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    store.save_profile(Profile("지점", "5678"), OTHER_SECRET)
    store.save_profile(Profile("강남점", "1234"), None, previous_name="본점")
    assert [p.name for p in store.profiles()] == ["강남점", "지점"]  # order kept
    assert store.active() == Profile("강남점", "1234")
    assert store.credentials() == Credentials("1234", SECRET)
    assert memory_keyring.store == {
        (KEYRING_SERVICE, "강남점"): SECRET,
        (KEYRING_SERVICE, "지점"): OTHER_SECRET,
    }
    with pytest.raises(CredentialError) as info:
        store.save_profile(Profile("지점", "1234"), None, previous_name="강남점")
    assert info.value.kind == "duplicate"
    with pytest.raises(KeyError):
        store.save_profile(Profile("x", "1"), None, previous_name="ghost")
    _assert_file_has_no_secret(settings_path)


def test_rename_with_new_secret(store: ProfileStore, memory_keyring: MemoryKeyring) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    store.save_profile(Profile("강남점", "1234"), OTHER_SECRET, previous_name="본점")
    assert memory_keyring.store == {(KEYRING_SERVICE, "강남점"): OTHER_SECRET}


def test_delete_profile_removes_secret_and_fixes_active(
    store: ProfileStore, settings_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    store.save_profile(Profile("지점", "5678"), OTHER_SECRET)
    store.delete_profile("본점")
    assert [p.name for p in store.profiles()] == ["지점"]
    assert store.active() == Profile("지점", "5678")
    assert memory_keyring.store == {(KEYRING_SERVICE, "지점"): OTHER_SECRET}
    store.delete_profile("지점")
    store.delete_profile("never-existed")
    assert store.active() is None and store.credentials() is None
    assert memory_keyring.store == {}
    assert load_settings(settings_path)[0] == Settings()


def test_set_active_language_geometry_persist(store: ProfileStore, settings_path: Path) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    store.save_profile(Profile("지점", "5678"), OTHER_SECRET)
    store.set_active("지점")
    store.set_language("en")
    store.set_window_geometry("AdnQywAD")
    with pytest.raises(KeyError):
        store.set_active("ghost")
    with pytest.raises(ValueError):
        store.set_language("fr")
    reloaded = ProfileStore(settings_path, SecretStore())
    assert reloaded.notice is None
    assert reloaded.active() == Profile("지점", "5678")
    assert reloaded.settings.language == "en"
    assert reloaded.settings.window_geometry == "AdnQywAD"
    assert reloaded.credentials() == Credentials("5678", OTHER_SECRET)
    _assert_file_has_no_secret(settings_path)


def test_session_only_profile(settings_path: Path, tmp_path: Path) -> None:
    secrets = SecretStore(keyring.backends.fail.Keyring())
    store = ProfileStore(settings_path, secrets)
    assert store.save_profile(Profile("본점", "1234"), SECRET) is False
    assert store.save_profile(Profile("본점", "1234", "AB1"), None, previous_name="본점") is False
    assert store.credentials() == Credentials("1234", SECRET, "AB1")
    assert _files_containing(tmp_path, SECRET) == []
    # After a restart the profile is there but its secret must be entered again.
    assert (
        ProfileStore(settings_path, SecretStore(keyring.backends.fail.Keyring())).credentials()
        is None
    )


def test_write_failure_leaves_store_unchanged(
    store: ProfileStore, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("iamport_desk.settings.save_settings", explode)
    with pytest.raises(OSError):
        store.save_profile(Profile("강남점", "1234"), None, previous_name="본점")
    with pytest.raises(OSError):
        store.delete_profile("본점")
    assert [p.name for p in store.profiles()] == ["본점"]
    assert store.credentials() == Credentials("1234", SECRET)


def test_damaged_settings_notice_reaches_the_ui(settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text("{oops", encoding="utf-8")
    store = ProfileStore(settings_path, SecretStore())
    assert store.notice is not None and "corrupt" in store.notice
    assert store.profiles() == ()


def test_repr_of_store_has_no_secret(store: ProfileStore) -> None:
    store.save_profile(Profile("본점", "1234"), SECRET)
    assert SECRET not in repr(store)
    assert SECRET not in repr(store.credentials())


def test_credential_error_shape() -> None:
    error = CredentialError("The REST API secret is empty.", field="imp_secret", kind="empty")
    assert isinstance(error, ValueError)
    assert (error.field, error.kind, str(error)) == (
        "imp_secret",
        "empty",
        "The REST API secret is empty.",
    )
