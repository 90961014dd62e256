#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# What a scripter would write: the same rows and cells as bench-export-bare (the Concerns and
# Deputies sheets), with openpyxl in write-only mode.
#   bench-export-openpyxl.py DB OUT.xlsx FROM_UTC TO_UTC
import datetime
import sqlite3
import sys

import openpyxl
from openpyxl.cell import WriteOnlyCell

db_path, out, from_utc, to_utc = sys.argv[1:5]
db = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet('Concerns')
ws.append(['header'] * 14)


def date(text):
    if text is None:
        return None
    cell = WriteOnlyCell(ws, value=datetime.date.fromisoformat(text))
    cell.number_format = 'yyyy-mm-dd'
    return cell


n = 0
for r in db.execute(
        "SELECT c.ref_year, c.ref_seq, date(c.received_at, 'localtime'), ch.seed_key, r.name,"
        " r.phone, r.community, cc.seed_key, c.subject, c.state, u.name, c.due_date,"
        " c.concluded_date, c.satisfaction"
        " FROM concerns AS c LEFT JOIN residents AS r ON r.id = c.resident_id"
        " JOIN channels AS ch ON ch.id = c.channel_id"
        " JOIN concern_categories AS cc ON cc.id = c.category_id"
        " LEFT JOIN units AS u ON u.id = c.unit_id"
        " WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id",
        (from_utc, to_utc)):
    n += 1
    ws.append([n, f'{r[0]}-{r[1]:04d}', date(r[2])] + list(r[3:11])
              + [date(r[11]), date(r[12]), r[13]])
ws = wb.create_sheet('Deputies')
ws.append(['header'] * 8)
for r in db.execute("SELECT name, level FROM deputies ORDER BY name, id"):
    ws.append([r[0], r[1], 0, 0, 0, 0, 0, 0])
wb.save(out)
print(n, 'rows')
