"""iCalendar files from `remit due` (RFC 5545), read back with python3-icalendar:
  - every golden file (corpora/*/expected-due.ics) has CRLF line ends and no line over 75 octets,
    parses, and holds one all-day event per obligation of its JSON twin, with the same UID and date;
  - names full of what RFC 5545 escapes (, ; \\ and line breaks), long enough to be folded inside
    a UTF-8 character, come back exactly (tests/formats/awkward/);
  - an obligation keeps its UID when "as of" moves and its due date with it, so that importing a
    newer file updates the event rather than adding a second one;
  - at the ends of the calendar (as of 0001-01-01 and 9999-12-01) the file stays valid.
  check_ics.py REMIT"""
import datetime
import glob
import json
import os
import subprocess
import sys
import tempfile

import icalendar

remit = sys.argv[1]
problems = []


def raw_lines(data, where):
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        problems.append(f"{where}: not every line ends with CRLF")
    for n, line in enumerate(data.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"{where}:{n}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{where}:{n}: folded inside a UTF-8 character")


def unescaped_separators(data, where):
    """TEXT values must escape ',' ';' and '\\' (RFC 5545 3.3.11); readers are lenient, so look at the bytes."""
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    for line in unfolded.split("\r\n"):
        name, _, value = line.partition(":")
        if name.split(";")[0] not in ("SUMMARY", "DESCRIPTION", "X-WR-CALDESC"):
            continue
        rest = value.replace("\\\\", "").replace("\\,", "").replace("\\;", "").replace("\\n", "")
        if any(c in rest for c in ",;\\"):
            problems.append(f"{where}: an unescaped , ; or \\ in {name}: {value!r}")


def events(data):
    cal = icalendar.Calendar.from_ical(data)
    return cal, [c for c in cal.walk() if c.name == "VEVENT"]


def due_ics(rules, log, as_of):
    args = [remit, "due", rules, "--log", log, "--as-of", as_of, "--format", "ics"]
    return subprocess.run(args, capture_output=True).stdout


goldens = sorted(glob.glob("corpora/*/expected-due.ics"))
if not goldens:
    sys.exit("no golden iCalendar files found")
for path in goldens:
    data = open(path, "rb").read()
    raw_lines(data, path)
    unescaped_separators(data, path)
    cal, evs = events(data)
    twin = json.load(open(os.path.join(os.path.dirname(path), "expected-due.json")))["obligations"]
    if len(evs) != len(twin):
        problems.append(f"{path}: {len(evs)} events for {len(twin)} obligations")
    for ev, o in zip(evs, twin):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if prop not in ev:
                problems.append(f"{path}: an event without {prop}")
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if type(start) is not datetime.date or end - start != datetime.timedelta(days=1):
            problems.append(f"{path}: {ev['UID']} is not an all-day event ({start!r} to {end!r})")
        # An overdue obligation is shown on the "as of" day, where people look, its due date in its title.
        as_of = json.load(open(os.path.join(os.path.dirname(path), "expected-due.json")))["as_of"]
        on = as_of if o["status"] == "overdue" else o["due"]
        if str(ev["UID"]) != o["id"] + "@remit" or start.isoformat() != on:
            problems.append(f"{path}: event {ev['UID']} on {start} is not obligation {o['id']} due {o['due']}")
        if o["status"] == "overdue" and f"since {o['due']}" not in str(ev["SUMMARY"]):
            problems.append(f"{path}: overdue event {ev['UID']} does not say since when: {ev['SUMMARY']}")
    uids = [str(e["UID"]) for e in evs]
    if len(set(uids)) != len(uids):
        problems.append(f"{path}: UIDs repeat")
    print(f"{path}: {len(evs)} events, as in expected-due.json")

# Escaping and folding, read back.
rules, log = "tests/formats/awkward/board.remit", "tests/formats/awkward/meetings.csv"
body = ("=SUM(A1:A2), Children; \\ Board \u2014 \u00fcn\u00efc\u00f6d\u00e9 \u201cquoted\u201d with a name long enough "
        "to fold twice in a calendar")
council = "Awkward, Names; & Co \\ Council"
data = due_ics(rules, log, "2024-06-30")
raw_lines(data, "awkward as of 2024-06-30")
unescaped_separators(data, "awkward as of 2024-06-30")
_, evs = events(data)
if not evs:
    problems.append("awkward: no events")
for ev in evs:
    summary, description = str(ev["SUMMARY"]), str(ev["DESCRIPTION"])
    if not summary.startswith(f"{body}: ") or ", clause " in summary:
        problems.append(f"awkward: SUMMARY does not start with the committee's name: {summary!r}")
    if f"\n\n{council}: {body}\nClause " not in description:
        problems.append(f"awkward: the line breaks and names did not come back from DESCRIPTION: {description!r}")

# The next meeting's obligation keeps its UID as "as of" moves its due date.
def next_meeting(as_of):
    _, evs = events(due_ics(rules, log, as_of))
    found = [e for e in evs if "next held meeting" in str(e["SUMMARY"])]
    return (str(found[0]["UID"]), found[0].decoded("DTSTART"), int(found[0]["SEQUENCE"])) if found else None


