"""An independent evaluator of the remit language, written to be obviously right, not fast.

It shares no code with remit: its own parser (regular expressions over the statement forms),
its own CSV reading (the standard library), and brute force over days. Only the bank-holiday
data file is shared, since both must agree on what a bank holiday is.

    python3 reference_eval.py RULES LOG --from F --to T   # prints the results as JSON
"""
import argparse
import collections
import csv
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HOLIDAYS_FILE = os.path.join(HERE, "..", "..", "data", "bank-holidays", "bank-holidays.json")

DAY = dt.timedelta(days=1)
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


def fold(text):
    """Case-insensitive (ASCII), runs of white space folded to one space, ends trimmed."""
    out = []
    for ch in text.replace("\u00a0", " "):
        out.append(ch.lower() if "A" <= ch <= "Z" else ch)
    return " ".join("".join(out).split())


def parse_date(text):
    return dt.date.fromisoformat(text)


def parse_log_date(text):
    """A date in a log: yyyy-mm-dd, or day first as a UK spreadsheet exports it (dd/mm/yyyy,
    d/m/yyyy). Never month first."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"not a log date: {text}")
    return parse_date(text)


# ---- calendar ----------------------------------------------------------------------------

class Calendar:
    def __init__(self, division):
        self.division = division
        self.holidays = {}
        if division != "none":
            data = json.load(open(HOLIDAYS_FILE))
            for e in data[division]["events"]:
                self.holidays[parse_date(e["date"])] = e["title"]
            years = [d.year for d in self.holidays]
            self.first, self.last = min(years), max(years)

    def is_working(self, day):
        if day.weekday() >= 5:
            return False
        if self.division != "none" and not (self.first <= day.year <= self.last):
            raise ValueError(f"no bank-holiday data for {day.year}")
        return day not in self.holidays

    def working_days_before(self, meeting, n):
        """Walk back one day at a time until n working days have been passed."""
        day, counted = meeting, 0
        while counted < n:
            day -= DAY
            if self.is_working(day):
                counted += 1
        return day


# ---- dates -------------------------------------------------------------------------------

def add_months(day, n):
    """Same day of the month, clamped to the target month's last day."""
    index = day.year * 12 + (day.month - 1) + n
    year, month = divmod(index, 12)
    month += 1
    last = 31
    while True:
        try:
            dt.date(year, month, last)
            break
        except ValueError:
            last -= 1
    return dt.date(year, month, min(day.day, last))


def add_interval(day, count, unit, grace):
    if unit == "day":
        due = day + count * DAY
    elif unit == "week":
        due = day + 7 * count * DAY
    elif unit == "month":
        due = add_months(day, count)
    else:
        due = add_months(day, 12 * count)
    return due + grace * DAY


# ---- rule files --------------------------------------------------------------------------

Q = r'"((?:[^"\\]|\\.)*)"'
# A count: digits, or a word from one to twelve.
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
NUMBER = r"\d+|" + "|".join(NUMBER_WORDS)
N = "(" + NUMBER + ")"
PERIOD_MONTHS = {"year": 12, "quarter": 3, "month": 1, "half-year": 6}


def num(text):
    return NUMBER_WORDS.index(text) + 1 if text in NUMBER_WORDS else int(text)


def unquote(s):
    return re.sub(r"\\(.)", r"\1", s)


# What a title or an item must hold: "A" [or "B" ...], or matching "REGEX".
QN = r'"(?:[^"\\]|\\.)*"'
TITLE = r"(matching " + QN + r"|" + QN + r"(?: or " + QN + r")*)"


def title_spec(text):
    """A test of a folded title or item: it contains one of the phrases, folded, or the pattern is found in it."""
    quoted = [unquote(x) for x in re.findall(Q, text)]
    if text.startswith("matching "):
        return lambda t: re.search(quoted[0], t, re.IGNORECASE) is not None
    phrases = [fold(x) for x in quoted]
    return lambda t: any(p in t for p in phrases)


def parse_frequency(text):
    """Returns (family, details) for a FREQ, or None."""
    t = text.strip()
    m = re.fullmatch(r"every " + N + r" (day|week|month|year)s?(?: with " + N + r" days? grace)?", t)
    if m:
        return ("gap", (num(m.group(1)), m.group(2), num(m.group(3) or "0")))
    m = re.fullmatch(r"at " + N + r" weekly intervals", t)
    if m:
        return ("gap", (num(m.group(1)), "week", 0))
    # "bi-monthly" and "six-monthly" are periods like "quarterly", not gaps (SPEC 1, amended).
    named_coverage = {"monthly": 1, "bi-monthly": 2, "quarterly": 3, "half-yearly": 6, "six-monthly": 6,
                      "annually": 12, "yearly": 12}
    if t in named_coverage:
        return ("count", (1, named_coverage[t], "coverage"))
    # "twice a year" is "at least 2 times a year"; so are "at least twice a year" and "2 times a year".
    m = re.fullmatch(r"(?:at least )?(once|twice) a (year|quarter|month|half-year)", t)
    if m:
        return ("count", (1 if m.group(1) == "once" else 2, PERIOD_MONTHS[m.group(2)], "count"))
    m = re.fullmatch(r"(?:at least )?" + N + r" times? a (year|quarter|month|half-year)", t)
    if m:
        return ("count", (num(m.group(1)), PERIOD_MONTHS[m.group(2)], "count"))
    # "exactly K times a year": K in each period and no more.
    m = re.fullmatch(r"exactly (" + NUMBER + r") times? a (year|quarter|month|half-year)", t) or \
        re.fullmatch(r"exactly (once|twice) a (year|quarter|month|half-year)", t)
    if m:
        k = {"once": 1, "twice": 2}.get(m.group(1)) or num(m.group(1))
        return ("count", (k, PERIOD_MONTHS[m.group(2)], "exactly"))
    return None


def split_modifiers(text):
    """The rule, and its modifiers: the parts after commas outside quoted strings."""
    parts, current, quoted, escaped = [], [], False, False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    parts.append("".join(current).strip())
    # `, else ...` is a step of a chain of stand-ins: part of the rule, not a modifier.
    while len(parts) > 1 and re.match(r"else\b", parts[1]):
        parts[0:2] = [parts[0] + ", " + parts[1]]
    modifiers = {"advisory": False, "severity": "major", "informal": False}
    for m in parts[1:]:
        if re.fullmatch(r"advisory(?: " + Q + ")?", m):
            modifiers["advisory"] = True
        elif re.fullmatch(r"severity (minor|major|critical)", m):
            modifiers["severity"] = m.split()[1]
        elif m == "informal meetings count":
            modifiers["informal"] = True
        else:
            raise ValueError(f"reference evaluator cannot read the modifier: {m}")
    return parts[0], modifiers


