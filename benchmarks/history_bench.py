"""The history window with a large history: open, search, export.

    python benchmarks/history_bench.py [--rows 100000] [--export-rows 10000] [--runs 5]

Writes ``--rows`` attempts straight into a fresh history file (the schema comes from
``History`` itself; rows go in with one ``executemany``), spread over
``rows // export_rows`` store profiles so that one profile holds exactly
``--export-rows`` of them. Then, in this process, with the window as the app builds it
(``HistoryWindow(history_db, api, profiles)``, a real ApiThread):

- first open: importing ``iamport_desk.ui.history_window`` (the app imports it on the
  first click) + constructing + showing the window until its table is painted and the
  event loop is idle;
- open: the same without the import, median of ``--runs`` fresh windows;
- search: typing a whole order number and pressing Enter (the filter is applied at once,
  without the typing delay) until the table is repainted and idle;
- export: the CSV export of the profile with ``--export-rows`` rows, from the button
  click to ``export_finished`` (the file is written on a thread of its own).

Prints one line ``BENCH {json}``; ``run.py`` makes the table.

    python benchmarks/history_bench.py --store [--rows 1000000] [--export-rows 100000]

measures the store itself, without Qt, for a decade of a busy office (issue 18 targets),
each against a same-run baseline of bare sqlite3 on the same file:

- first screen: ``History(path)`` + the window's first page (``query(limit=200)``) +
  ``count()``, vs. sqlite3.connect + the same SELECT ... LIMIT 200 + COUNT(*) (< 100 ms);
- search: ``query()`` + ``count()`` for one whole order number, vs. the same page and count
  by a plain ``LIKE '%...%'`` scan, which is how the store searched before (< 50 ms);
- export: ``export_csv()`` of the ``--export-rows`` rows of one profile, vs. the same
  SELECT written with csv.writer unformatted (< 2 s).

It prints a table and a ``BENCH {json}`` line.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from qt_helpers import PaintSpy, until, until_idle

COLUMNS = (
    "started_at, ended_at, profile, tier_code, merchant_uid, operator, outcome, http_status, "
    "code, message, amount, vat, receipt_type, apply_num, receipt_tid, receipt_url, "
    "cancelled_at, note, pid, order_key"
)


def uid_of(i: int, started: float) -> str:
    return f"ORDER-{time.strftime('%Y%m%d', time.gmtime(started))}-{i:06d}"


def make_history(path: Path, rows: int, export_rows: int) -> tuple[list[str], float]:
    """Fill a fresh history; returns (profile names, seconds taken)."""
    from iamport_desk.history import History

    start = time.perf_counter()
    History(path).close()  # creates the file with the current schema
    n_profiles = max(1, rows // export_rows)
    profiles = [f"store-{k:02d}" for k in range(n_profiles)]
    rng = random.Random(8)
    now = time.time()

    def generate():  # type: ignore[no-untyped-def]
        for i in range(rows):
            started = now - (rows - i) * 60.0  # one attempt a minute
            uid = uid_of(i, started)
            roll = rng.random()
            amount = rng.randrange(1_000, 500_000, 100)
            cancelled: int | None = None
            if roll < 0.9:
                outcome, status, code, message = "cancelled", 200, 0, None
                cancelled = int(started) + 1
            elif roll < 0.99:
                outcome, status, code, message = "failed", 500, -1, "원거래 없음"
            else:
                outcome, status, code, message = "unknown", None, None, None
            tid = f"rcpt_{i:012d}"
            yield (
                started,
                started + 0.8,
                profiles[i % n_profiles],
                None,
                uid,
                "clerk",
                outcome,
                status,
                code,
                message,
                amount,
                amount // 11,
                "person",
                f"{i:09d}",
                tid,
                f"https://receipt.example.com/cash/{tid}",
                cancelled,
                None,
                4242,
                uid,
            )

    conn = sqlite3.connect(path)
    try:
        with conn:
            # The search index is filled once at the end (its per-row trigger would make
            # this four times slower); the trigger is put back exactly as History made it.
            trigger = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'attempts_search_insert'"
            ).fetchone()
            if trigger:
                conn.execute("DROP TRIGGER attempts_search_insert")
            conn.executemany(
                f"INSERT INTO attempts ({COLUMNS}) VALUES ({', '.join('?' * 20)})",
                generate(),
            )
            if trigger:
                conn.execute(trigger[0])
                conn.execute("INSERT INTO attempts_search(attempts_search) VALUES ('rebuild')")
    finally:
        conn.close()
    return profiles, time.perf_counter() - start


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _timed(func: object, runs: int) -> float:
    """Median seconds of ``runs`` calls of ``func`` (after one warm-up call)."""
    assert callable(func)
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return _median(times)


def bench_store(rows: int, export_rows: int, runs: int) -> dict[str, object]:
    """The store's own numbers, each with a bare-sqlite3 baseline on the same file."""
    import csv

    from iamport_desk.history import History, HistoryFilter
    from iamport_desk.history.queries import COLUMNS as ENTRY_COLUMNS

    tmp = tempfile.TemporaryDirectory(prefix="iamport-bench-store-")
    path = Path(tmp.name) / "history.sqlite3"
    names, generate_s = make_history(path, rows, export_rows)
    raw = sqlite3.connect(path)
    uid = raw.execute("SELECT order_key FROM attempts WHERE id = ?", (rows // 2,)).fetchone()[0]
    select = f"SELECT {ENTRY_COLUMNS} FROM attempts"

    def first_screen() -> None:
        with History(path) as history:
            history.query(limit=200)
            history.count()

    def base_first_screen() -> None:
        conn = sqlite3.connect(path)
        conn.execute(select + " ORDER BY started_at DESC, id DESC LIMIT 200").fetchall()
        conn.execute("SELECT COUNT(*) FROM attempts").fetchone()
        conn.close()

    history = History(path)
    search = HistoryFilter(text=uid)
    one = HistoryFilter(profile=names[0])

    def find() -> None:
        if len(history.query(search)) != 1 or history.count(search) != 1:
            raise RuntimeError(f"searching {uid} did not find it once")

    def base_find() -> None:  # the search as a plain LIKE scan (how it was done before)
        like = ("%" + uid + "%",)
        raw.execute(select + " WHERE order_key LIKE ? ORDER BY started_at DESC LIMIT 200", like)
        raw.execute("SELECT COUNT(*) FROM attempts WHERE order_key LIKE ?", like).fetchone()

    def export() -> None:
        if history.export_csv(Path(tmp.name) / "export.csv", one) != export_rows:
            raise RuntimeError("the export wrote the wrong number of rows")

    def base_export() -> None:
        with open(Path(tmp.name) / "base.csv", "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(
                raw.execute(select + " WHERE profile = ? ORDER BY started_at DESC", (names[0],))
            )

    try:
        result: dict[str, object] = {
            "rows": rows,
            "export_rows": export_rows,
            "generate_s": generate_s,
            "store_open": _timed(first_screen, runs),
            "base_open": _timed(base_first_screen, runs),
            "store_search": _timed(find, runs),
            "base_search": _timed(base_find, runs),
            "store_export": _timed(export, max(1, runs // 2)),
            "base_export": _timed(base_export, max(1, runs // 2)),
        }
    finally:
        history.close()
        raw.close()
        tmp.cleanup()
    return result


def print_store_table(data: dict[str, object]) -> None:
    targets = {"open": 0.100, "search": 0.050, "export": 2.0}
    labels = {
        "open": f"first screen ({data['rows']:,} rows)",
        "search": "search by order number",
        "export": f"CSV export ({data['export_rows']:,} rows)",
    }
    print(f"{'metric':34} {'ours':>10} {'baseline':>10} {'ratio':>7} {'target':>9}  result")
    for key, target in targets.items():
        ours, base = float(data[f"store_{key}"]), float(data[f"base_{key}"])  # type: ignore[arg-type]
        verdict = "pass" if ours < target else "MISS"
        print(
            f"{labels[key]:34} {ours * 1000:>8.1f}ms {base * 1000:>8.1f}ms "
            f"{ours / base:>6.1f}x {'< ' + str(int(target * 1000)) + 'ms':>9}  {verdict}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--export-rows", type=int, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", action="store_true", help="the store alone, without Qt")
    args = parser.parse_args()
    if args.store:
        data = bench_store(args.rows or 1_000_000, args.export_rows or 100_000, args.runs)
        print_store_table(data)
        print("BENCH " + json.dumps(data), flush=True)
        return 0
    args.rows = args.rows or 100_000
    args.export_rows = args.export_rows or 10_000

    import keyring.backends.fail
    from PySide6.QtWidgets import QApplication

    from iamport_desk.credentials import ProfileStore, SecretStore
    from iamport_desk.paths import AppPaths
    from iamport_desk.service import DeskService
    from iamport_desk.worker import ApiThread, ApiWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    import iamport_desk.ui.main_window  # noqa: F401 - already loaded in the app

    tmp = tempfile.TemporaryDirectory(prefix="iamport-bench-history-")
    paths = AppPaths.under(Path(tmp.name))
    paths.ensure()
    names, generate_s = make_history(paths.history_db, args.rows, args.export_rows)
    profiles = ProfileStore(paths.settings_file, SecretStore(keyring.backends.fail.Keyring()))
    api = DeskService(ApiThread(ApiWorker(paths.history_db)))
    result: dict[str, object] = {"rows": args.rows, "generate_s": generate_s,
                                 "open": [], "search": [], "export": []}

    def open_window(cls: type) -> tuple[object, float]:
        start = time.perf_counter()
        window = cls(paths.history_db, api, profiles)
        spy = PaintSpy(window.table.viewport())
        # The rows are read in the background: "open" ends at the first paint after they came.
        loaded: list[float] = []
        window.model.loaded.connect(lambda: loaded.append(time.perf_counter()))
        window._bench_loaded = loaded
        window.show()
        end = until_idle(app, lambda: bool(loaded) and spy.last > loaded[-1]
                         and not window.model.loading and window.windowHandle() is not None
                         and window.windowHandle().isExposed())
        if window.model.rowCount() == 0:
            raise RuntimeError("the history window showed no rows")
        window._bench_spy = spy  # keep it alive with the window
        return window, end - start

    def close(window: object) -> None:
        window.close()  # type: ignore[attr-defined]
        window.deleteLater()  # type: ignore[attr-defined]
        until(app, lambda: True)

    try:
        start = time.perf_counter()
        from iamport_desk.ui.history_window import HistoryWindow

        import_s = time.perf_counter() - start
        window, open_s = open_window(HistoryWindow)
        result["first_open"] = import_s + open_s
        result["import"] = import_s
        close(window)
        for _ in range(args.runs):
            window, open_s = open_window(HistoryWindow)
            result["open"].append(open_s)  # type: ignore[attr-defined]
            close(window)

        window, _ = open_window(HistoryWindow)
        spy = window._bench_spy  # type: ignore[attr-defined]
        loaded = window._bench_loaded  # type: ignore[attr-defined]
        for run in range(args.runs):
            i = args.rows // 2 + run * 7
            uid = uid_of(i, time.time() - (args.rows - i) * 60.0)
            start = time.perf_counter()
            window.search_edit.setText(uid)  # type: ignore[attr-defined]
            window.apply_filter()  # type: ignore[attr-defined] - what Enter does
            end = until_idle(app, lambda: not window.model.loading and bool(loaded)  # type: ignore[attr-defined]
                             and loaded[-1] > start and spy.last > loaded[-1])  # noqa: B023
            result["search"].append(end - start)  # type: ignore[attr-defined]
            if window.model.rowCount() != 1:  # type: ignore[attr-defined]
                raise RuntimeError(f"searching {uid} found {window.model.rowCount()} rows")  # type: ignore[attr-defined]
            window.search_edit.setText("")  # type: ignore[attr-defined]
            window.apply_filter()  # type: ignore[attr-defined]
            until(app, lambda: not window.model.loading)  # type: ignore[attr-defined]

        combo = window.profile_combo  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData(names[0]))
        until(app, lambda: not window.model.loading)  # type: ignore[attr-defined]
        exported: list[object] = []
        window.export_finished.connect(exported.append)  # type: ignore[attr-defined]
        for run in range(args.runs):
            dest = Path(tmp.name) / f"export-{run}.csv"
            window.ask_save_path = lambda _default, dest=dest: str(dest)  # type: ignore[attr-defined]
            exported.clear()
            start = time.perf_counter()
            window.export_button.click()  # type: ignore[attr-defined]
            end = until(app, lambda: bool(exported))
            result["export"].append(end - start)  # type: ignore[attr-defined]
            if exported[0] != args.export_rows:
                raise RuntimeError(f"the export wrote {exported[0]!r}, not {args.export_rows}")
        result["export_rows"] = args.export_rows
        close(window)
    finally:
        api.stop()
        tmp.cleanup()
    print("BENCH " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
