"""Random rule files and logs, audited by remit and by the reference evaluator: they must agree.

    python3 random_cases.py REMIT [--cases N] [--seed S] [--keep DIR]

Logs write two dates in seven day first (dd/mm/yyyy, d/m/yyyy), as a UK spreadsheet exports
them, and three statements in four have their counts spelt as ToRs write them ("quorum three
members", "meets once a year", "meets 4 times a year"). Every statement form is drawn (the people statements with attendees cells, a membership file
with partners and parties and a training file; stand-in chairs, partners, parties, excepted
roles, "since the previous meeting", recipients matched by pattern and exact counts too), with events on
month ends, in leap years and in bank-holiday
weeks, waivers, empty windows and events exactly on due dates. A disagreement prints the
case (rules, log, window and both answers) and the run exits 1. The same seed always draws
the same cases.

Each case also runs through both of remit's engines, on its logs in date order, which must give
byte-identical reports (engines.py): `--compare reference` or `--compare engines` runs one of
the two comparisons alone.
"""
import argparse
import datetime as dt
import json
import os
import re
import random
import subprocess
import sys
import tempfile

import engines
import reference_eval as ref

DAY = dt.timedelta(days=1)
BODIES = ["Corporate Parenting Board", "Fostering Panel", "Scrutiny Committee"]
COUNCILS = ["Example Council", "Other Council"]
TITLES = ["Agenda setting", "Joint session with young people", "Training", "Board meeting",
          "Young People's Forum", ""]
ITEMS = ["Minutes", "Forward Plan", "Terms of Reference", "Annual Report", "Voice of the Child",
         "Performance  Indicators", "IRO annual report", "Any other business"]