def parse_statement(text):
    t, modifiers = split_modifiers(text.strip())
    rule = parse_rule(t)
    rule.update(modifiers)
    return rule


def parse_rule(t):
    m = re.fullmatch(r"meets jointly with " + TITLE + r" (.+)", t)
    if m:
        return {"kind": "jointly", "x": title_spec(m.group(1)), "freq": parse_frequency(m.group(2))}
    m = re.fullmatch(r"meets (.+)", t)
    if m:
        return {"kind": "meets", "freq": parse_frequency(m.group(1))}
    m = re.fullmatch(r"agenda published at least " + N + r" (clear )?(working )?days? before each meeting", t)
    if m:
        return {"kind": "notice", "n": num(m.group(1)), "clear": bool(m.group(2)), "working": bool(m.group(3))}
    if t == "each meeting has a title":
        return {"kind": "title", "x": None}
    m = re.fullmatch(r"each meeting has title " + TITLE, t)
    if m:
        return {"kind": "title", "x": title_spec(m.group(1))}
    m = re.fullmatch(r"each meeting has item " + TITLE, t)
    if m:
        return {"kind": "item", "x": title_spec(m.group(1))}
    m = re.fullmatch(r"each meeting preceded by " + TITLE + r" within " + N + r" days?", t)
    if m:
        return {"kind": "precedence", "x": title_spec(m.group(1)), "n": num(m.group(2))}
    m = re.fullmatch(r"each meeting preceded by " + TITLE + r" since the previous meeting", t)
    if m:
        return {"kind": "since previous", "x": title_spec(m.group(1))}
    m = re.fullmatch(r"each meeting preceded by " + TITLE + r" on the day", t)
    if m:
        return {"kind": "on the day", "x": title_spec(m.group(1))}
    m = re.fullmatch(r"reports (?:" + Q + r" )?(.+?) to (matching )?(" + QN + r"(?: and " + QN + r")*)", t)
    if m:
        title = unquote(m.group(1)) if m.group(1) is not None else None
        recipients = [unquote(x) for x in re.findall(Q, m.group(4))]
        return {"kind": "reports", "title": title, "freq": parse_frequency(m.group(2)), "to": recipients[0],
                "to_regex": bool(m.group(3)), "also_to": recipients[1:]}
    m = re.fullmatch(r"(receives|approves) " + TITLE + r" by (\d{4}-\d{2}-\d{2})", t)
    if m:
        return {"kind": "by", "x": title_spec(m.group(2)), "date": parse_date(m.group(3)),
                "approves": m.group(1) == "approves"}
    m = re.fullmatch(r"(receives|approves) " + TITLE + r" (.+)", t)
    if m:
        return {"kind": "receives", "x": title_spec(m.group(2)), "freq": parse_frequency(m.group(3)),
                "approves": m.group(1) == "approves"}
    roles = Q + r"(?: or " + Q + r")*"
    m = re.fullmatch(r"first meeting of each year has item " + TITLE, t)
    if m:
        return {"kind": "first meeting", "x": title_spec(m.group(1))}
    # The people statements (docs/language.md, "People").
    m = re.fullmatch(r"quorum " + N + r"(?: (?:" + TERM + r" )?members?)?(?: including " + N + r" (?:" + Q + r"|" + TERM
                     + r" members?))?", t)
    if m:
        return {"kind": "quorum", "n": num(m.group(1)), "term": m.group(2),
                "including": num(m.group(3)) if m.group(3) else 0,
                "including role": fold(unquote(m.group(4))) if m.group(4) is not None else None,
                "including term": m.group(5)}
    m = re.fullmatch(r"chaired by (?P<roles>" + roles + r")(?: when (?P<absent>" + Q + r") is absent)?", t)
    if m:
        return {"kind": "chair", "roles": role_list(m.group("roles")),
                "absent": role_list(m.group("absent"))[0] if m.group("absent") else None}
    # A chain of stand-ins: chaired by "A", else "B" [or ...] ... [, else any member].
    m = re.fullmatch(r"chaired by (?P<roles>" + roles + r")(?P<steps>(?: *, *else (?:" + roles + r"))*)"
                     r"(?P<any> *, *else any member)?", t)
    if m:
        steps = [role_list(m.group("roles"))]
        steps += [role_list(x) for x in re.findall(r"else ((?:" + Q.replace("(", "(?:", 1) + r")(?: or " + Q.replace("(", "(?:", 1)
                                                    + r")*)", m.group("steps"))]
        return {"kind": "chain", "steps": steps, "any member": m.group("any") is not None}
    m = re.fullmatch(r"each meeting attended by (?P<roles>" + roles + r")(?: from at least (?P<n>" + NUMBER + r") partners)?", t)
    if m:
        return {"kind": "attended", "roles": role_list(m.group("roles")), "partners": num(m.group("n") or "0")}
    m = re.fullmatch(r"each meeting invites (?P<roles>" + roles + r")", t)
    if m:
        return {"kind": "invites", "roles": role_list(m.group("roles"))}
    m = re.fullmatch(r"has members of at least (?P<n>" + NUMBER + r") parties(?: among (?P<roles>" + roles + "))?", t)
    if m:
        return {"kind": "parties", "n": num(m.group("n")),
                "roles": role_list(m.group("roles")) if m.group("roles") else []}
    m = re.fullmatch(r"has member (" + roles + ")", t)
    if m:
        return {"kind": "has member", "roles": role_list(m.group(1))}
    m = re.fullmatch(r"has (at most|at least|exactly) " + N + r" (?:" + Q + r" |" + TERM + r" )?members?(?: of party " + Q + ")?", t)
    if m:
        return {"kind": "size", "bound": m.group(1), "n": num(m.group(2)),
                "role": fold(unquote(m.group(3))) if m.group(3) is not None else None, "term": m.group(4),
                "party": fold(unquote(m.group(5))) if m.group(5) is not None else None}
    if t == "reflects the political balance of the council":
        return {"kind": "balance"}
    m = re.fullmatch(r"each member(?: except (?P<roles>" + roles + r"))? attends (?:at least (?P<p>\d+)% of meetings|every meeting)"
                     r"(?: each (?P<period>year|quarter|half-year|month))?", t)
    if m:
        months = {"year": 12, "quarter": 3, "month": 1, "half-year": 6}[m.group("period") or "year"]
        return {"kind": "rate", "percent": int(m.group("p") or 100), "months": months,
                "except": role_list(m.group("roles")) if m.group("roles") else []}
    m = re.fullmatch(r"each member trained in " + Q + r" within " + N + r" (day|week|month|year)s? of joining", t)
    if m:
        return {"kind": "training", "training": fold(unquote(m.group(1))), "n": num(m.group(2)), "unit": m.group(3)}
    m = re.fullmatch(r"role " + Q + r" held by (?:" + Q + r"|an elected member)", t)
    if m:
        return {"kind": "held by", "role": fold(unquote(m.group(1))),
                "office": fold(unquote(m.group(2))) if m.group(2) is not None else None}
    m = re.fullmatch(r"role " + Q + r" rotates between partners annually", t)
    if m:
        return {"kind": "rotation", "role": fold(unquote(m.group(1)))}
    raise ValueError(f"reference evaluator cannot read: {t}")


