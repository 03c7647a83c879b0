"""Benchmarks of the sync between stations and the bureau hub, each against a baseline run in the
same process (the machines are shared and noisy, so only the ratios mean much).

    python bench/bench_sync.py [--quick] [--seed N] [--rounds N] [--only link|hub] [--hub-workers N ...] [--keep]

1. A day's batch over a weak mobile link (``sync_link.py``): 300 cases and 40 photos of 500 KB
   synced by ``run_sync`` through the fault proxy shaped as 2 Mbit/s each way, 150 ms round trip
   and a cut every 2 MB on average. Printed: goodput (payload / (elapsed x capacity), target
   >= 0.7) and bytes on the wire per payload byte (target <= 1.1x), against the same payload sent
   as plain HTTP PUTs, one per file, through the same shaped proxy.
2. 26 stations at once against the hub on PostgreSQL (``sync_hub.py``), 1,000 changes each.
   Printed: throughput (changes/s) against a bulk insert of the same rows into the same tables
   (target >= 0.3 of it), the p95 batch latency, and the check that nothing was lost or doubled.
   ``--hub-workers 1 2`` runs it against a hub of 1, then of 2 worker processes, each on a fresh
   database, both against the same baseline (default: 1).

``--quick`` runs both at a small size (a smoke run). Generated data lives in a temporary folder,
removed at the end unless ``--keep``. Benchmark 2 needs PostgreSQL at ``MEDIATION_TEST_PG``
(default ``postgresql://postgres@127.0.0.1:5432/postgres``, a user allowed to create databases).
Exit status is 0 whatever the numbers: this is a measurement, not a test.
"""

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The hub in a thread and the shaping proxy are the sync tests' own (tests/sync), and the two
# benchmarks live beside this script: all are imported from the repository's root.
sys.path.insert(0, str(ROOT))

from bench.sync_hub import HubResult, hub_benchmarks, server_version  # noqa: E402
from bench.report import print_table, verdict  # noqa: E402
from bench.sync_link import Day, LinkResult, link_benchmark  # noqa: E402
from tests.sync.fault_proxy import LinkShape  # noqa: E402

GOODPUT_TARGET = 0.7
WIRE_TARGET = 1.1
HUB_TARGET = 0.3


@dataclass(frozen=True)
class Sizes:
    day: Day
    stations: int
    changes: int  # per station


FULL = Sizes(Day(cases=300, photos=40, photo_bytes=500 * 1024), stations=26, changes=1000)
QUICK = Sizes(Day(cases=12, photos=3, photo_bytes=100 * 1024), stations=3, changes=60)


def weak_link(seed: int) -> LinkShape:
    """2 Mbit/s each way, 150 ms round trip, a cut every 2 MB on average (seeded)."""
    return LinkShape(bytes_per_second=250_000, rtt_seconds=0.15, cut_every=2_000_000, rng=random.Random(seed))


# --- report -------------------------------------------------------------------------------------


def print_link(results: list[LinkResult]) -> None:
    first = results[0]
    day, shape, payload = first.day, first.shape, first.payload
    print(f"\n1. A day's batch over a weak link: {day.cases} cases, {day.photos} photos of {day.photo_bytes:,} bytes; "
          f"{shape.bytes_per_second * 8 / 1e6:g} Mbit/s each way, RTT {shape.rtt_seconds * 1000:.0f} ms, "
          f"a cut every {shape.cut_every:,} bytes on average")
    print(f"   payload = {payload.attachment_bytes:,} attachment bytes + {payload.json_bytes:,} bytes of CaseUpload "
          f"JSON (uncompressed) = {payload.total:,} bytes; capacity {shape.bytes_per_second:,.0f} bytes/s")
    rows = [("round", "side", "elapsed", "goodput", "wire/payload", "wire bytes", "cuts", "syncs")]
    for n, result in enumerate(results, start=1):
        for side, run in (("ours", result.ours), ("baseline", result.baseline)):
            rows.append((str(n), side, f"{run.elapsed:.1f} s", f"{result.goodput(run):.3f}",
                         f"{result.wire_ratio(run):.3f}x", f"{run.wire_bytes:,}", str(run.cuts), str(run.runs)))
    print_table(rows)
    for n, result in enumerate(results, start=1):
        for side, run in (("ours", result.ours), ("baseline", result.baseline)):
            requests = ", ".join(f"{kind} {count}" for kind, count in sorted(run.requests.items()))
            print(f"   round {n}, {side}, requests that reached the proxy: {requests}")
        local = result.ours.elapsed - sum(result.ours.waits.values())
        spent = ", ".join(f"{kind} {seconds:.1f} s" for kind, seconds in sorted(result.ours.waits.items()))
        print(f"   round {n}, ours, where the time went (retries included): {spent}, local work {local:.1f} s")
        print(f"   round {n}, nothing lost or duplicated: {result.check}")

    goodput = statistics.median(r.goodput(r.ours) for r in results)
    baseline_goodput = statistics.median(r.goodput(r.baseline) for r in results)
    wire = statistics.median(r.wire_ratio(r.ours) for r in results)
    baseline_wire = statistics.median(r.wire_ratio(r.baseline) for r in results)
    checked = all(r.check.ok for r in results)
    print(f"\n   Results, median of {len(results)} round(s):\n")
    print_table([
        ("measure", "ours", "baseline (plain PUTs)", "ours/baseline", "target", "result"),
        ("goodput: payload / (elapsed x capacity)", f"{goodput:.3f}", f"{baseline_goodput:.3f}",
         f"{goodput / baseline_goodput:.2f}", f">= {GOODPUT_TARGET}", verdict(goodput >= GOODPUT_TARGET)),
        ("bytes on the wire / payload", f"{wire:.3f}x", f"{baseline_wire:.3f}x", f"{wire / baseline_wire:.2f}",
         f"<= {WIRE_TARGET}x", verdict(wire <= WIRE_TARGET)),
        ("nothing lost or duplicated (every round)", "OK" if checked else "FAILED", "-", "-", "OK", verdict(checked)),
    ])


