"""Write the Excel template that ``loften init`` ships: ``aktiviteter.xlsx``.

Run once when the starter promise's vocabulary changes; the file is committed as
package data, so loften needs no Excel writer at run time:

    python tools/make_excel_template.py

The first sheet, *Aktiviteter*, has the Swedish headers loften reads, date and time
formats, drop-down lists of the starter promise's activity types and parties, and a
frozen header row. No example rows: every row counts as an activity. The second
sheet explains the columns; loften reads only the first.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

TARGET = Path(__file__).parent.parent / "src/loften/starter/logs/medborgarlofte/aktiviteter.xlsx"
TYPES = ["riktad-insats", "centrumvard", "trygghetsvandring"]
PARTIES = ["polis", "kommun", "polis|kommun"]
COLUMNS = [
    ("Datum", 12, "yyyy-mm-dd", "Dagen aktiviteten började, ÅÅÅÅ-MM-DD. Krävs."),
    ("Tid", 8, "hh:mm", "Starttid, TT:MM. Kvällar (18–24) och nätter räknas ut av tiden."),
    ("Aktivitet", 20, "@", "Aktivitetstypens id ur löftet (listan). Krävs."),
    ("Part", 14, "@", "Vem som gjorde det: polis, kommun eller polis|kommun. Krävs."),
    ("Plats", 18, "@", "Platsen, som löftet namnger den."),
    ("Timmar", 8, "0.0", "Antal timmar, med decimalkomma."),
    ("Taggar", 18, "@", "Målgrupp eller inriktning; flera skiljs med |, t.ex. ungdomar|narkotika."),
    ("Deltagare", 10, "0", "Antal deltagare."),
    ("Id", 10, "@", "Eget id, om en annan rad ska kunna peka hit (samma_som, svarar)."),
    ("Kommentar", 40, "@", "Visas bara med --with-notes: skriv inga personuppgifter."),
]
ROWS = 2000


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Aktiviteter"
    for col, (name, width, fmt, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col, value=name)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        ws.column_dimensions[letter].width = width
        for row in range(2, ROWS + 2):
            ws.cell(row=row, column=col).number_format = fmt
    ws.freeze_panes = "A2"
    for values, letter in ((TYPES, "C"), (PARTIES, "D")):
        check = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        check.add(f"{letter}2:{letter}{ROWS + 1}")
        ws.add_data_validation(check)
    help_sheet = wb.create_sheet("Instruktioner")
    help_sheet.column_dimensions["A"].width = 14
    help_sheet.column_dimensions["B"].width = 90
    help_sheet.append(["Kolumn", "Vad du skriver"])
    for name, _, _, text in COLUMNS:
        help_sheet.append([name, text])
    help_sheet.append([])
    help_sheet.append(["", "loften läser bara det första bladet. Spara som .xlsx i loggmappen."])
    fixed = datetime(2026, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "loften"
    wb.save(TARGET)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
