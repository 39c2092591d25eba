"""`iamport-desk --smoke-test`: prove, without a window, that this copy of the app works.

One line per check, a non-zero exit on any failure. Used by support staff as a
diagnostic and by CI on the wheel-installed and the frozen app.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

Check = Callable[[], str]


# The backend keyring would use on each platform; the frozen app must carry it.
_PLATFORM_BACKENDS = {
    "win32": "keyring.backends.Windows",
    "darwin": "keyring.backends.macOS",
}


def _check_keyring() -> str:
    import importlib
    from importlib.metadata import entry_points

    import keyring

    from iamport_desk.credentials import SecretStore

    module_name = _PLATFORM_BACKENDS.get(sys.platform, "keyring.backends.SecretService")
    module = importlib.import_module(module_name)
    if not hasattr(module, "Keyring") and not hasattr(module, "WinVaultKeyring"):
        raise RuntimeError(f"{module_name} has no keyring backend class")
    # keyring finds backends through its package metadata; a bundle without it has none.
    registered = {ep.name for ep in entry_points(group="keyring.backends")}
    if not registered:
        raise RuntimeError("no keyring backends are registered (package metadata missing)")
    backend = keyring.get_keyring()
    status = SecretStore().status()
    if status.persistent:
        return f"{status.backend_name} ({type(backend).__module__})"
    # No usable keychain on this machine (a headless server): the app still works,
    # keeping secrets for the session only. The backends themselves must be importable.
    return f"no usable keychain here ({status.reason}); session-only secrets"


def _check_translations() -> str:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from iamport_desk import resources

    app = QCoreApplication.instance() or QCoreApplication([])
    ours = QTranslator(app)
    if not ours.load("iamport_desk_ko", str(resources.translations_dir())):
        raise RuntimeError(f"iamport_desk_ko.qm not found in {resources.translations_dir()}")
    translated = ours.translate("MainWindow", "&Look up")
    if not translated or translated == "&Look up":
        raise RuntimeError("the Korean translation does not translate a known string")
    qt = QTranslator(app)
    if not qt.load("qtbase_ko", str(resources.qt_translations_dir())):
        raise RuntimeError(f"qtbase_ko.qm not found in {resources.qt_translations_dir()}")
    return f"ko: {translated!r}; qtbase_ko loaded"


def _check_tls() -> str:
    import ssl

    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise RuntimeError("the TLS context does not verify certificates")
    return "OS trust store context verifies certificates and host names"


def _check_folders() -> str:
    from iamport_desk.paths import AppPaths

    paths = AppPaths.default()
    paths.ensure()
    for folder in (paths.data_dir, paths.log_dir):
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".smoke-", delete=True) as handle:
            handle.write(b"ok")
            handle.flush()
    return f"data {paths.data_dir}; log {paths.log_dir}"


def _check_cancellation() -> str:
    from iamport_desk.api import IamportClient
    from iamport_desk.history import History
    from iamport_desk.models import Outcome
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator

    uid = "SMOKE-0001"
    with tempfile.TemporaryDirectory() as tmp, Simulator(seed=False) as simulator:
        simulator.add_receipt(uid, amount=11_000)
        with (
            IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=simulator.base_url) as client,
            History(Path(tmp) / "smoke.sqlite3") as history,
        ):
            receipt = client.lookup_external_receipt(uid)
            if receipt.is_cancelled:
                raise RuntimeError("fresh receipt looks cancelled")
            entry_id = history.begin(profile="smoke", tier_code=None, merchant_uid=uid)
            cancelled = client.cancel_external_receipt(uid)
            entry = history.finish(
                entry_id, Outcome.CANCELLED, http_status=200, code=0, receipt=cancelled
            )
        if not cancelled.is_cancelled or entry.outcome != Outcome.CANCELLED:
            raise RuntimeError("the cancellation did not come back cancelled")
        if simulator.count("DELETE") != 1:
            raise RuntimeError(f"expected 1 DELETE, saw {simulator.count('DELETE')}")
    return "lookup + cancellation against the built-in simulator, recorded in a history"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("keyring", _check_keyring),
    ("translations", _check_translations),
    ("tls", _check_tls),
    ("folders", _check_folders),
    ("cancellation", _check_cancellation),
)


def run_smoke_test(out: Callable[[str], None] | None = None) -> int:
    """Run every check; print and also write the report to the log folder, since a windowed
    Windows build has no console to print to."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lines: list[str] = []

    def emit(line: str) -> None:
        lines.append(line)
        if out is not None:
            out(line)
        elif sys.stdout is not None:
            print(line, flush=True)

    failures = _run_checks(emit)
    try:
        from iamport_desk.paths import AppPaths

        report = AppPaths.default().log_dir / "smoke-test.txt"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        emit(f"report written to {report}")
    except OSError as exc:
        emit(f"(the report could not be written: {exc})")
    return 1 if failures else 0


def _run_checks(out: Callable[[str], None]) -> int:
    failures = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:
            failures += 1
            out(f"FAIL {name}: {type(exc).__name__}: {exc}")
            if os.environ.get("IAMPORT_DESK_DEBUG"):
                traceback.print_exc(file=sys.stderr)
        else:
            out(f"OK   {name}: {detail}")
    out("smoke test passed" if failures == 0 else f"smoke test FAILED ({failures} check(s))")
    return failures
