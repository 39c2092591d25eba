"""Shared fixtures: offscreen Qt, an in-memory keychain, isolated folders, a live simulator."""

from __future__ import annotations

import os

# Qt must never open a real window in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from iamport_desk.paths import HOME_ENV, AppPaths


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in this process only, so tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        try:
            del self.store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own app folders; nothing reaches the user's real ones."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    # No proxy of the machine's reaches a test (NO_PROXY neither); a test sets its own.
    for scheme in ("HTTP", "HTTPS", "ALL", "NO"):
        for name in (f"{scheme}_PROXY", f"{scheme.lower()}_proxy"):
            monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def app_paths(isolated_home: Path) -> AppPaths:
    paths = AppPaths.under(isolated_home)
    paths.ensure()
    return paths


from iamport_desk.simulator import Simulator  # noqa: E402 - appended with the fixture below


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    """A started, seeded PortOne simulator on 127.0.0.1 (a free port), stopped after the test."""
    sim = Simulator()
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture(scope="session")
def korean_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts files as they are now, compiled by the build's own hook (never a stale .qm)."""
    import shutil

    import hatch_build

    folder = tmp_path_factory.mktemp("qm")
    for ts in (Path(__file__).resolve().parent.parent / "resources" / "translations").glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    hatch_build.compile_translations(folder)
    return folder


@pytest.fixture
def korean(qapp: object, korean_qm: Path) -> Iterator[None]:
    """The Korean translation installed for one test (the words the clerk reads, in Korean)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load("iamport_desk_ko", str(korean_qm))
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
