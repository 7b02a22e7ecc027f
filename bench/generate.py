"""Generate a realistic national data set for the benchmarks (issue 7).

    python bench/generate.py [--out /tmp/loften-bench] [--activities 1000000] [--force]

Everything is synthetic and deterministic (one seed). The folder, never committed:

    promises/<kod>-<namn>.yaml   290 medborgarlöften, 5–15 rules each of every kind that
                                 reads logs, with municipality codes
    logs/csv/<kod>-<namn>.csv    their CSV logs, Swedish Excel style (``;``, Swedish
                                 headers, decimal commas, UTF-8 with BOM): together
                                 ``--activities`` rows
    logs/yaml/<kod>-<namn>.yaml  YAML logs of every fifth municipality
    national/*.yaml              one-promise benchmarks: ``riket`` (10 rules over all the
                                 CSV logs), ``scale-10k``/``scale-100k`` (the same ten
                                 rules), ``rules-1``/``rules-10``/``rules-30`` (100k rows),
                                 ``yaml-big`` (100k items), ``xlsx-big`` (100k rows),
    scale/, yaml/, xlsx/         their logs; ``yaml/big.yaml`` is about 25 MB
    small/                       one municipality's repository, as CI validates it:
                                 ``promises/`` with one promise, ``logs/`` with 200 rows
    manifest.json                what was generated, so a second run can skip the work

A promise keeps every rule it can name; the logs use the promise's aliases, Swedish
party names and free-text places, as municipalities write them.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

SEED = 2024_07
PERIOD = (date(2023, 1, 1), date(2024, 12, 31))
AS_OF = date(2024, 9, 30)
TOWN = "Riksby"
"""The made-up town of the one-file benchmark logs."""
FORMAT_VERSION = 5
"""Bump when the data set changes, so an old folder is regenerated."""

# -- vocabulary ------------------------------------------------------------------

#: type id -> (label, aliases the logs use, share of the rows)
TYPES: dict[str, tuple[str, tuple[str, ...], float]] = {
    "fotpatrullering": ("Fotpatrullering", ("fotpatrull", "patrullering till fots"), 0.33),
    "centrumvard": ("Centrumvärd i tjänst", ("centrumvärd", "Centrumvärd"), 0.12),
    "ordningsvakter": ("Ordningsvakter i tjänst", ("OV", "ordningsvakt"), 0.12),
    "trafikkontroll": ("Trafikkontroll", ("trafikkontroll",), 0.09),
    "samverkansmote": ("Samverkansmöte", ("SIG-möte", "samverkansmöte"), 0.06),
    "skolbesok": ("Skolbesök", ("skolbesök", "Skolbesök"), 0.06),
    "grannsamverkan": ("Grannsamverkan", ("grannsamverkan",), 0.05),
    "medborgardialog": ("Medborgardialog", ("medborgardialog", "dialog"), 0.05),
    "trygghetsvandring": ("Trygghetsvandring", ("trygghetsvandring",), 0.05),
    "informationsinsats": ("Informationsinsats", ("information", "infoinsats"), 0.02),
    "riktad-insats": ("Riktad insats", ("insats", "riktad polisinsats"), 0.04),
    "begaran": ("Begäran om trygghetsvandring", ("begäran", "önskemål"), 0.009),
    "utvardering": ("Utvärdering", ("utvärdering",), 0.001),
}
#: party id -> (label, aliases)
PARTIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "polis": ("Polisen", ("Polisen", "LPO", "lokalpolisområdet")),
    "kommun": ("Kommunen", ("Kommunen", "kommunen")),
    "bostadsbolag": ("Allmännyttiga bostadsbolaget", ("Bostadsbolaget", "Hyresvärden")),
    "raddningstjanst": ("Räddningstjänsten", ("Räddningstjänsten",)),
    "foreningar": ("Föreningslivet", ("Föreningar", "Idrottsföreningen")),
}
SCHOOLS = ("Björkskolan", "Granskolan", "Centralskolan", "Ekskolan", "Tallskolan")
AREAS = (
    "Centrum", "Stationsområdet", "Torget", "Norra", "Södra", "Östra", "Västra",
    "Hamnen", "Parken", "Gamla stan", "Industriområdet", "Sjöstaden",
)  # fmt: skip
TAGS = ("ungdomar", "narkotika", "unga", "trafik", "alkohol", "äldre", "vapen")
NOTES = (
    "Lugnt läge, samtal med näringsidkare.",
    "Många ungdomar i rörelse kring torget.",
    "Klotter anmält till fastighetsägaren.",
    "Belysningen vid gångtunneln trasig, felanmäld.",
    "",
    "",
    "",
)

#: Real municipality codes and names; the rest of the 290 are made up per county.
REAL = (
    ("0114", "Upplands Väsby"), ("0180", "Stockholm"), ("0380", "Uppsala"),
    ("0484", "Eskilstuna"), ("0580", "Linköping"), ("0581", "Norrköping"),
    ("0680", "Jönköping"), ("0780", "Växjö"), ("0880", "Kalmar"), ("0980", "Gotland"),
    ("1080", "Karlskrona"), ("1280", "Malmö"), ("1281", "Lund"), ("1283", "Helsingborg"),
    ("1380", "Halmstad"), ("1480", "Göteborg"), ("1490", "Borås"), ("1780", "Karlstad"),
    ("1880", "Örebro"), ("1980", "Västerås"), ("2080", "Falun"), ("2180", "Gävle"),
    ("2182", "Söderhamn"), ("2281", "Sundsvall"), ("2380", "Östersund"), ("2480", "Umeå"),
    ("2580", "Luleå"),
)  # fmt: skip
COUNTIES = ("01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17",
            "18", "19", "20", "21", "22", "23", "24", "25")  # fmt: skip
SYLLABLES = ("Berg", "Sjö", "Ek", "Lind", "Dal", "Ås", "Strand", "Holm", "Mark", "Vik",
             "Tuna", "Näs", "Bro", "Hed", "Fors", "Sand", "Lunda", "Torp", "Hult",
             "Rud")  # fmt: skip
PREFIXES = ("", "", "Norra ", "Södra ", "Västra ", "Östra ", "Stora ")
ENDINGS = ("a", "by", "köping", "hamn", "ås", "mo", "sta", "vik", "holm", "åker", "ryd")

CSV_HEADER = (
    "Datum", "Tid", "Aktivitet", "Part", "Plats", "Timmar", "Dagar",
    "Deltagare", "Målgrupp", "Kommentar",
)  # fmt: skip


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    slug: str
    weight: float


def municipalities(rng: random.Random, n: int = 290) -> list[Municipality]:
    """``n`` municipalities with codes; big towns log more."""
    out: list[tuple[str, str]] = list(REAL[:n])
    used = {c for c, _ in out}
    names = {m for _, m in out}
    while len(out) < n:
        county = rng.choice(COUNTIES)
        code = f"{county}{rng.randint(10, 89):02d}"
        name = rng.choice(PREFIXES) + rng.choice(SYLLABLES) + rng.choice(ENDINGS)
        if code in used or name in names:
            continue
        used.add(code)
        names.add(name)
        out.append((code, name))
    result = []
    for code, name in sorted(out):
        weight = rng.paretovariate(1.6) * (6 if code.endswith("80") else 1)
        result.append(Municipality(code, name, f"{code}-{slugify(name)}", weight))
    return result


def slugify(name: str) -> str:
    return "-".join(name.lower().split())


# -- activities ------------------------------------------------------------------


class Rows:
    """Activities as the logs hold them, in Swedish Excel's words."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        ids = list(TYPES)
        self.types = ids
        self.cum: list[float] = []
        total = 0.0
        for i in ids:
            total += TYPES[i][2]
            self.cum.append(total)
        self.days = (PERIOD[1] - PERIOD[0]).days + 1

    def row(self, town: str) -> dict[str, str]:
        rng = self.rng
        kind = rng.choices(self.types, cum_weights=self.cum)[0]
        label, aliases, _ = TYPES[kind]
        day = PERIOD[0] + timedelta(days=rng.randrange(self.days))
        party = "polis"
        if kind in ("centrumvard", "ordningsvakter", "skolbesok", "informationsinsats"):
            party = "kommun"
        elif kind in ("grannsamverkan", "begaran"):
            party = rng.choice(("bostadsbolag", "kommun", "foreningar"))
        elif kind in ("trygghetsvandring", "medborgardialog", "samverkansmote"):
            party = rng.choice(("polis|kommun", "kommun|polis|bostadsbolag", "polis"))
        parties = "|".join(rng.choice((p, *PARTIES[p][1])) for p in party.split("|"))
        hour = rng.choice((9, 10, 13, 15, 19, 20, 21, 22)) if kind != "ordningsvakter" else 21
        if kind == "ordningsvakter":
            day = _next_weekend(day, rng)
        hours = rng.choice(("1", "1,5", "2", "2,5", "3", "4", "0,75"))
        # Places name their town, so a national run sees no false double entries.
        place = f"{rng.choice(AREAS if kind != 'skolbesok' else SCHOOLS)}, {town}"
        tags = ""
        days = ""
        people = ""
        if kind == "riktad-insats":
            days = rng.choice(("1", "2", "2", "3"))
            tags = "|".join(rng.sample(TAGS[:3], rng.randint(0, 2)))
        elif kind in ("trygghetsvandring", "medborgardialog", "skolbesok"):
            people = str(rng.randint(4, 60))
            tags = rng.choice(("unga", "", "äldre", "unga|äldre"))
        elif kind == "utvardering":
            tags = "sig"
        return {
            "date": day.isoformat(),
            "time": f"{hour:02d}:{rng.choice(('00', '30'))}",
            "type": rng.choice((label, kind, *aliases)),
            "party": parties,
            "place": place,
            "hours": hours,
            "days": days,
            "participants": people,
            "tags": tags,
            "notes": rng.choice(NOTES),
        }

    def rows(self, n: int, town: str) -> Iterator[dict[str, str]]:
        for _ in range(n):
            yield self.row(town)