# A kind of member (docs/language.md, "Kinds of member"), where a quoted role may stand before "members".
TERM = r"(elected|co-opted|voting)"


def kind_of(term, person, in_force_now):
    """Whether the person is a member of the kind on the day, by their memberships in force: "yes",
    "no", or None when none of them records it (no type and no party; or no membership at all)."""
    rows = [x for x in in_force_now if x["person"] == person]
    if term == "voting":
        return None if not rows else "yes" if any(x["voting"] for x in rows) else "no"
    if any(x["type"] == term for x in rows):
        return "yes"
    return "no" if any(x["type"] for x in rows) else None


def role_list(text):
    return [fold(unquote(x)) for x in re.findall(Q, text)]


def strip_comment(line):
    out, quoted, escaped = [], False, False
    for ch in line:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            break
        out.append(ch)
    return "".join(out).strip()


def parse_rules(path):
    settings = {"council": None, "calendar": "england-and-wales", "year_start": 1}
    waivers, bodies, body = [], [], None
    for raw in open(path, encoding="utf-8-sig"):
        line = strip_comment(raw)
        if not line:
            continue
        target = body["settings"] if body else settings
        m = re.fullmatch(r"council " + Q, line)
        if m:
            target["council"] = unquote(m.group(1))
            continue
        m = re.fullmatch(r"calendar (\S+)", line)
        if m:
            target["calendar"] = m.group(1)
            continue
        m = re.fullmatch(r"year starts 1 (\w+)", line)
        if m:
            target["year_start"] = MONTHS.index(m.group(1).lower()) + 1
            continue
        m = re.fullmatch(r"waive (\S+) from (\S+) to (\S+) because " + Q, line)
        if m:
            (body["waivers"] if body else waivers).append((m.group(1), parse_date(m.group(2)), parse_date(m.group(3))))
            continue
        # body "NAME" [also "OLD" [and "OLDER" ...]] [from DATE] {   or   body * [from DATE] {
        m = re.fullmatch(r"body (?:" + Q + r"|(\*))((?: (?:also|and) " + QN + r")*)(?: from (\d{4}-\d{2}-\d{2}))? \{", line)
        if m:
            also = [unquote(q) for q in re.findall(Q, m.group(3))]
            body = {"name": unquote(m.group(1)) if m.group(1) is not None else None, "also": also, "settings": {},
                    "statements": [], "not_checked": [], "waivers": [], "from": parse_date(m.group(4)) if m.group(4) else None}
            bodies.append(body)
            continue
        if line == "}":
            body = None
            continue
        # LABEL not checked "REASON": a clause the file says is not checked; never evaluated.
        m = re.fullmatch(r"(\S+)\s+not checked " + Q, line)
        if m:
            body["not_checked"].append((m.group(1), unquote(m.group(2))))
            continue
        label, rest = line.split(None, 1)
        rule = parse_statement(rest)
        # reports ... to "A" and "B": one result per recipient, in the order written.
        for to in rule.pop("also_to", []):
            body["statements"].append({"label": label, "text": rest.strip(), "rule": rule})
            rule = dict(rule, to=to)
        body["statements"].append({"label": label, "text": rest.strip(), "rule": rule})
    return settings, waivers, bodies


# ---- logs --------------------------------------------------------------------------------

OUTCOMES = ["approved", "agreed", "adopted", "noted", "deferred", "rejected", "withdrawn"]
APPROVALS = ("approved", "agreed", "adopted")


def split_outcome(item):
    """An item's title and its outcome: the last bracket, when it holds an outcome word after a
    title (`Review [approved]`); any other bracket is part of the title."""
    item = item.strip()
    if item.endswith("]"):
        at = item.rfind("[")
        if at >= 0 and fold(item[at + 1:-1]) in OUTCOMES and item[:at].strip():
            return item[:at].strip(), fold(item[at + 1:-1])
    return item, None


def read_log(path):
    events = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            row = {k.strip().lower(): (v or "") for k, v in row.items() if k is not None}
            items = [split_outcome(i) for i in row.get("items", "").split(";") if i.strip()]
            events.append({
                "body": fold(row["body"]),
                "body_text": row["body"].strip(),
                "council": fold(row.get("council", "")),
                "date": parse_log_date(row["date"].strip()),
                "kind": fold(row.get("kind", "")) or "meeting",
                "status": fold(row.get("status", "")) or "held",
                "title": fold(row.get("title", "")),
                "to": fold(row.get("to", "")),
                "published": parse_log_date(row["published"].strip()) if row.get("published", "").strip() else None,
                # HH:MM as minutes since midnight; None: not recorded.
                "time": (int(row["time"].strip()[:2]) * 60 + int(row["time"].strip()[3:]))
                        if row.get("time", "").strip() else None,
                "items": [fold(title) for title, _ in items],
                "outcomes": [outcome for _, outcome in items],
                "attendees": read_attendees(row.get("attendees", "")),
            })
    return events


ATTENDING = {"present", "present virtually", "substitute", "substitute virtually", "in attendance",
             "in attendance virtually"}


def read_attendees(cell):
    """[(name, folded name, folded role, attendance)] from an attendees cell with no escapes."""
    out = []
    for entry in cell.split(";"):
        if not entry.strip():
            continue
        m = re.fullmatch(r"\s*([^(]+?)\s*\((?:([^,()]*),)?\s*([^,()]+?)\s*\)\s*", entry)
        name, role, word = m.group(1), m.group(2) or "", m.group(3)
        out.append((name.strip(), fold(name), fold(role), fold(word)))
    return out


