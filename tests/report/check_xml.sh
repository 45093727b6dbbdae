#!/usr/bin/env bash
# Checks that XML reports (JUnit) are well-formed XML 1.0, including the hostile sample.
# Usage: check_xml.sh FILE...   Exits 77 (CTest: skipped) without python3.
set -u
if ! command -v python3 >/dev/null; then echo "SKIP: python3 not found"; exit 77; fi
exec python3 - "$@" <<'PY'
import sys
import xml.dom.minidom
failed = 0
for path in sys.argv[1:]:
    try:
        xml.dom.minidom.parse(path)
        print(f"{path}: well-formed")
    except Exception as e:
        print(f"{path}: NOT well-formed: {e}")
        failed = 1
sys.exit(failed)
PY
