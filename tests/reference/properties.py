"""Properties that must hold for any input, checked on random rule files and logs.

    python3 properties.py REMIT [--cases N] [--seed S]

- reordering the rows of a log changes nothing in the results;
- splitting a log into two files changes nothing in the results;
- adding a held meeting never adds a gap breach: no day on which the body was overdue
  afterwards was not already overdue before (so no pass turns into a breach);
- a waiver never turns a pass into a breach: it only turns breach findings into waived ones;
- a rule file printed by `remit fmt` and parsed again means the same: it audits the same.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import random_cases

DAY = dt.timedelta(days=1)


def audit(remit, work, rules, logs, frm, to):
    paths = []
    rules_path = os.path.join(work, "rules.remit")
    open(rules_path, "w").write(rules)
    args = [remit, "check", rules_path, "--from", str(frm), "--to", str(to), "--format", "json"]
    for i, log in enumerate(logs):
        path = os.path.join(work, f"log{i}.csv")
        open(path, "w").write(log)
        paths.append(path)
        args += ["--log", path]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"remit failed ({run.returncode}):\n{run.stderr}\n--- rules\n{rules}")
    return json.loads(run.stdout)["results"]


def overdue_days(result, to):
    """The days on which a gap rule's duty was overdue: (due, date] or (due, T]."""
    days = set()
    for f in result["findings"]:
        if f["status"] == "no-evidence":
            continue
        due = dt.date.fromisoformat(f["due"])
        end = dt.date.fromisoformat(f["date"]) if f["date"] else to
        day = due + DAY
        while day <= end:
            days.add(day)
            day += DAY
    return days


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("remit")
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    a = parser.parse_args()
    r = random.Random(a.seed)
    failures = []
    checked = {"gap rules given a meeting": 0, "rules given a waiver": 0, "rule files formatted": 0}
    with tempfile.TemporaryDirectory() as work:
        for n in range(a.cases):
            rules, log, people, training, frm, to = random_cases.case(r)
            header, *rows = log.splitlines()
            base = audit(a.remit, work, rules, [log, people, training], frm, to)

            shuffled = rows[:]
            r.shuffle(shuffled)
            people_header, *people_rows = people.splitlines()
            r.shuffle(people_rows)
            reordered = [training, "\n".join([people_header] + people_rows) + "\n", "\n".join([header] + shuffled) + "\n"]
            if audit(a.remit, work, rules, reordered, frm, to) != base:
                failures.append((n, "reordering the logs and their rows changed the results", rules, log))

            cut = r.randint(0, len(rows))
            split = ["\n".join([header] + rows[:cut]) + "\n", "\n".join([header] + rows[cut:]) + "\n"]
            if audit(a.remit, work, rules, split + [people, training], frm, to) != base:
                failures.append((n, "splitting the log into two files changed the results", rules, log))

            # One more held meeting for a body that the rules name, on a random day of the window.
            names = re.findall(r'^body "([^"]+)"', rules, re.M)
            if names:
                day = frm + r.randint(0, (to - frm).days) * DAY
                extra = f',{r.choice(names)},{day},meeting,held,,,,,,\n'
                more = audit(a.remit, work, rules, [log + extra, people, training], frm, to)
                for before, after in zip(base, more):
                    if re.match(r"meets (every|at \S+ weekly)", before["text"]):
                        checked["gap rules given a meeting"] += 1
                        if not overdue_days(after, to) <= overdue_days(before, to):
                            failures.append((n, f"adding a held meeting on {day} added a gap breach to "
                                                f"{before['body']} {before['rule']} '{before['text']}'", rules, log))

            # A waiver over a random stretch for one of the labels.
            labels = re.findall(r"^  (\S+)  ", rules, re.M)
            if labels:
                start = frm + r.randint(-30, max(0, (to - frm).days)) * DAY
                waiver = f'waive {r.choice(labels)} from {start} to {start + r.randint(0, 400) * DAY} because "test"\n'
                lines = rules.split("\n")
                first_body = next(i for i, line in enumerate(lines) if line.startswith("body "))
                waived = "\n".join(lines[:first_body] + [waiver] + lines[first_body:])
                for before, after in zip(base, audit(a.remit, work, waived, [log, people, training], frm, to)):
                    checked["rules given a waiver"] += before["rule"] in waiver.split()[1:2]
                    changed = [(x["status"], y["status"]) for x, y in zip(before["findings"], after["findings"])
                               if x["status"] != y["status"]]
                    if before["status"] == "pass" and after["status"] != "pass" or \
                            any(pair not in (("breach", "waived"), ("advisory", "waived")) for pair in changed) or \
                            len(before["findings"]) != len(after["findings"]):
                        failures.append((n, f"a waiver changed {before['rule']} from {before['status']} to "
                                            f"{after['status']} ({changed})", waived, log))
            # Printed by fmt and parsed again: the same results, but for where each statement now stands.
            printed = subprocess.run([a.remit, "fmt", "-"], input=rules, capture_output=True, text=True)
            if printed.returncode != 0:
                failures.append((n, f"remit fmt refused a valid rule file: {printed.stderr}", rules, log))
            else:
                checked["rule files formatted"] += 1
                again = audit(a.remit, work, printed.stdout, [log, people, training], frm, to)

                def without_place(results):
                    return [{k: v for k, v in x.items() if k != "line"} for x in results]

                if without_place(again) != without_place(base):
                    failures.append((n, "the rule file printed by remit fmt audits differently", printed.stdout, log))
            if len(failures) >= 5:
                break
    for n, what, rules, log in failures:
        print(f"case {n} (seed {a.seed}): {what}\n--- rules\n{rules}--- log\n{log}")
    print(f"{a.cases} random cases (seed {a.seed}), 5 properties each ({checked}): {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
