"""Every golden JSON report conforms to docs/report.schema.json."""
import glob
import json
import sys

import jsonschema

schema = json.load(open("docs/report.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
reports = sorted(glob.glob("corpora/*/expected.json"))
if not reports:
    sys.exit("no golden JSON reports found")
for path in reports:
    jsonschema.validate(json.load(open(path)), schema, cls=jsonschema.Draft7Validator)
    print(f"{path}: valid")
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
    print(f"{path}: valid")
