"""``loften explain [KIND]``: the rule kinds, or one kind with its keys and a worked
example run through the engine."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Annotated

import typer

from loften.cli.app import app, print_problems, usage_error, write_output

if TYPE_CHECKING:
    from loften.explain import Example, Key

WIDTH = 100


@app.command()
def explain(
    kind: Annotated[str | None, typer.Argument(help="Regeltyp, till exempel count.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="sv eller en (standard: sv).")] = "sv",
) -> None:
    """Visa regeltyperna, eller en regeltyp med nycklar och ett genomräknat exempel."""
    from loften import explain as ex

    if lang not in ("sv", "en"):
        raise usage_error("usage-lang", "sv", text=lang)
    if kind is None:
        write_output(kind_list(lang), None, lang)
        return
    name = kind.strip().casefold()
    if name not in ex.kinds():
        raise usage_error("unknown-kind", lang, kind=kind, hint=ex.nearest_kind(name))
    from loften.errors import LoftenError

    try:
        page = kind_page(name, lang)
    except LoftenError as err:  # a broken example: say where, as for any input
        print_problems(err.problems, lang)
        raise typer.Exit(2) from err
    write_output(page, None, lang)


def kind_list(lang: str) -> str:
    from loften import explain as ex
    from loften.messages import t

    names = ex.kinds()
    pad = max(len(n) for n in names) + 2
    lines = [t("explain-list-heading", lang), ""]
    lines += [f"  {n:<{pad}}{ex.summary(n, lang)}" for n in names]
    lines += ["", t("explain-list-hint", lang)]
    return "\n".join(lines) + "\n"


def kind_page(kind: str, lang: str) -> str:
    """The documentation of one kind: what it does, its keys, and its example run."""
    from loften import explain as ex
    from loften.errors import LoftenError

    out = [f"{kind} – {ex.summary(kind, lang)}", ""]
    try:
        example = ex.load_example(kind)
    except LoftenError as err:
        return "\n".join([*out, *_keys(kind, lang), err.render(lang)]) + "\n"
    out += [example.spec.explanation(lang).rstrip(), "", *_keys(kind, lang)]
    out += _example(example, lang)
    return "\n".join(out) + "\n"


def _keys(kind: str, lang: str) -> list[str]:
    from loften import explain as ex
    from loften.messages import t

    common = ", ".join(k.name + (f" ({k.default})" if k.default else "") for k in ex.common_keys())
    return [
        _underline(t("explain-keys", lang)),
        *_key_table(ex.keys(kind), lang),
        "",
        t("explain-common", lang, keys=common),
        "",
    ]


def _example(example: Example, lang: str) -> list[str]:
    from loften import explain as ex
    from loften.calendar import prose_date
    from loften.messages import t
    from loften.reporters import Options, render

    s = example.spec
    out = [_underline(t("explain-example", lang, title=s.title(lang))), ""]
    quoted = f"”{s.promise(lang)}”" if lang == "sv" else f"“{s.promise(lang)}”"
    out += [t("explain-promise", lang) + ":", *_block(textwrap.fill(quoted, WIDTH - 8)), ""]
    out += [t("explain-rule", lang) + ":", *_block(ex.rule_yaml(example)), ""]
    exceptions = ex.exceptions_yaml(example)
    if exceptions:
        out += [t("explain-exceptions", lang) + ":", *_block(exceptions), ""]
    for data, code in (
        (ex.log_file(example), "explain-log"),
        (ex.indicator_file(example), "explain-indicators"),
    ):
        if data is not None:
            out += [t(code, lang, path=data.name) + ":", *_block(data.text), ""]
    report = ex.run_example(example, lang)
    out += [_underline(t("explain-report", lang, date=prose_date(s.as_of, lang))), ""]
    out.append(render("table", report, Options(lang=lang, width=WIDTH)).rstrip())
    return out


def _key_table(keys: list[Key], lang: str) -> list[str]:
    from loften.messages import t

    head = [t(f"explain-key-{c}", lang) for c in ("name", "required", "default")]
    rows = [
        [k.name, t("explain-yes" if k.required else "explain-no", lang), k.default or "–"]
        for k in keys
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [head, *rows]
    ]


def _block(text: str) -> list[str]:
    return [("    " + x) if x.strip() else "" for x in text.rstrip("\n").splitlines()]


def _underline(text: str) -> str:
    return f"{text}\n{'-' * len(text)}"
