"""Measure loften at national scale, beside baselines measured in the same run (issue 7).

    python bench/run.py [--quick | --dry-run] [--data DIR] [--runs N] [--only NAME …]
                        [--json FILE]

Generates the data set first when it is missing (``bench/generate.py``), then runs
every command in a fresh process, several times, alternating with its baseline, and
prints the median of each beside the median of its baseline, their ratio and the
target. Wall time is measured around the process; peak memory is the process's own
``ru_maxrss`` (``os.wait4``). Each command runs once untimed first (disk cache,
bytecode): an installed loften has its bytecode compiled, so where the environment
forbids writing it (``PYTHONDONTWRITEBYTECODE``) the runs keep it under the data
folder (``PYTHONPYCACHEPREFIX``).

``--quick`` uses a small data set and runs in well under a minute; ``--dry-run`` uses
a tiny one and runs everything once, to prove the script works (a test does). Targets
are judged only on the full data set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

PY = sys.executable
AS_OF = generate.AS_OF.isoformat()
FIGURES = ("startup", "validate", "check", "yaml", "xlsx", "scale", "rules", "national")

CSV_READER = """\
import csv, sys
n = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh, delimiter=";"):
            n += 1
"""
YAML_LOAD = """\
import sys, yaml
with open(sys.argv[1], "rb") as fh:
    yaml.load(fh, Loader=yaml.CLoader)
"""
LOAD_XLSX = """\
import sys
from pathlib import Path
from loften.activities import LogSource, load_logs
loaded = load_logs([LogSource(Path(sys.argv[1]), sys.argv[1])], None, cwd=Path.cwd())
assert not loaded.errors and loaded.activities
"""

STACK = """\
import os
from pathlib import Path
from typing import Annotated

import typer

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")  # as loften's main() does
app = typer.Typer(add_completion=False)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument()] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
) -> None:
    import pydantic  # noqa: F401  the promise's models
    import yaml  # noqa: F401  the promise's parser


@app.command()
def check() -> None: ...