earlier, later = next_meeting("2024-06-20"), next_meeting("2024-06-30")
if not earlier or not later:
    problems.append(f"awkward: no next-meeting event ({earlier}, {later})")
elif earlier[0] != later[0] or earlier[1] == later[1] or later[2] <= earlier[2]:
    problems.append(f"awkward: as of 2024-06-20 {earlier}, as of 2024-06-30 {later}: "
                    "expected one UID, a new date and a higher SEQUENCE")
else:
    print(f"awkward: next-meeting UID {later[0]} kept from {earlier[1]} to {later[1]}, SEQUENCE {earlier[2]} -> {later[2]}")

# A calendar that follows the schedule: a meeting planned on 2025-03-11 is moved to 2025-03-18 (the
# log records the first as postponed). Imported one after the other, the second calendar cancels
# the old meeting's events (same UID, STATUS:CANCELLED, a higher SEQUENCE) and adds the new one's;
# no UID appears twice in either, and no reminder falls after its event's own date.
with tempfile.TemporaryDirectory() as work:
    moved_rules = os.path.join(work, "board.remit")
    open(moved_rules, "w").write('body "Corporate Parenting Board" {\n  5.6  agenda published at least 5 clear working '
                                 'days before each meeting\n  5.5  each meeting has item "Forward Plan"\n}\n')
    before, after = os.path.join(work, "before.csv"), os.path.join(work, "after.csv")
    open(before, "w").write("body,date,status\nCorporate Parenting Board,2025-01-14,held\n"
                            "Corporate Parenting Board,2025-03-11,scheduled\n")
    open(after, "w").write("body,date,status\nCorporate Parenting Board,2025-01-14,held\n"
                           "Corporate Parenting Board,2025-03-11,postponed\nCorporate Parenting Board,2025-03-18,scheduled\n")
    _, first = events(due_ics(moved_rules, before, "2025-02-01"))
    _, second = events(due_ics(moved_rules, after, "2025-02-03"))
    for name, evs in (("first", first), ("second", second)):
        uids = [str(e["UID"]) for e in evs]
        if len(set(uids)) != len(uids):
            problems.append(f"moved meeting: the {name} calendar repeats a UID")
        for e in evs:
            if not str(e["SUMMARY"]).startswith("Corporate Parenting Board: "):
                problems.append(f"moved meeting: a title does not start with the committee: {e['SUMMARY']}")
            for alarm in e.walk("VALARM"):
                if alarm.decoded("TRIGGER") >= datetime.timedelta(0):
                    problems.append(f"moved meeting: a reminder falls after its event: {e['SUMMARY']}")
    old_uids = {str(e["UID"]): int(e["SEQUENCE"]) for e in first}
    cancelled = {str(e["UID"]): e for e in second if str(e.get("STATUS")) == "CANCELLED"}
    if len(old_uids) != 2 or set(cancelled) != set(old_uids):
        problems.append(f"moved meeting: the second calendar cancels {sorted(cancelled)}, not the first's events {sorted(old_uids)}")
    elif any(int(cancelled[u]["SEQUENCE"]) <= old_uids[u] for u in old_uids):
        problems.append("moved meeting: a cancelled event's SEQUENCE is not raised")
    live = [e for e in second if str(e.get("STATUS")) != "CANCELLED"]
    if not any("2025-03-18" in str(e["SUMMARY"]) or "Tue 2025-03-18" in str(e["DESCRIPTION"]) for e in live):
        problems.append("moved meeting: the second calendar has no events for the meeting moved to 2025-03-18")
    else:
        print(f"moved meeting: {len(cancelled)} old events cancelled with their UIDs, {len(live)} new ones")

# The ends of the calendar: as of 0001-01-01 the SEQUENCE is still a non-negative integer, and as
# of 9999-12-01 an obligation due in the year 10000 is said, not written as a five-digit year.
with tempfile.TemporaryDirectory() as work:
    late_rules, late_log = os.path.join(work, "late.remit"), os.path.join(work, "late.csv")
    open(late_rules, "w").write('body "Board" {\n  1  meets every 2 months\n}\n')
    open(late_log, "w").write("body,date\nBoard,9999-11-30\n")
    for as_of in ("0001-01-01", "9999-12-01"):
        data = due_ics(late_rules, late_log, as_of)
        raw_lines(data, f"as of {as_of}")
        try:
            cal, evs = events(data)
        except ValueError as e:
            problems.append(f"as of {as_of}: does not parse: {e}")
            continue
        for line in data.decode("utf-8").split("\r\n"):
            if line.startswith(("DTSTART", "DTEND")) and len(line.rpartition(":")[2]) != 8:
                problems.append(f"as of {as_of}: {line}: a date is eight digits")
            if line.startswith("SEQUENCE:") and not line[9:].isdigit():
                problems.append(f"as of {as_of}: {line}: not a non-negative integer")
        if as_of.startswith("9999") and b"X-REMIT-NOT-WRITTEN:1 obligation due after 9999-12-30" not in data.replace(b"\r\n ", b""):
            problems.append(f"as of {as_of}: the obligation due in 10000 is not said")
    print("ics at the ends of the calendar: valid")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
