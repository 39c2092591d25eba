"""Small typed settings: read tolerantly, written atomically, never holding a secret.

A clerk must never lose their store profiles because one byte of the file went bad, so
reading keeps whatever is still valid and moves (or copies) a damaged file aside instead
of overwriting it. Writing goes through a temporary file and ``os.replace`` so that a
crash or a full disk leaves either the old file or the new one, never half of each; a
replace that another program blocks for a moment (Windows) is retried.

Two copies of the app may run at once (two windows, or the clerk started it twice), so a
change is never "write my whole copy": ``update_settings`` re-reads the file under an OS
lock, applies only the one change this copy made, and writes the result.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from iamport_desk import rules
from iamport_desk.atomic_files import replace_with_retry
from iamport_desk.file_lock import locked
from iamport_desk.models import Profile, StoreApi
from iamport_desk.rules import validate_proxy_url

log = logging.getLogger(__name__)

LANGUAGES = ("system", "ko", "en")
SETTINGS_VERSION = 1
LOCK_TIMEOUT = 10.0  # seconds another copy may hold the settings lock (it needs milliseconds)


@dataclass(frozen=True)
class Settings:
    """Everything the app remembers between runs. No secret ever belongs here."""

    profiles: tuple[Profile, ...] = ()
    active_profile: str | None = None
    language: str = "system"
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry, opaque here
    proxy: str | None = None  # set by hand (http(s)://host:port); None: the system's or none
    history_columns: str | None = None  # the history table's columns (opaque to this module)


SettingsChange = Callable[[Settings], Settings]


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """Read the settings file, keeping whatever is valid.

    Returns the settings and a short English notice for the user, or None when all was
    well. Never raises because of the file's content: an unreadable file is moved aside
    (``settings.json.corrupt-YYYYmmdd-HHMMSS``) and defaults are returned; a file with some
    bad profile entries keeps the good ones and leaves a copy of the original beside it.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        log.warning("Could not read settings file %s: %s", path, exc)
        return Settings(), f"The settings file {path} could not be read ({exc.strerror or exc})."

    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        log.warning("Settings file %s is not valid JSON: %s", path, type(exc).__name__)
        data = None
    if not isinstance(data, dict):
        aside = _keep_aside(path, move=True)
        if aside is None:
            return Settings(), (
                f"The settings file {path} was damaged and could not be moved aside; "
                "default settings are used."
            )
        return Settings(), (
            f"The settings file was damaged; it was moved to {aside.name} and default "
            "settings are used."
        )

    settings, dropped = _settings_from_dict(data)
    if not dropped:
        return settings, None
    aside = _keep_aside(path, move=False)
    kept = f"; the original file was kept as {aside.name}" if aside is not None else ""
    noun = "entry was" if dropped == 1 else "entries were"
    return settings, f"{dropped} damaged store profile {noun} skipped{kept}."


def lock_path(path: Path) -> Path:
    """The file whose OS lock serialises the changes of every copy of the app."""
    return path.with_name(f".{path.name}.lock")


def update_settings(path: Path, change: SettingsChange) -> Settings:
    """Apply ``change`` to the settings as they are on disk now, and write the result.

    Under the settings lock, so another copy's change made since this copy last read the
    file is kept instead of overwritten. Returns what was written. ``change`` may raise
    (e.g. KeyError when the profile it edits was removed by the other copy): nothing is
    written then. Raises OSError (FileInUseError, LockTimeoutError) when it cannot write; the
    file is then intact.
    """
    with locked(lock_path(path), LOCK_TIMEOUT):
        current, notice = load_settings(path)
        if notice is not None:
            log.warning("While merging settings: %s", notice)
        updated = change(current)
        if updated != current or notice is not None:  # a damaged file is rewritten clean
            save_settings(path, updated)
    return updated


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically (temp file, fsync, replace, fsync of the folder).

    Raises OSError when the file cannot be written (FileInUseError when another program
    kept it open); the previous file is then intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    document = _settings_to_dict(settings)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        replace_with_retry(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _settings_to_dict(settings: Settings) -> dict[str, Any]:
    return {
        "version": SETTINGS_VERSION,
        "profiles": [_profile_to_entry(p) for p in settings.profiles],
        "active_profile": settings.active_profile,
        "language": settings.language,
        "window_geometry": settings.window_geometry,
        "proxy": settings.proxy,
    } | ({"history_columns": settings.history_columns} if settings.history_columns else {})


def _profile_to_entry(profile: Profile) -> dict[str, Any]:
    """A V1 entry exactly as before V2 stores existed (older copies read it); V2 says "api"."""
    entry: dict[str, Any]
    if profile.api is StoreApi.V1:
        entry = {
            "name": profile.name,
            "imp_key": profile.imp_key,
            "tier_code": profile.tier_code,
            "api_base": profile.api_base,
        }
    else:
        entry = {
            "name": profile.name,
            "api": profile.api.value,
            "store_id": profile.store_id,
            "api_base": profile.api_base,
        }
    if profile.channel_key is not None:  # absent otherwise: older copies read the entry as before
        entry["channel_key"] = profile.channel_key
    return entry


def _settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, int]:
    """Build settings from a parsed document; returns them and how many profiles were dropped."""
    profiles: list[Profile] = []
    dropped = 0
    raw_profiles = data.get("profiles", [])
    if not isinstance(raw_profiles, list):
        raw_profiles = []
        dropped += 1 if "profiles" in data else 0
    for entry in raw_profiles:
        profile = _profile_from_entry(entry, [p.name for p in profiles])
        if profile is None:
            dropped += 1
        else:
            profiles.append(profile)

    names = {p.name for p in profiles}
    active = data.get("active_profile")
    active_profile = active if isinstance(active, str) and active in names else None
    language = data.get("language")
    geometry = data.get("window_geometry")
    columns = data.get("history_columns")
    settings = Settings(
        proxy=_proxy_from(data.get("proxy")),
        profiles=tuple(profiles),
        active_profile=active_profile,
        language=language if isinstance(language, str) and language in LANGUAGES else "system",
        window_geometry=geometry if isinstance(geometry, str) and geometry else None,
        history_columns=columns if isinstance(columns, str) and columns else None,
    )
    return settings, dropped


