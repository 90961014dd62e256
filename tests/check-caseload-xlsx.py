#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a duty-record workbook back with openpyxl and checks what a reader sees:
#   check-caseload-xlsx.py FILE "SHEET|HEADER1|HEADER2|NAME|label=value|…"
# Every cell must be a string (never a formula), the sheet name and headers as given, the
# deputy's name present, and each label's value in the next column.

import sys

import openpyxl


def main():
    path, expect = sys.argv[1], sys.argv[2].split("|")
    sheet_name, header_item, header_value, name = expect[:4]
    pairs = [item.split("=", 1) for item in expect[4:]]

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [sheet_name], book.sheetnames
    sheet = book[sheet_name]

    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                assert cell.data_type == "s", (cell.coordinate, cell.data_type)
                assert not str(cell.value).startswith("="), cell.coordinate

    assert any(row[:2] == [header_item, header_value] for row in rows), rows
    header_row = next(r for r in sheet.iter_rows() if r[0].value == header_item)
    assert header_row[0].font.b and header_row[1].font.b, "headers are not bold"
    assert any(name in (row[0] or "") for row in rows), name
    assert sheet.column_dimensions["A"].width >= 20, sheet.column_dimensions["A"].width

    values = {row[0]: row[1] for row in rows if len(row) > 1 and row[0] is not None}
    for label, value in pairs:
        assert values.get(label) == value, (label, values.get(label), value)
    print("ok")


if __name__ == "__main__":
    main()
