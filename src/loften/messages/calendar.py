"""Messages: calendar. Code -> (Swedish, English).

Month, weekday and holiday names, the human forms of bucket labels (§2.2, §5.8),
season words, and the errors of weekday, season and ``by`` parsing. Swedish month,
weekday and holiday names are written as in running text: lower case, except
*Kristi* in Kristi himmelsfärdsdag.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Months, 1-12.
    "cal-month-1": ("januari", "January"),
    "cal-month-2": ("februari", "February"),
    "cal-month-3": ("mars", "March"),
    "cal-month-4": ("april", "April"),
    "cal-month-5": ("maj", "May"),
    "cal-month-6": ("juni", "June"),
    "cal-month-7": ("juli", "July"),
    "cal-month-8": ("augusti", "August"),
    "cal-month-9": ("september", "September"),
    "cal-month-10": ("oktober", "October"),
    "cal-month-11": ("november", "November"),
    "cal-month-12": ("december", "December"),
    # Weekdays, 0 = Monday (as date.weekday()).
    "cal-weekday-0": ("måndag", "Monday"),
    "cal-weekday-1": ("tisdag", "Tuesday"),
    "cal-weekday-2": ("onsdag", "Wednesday"),
    "cal-weekday-3": ("torsdag", "Thursday"),
    "cal-weekday-4": ("fredag", "Friday"),
    "cal-weekday-5": ("lördag", "Saturday"),
    "cal-weekday-6": ("söndag", "Sunday"),
    # Dates and bucket labels in prose.
    "cal-date": ("{day} {month} {year}", "{day} {month} {year}"),
    "cal-month-year": ("{month} {year}", "{month} {year}"),
    "cal-week": ("v. {week} {year}", "week {week} {year}"),
    "cal-quarter": ("kvartal {quarter} {year}", "Q{quarter} {year}"),
    "cal-half-1": ("första halvåret {year}", "H1 {year}"),
    "cal-half-2": ("andra halvåret {year}", "H2 {year}"),
    "cal-total": ("hela perioden", "whole period"),
    "cal-range": ("{first}–{last}", "{first}–{last}"),
    # Seasons of the default `seasons:` (§2), as a `by` is shown in a report.
    "cal-season-var": ("våren {year}", "spring {year}"),
    "cal-season-host": ("hösten {year}", "autumn {year}"),
    "cal-season-custom": ("{season} {year}", "{season} {year}"),
    # Allmänna helgdagar (§5.3), keyed by the `holidays` package's Swedish name.
    "cal-holiday-nyarsdagen": ("nyårsdagen", "New Year's Day"),
    "cal-holiday-trettondedag-jul": ("trettondedag jul", "Epiphany"),
    "cal-holiday-marie-bebadelsedag": ("Marie bebådelsedag", "Annunciation Day"),
    "cal-holiday-langfredagen": ("långfredagen", "Good Friday"),
    "cal-holiday-paskdagen": ("påskdagen", "Easter Sunday"),
    "cal-holiday-annandag-pask": ("annandag påsk", "Easter Monday"),
    "cal-holiday-forsta-maj": ("första maj", "May Day"),
    "cal-holiday-kristi-himmelsfardsdag": ("Kristi himmelsfärdsdag", "Ascension Day"),
    "cal-holiday-nationaldagen": ("nationaldagen", "National Day of Sweden"),
    "cal-holiday-pingstdagen": ("pingstdagen", "Whit Sunday"),
    "cal-holiday-annandag-pingst": ("annandag pingst", "Whit Monday"),
    "cal-holiday-midsommardagen": ("midsommardagen", "Midsummer Day"),
    "cal-holiday-alla-helgons-dag": ("alla helgons dag", "All Saints' Day"),
    "cal-holiday-juldagen": ("juldagen", "Christmas Day"),
    "cal-holiday-annandag-jul": ("annandag jul", "Boxing Day"),
    "cal-holiday-pair": ("{first} och {second}", "{first} and {second}"),
    # Errors.
    "weekday-unknown": (
        "okänd veckodag '{text}' – menade du '{suggestion}'?",
        "unknown weekday '{text}' – did you mean '{suggestion}'?",
    ),
    "season-unknown": (
        "okänd årstid '{text}' – menade du '{suggestion}'? Kända årstider: {known}",
        "unknown season '{text}' – did you mean '{suggestion}'? Known seasons: {known}",
    ),
    "season-invalid": (
        "'{text}' är ingen årstid med år; skriv till exempel 'våren 2020'",
        "'{text}' is not a season with a year; write for example 'spring 2020'",
    ),
    "season-bound-invalid": (
        "årstiden '{season}' har ett ogiltigt datum '{text}'; skriv MM-DD, till exempel 07-01",
        "season '{season}' has an invalid date '{text}'; write MM-DD, for example 07-01",
    ),
    "by-invalid": (
        "'{text}' är varken ett datum, ett år eller en årstid; "
        "skriv till exempel 2020-06-30, 2020 eller våren 2020",
        "'{text}' is neither a date, a year nor a season; "
        "write for example 2020-06-30, 2020 or spring 2020",
    ),
    "by-date-invalid": (
        "'{text}' är inget giltigt datum",
        "'{text}' is not a valid date",
    ),
}
