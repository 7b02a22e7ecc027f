"""Progress while promises are checked: on a terminal, for runs longer than a second.

Shown on standard error through Rich, and only when a person is watching: standard
error is a terminal, ``CI`` is not set, and the report is for people (a machine
format's run stays silent apart from its output). It appears after a second, so a
quick run never flickers, and vanishes when the run ends.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

#: Seconds before the progress bar appears.
DELAY = 1.0


def wanted(fmt: str) -> bool:
    """Whether a run in format ``fmt`` shows progress here."""
    if fmt not in ("table", "markdown") or os.environ.get("CI"):
        return False
    return sys.stderr.isatty()


class Progress:
    """Counts promises done; draws a bar once the run has taken ``DELAY`` seconds."""

    def __init__(self, total: int, label: str, *, enabled: bool) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._lock = threading.Lock()
        self._bar: Any = None
        self._task: Any = None
        self._closed = False
        self._enabled = enabled
        self._timer: threading.Timer | None = None

    def start(self) -> None:
        """Starts the clock; called once worker processes (if any) are running, since
        forking beside a live drawing thread is unsafe."""
        if self._enabled and self._timer is None:
            self._timer = threading.Timer(DELAY, self._show)
            self._timer.daemon = True
            self._timer.start()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

        with self._lock:
            if self._closed:
                return
            self._bar = _rich_progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[name]}", style="dim"),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task(
                self.label, total=self.total, completed=self.done, name=""
            )
            self._bar.start()

    def advance(self, path: Path) -> None:
        with self._lock:
            self.done += 1
            if self._bar is not None:
                self._bar.update(self._task, completed=self.done, name=path.name)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()


def _rich_progress(*columns: Any, **options: Any) -> Any:
    from rich.progress import Progress as RichProgress

    return RichProgress(*columns, **options)
