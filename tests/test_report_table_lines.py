"""The table report writes long reports' lines directly (issue 7), exactly as Rich would.

Every line of the terminal report goes through one helper; without colour it wraps
plain text itself, with Rich's own word breaks. On random text — wide characters,
long words, runs of spaces, control characters, line breaks — it must print exactly
what Rich prints.
"""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.text import Text

from loften.reporters import table

PIECES = [
    *"abc åäö–✓→·",
    " ",
    "   ",
    "\t",
    "\n",
    "\x07",
    "\r",
    "界",
    "😀",
    "\u200b",
    "\u0301",
    "\u02ff",
    "\u00ad",
    "\u2028",
    "\xa0",
    "x" * 30,
    "y" * 70,
    "logs/csv/1480-göteborg.csv:12345:",
    " räknas inte:",
    "ingen regel räknar den här aktiviteten",
]


def _console(width: int, color: bool) -> tuple[io.StringIO, Console]:
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    return buf, console


def _rich(console: Console, indent: int, text: Text) -> None:
    """The report's lines as Rich prints them."""
    for line in text.wrap(console, max(20, console.width - indent), overflow="fold"):
        line.rstrip()
        console.print(Text(" " * indent).append_text(line), soft_wrap=True)


@pytest.mark.parametrize("color", [False, True])
def test_lines_are_what_rich_prints(color: bool) -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        width, indent = rng.choice([60, 80, 100, 140]), rng.choice([2, 4, 6, 8])
        style = rng.choice(["", "dim"])
        expected, console = _console(width, color)
        _rich(console, indent, Text(text, style=style))
        got, console = _console(width, color)
        table._out(console, indent, text if rng.random() < 0.5 else Text(text, style=style), style)
        assert got.getvalue() == expected.getvalue(), (text, width, indent)


def test_characters_taken_as_one_cell_are_one_cell_in_rich() -> None:
    from rich.cells import cell_len

    taken = [chr(c) for c in range(0x20, 0x10000) if table._ONE_CELL.fullmatch(chr(c))]
    assert "å" in taken and "–" in taken and "✓" in taken
    assert all(c.isprintable() and cell_len(c) == 1 for c in taken)


def test_breaks_of_narrow_text_are_richs() -> None:
    """Text of one-cell characters is divided by length, as Rich divides it by cells."""
    from rich._wrap import divide_line

    narrow = [p for p in PIECES if table._ONE_CELL.fullmatch(p)] + ["  ", "ab ", " x"]
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice(narrow) for _ in range(rng.randint(0, 40)))
        width = rng.choice([20, 33, 60, 80, 100])
        assert table._divided(text, width) == divide_line(text, width, fold=True), (text, width)