def _next_weekend(day: date, rng: random.Random) -> date:
    target = rng.choice((4, 5))  # Friday or Saturday evening
    moved = day + timedelta(days=(target - day.weekday()) % 7)
    return moved if moved <= PERIOD[1] else day


def write_csv(path: Path, rows: Iterator[dict[str, str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        out.writerow(CSV_HEADER)
        for r in rows:
            out.writerow(
                (r["date"], r["time"], r["type"], r["party"], r["place"], r["hours"],
                 r["days"], r["participants"], r["tags"], r["notes"])
            )  # fmt: skip
            n += 1
    return n


def write_yaml(path: Path, rows: Iterator[dict[str, str]], *, wordy: bool = False) -> int:
    """A YAML log as people write one: a list of mappings, Swedish and English keys."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# Aktivitetslogg (syntetiska data för loftens prestandamätning)\n")
        for r in rows:
            lines = [f"- datum: {r['date']}", f"  tid: {r['time']}", f"  typ: {_q(r['type'])}"]
            lines.append(f"  part: {_q(r['party'])}")
            lines.append(f"  plats: {_q(r['place'])}")
            lines.append(f"  timmar: {r['hours']}")
            if r["days"]:
                lines.append(f"  dagar: {r['days']}")
            if r["participants"]:
                lines.append(f"  deltagare: {r['participants']}")
            if r["tags"]:
                lines.append(f"  målgrupp: [{', '.join(r['tags'].split('|'))}]")
            note = r["notes"] or "Genomfört enligt plan."
            if wordy:
                note += " Uppföljning sker på nästa samverkansmöte med kommunen och polisen."
                note += " Inga särskilda händelser att rapportera i övrigt."
            lines.append(f"  anteckning: >-\n    {note}")
            fh.write("\n".join(lines) + "\n")
            n += 1
    return n


def _q(text: str) -> str:
    """Quotes a scalar that YAML would otherwise read as something else."""
    if text in ("OV",) or ":" in text or text[:1] in "!&*[]{}|>'\"%@`#,?-":
        return '"' + text.replace('"', '\\"') + '"'
    return text


def write_xlsx(path: Path, rows: Iterator[dict[str, str]]) -> int:
    """An Excel log with typed cells: real dates, times and numbers (openpyxl, write-only)."""
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Aktiviteter")
    ws.append(list(CSV_HEADER))
    n = 0
    for r in rows:
        hh, mm = r["time"].split(":")
        ws.append(
            [
                datetime.fromisoformat(r["date"]),
                dt_time(int(hh), int(mm)),
                r["type"],
                r["party"],
                r["place"],
                float(r["hours"].replace(",", ".")),
                int(r["days"]) if r["days"] else None,
                int(r["participants"]) if r["participants"] else None,
                r["tags"] or None,
                r["notes"] or None,
            ]
        )
        n += 1
    wb.save(path)
    return n


# -- promises --------------------------------------------------------------------


def vocabulary_yaml() -> str:
    out = ["parties:"]
    for pid, (label, aliases) in PARTIES.items():
        out.append(f"  {pid}: {{label: {label}, aliases: [{', '.join(aliases)}]}}")
    out.append("activity_types:")
    for tid, (label, aliases, _) in TYPES.items():
        # The label repeated as an alias, as analysts do, so logs may write it.
        shown = ", ".join(f'"{a}"' for a in dict.fromkeys((label, *aliases)))
        out.append(f"  {tid}: {{label: {label}, aliases: [{shown}]}}")
    return "\n".join(out) + "\n"


def rule_pool(rng: random.Random, scale: float, town: str) -> list[tuple[str, str]]:
    """Rules of every kind that reads logs, as (commitment, YAML) pairs.

    ``scale`` is the municipality's share of a national log, so bounds stay plausible.
    """

    def n(base: float, least: int = 1) -> int:
        """A bound near what the logs give, so some promises are kept and some not."""
        return max(least, round(base * scale * rng.uniform(0.7, 1.3)))

    schools = ", ".join(f'"{s}, {town}"' for s in rng.sample(SCHOOLS, 3))
    return [
        (
            "polis-narvaro",
            f"""\
      - id: fotpatrull-varje-vecka
        title: Fotpatrullering varje vecka
        kind: cadence
        match: {{type: fotpatrullering}}
        every: week
        coverage: {rng.choice((80, 90, 95))}%
        max_gap: {rng.choice((14, 21))} dagar""",
        ),
        (
            "polis-narvaro",
            f"""\
      - id: fotpatrull-timmar
        title: Timmar fotpatrullering per år
        kind: sum
        of: hours
        match: {{type: fotpatrullering}}
        per: year
        at_least: {n(250000)}""",
        ),
        (
            "polis-narvaro",
            f"""\
      - id: fotpatrull-kvall
        title: Fotpatrullering kvällstid varje månad
        kind: cadence
        match: {{type: fotpatrullering, evening: true}}
        every: month
        times: {rng.choice((2, 4))}""",
        ),
        (
            "polis-insatser",
            f"""\
      - id: insatser-per-ar
        title: Riktade insatser om minst två dagar
        kind: count
        match: {{type: riktad-insats}}
        each: {{days: {{at_least: 2}}}}
        per: year
        at_least: {n(8000, 2)}""",
        ),
        (
            "polis-insatser",
            """\
      - id: inriktning
        title: Insatserna riktas mot ungdomar och narkotika
        kind: share
        match: {type: riktad-insats}
        that: {målgrupp: [ungdomar, narkotika]}
        at_least: 50%
        severity: warning""",
        ),
        (
            "polis-insatser",
            f"""\
      - id: trafik
        title: Trafikkontroller per kvartal
        kind: count
        match: {{type: trafikkontroll}}
        per: quarter
        at_least: {n(10000)}""",
        ),
        (
            "kommun-narvaro",
            f"""\
      - id: centrumvard
        title: Centrumvärd varje vecka
        kind: cadence
        match: {{type: centrumvard}}
        every: week
        coverage: {rng.choice((80, 90))}%""",
        ),
        (
            "kommun-narvaro",
            """\
      - id: ordningsvakter-helger
        title: Ordningsvakter fredags- och lördagskvällar
        kind: cadence
        match: {type: ordningsvakter, evening: true}
        every: [friday, saturday]
        coverage: 70%""",
        ),
        (
            "kommun-narvaro",
            f"""\
      - id: ov-timmar
        title: Ordningsvakternas timmar per halvår
        kind: sum
        of: hours
        match: {{type: ordningsvakter}}
        per: half
        at_least: {n(60000)}""",
        ),
        (
            "kommun-skola",
            f"""\
      - id: skolor
        title: Skolbesök på tre skolor varje år
        kind: coverage
        match: {{type: skolbesok}}
        field: place
        items: [{schools}]
        per: year""",
        ),
        (
            "kommun-skola",
            f"""\
      - id: skolbesok-unga
        title: Skolbesök med unga per månad
        kind: count
        match: {{type: skolbesok}}
        each: {{målgrupp: unga}}
        per: month
        at_least: {n(800)}""",
        ),
        (
            "gemensam-dialog",
            f"""\
      - id: dialoger
        title: Medborgardialoger per kvartal
        kind: count
        match: {{type: medborgardialog}}
        per: quarter
        at_least: {n(6000)}""",
        ),
        (
            "gemensam-dialog",
            """\
      - id: fler-vandringar
        title: Fler trygghetsvandringar än året innan
        kind: trend
        match: {type: trygghetsvandring}
        per: year
        direction: increase""",
        ),
        (
            "gemensam-dialog",
            """\
      - id: svar-pa-begaran
        title: Trygghetsvandring inom sex veckor efter begäran
        kind: response
        request: {type: begaran}
        response: {type: trygghetsvandring}
        within: 6 veckor
        severity: warning""",
        ),
        (
            "gemensam-dialog",
            f"""\
      - id: grannsamverkan
        title: Grannsamverkan i nya områden
        kind: count
        match: {{type: grannsamverkan}}
        distinct: place
        new: true
        per: year
        at_least: {rng.choice((3, 5, 8))}""",
        ),
        (
            "gemensam-sig",
            """\
      - id: sig-moten
        title: Samverkansmöte varje månad
        kind: cadence
        match: {type: samverkansmote}
        every: month""",
        ),
        (
            "gemensam-sig",
            f"""\
      - id: utvardering
        title: Metoden utvärderad
        kind: deadline
        match: {{type: utvardering}}
        by: {rng.choice(("hösten 2024", "2024-12-31", "våren 2024"))}""",
        ),
        (
            "gemensam-sig",
            f"""\
      - id: unga-deltagare
        title: Deltagare i dialoger och vandringar per år
        kind: sum
        of: participants
        match: {{type: [trygghetsvandring, medborgardialog]}}
        per: year
        at_least: {n(1500000)}""",
        ),
    ]


COMMITMENT_TEXT = {
    "polis-narvaro": ("polis", "Polisen ska vara synlig i centrum, främst genom fotpatrullering."),
    "polis-insatser": ("polis", "Polisen genomför riktade insatser mot ungdomar och narkotika."),
    "kommun-narvaro": ("kommun", "Kommunen säkerställer centrumvärdar och ordningsvakter."),
    "kommun-skola": ("kommun", "Kommunen och polisen besöker skolorna i kommunen."),
    "gemensam-dialog": ("[polis, kommun]", "Parterna för dialog med invånarna om tryggheten."),
    "gemensam-sig": ("[polis, kommun]", "Fortsatt samverkan kring unga genom SIG."),
}


def promise_yaml(
    pid: str,
    title: str,
    rules: list[tuple[str, str]],
    logs: list[str],
    *,
    area: tuple[str, str] | None = None,
) -> str:
    head = [
        "loften: 1",
        f"id: {pid}",
        f"title: {title}",
    ]
    if area is not None:
        head.append(f'area: {{municipality: {area[1]}, code: "{area[0]}"}}')
    head += [
        f"period: {{start: {PERIOD[0]}, end: {PERIOD[1]}}}",
        "language: sv",
        "goal: Ökad trygghet i kommunens centrum och bostadsområden.",
    ]
    text = "\n".join(head) + "\n" + vocabulary_yaml()
    text += "logs:\n" + "".join(f"  - {p}\n" for p in logs)
    text += "commitments:\n"
    by_commitment: dict[str, list[str]] = {}
    for commitment, rule in rules:
        by_commitment.setdefault(commitment, []).append(rule)
    for cid, body in by_commitment.items():
        party, words = COMMITMENT_TEXT[cid]
        text += f"  - id: {cid}\n    party: {party}\n    text: {words}\n    rules:\n"
        text += "\n".join(body) + "\n"
    return text


def national_rules(
    rng: random.Random, count: int, scale: float, town: str
) -> list[tuple[str, str]]:
    """``count`` rules for one national promise: the ten standard ones first, then more
    (with their ids made unique) for the rules-scaling figures."""
    pool = rule_pool(rng, scale, town)
    standard = [pool[i] for i in (0, 1, 3, 4, 5, 6, 7, 9, 12, 14)]
    rest = [r for r in pool if r not in standard]
    chosen = (standard + rest)[:count]
    i = 0
    while len(chosen) < count:
        commitment, rule = pool[i % len(pool)]
        chosen.append((commitment, rule.replace("- id: ", f"- id: v{i}-", 1)))
        i += 1
    return chosen


# -- the data set ----------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    promises: int = 290
    activities: int = 1_000_000
    yaml_big: int = 100_000
    xlsx: int = 100_000
    scale: tuple[int, ...] = (10_000, 100_000)
    rules_rows: int = 100_000
    rules: tuple[int, ...] = (1, 10, 30)
    small: int = 200


QUICK = Sizes(
    promises=20,
    activities=20_000,
    yaml_big=4_000,
    xlsx=4_000,
    scale=(2_000, 5_000),
    rules_rows=5_000,
    rules=(1, 10, 30),
)
TINY = Sizes(
    promises=3,
    activities=600,
    yaml_big=100,
    xlsx=100,
    scale=(100, 300),
    rules_rows=200,
    rules=(1, 10),
    small=50,
)


def data_set(data: Path | None, *, dry_run: bool, quick: bool) -> tuple[Path, Sizes]:
    """The folder and sizes of the data set the benchmark scripts are asked for: the
    tiny one (``--dry-run``), the small one (``--quick``) or the full one, each in its
    own folder under /tmp unless ``data`` names one."""
    if dry_run:
        sizes, default = TINY, "/tmp/loften-bench-tiny"
    elif quick:
        sizes, default = QUICK, "/tmp/loften-bench-quick"
    else:
        sizes, default = Sizes(), "/tmp/loften-bench"
    return (data or Path(default)).resolve(), sizes


def generate(out: Path, sizes: Sizes, *, force: bool = False, log: bool = True) -> dict:
    """Writes the data set to ``out`` (skipped when its manifest says it is there)."""
    manifest_path = out / "manifest.json"
    wanted = {"format": FORMAT_VERSION, "seed": SEED, "sizes": sizes.__dict__}
    wanted = json.loads(json.dumps(wanted))
    if not force and manifest_path.exists():
        have = json.loads(manifest_path.read_text(encoding="utf-8"))
        if {k: have.get(k) for k in wanted} == wanted:
            return have
    started = time.perf_counter()
    rng = random.Random(SEED)
    rows = Rows(rng)
    say = (lambda msg: print(msg, file=sys.stderr, flush=True)) if log else (lambda msg: None)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("promises", "logs", "national", "scale", "yaml", "xlsx", "small"):
        _clear(out / sub)

    towns = municipalities(rng, sizes.promises)
    total_weight = sum(m.weight for m in towns)
    counts = [max(50, int(sizes.activities * m.weight / total_weight)) for m in towns]
    counts[-1] += sizes.activities - sum(counts)
    if counts[-1] < 50:  # tiny sizes: give the rest evenly
        counts = [sizes.activities // len(towns)] * len(towns)
        counts[-1] += sizes.activities - sum(counts)
    say(f"generate: {len(towns)} promises, {sizes.activities:,} CSV activities …")
    csv_files: list[str] = []
    yaml_rows = 0
    for i, (town, n) in enumerate(zip(towns, counts, strict=True)):
        csv_rel = f"logs/csv/{town.slug}.csv"
        write_csv(out / csv_rel, rows.rows(n, town.name))
        csv_files.append(csv_rel)
        logs = [f"../{csv_rel}"]
        if i % 5 == 0:
            extra = max(20, n // 20)
            yaml_rel = f"logs/yaml/{town.slug}.yaml"
            yaml_rows += write_yaml(out / yaml_rel, rows.rows(extra, town.name))
            logs.append(f"../{yaml_rel}")
        pool = rule_pool(rng, n / 1_000_000, town.name)
        k = rng.randint(5, min(15, len(pool)))
        picked = sorted(rng.sample(range(len(pool)), k))
        text = promise_yaml(
            f"{town.slug}-2023-2024",
            f"{town.name} – medborgarlöften 2023–2024",
            [pool[j] for j in picked],
            logs,
            area=(town.code, town.name),
        )
        (out / "promises" / f"{town.slug}.yaml").parent.mkdir(parents=True, exist_ok=True)
        (out / "promises" / f"{town.slug}.yaml").write_text(text, encoding="utf-8")

    national = out / "national"
    national.mkdir(parents=True, exist_ok=True)

    def one(name: str, logs: list[str], rules: int, scale: float, town: str = TOWN) -> None:
        chosen = national_rules(random.Random(name), rules, scale, town)
        text = promise_yaml(name, f"Benchmark {name}", chosen, logs)
        (national / f"{name}.yaml").write_text(text, encoding="utf-8")

    biggest = max(zip(counts, (t.name for t in towns), strict=True))[1]
    one("riket", ["../logs/csv"], 10, sizes.activities / 1e6, biggest)
    say("generate: scale, rules, YAML, Excel and small logs …")
    for n in sizes.scale:
        write_csv(out / f"scale/{n}.csv", rows.rows(n, TOWN))
        one(f"scale-{_k(n)}", [f"../scale/{n}.csv"], 10, n / 1_000_000)
    write_csv(out / f"scale/rules-{sizes.rules_rows}.csv", rows.rows(sizes.rules_rows, TOWN))
    for r in sizes.rules:
        one(f"rules-{r}", [f"../scale/rules-{sizes.rules_rows}.csv"], r, sizes.rules_rows / 1e6)
    big_yaml = write_yaml(out / "yaml/big.yaml", rows.rows(sizes.yaml_big, TOWN), wordy=True)
    one("yaml-big", ["../yaml/big.yaml"], 10, sizes.yaml_big / 1e6)
    xlsx_rows = write_xlsx(out / "xlsx/big.xlsx", rows.rows(sizes.xlsx, TOWN))
    one("xlsx-big", ["../xlsx/big.xlsx"], 10, sizes.xlsx / 1e6)
    write_csv(out / "small/logs/aktiviteter.csv", rows.rows(sizes.small, TOWN))
    chosen = national_rules(random.Random("small"), 10, sizes.small / 1e6, TOWN)
    text = promise_yaml("riksby-2023-2024", "Riksby – medborgarlöften", chosen, ["../logs"])
    (out / "small/promises").mkdir(parents=True, exist_ok=True)
    (out / "small/promises/riksby.yaml").write_text(text, encoding="utf-8")

    manifest = {
        **wanted,
        "as_of": AS_OF.isoformat(),
        "csv_files": csv_files,
        "csv_rows": sum(counts),
        "yaml_rows": yaml_rows,
        "yaml_big_rows": big_yaml,
        "yaml_big_bytes": (out / "yaml/big.yaml").stat().st_size,
        "xlsx_rows": xlsx_rows,
        "seconds": round(time.perf_counter() - started, 1),
    }
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    say(f"generate: done in {manifest['seconds']} s → {out}")
    return manifest


def _k(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 and n < 1_000_000 else str(n)


def _clear(folder: Path) -> None:
    if not folder.exists():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink()
    folder.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/loften-bench"))
    parser.add_argument("--quick", action="store_true", help="a small data set")
    parser.add_argument("--tiny", action="store_true", help="a tiny data set (tests)")
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    args = parser.parse_args(argv)
    sizes = TINY if args.tiny else QUICK if args.quick else Sizes()
    generate(args.out, sizes, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
