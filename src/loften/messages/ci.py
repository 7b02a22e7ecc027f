"""Messages: ``validate``, ``schema`` and the CI formats (GitHub, JUnit, SARIF).

Code -> (Swedish, English).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # validate: what was and was not checked (SPEC §5.9)
    "validate-no-promise": (
        "ingen löftesfil nämner {count:p:loggen:de här {count} loggarna}, så typer, parter och "
        "platser kontrollerades inte och okända kolumner visas som notiser (ange löftet också: "
        "loften validate promises/LÖFTE.yaml …)",
        "no promise names {count:p:this log:these {count} logs}, so types, parties and places "
        "were not checked and unknown columns are shown as notices (name the promise too: "
        "loften validate promises/PROMISE.yaml …)",
    ),
    "validate-promise-invalid": (
        "löftet har fel, så dess loggar kontrollerades utan löftets ordlista "
        "(typer, parter, platser och columns)",
        "the promise has errors, so its logs were checked without its vocabulary "
        "(types, parties, places and columns)",
    ),
    "validate-owner-invalid": (
        "löftet {promise} som nämner loggen har fel, så typer, parter och platser "
        "kontrollerades inte",
        "the promise {promise} that names this log has errors, so types, parties and places "
        "were not checked",
    ),
    "validate-file-type": (
        "'{path}' kan inte kontrolleras: loften läser .yaml, .yml, .csv, .tsv, .txt och .xlsx",
        "'{path}' cannot be checked: loften reads .yaml, .yml, .csv, .tsv, .txt and .xlsx",
    ),
    "validate-summary-valid": (
        "inga fel i {files} {files:p:fil:filer}",
        "no errors in {files} {files:p:file:files}",
    ),
    "validate-summary-invalid": (
        "{errors} fel i {bad} av {files} {files:p:fil:filer}",
        "{errors} {errors:p:error:errors} in {bad} of {files} {files:p:file:files}",
    ),
    "validate-summary-warnings": (
        ", {warnings} {warnings:p:varning:varningar}",
        ", {warnings} {warnings:p:warning:warnings}",
    ),
    "usage-path-missing": (
        "'{path}' finns inte",
        "'{path}' does not exist",
    ),
    "usage-schema": (
        "okänt schema '{text}'; välj promise eller log",
        "unknown schema '{text}'; choose promise or log",
    ),
    # severities in the text format (errors carry no word, as yamllint's parsable format)
    "severity-warning": ("varning", "warning"),
    "severity-notice": ("obs", "note"),
    # GitHub step summary and annotations
    "ci-validate-heading": ("loften validate", "loften validate"),
    "ci-check-heading": ("loften check – {title}", "loften check – {title}"),
    "ci-col-place": ("Plats", "Place"),
    "ci-col-message": ("Meddelande", "Message"),
    "ci-col-rule": ("Regel", "Rule"),
    "ci-col-status": ("Status", "Status"),
    "ci-col-result": ("Resultat", "Result"),
    "ci-more": (
        "… och {count} till",
        "… and {count} more",
    ),
    "ci-summary-write-failed": (
        "kunde inte skriva sammanfattningen till {path}: {reason}",
        "could not write the summary to {path}: {reason}",
    ),
    "ci-check-notice": (
        "{title}: {status} ({summary})",
        "{title}: {status} ({summary})",
    ),
    "ci-strict": (
        "räknas som fel med --strict",
        "counts as a failure with --strict",
    ),
    # JUnit
    "junit-counted": ("räknade: {refs}", "counted: {refs}"),
    "junit-not-started": (
        "perioden har inte börjat {date}",
        "the bucket has not started on {date}",
    ),
    # JSON Schema (loften schema): the fields of a log entry (SPEC §3.1, §3.2)
    "schema-log-title": ("loften: aktivitetslogg", "loften: activity log"),
    "schema-log-description": (
        "En lista med aktiviteter (eller intyganden), eller en mappning vars nyckel "
        "activities håller listan. Nycklar kan skrivas på svenska eller engelska; "
        "andra nycklar sparas som extra fält.",
        "A list of activities (or attestations), or a mapping whose key activities holds "
        "the list. Keys may be written in Swedish or English; other keys are kept as extra "
        "fields.",
    ),
    "schema-promise-title": ("loften: medborgarlöfte", "loften: citizen promise"),
    "schema-alias": ("samma som {field}", "same as {field}"),
    "schema-field-date": (
        "startdatum (ÅÅÅÅ-MM-DD) eller datum och tid (ÅÅÅÅ-MM-DDTHH:MM); krävs",
        "start date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM); required",
    ),
    "schema-field-time": ("starttid, HH:MM", "start time, HH:MM"),
    "schema-field-end_time": ("sluttid, HH:MM", "end time, HH:MM"),
    "schema-field-end": ("slutdatum, inklusive", "end date, inclusive"),
    "schema-field-days": (
        "antal dagar (standard: från slutdatum, annars 1)",
        "number of days (default: from end, else 1)",
    ),
    "schema-field-hours": ("timmar; 2,5 eller 1:30", "hours; 2.5, 2,5 or 1:30"),
    "schema-field-type": (
        "aktivitetstyp: ett id eller alias ur löftets activity_types; krävs",
        "activity type: an id or alias from the promise's activity_types; required",
    ),
    "schema-field-party": (
        "part eller parter (polis|kommun); krävs",
        "party or parties (polis|kommun); required",
    ),
    "schema-field-place": ("plats", "place"),
    "schema-field-tags": ("taggar: en lista, eller a|b", "tags: a list, or a|b"),
    "schema-field-participants": ("antal deltagare", "number of participants"),
    "schema-field-id": (
        "id, unikt i alla löftets loggar",
        "id, unique across all logs of the promise",
    ),
    "schema-field-notes": (
        "anteckning; visas bara med --with-notes",
        "notes; shown only with --with-notes",
    ),
    "schema-field-status": (
        "genomförd (standard), planerad, inställd; för intyganden genomförd, delvis, ej genomförd",
        "done (default), planned, cancelled; for attestations done, partial, not-done",
    ),
    "schema-field-quantity": (
        "antal tillfällen som raden står för",
        "how many times the row counts",
    ),
    "schema-field-answers": (
        "id för den begäran som aktiviteten svarar på",
        "id of the request this activity answers",
    ),
    "schema-field-same_as": (
        "id för samma gemensamma aktivitet i en annan parts logg",
        "id of the same joint activity in another party's log",
    ),
    "schema-field-attests": (
        "intygande: åtagandets id, eller åtagande/regel",
        "attestation: the commitment id, or commitment/rule",
    ),
    "schema-field-by": ("vem som intygar", "who attests"),
    "schema-field-evidence": (
        "underlag: en länk eller ett dokument; krävs för intyganden",
        "evidence: a link or a document; required for attestations",
    ),
    "schema-field-bucket": (
        "den period intygandet gäller (t.ex. 2020)",
        "the bucket the attestation speaks for (e.g. 2020)",
    ),
}
