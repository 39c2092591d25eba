"""The Excel export with a large history: time and peak memory, against same-run baselines.

    python benchmarks/xlsx_bench.py [--rows 100000] [--runs 3]

Each measurement runs in a fresh child process (so peak RSS is that job's own), on the
same generated rows, shaped like the history export (18 columns: ids with leading zeros
and 20 digits, amounts, KST times, Korean text):

- ``none``: the rows generated and consumed, nothing written (what every job pays);
- ``csv``: the same rows through the standard library's csv writer (the CSV export's way);
- ``xlsx``: ``write_xlsx`` (XlsxWriter, constant_memory);
- ``xlsx-small``: ``write_xlsx`` with a tenth of the rows, to show memory does not grow.

Prints the median seconds and peak RSS of each, and the ratios xlsx/csv (time) and
xlsx/none, xlsx/xlsx-small (memory). No targets: numbers to read, not to assert.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T0 = 1_764_514_807  # 2025-12-01 00:00:07 KST


def columns() -> list[object]:
    from iamport_desk.xlsx_export import Column, Kind

    spec = [
        ("시작 시각", Kind.KST_DATETIME),
        ("종료 시각", Kind.KST_DATETIME),
        ("프로필", Kind.TEXT),
        ("Tier 코드", Kind.IDENTIFIER),
        ("주문번호", Kind.IDENTIFIER),
        ("처리자", Kind.TEXT),
        ("결과", Kind.TEXT),
        ("HTTP 상태", Kind.INTEGER),
        ("응답 코드", Kind.INTEGER),
        ("메시지", Kind.TEXT),
        ("금액", Kind.AMOUNT),
        ("부가세", Kind.AMOUNT),
        ("발행 유형", Kind.TEXT),
        ("승인번호", Kind.IDENTIFIER),
        ("PG 발행번호", Kind.IDENTIFIER),
        ("영수증 URL", Kind.TEXT),
        ("취소 시각", Kind.KST_DATETIME),
        ("비고", Kind.TEXT),
    ]
    return [Column(title, kind) for title, kind in spec]


def rows(count: int) -> Iterator[list[object]]:
    for i in range(count):
        started = T0 + i * 60
        failed = i % 10 == 0
        yield [
            started,
            started + 1.25,
            f"강남점-{i % 7}",
            "A1B" if i % 3 == 0 else None,
            f"2026120100{i:010d}" if i % 2 else f"{i:08d}",
            "김회계",
            "실패" if failed else "취소 완료",
            500 if failed else 200,
            -1 if failed else 0,
            "PG사 응답 오류입니다." if failed else None,
            1_100 * (i % 500 + 1),
            100 * (i % 500 + 1),
            "소득공제(개인)" if i % 2 else "지출증빙(사업자)",
            f"{i:09d}",
            f"TID{i:017d}",
            f"https://iamport.kr/receipts/external/{i:020d}",
            None if failed else started + 1,
            None,
        ]


def child(job: str, count: int, out_dir: Path) -> dict[str, float]:
    start = time.perf_counter()
    if job == "none":
        for _ in rows(count):
            pass
    elif job == "csv":
        with (out_dir / "export.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerows(rows(count))
    else:
        from iamport_desk.xlsx_export import write_xlsx

        written = write_xlsx(out_dir / "export.xlsx", columns(), rows(count))  # type: ignore[arg-type]
        assert written == count
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    size = sum(p.stat().st_size for p in out_dir.iterdir())
    return {"seconds": seconds, "peak_mib": peak_kib / 1024, "file_mib": size / 2**20}


def measure(job: str, count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="xlsx-bench-") as folder:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", job, "--rows", str(count), "--out", folder],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
    line = next(x for x in proc.stdout.splitlines() if x.startswith("BENCH "))
    return json.loads(line[len("BENCH ") :])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        print("BENCH " + json.dumps(child(args.child, args.rows, args.out)))
        return
    jobs = {
        "none": args.rows,
        "csv": args.rows,
        "xlsx": args.rows,
        "xlsx-small": max(1, args.rows // 10),
    }
    results: dict[str, list[dict[str, float]]] = {job: [] for job in jobs}
    for _ in range(args.runs):  # interleaved, so a busy moment hits every job
        for job, count in jobs.items():
            results[job].append(measure(job, count))
    med = {
        job: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        for job, runs in results.items()
    }
    print(f"{'job':<12} {'rows':>8} {'seconds':>8} {'peak RSS':>10} {'file':>9}")
    for job, count in jobs.items():
        m = med[job]
        print(
            f"{job:<12} {count:>8,} {m['seconds']:>8.2f} {m['peak_mib']:>6.1f} MiB"
            f" {m['file_mib']:>5.1f} MiB"
        )
    x = med["xlsx"]
    print(f"time   xlsx / csv:         {x['seconds'] / med['csv']['seconds']:.2f}x")
    print(f"memory xlsx - none:        {x['peak_mib'] - med['none']['peak_mib']:+.1f} MiB")
    print(
        f"memory xlsx / xlsx-small:  {x['peak_mib'] / med['xlsx-small']['peak_mib']:.2f}x"
        f" ({args.rows:,} vs {jobs['xlsx-small']:,} rows)"
    )
    print(f"rows per second (xlsx):    {args.rows / x['seconds']:,.0f}")


if __name__ == "__main__":
    main()
