#!/usr/bin/env bash
# Set up (scripts/setup.sh), then run the main job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh > /dev/null
zk=.venv/bin/zorginkoop
echo "\$ zorginkoop ijw --tariff 60.23 --minutes 45"
$zk ijw --tariff 60.23 --minutes 45
