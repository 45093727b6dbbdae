#!/usr/bin/env bash
# Validates SARIF files against the SARIF 2.1.0 JSON schema (shared/schemas), and checks
# what GitHub code scanning needs beyond the schema. Usage:
#   validate_sarif.sh [--schema FILE] REPORT.sarif...
# Exits 0 when every file is valid, 1 when one is not, 77 (CTest: skipped) when python3,
# its jsonschema module (Debian: python3-jsonschema) or the schema is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
schema="$here/../../../shared/schemas/sarif-2.1.0.json"
if [ "${1:-}" = "--schema" ]; then schema=$2; shift 2; fi
if [ $# -eq 0 ]; then echo "usage: $0 [--schema FILE] REPORT.sarif..." >&2; exit 2; fi
if ! command -v python3 >/dev/null; then echo "SKIP: python3 not found"; exit 77; fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "SKIP: python3 module jsonschema not found (apt-get install python3-jsonschema)"; exit 77
fi
if [ ! -f "$schema" ]; then echo "SKIP: SARIF schema not found at $schema"; exit 77; fi
exec python3 - "$schema" "$@" <<'PY'
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema)
failed = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    # What GitHub code scanning requires on top of the schema.
    for run in doc.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        for i, result in enumerate(run.get("results", [])):
            idx = result.get("ruleIndex")
            if idx is None or idx >= len(rules) or rules[idx]["id"] != result.get("ruleId"):
                errors.append(f"results[{i}]: ruleIndex does not point at ruleId")
            for loc in result.get("locations", []):
                uri = loc["physicalLocation"]["artifactLocation"]["uri"]
                if "\\" in uri or uri.startswith("./"):
                    errors.append(f"results[{i}]: uri {uri!r} is not a clean relative URI")
        for rule in rules:
            sev = rule.get("properties", {}).get("security-severity")
            try:
                float(sev)
            except (TypeError, ValueError):
                errors.append(f"rule {rule['id']}: security-severity {sev!r} is not a number string")
    for e in errors:
        where = "/".join(str(p) for p in getattr(e, "path", []))
        print(f"{path}: {where}: {getattr(e, 'message', e)}")
    failed += bool(errors)
    print(f"{path}: {'INVALID' if errors else 'valid SARIF 2.1.0'}")
sys.exit(1 if failed else 0)
PY
