"""Messages: loading activity logs (SPEC §3, §5.1). Code -> (Swedish, English).

Fields are named with ``{field_sv}`` in Swedish and ``{field}`` in English.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # sources and files
    "log-path-missing": (
        "loggen '{path}' finns inte",
        "the log '{path}' does not exist",
    ),
    "log-path-unreadable": (
        "loggen '{path}' kan inte läsas: {reason}",
        "the log '{path}' cannot be read: {reason}",
    ),
    "log-path-invalid": (
        "sökvägen '{path}' innehåller ett nolltecken och kan inte vara en fil",
        "the path '{path}' holds a NUL character and cannot be a file",
    ),
    "log-file-type": (
        "'{path}' kan inte läsas som logg: loften läser .yaml, .yml, .csv, .tsv, .txt och .xlsx",
        "'{path}' cannot be read as a log: loften reads .yaml, .yml, .csv, .tsv, .txt and .xlsx",
    ),
    "log-sheet-not-workbook": (
        "bladet '{sheet}' kan bara anges för en Excel-fil (.xlsx)",
        "the sheet '{sheet}' can only be given for an Excel file (.xlsx)",
    ),
    "log-folder-empty": (
        "mappen '{path}' innehåller inga loggfiler",
        "the folder '{path}' holds no log files",
    ),
    "log-listed-twice": (
        "'{path}' finns redan bland loggarna och läses bara en gång",
        "'{path}' is already among the logs and is read only once",
    ),
    "log-file-unreadable": (
        "filen kan inte läsas: {reason}",
        "the file cannot be read: {reason}",
    ),
    "log-file-empty": (
        "filen är tom",
        "the file is empty",
    ),
    "log-file-too-large": (
        "filen är {size} MB, över gränsen på {limit} MB: dela upp loggen per år eller part, "
        "eller höj gränsen med miljövariabeln LOFTEN_MAX_FILE_MB",
        "the file is {size} MB, over the limit of {limit} MB: split the log by year or party, "
        "or raise the limit with the environment variable LOFTEN_MAX_FILE_MB",
    ),
    "log-wrong-kind": (
        "filen är {what_sv}, inte {expected_sv}: spara loggen som CSV UTF-8, YAML "
        "eller Excel-arbetsbok (.xlsx)",
        "the file is {what}, not {expected}: save the log as CSV UTF-8, YAML "
        "or an Excel workbook (.xlsx)",
    ),
    "log-is-workbook": (
        "filen är en Excel-arbetsbok, inte {expected_sv}: ge den ändelsen .xlsx",
        "the file is an Excel workbook, not {expected}: give it the extension .xlsx",
    ),
    # CSV and Excel
    "csv-cp1252": (
        "filen är inte sparad som UTF-8 och har lästs som Windows-1252: kontrollera å, ä och ö, "
        "eller spara den som CSV UTF-8",
        "the file is not saved as UTF-8 and was read as Windows-1252: check å, ä and ö, "
        "or save it as CSV UTF-8",
    ),
    "csv-bad-utf16": (
        "filen börjar som UTF-16 men går inte att avkoda: spara den som CSV UTF-8",
        "the file starts as UTF-16 but cannot be decoded: save it as CSV UTF-8",
    ),
    "csv-binary": (
        "filen är ingen textfil: spara loggen som CSV UTF-8 eller som Excel-arbetsbok (.xlsx)",
        "the file is not a text file: save the log as CSV UTF-8 or as an Excel workbook (.xlsx)",
    ),
    "csv-workbook": (
        "filen är en Excel-arbetsbok, inte CSV: ge den ändelsen .xlsx eller spara den som CSV",
        "the file is an Excel workbook, not CSV: give it the extension .xlsx or save it as CSV",
    ),
    "csv-syntax": (
        "raden kan inte läsas som CSV ({reason}): saknas ett avslutande citattecken?",
        "the row cannot be read as CSV ({reason}): is a closing quote missing?",
    ),
    "csv-unclosed-quote": (
        "citattecknet som öppnar en cell på den här raden stängs aldrig, så resten av filen "
        "blev en enda cell: lägg till det avslutande citattecknet",
        "the quote that opens a cell on this row is never closed, so the rest of the file "
        "became one cell: add the closing quote",
    ),
    "csv-after-quote": (
        "efter ett avslutande citattecken ska avgränsaren eller radslut följa: "
        'skriv "" för ett citattecken inne i en cell',
        "a closing quote must be followed by the delimiter or the end of the line: "
        'write "" for a quote inside a cell',
    ),
    "csv-cell-too-large": (
        "en cell på raden är längre än {limit} tecken: saknas ett avslutande citattecken?",
        "a cell on the row is longer than {limit} characters: is a closing quote missing?",
    ),
    "table-no-header": (
        "filen saknar rubrikrad",
        "the file has no header row",
    ),
    "column-missing": (
        "kolumnen för {field_sv} saknas; rubrikerna är: {headers}",
        "there is no column for {field}; the headers are: {headers}",
    ),
    "column-missing-typo": (
        "kolumnen för {field_sv} saknas; är rubriken '{name}' felstavad? Rubrikerna är: {headers}",
        "there is no column for {field}; is the header '{name}' misspelt? "
        "The headers are: {headers}",
    ),
    "column-blank-header": (
        "kolumn {column} har värden men saknar rubrik; värdena läses inte",
        "column {column} has values but no header; its values are not read",
    ),
    "column-unknown": (
        "'{name}' är inget känt fält och sparas som extra fält",
        "'{name}' is not a known field and is kept as an extra field",
    ),
    "row-too-many-cells": (
        "raden har {cells} celler men rubrikraden bara {headers} (den första utan rubrik: "
        "'{value}'); ett värde som innehåller avgränsaren, som 2,5 i en kommaseparerad fil, "
        "ska stå inom citattecken",
        "the row has {cells} cells but the header row only {headers} (the first without a "
        "header: '{value}'); a value that holds the delimiter, such as 2,5 in a "
        "comma-separated file, must be in quotes",
    ),
    "row-value-outside-header": (
        "raden har ett värde i kolumn {column} ('{value}'), till höger om rubrikraden: "
        "ge kolumnen en rubrik eller ta bort värdet",
        "the row has a value in column {column} ('{value}'), right of the header row: "
        "give the column a header or remove the value",
    ),
    "xlsx-unreadable": (
        "filen kan inte läsas som Excel-arbetsbok (.xlsx): {reason}",
        "the file cannot be read as an Excel workbook (.xlsx): {reason}",
    ),
    "xlsx-password": (
        "arbetsboken är lösenordsskyddad: spara en kopia utan lösenord",
        "the workbook is password-protected: save a copy without a password",
    ),
    "xlsx-is-text": (
        "filen är en textfil, inte en Excel-arbetsbok: ge den ändelsen .csv "
        "(eller .yaml om den är skriven i YAML)",
        "the file is a text file, not an Excel workbook: give it the extension .csv "
        "(or .yaml if it is written in YAML)",
    ),
    "xlsx-too-many-cells": (
        "bladet har värden ända ut till cell {cell}, fler celler än de {millions} miljoner "
        "som loften läser per blad: ta bort innehållet långt ner eller långt till höger",
        "the sheet has values as far as cell {cell}, more cells than the {millions} million "
        "loften reads per sheet: remove the content far down or far to the right",
    ),
    "xlsx-too-large": (
        "arbetsboken packas upp till mer än {limit} MB: filen avvisas",
        "the workbook unpacks to more than {limit} MB: the file is refused",
    ),
    "xlsx-error-cell": (
        "cellen innehåller Excel-felet {value}: rätta formeln eller skriv in värdet",
        "the cell holds the Excel error {value}: fix the formula or type in the value",
    ),
    "xlsx-formula-no-value": (
        "cellen har en formel men inget sparat värde: öppna arbetsboken i Excel och spara "
        "den igen, eller skriv in värdet",
        "the cell has a formula but no saved value: open the workbook in Excel and save it "
        "again, or type in the value",
    ),
    "xlsx-no-sheets": (
        "arbetsboken har inga blad",
        "the workbook has no sheets",
    ),
    "xlsx-sheet-unknown": (
        "arbetsboken har inget blad '{sheet}'; bladen är: {sheets}",
        "the workbook has no sheet '{sheet}'; its sheets are: {sheets}",
    ),
    "xlsx-sheet-unknown-suggest": (
        "arbetsboken har inget blad '{sheet}'; menade du '{suggestion}'? Bladen är: {sheets}",
        "the workbook has no sheet '{sheet}'; did you mean '{suggestion}'? "
        "Its sheets are: {sheets}",
    ),
    # YAML entries
    "entry-not-mapping": (
        "varje post i loggen ska vara en mappning med fält (datum: …, typ: …)",
        "each log entry must be a mapping of fields (date: …, type: …)",
    ),
    "field-name-invalid": (
        "fältnamnet '{name}' ska börja med en bokstav; skriv decimaltal med punkt "
        "eller inom citattecken ('2,5')",
        "the field name '{name}' must start with a letter; write decimals with a point "
        "or in quotes ('2,5')",
    ),
    "field-not-scalar": (
        "'{name}' ska ha ett enkelt värde, inte en mappning",
        "'{name}' must have a plain value, not a mapping",
    ),
    "field-list-item": (
        "varje värde i listan '{name}' ska vara en text",
        "each value in the list '{name}' must be a text",
    ),
    "field-not-list": (
        "'{name}' kan inte ha flera värden; bara part och taggar kan det",
        "'{name}' cannot have several values; only party and tags can",
    ),
    "field-twice": (
        "både '{first}' och '{second}' anger {field_sv}; behåll en av dem",
        "both '{first}' and '{second}' give the {field}; keep one of them",
    ),
    # one entry
    "field-missing": (
        "{field_sv} saknas",
        "the {field} is missing",
    ),
    "field-missing-typo": (
        "{field_sv} saknas; är '{name}' felstavat?",
        "the {field} is missing; is '{name}' misspelt?",
    ),
    "time-twice": (
        "klockslaget anges två gånger: {date_time} i datum och {time} i tid",
        "the time is given twice: {date_time} in the date and {time} in the time",
    ),
    "end-before-date": (
        "slutdatum {end} ligger före datum {date}",
        "the end {end} is before the date {date}",
    ),
    "days-disagree": (
        "{days} {days:p:dag:dagar} stämmer inte med {date} till {end}, som är {length} "
        "{length:p:dag:dagar}",
        "{days} {days:p:day:days} does not agree with {date} to {end}, which is {length} "
        "{length:p:day:days}",
    ),
    "days-not-positive": (
        "antal dagar '{value}' ska vara större än noll",
        "the number of days '{value}' must be greater than zero",
    ),
    "days-too-many": (
        "{days} dagar räcker längre än kalendern",
        "{days} days reach past the calendar",
    ),
    "type-unknown": (
        "okänd aktivitetstyp '{value}'; kända typer: {known}",
        "unknown activity type '{value}'; known types: {known}",
    ),
    "type-unknown-suggest": (
        "okänd aktivitetstyp '{value}'; menade du '{suggestion}'?",
        "unknown activity type '{value}'; did you mean '{suggestion}'?",
    ),
    "party-unknown": (
        "okänd part '{value}'; kända parter: {known}",
        "unknown party '{value}'; known parties: {known}",
    ),
    "party-unknown-suggest": (
        "okänd part '{value}'; menade du '{suggestion}'?",
        "unknown party '{value}'; did you mean '{suggestion}'?",
    ),
    "place-unknown": (
        "okänd plats '{value}'; kända platser: {known}",
        "unknown place '{value}'; known places: {known}",
    ),
    "place-unknown-suggest": (
        "okänd plats '{value}'; menade du '{suggestion}'?",
        "unknown place '{value}'; did you mean '{suggestion}'?",
    ),
    "place-kept": (
        "platsen '{value}' finns inte bland löftets platser och sparas som text",
        "the place '{value}' is not among the promise's places and is kept as text",
    ),
    "attestation-field": (
        "ett intygande har inget fält '{name}'",
        "an attestation has no field '{name}'",
    ),
    "attestation-field-suggest": (
        "ett intygande har inget fält '{name}'; menade du '{suggestion}'?",
        "an attestation has no field '{name}'; did you mean '{suggestion}'?",
    ),
    # across files
    "id-duplicate": (
        "id '{id}' finns redan på {first}",
        "the id '{id}' is already used at {first}",
    ),
    "same-as-unknown": (
        "samma_som pekar på id '{id}', som inte finns i loggarna",
        "same_as names the id '{id}', which is not in the logs",
    ),
    "same-as-unknown-suggest": (
        "samma_som pekar på id '{id}', som inte finns i loggarna; menade du '{suggestion}'?",
        "same_as names the id '{id}', which is not in the logs; did you mean '{suggestion}'?",
    ),
    "same-as-self": (
        "samma_som pekar på aktiviteten själv ('{id}')",
        "same_as names the activity itself ('{id}')",
    ),
    "same-as-chain": (
        "samma_som pekar på '{id}', som i sin tur pekar på '{next}'; peka direkt på "
        "den aktivitet som räknas",
        "same_as names '{id}', which itself names '{next}'; point straight at the activity "
        "that counts",
    ),
    "answers-unknown": (
        "svarar pekar på id '{id}', som inte finns i loggarna",
        "answers names the id '{id}', which is not in the logs",
    ),
    "answers-unknown-suggest": (
        "svarar pekar på id '{id}', som inte finns i loggarna; menade du '{suggestion}'?",
        "answers names the id '{id}', which is not in the logs; did you mean '{suggestion}'?",
    ),
}
