#!/usr/bin/env bash
# Regenerate the checked-in outputs of the examples with a built zorginkoop command
# (default: .venv/bin/zorginkoop). The tests compare these files with fresh output.
set -euo pipefail
cd "$(dirname "$0")/.."
zk=${ZORGINKOOP_CLI:-.venv/bin/zorginkoop}
for model in examples/models/*.yaml; do
  out=${model%.yaml}
  "$zk" tariff "$model" > "$out.buildup.txt"
  "$zk" tariff "$model" --format json > "$out.buildup.json"
done
# A realism check, in both languages.
"$zk" tariff examples/models/begeleiding-individueel.yaml --tariff 58.00 --basis floor \
  > examples/models/begeleiding-individueel.check-58.00.txt || true
"$zk" tariff examples/models/begeleiding-individueel.yaml --tariff 58.00 --basis floor --lang en \
  > examples/models/begeleiding-individueel.check-58.00.en.txt || true
PYTHONPATH=${PYTHONPATH:-} python3 examples/python/check_tariffs.py examples/python/tariffs.csv > examples/python/check_tariffs.out
# The procurement reports of examples/cases and the indexation outputs of examples/indexation are
# rewritten by their own tests when asked to.
if [ -d build/dev/python ]; then
  ZORGINKOOP_UPDATE_REPORTS=1 ZORGINKOOP_REGENERATE=1 ZORGINKOOP_CLI="$(realpath "$zk")" \
  PYTHONPATH=build/dev/python ZORGINKOOP_SOURCE_DIR="$PWD" python3 -m pytest -q -p no:cacheprovider \
    tests/python/test_procurement.py::test_checked_in_reports_are_current \
    tests/python/test_indexation.py::test_examples_have_current_checked_in_output > /dev/null || true
fi
