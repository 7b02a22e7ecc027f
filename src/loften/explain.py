"""Worked examples of the rule kinds, run through the real engine.

Each rule kind has one example file, ``src/loften/examples/<kind>.yaml``: a
commitment as written in a real promise, the rule that reads it, a small log, and
what loften must report for it (``expect``). :func:`run_example` writes the
example out as a real promise with its log files in a temporary folder and checks
it with :func:`~loften.engine.check_promise`, so every example exercises the
loaders as well as the rule — ``loften explain`` and ``docs/rules.md`` show only
what the code actually does, and the tests fail when the two drift apart.

The rule, the log and the other blocks are kept *as written* in the example file
(comments included), so the documentation shows them the way an analyst writes them.
Nothing here prints; the command and the docs generator do.
"""

from __future__ import annotations

import json
import tempfile
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from loften import yamlnodes
from loften.errors import Location, LoftenError
from loften.results import Report, RuleResult, Status
from loften.rules import KINDS, RuleBase
from loften.rules.base import PerRule
from loften.spec.types import Date, Id, Text

PROMISE_FILE = "lofte.yaml"

#: Blocks of an example file that are copied as written into the promise or a log.
VERBATIM = ("rule", "activities", "indicators", "places", "exceptions")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Words(_Model):
    """A text in both languages."""

    sv: Text
    en: Text

    def __call__(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


class Span(_Model):
    start: Date
    end: Date


class Expect(_Model):
    """What loften must report: the rule's status, and statuses by bucket or item label."""

    rule: Status | None = None
    buckets: dict[Text, Status] = {}
    items: dict[Text, Status] = {}


class ExampleSpec(_Model):
    kind: Text
    title: Words
    promise: Words
    explanation: Words
    commitment: Id
    party: Id | list[Id] = "polis"
    period: Span
    as_of: Date
    parties: dict[Id, Words] | None = None
    activity_types: dict[Id, Words]
    places: Any = None
    rule: dict[str, Any]
    exceptions: Any = None
    activities: Any = None
    indicators: Any = None
    expect: Expect


@dataclass(frozen=True)
class Example:
    """One example file: its structured part and its blocks as written."""

    spec: ExampleSpec
    blocks: dict[str, str]
    path: str

    @property
    def kind(self) -> str:
        return self.spec.kind


@dataclass(frozen=True)
class Key:
    """One key of a rule kind, as ``loften explain`` lists it."""

    name: str
    required: bool
    default: str | None


@dataclass(frozen=True)
class Mismatch:
    """A status the example expects that the engine did not give."""

    label: str
    expected: str
    got: str | None


@dataclass(frozen=True)
class DataFile:
    """A log or indicator file of an example: YAML as written, or CSV from a text block."""

    name: str
    text: str
    syntax: str


# --- the registry --------------------------------------------------------------------


def kinds() -> list[str]:
    """Every rule kind the engine knows, in the order of the :data:`~loften.rules.Rule` union."""
    return list(KINDS)


def summary(kind: str, lang: str) -> str:
    sv, en = KINDS[kind].summary
    return sv if lang == "sv" else en


def nearest_kind(word: str) -> str | None:
    from loften.errors import suggest

    return suggest(word, KINDS)


def keys(kind: str) -> list[Key]:
    """The keys a kind takes beyond those every rule has: its own first, then ``per`` and
    the like, in the order the model declares them."""
    cls = KINDS[kind]
    common = set(RuleBase.model_fields)
    inherited = set(PerRule.model_fields) if issubclass(cls, PerRule) else set()
    names = [n for n in cls.model_fields if n not in common and n != "kind"]
    ordered = [n for n in names if n not in inherited] + [n for n in names if n in inherited]
    return [_key(n, cls.model_fields[n]) for n in ordered]


def common_keys() -> list[Key]:
    """The keys every rule has (``id``, ``title``, ``note``, ``severity``, ``from``, ``until``)."""
    return [_key(n, f) for n, f in RuleBase.model_fields.items()]


def _key(name: str, field: Any) -> Key:
    shown = field.alias or name
    if field.is_required():
        return Key(shown, True, None)
    return Key(shown, False, _default_text(field.get_default(call_default_factory=True)))


def _default_text(value: Any) -> str | None:
    if value is None or value == {} or value == () or value == []:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


# --- loading -------------------------------------------------------------------------


def examples_folder() -> Traversable:
    return resources.files("loften") / "examples"


def example_kinds() -> list[str]:
    """The kinds that have an example file."""
    return sorted(
        p.name.removesuffix(".yaml")
        for p in examples_folder().iterdir()
        if p.name.endswith(".yaml") and not p.name.startswith(".")
    )


def load_example(kind: str) -> Example:
    """The example of ``kind``; a :class:`LoftenError` when there is none or it is broken."""
    path = f"src/loften/examples/{kind}.yaml"
    file = examples_folder() / f"{kind}.yaml"
    if not file.is_file():
        raise LoftenError("explain-no-example", Location(path), kind=kind)
    text = file.read_text(encoding="utf-8")
    root = yamlnodes.load(text, path)
    if not isinstance(root, yamlnodes.Map):
        raise LoftenError("expected-mapping", Location(path))
    try:
        spec = ExampleSpec.model_validate(yamlnodes.to_plain(root))
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise LoftenError(
            "invalid-value", Location(path), detail=f"{where}: {first['msg']}"
        ) from err
    if spec.kind != kind:
        raise LoftenError("invalid-value", Location(path), detail=f"kind: {spec.kind} ≠ {kind}")
    return Example(spec, _blocks(text, root), path)


def _blocks(text: str, root: yamlnodes.Map) -> dict[str, str]:
    """The text of each top-level block in :data:`VERBATIM`, dedented, without its key."""
    lines = text.splitlines()
    starts = [(key.value, key.line) for key, _ in root.items]
    out: dict[str, str] = {}
    for i, (name, line) in enumerate(starts):
        if name not in VERBATIM:
            continue
        stop = starts[i + 1][1] - 1 if i + 1 < len(starts) else len(lines)
        chunk = lines[line - 1 : stop]
        while chunk and (not chunk[-1].strip() or chunk[-1].lstrip().startswith("#")):
            chunk.pop()
        head = chunk[0].split(":", 1)[1].strip()
        body = textwrap.dedent("\n".join(chunk[1:]))
        out[name] = "\n".join(x for x in (head, body) if x).strip("\n") + "\n"
    return out


# --- running -------------------------------------------------------------------------


def promise_text(ex: Example, lang: str) -> str:
    """The example as a promise file in ``lang``, with its blocks as written."""
    from loften.messages import t

    s = ex.spec
    q = _quote
    parties = s.parties or {
        "polis": Words(sv=t("explain-party-polis", "sv"), en=t("explain-party-polis", "en")),
        "kommun": Words(sv=t("explain-party-kommun", "sv"), en=t("explain-party-kommun", "en")),
    }
    party = s.party if isinstance(s.party, str) else "[" + ", ".join(s.party) + "]"
    out = [
        "loften: 1",
        f"id: exempel-{s.kind}",
        f"title: {q(s.title(lang))}",
        f"period: {{start: {s.period.start}, end: {s.period.end}}}",
        f"language: {lang}",
        "parties:",
        *(f"  {k}: {q(v(lang))}" for k, v in parties.items()),
        "activity_types:",
        *(f"  {k}: {q(v(lang))}" for k, v in s.activity_types.items()),
    ]
    if "places" in ex.blocks:
        out += ["places:", _indent(ex.blocks["places"], "  ")]
    log, indicators = log_file(ex), indicator_file(ex)
    if log is not None:
        out.append(f"logs: [{log.name}]")
    if indicators is not None:
        out.append(f"indicators: [{indicators.name}]")
    out += [
        "commitments:",
        f"  - id: {s.commitment}",
        f"    party: {party}",
        f"    text: {q(s.promise(lang))}",
        "    rules:",
        _indent(ex.blocks["rule"], "        ", first="      - "),
    ]
    if "exceptions" in ex.blocks:
        out += ["exceptions:", _indent(ex.blocks["exceptions"], "  ")]
    return "\n".join(out) + "\n"


def log_file(ex: Example) -> DataFile | None:
    """The example's log (``activities``), or ``None`` when it has none."""
    return _data_file(ex, "activities", "logg")


def indicator_file(ex: Example) -> DataFile | None:
    """The example's indicator data (``indicators``), or ``None`` when it has none."""
    return _data_file(ex, "indicators", "indikatorer")


def _data_file(ex: Example, key: str, stem: str) -> DataFile | None:
    value = getattr(ex.spec, key)
    if value is None:
        return None
    if isinstance(value, str):  # a text block: the file as a spreadsheet exports it
        return DataFile(f"{stem}.csv", value if value.endswith("\n") else value + "\n", "csv")
    return DataFile(f"{stem}.yaml", ex.blocks[key], "yaml")


def rule_yaml(ex: Example) -> str:
    """The example's rule as it stands in a promise, under ``rules:``."""
    return "rules:\n" + _indent(ex.blocks["rule"], "    ", first="  - ") + "\n"


def exceptions_yaml(ex: Example) -> str | None:
    """The example's exceptions as they stand in a promise, or ``None``."""
    if "exceptions" not in ex.blocks:
        return None
    return "exceptions:\n" + _indent(ex.blocks["exceptions"], "  ") + "\n"


def run_example(ex: Example, lang: str = "sv") -> Report:
    """Write the example out as a promise with its logs, and check it as of its ``as_of``."""
    from loften.engine import build_report, check_promise

    with tempfile.TemporaryDirectory(prefix="loften-explain-") as tmp:
        folder = Path(tmp)
        (folder / PROMISE_FILE).write_text(promise_text(ex, lang), encoding="utf-8")
        for data in (log_file(ex), indicator_file(ex)):
            if data is not None:
                (folder / data.name).write_text(data.text, encoding="utf-8")
        result = check_promise(folder / PROMISE_FILE, as_of=ex.spec.as_of, cwd=folder)
    return build_report([result], ex.spec.as_of)


def the_rule(report: Report) -> RuleResult:
    return report.promises[0].commitments[0].rules[0]


def mismatches(ex: Example, report: Report) -> list[Mismatch]:
    """Where the report differs from the example's ``expect`` (empty when it holds)."""
    rule = the_rule(report)
    expect = ex.spec.expect
    out: list[Mismatch] = []
    if expect.rule is not None and rule.status != expect.rule:
        out.append(Mismatch("rule", expect.rule, rule.status))
    buckets = {b.bucket: b.status for b in rule.buckets}
    items = {i.label: i.status for b in rule.buckets for i in b.items}
    for label, want in expect.buckets.items():
        if buckets.get(label) != want:
            out.append(Mismatch(label, want, buckets.get(label)))
    for label, want in expect.items.items():
        if items.get(label) != want:
            out.append(Mismatch(label, want, items.get(label)))
    return out


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _indent(block: str, prefix: str, first: str | None = None) -> str:
    lines = block.rstrip("\n").splitlines()
    head = (first if first is not None else prefix) + lines[0]
    return "\n".join([head, *((prefix + x) if x.strip() else "" for x in lines[1:])])


__all__ = [
    "DataFile",
    "Example",
    "Key",
    "Mismatch",
    "common_keys",
    "example_kinds",
    "exceptions_yaml",
    "indicator_file",
    "keys",
    "kinds",
    "load_example",
    "log_file",
    "mismatches",
    "nearest_kind",
    "promise_text",
    "rule_yaml",
    "run_example",
    "summary",
    "the_rule",
]
