#!/usr/bin/env bash
# Golden end-to-end tests. Each case is a folder under tests/golden/cases/ with:
#   cmd       the gdpr-audit arguments, one line (run from the case folder)
#   expected  the expected stdout+stderr, followed by a line "exit: N"
# GOLDEN_UPDATE=1 rewrites the expected files instead of comparing.
set -u
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
for case in "$root"/cases/*/; do
  [ -f "$case/cmd" ] || continue
  name=$(basename "$case")
  actual=$(cd "$case" && eval "NO_COLOR=1 \"$bin\" $(cat cmd)" 2>&1; echo "exit: $?")
  if [ "${GOLDEN_UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$case/expected"
    pass=$((pass + 1))
  elif [ "$actual" == "$(cat "$case/expected")" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name"
    diff <(printf '%s\n' "$actual") "$case/expected" | head -40
  fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
