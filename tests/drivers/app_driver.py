"""Runs the real window in a child process for crash tests: `python app_driver.py MODE URL UID`.

MODE "cancel": look UID up and cancel it (confirmation answered yes), then wait to be killed.
MODE "recover": start as the app does, let start-up recovery and reconciliation run, print
the history as JSON lines, and exit.
The secret is kept for the session only (no keychain in the child), like the demo.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring.backends.fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from iamport_desk.credentials import ProfileStore, SecretStore
from iamport_desk.history import History
from iamport_desk.models import Profile
from iamport_desk.paths import AppPaths
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET
from iamport_desk.ui.main_window import MainWindow
from iamport_desk.worker import ApiThread, ApiWorker


def main() -> int:
    mode, url, uid = sys.argv[1:4]
    paths = AppPaths.default()
    paths.ensure()
    app = QApplication([])
    store = ProfileStore(paths.settings_file, SecretStore(keyring.backends.fail.Keyring()))
    existing = store.get("본점")
    store.save_profile(existing or Profile("본점", DEMO_IMP_KEY), DEMO_IMP_SECRET,
                       previous_name="본점" if existing else None)
    store.set_active("본점")
    api = ApiThread(ApiWorker(paths.history_db))
    window = MainWindow(api, store, paths, confirm=lambda *_: True, api_base_override=url)
    window.show()

    if mode == "cancel":
        def on_receipt(_receipt: object) -> None:
            window.receipt_shown.disconnect(on_receipt)
            window.cancel_receipt()
            print("CANCEL-SUBMITTED", flush=True)

        window.receipt_shown.connect(on_receipt)
        window.order_edit.setText(uid)
        QTimer.singleShot(0, window.lookup)
    else:
        seen: list[int] = []
        api.unresolved_changed.connect(seen.append)

        def close_when_settled() -> None:
            # The worker reports the count before the reconcile job itself has ended.
            if seen and seen[-1] == 0 and not window.busy:
                window.close()

        poll = QTimer(app)
        poll.timeout.connect(close_when_settled)
        poll.start(50)
        QTimer.singleShot(20_000, app.quit)  # never hang the test
    code = app.exec()
    api.stop()
    if mode == "recover":
        with History(paths.history_db) as history:
            for entry in history.recent():
                print(json.dumps({"uid": entry.merchant_uid, "outcome": str(entry.outcome),
                                  "note": entry.note}, ensure_ascii=False), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
