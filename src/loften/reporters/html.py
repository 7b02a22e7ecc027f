"""The HTML report: one self-contained, printable file.

No network fetches, fonts, scripts or images: the stylesheet is inlined (with an
A4 print sheet: page breaks between party sections, table headers repeated) and
every chart is inline SVG (:mod:`loften.reporters.charts`). The content is
:mod:`loften.reporters.people`, the layout ``templates/report.html.j2``, rendered
by Jinja2 with autoescape on, so no text from a promise or a log becomes markup.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from loften.messages import t
from loften.reporters import Options
from loften.reporters.charts import chart, px
from loften.reporters.people import build
from loften.results import Report


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("loften.reporters", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["px"] = px
    return env


def render(report: Report, options: Options) -> str:
    lang = options.lang
    env = environment()
    view = build(report, lang, options.stamp)
    charts: dict[str, Markup] = {}
    for pv in view.promises:
        p = pv.result
        for party in pv.parties:
            for c in party.commitments:
                for r in c.rules:
                    charts[r.anchor] = chart(
                        env, r.result, r.chart_id, r.title_line, p.start, p.end, report.as_of, lang
                    )

    def w(code: str, **params: Any) -> str:
        return t(code, lang, **params)

    title = view.promises[0].title if len(view.promises) == 1 else "loften"
    html = env.get_template("report.html.j2").render(view=view, charts=charts, w=w, doc_title=title)
    return "\n".join(line.rstrip() for line in html.splitlines()) + "\n"
