"""Every golden SARIF report (corpora/*/expected.sarif) has what SARIF 2.1.0 requires, and each
result points at its statement's line in the rule file.

No official SARIF schema is packaged for Debian, so the properties that the SARIF 2.1.0 standard
(OASIS, sections 3.13 to 3.52) says SHALL be present, and the values it allows, are written out
below as a JSON Schema for the parts remit writes; jsonschema checks them."""
import glob
import json
import os
import sys

import jsonschema

message = {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
           "properties": {"text": {"type": "string"}, "id": {"type": "string"}}}
multiformat = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
level = {"enum": ["none", "note", "warning", "error"]}
region = {"type": "object", "properties": {
    "startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1},
    "endLine": {"type": "integer", "minimum": 1}, "endColumn": {"type": "integer", "minimum": 1}}}
artifact_location = {"type": "object", "properties": {"uri": {"type": "string", "format": "uri-reference"},
                                                      "uriBaseId": {"type": "string"}}}
SARIF_2_1_0 = {
    "type": "object",
    "required": ["version", "runs"],  # 3.13.2
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},  # 3.13.3
        "runs": {"type": "array", "items": {
            "type": "object",
            "required": ["tool"],  # 3.14.6
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {  # 3.18.2
                    "driver": {"type": "object", "required": ["name"], "properties": {  # 3.19.8
                        "name": {"type": "string"},
                        "version": {"type": "string"},
                        "semanticVersion": {"type": "string"},
                        "rules": {"type": "array", "uniqueItems": True, "items": {
                            "type": "object", "required": ["id"],  # 3.49.3
                            "properties": {
                                "id": {"type": "string"},
                                "shortDescription": multiformat, "fullDescription": multiformat, "help": multiformat,
                                "defaultConfiguration": {"type": "object", "properties": {"level": level}},
                            }}},
                    }}}},
                "invocations": {"type": "array", "items": {
                    "type": "object", "required": ["executionSuccessful"],  # 3.20.14
                    "properties": {"executionSuccessful": {"type": "boolean"}}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["message"],  # 3.27.11
                    "properties": {
                        "ruleId": {"type": "string"},
                        "ruleIndex": {"type": "integer", "minimum": -1},
                        "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
                        "level": level,
                        "message": message,
                        "locations": {"type": "array", "items": {"type": "object", "properties": {
                            "physicalLocation": {
                                "type": "object",
                                "anyOf": [{"required": ["artifactLocation"]}, {"required": ["address"]}],  # 3.29.2
                                "properties": {"artifactLocation": artifact_location, "region": region}}}}},
                        "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                        "suppressions": {"type": "array", "items": {
                            "type": "object", "required": ["kind"],  # 3.35.2
                            "properties": {"kind": {"enum": ["inSource", "external"]},
                                           "status": {"enum": ["accepted", "underReview", "rejected"]},
                                           "justification": {"type": "string"}}}},
                    }}},
            }}},
    },
}

problems = []
reports = sorted(glob.glob("corpora/*/expected.sarif"))
if not reports:
    sys.exit("no golden SARIF reports found")
jsonschema.Draft7Validator.check_schema(SARIF_2_1_0)
for path in reports:
    log = json.load(open(path))
    for e in jsonschema.Draft7Validator(SARIF_2_1_0).iter_errors(log):
        problems.append(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    findings = [(r["text"], f, r["severity"])
                for r in json.load(open(os.path.join(os.path.dirname(path), "expected.json")))["results"]
                for f in r["findings"]]
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    if len(results) != len(findings):
        problems.append(f"{path}: {len(results)} results for {len(findings)} findings")
    for n, (res, (statement, f, severity)) in enumerate(zip(results, findings)):
        where = f"{path}: result {n}"
        rule = rules[res["ruleIndex"]]
        if rule["id"] != res["ruleId"]:
            problems.append(f"{where}: ruleIndex names {rule['id']}, ruleId is {res['ruleId']}")
        # A kind other than "fail" would require level "none" (3.27.9).
        # The level follows the statement's severity: advisory a note, minor a warning, else an error.
        want_level = "warning" if f["status"] == "no-evidence" else \
            {"advisory": "note", "minor": "warning"}.get(severity, "error")
        if res["kind"] != "fail" or res["level"] != want_level:
            problems.append(f"{where}: kind {res['kind']}, level {res['level']} for a {f['status']} finding")
        if (f["status"] == "waived") != ("suppressions" in res):
            problems.append(f"{where}: a {f['status']} finding with suppressions {res.get('suppressions')}")
        # The region covers the clause label and the statement, as written on its line.
        loc = res["locations"][0]["physicalLocation"]
        uri, line = loc["artifactLocation"]["uri"], loc["region"]["startLine"]
        if not os.path.isfile(uri):
            problems.append(f"{where}: {uri} is not a file")
            continue
        text = open(uri, encoding="utf-8").read().splitlines()[line - 1]
        span = text[loc["region"]["startColumn"] - 1:loc["region"]["endColumn"] - 1]
        label = res["ruleId"].split("/", 1)[1]
        if not span.startswith(label + " ") or span[len(label):].strip() != statement:
            problems.append(f"{where}: {uri}:{line} region {span!r} is not clause {label} {statement!r}")
        if statement not in res["message"]["text"]:
            problems.append(f"{where}: the message does not quote the statement {statement!r}")
    print(f"{path}: {len(results)} results, each on its clause's line")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
