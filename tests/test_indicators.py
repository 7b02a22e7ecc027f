"""Indicator data (SPEC §3.3): CSV and YAML files to points, every problem located;
and the promise's ``indicators:`` as the engine loads them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from loften.engine import check_promise
from loften.errors import Location, LoftenError
from loften.indicators import Point, load_indicators

REPO = Path(__file__).resolve().parent.parent


def load(tmp_path: Path, name: str, data: bytes | str, *more: tuple[str, bytes | str]):
    paths = []
    for file, content in ((name, data), *more):
        path = tmp_path / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        paths.append((path, file, Location("p.yaml", 7, 15)))
    return load_indicators(paths)


def rendered(problems) -> list[str]:
    return [p.render("sv") for p in problems]


SWEDISH = (
    "\ufeffMått;Område;År;Värde;Enhet;Källa;Antal svarande;Kommentar\r\n"
    "andel-trygga;Söderhamns centrum;2019;61 %;%;Polisens trygghetsmätning;412;EXEMPELDATA\r\n"
    "andel-trygga;Söderhamns centrum;2021;66,5;%;Polisens trygghetsmätning;398;\r\n"
)


def test_csv_with_swedish_headers_bom_and_semicolons(tmp_path):
    points, problems = load(tmp_path, "ind.csv", SWEDISH)
    assert problems == []
    first, second = points
    assert first == Point(
        where=Location("ind.csv", row=2),
        metric="andel-trygga",
        value=Decimal(61),
        year=2019,
        date=None,
        area="Söderhamns centrum",
        unit="%",
        source="Polisens trygghetsmätning",
        n=412,
    )
    assert (second.value, second.ref, second.day, second.label) == (
        Decimal("66.5"),
        "ind.csv:3",
        date(2021, 1, 1),
        "2021",
    )


def test_csv_with_english_headers_commas_dates_and_percent_values(tmp_path):
    text = "metric,date,value,area\nindex,2021-05-03,3.5,\nshare,2021-05-03,70%,Ljusne\n"
    (index, share), problems = load(tmp_path, "ind.csv", text)
    assert problems == []
    assert (index.date, index.year, index.day, index.label, index.unit, index.area) == (
        date(2021, 5, 3),
        None,
        date(2021, 5, 3),
        "2021-05-03",
        None,
        None,
    )
    assert (share.value, share.unit) == (Decimal(70), "%")


def test_indikator_is_a_header_for_metric_and_n_for_respondents(tmp_path):
    (point,), problems = load(tmp_path, "ind.tsv", "Indikator\tår\tvärde\tn\nbrott\t2020\t12\t0\n")
    assert problems == []
    assert (point.metric, point.value, point.n) == ("brott", Decimal(12), 0)


def test_yaml(tmp_path):
    text = (
        "# exempeldata\n"
        "- {mått: andel-trygga, år: 2019, värde: 61%, källa: Polisens trygghetsmätning}\n"
        "- metric: andel-trygga\n"
        "  year: 2021\n"
        "  value: 3,5\n"
        "  unit: index\n"
        "  n: 398\n"
        "  kommentar: EXEMPELDATA\n"
    )
    (first, second), problems = load(tmp_path, "ind.yaml", text)
    assert problems == []
    assert (first.where, first.value, first.unit, first.source) == (
        Location("ind.yaml", 2, 3),
        Decimal(61),
        "%",
        "Polisens trygghetsmätning",
    )
    assert (second.ref, second.value, second.unit, second.n) == (
        "ind.yaml:3",
        Decimal("3.5"),
        "index",
        398,
    )


def test_yaml_empty_list_is_valid(tmp_path):
    assert load(tmp_path, "ind.yaml", "[]\n") == ((), [])
    assert load(tmp_path, "ind.csv", "metric;year;value\n") == ((), [])


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # duplicates: same metric, area and year (or date), at the second, naming the first
        (
            "ind.csv",
            "mått;år;värde\nandel;2019;61\nandel;2020;62\nAndel;2019;63\n",
            ["ind.csv:row 4: 'Andel' 2019 finns redan på ind.csv:2"],
        ),
        (
            "ind.yaml",
            "- {metric: a, area: C, date: 2021-05-03, value: 1}\n"
            "- {metric: a, area: c, date: 2021-05-03, value: 2}\n",
            ["ind.yaml:2:3: 'a' för c 2021-05-03 finns redan på ind.yaml:1"],
        ),
        # bad values, located at their cell or scalar
        (
            "ind.csv",
            "mått;år;värde\nandel;2019;sextio\n",
            [
                "ind.csv:row 2, column 'värde': ogiltigt tal 'sextio': "
                "skriv till exempel 2,5 eller 10, utan tusentalsavgränsare"
            ],
        ),
        (
            "ind.yaml",
            "- metric: a\n  year: 20x1\n  value: 1\n",
            ["ind.yaml:2:9: '20x1' är inget årtal (ÅÅÅÅ)"],
        ),
        (
            "ind.csv",
            "mått;datum;år;värde\nandel;2021-02-30;2021;1\nandel;2020-05-01;2021;1\n",
            [
                "ind.csv:row 2, column 'datum': datumet 2021-02-30 finns inte i kalendern",
                "ind.csv:row 3, column 'datum': året 2021 stämmer inte med datumet 2020-05-01",
            ],
        ),
        (
            "ind.csv",
            "mått;år;värde;enhet\nandel;2019;70%;index\n",
            ["ind.csv:row 2, column 'värde': '70%' anges i procent, men enheten är index"],
        ),
        # missing values
        (
            "ind.csv",
            "mått;år;datum;värde\n;2019;;1\nandel;;;\n",
            [
                "ind.csv:row 2: mått saknas",
                "ind.csv:row 3: värde saknas",
                "ind.csv:row 3: år eller datum saknas",
            ],
        ),
        # headers and keys
        (
            "ind.csv",
            "mått;år;värd\nandel;2019;61\n",
            [
                "ind.csv:row 1, column 'värd': 'värd' är inget fält i indikatordata; "
                "menade du 'värde'?; fälten är: metric, year, date, value, area, unit, source, n",
                "ind.csv:row 1: kolumnen för värde saknas; rubrikerna är: mått, år, värd",
            ],
        ),
        (
            "ind.csv",
            "mått;indikator;år;värde\na;b;2019;1\n",
            ["ind.csv:row 1, column 'indikator': 'mått' och 'indikator' anger båda mått"],
        ),
        (
            "ind.csv",
            "mått;värde\na;1\n",
            ["ind.csv:row 1: kolumnen för år eller datum saknas; rubrikerna är: mått, värde"],
        ),
        (
            "ind.yaml",
            "- {metric: a, year: 2019, value: 1, gender: f}\n",
            [
                "ind.yaml:1:37: 'gender' är inget fält i indikatordata; "
                "fälten är: metric, year, date, value, area, unit, source, n"
            ],
        ),
        (
            "ind.yaml",
            "- {metric: a, year: 2019, value: [1, 2]}\n",
            ["ind.yaml:1:34: 'value' ska vara ett enda värde, inte en lista eller mappning"],
        ),
        (
            "ind.yaml",
            "metric: a\n",
            ["ind.yaml:1:1: indikatordata i YAML ska vara en lista med mätvärden"],
        ),
        ("ind.yaml", "- a\n", ["ind.yaml:1:3: ett mätvärde ska ha mått, år eller datum och värde"]),
        (
            "ind.yaml",
            "- {metric: a, year: 2019, value: 1, value: 2}\n",
            [
                "ind.yaml:1:37: nyckeln 'value' förekommer två gånger i mappningen "
                "(första gången på rad 1)"
            ],
        ),
        ("ind.csv", b"", ["ind.csv: filen är tom"]),
    ],
)
def test_problems_are_located(tmp_path, name, text, expected):
    _, problems = load(tmp_path, name, text)
    assert rendered(problems) == expected


def test_duplicates_across_files(tmp_path):
    points, problems = load(
        tmp_path,
        "a.csv",
        "mått;år;värde\nandel;2019;61\n",
        ("b.yaml", "- {metric: andel, year: 2019, value: 62}\n"),
    )
    assert [p.ref for p in points] == ["a.csv:2"]
    assert rendered(problems) == ["b.yaml:1:3: 'andel' 2019 finns redan på a.csv:2"]


def test_windows_1252_is_read_with_a_warning(tmp_path):
    points, problems = load(
        tmp_path, "ind.csv", "mått;år;värde;område\nandel;2019;61;Söderhamn\n".encode("cp1252")
    )
    assert [(p.code, p.severity) for p in problems] == [("csv-cp1252", "warning")]
    assert points[0].area == "Söderhamn"


def test_paths_listed_in_the_promise(tmp_path):
    where = Location("p.yaml", 9, 5)
    (tmp_path / "ind").mkdir()
    (tmp_path / "ind" / "b.yaml").write_text(
        "- {metric: a, year: 2020, value: 1}\n", encoding="utf-8"
    )
    (tmp_path / "ind" / "a.csv").write_text("metric;year;value\na;2019;1\n", encoding="utf-8")
    (tmp_path / "ind" / "readme.md").write_text("x", encoding="utf-8")
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04")
    points, problems = load_indicators(
        [
            (tmp_path / "ind", "ind", where),
            (tmp_path / "nope.csv", "nope.csv", where),
            (tmp_path / "x.xlsx", "x.xlsx", where),
        ]
    )
    assert [p.ref for p in points] == ["ind/a.csv:2", "ind/b.yaml:1"]
    assert rendered(problems) == [
        "p.yaml:9:5: indikatorfilen 'nope.csv' finns inte",
        "p.yaml:9:5: 'x.xlsx' kan inte läsas som indikatordata: "
        "loften läser .csv, .tsv, .txt, .yaml och .yml",
    ]


def test_the_soderhamn_example_data_loads_and_says_it_is_example_data():
    path = REPO / "indicators" / "soderhamn.csv"
    points, problems = load_indicators([(path, "indicators/soderhamn.csv", None)])
    assert problems == []
    assert [(p.metric, p.year, p.value, p.unit) for p in points] == [
        ("andel-trygga-centrum", 2019, Decimal(61), "%"),
        ("andel-trygga-centrum", 2021, Decimal(66), "%"),
    ]
    assert "EXEMPELDATA" in path.read_text(encoding="utf-8-sig").splitlines()[1]


# --- the engine ------------------------------------------------------------------------

PROMISE = """\
loften: 1
id: t
title: T
period: {start: 2020-01-01, end: 2021-12-31}
parties: {polis: Polisen}
activity_types: {insats: Insats}
logs: [log.yaml]
indicators: [%(files)s]
commitments:
  - id: trygghet
    party: polis
    text: Andelen som upplever sig trygga ska ha ökat i kommande trygghetsmätningar.
    rules:
      - id: andel
        kind: indicator
        metric: andel-trygga
