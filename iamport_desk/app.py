"""Start-up: arguments, folders, logging, QApplication, translations, the main window.

Kept light: the first screen must appear fast, so keyring, the simulator (unless
--demo), the history window and the HTTP client are imported only when first needed.
The Qt-free modules that every start needs before its first paint are imported here,
at the top, before anything imports PySide6: PySide6 installs an import hook that taxes
every import made after it (benchmarks/README.md, "Issue 18, shape").
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

# Needed before the first paint; imported before PySide6 (see the module docstring).
import iamport_desk.history_export  # the words of the first screen use it
import iamport_desk.jobs  # noqa: F401 - the service's jobs
from iamport_desk import __version__
from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.logsetup import configure_logging, install_excepthook
from iamport_desk.models import DEFAULT_API_BASE
from iamport_desk.no_console import WindowedArgumentParser, install_windowed_traces
from iamport_desk.paths import AppPaths, migrate_legacy_folders

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from iamport_desk.models import StoreApi
    from iamport_desk.service import DeskService
    from iamport_desk.simulator import Simulator
    from iamport_desk.simulator_v2 import SimulatorV2
    from iamport_desk.ui.main_window import MainWindow

log = logging.getLogger("iamport_desk")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    # The windowed exe has no console: what argparse prints goes to the log and a box.
    parser = WindowedArgumentParser(
        prog="iamport-desk",
        description="Cancel PortOne (iamport) cash receipts issued for external cash sales.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the built-in PortOne simulator (no keys needed)",
    )
    parser.add_argument(
        "--api-base",
        metavar="URL",
        help=f"PortOne API address (default {DEFAULT_API_BASE}); plain http:// only for loopback",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check keychain, translations, TLS, folders and a full "
        "cancellation against the simulator, without a window",
    )
    parser.add_argument("--version", action="version", version=f"iamport-desk {__version__}")
    return parser.parse_args(argv)


class Desk:
    """Owns what lives as long as the app: the API thread, the profiles, the window."""

    def __init__(
        self,
        app: QApplication,
        paths: AppPaths,
        profiles: ProfileStore,
        service: DeskService,
        *,
        api_base: str | None,
        demo_orders: dict[str, str] | None,
        translators: list[QTranslator],
    ) -> None:
        self.app = app
        self.paths = paths
        self.profiles = profiles
        self.service = service
        self.api_base = api_base
        self.demo_orders = demo_orders
        self.translators = translators
        self.window: MainWindow | None = None

    def show_window(self) -> MainWindow:
        from PySide6.QtCore import QByteArray

        from iamport_desk.ui.main_window import MainWindow

        window = MainWindow(
            self.service,
            self.profiles,
            self.paths,
            demo_orders=self.demo_orders,
            api_base_override=self.api_base,
        )
        geometry = self.profiles.settings.window_geometry
        if geometry:
            window.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        self.window = window
        window.show()
        return window

    def switch_language(self, language: str) -> bool:
        """Apply a new language at once: new translators, and the window built anew.

        False (nothing changed now) while a job or a file export is in flight: rebuilding the
        windows would drop its answer. The language is saved; it applies at the next start or
        when chosen again."""
        from iamport_desk import i18n
        from iamport_desk.ui.main_dialogs import files_being_written

        old = self.window
        if old is not None and (old.busy or files_being_written(old)):
            return False
        i18n.remove_translators(self.app, self.translators)
        self.translators = i18n.install_translators(self.app, i18n.resolve_language(language))
        if old is not None:
            geometry = old.saveGeometry()
            old.detach()
            new = self.show_window()
            new.restoreGeometry(geometry)
            old.deleteLater()
        return True


def _profile_store(paths: AppPaths, *, demo_hosts: Mapping[StoreApi, str] | None) -> ProfileStore:
    if demo_hosts is None:
        return ProfileStore(paths.settings_file, SecretStore())
    import keyring.backends.fail

    from iamport_desk.demo_stores import ensure_demo_profiles

    # The demo's well-known practice secrets stay in memory: the real keychain is left alone
    # (a failing backend makes SecretStore keep secrets for the session only). Each kind of
    # store goes to its own simulator.
    store = ProfileStore(
        paths.settings_file,
        SecretStore(keyring.backends.fail.Keyring()),  # type: ignore[no-untyped-call]
        session_hosts=demo_hosts,
    )
    ensure_demo_profiles(store)
    return store


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    api_base: str | None = None
    if args.api_base:
        from iamport_desk.rules import validate_base_url

        try:
            api_base = validate_base_url(args.api_base)
        except ValueError as exc:
            print(f"iamport-desk: --api-base: {exc}", file=sys.stderr)
            return 2
    if args.smoke_test:
        from iamport_desk.smoke import run_smoke_test

        return run_smoke_test()

    paths = AppPaths.default(demo=args.demo)
    # Before logging starts, so that the old log files move too; said in the log after.
    moved = migrate_legacy_folders(AppPaths.default(), AppPaths.legacy())
    paths.ensure()
    log_file = configure_logging(paths.log_dir)
    log.info("iamport-desk %s starting (demo=%s)", __version__, args.demo)
    if install_windowed_traces(paths.log_dir):
        log.info("No console: native crashes go to crash.log, Qt messages to this log")
    for note in moved:
        log.info("Folder migration: %s", note)

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from iamport_desk import i18n, resources

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("iamport-desk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources.icon_path())))
    i18n.apply_hangul_font(app)

    simulators: list[Simulator | SimulatorV2] = []
    demo_orders: dict[str, str] | None = None
    demo_hosts: dict[StoreApi, str] | None = None
    if args.demo:
        from iamport_desk.demo_stores import practice_orders
        from iamport_desk.models import StoreApi
        from iamport_desk.simulator import Simulator
        from iamport_desk.simulator_v2 import SimulatorV2

        # A practice store of each kind, each on its own simulator (ProfileStore's
        # session_hosts sends every store of a kind there, so no --api-base override).
        simulator, simulator_v2 = Simulator(latency=0.4), SimulatorV2(latency=0.4)
        simulators += [simulator, simulator_v2]
        simulator.start()
        simulator_v2.start()
        api_base = None
        demo_hosts = {StoreApi.V1: simulator.base_url, StoreApi.V2: simulator_v2.base_url}
        demo_orders = practice_orders()

    profiles = _profile_store(paths, demo_hosts=demo_hosts)
    translators = i18n.install_translators(app, i18n.resolve_language(profiles.settings.language))

    from iamport_desk.service import DeskService
    from iamport_desk.worker import ApiThread, ApiWorker

    def apologise(error: BaseException) -> None:
        from iamport_desk.ui.error_dialog import show_unexpected_error  # at the first bug

        show_unexpected_error(error, log_file)

    install_excepthook(apologise)
    api = ApiThread(ApiWorker(paths.history_db))
    service = DeskService(api)
    desk = Desk(
        app,
        paths,
        profiles,
        service,
        api_base=api_base,
        demo_orders=demo_orders,
        translators=translators,
    )
    app.switch_language = desk.switch_language  # type: ignore[attr-defined]
    desk.show_window()
    code = 1
    try:
        code = app.exec()
    finally:
        # Every request is interrupted, and the API thread ends before the process does.
        stopped = api.stop()
        for running in simulators:
            running.stop()
        log.info("iamport-desk stopped")
        if not stopped:
            leave_with_thread_stuck(code)
    return code


def leave_with_thread_stuck(code: int) -> None:
    """The API thread is stuck in a call that could not be interrupted (a keychain prompt, a
    socket that ignores shutdown). Destroying a running QThread aborts the process, so end it
    here, after the logs are flushed; a DELETE cut this way stays 'pending' in the history,
    which is durable, and is settled by a lookup at the next start."""
    import os

    log.error("the API thread did not end; leaving without waiting for it")
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
