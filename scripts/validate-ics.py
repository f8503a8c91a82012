#!/usr/bin/env python3
"""Reads a .ics file with a second implementation (Python's `icalendar`) and prints what it saw.

    pip install icalendar python-dateutil
    swift run community-demo ics --start 2026-03-03T18:00:00 --tz Europe/Paris \
        --rule 'FREQ=WEEKLY;BYDAY=TU;COUNT=5' --title "Swift meetup" > sample.ics
    python3 scripts/validate-ics.py sample.ics

It checks the wire format (CRLF endings, physical lines of at most 75 octets, each valid UTF-8),
prints each VEVENT's DTSTART (with its tzinfo), DTEND, RRULE, RDATE, EXDATE, SUMMARY and the
first occurrences expanded by python-dateutil (when installed), and checks that every VTIMEZONE,
turned into a tzinfo by `icalendar`, gives the same UTC offsets as the IANA database (zoneinfo)
at each expanded occurrence. Exit status 1 when a check fails. Not part of CI: the Swift test
suite does not depend on Python.
"""
import sys
from datetime import datetime, timezone

import icalendar

try:
    from dateutil import rrule as du_rrule
except ImportError:  # the expansion is optional
    du_rrule = None

try:
    from zoneinfo import ZoneInfo
except ImportError:
    ZoneInfo = None


def check_wire(raw: bytes) -> list[str]:
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a line ends in a bare LF")
    for number, line in enumerate(raw.split(b"\r\n"), start=1):
        if len(line) > 75:
            problems.append(f"line {number} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} is not valid UTF-8 on its own (a fold split a character)")
    return problems


def values(prop):
    """The datetimes of an RDATE/EXDATE property (one or a list of them)."""
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt for p in props for d in p.dts]


def ical(prop) -> str:
    """A property value as iCalendar text (`to_ical` returns bytes or str across versions)."""
    text = prop.to_ical()
    return text.decode() if isinstance(text, bytes) else text


def describe(dt) -> str:
    if isinstance(dt, datetime):
        return f"{dt.isoformat()} tzinfo={dt.tzinfo!r}"
    return dt.isoformat()


def sweep(tzid, own, vtimezone) -> list[str]:
    """Compares the VTIMEZONE with zoneinfo every 6 hours from its first onset to 2 years after the last
    (3 years past today when a rule is open-ended)."""
    from datetime import timedelta
    starts = [sub["DTSTART"].dt for sub in vtimezone.subcomponents]
    first = min(starts).replace(tzinfo=timezone.utc) + timedelta(days=1)
    last = max(max(starts).replace(tzinfo=timezone.utc), first) + timedelta(days=730)
    if any("RRULE" in sub and "UNTIL" not in sub["RRULE"] for sub in vtimezone.subcomponents):
        last = max(last, datetime.now(timezone.utc) + timedelta(days=3 * 365))  # an open-ended rule: up to today and beyond
    iana, problems, checked, t = ZoneInfo(tzid), [], 0, first
    while t < last and len(problems) < 5:
        a, b = t.astimezone(own).utcoffset(), t.astimezone(iana).utcoffset()
        if a != b:
            problems.append(f"VTIMEZONE {tzid} gives {a} at {t:%Y-%m-%dT%H:%MZ}, zoneinfo gives {b}")
        checked += 1
        t += timedelta(hours=6)
    print(f"  swept {checked} instants {first:%Y-%m-%d}..{last:%Y-%m-%d}: "
          f"{'same offsets as zoneinfo' if not problems else 'DIFFERENT'}")
    return problems


def main(path: str) -> int:
    raw = open(path, "rb").read()
    failures = check_wire(raw)
    print(f"wire: {'CRLF, <= 75 octets per line, UTF-8 intact' if not failures else '; '.join(failures)}")
    cal = icalendar.Calendar.from_ical(raw)
    print(f"calendar: VERSION={cal.get('VERSION')} PRODID={cal.get('PRODID')} METHOD={cal.get('METHOD')}")

    zones = {}
    for tz in cal.walk("VTIMEZONE"):
        tzid = str(tz["TZID"])
        observances = [f"{sub.name} {sub['DTSTART'].dt:%Y-%m-%dT%H:%M} "
                       f"{ical(sub['TZOFFSETFROM'])}->{ical(sub['TZOFFSETTO'])}"
                       + (f" RRULE {ical(sub['RRULE'])}" if "RRULE" in sub else "")
                       for sub in tz.subcomponents]
        print(f"VTIMEZONE {tzid}: " + "; ".join(observances))
        zones[tzid] = tz.to_tz()
        if ZoneInfo is not None:
            failures += sweep(tzid, zones[tzid], tz)

    for event in cal.walk("VEVENT"):
        start = event["DTSTART"].dt
        print(f"\nVEVENT {event.get('UID')}")
        print(f"  SUMMARY:     {event.get('SUMMARY')}")
        print(f"  DTSTART:     {describe(start)}")
        if "DTEND" in event:
            print(f"  DTEND:       {describe(event['DTEND'].dt)}")
        if "RECURRENCE-ID" in event:
            print(f"  RECURRENCE-ID: {describe(event['RECURRENCE-ID'].dt)}")
        if "RRULE" in event:
            print(f"  RRULE:       {ical(event['RRULE'])}")
        rdates, exdates = values(event.get("RDATE")), values(event.get("EXDATE"))
        if rdates:
            print(f"  RDATE:       {', '.join(map(describe, rdates))}")
        if exdates:
            print(f"  EXDATE:      {', '.join(map(describe, exdates))}")
        for name in ("LOCATION", "URL", "STATUS", "SEQUENCE"):
            if name in event:
                print(f"  {name + ':':<12} {event[name]}")
        if "DESCRIPTION" in event:
            print(f"  DESCRIPTION: {str(event['DESCRIPTION'])!r}")

        occurrences = [start]
        if du_rrule is not None and isinstance(start, datetime):
            rules = du_rrule.rruleset()
            if "RRULE" in event:
                rules.rrule(du_rrule.rrulestr(ical(event["RRULE"]), dtstart=start))
            else:
                rules.rdate(start)
            for d in rdates:
                rules.rdate(d)
            for d in exdates:
                rules.exdate(d)
            occurrences = list(rules.xafter(start, count=10, inc=True))
            print("  first occurrences (dateutil):")
            for o in occurrences:
                print(f"    {o.isoformat()}  = {o.astimezone(timezone.utc):%Y-%m-%dT%H:%MZ}")

        tzid = event["DTSTART"].params.get("TZID")
        if tzid in zones and ZoneInfo is not None:
            own, iana = zones[tzid], ZoneInfo(tzid)
            for o in occurrences:
                naive = o.replace(tzinfo=None)
                a, b = naive.replace(tzinfo=own).utcoffset(), naive.replace(tzinfo=iana).utcoffset()
                if a != b:
                    failures.append(f"VTIMEZONE {tzid} gives {a} at {naive}, zoneinfo gives {b}")
            print(f"  VTIMEZONE {tzid} vs zoneinfo at these occurrences: "
                  f"{'same offsets' if not any(tzid in f for f in failures) else 'DIFFERENT'}")

    print("\nresult:", "OK" if not failures else "FAILED\n  " + "\n  ".join(failures))
    return 0 if not failures else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(64)
    sys.exit(main(sys.argv[1]))
