"""The benchmark script of issue 7 keeps working: a dry run on a tiny data set.

Not a timed test: it proves that ``bench/generate.py`` writes promises and logs that
loften reads without an error and that ``bench/run.py`` measures every figure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dry_run(script: str, data: Path) -> str:
    """What ``bench/<script> --dry-run`` prints, once it has run without an error."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--dry-run", "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_bench_dry_run_measures_every_figure(tmp_path: Path) -> None:
    out = _dry_run("run.py", tmp_path)
    for figure in (
        "loften --version",
        "loften validate",
        "Typer + pydantic + PyYAML alone",
        "CSV rows × 10 rules (table)",
        "YAML items",
        "-row xlsx",
        "scaling: 600 activities",
        "scaling: 10 rules",
        "check 3 promises (overview, every core: the default)",
        "check 3 promises (overview, one process)",
    ):
        assert figure in out, figure
    assert "NO" not in out.split()  # a dry run judges no target


def test_phases_name_where_a_check_spends_its_time(tmp_path: Path) -> None:
    out = _dry_run("phases.py", tmp_path)
    for phase in (
        "read the logs",
        "(cadence)",
        "(count)",
        "data-quality notes",
        "report: JSON",
        "csv.reader over the same files",
        "every cell split and looked up",
        "the whole check, table report",
    ):
        assert phase in out, phase
