"""Every golden `remit due` JSON output conforms to docs/due.schema.json."""
import glob
import json
import sys

import jsonschema

schema = json.load(open("docs/due.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
outputs = sorted(glob.glob("corpora/*/expected-due.json"))
if not outputs:
    sys.exit("no golden due JSON outputs found")
for path in outputs:
    jsonschema.validate(json.load(open(path)), schema, cls=jsonschema.Draft7Validator)
    print(f"{path}: valid")
