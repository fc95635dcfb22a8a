"""Every golden `remit due` JSON output conforms to docs/due.schema.json (which refers to
docs/report.schema.json for what the two share: the logs and the manifest)."""
import glob
import json
import sys

import jsonschema

schema = json.load(open("docs/due.schema.json"))
report_schema = json.load(open("docs/report.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
# The shared parts are found in the report schema itself, never fetched.
resolver = jsonschema.RefResolver.from_schema(schema, store={report_schema["$id"]: report_schema})
validator = jsonschema.Draft7Validator(schema, resolver=resolver)
outputs = sorted(glob.glob("corpora/*/expected-due.json"))
if not outputs:
    sys.exit("no golden due JSON outputs found")
for path in outputs:
    validator.validate(json.load(open(path)))
    print(f"{path}: valid")