def _proxy_from(value: object) -> str | None:
    """A hand-set proxy, or None (also for a damaged one: the system's proxy then applies)."""
    if not isinstance(value, str):
        return None
    try:
        return validate_proxy_url(value)
    except ValueError:
        log.warning("Ignoring the stored proxy: it is not an http(s)://host:port address")
        return None


def _profile_from_entry(entry: object, existing: list[str]) -> Profile | None:
    """One profile, validated with the same rules as the dialog, or None if unusable.

    Validation matters for safety, not only tidiness: a hand-edited ``api_base`` of
    ``http://example.com`` would otherwise send the secret in clear text. An entry without
    ``"api"`` is V1 (every file written before V2 stores existed); fields that do not belong
    to the entry's kind are ignored.
    """
    if not isinstance(entry, dict):
        return None
    try:
        api = rules.validate_store_api(entry.get("api"))
    except rules.RuleError as exc:
        log.warning("Skipping a stored profile: %s (%s)", exc.field, exc.kind)
        return None
    name = entry.get("name")
    base = entry.get("api_base", api.default_base)
    if not isinstance(name, str) or not isinstance(base, str):
        return None
    try:
        if api is StoreApi.V2:
            profile = _v2_profile(entry, name, base, existing)
        else:
            profile = _v1_profile(entry, name, base, existing)
        channel_key = entry.get("channel_key")
        if profile is None or channel_key is None:
            return profile
        if not isinstance(channel_key, str):
            return None
        return replace(profile, channel_key=rules.validate_channel_key(channel_key))
    except rules.RuleError as exc:
        log.warning("Skipping a stored profile: %s (%s)", exc.field, exc.kind)
        return None


def _v1_profile(entry: dict[str, Any], name: str, base: str, existing: list[str]) -> Profile | None:
    key, tier = entry.get("imp_key"), entry.get("tier_code")
    if not isinstance(key, str):
        return None
    if tier is not None and not isinstance(tier, str):
        return None
    return Profile(
        name=rules.validate_profile_name(name, existing),
        imp_key=rules.validate_imp_key(key),
        tier_code=rules.validate_tier_code(tier),
        api_base=rules.validate_base_url(base),
    )


def _v2_profile(entry: dict[str, Any], name: str, base: str, existing: list[str]) -> Profile | None:
    store_id = entry.get("store_id")
    if store_id is not None and not isinstance(store_id, str):
        return None
    return Profile(
        name=rules.validate_profile_name(name, existing),
        api=StoreApi.V2,
        store_id=rules.validate_store_id(store_id),
        api_base=rules.validate_v2_base_url(base),
    )


def _keep_aside(path: Path, *, move: bool) -> Path | None:
    """Move or copy a damaged settings file to a dated name that does not exist yet."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.corrupt-{stamp}")
    target = base
    counter = 1
    while target.exists():
        target = base.with_name(f"{base.name}-{counter}")
        counter += 1
    try:
        if move:
            os.replace(path, target)
        else:
            shutil.copy2(path, target)
    except OSError as exc:
        log.warning("Could not keep a copy of the damaged settings file %s: %s", path, exc)
        return None
    log.warning("Damaged settings file kept as %s", target)
    return target


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable on POSIX; Windows cannot open folders for this."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
