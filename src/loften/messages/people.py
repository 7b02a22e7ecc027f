"""Messages: the reports for people (Markdown and HTML). Code -> (Swedish, English).

Swedish as a municipal official writes it in a follow-up to the steering group:
"Läget den 15 januari 2022", "Samlad bedömning", "Kvar att göra". Every code starts
with ``people-`` so this section never collides with another.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The header.
    "people-overall": ("Samlad bedömning", "Overall assessment"),
    "people-area": ("Område", "Area"),
    "people-area-code": (
        "{municipality} (kommunkod {kommunkod})",
        "{municipality} (municipality code {kommunkod})",
    ),
    "people-period": ("Period", "Period"),
    "people-period-text": ("{start} – {end}", "{start} – {end}"),
    "people-goal": ("Mål", "Goal"),
    "people-parties": ("Parter", "Parties"),
    "people-source": ("Löftesfil", "Promise file"),
    # The verdict in one sentence, by the promise's status (SPEC §2.4).
    "people-verdict-pass": (
        "Alla {total} regler är uppfyllda.",
        "All {total} rules are met.",
    ),
    "people-verdict-on-track": (
        "Arbetet går enligt plan: ingen av de {total} reglerna ligger efter.",
        "Work is on track: none of the {total} rules is behind.",
    ),
    "people-verdict-fail": (
        "{n} av {total} regler är inte {n:p:uppfylld:uppfyllda} och kan inte längre uppfyllas.",
        "{n} of {total} rules {n:p:is:are} not met and can no longer be met.",
    ),
    "people-verdict-behind": (
        "{n} av {total} regler ligger efter plan, men ingen är ännu förfelad.",
        "{n} of {total} rules {n:p:is:are} behind plan, but none has failed yet.",
    ),
    "people-verdict-missing": (
        "Underlag saknas för {n} av {total} regler.",
        "Data is missing for {n} of {total} rules.",
    ),
    "people-verdict-warn": (
        "Kraven är uppfyllda eller i fas, men {n} av {total} regler har en varning.",
        "The requirements are met or on track, but {n} of {total} rules {n:p:has:have} a warning.",
    ),
    "people-verdict-excepted": (
        "Kraven är uppfyllda eller i fas, med beslutade undantag för {n} av {total} regler.",
        "The requirements are met or on track, with decided exceptions for {n} of {total} rules.",
    ),
    "people-verdict-not-started": (
        "Perioden har ännu inte börjat.",
        "The period has not begun yet.",
    ),
    # How many rules have each status, in a sentence.
    "people-tally": ("Av {total} regler är {parts}.", "Of {total} rules, {parts}."),
    "people-tally-pass": ("{n} {n:p:uppfylld:uppfyllda}", "{n} {n:p:is:are} met"),
    "people-tally-on-track": ("{n} i fas", "{n} {n:p:is:are} on track"),
    "people-tally-not-started": (
        "{n} ej {n:p:påbörjad:påbörjade}",
        "{n} {n:p:has:have} not started",
    ),
    "people-tally-excepted": ("{n} med undantag", "{n} {n:p:is:are} excepted"),
    "people-tally-warn": ("{n} med varning", "{n} {n:p:has:have} a warning"),
    "people-tally-missing": ("{n} utan underlag", "{n} {n:p:lacks:lack} data"),
    "people-tally-behind": ("{n} efter plan", "{n} {n:p:is:are} behind"),
    "people-tally-fail": ("{n} ej {n:p:uppfylld:uppfyllda}", "{n} {n:p:is:are} not met"),
    "people-and": ("och", "and"),
    # Sections.
    "people-summary": ("Sammanfattning", "Summary"),
    "people-party": ("Part", "Party"),
    "people-commitment": ("Åtagande", "Commitment"),
    "people-commitment-heading": ("Åtagande {number}: {id}", "Commitment {number}: {id}"),
    "people-rules": ("Regler", "Rules"),
    "people-status": ("Status", "Status"),
    "people-legend": ("Teckenförklaring", "Key"),
    "people-todo": ("Kvar att göra", "Still to do"),
    "people-todo-line": (
        "{rule} ({bucket}): {left} senast {due}",
        "{rule} ({bucket}): {left} by {due}",
    ),
    "people-todo-none": (
        "Ingen regel ligger efter plan.",
        "No rule is behind plan.",
    ),
    "people-rule": ("Regel", "Rule"),
    "people-rule-heading": ("Regel {number}: {title}", "Rule {number}: {title}"),
    "people-rule-number": ("Regel {number}", "Rule {number}"),
    "people-rule-kind": ("Regeltyp", "Kind"),
    "people-rule-id": ("Regel-id", "Rule id"),
    "people-rule-warning": (
        "Rekommendation: en brist rapporteras som varning.",
        "Recommendation: a shortfall is reported as a warning.",
    ),
    "people-note": ("Tolkning", "Interpretation"),
    "people-bucket": ("Period", "Period"),
    "people-value": ("Utfall", "Result"),
    "people-left": ("{left} senast {due}", "{left} by {due}"),
    "people-details": ("Anmärkningar", "Remarks"),
    "people-exceptions": ("Undantag", "Exceptions"),
    "people-exception-decided": ("Beslutat {date} av {by}.", "Decided {date} by {by}."),
    "people-exception-decided-date": ("Beslutat {date}.", "Decided {date}."),
    "people-left-out": ("Räknas inte", "Not counted"),
    "people-items": ("{noun}: {count}", "{noun}: {count}"),
    "people-items-hidden": (
        "Övriga {n} är uppfyllda eller pågår.",
        "The other {n} are met or pending.",
    ),
    "people-none": ("–", "–"),
    # Names of the rule kinds (SPEC §2.3), as a report reader knows them.
    "people-kind-count": ("antal", "count"),
    "people-kind-sum": ("summa", "sum"),
    "people-kind-cadence": ("regelbundenhet", "cadence"),
    "people-kind-deadline": ("senast", "deadline"),
    "people-kind-schedule": ("planerade datum", "schedule"),
    "people-kind-coverage": ("täckning", "coverage"),
    "people-kind-response": ("svar på önskemål", "response"),
    "people-kind-share": ("andel", "share"),
    "people-kind-trend": ("utveckling", "trend"),
    "people-kind-attested": ("intygande", "attestation"),
    "people-kind-indicator": ("indikator", "indicator"),
    # What a kind's items are (SPEC §5.5).
    "people-items-cadence": ("Tillfällen", "Occurrences"),
    "people-items-schedule": ("Planerade datum", "Planned dates"),
    "people-items-response": ("Önskemål", "Requests"),
    "people-items-coverage": ("Punkter", "Items"),
    "people-items-attested": ("Intyganden", "Attestations"),
    "people-items-indicator": ("Mätvärden", "Data points"),
    "people-items-other": ("Poster", "Items"),
    # Appendices.
    "people-appendix": ("Bilaga {number}: {title}", "Appendix {number}: {title}"),
    "people-evidence": ("Underlag", "Evidence"),
    "people-evidence-intro": (
        "Aktiviteterna som varje bedömning vilar på, angivna som loggfil och rad.",
        "The activities each verdict rests on, given as log file and line.",
    ),
    "people-evidence-lines": ("{path}: rad {lines}", "{path}: {count:p:line:lines} {lines}"),
    "people-evidence-none": (
        "Ingen aktivitet räknas ännu.",
        "No activity counts yet.",
    ),
    "people-notes": ("Anteckningar", "Notes"),
    "people-quality": ("Datakvalitet", "Data quality"),
    "people-quality-intro": (
        "Allt som lästes in men inte räknades rakt av, sorterat efter fil och rad.",
        "Everything read that did not simply count, sorted by file and line.",
    ),
    "people-quality-none": ("Inga anmärkningar.", "Nothing to note."),
    "people-files": ("Loggfiler", "Log files"),
    "people-file": ("Fil", "File"),
    "people-file-rows": ("Rader", "Rows"),
    "people-file-activities": ("Aktiviteter", "Activities"),
    "people-file-errors": ("Fel", "Errors"),
    "people-footer": ("Rapporten är skapad med loften.", "This report was made with loften."),
    "people-footer-stamp": (
        "Rapporten är skapad med loften {stamp}.",
        "This report was made with loften on {stamp}.",
    ),
    "people-contents": ("Innehåll", "Contents"),
    # Charts (HTML): what each one shows, in words, for screen readers and print.
    "people-chart-bars": (
        "Stapeldiagram: utfall per period mot kravet. {values}",
        "Bar chart: result per period against the requirement. {values}",
    ),
    "people-chart-gauge": (
        "Utfall {bucket}: {value} mot kravet {required} – {status}.",
        "Result, {bucket}: {value} against the requirement {required} – {status}.",
    ),
    "people-chart-timeline": (
        "Tidslinje {start} – {end}: {counts}.",
        "Timeline {start} – {end}: {counts}.",
    ),
    "people-chart-strip": ("Status per post: {values}", "Status per item: {values}"),
    "people-chart-as-of": ("läget", "as of"),
    "people-chart-item": ("{label}: {status}", "{label}: {status}"),
    # The command line.
    "people-report-extension": (
        "kan inte avgöra formatet av '{path}': använd .md, .html eller .json",
        "cannot tell the format of '{path}': use .md, .html or .json",
    ),
    "people-report-one-promise": (
        "ange exakt en löftesfil",
        "name exactly one promise file",
    ),
    "people-init-exists": (
        "skriver inte över befintliga filer: {paths}",
        "will not overwrite existing files: {paths}",
    ),
    "people-init-done": (
        "Skrev {count} filer i {dir}. Läs {readme} för att komma igång.",
        "Wrote {count} files in {dir}. Read {readme} to get started.",
    ),
}
