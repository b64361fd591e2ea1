#!/usr/bin/env python3
"""Working-day arithmetic: this crate against numpy, on the same inputs, in one run.

    pip install numpy
    python3 benches/compare_numpy.py            # runs `cargo bench --bench calendar`
    python3 benches/compare_numpy.py --no-bench # reuse the last bench run's results

1. Runs the criterion bench `calendar` with SGR_BENCH_DUMP set, so it writes
   its million inputs, its answers and the England and Wales bank holidays.
2. Runs numpy's busday_offset, busday_count and is_busday on those inputs with
   the same holidays, and checks numpy gives the same answers: the crate's
   "n-th working day strictly after d" is busday_offset(d, n, roll="backward")
   for n >= 1, and its count of working days in (a, b] is
   busday_count(a + 1, b + 1).
3. Prints ns per call for both, and the ratios against the targets: at least
   5x faster than numpy per element, and within 3x of a plain array lookup.

Exits 1 when an answer differs or a target is missed.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DUMP = ROOT / "target" / "calendar-bench-dump.bin"
CRITERION = ROOT / "target" / "criterion" / "calendar"


def run_bench():
    env = dict(os.environ, SGR_BENCH_DUMP=str(DUMP))
    subprocess.run(["cargo", "bench", "--bench", "calendar"], cwd=ROOT, env=env, check=True)


def load_dump():
    raw = DUMP.read_bytes()
    calls, holidays = np.frombuffer(raw, dtype="<u8", count=2)
    calls, holidays = int(calls), int(holidays)
    offset = 16
    arrays = {}
    for name, dtype, count in [
        ("dates", "<i4", calls),
        ("later", "<i4", calls),
        ("added", "<i4", calls),
        ("offsets", "<u4", calls),
        ("between", "<i8", calls),
        ("holidays", "<i4", holidays),
    ]:
        arrays[name] = np.frombuffer(raw, dtype=dtype, count=count, offset=offset)
        offset += np.dtype(dtype).itemsize * count
    assert offset == len(raw), "the dump has the expected size"
    for name in ("dates", "later", "added", "holidays"):
        arrays[name] = arrays[name].astype("datetime64[D]")
    return calls, arrays


def best_of(repeats, fn):
    """The fastest of several runs, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def criterion_ns(name, calls):
    estimates = json.loads((CRITERION / name / "new" / "estimates.json").read_text())
    return estimates["median"]["point_estimate"] / calls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-bench", action="store_true", help="reuse the last bench run")
    args = parser.parse_args()
    if not args.no_bench:
        run_bench()
    calls, a = load_dump()
    cal = np.busdaycalendar(weekmask="1111100", holidays=a["holidays"])
    offsets = a["offsets"].astype(np.int64)
    one = np.timedelta64(1, "D")

    t_offset, got = best_of(5, lambda: np.busday_offset(a["dates"], offsets, roll="backward", busdaycal=cal))
    same_offset = bool(np.array_equal(got, a["added"]))
    t_count, got = best_of(5, lambda: np.busday_count(a["dates"] + one, a["later"] + one, busdaycal=cal))
    same_count = bool(np.array_equal(got, a["between"]))
    t_is, _ = best_of(5, lambda: np.is_busday(a["dates"], busdaycal=cal))

    ours = {name: criterion_ns(name, calls) for name in
            ("add_working_days", "working_days_between", "is_working_day", "plain_array_lookup")}
    numpy = {
        "add_working_days": t_offset * 1e9 / calls,
        "working_days_between": t_count * 1e9 / calls,
        "is_working_day": t_is * 1e9 / calls,
    }
    print(f"\n{calls:,} calls each; ns per call (criterion median; numpy best of 5)")
    print(f"{'operation':<24}{'crate':>10}{'numpy':>10}{'numpy/crate':>14}{'crate/plain':>14}")
    ok = same_offset and same_count
    for name, numpy_ns in numpy.items():
        speedup = numpy_ns / ours[name]
        versus_plain = ours[name] / ours["plain_array_lookup"]
        ok &= speedup >= 5 and versus_plain <= 3
        print(f"{name:<24}{ours[name]:>10.2f}{numpy_ns:>10.2f}{speedup:>13.1f}x{versus_plain:>13.2f}x")
    print(f"{'plain_array_lookup':<24}{ours['plain_array_lookup']:>10.2f}")
    print(f"\nnumpy agrees: busday_offset {same_offset}, busday_count {same_count}")
    print("targets (numpy/crate >= 5x, crate/plain <= 3x):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
