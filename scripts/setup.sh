#!/usr/bin/env bash
# Set up a machine for zorginkoop: the Debian packages of the C++ dependencies, a virtual
# environment (.venv) with the build and test tools from PyPI, and the package itself
# (pip install ., which also puts the `zorginkoop` command in .venv/bin). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(g++ make pkg-config libboost-dev libhowardhinnant-date-dev libyaml-dev libxml2-dev nlohmann-json3-dev catch2
      clang libclang-rt-14-dev)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${ZORGINKOOP_APT_UPDATE:-0}" = 1 ] || [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${debs[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  "cmake>=3.25" ninja "pybind11>=3" "scikit-build-core>=0.10" \
  pytest hypothesis mypy jsonschema pyyaml pandas pyarrow duckdb "dask[distributed]" pybind11-stubgen
.venv/bin/python -m pip install --quiet --disable-pip-version-check .
echo "setup: done ($(.venv/bin/zorginkoop --version))"
