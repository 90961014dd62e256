#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads the district workbook back with openpyxl and checks it against figures computed here,
# from the fixture database with sqlite3 (never through Liaison Desk's code):
#
#   check-xlsx.py DB XLSX FROM TO STATION masked|unmasked MAX_ROWS OPERATOR office|no-office
#
# STATION 0 is every station; MAX_ROWS 0 means a sheet takes as many concerns as Excel allows.
# The text rules checked are those documented in src/core/ld-xlsx-export.c.

import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from zoneinfo import ZoneInfo

import openpyxl

(db_path, xlsx_path, period_from, period_to, station, masking, max_rows, operator,
 office) = sys.argv[1:10]
station = int(station)
unmasked = masking == 'unmasked'
max_rows = int(max_rows) or 1048575
TZ = ZoneInfo('Asia/Shanghai')
CELL_MAX = 32767
MARK = '…[cut]'

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def equal(actual, expected, what):
    check(actual == expected, f'{what}: got {actual!r}, expected {expected!r}')


# ------------------------------------------------------------------ the database

db = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
db.text_factory = lambda b: b.decode('utf-8', 'replace')


def rows(sql, *args):
    return db.execute(sql, args).fetchall()


def one(sql, *args):
    return db.execute(sql, args).fetchone()[0]


def utc_bound(day, add):
    d = datetime.date.fromisoformat(day) + datetime.timedelta(days=add)
    local = datetime.datetime(d.year, d.month, d.day, tzinfo=TZ)
    return local.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


from_utc = utc_bound(period_from, 0)
to_utc = utc_bound(period_to, 1)


def local_date(instant):
    t = datetime.datetime.strptime(instant, '%Y-%m-%dT%H:%M:%SZ').replace(
        tzinfo=datetime.timezone.utc)
    return t.astimezone(TZ).date()


def in_station(alias):
    return f' AND {alias}.station_id = {station}' if station else ''


def in_period_date(day):
    return day is not None and period_from <= day <= period_to


def in_period_instant(instant):
    return from_utc <= instant < to_utc


concern_states = ['registered', 'answered', 'redirected', 'referred', 'converted', 'in_progress',
                  'concluded', 'feedback_given', 'closed']
concern_state_labels = dict(zip(concern_states, [
    'Registered', 'Answered on the Spot', 'Redirected', 'Referred', 'Converted to Suggestion',
    'In Progress', 'Concluded', 'Feedback Given', 'Closed']))
suggestion_states = ['draft', 'submitted', 'assigned', 'returned', 'answered', 'evaluated',
                     'rehandling', 'closed']
suggestion_state_labels = dict(zip(suggestion_states, [
    'Draft', 'Submitted', 'Assigned', 'Returned', 'Answered', 'Evaluated', 'Re-handling',
    'Closed']))
satisfaction_labels = {'satisfied': 'Satisfied', 'basically_satisfied': 'Basically Satisfied',
                       'dissatisfied': 'Dissatisfied'}
kind_labels = {'reception_day': 'Reception day', 'duty': 'Duty day',
               'visit_community': 'Visit to a community'}


def names(table):
    return {i: n for i, n in rows(f'SELECT id, name FROM {table}')}


categories = names('concern_categories')
channels = names('channels')
classes = names('answer_classes')
suggestion_categories = names('suggestion_categories')
units = names('units')

# ------------------------------------------------------------------ the documented cleaning


def clean(text):
    """What a cell must read as (after the reader's own _xHHHH_ unescaping): the text with
    control characters other than tab and newline removed, invalid UTF-8 as U+FFFD, cut to
    32,767 characters with a mark."""
    if text is None:
        return None
    out = ''.join(c for c in text
                  if not ((ord(c) < 0x20 and c not in '\t\n') or 0x7f <= ord(c) <= 0x9f
                          or c in '\ufffe\uffff'))

    def units(s, i):
        # what the writer counts for the character at i: an escaped underscore takes 7
        if s[i] == '_' and re.match(r'x[0-9A-Fa-f]{4}_', s[i + 1:i + 7]):
            return 7
        return 2 if ord(s[i]) > 0xffff else 1

    total = sum(units(out, i) for i in range(len(out)))
    if total > CELL_MAX:
        limit = CELL_MAX - len(MARK)
        used = 0
        for i in range(len(out)):
            used += units(out, i)
            if used > limit:
                out = out[:i] + MARK
                break
    return out