RECIPIENTS = ["Scrutiny Committee", "Cabinet", "Full Council"]
RECIPIENT_REGEXES = ["scrutiny", "^cabinet$", "council|cabinet", "COMMITTEE", "panel"]
REGEXES = ["forward\\s+plan", "voice|lived experience", "^minutes$", "annual (report|review)", "[0-9]"]
TITLE_REGEXES = ["young people|forum", "^training$", "agenda (setting|planning)", "session", "board"]
UNITS = ["day", "days", "week", "weeks", "month", "months", "year", "years"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def frequency(r):
    kind = r.randrange(10)
    if kind < 3:
        n = r.choice([1, 2, 3, 6, 12]) if r.random() < .6 else r.randint(1, 60)
        unit = r.choice(UNITS)
        grace = f" with {r.randint(1, 20)} days grace" if r.random() < .3 else ""
        return f"every {n} {unit}{grace}"
    return r.choice(["at 6 weekly intervals", f"at {r.randint(1, 10)} weekly intervals", "bi-monthly",
                     "six-monthly", "monthly", "quarterly", "half-yearly", "annually", "yearly",
                     "twice a year", f"at least {r.randint(1, 5)} times a year",
                     f"at least {r.randint(1, 3)} times a quarter", f"at least {r.randint(1, 2)} times a month",
                     f"at least {r.randint(1, 3)} times a half-year"])


PARTNERS = ["", "Places", "People", "Resources", "people", "ICB", "Lancashire Constabulary", "lancashire  constabulary",
            "Fire Service"]
PARTIES = ["", "Labour", "Conservative", "Green", "labour"]
TYPES = ["", "", "", "elected", "Co-opted", "officer", "co-opted", "partner", "young person", "Elected"]
VOTING = ["", "", "yes", "no", "No"]
PEOPLE = ["Ann Lee", "Bob Ray", "Cat Moss", "Dan Fox", "Eve Hart", "Fay Gill"]
ROLES = ["Chair", "Vice-Chair", "Young Person", "Councillor", "Virtual Head Teacher", "Portfolio Holder"]
ATTENDANCE = ["present", "present virtually", "substitute", "substitute virtually", "in attendance",
              "in attendance virtually", "apologies", "absent", "expected"]


TRAININGS = ["Induction", "induction", "Safeguarding", "Board  Induction"]
TRAINING_RECORDS = ["Corporate Parenting Board Induction", "Induction", "Safeguarding Level 2", "board induction",
                    "Data protection"]


def people_statement(r):
    roles = " or ".join(f'"{x}"' for x in r.sample(ROLES[1:], r.randint(1, 2)))
    kind = r.randrange(10)
    if kind in (6, 7):
        unit = r.choice(UNITS)
        n = r.choice([1, 2]) if unit.startswith("year") else r.choice([1, 3, 6, 12]) if r.random() < .7 else r.randint(1, 30)
        return f'each member trained in "{r.choice(TRAININGS)}" within {n} {unit} of joining'
    if kind in (8, 9):
        return f'role "{r.choice(["Vice-Chair", "Vice-Chair", r.choice(ROLES[1:])])}" rotates between partners annually'
    if kind == 0:
        n, members = r.randint(1, 4), r.choice(['', ' members', ' member'])
        # A kind of member now and then, chosen from what was drawn, so the cases stay as they were.
        term = ["", "", " elected", " voting", " co-opted"][(n + len(members)) % 5] if members else ""
        including = ["", "", "", f' including {1 + n % 2} "{ROLES[n % len(ROLES)]}"', " including 1 elected member",
                     " including 2 co-opted members", " including one voting member"][(3 * n + len(members) + len(term)) % 7]
        return f"quorum {n}{term}{members}{including}"
    if kind == 1:
        if r.random() < .4:
            pair = r.sample(ROLES, 2)
            return f'chaired by "{pair[0]}" or "{pair[1]}" when "{r.choice(pair)}" is absent'
        if len(roles) % 3 == 1:  # a chain of stand-ins, chosen from what was drawn, so the cases stay as they were
            rest = [f'"{x}"' for x in ROLES[1:] if f'"{x}"' not in roles]
            steps = ", else ".join([roles] + rest[:len(roles) // 2 % 3])
            return f'chaired by "Chair", else {steps}' + (", else any member" if len(roles) % 5 < 3 else "")
        return f"chaired by {roles}"
    if kind == 2:
        partners = f" from at least {r.randint(1, 3)} partners" if r.random() < .4 else ""
        if not partners and len(roles) % 3 == 0:  # chosen from what was drawn, so the cases stay as they were
            return f"each meeting invites {roles}"
        return f"each meeting attended by {roles}{partners}"
    if kind == 3:
        if r.random() < .4:
            among = f" among {roles}" if r.random() < .5 else ""
            return f"has members of at least {r.randint(1, 3)} parties{among}"
        return f"has member {roles}"
    if kind == 4:
        role = f'"{r.choice(ROLES[1:])}" ' if r.random() < .5 else ""
        bound, n = r.choice(['most', 'least']), r.randint(1, 4)
        if not role:  # a kind of member in place of a role, chosen from what was drawn
            role = ["", "elected ", "co-opted ", "voting "][(n + len(bound)) % 4]
        return f"has at {bound} {n} {role}members"
    period = f" each {r.choice(['year', 'quarter', 'half-year', 'month'])}" if r.random() < .6 else ""
    how = "every meeting" if r.random() < .3 else f"at least {r.choice([25, 50, 67, 75, 100, r.randint(1, 100)])}% of meetings"
    excepted = f" except {roles}" if r.random() < .3 else ""
    return f"each member{excepted} attends {how}{period}"


def attendees(r):
    """An attendees cell: distinct people, each spelt in some case, with a role or none."""
    if r.random() < .3:
        return ""
    out = []
    for name in r.sample(PEOPLE, r.randint(1, 5)):
        name = r.choice([name, name.upper(), name.lower()]) if r.random() < .2 else name
        role = r.choice(["", "", "Chair"] + ROLES[1:])
        word = r.choice(ATTENDANCE)
        out.append(f"{name} ({role}, {word})" if role else f"{name} ({word})")
    return "; ".join(out)


def month_end(day):
    return ref.add_months(day.replace(day=1), 1) - DAY


def log_date(day):
    """A date as a log writes it: mostly yyyy-mm-dd, two days in seven day first as a UK
    spreadsheet exports it (dd/mm/yyyy, d/m/yyyy). Chosen by the date, not drawn on `r`, so the
    cases stay as they were but for the spelling."""
    spelling = day.toordinal() % 7
    if spelling == 0:
        return f"{day.day:02}/{day.month:02}/{day.year}"
    if spelling == 1:
        return f"{day.day}/{day.month}/{day.year}"
    return day.isoformat()


def membership_rows(r, bodies, frm, to):
    rows = []
    if r.random() < .2:
        return rows  # no membership recorded

    def row(body, person, role, start, end):
        rows.append({"council": r.choice(["", "", "Example Council", "Other Council"]), "body": body, "person": person,
                     "role": role, "partner": r.choice(PARTNERS), "party": r.choice(PARTIES), "from": log_date(start),
                     "to": log_date(end) if end else "",
                     # The kind of member and the vote, chosen by the date (not drawn on `r`, so the
                     # cases stay as they were): often not recorded, as in most councils' files.
                     "type": TYPES[start.toordinal() % len(TYPES)], "voting": VOTING[start.toordinal() // 3 % len(VOTING)]})

    for body in bodies:
        for _ in range(r.randint(0, 8)):
            start = frm + r.randint(-200, 300) * DAY
            # Joining on a month end is where "within N months" is clamped.
            start = month_end(start) if r.random() < .25 else start
            end = start + r.randint(0, 400) * DAY if r.random() < .5 else None
            person = r.choice(PEOPLE)
            row(body, person, r.choice(ROLES[1:]), start, end)
            if end and r.random() < .3:  # a gap in the membership, then back
                back = end + r.randint(1, 200) * DAY
                row(body, person, r.choice(ROLES[1:]), back, back + r.randint(0, 400) * DAY if r.random() < .5 else None)
        # A role handed on from year to year, from the first of a month, sometimes to someone of
        # the same partner (two years running), sometimes after a gap, sometimes mid-year.
        if r.random() < .6:
            role = r.choice(["Vice-Chair", "Vice-Chair", r.choice(ROLES[1:])])
            day = (frm - r.randint(300, 800) * DAY).replace(day=1)
            while day <= to:
                end = ref.add_months(day, r.choice([12, 12, 12, r.randint(1, 24)])) - DAY
                end = end + r.randint(-20, 20) * DAY if r.random() < .2 else end
                row(body, r.choice(PEOPLE), role, day, end if r.random() < .9 else None)
                day = end + (1 + (r.randint(1, 200) if r.random() < .15 else 0)) * DAY
    r.shuffle(rows)
    return rows


def training_rows(r, rules, memberships):
    """Completions near each member's due date (on it, a day either side, long before or after),
    for the training the rules name; sometimes none at all."""
    rows = []
    if r.random() < .2:
        return rows  # no training recorded
    wanted = re.findall(r'trained in "([^"]+)" within ' + ref.N + r' (day|week|month|year)s? of joining', rules)
    joined = {}
    for m in memberships:
        key = (m["body"], m["person"])
        joined[key] = min(joined.get(key, ref.parse_log_date(m["from"])), ref.parse_log_date(m["from"]))
    for (body, person), since in sorted(joined.items()):
        for name, n, unit in wanted * r.choice([0, 1, 1, 2]):
            due = ref.add_interval(since, ref.num(n), unit, 0)
            day = due + r.choice([-400, -30, -1, 0, 0, 0, 1, 1, 20, 300]) * DAY
            training = r.choice([name, name.upper(), r.choice(TRAINING_RECORDS)])
            rows.append({"council": r.choice(["", "", "Example Council", "Other Council"]),
                         "body": r.choice(["", body, body, r.choice(BODIES)]),
                         "person": r.choice([person, person.lower()]), "training": training, "date": log_date(day)})
    r.shuffle(rows)
    return rows


def title_choice(r, phrases, patterns):
    """What a title or an item must hold: one phrase, two or three alternatives, or a pattern."""
    roll = r.random()
    if roll < .2:
        return 'matching "' + r.choice(patterns).replace("\\", "\\\\") + '"'  # a backslash is written \\
    if roll < .45:
        return " or ".join(f'"{p}"' for p in r.sample(phrases, r.randint(2, min(3, len(phrases)))))
    return f'"{r.choice(phrases)}"'


def statement(r):
    if r.random() < .3:
        return people_statement(r)
    kind = r.randrange(9)
    if kind == 0:
        return f"meets {frequency(r)}"
    if kind == 1:
        return f'meets jointly with {title_choice(r, ["young people", "training", "Forum"], TITLE_REGEXES)} {frequency(r)}'
    if kind == 2:
        clear = "clear " if r.random() < .5 else ""
        working = "working " if r.random() < .6 else ""
        return f"agenda published at least {r.randint(1, 12)} {clear}{working}days before each meeting"
    if kind == 3:
        if r.random() < .2:
            return "each meeting has a title"
        if r.random() < .25:
            return f'each meeting has title {title_choice(r, ["Annual", "Board", "young people"], TITLE_REGEXES)}'
        if r.random() < .25:
            pattern = r.choice(REGEXES).replace("\\", "\\\\")  # a backslash in a quoted string is written \\
            return f'each meeting has item matching "{pattern}"'
        return f'each meeting has item {title_choice(r, ["forward plan", "Minutes", "voice", "Annual"], REGEXES)}'
    if kind == 4:
        title = f'"{r.choice(["Annual", "Report", "Highlight"])}" ' if r.random() < .4 else ""
        if r.random() < .3:
            return f'reports {title}{frequency(r)} to matching "{r.choice(RECIPIENT_REGEXES)}"'
        to = " and ".join(f'"{x}"' for x in r.sample(RECIPIENTS, 1 if r.random() < .7 else r.randint(2, 3)))
        return f'reports {title}{frequency(r)} to {to}'
    if kind == 5:
        return f'receives {title_choice(r, ["Terms of Reference", "annual report", "Forward Plan"], REGEXES)} {frequency(r)}'
    if kind == 6:
        return f'receives {title_choice(r, ["Terms of Reference", "annual report"], REGEXES)} by {random_day(r, 2015, 2026)}'
    if kind == 7:
        title = title_choice(r, ["agenda setting", "Training", "session"], TITLE_REGEXES)
        if r.random() < .35:
            return f'each meeting preceded by {title} since the previous meeting'
        return f'each meeting preceded by {title} within {r.randint(1, 60)} days'
    if kind == 8 and r.random() < .5:
        return "first meeting of each year has item " + title_choice(r, ["Minutes", "forward plan", "Election of Chair",
                                                                          "Annual"], REGEXES)
    return f"meets {frequency(r)}"


def spelt(text):
    """The statement, or the same with its counts as a ToR writes them: in words from one to twelve
    ("quorum three members"), and "at least 1 times a year" as "once a year", "at least 2 times a
    quarter" as "at least twice a quarter", "at least 4 times a year" as "4 times a year" (docs/language.md,
    "Numbers"). Chosen by the text, not drawn on `r`, so the cases stay as they were but for the
    spelling; quoted strings, percentages and dates are left as they are."""
    spelling = sum(text.encode()) % 4
    if spelling == 0:
        return text
    parts = re.split(r'("(?:[^"\\]|\\.)*")', text)  # the odd parts are quoted strings
    for i in range(0, len(parts), 2):
        part = parts[i]
        if spelling in (1, 3):
            part = re.sub(r"at least ([12]) times? a ", lambda m: ("at least " if spelling == 1 else "") +
                          ("once" if m.group(1) == "1" else "twice") + " a ", part)
        if spelling in (2, 3):
            part = re.sub(r"at least (\d+) times? a ", lambda m: m.group(1) + " times a ", part)
        if spelling in (1, 2):
            part = re.sub(r"(?<![\w.%/-])(1[0-2]|[1-9])(?![\w.%/-])", lambda m: ref.NUMBER_WORDS[int(m.group(1)) - 1],
                          part)
        parts[i] = part
    return "".join(parts)


def exact(text):
    """The statement, or in one case in three its count made exact: "at least 4 times a year" as
    "exactly 4 times a year", "has at most 3 members" as "has exactly 3 members" (docs/language.md,
    "Exactly"). Chosen by the text, not drawn on `r`, so the cases stay as they were."""
    if (sum(text.encode()) // 4) % 3 != 0:
        return text
    text = re.sub(r"^(meets (?:jointly with \"[^\"]*\" )?|(?:receives|approves) \"[^\"]*\" |reports (?:\"[^\"]*\" )?)at least ",
                  lambda m: m.group(1) + "exactly ", text)
    return re.sub(r"^has at (?:most|least) (\d+) ", lambda m: f"has exactly {m.group(1)} ", text)


def approving(text):
    """The statement, or in one case in three a `receives` as `approves` (docs/language.md,
    "Decisions"). Chosen by the text, not drawn on `r`, so the cases stay as they were."""
    if not text.startswith("receives ") or (sum(text.encode()) // 8) % 3 != 0:
        return text
    return "approves " + text[len("receives "):]


def with_outcomes(day, items):
    """The agenda items, some with an outcome in brackets (docs/inputs.md, "Outcomes"), some with
    a bracket of the title's own, most with none. Chosen by the text, not drawn on `r`."""
    out = []
    for item in items:
        roll = sum((day + item).encode()) % 12
        out.append(item + ["[approved]", " [agreed]", " [ Adopted ]", " [deferred]", " [noted]", " [draft]"][roll]
                   if roll < 6 else item)
    return out


def with_modifiers(r, text):
    """Sometimes advisory (with a quote that may hold a comma), a severity, informal meetings."""
    modifiers = []
    if r.random() < .15 and not text.startswith(("reports", "meets jointly")):
        modifiers.append("informal meetings count")
    roll = r.random()
    if roll < .15:
        modifiers.append(r.choice(["advisory", 'advisory "usually, where possible"', 'advisory "should"']))
    elif roll < .25:
        modifiers.append(f"severity {r.choice(['minor', 'major', 'critical'])}")
    r.shuffle(modifiers)
    return text + "".join(f", {m}" for m in modifiers)


def random_day(r, first_year, last_year):
    year = r.randint(first_year, last_year)
    month = r.randint(1, 12)
    # Month ends and leap days are where calendar arithmetic goes wrong: draw them often.
    day = r.choice([1, 28, 29, 30, 31, r.randint(1, 31)])
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


def log_rows(r, bodies, council, frm, to):
    rows = []
    for body in bodies:
        day = frm - r.randint(0, 120) * DAY
        while day <= to + 40 * DAY:
            kind = r.choices(["meeting", "session", "report"], [6, 2, 2])[0]
            status = r.choices(["held", "cancelled", "postponed", "scheduled", "confirmed", ""], [8, 1, 1, 1, 2, 3])[0]
            published = ""
            if kind == "meeting" and r.random() < .85:
                published = log_date(day - r.randint(0, 14) * DAY)
            items = ";".join(with_outcomes(log_date(day), r.sample(ITEMS, r.randint(0, 4)))) if r.random() < .9 else ""
            row = {"council": council if r.random() < .8 else r.choice(["", "Other Council"]),
                   "body": body if r.random() < .9 else body.upper(),
                   "date": log_date(day), "kind": kind if kind != "meeting" or r.random() < .7 else "",
                   "status": status, "title": r.choice(TITLES),
                   "to": r.choice(RECIPIENTS) if kind == "report" else "",
                   "published": published, "items": items,
                   "attendees": attendees(r) if kind == "meeting" else ""}
            rows.append(row)
            # Steps of exactly a month, two months or six weeks land events on due dates.
            step = r.choice(["month", "2months", "6weeks", "days"])
            if step == "month":
                day = ref.add_months(day, 1)
            elif step == "2months":
                day = ref.add_months(day, 2)
            elif step == "6weeks":
                day = day + 42 * DAY
            else:
                day = day + r.randint(1, 75) * DAY
    r.shuffle(rows)
    return rows


def csv_text(rows, columns=("council", "body", "date", "kind", "status", "title", "to", "published", "items",
                              "attendees", "time")):
    lines = [",".join(columns)]
    for row in rows:
        cells = []
        for c in columns:
            v = row[c]
            cells.append('"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\n') else v)
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def case(r):
    calendar = r.choice(["england-and-wales", "england-and-wales", "scotland", "northern-ireland", "none"])
    first_year = 2013 if calendar in ("england-and-wales", "none") else 2019
    frm = random_day(r, first_year, 2026)
    to = frm + r.choice([0, 30, 90, 200, 400, 800]) * DAY
    to = min(to, dt.date(2027, 11, 30))
    if to < frm:
        frm, to = to, frm
    bodies = r.sample(BODIES, r.randint(1, 2))
    council = "Example Council"
    lines = []
    if r.random() < .7:
        lines.append(f'council "{council}"')
    lines.append(f"calendar {calendar}")
    if r.random() < .5:
        lines.append(f"year starts 1 {r.choice(MONTHS)}")
    blocks, labels = [], []
    renamed = {body: f"{body} (renamed)" for body in bodies if (frm.toordinal() + len(body)) % 6 == 0}
    for i, body in enumerate(bodies + (["*"] if r.random() < .2 else [])):
        # Sometimes successive versions of the body's rules, taking effect around the window.
        took_effect = [None] if r.random() < .9 else [frm + r.randint(-200, 300) * DAY]
        for _ in range(r.choice([0] * 8 + [1, 2])):
            after = took_effect[-1] or frm - r.randint(0, 200) * DAY
            took_effect.append(after + r.randint(1, 300) * DAY)
        for version, since in enumerate(took_effect):
            statements = [(f"{i + 1}.{k + 1}" if r.random() < .8 else "voice", with_modifiers(r, spelt(exact(approving(statement(r))))))
                          for k in range(r.randint(1, 5))]
            labels += [label for label, _ in statements]
            name = "*" if body == "*" else f'"{body}"' if version == 0 or r.random() < .7 else f'"{body.lower()}"'
            # Now and then the body renamed (docs/language.md, "Renamed bodies"): its last version under
            # the new name, also the old one, and some of its rows under each; chosen without drawing
            # on `r`, so the cases stay as they were.
            if body in renamed and version == len(took_effect) - 1:
                name = f'"{renamed[body]}" also "{body}"'
            block = [f"body {name}{f' from {since}' if since else ''} {{"]
            if r.random() < .2:
                block.append(f"  year starts 1 {r.choice(MONTHS)}")
            if len(took_effect) > 1 and r.random() < .3:
                block.append(f"  waive {statements[0][0]} from {frm} to {frm + r.randint(0, 300) * DAY} because \"recess\"")
            block += [f"  {label}  {text}" for label, text in statements]
            # Now and then a clause not checked, under a label a statement has (so that a waiver of
            # any label stays valid); chosen without drawing on `r`, so the cases stay as they were.
            if (i + version) % 3 == 0:
                block.insert(len(block) - len(statements) + 1,
                             f'  {statements[0][0]}  not checked "not in the logs (block {len(blocks) + 1})"')
            block.append("}")
            blocks.append(block)
    # Now and then the political balance, or a count of a party's members, in the first block (a
    # groups file beside every case: groups_for); chosen without drawing on `r`.
    extra = {0: "reflects the political balance of the council",
             1: f'has at most {1 + frm.day % 3} members of party "Labour"',
             2: f'has at least 2 "Councillor" members of party "labour"'}.get(frm.toordinal() % 4)
    if extra and blocks:
        blocks[0].insert(len(blocks[0]) - 1, f"  pb  {extra}")
    held = {0: 'role "Chair" held by an elected member', 1: 'role "Vice-Chair" held by "Chair"',
            2: 'role "Chair" held by "Councillor"'}.get(frm.toordinal() // 4 % 5)
    if held and blocks:
        blocks[-1].insert(len(blocks[-1]) - 1, f"  hb  {held}")
    for _ in range(r.choice([0, 0, 1, 2])):
        start = frm + r.randint(-60, 400) * DAY
        lines.append(f"waive {r.choice(labels)} from {start} to {start + r.randint(0, 200) * DAY} because \"reason\"")
    # Now and then a precedence rule on the meeting's own day instead of within N days; chosen
    # from the number drawn, so the cases stay as they were.
    blocks = [[re.sub(r"(each meeting preceded by .*) within (\d+) days", lambda m: f"{m[1]} on the day"
                      if int(m[2]) % 4 == 0 else m[0], line) for line in block] for block in blocks]
    text = "\n".join(lines + [""] + ["\n".join(b) for b in blocks]) + "\n"
    members = membership_rows(r, bodies, frm, to)
    people = csv_text(members, ("council", "body", "person", "role", "partner", "party", "type", "voting", "from", "to"))
    training = csv_text(training_rows(r, text, members), ("council", "body", "person", "training", "date"))
    rows = log_rows(r, bodies, council, frm, to)
    for row in rows:  # about half a renamed body's rows, by their dates, under its new name
        old = next((b for b in renamed if ref.fold(b) == ref.fold(row["body"])), None)
        if old and sum(map(ord, row["date"])) % 2 == 0:
            row["body"] = renamed[old]
    # Times of day, and sessions on a meeting's own day, derived from what was drawn: most rows a
    # time (from 08:00 to 19:45), some none; one meeting in three a session of its body that day,
    # before or after it, with or without a time of its own.
    def time_of(seed):
        return "" if seed % 5 == 0 else f"{8 + seed % 12:02}:{15 * (seed // 12 % 4):02}"
    same_day = []
    for row in rows:
        seed = sum(map(ord, row["date"] + row["body"] + row["title"]))
        row["time"] = time_of(seed)
        if row["kind"] in ("meeting", "") and seed % 3 == 0:
            same_day.append(dict(row, kind="session", status="held", title=TITLES[seed % len(TITLES)], to="", published="",
                                 items="", attendees="", time=time_of(seed // 3)))
    rows += same_day
    return text, csv_text(rows), people, training, frm, to


def groups_for(frm):
    """The council's political groups for a case starting on `frm` (docs/inputs.md, "Political
    groups"): derived from the date alone, so the cases stay as they were; sometimes none, sometimes
    a change of seats in the window, sometimes a group of no other council."""
    rows = [("council", "group", "seats", "from", "to")]
    if frm.toordinal() % 5 == 0:
        return csv_text([], rows[0])
    start, change = frm - 400 * DAY, frm + (frm.toordinal() % 200) * DAY
    rows += [("Example Council", "Labour", str(20 + frm.day % 7), log_date(start), log_date(change - DAY)),
             ("Example Council", "Labour", str(18 + frm.day % 3), log_date(change), ""),
             ("Example Council", "Conservative", "15", log_date(start), ""),
             ("Example Council", "Green", str(3 + frm.month % 4), log_date(start), "")]
    if frm.toordinal() % 7 == 0:
        rows.append(("", "Independent", "2", log_date(start), ""))
    return csv_text([dict(zip(rows[0], row)) for row in rows[1:]], rows[0])


def uk_today():
    """Today in the United Kingdom, as remit takes it: the window of a random case may run past it."""
    from zoneinfo import ZoneInfo
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def comparable(results, key_body):
    out = []
    for x in results:
        # An empty list of people is left out of remit's report.
        findings = [{k: f.get(k) or None if k == "people" else f.get(k)
                     for k in ("status", "due", "date", "meeting", "period_start", "period_end", "found", "people")}
                    for f in x["findings"]]
        # Findings of one day in the order of their events (remit) or of their people (the reference):
        # compared as a set within a day, so a session on a meeting's day does not reorder them.
        findings.sort(key=lambda f: (f["due"], f["date"] or "", f["meeting"] or "", f["status"], f["people"] or []))
        out.append({"body": key_body(x["body"]), "rule": x["rule"], "status": x["status"], "findings": findings})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("remit")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="write each disagreeing case into this folder")
    parser.add_argument("--part", default="1/1", metavar="K/N",
                        help="run only the K-th of N equal shares of the cases, the same cases as a whole run makes "
                             "(so that ctest can run the shares side by side)")
    parser.add_argument("--compare", choices=["both", "reference", "engines"], default="both",
                        help="remit with the reference evaluator, remit's batch engine with its streamed engine, "
                             "or both (the default)")
    a = parser.parse_args()
    part, parts = (int(x) for x in a.part.split("/"))
    if not 1 <= part <= parts:
        parser.error(f"--part {a.part}: K must be from 1 to N")
    first, last = a.cases * (part - 1) // parts, a.cases * part // parts
    r = random.Random(a.seed)
    disagreements = 0
    statuses = {}
    engine_differences, tally = 0, engines.Tally()
    # The engines write seven reports a case, each synced to disk: in memory when there is room.
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory(dir=shm) as engine_work:
        rules_path, log_path = os.path.join(work, "case.remit"), os.path.join(work, "case.csv")
        people_path = os.path.join(work, "membership.csv")
        training_path = os.path.join(work, "training.csv")
        groups_path = os.path.join(work, "groups.csv")
        cases = [(n, case(r)) for n in range(last)][first:]  # every case is made, so that each share's are the same
        if a.compare != "reference":
            refused = engines.refused_in(a.remit, engine_work, {n: drawn[0] for n, drawn in cases})
        for n, (rules, log, people, training, frm, to) in cases:
            if a.compare != "reference":
                different = engines.compare(a.remit, engine_work, rules, [("case.csv", log), ("membership.csv", people),
                                                                         ("training.csv", training),
                                                                         ("groups.csv", groups_for(frm))], frm, to, tally,
                                            None if refused is None else refused.get(n, ([], [])))
                if different:
                    engine_differences += 1
                    print(f"case {n} (seed {a.seed}): {different}")
                    keep(a.keep, a.seed, n, rules, log, people, training)
            if a.compare == "engines":
                if disagreements + engine_differences >= 5:
                    break
                continue
            open(rules_path, "w").write(rules)
            open(log_path, "w").write(log)
            open(people_path, "w").write(people)
            open(training_path, "w").write(training)
            open(groups_path, "w").write(groups_for(frm))
            run = subprocess.run([a.remit, "check", rules_path, "--log", log_path, "--log", people_path, "--log",
                                  training_path, "--log", groups_path, "--from", str(frm), "--to", str(to),
                                  "--format", "json"],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                got = {"exit": run.returncode, "stderr": run.stderr}
            else:
                report = json.loads(run.stdout)
                got = comparable(report["results"], ref.fold)
                got.append(sorted((ref.fold(x["body"]), x["clause"], x["reason"]) for x in report["not_checked"]))
            not_checked = []
            want = comparable(ref.audit(rules_path, log_path, frm, to, people_path, training_path, uk_today(),
                                        not_checked, groups_path), lambda b: b)
            want.append(sorted((x["body"], x["clause"], x["reason"]) for x in not_checked))
            for x in want[:-1]:
                statuses[x["status"]] = statuses.get(x["status"], 0) + 1
            if got != want:
                disagreements += 1
                print(f"case {n} (seed {a.seed}): remit and the reference evaluator disagree\n"
                      f"--- window {frm} to {to}\n--- rules\n{rules}--- log\n{log}--- membership\n{people}"
                      f"--- training\n{training}--- groups\n{groups_for(frm)}"
                      f"--- remit\n{json.dumps(got, indent=1)}\n--- reference\n{json.dumps(want, indent=1)}")
                keep(a.keep, a.seed, n, rules, log, people, training)
            if disagreements + engine_differences >= 5:
                break
    share = f", cases {first + 1} to {last} of {a.cases}" if parts > 1 else ""
    if a.compare != "engines":
        print(f"{last - first} random cases (seed {a.seed}{share}), rule statuses {dict(sorted(statuses.items()))}: "
              f"{disagreements} disagreements")
    compared_none = False
    if a.compare != "reference":
        print(f"{last - first} random cases (seed {a.seed}{share}) through the batch and the streamed engine, "
              f"logs in date order: {tally.line()}: {engine_differences} differences")
        # A run that compared no case checked nothing: it fails rather than pass.
        compared_none = not tally.compared()
        if compared_none:
            print("no case was compared: the streamed engine judged nothing of any")
    return 1 if disagreements or engine_differences or compared_none else 0


def keep(folder, seed, n, rules, log, people, training):
    """Writes a failing case into FOLDER (--keep), if given."""
    if folder:
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, f"case-{seed}-{n}.remit"), "w").write(rules)
        open(os.path.join(folder, f"case-{seed}-{n}.csv"), "w").write(log)
        open(os.path.join(folder, f"case-{seed}-{n}-membership.csv"), "w").write(people)
        open(os.path.join(folder, f"case-{seed}-{n}-training.csv"), "w").write(training)


if __name__ == "__main__":
    sys.exit(main())
