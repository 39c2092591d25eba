"""Settings are read tolerantly (nothing lost) and written atomically (never half a file)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from iamport_desk import settings as settings_module
from iamport_desk.models import DEFAULT_API_BASE, Profile
from iamport_desk.settings import Settings, load_settings, save_settings

SAMPLE = Settings(
    profiles=(
        Profile("본점", "1234567890123456", "AB1", DEFAULT_API_BASE),
        Profile("Demo", "imp_key_demo", None, "http://127.0.0.1:8123"),
    ),
    active_profile="본점",
    language="ko",
    window_geometry="AdnQywADAAAAAAA=",
)


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _corrupt_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("settings.json.corrupt-*"))


def test_missing_file_gives_defaults_without_notice(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope" / "settings.json") == (Settings(), None)


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"  # parent does not exist yet
    save_settings(path, SAMPLE)
    loaded, notice = load_settings(path)
    assert notice is None
    assert loaded == SAMPLE


def test_file_format_is_readable_json_with_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, SAMPLE)
    text = path.read_text(encoding="utf-8")
    assert "본점" in text  # ensure_ascii=False: Korean stays readable for support staff
    assert '\n  "profiles"' in text  # indent 2
    data = json.loads(text)
    assert data["version"] == 1
    assert set(data["profiles"][0]) == {"name", "imp_key", "tier_code", "api_base"}


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, SAMPLE)
    save_settings(path, Settings())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_failure_while_writing_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, SAMPLE)
    before = path.read_bytes()

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_module.json, "dump", explode)
    with pytest.raises(OSError, match="No space"):
        save_settings(path, Settings(language="en"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_failure_in_replace_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, SAMPLE)
    before = path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(settings_module.os, "replace", refuse)
    with pytest.raises(PermissionError):
        save_settings(path, Settings())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_save_fsyncs_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(settings_module.os, "fsync", spy)
    save_settings(tmp_path / "settings.json", SAMPLE)
    assert len(synced) == (2 if os.name == "posix" else 1)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'"just a string"',
        b"null",
    ],
)
def test_unreadable_file_is_moved_aside_with_its_bytes(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded, notice = load_settings(path)
    assert loaded == Settings()
    copies = _corrupt_copies(tmp_path)
    assert len(copies) == 1
    assert copies[0].read_bytes() == content
    assert notice is not None and copies[0].name in notice
    assert not path.exists()  # so the next save cannot destroy the evidence


def test_second_corrupt_file_in_the_same_second_does_not_overwrite_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_module.time, "strftime", lambda fmt: "20250101-120000")
    path = tmp_path / "settings.json"
    path.write_bytes(b"first{")
    load_settings(path)
    path.write_bytes(b"second{")
    load_settings(path)
    contents = {p.read_bytes() for p in _corrupt_copies(tmp_path)}
    assert contents == {b"first{", b"second{"}


def test_read_error_gives_defaults_and_notice(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # reading a folder raises an OSError that is not FileNotFoundError
    loaded, notice = load_settings(path)
    assert loaded == Settings()
    assert notice is not None and "could not be read" in notice


def test_bom_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"language": "en"}).encode())
    assert load_settings(path) == (Settings(language="en"), None)


def test_partially_bad_profiles_keep_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    good = {"name": "본점", "imp_key": "1234", "tier_code": "ab1", "api_base": DEFAULT_API_BASE}
    data = {
        "version": 1,
        "profiles": [
            good,
            "not a dict",
            {"name": 5, "imp_key": "x"},
            {"name": "no key"},
            {"name": "bad tier", "imp_key": "k", "tier_code": "TOOLONG"},
            {"name": "clear text", "imp_key": "k", "api_base": "http://evil.example"},
            {"name": "본점", "imp_key": "dup"},
            {"name": "Minimal", "imp_key": "k2"},
        ],
        "active_profile": "본점",
        "unknown_key": {"nested": True},
    }
    _write(path, data)
    original = path.read_bytes()
    loaded, notice = load_settings(path)
    assert loaded.profiles == (
        Profile("본점", "1234", "AB1", DEFAULT_API_BASE),
        Profile("Minimal", "k2", None, DEFAULT_API_BASE),
    )
    assert loaded.active_profile == "본점"
    assert notice is not None and "6 damaged store profile entries" in notice
    copies = _corrupt_copies(tmp_path)
    assert len(copies) == 1 and copies[0].read_bytes() == original
    assert path.read_bytes() == original  # still in place: only a copy was made


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("language", "fr", Settings()),
        ("language", 3, Settings()),
        ("language", "en", Settings(language="en")),
        ("window_geometry", 42, Settings()),
        ("window_geometry", "", Settings()),
        ("active_profile", "ghost", Settings()),
        ("active_profile", ["x"], Settings()),
        ("profiles", {"not": "a list"}, Settings()),
    ],
)
def test_wrong_types_fall_back_to_defaults(
    tmp_path: Path, field: str, value: object, expected: Settings
) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"version": 1, field: value})
    loaded, _ = load_settings(path)
    assert loaded == expected


def test_unknown_language_is_system(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"language": "de", "profiles": []})
    assert load_settings(path) == (Settings(language="system"), None)
