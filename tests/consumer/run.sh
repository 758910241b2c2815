#!/usr/bin/env bash
# Install the library from a build tree into a fresh prefix, then build and run the example
# consumer against it twice: with find_package(zorginkoop CONFIG) and with pkg-config.
set -euo pipefail
build=$1 consumer=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$consumer" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log"
cmake --build "$work/cmake-build" > "$work/build.log"
"$work/cmake-build/consumer" | tee "$work/out-cmake.txt"
grep -q '^hourly 60.23 -> 6023 cents; minute tariff 1.00$' "$work/out-cmake.txt"
libdir=$(find "$work/prefix" -name zorginkoop.pc -printf '%h\n' | head -n1)
flags=$(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs --static zorginkoop)
# shellcheck disable=SC2086
c++ -std=c++17 "$consumer/main.cpp" $flags -o "$work/consumer-pkgconfig"
"$work/consumer-pkgconfig" | tee "$work/out-pkgconfig.txt"
cmp "$work/out-cmake.txt" "$work/out-pkgconfig.txt"
echo "consumer: 2 passed, 0 failed"