def print_hub(result: HubResult) -> None:
    rate = result.ours.rate(result.changes)
    workers = f"{result.workers} worker process{'es' if result.workers > 1 else ''}"
    print(f"\n2. {result.stations} stations at once, {result.changes // result.stations:,} changes each "
          f"({result.changes:,} in {len(result.ours.latencies)} batches), hub with {workers} on PostgreSQL "
          f"{result.server_version}")
    print(f"   load average (1 min) when the stations started and finished: {result.load[0]:.2f}, {result.load[1]:.2f}")
    if result.cpu is not None:
        cpu = result.cpu
        print(f"   cores busy on average while they synced: {cpu.machine:.2f} of {os.cpu_count()} (the hub's processes "
              f"{cpu.hub:.2f}, the stations' clients {cpu.stations:.2f}, the rest PostgreSQL and other work)")
    print(f"   bulk insert of the same rows: {', '.join(f'{s:.2f} s' for s in result.bulk)} (before, after); "
          f"the faster is the baseline")
    print(f"   batch latency: p50 {statistics.median(result.ours.latencies):.2f} s, p95 {result.ours.p95:.2f} s, "
          f"max {max(result.ours.latencies):.2f} s")
    waits = result.waits
    print(f"   lock waits (pg_stat_activity every 50 ms): a hub transaction waited on a lock in {waits.with_a_wait} "
          f"of {waits.samples} samples, at most {waits.most_at_once} at once"
          + (f" ({', '.join(f'{kind} {n}' for kind, n in waits.kinds.most_common())})" if waits.kinds else ""))
    print(f"   nothing lost or duplicated: {result.check}\n")
    print_table([
        ("measure", "ours", "baseline (bulk insert)", "ratio", "target", "result"),
        ("throughput, changes/s", f"{rate:,.0f}", f"{result.bulk_rate:,.0f}", f"{result.ratio:.2f}",
         f">= {HUB_TARGET}", verdict(result.ratio >= HUB_TARGET)),
        ("p95 batch latency", f"{result.ours.p95:.2f} s", "-", "-", "-", "report"),
        ("nothing lost or duplicated", "OK" if result.check.ok else "FAILED", "-", "-", "OK", verdict(result.check.ok)),
    ])


def describe_machine(with_postgresql: bool) -> None:
    print(f"Code measured: {ROOT}")
    database = f"; PostgreSQL {server_version()}" if with_postgresql else ""
    print(f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}{database}")
    print("Load average (1, 5, 15 min) at the start: " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))


# --- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of benchmark 1, each with its own cuts (3)")
    parser.add_argument("--only", choices=["link", "hub"], help="run one of the two benchmarks")
    parser.add_argument("--hub-workers", type=int, nargs="+", default=[1], metavar="N", choices=range(1, 7),
                        help="benchmark 2 against a hub of N worker processes; several counts run in turn (1)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data (its folder is printed)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    folder = Path(tempfile.mkdtemp(prefix="mediation-desk-bench-sync-"))
    describe_machine(with_postgresql=args.only != "link")
    if args.quick:
        print("--quick: small sizes for a smoke run; the targets are for the full size.")
    try:
        if args.only != "hub":
            results = []
            for n in range(args.rounds):
                round_folder = folder / f"link-{n + 1}"
                round_folder.mkdir()
                results.append(link_benchmark(round_folder, sizes.day, weak_link, args.seed + n))
            print_link(results)
        if args.only != "link":
            hub_folder = folder / "hub"
            hub_folder.mkdir()
            for result in hub_benchmarks(hub_folder, sizes.stations, sizes.changes, args.seed, args.hub_workers):
                print_hub(result)
    finally:
        if args.keep:
            print(f"\nGenerated data kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
