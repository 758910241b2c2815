#!/usr/bin/env bash
# Set up (scripts/setup.sh), then build and run every test: the Catch2 suite, the header
# isolation and compile-fail tests, the installed-package consumer, and pytest — all through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
cmake --preset dev -DPython_EXECUTABLE="$PWD/.venv/bin/python" > build-dev-configure.log \
  || { cat build-dev-configure.log; exit 1; }
rm -f build-dev-configure.log
cmake --build --preset dev
ctest --preset dev
