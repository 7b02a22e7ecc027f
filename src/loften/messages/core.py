"""Messages: the promise spec and the command line. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # files
    "file-not-found": ("filen finns inte", "file not found"),
    "file-unreadable": ("filen kan inte läsas: {reason}", "cannot read the file: {reason}"),
    "promise-empty": ("löftesfilen är tom", "the promise file is empty"),
    "promise-not-mapping": (
        "ett medborgarlöfte ska vara en mappning med nycklar som loften, id och commitments",
        "a promise must be a mapping with keys such as loften, id and commitments",
    ),
    "no-promises": (
        "hittade inga löften: ange en fil, eller lägg löften i promises/*.yaml",
        "no promises found: name a file, or put promises in promises/*.yaml",
    ),
    # structure
    "unknown-key": ("okänd nyckel '{key}'{hint:hint}", "unknown key '{key}'{hint:hint}"),
    "missing-key": ("nyckeln '{key}' saknas", "the key '{key}' is missing"),
    "unknown-kind": ("okänd regeltyp '{kind}'{hint:hint}", "unknown rule kind '{kind}'{hint:hint}"),
    "expected-mapping": (
        "här ska det stå en mappning (nyckel: värde)",
        "a mapping (key: value) is expected here",
    ),
    "expected-list": ("här ska det stå en lista", "a list is expected here"),
    "expected-text": ("här ska det stå en text", "a text is expected here"),
    "expected-value": ("ett värde saknas", "a value is missing"),
    "expected-nonempty": ("listan får inte vara tom", "the list must not be empty"),
    "expected-year": ("'{text}' är inget årtal (ÅÅÅÅ)", "'{text}' is not a year (YYYY)"),
    "invalid-choice": (
        "'{text}' är inte tillåtet; välj {expected}",
        "'{text}' is not allowed; choose {expected}",
    ),
    "invalid-value": ("ogiltigt värde: {detail}", "invalid value: {detail}"),
    "invalid-id": (
        "ogiltigt id '{text}': använd små bokstäver a–ö, siffror och bindestreck",
        "invalid id '{text}': use lower-case letters a–ö, digits and hyphens",
    ),
    "format-version": (
        "okänd formatversion '{text}': skriv loften: 1",
        "unknown format version '{text}': write loften: 1",
    ),
    "kommunkod": (
        "kommunkoden '{text}' ska vara fyra siffror, inom citattecken",
        "the municipality code '{text}' must be four digits, in quotes",
    ),
    "period-end-before-start": (
        "perioden slutar före den börjar",
        "the period ends before it starts",
    ),
    "until-before-from": ("'until' ligger före 'from'", "'until' is before 'from'"),
    # references
    "unknown-party": ("okänd part '{text}'{hint:hint}", "unknown party '{text}'{hint:hint}"),
    "unknown-place": ("okänd plats '{text}'{hint:hint}", "unknown place '{text}'{hint:hint}"),
    "alias-ambiguous": (
        "aliaset '{alias}' pekar på både '{first}' och '{second}'",
        "the alias '{alias}' names both '{first}' and '{second}'",
    ),
    "rule-id-duplicate": (
        "regel-id '{id}' finns redan i åtagandet",
        "rule id '{id}' is used twice in the commitment",
    ),
    "commitment-id-duplicate": (
        "åtagande-id '{id}' finns redan",
        "commitment id '{id}' is used twice",
    ),
    "exception-unknown-rule": (
        "undantaget gäller en okänd regel '{text}'{hint:hint}",
        "the exception names an unknown rule '{text}'{hint:hint}",
    ),
    "exception-one-target": (
        "ett undantag anger antingen bucket, buckets eller from/until",
        "an exception names either bucket, buckets or from/until",
    ),
    "exception-unknown-bucket": (
        "undantaget för {rule} anger ingen period eller post som regeln har",
        "the exception for {rule} names no bucket or item of the rule",
    ),
    # filters
    "filter-unknown-field": (
        "okänt fält '{field}' i filtret{hint:hint}",
        "unknown field '{field}' in the filter{hint:hint}",
    ),
    "filter-field-name": (
        "fältnamnet '{field}' ska börja med en bokstav",
        "the field name '{field}' must start with a letter",
    ),
    "filter-unknown-type": (
        "okänd aktivitetstyp '{text}'{hint:hint}",
        "unknown activity type '{text}'{hint:hint}",
    ),
    "filter-unknown-party": ("okänd part '{text}'{hint:hint}", "unknown party '{text}'{hint:hint}"),
    "filter-unknown-place": (
        "okänd plats '{text}'{hint:hint}",
        "unknown place '{text}'{hint:hint}",
    ),
    "filter-unknown-operator": (
        "okänt villkor '{key}'{suggestion:hint}",
        "unknown condition '{key}'{suggestion:hint}",
    ),
    "filter-one-operator": (
        "ett villkor har en enda nyckel, inte {keys}",
        "a condition has one key, not {keys}",
    ),
    "filter-expected-list": ("'{key}' ska följas av en lista", "'{key}' takes a list"),
    "filter-expected-scalar": (
        "här ska det stå ett enkelt värde",
        "a single value is expected here",
    ),
    "filter-empty-value": ("villkoret saknar värde", "the condition has no value"),
    "filter-between-two": (
        "'between' tar två värden, inte {count}",
        "'between' takes two values, not {count}",
    ),
    "filter-all-not-list": (
        "'all' gäller bara listfält som party och tags, inte '{field}'",
        "'all' applies only to list fields such as party and tags, not '{field}'",
    ),
    "filter-not-comparable": (
        "fältet '{field}' kan inte jämföras med at_least/at_most",
        "the field '{field}' cannot be compared with at_least/at_most",
    ),
    # bounds
    "bound-missing": (
        "regeln saknar gräns: ange at_least, at_most eller exactly",
        "the rule has no bound: give at_least, at_most or exactly",
    ),
    "bound-exactly-alone": (
        "exactly kan inte kombineras med at_least eller at_most",
        "exactly cannot be combined with at_least or at_most",
    ),
    "bound-empty-range": ("at_least är större än at_most", "at_least is larger than at_most"),
    "prorate-exactly": (
        "prorate kan inte användas med exactly",
        "prorate cannot be used with exactly",
    ),
    "new-needs-distinct": ("new kräver distinct", "new needs distinct"),
    # command line
    "usage-as-of": (
        "ogiltigt datum för --as-of: '{text}' (skriv ÅÅÅÅ-MM-DD)",
        "invalid --as-of date: '{text}' (write YYYY-MM-DD)",
    ),
    "usage-format": (
        "okänt format '{text}'; välj {choices}",
        "unknown format '{text}'; choose {choices}",
    ),
    "usage-lang": (
        "okänt språk '{text}'; välj sv eller en",
        "unknown language '{text}'; choose sv or en",
    ),
    "usage-max-file-mb": (
        "ogiltigt värde i LOFTEN_MAX_FILE_MB: '{text}' (skriv ett antal megabyte, till exempel 500)",
        "invalid LOFTEN_MAX_FILE_MB: '{text}' (write a number of megabytes, for example 500)",
    ),
    "write-failed": ("kunde inte skriva {path}: {reason}", "could not write {path}: {reason}"),
    "errors-more": (
        "… och {count} {count:p:problem till:problem till}",
        "… and {count} more {count:p:problem:problems}",
    ),
}
