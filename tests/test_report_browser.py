"""The HTML report in a real headless browser (Debian's chromium): it renders with no
console errors, every rule has its chart, and a screenshot and an A4 PDF printout are
saved to ``artifacts/`` for a person to look at.

Skipped where no chromium is installed, except when ``LOFTEN_REQUIRE_BROWSER=1``
(``.ci/run`` installs chromium and sets it), where a missing browser fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from loften.engine import build_report, check_promise
from loften.reporters import Options, render

ROOT = Path(__file__).parent.parent
ARTIFACTS = ROOT / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("LOFTEN_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (LOFTEN_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    result = check_promise(ROOT / "promises/soderhamn-2020-2021.yaml", as_of=date(2022, 1, 15), cwd=ROOT)
    html = render("html", build_report([result], date(2022, 1, 15)), Options(lang="sv"))
    path = tmp_path_factory.mktemp("html") / "rapport.html"
    path.write_text(html, encoding="utf-8")
    rules = sum(len(c.rules) for c in result.commitments)
    return path, rules


def run(exe: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [exe, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_renders_without_console_errors_and_with_every_chart(page, tmp_path: Path) -> None:
    exe = browser()
    path, rules = page
    done = run(exe, tmp_path / "profile", "--enable-logging=stderr", "--v=0", "--dump-dom", path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    dom = done.stdout
    assert "Samlad bedömning" in dom
    charts = re.findall(r'<figure[^>]*class="chart"', dom)
    assert len(charts) == rules
    assert len(re.findall(r"<svg", dom)) >= rules
    assert not re.search(r'(src|href)="https?://', dom), "the report must not fetch anything"


def test_screenshot_and_pdf_printout(page, tmp_path: Path) -> None:
    exe = browser()
    path, _ = page
    ARTIFACTS.mkdir(exist_ok=True)
    shot, pdf = ARTIFACTS / "rapport.png", ARTIFACTS / "rapport.pdf"
    for f in (shot, pdf):
        f.unlink(missing_ok=True)
    run(exe, tmp_path / "p1", "--window-size=1200,2400", f"--screenshot={shot}", path.as_uri())
    run(exe, tmp_path / "p2", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 3  # a real, multi-page A4 printout
    assert b"/MediaBox [0 0 594.9" in data or b"/MediaBox [0 0 595" in data  # A4
