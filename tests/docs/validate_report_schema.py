"""Every golden JSON report conforms to docs/report.schema.json, and its manifest tells the truth:
the SHA-256 of each rule file, log and of the bank-holiday data, computed here by Python's hashlib."""
import glob
import hashlib
import json
import os
import sys

import jsonschema

schema = json.load(open("docs/report.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
reports = sorted(glob.glob("corpora/*/expected.json"))
if not reports:
    sys.exit("no golden JSON reports found")
holidays_file = "data/bank-holidays/bank-holidays.json"
holidays = {
    "source": "gov.uk",
    "last_year": max(int(e["date"][:4]) for d in json.load(open(holidays_file)).values() for e in d["events"]),
    "sha256": hashlib.sha256(open(holidays_file, "rb").read()).hexdigest(),
}


def check_manifest(path, report, base="."):
    m = report["manifest"]
    if m["window"] != {"from": report["from"], "to": report["to"]}:
        sys.exit(f"{path}: the manifest's window {m['window']} is not the report's")
    if m["bank_holidays"] != holidays:
        sys.exit(f"{path}: the manifest's bank holidays {m['bank_holidays']} are not {holidays}")
    for f in m["rule_files"] + m["logs"]:
        digest = hashlib.sha256(open(os.path.join(base, f["file"]), "rb").read()).hexdigest()
        if digest != f["sha256"]:
            sys.exit(f"{path}: the manifest gives {f['file']} the sha256 {f['sha256']}, but it is {digest}")
    if [f["file"] for f in m["logs"]] != [log["file"] for log in report["logs"]]:
        sys.exit(f"{path}: the manifest's logs are not the report's")
    # Optional in the schema, which remit due's shares; every report of remit check names it.
    if m.get("engine") not in ("batch", "stream"):
        sys.exit(f"{path}: the manifest names no engine")


for path in reports:
    report = json.load(open(path))
    jsonschema.validate(report, schema, cls=jsonschema.Draft7Validator)
    check_manifest(path, report)
    print(f"{path}: valid, manifest true")
# Command-line cases whose expected output is a JSON report (they show parts, such as log notes,
# that no corpus has).
for path in sorted(glob.glob("tests/cli/*/expected.stdout")):
    text = open(path).read()
    if not text.startswith("{"):
        continue
    report = json.loads(text)
    if not {"from", "to", "results", "summary"} <= report.keys():
        continue
    jsonschema.validate(report, schema, cls=jsonschema.Draft7Validator)
    check_manifest(path, report, os.path.dirname(path))  # a case runs in (a copy of) its folder
    print(f"{path}: valid, manifest true")