def unescape(value):
    """How Excel and LibreOffice read ST_Xstring: _xHHHH_ is the character HHHH."""
    if not isinstance(value, str):
        return value
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), value)


def mask_name(name):
    return name[0] + '*' * (len(name) - 1)


def mask_phone(phone):
    return phone[:3] + '*' * (len(phone) - 7) + phone[-4:]


# ------------------------------------------------------------------ the workbook

wb = openpyxl.load_workbook(xlsx_path)
n_concerns = one('SELECT count(*) FROM concerns AS c WHERE c.received_at >= ? AND'
                 ' c.received_at < ?' + in_station('c'), from_utc, to_utc)
concern_sheets = max(1, -(-n_concerns // max_rows))
expected_sheets = ['Summary', 'Reception days', 'Concerns'] + [
    f'Concerns ({i})' for i in range(2, concern_sheets + 1)] + ['Suggestions', 'Deputies']
equal(wb.sheetnames, expected_sheets, 'sheets')


def value(ws, row, col):
    return unescape(ws.cell(row=row, column=col).value)


def check_date(ws, row, col, expected, what):
    cell = ws.cell(row=row, column=col)
    if expected is None:
        equal(cell.value, None, what)
        return
    check(isinstance(cell.value, datetime.datetime),
          f'{what}: not a real date but {cell.value!r}')
    if isinstance(cell.value, datetime.datetime):
        equal(cell.value.date(), datetime.date.fromisoformat(str(expected)), what)
    equal(cell.number_format, 'yyyy-mm-dd', f'{what} format')


def check_text(ws, row, col, expected, what):
    cell = ws.cell(row=row, column=col)
    equal(unescape(cell.value), clean(expected) if expected else None, what)
    if expected and clean(expected)[:1] in ('=', '+', '-', '@'):
        equal(cell.number_format, '@', f'{what} text format')
        equal(cell.data_type, 's', f'{what} type')


def check_table(ws, headers, n_rows, what):
    equal([c.value for c in ws[1]][:len(headers)], headers, f'{what} headers')
    check(all(ws.cell(row=1, column=i + 1).font.b for i in range(len(headers))),
          f'{what} headers are not bold')
    equal(ws.freeze_panes, 'A2', f'{what} frozen header')
    last_col = openpyxl.utils.get_column_letter(len(headers))
    equal(ws.auto_filter.ref, f'A1:{last_col}{n_rows + 1}', f'{what} autofilter')
    equal(ws.max_row, n_rows + 1, f'{what} rows')
    for i in range(len(headers)):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
        check(width and width >= 6, f'{what} column {i + 1} has no width')


# ------------------------------------------------------------------ Summary

# Printed as the district files it: A4 landscape, one page wide, the header on every page;
# the title row tall enough for its font.
for sheet in wb.worksheets:
    equal(sheet.page_setup.orientation, 'landscape', f'{sheet.title} orientation')
    equal(str(sheet.page_setup.paperSize), '9', f'{sheet.title} paper')
    # (1 is the default width, which the file may leave out; 0 pages tall: as many as it takes)
    check(sheet.page_setup.fitToWidth in (None, 1), f'{sheet.title} one page wide')
    equal(sheet.page_setup.fitToHeight, 0, f'{sheet.title} pages down as needed')
    check(sheet.sheet_properties.pageSetUpPr.fitToPage, f'{sheet.title} fits to the page')
    if sheet.title != 'Summary':
        equal(sheet.print_title_rows, '$1:$1', f'{sheet.title} header row on every page')
check(wb['Summary'].row_dimensions[1].height >= 20, 'Summary title row tall enough')

ws = wb['Summary']
units_of_station = [u for (u,) in rows(
    "SELECT DISTINCT coalesce(nullif(trim(s.reporting_unit), ''), s.name) FROM stations AS s"
    ' WHERE ? = 0 OR s.id = ? ORDER BY s.id', station, station)]
title = value(ws, 1, 1)
for u in units_of_station:
    check(u in title, f'title {title!r} does not name {u!r}')
check('A1:D1' in [str(r) for r in ws.merged_cells.ranges], 'title row is not merged')
check(period_from in value(ws, 2, 1) and period_to in value(ws, 2, 1), 'period row')

summary = {}
section = None
footer = []
for r in range(5, ws.max_row + 1):
    a, b = value(ws, r, 1), ws.cell(row=r, column=2).value
    if a is None:
        continue
    if b is None and not a.startswith(('Reporting unit:', 'Prepared by:')):
        section = a
        summary[section] = []
        check(ws.cell(row=r, column=1).font.b, f'heading {a} not bold')
    elif a.startswith(('Reporting unit:', 'Prepared by:', 'Date:')):
        footer.append((a, ws.cell(row=r, column=2)))
    else:
        summary[section].append((a, b, ws.cell(row=r, column=3).value,
                                 ws.cell(row=r, column=4).value))


# No label is cut by the figure beside it: column A is as wide as its longest such label (wide
# characters count two, as a spreadsheet draws them).
def shown_width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in text)


label_width = ws.column_dimensions['A'].width
for r in range(5, ws.max_row + 1):
    a, b = value(ws, r, 1), ws.cell(row=r, column=2).value
    if a is not None and b is not None:
        check(shown_width(a) <= label_width,
              f'Summary label {a!r} ({shown_width(a)} wide) is cut by column A ({label_width})')


def section_pairs(name):
    return [(a, b) for a, b, _, _ in summary.get(name, [])]


held = one("SELECT count(*) FROM events AS e WHERE e.kind = 'reception_day' AND e.status = 'held'"
           ' AND e.event_date BETWEEN ? AND ?' + in_station('e'), period_from, period_to)
attendances = one("SELECT count(*) FROM event_deputies AS ed JOIN events AS e ON e.id = ed.event_id"
                  " WHERE ed.role = 'attended' AND e.status <> 'cancelled'"
                  ' AND e.event_date BETWEEN ? AND ?' + in_station('e'), period_from, period_to)
received = one("SELECT count(*) FROM concerns AS c JOIN events AS e ON e.id = c.event_id"
               " WHERE e.status <> 'cancelled' AND e.event_date BETWEEN ? AND ?"
               + in_station('e'), period_from, period_to)
equal(section_pairs('Reception'), [('Reception days held', held),
                                   ('Deputies’ attendances', attendances),
                                   ('Residents received', received)], 'reception figures')

all_concerns = [r for r in rows('SELECT c.state, c.category_id, c.channel_id, c.received_at'
                                ' FROM concerns AS c WHERE 1' + in_station('c'))
                if in_period_instant(r[3])]
equal(len(all_concerns), n_concerns, 'concerns counted two ways')
expected = [('Concerns received', len(all_concerns))] + [
    (concern_state_labels[s], sum(1 for r in all_concerns if r[0] == s)) for s in concern_states]
equal(section_pairs('Concerns by state'), expected, 'concerns by state')


def tally(key_index, names_of):
    counts = {}
    for r in all_concerns:
        counts[r[key_index]] = counts.get(r[key_index], 0) + 1
    return [(names_of[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


equal(section_pairs('Concerns by category'), tally(1, categories), 'concerns by category')
equal(section_pairs('Concerns by channel'), tally(2, channels), 'concerns by channel')

months = []
d = datetime.date.fromisoformat(period_from).replace(day=1)
while d <= datetime.date.fromisoformat(period_to):
    label = d.strftime('%Y-%m')
    months.append((label, sum(1 for r in all_concerns
                              if local_date(r[3]).strftime('%Y-%m') == label)))
    d = (d + datetime.timedelta(days=32)).replace(day=1)
equal(section_pairs('Concerns per month'), months, 'concerns per month')

suggestions = rows('SELECT s.state, s.created_at, s.assigned_date, s.due_date, s.answer_date,'
                   ' s.answer_class_id, s.evaluation FROM suggestions AS s WHERE 1'
                   + in_station('s'))
created = [s for s in suggestions if in_period_instant(s[1])]
equal(section_pairs('Suggestions by state'),
      [(suggestion_state_labels[st], sum(1 for s in created if s[0] == st))
       for st in suggestion_states], 'suggestions by state')

assigned = [s for s in suggestions if in_period_date(s[2])]
answered = [s for s in assigned if s[4] is not None]
on_time = [s for s in answered if s[4] <= s[3]]
rated = [s for s in answered if s[6] is not None]
solved_classes = {i for (i,) in rows('SELECT id FROM answer_classes WHERE solved = 1')}
solved = [s for s in answered if s[5] in solved_classes]
by_eval = {e: sum(1 for s in rated if s[6] == e) for e in satisfaction_labels}
equal(section_pairs('Suggestions assigned in the period'), [
    ('Assigned', len(assigned)), ('Answered', len(answered)),
    ('Answered on time', len(on_time)), ('Evaluated', len(rated)),
    ('Satisfied', by_eval['satisfied']), ('Basically Satisfied', by_eval['basically_satisfied']),
    ('Dissatisfied', by_eval['dissatisfied'])], 'suggestion figures')

class_order = {i: (p, i) for i, p in rows('SELECT id, position FROM answer_classes')}
class_counts = {}
for s in answered:
    if s[5] is not None:
        class_counts[s[5]] = class_counts.get(s[5], 0) + 1
equal(section_pairs('Answers by class'),
      [(classes[k], n) for k, n in sorted(class_counts.items(), key=lambda kv: class_order[kv[0]])],
      'answers by class')


def rate(n, d):
    return n / d if d else '—'


rates = summary.get('Rates', [])
equal([(r[0], r[2]) for r in rates], [('Reply rate', 'On-time rate'),
                                      ('Satisfaction rate', 'Solved rate')], 'rate labels')
expected_rates = [(rate(len(answered), len(assigned)), rate(len(on_time), len(answered))),
                  (rate(by_eval['satisfied'] + by_eval['basically_satisfied'], len(rated)),
                   rate(len(solved), len(answered)))]
for (label, got_b, _, got_d), (want_b, want_d) in zip(rates, expected_rates):
    for got, want in ((got_b, want_b), (got_d, want_d)):
        if isinstance(want, str):
            equal(got, want, f'{label} (nothing to divide by)')
        else:
            check(isinstance(got, (int, float)) and abs(got - want) < 1e-9,
                  f'{label}: got {got!r}, expected {want!r}')
for r in range(5, ws.max_row + 1):
    if value(ws, r, 1) == 'Satisfaction rate' and isinstance(ws.cell(row=r, column=2).value, (int, float)):
        equal(ws.cell(row=r, column=2).number_format, '0.0%', 'rate format')

equal([a for a, _ in footer], [f'Reporting unit: {"、".join(units_of_station)}',
                               f'Prepared by: {operator}', 'Date:'], 'footer')
if len(footer) == 3:
    check_date(ws, footer[2][1].row, 2, datetime.date.today().isoformat(), 'footer date')

# ------------------------------------------------------------------ Reception days

events = rows(
    "SELECT e.id, e.event_date, e.kind, e.place FROM events AS e WHERE e.status <> 'cancelled'"
    ' AND e.event_date BETWEEN ? AND ?' + in_station('e') + ' ORDER BY e.event_date, e.id',
    period_from, period_to)
ws = wb['Reception days']
check_table(ws, ['Date', 'Kind', 'Place', 'Deputies on duty', 'Deputies attended',
                 'Residents received'], len(events), 'reception days')
for i, (eid, date, kind, place) in enumerate(events, start=2):
    check_date(ws, i, 1, date, f'event {eid} date')
    equal(value(ws, i, 2), kind_labels.get(kind, kind), f'event {eid} kind')
    check_text(ws, i, 3, place, f'event {eid} place')
    for col, role in ((4, 'on_duty'), (5, 'attended')):
        who = [n for (n,) in rows('SELECT d.name FROM event_deputies AS ed JOIN deputies AS d'
                                  ' ON d.id = ed.deputy_id WHERE ed.event_id = ? AND ed.role = ?'
                                  ' ORDER BY d.name, d.id', eid, role)]
        equal(value(ws, i, col), '、'.join(who) or None, f'event {eid} {role}')
    equal(ws.cell(row=i, column=6).value,
          one('SELECT count(*) FROM concerns WHERE event_id = ?', eid), f'event {eid} residents')

# ------------------------------------------------------------------ Concerns

concerns = [r for r in rows(
    'SELECT c.id, c.ref_year, c.ref_seq, c.received_at, c.channel_id, c.confidential, r.name,'
    ' r.phone, r.community, c.category_id, c.subject, c.state, c.unit_id, c.due_date,'
    ' c.concluded_date, c.satisfaction FROM concerns AS c'
    ' LEFT JOIN residents AS r ON r.id = c.resident_id WHERE 1' + in_station('c')
    + ' ORDER BY c.received_at, c.id') if in_period_instant(r[3])]
headers = ['No.', 'Number', 'Date', 'Channel', 'Resident', 'Phone', 'Community', 'Category',
           'Subject', 'State', 'Unit', 'Due', 'Concluded', 'Satisfaction']
subject_by_id = {}
for sheet_index in range(concern_sheets):
    name = 'Concerns' if sheet_index == 0 else f'Concerns ({sheet_index + 1})'
    if name not in wb.sheetnames:
        break
    ws = wb[name]
    part = concerns[sheet_index * max_rows:(sheet_index + 1) * max_rows]
    check_table(ws, headers, len(part), name)
    for i, c in enumerate(part, start=2):
        (cid, year, seq, received_at, channel, confidential, rname, phone, community, category,
         subject, state, unit, due, concluded, satisfaction) = c
        what = f'concern {cid}'
        subject_by_id[cid] = unescape(ws.cell(row=i, column=9).value)
        equal(ws.cell(row=i, column=1).value, sheet_index * max_rows + i - 1, f'{what} No.')
        equal(value(ws, i, 2), f'{year}-{seq:04d}', f'{what} number')
        check_date(ws, i, 3, local_date(received_at), f'{what} date')
        equal(value(ws, i, 4), channels[channel], f'{what} channel')
        masked = not unmasked or confidential
        equal(value(ws, i, 5), None if rname is None else mask_name(rname) if masked else rname,
              f'{what} resident')
        equal(value(ws, i, 6), None if phone is None else mask_phone(phone) if masked else phone,
              f'{what} phone')
        equal(value(ws, i, 7), community, f'{what} community')
        equal(value(ws, i, 8), categories[category], f'{what} category')
        check_text(ws, i, 9, subject, f'{what} subject')
        equal(value(ws, i, 10), concern_state_labels[state], f'{what} state')
        equal(value(ws, i, 11), units.get(unit), f'{what} unit')
        check_date(ws, i, 12, due, f'{what} due')
        check_date(ws, i, 13, concluded, f'{what} concluded')
        equal(value(ws, i, 14), satisfaction_labels.get(satisfaction), f'{what} satisfaction')

# The hostile subjects, spelled out rather than through clean(), for the reader of a failure.
expected_text = {
    8: ('Code _x0041_ and _x005f_ here', 'literal _xHHHH_ survives'),
    6: ('ctl abcde\ttab\nnlcr', 'control characters removed'),
    7: ('路\ufffd灯', 'invalid UTF-8 replaced'),
    2: ('=HYPERLINK("http://x","y")', 'formula-like text as typed'),
    3: ('+1', 'formula-like text as typed'),
    4: ('@SUM(A1)', 'formula-like text as typed'),
    5: ('-2', 'formula-like text as typed'),
}
for cid, (text_, what) in expected_text.items():
    if cid in subject_by_id:
        equal(subject_by_id[cid], text_, what)
if 9 in subject_by_id:
    long_text = subject_by_id[9]
    equal(len(long_text), CELL_MAX, 'long text cut to a cell')
    check(long_text.endswith(MARK) and long_text.startswith('长' * 100), 'long text cut mark')
if station in (0, 1):
    check(all(i in subject_by_id for i in (2, 3, 4, 5, 6, 7, 8, 9)
              if in_period_instant(one('SELECT received_at FROM concerns WHERE id = ?', i))),
          'hostile concerns listed')

# ------------------------------------------------------------------ Suggestions

listed = [s for s in rows(
    'SELECT s.id, s.number, s.title, s.category_id, s.assigned_date, s.due_date, s.answer_date,'
    ' s.answer_class_id, s.evaluation, s.key_supervision, s.created_at FROM suggestions AS s'
    ' WHERE 1' + in_station('s')
    + ' ORDER BY s.assigned_date IS NULL, s.assigned_date, s.number, s.id')
    if in_period_date(s[4]) or (s[4] is None and in_period_instant(s[10]))]
ws = wb['Suggestions']
check_table(ws, ['Number', 'Title', 'Lead deputy', 'Co-signing deputies', 'Category', 'Units',
                 'Assigned', 'Due', 'Answered', 'Class', 'Evaluation', 'Key supervision',
                 'Linked concerns'], len(listed), 'suggestions')
for i, s in enumerate(listed, start=2):
    (sid, number, title_, category, assigned_date, due, answer, klass, evaluation, key,
     _) = s
    what = f'suggestion {sid}'
    equal(value(ws, i, 1), number, f'{what} number')
    check_text(ws, i, 2, title_, f'{what} title')
    lead = rows("SELECT d.name FROM suggestion_deputies AS sd JOIN deputies AS d"
                " ON d.id = sd.deputy_id WHERE sd.suggestion_id = ? AND sd.role = 'lead'", sid)
    equal(value(ws, i, 3), lead[0][0] if lead else None, f'{what} lead')
    co = [n for (n,) in rows("SELECT d.name FROM suggestion_deputies AS sd JOIN deputies AS d"
                             " ON d.id = sd.deputy_id WHERE sd.suggestion_id = ?"
                             " AND sd.role = 'co_signer' ORDER BY d.name, d.id", sid)]
    equal(value(ws, i, 4), '、'.join(co) or None, f'{what} co-signers')
    equal(value(ws, i, 5), suggestion_categories.get(category), f'{what} category')
    us = [n for (n,) in rows("SELECT u.name FROM suggestion_units AS su JOIN units AS u"
                             " ON u.id = su.unit_id WHERE su.suggestion_id = ?"
                             " ORDER BY su.role = 'co', u.name, u.id", sid)]
    equal(value(ws, i, 6), '、'.join(us) or None, f'{what} units')
    check_date(ws, i, 7, assigned_date, f'{what} assigned')
    check_date(ws, i, 8, due, f'{what} due')
    check_date(ws, i, 9, answer, f'{what} answered')
    equal(value(ws, i, 10), classes.get(klass), f'{what} class')
    equal(value(ws, i, 11), satisfaction_labels.get(evaluation), f'{what} evaluation')
    equal(value(ws, i, 12), 'Yes' if key else 'No', f'{what} key supervision')
    linked = [f'{y}-{q:04d}' for y, q in rows(
        'SELECT c.ref_year, c.ref_seq FROM suggestion_concerns AS sc JOIN concerns AS c'
        ' ON c.id = sc.concern_id WHERE sc.suggestion_id = ? ORDER BY 1, 2', sid)]
    equal(value(ws, i, 13), '、'.join(linked) or None, f'{what} linked concerns')

# ------------------------------------------------------------------ Deputies

deputies = rows('SELECT d.id, d.name, d.level FROM deputies AS d WHERE 1' + in_station('d')
                + ' ORDER BY d.name, d.id')
ws = wb['Deputies']
check_table(ws, ['Deputy', 'Level', 'On duty', 'Attended', 'On leave', 'Concerns received',
                 'Suggestions led', 'Suggestions co-signed'], len(deputies), 'deputies')
for i, (did, dname, level) in enumerate(deputies, start=2):
    what = f'deputy {did}'
    equal(value(ws, i, 1), dname, f'{what} name')
    equal(value(ws, i, 2), level.capitalize(), f'{what} level')
    for col, role in ((3, 'on_duty'), (4, 'attended'), (5, 'on_leave')):
        equal(ws.cell(row=i, column=col).value, one(
            'SELECT count(*) FROM event_deputies AS ed JOIN events AS e ON e.id = ed.event_id'
            " WHERE ed.deputy_id = ? AND ed.role = ? AND e.status <> 'cancelled'"
            ' AND e.event_date BETWEEN ? AND ?' + in_station('e'),
            did, role, period_from, period_to), f'{what} {role}')
    equal(ws.cell(row=i, column=6).value, sum(
        1 for (at,) in rows('SELECT c.received_at FROM concern_deputies AS cd JOIN concerns AS c'
                            ' ON c.id = cd.concern_id WHERE cd.deputy_id = ?' + in_station('c'),
                            did) if in_period_instant(at)), f'{what} concerns')
    for col, role in ((7, 'lead'), (8, 'co_signer')):
        equal(ws.cell(row=i, column=col).value, one(
            'SELECT count(*) FROM suggestion_deputies AS sd JOIN suggestions AS s'
            ' ON s.id = sd.suggestion_id WHERE sd.deputy_id = ? AND sd.role = ?'
            ' AND s.submitted_date BETWEEN ? AND ?' + in_station('s'),
            did, role, period_from, period_to), f'{what} suggestions {role}')

# ------------------------------------------------------------------ the file itself

with zipfile.ZipFile(xlsx_path) as z:
    equal(z.testzip(), None, 'zip integrity')
    charts = sorted(n for n in z.namelist() if re.match(r'xl/charts/chart\d+\.xml$', n))
    equal(len(charts), 3, 'charts')
    kinds = sorted(re.search(r'<c:(barChart|pieChart)>', z.read(n).decode()).group(1)
                   for n in charts)
    equal(kinds, ['barChart', 'barChart', 'pieChart'], 'chart kinds')
    for n in charts:
        xml = z.read(n).decode()
        if '<c:pieChart>' in xml:
            # which slice is which: a legend, and each slice's share
            check('<c:legend>' in xml, 'pie chart has a legend')
            check('<c:showPercent val="1"/>' in xml, 'pie chart shows percentages')
        else:
            check('<c:min val="0"/>' in xml, f'{n}: the value axis starts at 0')
    text = ''
    for n in z.namelist():
        data = z.read(n).decode('utf-8')
        if n.startswith('xl/worksheets/'):
            check(re.search(r'<f[ >]', data) is None, f'{n} has a formula')
        text += data
    residents = rows('SELECT r.name, r.phone, max(c.confidential) FROM residents AS r'
                     ' JOIN concerns AS c ON c.resident_id = r.id GROUP BY r.id')
    for rname, phone, confidential in residents:
        hidden = not unmasked or confidential
        for secret in (rname, phone):
            if secret and hidden:
                check(secret not in text, f'unmasked {secret!r} in the file')
    for (address,) in rows('SELECT address FROM residents WHERE address IS NOT NULL'):
        check(address not in text, f'address {address!r} in the file')

# ------------------------------------------------------------------ LibreOffice

if office == 'office':
    soffice = shutil.which('soffice')
    # Part of the test, not optional: the README's test command installs it.
    check(soffice is not None,
          'soffice is not installed (apt-get install libreoffice-calc-nogui): the workbook must'
          ' be checked through LibreOffice')
    if soffice is not None:
        with tempfile.TemporaryDirectory() as tmp:
            profile = f'file://{tmp}/profile'
            result = subprocess.run(
                [soffice, f'-env:UserInstallation={profile}', '--headless', '--convert-to',
                 'csv:Text - txt - csv (StarCalc):44,34,76',
                 '--outdir', tmp, xlsx_path], capture_output=True, text=True, timeout=300)
            csv_path = os.path.join(tmp, os.path.splitext(os.path.basename(xlsx_path))[0] + '.csv')
            check(result.returncode == 0, f'soffice failed: {result.stderr}')
            check(os.path.exists(csv_path), f'soffice wrote no CSV: {result.stdout}{result.stderr}')
            check('Error' not in result.stderr, f'soffice complained: {result.stderr}')
            if os.path.exists(csv_path):
                with open(csv_path, encoding='utf-8', errors='replace') as f:
                    csv = f.read()
                check(units_of_station[0] in csv, 'the CSV lacks the title')
                check('Reception days held' in csv, 'the CSV lacks the figures')
                print('LibreOffice converted it:', len(csv.splitlines()), 'lines of CSV')

if failures:
    for f in failures:
        print('FAIL:', f)
    sys.exit(1)
print('ok:', xlsx_path, len(concerns), 'concerns')