def read_people(path):
    """Membership rows: the people of docs/inputs.md ("Membership")."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows.append({"body": fold(row["body"]), "council": fold(row.get("council", "")),
                         "name": row["person"].strip(), "person": fold(row["person"]), "role": fold(row.get("role", "")),
                         "partner": fold(row.get("partner") or ""), "party": fold(row.get("party") or ""),
                         # A party and no type is an elected member; voting unless it says no.
                         "type": fold(row.get("type") or "") or ("elected" if fold(row.get("party") or "") else ""),
                         "voting": fold(row.get("voting") or "") != "no",
                         "from": parse_log_date(row["from"]), "to": parse_log_date(row["to"]) if row.get("to") else None})
    return rows


def read_groups(path):
    """A council's political groups: docs/inputs.md ("Political groups")."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows.append({"council": fold(row.get("council") or ""), "group": fold(row["group"]), "name": row["group"].strip(),
                         "seats": int(row["seats"]), "from": parse_log_date(row["from"]),
                         "to": parse_log_date(row["to"]) if row.get("to") else None})
    return rows


def balance_finding(day, members, groups):
    """reflects the political balance of the council, at a meeting on `day` (docs/language.md,
    "Political balance"): None when met."""
    def cannot():
        return finding("no-evidence", day, day, meeting=day)
    now = [g for g in groups if in_force(g, day)]
    if not groups or not now or len({g["council"] for g in now}) > 1 or len({g["group"] for g in now}) < len(now):
        return cannot()
    total = sum(g["seats"] for g in now)
    if total == 0 or not members:
        return cannot()
    rows = [x for x in members if in_force(x, day)]
    people = sorted({x["person"] for x in rows})
    councillors = {p for p in people if any(x["person"] == p and x["type"] == "elected" for x in rows)}
    if any(p not in councillors and not any(x["person"] == p and x["type"] for x in rows) for p in people):
        return cannot()  # neither type nor party: whether a councillor is not recorded
    party, names = {}, {}
    for p in councillors:
        parties = sorted(x["party"] for x in rows if x["person"] == p and x["type"] == "elected" and x["party"])
        if not parties:
            return cannot()
        party[p] = parties[0]
        names[p] = min(x["name"] for x in rows if x["person"] == p)
    if any(party[p] not in {g["group"] for g in now} for p in councillors):
        return cannot()
    s = len(councillors)
    if s == 0:
        return None
    share = {g["group"]: s * g["seats"] // total for g in now}
    left = s - sum(share.values())
    for g in sorted(now, key=lambda g: (-(s * g["seats"] % total), -g["seats"], g["group"]))[:left]:
        share[g["group"]] += 1
    held = {g["group"]: sum(1 for p in councillors if party[p] == g["group"]) for g in now}
    wrong = any(abs(held[g["group"]] - share[g["group"]]) > 1 for g in now) or \
        any(2 * g["seats"] > total and 2 * held[g["group"]] <= s for g in now)
    if not wrong:
        return None
    return finding("breach", day, day, meeting=day, found=s, people=by_name(names.values()))


def read_training(path):
    """Training rows: docs/inputs.md ("Training"). An empty body is every body's."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows.append({"body": fold(row.get("body") or ""), "council": fold(row.get("council") or ""),
                         "person": fold(row["person"]), "training": fold(row["training"]),
                         "date": parse_log_date(row["date"].strip())})
    return rows


def in_force(m, day):
    return m["from"] <= day and (m["to"] is None or day <= m["to"])


def by_name(names):
    return sorted(names, key=lambda n: (fold(n), n))


# ---- evaluation --------------------------------------------------------------------------

def periods(frm, to, months, year_start):
    """Every period aligned to the year start that lies wholly inside [frm, to]."""
    out = []
    start = dt.date(frm.year - 1, year_start, 1)
    while start <= to:
        end = add_months(start, months) - DAY
        if start >= frm and end <= to:
            out.append((start, end))
        start = add_months(start, months)
    return out


def finding(status, due, date=None, **extra):
    f = {"status": status, "due": due.isoformat(), "date": date.isoformat() if date else None}
    for k, v in extra.items():
        f[k] = v.isoformat() if isinstance(v, dt.date) else v
    return f


def frequency_findings(freq, dates, frm, to, year_start, span, unsure=()):
    """Returns (findings, fell_due) for a gap, coverage or count frequency over event dates.
    span = (first, last, took_effect): the days a version judges, and the day it took effect.
    unsure: the dates of events the records cannot tell about (no agenda items recorded; approves:
    or the item's outcome not recorded): a shortfall they could have made good is no-evidence."""
    family, details = freq
    first, last, took_effect = span
    if family == "gap":
        count, unit, grace = details

        def due_after(p):
            due = add_interval(p, count, unit, grace)
            return max(due, took_effect) if took_effect else due

        before = [d for d in dates if d < first]
        chain = [max(before) if before else frm] + sorted(d for d in dates if first <= d <= last)
        out, fell_due = [], len(chain) > 1
        def late(p, due):
            return "no-evidence" if any(p < u <= due and u <= last for u in unsure) else "breach"

        for p, q in zip(chain, chain[1:]):
            due = due_after(p)
            if q > due:
                out.append(finding(late(p, due), due, q))
        due = due_after(chain[-1])
        if last > due:
            out.append(finding(late(chain[-1], due), due, None))
        if due < last:
            fell_due = True
        return out, fell_due
    needed, months, shape = details
    out, fell_due = [], False
    for start, end in periods(frm, to, months, year_start):
        if not first <= end <= last:
            continue  # judged by the version in force on the period's last day
        fell_due = True
        found = sum(1 for d in dates if start <= d <= end)
        maybe = sum(1 for d in unsure if start <= d <= end)
        # Met however the unsure events went; else no-evidence when some way of going meets it.
        possible = range(found, found + maybe + 1)
        if shape == "exactly":
            met = all(n == needed for n in possible)
            could = any(n == needed for n in possible)
        else:
            met = found >= needed
            could = found + maybe >= needed
        if not met:
            extra = {"period_start": start, "period_end": end}
            if shape in ("count", "exactly"):
                extra["found"] = found
            out.append(finding("no-evidence" if could else "breach", end, None, **extra))
    return out, fell_due


def training_findings(rule, members, trainings, frm, to):
    """each member trained in T within N UNIT of joining, member by member."""
    if not members:
        return [finding("no-evidence", to, None)], True
    out, fell_due = [], False
    for person in sorted({x["person"] for x in members}):
        rows = [x for x in members if x["person"] == person]
        joined = min(x["from"] for x in rows)
        due = add_interval(joined, rule["n"], rule["unit"], 0)
        if not frm <= due <= to:
            continue
        if not any(in_force(x, due) for x in rows):
            continue  # left before the training fell due: owed nothing
        fell_due = True
        done = sorted(t["date"] for t in trainings
                      if t["person"] == person and rule["training"] in t["training"] and t["date"] <= to)
        if done and done[0] <= due:
            continue
        status = "breach" if trainings else "no-evidence"
        out.append(finding(status, due, done[0] if done else None, people=[min(x["name"] for x in rows)]))
    return out, fell_due


def holder_of(role, members, start, end):
    """Who holds the role in the year [start, end]: in it on the first day, else the first to take
    it during the year; of several, the earliest to start, then by name."""
    rows = [x for x in members if x["role"] == role]
    on_first_day = [x for x in rows if in_force(x, start)]
    taken = [x for x in rows if start <= x["from"] <= end]
    for candidates in (on_first_day, taken):
        if candidates:
            return min(candidates, key=lambda x: (x["from"], x["person"], x["name"]))
    return None


def rotation_findings(rule, members, frm, to, year_start):
    """role R rotates between partners annually, year by year."""
    out, fell_due = [], False
    for start, end in periods(frm, to, 12, year_start):
        fell_due = True
        previous_start = add_months(start, -12)
        now = holder_of(rule["role"], members, start, end)
        before = holder_of(rule["role"], members, previous_start, start - DAY)
        extra = {"period_start": start, "period_end": end}
        if now is None or before is None or not now["partner"] or not before["partner"]:
            out.append(finding("no-evidence", start, None, **extra))
        elif now["partner"] == before["partner"]:
            people = [before["name"]] if before["name"] == now["name"] else [before["name"], now["name"]]
            out.append(finding("breach", start, None, people=people, **extra))
    return out, fell_due


def taken(attendees, members, day):
    """Attendance was taken: someone not an officer in attendance (in attendance and not a member
    on the day) has a word other than expected."""
    member_now = {x["person"] for x in members if in_force(x, day)}
    return any(a[3] != "expected" and (a[3] not in ("in attendance", "in attendance virtually") or a[1] in member_now)
               for a in attendees)


def people_findings(rule, in_window, members, frm, to, year_start, trainings=(), groups=(), offices=()):
    """The people statements, straight from docs/language.md ("People")."""
    kind = rule["kind"]
    out = []
    if kind == "held by":
        # Whoever holds the role (the body's rows in force) holds the office (any row of the council's
        # records in force), or is an elected member.
        for m in in_window:
            day = m["date"]
            rows = [x for x in members if in_force(x, day)]
            holders = sorted({x["person"] for x in rows if x["role"] == rule["role"]})
            if not members or not holders:
                out.append(finding("no-evidence", day, day, meeting=day))
                continue
            if rule["office"]:
                office = {x["person"] for x in offices if in_force(x, day) and x["role"] == rule["office"]}
                if not office:
                    out.append(finding("no-evidence", day, day, meeting=day))
                    continue
                wrong, untold = [p for p in holders if p not in office], []
            else:
                kinds = {p: kind_of("elected", p, rows) for p in holders}
                wrong, untold = [p for p in holders if kinds[p] == "no"], [p for p in holders if kinds[p] is None]
            names = {x["person"]: min(y["name"] for y in rows if y["person"] == x["person"]) for x in rows}
            if wrong:
                out.append(finding("breach", day, day, meeting=day, people=by_name(names[p] for p in wrong)))
            elif untold:
                out.append(finding("no-evidence", day, day, meeting=day))
        return out, bool(in_window)
    if kind == "balance":
        found = [balance_finding(m["date"], members, list(groups)) for m in in_window]
        return [f for f in found if f is not None], bool(in_window)
    if kind == "training":
        return training_findings(rule, members, list(trainings), frm, to)
    if kind == "rotation":
        return rotation_findings(rule, members, frm, to, year_start)
    if kind == "rate":
        fell_due = False
        for start, end in periods(frm, to, rule["months"], year_start):
            meetings = [m for m in in_window if start <= m["date"] <= end]
            if not meetings:
                continue
            fell_due = True
            extra = {"period_start": start, "period_end": end}
            if any(not taken(m["attendees"], members, m["date"]) for m in meetings) or not members:
                out.append(finding("no-evidence", end, None, **extra))
                continue
            tally = {}
            for m in meetings:
                excepted = {x["person"] for x in members if in_force(x, m["date"]) and x["role"] in rule["except"]}
                for p in {x["person"] for x in members if in_force(x, m["date"])} - excepted:
                    name = min(x["name"] for x in members if x["person"] == p)
                    went = any(a[1] == p and a[3] in ATTENDING for a in m["attendees"])
                    t = tally.setdefault(p, [name, 0, 0])
                    t[1] += 1
                    t[2] += 1 if went else 0
            for p, (name, expected, attended) in tally.items():
                if attended * 100 < rule["percent"] * expected:
                    out.append(finding("breach", end, None, found=attended, people=[name], **extra))
        return out, fell_due
    for m in in_window:
        day = m["date"]
        here = m["attendees"] if taken(m["attendees"], members, day) else []
        in_force_now = [x for x in members if in_force(x, day)]

        def holds(a, roles):
            return a[2] in roles or any(x["person"] == a[1] and x["role"] in roles for x in in_force_now)

        def holds_post(a, roles):  # the attendance role "Chair" says who chaired, not the post
            return (a[2] != "chair" and a[2] in roles) or any(x["person"] == a[1] and x["role"] in roles for x in in_force_now)

        if kind == "quorum":
            if not here:
                out.append(finding("no-evidence", day, day, meeting=day))
                continue
            # A quorum is of members: with membership on record, only members on the day, or substitutes.
            member_now = {x["person"] for x in in_force_now}
            room = {}
            for a in here:
                if a[3] == "substitute" or (a[3] == "present" and (not members or a[1] in member_now)):
                    room.setdefault(a[1], a[0])
            kinds = [kind_of(rule["term"], p, in_force_now) if rule["term"] else "yes" for p in room]
            yes, untold = kinds.count("yes"), kinds.count(None)
            # including K ...: of those counted, K hold the role (by attendance role or membership) or are of the kind.
            if rule["including term"]:
                inc = [kind_of(rule["including term"], p, in_force_now) for p in room]
            elif rule["including"] and not members and not any(a[2] for a in here):
                inc = [None for p in room]  # no roles recorded and no membership: cannot be told
            else:
                first = {}
                for a in here:
                    if a[1] in room:
                        first.setdefault(a[1], a)
                inc = ["yes" if holds(first[p], [rule["including role"]]) else "no" for p in room]
            inc_yes, inc_untold = inc.count("yes"), inc.count(None)
            main_met, main_missed = yes >= rule["n"], yes + untold < rule["n"]
            inc_met, inc_missed = inc_yes >= rule["including"], inc_yes + inc_untold < rule["including"]
            if main_met and inc_met:
                pass
            elif not main_missed and not inc_missed:
                out.append(finding("no-evidence", day, day, meeting=day))
            else:
                out.append(finding("breach", day, day, meeting=day, found=yes, people=by_name(room.values())))
        elif kind == "chair":
            chairs = [a for a in here if a[3] in ATTENDING and a[2] == "chair"]
            absent = rule["absent"]

            def holds_absent(a):  # the attendance role "Chair" says who chaired, not the post
                return (a[2] != "chair" and a[2] == absent) or any(
                    x["person"] == a[1] and x["role"] == absent for x in in_force_now)

            holding = [a for a in chairs if holds_post(a, rule["roles"])]
            if not here or not chairs:
                out.append(finding("no-evidence", day, day, meeting=day))
            elif holding and absent is not None and not any(holds_absent(a) for a in holding):
                present = [a[0] for a in here if a[3] in ATTENDING and holds_absent(a)]
                if not present and not members:
                    out.append(finding("no-evidence", day, day, meeting=day))
                elif present:
                    everyone = [a[0] for a in chairs]
                    for p in present:
                        if p not in everyone:
                            everyone.append(p)
                    out.append(finding("breach", day, day, meeting=day, people=by_name(everyone)))
            elif not holding:
                if members:
                    out.append(finding("breach", day, day, meeting=day, people=by_name(a[0] for a in chairs)))
                else:
                    out.append(finding("no-evidence", day, day, meeting=day))
        elif kind == "chain":
            # The first step whose holder attended names the roles the chair must hold.
            chairs = [a for a in here if a[3] in ATTENDING and a[2] == "chair"]
            if not here or not chairs or not members:
                out.append(finding("no-evidence", day, day, meeting=day))
                continue
            attending = [a for a in here if a[3] in ATTENDING]
            step = next((s for s in rule["steps"] if any(holds_post(a, s) for a in attending)), None)
            if step is not None:
                if not any(holds_post(a, step) for a in chairs):
                    people = [a[0] for a in chairs]
                    for a in attending:
                        if holds_post(a, step) and a[0] not in people:
                            people.append(a[0])
                    out.append(finding("breach", day, day, meeting=day, people=by_name(people)))
            elif not (rule["any member"] and any(x["person"] == a[1] for a in chairs for x in in_force_now)):
                out.append(finding("breach", day, day, meeting=day, people=by_name(a[0] for a in chairs)))
        elif kind == "invites":
            # On the list with any word, expected and apologies among them.
            if not m["attendees"]:
                out.append(finding("no-evidence", day, day, meeting=day))
            elif any(holds(a, rule["roles"]) for a in m["attendees"]):
                pass
            elif members or any(a[2] for a in m["attendees"]):
                out.append(finding("breach", day, day, meeting=day,
                                   people=sorted(set(by_name(x["name"] for x in in_force_now if x["role"] in rule["roles"])),
                                                 key=lambda n: (fold(n), n))))
            else:
                out.append(finding("no-evidence", day, day, meeting=day))
        elif kind == "attended":
            if not here:
                out.append(finding("no-evidence", day, day, meeting=day))
            elif rule["partners"] and any(a[3] in ATTENDING and holds(a, rule["roles"]) for a in here):
                holders = [a for a in here if a[3] in ATTENDING and holds(a, rule["roles"])]
                seen, partners, unknown = set(), set(), False
                for a in holders:
                    if a[1] in seen:
                        continue
                    seen.add(a[1])
                    theirs = [x["partner"] for x in in_force_now
                              if x["person"] == a[1] and x["partner"] and x["role"] in rule["roles"]]
                    theirs = theirs or [x["partner"] for x in in_force_now if x["person"] == a[1] and x["partner"]]
                    if theirs:
                        partners.add(min(theirs))
                    else:
                        unknown = True
                if len(partners) >= rule["partners"]:
                    pass
                elif unknown:
                    out.append(finding("no-evidence", day, day, meeting=day))
                else:
                    out.append(finding("breach", day, day, meeting=day, found=len(partners),
                                       people=by_name({a[0] for a in holders})))
            elif not any(a[3] in ATTENDING and holds(a, rule["roles"]) for a in here):
                if members or any(a[2] for a in here):
                    out.append(finding("breach", day, day, meeting=day,
                                       people=by_name(a[0] for a in here if holds(a, rule["roles"]))))
                else:
                    out.append(finding("no-evidence", day, day, meeting=day))
        elif not members:
            out.append(finding("no-evidence", day, day, meeting=day))
        elif kind == "has member":
            if not any(x["role"] in rule["roles"] for x in in_force_now):
                out.append(finding("breach", day, day, meeting=day))
        elif kind == "size":
            names = {}
            for x in in_force_now:
                if rule["role"] is None or x["role"] == rule["role"]:
                    names.setdefault(x["person"], x["name"])
            kinds = {p: kind_of(rule["term"], p, in_force_now) if rule["term"] else "yes" for p in names}
            if rule["party"]:
                # Of the party by the party of their rows in force; none recorded: of no party when
                # recorded as a kind that is not elected, else it cannot be told.
                for p in names:
                    parties = sorted(x["party"] for x in in_force_now if x["person"] == p and x["party"])
                    of = ("yes" if parties[0] == rule["party"] else "no") if parties else \
                        ("no" if kind_of("elected", p, in_force_now) == "no" else None)
                    if kinds[p] != "no":
                        kinds[p] = "no" if of == "no" else None if of is None else kinds[p]
            n = sum(1 for k in kinds.values() if k == "yes")
            might = n + sum(1 for k in kinds.values() if k is None)

            def fails(k):
                return {"at most": k > rule["n"], "at least": k < rule["n"], "exactly": k != rule["n"]}[rule["bound"]]

            # A member of untold kind may or may not be counted: the count lies in [n, might].
            if rule["bound"] == "exactly":
                breached, met = might < rule["n"] or n > rule["n"], n == might == rule["n"]
            else:
                breached, met = fails(n) and fails(might), not fails(n) and not fails(might)
            if breached:
                out.append(finding("breach", day, day, meeting=day, found=n,
                                   people=by_name(names[p] for p in names if kinds[p] == "yes")))
            elif not met:
                out.append(finding("no-evidence", day, day, meeting=day))
        elif kind == "parties":
            names, parties = {}, {}
            for x in in_force_now:
                if not rule["roles"] or x["role"] in rule["roles"]:
                    names.setdefault(x["person"], x["name"])
            for x in in_force_now:  # a party on any membership in force
                if x["person"] in names and x["party"]:
                    parties[x["person"]] = min(parties.get(x["person"], x["party"]), x["party"])
            found = len(set(parties.values()))
            if found >= rule["n"]:
                pass
            elif len(parties) < len(names):
                out.append(finding("no-evidence", day, day, meeting=day))
            else:
                out.append(finding("breach", day, day, meeting=day, found=found, people=by_name(names.values())))
    return out, bool(in_window)


def approved(e, x):
    """One of the meeting's items is x, recorded approved, agreed or adopted."""
    return any(x(i) and o in APPROVALS for i, o in zip(e["items"], e["outcomes"]))


def undecided(e, x):
    """One of the meeting's items is x, with no outcome recorded."""
    return any(x(i) and o is None for i, o in zip(e["items"], e["outcomes"]))


def unrecorded_agenda(e):
    """No agenda items are recorded for the meeting: whether it had an item cannot be told."""
    return not e["items"]


def evaluate_rule(rule, events, frm, to, cal, year_start, span=None, members=(), trainings=(), groups=(), offices=()):
    span = span or (frm, to, None)
    kind = rule["kind"]
    meeting_kinds = ("meeting", "session") if rule.get("informal") else ("meeting",)
    held_meetings = [e for e in events if e["kind"] in meeting_kinds and e["status"] == "held"]
    in_window = [e for e in held_meetings if span[0] <= e["date"] <= span[1]]
    if kind in ("quorum", "chair", "chain", "attended", "invites", "has member", "size", "rate", "parties", "training",
                "rotation", "balance", "held by"):
        return people_findings(rule, in_window, list(members), span[0], span[1], year_start, trainings, groups,
                               offices)
    if kind == "meets":
        return frequency_findings(rule["freq"], [e["date"] for e in held_meetings], frm, to, year_start, span)
    if kind == "jointly":
        x = rule["x"]
        dates = [e["date"] for e in events
                 if e["status"] == "held" and e["kind"] in ("meeting", "session") and x(e["title"])]
        return frequency_findings(rule["freq"], dates, frm, to, year_start, span)
    if kind == "reports":
        to_body = fold(rule["to"])
        title = fold(rule["title"]) if rule["title"] is not None else ""
        def to_matches(e):
            return re.search(rule["to"], e["to"], re.IGNORECASE) is not None if rule["to_regex"] else e["to"] == to_body
        dates = [e["date"] for e in events
                 if e["kind"] == "report" and e["status"] == "held" and to_matches(e) and title in e["title"]]
        return frequency_findings(rule["freq"], dates, frm, to, year_start, span)
    if kind == "receives":
        x = rule["x"]
        if not rule["approves"]:
            dates = [e["date"] for e in held_meetings if any(x(i) for i in e["items"])]
            unsure = [e["date"] for e in held_meetings if unrecorded_agenda(e)]
            return frequency_findings(rule["freq"], dates, frm, to, year_start, span, unsure)
        dates = [e["date"] for e in held_meetings if approved(e, x)]
        unsure = [e["date"] for e in held_meetings
                  if unrecorded_agenda(e) or (not approved(e, x) and undecided(e, x))]
        return frequency_findings(rule["freq"], dates, frm, to, year_start, span, unsure)
    if kind == "first meeting":
        # Each year that starts inside the span: the held meetings of its first day with one.
        def year_of(day):
            return dt.date(day.year if day.month >= year_start else day.year - 1, year_start, 1)
        by_year = collections.defaultdict(list)
        for e in held_meetings:
            by_year[year_of(e["date"])].append(e)
        out, fell_due = [], False
        for start, meetings in sorted(by_year.items()):
            day = min(e["date"] for e in meetings)
            if start < span[0] or day > span[1]:
                continue
            fell_due = True
            first = [e for e in meetings if e["date"] == day]
            if any(any(rule["x"](i) for i in e["items"]) for e in first):
                continue
            status = "no-evidence" if any(not e["items"] for e in first) else "breach"
            out.append(finding(status, day, day, meeting=day, period_start=start,
                               period_end=add_months(start, 12) - DAY))
        return out, fell_due
    if kind == "by":
        if span[1] < rule["date"] or (span[2] and rule["date"] < span[2]):
            return [], False
        x = rule["x"]
        def done(e):
            return approved(e, x) if rule["approves"] else any(x(i) for i in e["items"])
        if any(e["date"] <= rule["date"] and done(e) for e in held_meetings):
            return [], True
        unsure = any(e["date"] <= rule["date"] and (unrecorded_agenda(e) or (rule["approves"] and undecided(e, x)))
                     for e in held_meetings)
        return [finding("no-evidence" if unsure else "breach", rule["date"], None)], True
    out = []
    for m in in_window:
        day = m["date"]
        if kind == "notice":
            last = cal.working_days_before(day, rule["n"]) if rule["working"] else day - rule["n"] * DAY
            due = last - DAY if rule["clear"] else last
            if m["published"] is None:
                out.append(finding("no-evidence", due, None, meeting=day))
            elif m["published"] > due:
                out.append(finding("breach", due, m["published"], meeting=day))
        elif kind == "item":
            if not m["items"]:
                out.append(finding("no-evidence", day, day, meeting=day))
                continue
            hit = any(rule["x"](i) for i in m["items"])
            if not hit:
                out.append(finding("breach", day, day, meeting=day))
        elif kind == "title":
            # An empty title is one the log does not record: it cannot tell either way.
            if not m["title"]:
                out.append(finding("no-evidence", day, day, meeting=day))
            elif rule["x"] is not None and not rule["x"](m["title"]):
                out.append(finding("breach", day, day, meeting=day))
        elif kind == "precedence":
            x = rule["x"]
            earliest = day - rule["n"] * DAY
            ok = any(e["status"] == "held" and e["kind"] in ("meeting", "session") and x(e["title"])
                     and earliest <= e["date"] < day for e in events)
            if not ok:
                out.append(finding("breach", day, day, meeting=day))
        elif kind == "since previous":
            x = rule["x"]

            def qualifies(e):
                return e["status"] == "held" and e["kind"] in ("meeting", "session") and x(e["title"])
            previous = max((e["date"] for e in held_meetings if e["date"] < day and not qualifies(e)), default=None)
            last = max((e["date"] for e in events if qualifies(e) and e["date"] < day), default=None)
            if last is not None and (previous is None or last > previous):
                continue
            out.append(finding("no-evidence" if previous is None else "breach", day, day, meeting=day))
        elif kind == "on the day":
            x = rule["x"]
            # Other held meetings or sessions with the title on the meeting's own day.
            others = [e for e in events if e is not m and e["date"] == day and e["status"] == "held"
                      and e["kind"] in ("meeting", "session") and x(e["title"])]
            if m["time"] is not None and any(e["time"] is not None and e["time"] < m["time"] for e in others):
                continue
            unknown = others and (m["time"] is None or any(e["time"] is None for e in others))
            out.append(finding("no-evidence" if unknown else "breach", day, day, meeting=day))
    return out, bool(in_window)


def status_of(findings, fell_due):
    statuses = {f["status"] for f in findings}
    for s in ("breach", "no-evidence", "advisory", "waived"):
        if s in statuses:
            return s
    return "pass" if fell_due else "not-due"


def audit(rules_path, log_path, frm, to, people_path=None, training_path=None, today=None, not_checked=None,
          groups_path=None):
    """The results; with a list as `not_checked`, each clause not checked is appended to it, once
    for each body it applies to, as {"body", "clause", "reason"}."""
    settings, file_waivers, bodies = parse_rules(rules_path)
    logged = read_log(log_path)
    # Evaluation is as of T: later events are ignored. An event that is only `confirmed` (arranged,
    # no minutes) and so dated on or before T counts as held (docs/inputs.md, "Confirmed meetings"),
    # unless the window runs past today and it is dated after today: it has not happened.
    def confirmed_status(e):
        return "scheduled" if today is not None and to > today and e["date"] > today else "held"
    events = [dict(e, status=confirmed_status(e)) if e["status"] == "confirmed" else e for e in logged if e["date"] <= to]
    people = read_people(people_path) if people_path else []
    training = read_training(training_path) if training_path else []
    groups = read_groups(groups_path) if groups_path else []
    results = []
    def names_of(body):
        """A named block's folded names: its own and its `also` names, and, through the blocks that
        share one of them (versions of a renamed body), theirs."""
        own = lambda b: {fold(b["name"])} | {fold(a) for a in b["also"]}
        names = own(body)
        grew = True
        while grew:
            grew = False
            for b in bodies:
                if b["name"] is not None and own(b) & names and not own(b) <= names:
                    names |= own(b)
                    grew = True
        return names

    def same_body(a, b):
        if a["name"] is None or b["name"] is None:
            return a["name"] is None and b["name"] is None
        return fold(b["name"]) in names_of(a)

    for n, body in enumerate(bodies):
        # A version is in force from its date to the day before the next version of the same
        # body in the file; it judges that part of the window, and nothing if none of it.
        same = [b for b in bodies[n + 1:] if same_body(body, b)]
        versioned = body["from"] is not None or any(b is not body and same_body(body, b) for b in bodies)
        first = max(frm, body["from"]) if body["from"] else frm
        last = min(to, same[0]["from"] - DAY) if same else to
        if versioned and first > last:
            continue
        span = (first, last, body["from"])
        s = dict(settings)
        s.update(body["settings"])
        council = fold(s["council"]) if s["council"] else None

        def of_council(e):
            return council is None or not e["council"] or e["council"] == council

        mine = [e for e in events if of_council(e)]
        if body["name"] is None:
            # Every body that appears in the logs, even if only after T.
            names = sorted({e["body"] for e in logged if of_council(e)})
        else:
            names = [fold(body["name"])]
        for name in names:
            # A renamed body's records under any of its names are its own (docs/language.md, "Renamed bodies").
            known_as = names_of(body) if body["name"] is not None else {name}
            if not_checked is not None:
                not_checked += [{"body": name, "clause": label, "reason": reason} for label, reason in body["not_checked"]]
            body_events = [e for e in mine if e["body"] in known_as]
            cal = Calendar(s["calendar"])
            for st in body["statements"]:
                members = [x for x in people if x["body"] in known_as and of_council(x)]
                trainings = [t for t in training if (t["body"] == "" or t["body"] in known_as) and of_council(t)]
                findings, fell_due = evaluate_rule(st["rule"], body_events, frm, to, cal, s["year_start"], span,
                                                   members, trainings, [g for g in groups if of_council(g)],
                                                   [x for x in people if of_council(x)])
                for f in findings:
                    if f["status"] != "breach":
                        continue
                    due = parse_date(f["due"])
                    for label, w_from, w_to in body["waivers"] + file_waivers:
                        if label == st["label"] and w_from <= due <= w_to:
                            f["status"] = "waived"
                            break
                    else:
                        if st["rule"]["advisory"]:
                            f["status"] = "advisory"
                # Ties (the members of one period) are in order of name, as remit's messages start with it.
                findings.sort(key=lambda f: (f["due"], f["date"] or "", f.get("meeting", ""), f.get("people", [])))
                status = status_of(findings, fell_due)
                # A body the logs hold no record of at all (not even after T): what fell due is one
                # no-evidence finding, due when the first duty fell due ("No record at all"); rules
                # judged on memberships alone stand when the body has memberships or training.
                no_record = body["name"] is not None and not any(e["body"] in known_as and of_council(e) for e in logged)
                on_memberships = st["rule"]["kind"] in ("training", "rotation") and (members or trainings)
                if no_record and status != "not-due" and not on_memberships:
                    due = min([f["due"] for f in findings] + [last.isoformat()])
                    findings = [finding("no-evidence", parse_date(due), None)]
                    status = "no-evidence"
                results.append({"body": name, "rule": st["label"], "text": st["text"],
                                "status": status, "findings": findings})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rules")
    parser.add_argument("log")
    parser.add_argument("--people", help="a membership file (docs/inputs.md, \"Membership\")")
    parser.add_argument("--training", help="a training file (docs/inputs.md, \"Training\")")
    parser.add_argument("--from", dest="frm", required=True)
    parser.add_argument("--to", required=True)
    a = parser.parse_args()
    json.dump(audit(a.rules, a.log, parse_date(a.frm), parse_date(a.to), a.people, a.training), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