%(area)s        baseline: {year: 2019}
        target: increase
"""

CSV = "mått;område;år;värde;enhet\nandel-trygga;Centrum;2019;61;%\nandel-trygga;Centrum;2021;66;%\n"


def check(
    tmp_path: Path,
    files: str = "data/ind.csv",
    area: str = "",
    csv: bytes | str = CSV,
    as_of: str = "2022-01-15",
):
    (tmp_path / "p.yaml").write_text(PROMISE % {"files": files, "area": area}, encoding="utf-8")
    (tmp_path / "log.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "ind.csv").write_bytes(
        csv.encode("utf-8") if isinstance(csv, str) else csv
    )
    return check_promise(tmp_path / "p.yaml", as_of=date.fromisoformat(as_of), cwd=tmp_path)


def test_engine_passes_indicators_to_the_rules(tmp_path):
    rule = check(tmp_path).commitments[0].rules[0]
    assert (rule.kind, rule.status, rule.unit) == ("indicator", "pass", "number")
    assert rule.buckets[0].counted == ("data/ind.csv:2", "data/ind.csv:3")
    assert check(tmp_path, as_of="2021-06-01").commitments[0].rules[0].status == "on-track"


def test_engine_locates_a_missing_indicator_file_at_its_line(tmp_path):
    with pytest.raises(LoftenError) as err:
        check(tmp_path, files="data/ind.csv, data/nope.csv")
    assert err.value.render("sv") == "p.yaml:8:28: indikatorfilen 'data/nope.csv' finns inte"


def test_engine_reports_every_problem_of_the_data(tmp_path):
    with pytest.raises(LoftenError) as err:
        check(tmp_path, csv=CSV + "andel-trygga;Centrum;2019;62;%\nandel-trygga;Ljusne;20x1;5;%\n")
    assert err.value.render("sv").splitlines() == [
        "data/ind.csv:row 4: 'andel-trygga' för Centrum 2019 finns redan på data/ind.csv:2",
        "data/ind.csv:row 5, column 'år': '20x1' är inget årtal (ÅÅÅÅ)",
    ]


def test_engine_locates_mixed_areas_at_the_rule(tmp_path):
    csv = CSV + "andel-trygga;Ljusne;2021;50;%\n"
    with pytest.raises(LoftenError) as err:
        check(tmp_path, csv=csv)
    assert err.value.render("en") == (
        "p.yaml:16:17: 'andel-trygga' has values for several areas (Centrum, Ljusne); "
        "give the rule an area"
    )
    rule = check(tmp_path, csv=csv, area="        area: Ljusne\n").commitments[0].rules[0]
    assert (rule.status, rule.buckets[0].value) == ("missing", None)


def test_engine_notes_a_windows_1252_file_in_data_quality(tmp_path):
    result = check(tmp_path, csv=CSV.replace("Centrum", "Söderhamn").encode("cp1252"))
    assert result.commitments[0].rules[0].status == "pass"
    assert [(q.where, q.code) for q in result.data_quality] == [("data/ind.csv", "csv-cp1252")]