app()
"""
"""The fixed stack and nothing else: a Typer app with ``loften validate``'s parameters
whose command imports what reading a promise needs (pydantic, PyYAML) and does no
work. What any Typer-pydantic-PyYAML command costs on this machine before its own."""

CALAMINE = """\
import sys
from python_calamine import CalamineWorkbook
CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
"""


def loften_command() -> list[str]:
    """The installed ``loften`` script beside this interpreter, else ``python -m loften``."""
    script = shutil.which("loften", path=str(Path(PY).parent))
    return [script] if script else [PY, "-m", "loften"]


@dataclass
class Sample:
    seconds: float
    kib: int


@dataclass
class Runner:
    """Runs commands in fresh processes and keeps every sample by name."""

    cwd: Path
    env: dict[str, str]
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    warm: set[str] = field(default_factory=set)

    def once(self, name: str, cmd: Sequence[str]) -> Sample:
        with tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            proc = subprocess.Popen(
                list(cmd), cwd=self.cwd, stdout=subprocess.DEVNULL, stderr=err, env=self.env
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - started
            code = os.waitstatus_to_exitcode(status)
            if code not in (0, 1):  # 1: a rule failed, which is data, not a fault
                err.seek(0)
                text = err.read().decode("utf-8", "replace")[-3000:]
                raise SystemExit(f"bench: {name} exited {code}: {' '.join(cmd)}\n{text}")
        return Sample(seconds, int(usage.ru_maxrss))

    def pair(self, pairs: Sequence[tuple[str, Sequence[str]]], runs: int) -> None:
        """Each command ``runs`` times, interleaved, so drift on a noisy machine hits all."""
        for name, cmd in pairs:
            if name not in self.warm:
                self.once(name, cmd)
                self.warm.add(name)
        for _ in range(runs):
            for name, cmd in pairs:
                self.samples.setdefault(name, []).append(self.once(name, cmd))

    def median(self, name: str) -> float:
        return statistics.median(s.seconds for s in self.samples[name])

    def peak(self, name: str) -> float:
        return statistics.median(s.kib for s in self.samples[name])


@dataclass
class Row:
    figure: str
    value: str
    baseline: str
    base_value: str
    ratio: str
    target: str
    met: str


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 2 else f"{seconds:.2f} s"


def mb(kib: float) -> str:
    return f"{kib / 1024:.0f} MB"


class Bench:
    """The figures of issue 7, each measured beside its baseline."""

    def __init__(self, data: Path, manifest: dict, runs: dict[str, int], judge: bool) -> None:
        self.data, self.manifest, self.runs, self.judge = data, manifest, runs, judge
        self.loften = loften_command()
        self.r = Runner(data, _environment(data))
        self.rows: list[Row] = []
        self.csv_files: list[str] = manifest["csv_files"]
        self.n_csv: int = manifest["csv_rows"]

    # -- helpers -----------------------------------------------------------------------

    def met(self, ok: bool) -> str:
        return ("yes" if ok else "NO") if self.judge else "—"

    def check(self, promise: str, *extra: str) -> list[str]:
        return [*self.loften, "check", promise, "--as-of", AS_OF, *extra]

    def csv_reader(self, *files: str) -> list[str]:
        return [PY, "-c", CSV_READER, *files]

    def add(self, *cells: str) -> None:
        self.rows.append(Row(*cells))

    def medians(self) -> dict[str, dict[str, object]]:
        r = self.r
        return {
            name: {
                "seconds": r.median(name),
                "peak_mb": r.peak(name) / 1024,
                "runs": [round(s.seconds, 4) for s in samples],
            }
            for name, samples in r.samples.items()
        }

    # -- figures -----------------------------------------------------------------------

    def startup(self) -> None:
        r = self.r
        r.pair(
            [
                ("python -c pass", [PY, "-c", "pass"]),
                ("loften --version", [*self.loften, "--version"]),
                ("loften --help", [*self.loften, "--help"]),
            ],
            self.runs["startup"],
        )
        base = r.median("python -c pass")
        limits = (("loften --version", "≤ 60 ms", 0.060), ("loften --help", "—", None))
        for name, target, limit in limits:
            t = r.median(name)
            met = self.met(t <= limit) if limit is not None else "—"
            self.add(name, ms(t), "python -c pass", ms(base), f"+{ms(t - base)}", target, met)

    def validate(self) -> None:
        r = self.r
        rows = self.manifest["sizes"]["small"]
        # As CI runs it in one municipality's repository: every promise and its logs.
        cmd = [*self.loften, "validate"]
        small = Runner(self.data / "small", r.env, r.samples, r.warm)
        stack = [PY, "-c", STACK, "validate", "x.csv"]
        pairs = [("python -c pass", [PY, "-c", "pass"]), ("validate", cmd), ("stack", stack)]
        small.pair(pairs, self.runs["startup"])
        t, base = r.median("validate"), r.median("python -c pass")
        self.add(
            f"loften validate, {rows}-row log", ms(t), "python -c pass", ms(base),
            f"+{ms(t - base)}", "≤ 150 ms", self.met(t <= 0.150),
        )  # fmt: skip
        # Whether the target can hold here at all: the same stack doing nothing.
        floor = r.median("stack")
        self.add(
            "  Typer + pydantic + PyYAML alone, no work", ms(floor), "python -c pass", ms(base),
            f"+{ms(floor - base)}", "≤ 150 ms", self.met(floor <= 0.150),
        )  # fmt: skip
        self.add(
            "  loften validate over the stack alone", ms(t), "the stack alone", ms(floor),
            f"+{ms(t - floor)}", "—", "—",
        )  # fmt: skip
        # One log checked in the national repository: every promise is read to find its own.
        one = [*self.loften, "validate", self.csv_files[0]]
        r.pair([("validate, national repo", one)], self.runs["medium"])
        t = r.median("validate, national repo")
        self.add(
            f"  validate one log among {len(self.csv_files)} promises", ms(t), "python -c pass",
            ms(base), f"+{ms(t - base)}", "—", "—",
        )  # fmt: skip

    def check_csv(self) -> None:
        r, n = self.r, self.n_csv
        base = "csv.reader, all CSV"
        r.pair(
            [
                (base, self.csv_reader(*self.csv_files)),
                ("check riket", self.check("national/riket.yaml")),
                ("check riket json", self.check("national/riket.yaml", "--format", "json")),
            ],
            self.runs["big"],
        )
        b = r.median(base)
        for name, label in (("check riket", "table"), ("check riket json", "JSON")):
            t = r.median(name)
            self.add(
                f"check {n:,} CSV rows × 10 rules ({label})", ms(t), "csv.reader, same files",
                ms(b), f"{t / b:.1f}×", "≤ 2×", self.met(t <= 2 * b),
            )  # fmt: skip
        peak = r.peak("check riket")
        self.add(
            "  peak memory (table)", mb(peak), "csv.reader, same files", mb(r.peak(base)),
            f"{peak * 1024 / n:.0f} B/activity", "< 1 GB", self.met(peak < 1024 * 1024),
        )  # fmt: skip

    def yaml(self) -> None:
        r = self.r
        r.pair(
            [
                ("PyYAML CLoader", [PY, "-c", YAML_LOAD, "yaml/big.yaml"]),
                ("check yaml", self.check("national/yaml-big.yaml")),
            ],
            self.runs["medium"],
        )
        t, b = r.median("check yaml"), r.median("PyYAML CLoader")
        size = self.manifest["yaml_big_bytes"] / 1e6
        items = self.manifest["yaml_big_rows"]
        self.add(
            f"check {items:,} YAML items ({size:.0f} MB)", ms(t), "yaml.load, CLoader", ms(b),
            f"{b / t:.1f}× faster", "≥ 5× faster", self.met(b >= 5 * t),
        )  # fmt: skip
        pt, pb = r.peak("check yaml"), r.peak("PyYAML CLoader")
        self.add(
            "  peak memory", mb(pt), "yaml.load, CLoader", mb(pb), f"{pt / pb:.2f} of it",
            "≤ 1/3", self.met(pt <= pb / 3),
        )  # fmt: skip

    def xlsx(self) -> None:
        r = self.r
        r.pair(
            [
                ("calamine", [PY, "-c", CALAMINE, "xlsx/big.xlsx"]),
                ("load xlsx", [PY, "-c", LOAD_XLSX, "xlsx/big.xlsx"]),
                ("check xlsx", self.check("national/xlsx-big.yaml")),
            ],
            self.runs["medium"],
        )
        t, b = r.median("check xlsx"), r.median("calamine")
        rows = self.manifest["xlsx_rows"]
        load = r.median("load xlsx")
        self.add(
            f"load {rows:,}-row xlsx (issue 6)", ms(load), "calamine to_python", ms(b),
            f"{load / b:.1f}×", "< 2 s", self.met(load < 2.0),
        )  # fmt: skip
        self.add(
            f"check {rows:,}-row xlsx", ms(t), "calamine to_python", ms(b), f"{t / b:.1f}×",
            "—", "—",
        )  # fmt: skip
        self.add(
            "  peak memory", mb(r.peak("check xlsx")), "calamine to_python",
            mb(r.peak("calamine")), "", "—", "—",
        )  # fmt: skip

    def scale(self) -> None:
        r = self.r
        per: list[tuple[int, float]] = []
        for n in self.manifest["sizes"]["scale"]:
            name, base = f"check {n}", f"csv.reader {n}"
            r.pair(
                [
                    (base, self.csv_reader(f"scale/{n}.csv")),
                    (name, self.check(f"national/scale-{generate._k(n)}.yaml")),
                ],
                self.runs["medium"],
            )
            per.append((n, r.median(name)))
            self.add_scale(n, r.median(name), r.median(base))
        if "check riket" not in r.samples:
            r.pair(
                [
                    ("csv.reader, all CSV", self.csv_reader(*self.csv_files)),
                    ("check riket", self.check("national/riket.yaml")),
                ],
                self.runs["big"],
            )
        per.append((self.n_csv, r.median("check riket")))
        self.add_scale(self.n_csv, r.median("check riket"), r.median("csv.reader, all CSV"))
        (n1, t1), (n2, t2) = per[-2], per[-1]
        growth = (t2 / t1) / (n2 / n1)
        self.add(
            f"  growth {n1:,} → {n2:,} rows", f"{t2 / t1:.1f}×", "rows", f"{n2 / n1:.0f}×",
            f"{growth:.2f} of linear", "≤ 1.2", self.met(growth <= 1.2),
        )  # fmt: skip

    def add_scale(self, n: int, t: float, b: float) -> None:
        self.add(
            f"scaling: {n:,} activities", ms(t), "csv.reader, same rows", ms(b),
            f"{t / b:.1f}×", f"{t / n * 1e6:.1f} µs/activity", "",
        )  # fmt: skip

    def rules(self) -> None:
        r = self.r
        counts = self.manifest["sizes"]["rules"]
        n = self.manifest["sizes"]["rules_rows"]
        r.pair(
            [(f"rules {k}", self.check(f"national/rules-{k}.yaml")) for k in counts],
            self.runs["medium"],
        )
        first = r.median(f"rules {counts[0]}")
        for k in counts:
            t = r.median(f"rules {k}")
            extra = f"+{ms((t - first) / (k - counts[0]))}/rule" if k != counts[0] else ""
            self.add(
                f"scaling: {k} rules, {n:,} rows", ms(t), f"{counts[0]} rule", ms(first),
                f"{t / first:.2f}×", extra, "",
            )  # fmt: skip

    def national(self) -> None:
        r = self.r
        count = len(list((self.data / "promises").glob("*.yaml")))
        every = [*self.loften, "check", "promises/", "--as-of", AS_OF]
        r.pair(
            [
                ("csv.reader, all CSV", self.csv_reader(*self.csv_files)),
                ("check promises/", every),
                ("check promises/ -j 1", [*every, "--jobs", "1"]),
                ("check promises/ json", [*every, "--format", "json"]),
            ],
            self.runs["big"],
        )
        b = r.median("csv.reader, all CSV")
        for name, label in (
            ("check promises/", "overview, every core: the default"),
            ("check promises/ -j 1", "overview, one process"),
            ("check promises/ json", "JSON"),
        ):
            t = r.median(name)
            self.add(
                f"check {count} promises ({label})", ms(t), "csv.reader, their CSVs", ms(b),
                f"{t / b:.1f}×", "—", "—",
            )  # fmt: skip
        self.add("  peak memory (overview)", mb(r.peak("check promises/")), "", "", "", "—", "—")


def _environment(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["CI"] = "true"  # no progress bars in measured runs
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env["PYTHONPYCACHEPREFIX"] = str(data / ".pycache")
    return env


def render(rows: list[Row]) -> str:
    head = Row("figure", "median", "baseline", "baseline median", "ratio", "target", "met?")
    table = [head, *rows]
    widths = [max(len(vars(x)[k]) for x in table) for k in vars(head)]
    lines = []
    for i, row in enumerate(table):
        cells = list(vars(row).values())
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="a small data set, < 1 minute")
    mode.add_argument("--dry-run", action="store_true", help="a tiny data set, each once")
    parser.add_argument("--data", type=Path, help="data folder (default under /tmp)")
    parser.add_argument("--runs", type=int, help="runs of every command (default by size)")
    parser.add_argument("--only", nargs="*", default=[], help=f"figures: {', '.join(FIGURES)}")
    parser.add_argument("--json", type=Path, help="also write the medians here")
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure {', '.join(sorted(unknown))}; known: {', '.join(FIGURES)}")

    data, sizes = generate.data_set(args.data, dry_run=args.dry_run, quick=args.quick)
    if args.dry_run:
        runs = {"startup": 1, "medium": 1, "big": 1}
    elif args.quick:
        runs = {"startup": 5, "medium": 2, "big": 2}
    else:
        runs = {"startup": 15, "medium": 5, "big": 3}
    if args.runs:
        runs = dict.fromkeys(runs, args.runs)
    manifest = generate.generate(data, sizes)
    started = time.perf_counter()
    bench = Bench(data, manifest, runs, judge=not (args.dry_run or args.quick))
    steps = {
        "startup": bench.startup,
        "validate": bench.validate,
        "check": bench.check_csv,
        "yaml": bench.yaml,
        "xlsx": bench.xlsx,
        "scale": bench.scale,
        "rules": bench.rules,
        "national": bench.national,
    }
    for name in FIGURES:
        if not args.only or name in args.only:
            steps[name]()
    print(f"loften benchmarks — {machine()}")
    print(f"data: {data} ({manifest['csv_rows']:,} CSV rows); runs per figure: {runs}")
    print()
    print(render(bench.rows))
    if not bench.judge:
        print("\n(targets are judged only on the full data set: python bench/run.py)")
    print(f"\nmeasured in {time.perf_counter() - started:.0f} s")
    if args.json:
        out = {
            "machine": machine(),
            "data": str(data),
            "runs": runs,
            "medians": bench.medians(),
            "table": [vars(x) for x in bench.rows],
        }
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
