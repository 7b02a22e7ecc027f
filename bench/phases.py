"""Where the time of the national check goes, phase by phase (issue 7).

    python bench/phases.py [--quick | --dry-run] [--data DIR] [--runs N] [--promise NAME]

``bench/run.py`` measures whole commands against their baselines; this script says
what a check spends its time on, so that the next change goes where the time is. It
checks ``national/riket.yaml`` (ten rules over every CSV log: a million activities on
the full data set) in a fresh process per run, times each phase of the engine from
outside — reading the logs, each rule, the data-quality notes, the table and JSON
reports — and prints the median of each beside one ``csv.reader`` pass over the same
files, measured in the same run.

The phases are timed by wrapping the engine's own functions (``load_logs``,
``_judge``, ``quality.notes``) in this process only; loften itself has no timing code.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate


def _timed(times: dict[str, float], module: Any, name: str, key: Callable[..., str]) -> None:
    """Wraps ``module.name`` so that each call adds its time under ``key(*args)``."""
    inner = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            label = key(*args)
            times[label] = times.get(label, 0.0) + time.perf_counter() - started

    setattr(module, name, wrapper)


def one_run(data: Path, promise: str) -> dict[str, float]:
    """One check of ``promise`` in this process, phase by phase, in seconds."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    from loften.engine import build_report, quality
    from loften.reporters import Options, overview

    engine = sys.modules["loften.engine.check"]
    _timed(times, engine, "load_logs", lambda *a: "read the logs")
    _timed(times, engine, "_judge", lambda rule, *a: f"rule {rule.id} ({rule.kind})")
    _timed(times, quality, "notes", lambda *a: "data-quality notes")
    times["start-up: imports"] = time.perf_counter() - started
    path = data / promise
    as_of: date = generate.AS_OF
    gc.disable()  # as the command runs (loften.memory)
    began = time.perf_counter()
    result = engine.check_promise(path, as_of=as_of, cwd=path.parent)
    whole = time.perf_counter() - began
    times["the rest of the check"] = whole - sum(
        v for k, v in times.items() if k != "start-up: imports"
    )
    report = build_report([result], as_of)
    for fmt, label in (("table", "report: table"), ("json", "report: JSON")):
        began = time.perf_counter()
        overview.render(fmt, report, Options(lang="sv", width=100), details=False)
        times[label] = time.perf_counter() - began
    times["activities"] = float(sum(f.activities for f in result.files))
    return times


def csv_pass(data: Path) -> float:
    """One bare ``csv.reader`` pass over every CSV log, in seconds."""
    files = sorted((data / "logs" / "csv").glob("*.csv"))
    began = time.perf_counter()
    for file in files:
        with open(file, encoding="utf-8-sig", newline="") as fh:
            for _ in csv.reader(fh, delimiter=";"):
                pass
    return time.perf_counter() - began


def cells_pass(data: Path) -> float:
    """The least a design that reads and converts every cell pays, in Python, in seconds:
    each file's lines split into cells in blocks (as loften splits a quote-free CSV) and
    each column mapped through a dict of its distinct cells. No object per row."""
    files = sorted((data / "logs" / "csv").glob("*.csv"))
    began = time.perf_counter()
    seen: list[dict[str, str]] = []
    for file in files:
        lines = file.read_bytes().decode("utf-8-sig").splitlines()
        width = lines[0].count(";") + 1
        seen.extend({} for _ in range(width - len(seen)))
        for start in range(1, len(lines), 4096):
            cells = ";".join(lines[start : start + 4096]).split(";")
            for k in range(width):
                column, known = cells[k::width], seen[k]
                known.update((c, c) for c in set(column).difference(known))
                list(map(known.__getitem__, column))
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="the small data set of run.py")
    mode.add_argument("--dry-run", action="store_true", help="the tiny data set, once")
    parser.add_argument("--data", type=Path, help="data folder (default as run.py)")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes (default 3)")
    parser.add_argument("--promise", default="national/riket.yaml", help="under the data")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:  # a child: one run, its figures as JSON on stdout
        figures = {"phases": one_run(args.data, args.promise), "csv": csv_pass(args.data)}
        print(json.dumps({**figures, "cells": cells_pass(args.data)}))
        return 0
    data, sizes = generate.data_set(args.data, dry_run=args.dry_run, quick=args.quick)
    runs = 1 if args.dry_run else args.runs
    generate.generate(data, sizes)
    me = [sys.executable, __file__, "--data", str(data), "--promise", args.promise, "--one"]
    samples = []
    for _ in range(runs):
        done = subprocess.run(me, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
            return 1
        samples.append(json.loads(done.stdout))
    phases = {k: statistics.median(s["phases"][k] for s in samples) for k in samples[0]["phases"]}
    n = int(phases.pop("activities"))
    base = statistics.median(s["csv"] for s in samples)
    cells = statistics.median(s["cells"] for s in samples)
    width = max(map(len, phases)) + 2
    print(f"{args.promise}: {n:,} activities; medians of {runs} fresh processes")
    print(f"{'phase':<{width}}{'seconds':>9}{'µs/activity':>13}{'× csv.reader':>14}")
    floors = [("csv.reader over the same files", base), ("every cell split and looked up", cells)]
    for label, seconds in [*phases.items(), *floors]:
        each = f"{seconds / n * 1e6:.2f}" if n else "—"
        print(f"{label:<{width}}{seconds:>9.3f}{each:>13}{seconds / base:>14.2f}")
    for fmt, other in (("table", "report: JSON"), ("JSON", "report: table")):
        total = sum(v for k, v in phases.items() if k != other)
        label = f"the whole check, {fmt} report"
        per = total / n * 1e6 if n else 0.0
        print(f"{label:<{width}}{total:>9.3f}{per:>13.2f}{total / base:>14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
