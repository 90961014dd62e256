#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads an iCalendar file with the icalendar module, a parser independent of libical, and
# prints one line per VEVENT for test-ics to compare.

import sys

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed", file=sys.stderr)
    sys.exit(2)


def show(value):
    if value is None:
        return "-"
    return value.dt.isoformat()


with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())

print("VERSION", calendar.get("version"))
for event in calendar.walk("VEVENT"):
    exdates = event.get("exdate")
    if exdates is None:
        exdates = []
    elif not isinstance(exdates, list):
        exdates = [exdates]
    ex = ",".join(d.dt.isoformat() for lst in exdates for d in lst.dts) or "-"
    rrule = event.get("rrule")
    print("|".join([
        str(event.get("uid")),
        str(event.get("summary")),
        show(event.get("dtstart")),
        show(event.get("dtend")),
        show(event.get("recurrence-id")),
        rrule.to_ical().decode() if rrule is not None else "-",
        ex,
        str(event.get("status")),
    ]))
