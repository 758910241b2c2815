#!/usr/bin/env bash
# Set up (scripts/setup.sh), then run the main job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh > /dev/null
zk=.venv/bin/zorginkoop
echo "\$ zorginkoop check examples/cases/rijnmond-2023.zorginkoop.yaml"
rc=0
$zk check examples/cases/rijnmond-2023.zorginkoop.yaml || rc=$?
[ "$rc" -le 1 ]   # 1: the document has findings of error severity
echo
echo "\$ zorginkoop tariff examples/models/begeleiding-individueel.yaml --tariff 58.00 --basis floor"
rc=0
$zk tariff examples/models/begeleiding-individueel.yaml --tariff 58.00 --basis floor || rc=$?
[ "$rc" -le 1 ]   # 1: the checked tariff is not realistic (that is the point of the example)
echo
echo "\$ zorginkoop ijw --tariff 60.23 --minutes 45"
$zk ijw --tariff 60.23 --minutes 45
