#!/usr/bin/env bash
# install_consumer.sh BUILD_DIR SOURCE_DIR: builds the consumer example of docs/library.md (the
# block between the consumer-example markers) against installed kealign packages and runs it:
#   - the static library of BUILD_DIR, through find_package(kealign);
#   - a shared library (BUILD_DIR/consumer-shared: a library-only build with
#     -DBUILD_SHARED_LIBS=ON, kept between runs), through find_package(kealign) with ICU, Boost
#     and fmt made unfindable (a shared install must not need them), and through
#     `pkg-config --cflags --libs kealign`.
# Each run must exit 0 and print at least one link.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The example, extracted from the docs: the lines between ```cpp and ``` inside the markers.
mkdir -p "$work/consumer"
cp "$src/tests/consumer/CMakeLists.txt" "$work/consumer/"
awk '/<!-- consumer-example: begin/ {inside = 1; next}
     /<!-- consumer-example: end/ {inside = 0}
     inside && /^```/ {code = !code; next}
     inside && code {print}' "$src/docs/library.md" >"$work/consumer/main.cpp"
lines=$(wc -l <"$work/consumer/main.cpp")
if [ "$lines" -eq 0 ]; then
  echo "no consumer example between the markers in docs/library.md" >&2
  exit 1
fi

# check_output NAME FILE: the consumer printed links.
check_output() {
  local links
  links=$(grep -c '^ko \[' "$2" || true)
  if [ "$links" -lt 1 ]; then
    echo "$1: the consumer printed no link:" >&2
    cat "$2" >&2
    exit 1
  fi
  echo "$1: $links links, $(grep -vc '^ko \[' "$2" || true) findings"
}

launcher=$(sed -n 's/^CMAKE_CXX_COMPILER_LAUNCHER:[A-Z]*=//p' "$build/CMakeCache.txt")

# Static: the build under test.
cmake --install "$build" --prefix "$work/static" >/dev/null
cmake -S "$work/consumer" -B "$work/build-static" -DCMAKE_PREFIX_PATH="$work/static" >/dev/null
cmake --build "$work/build-static" >/dev/null
"$work/build-static/c" >"$work/static.out"
check_output "static (find_package)" "$work/static.out"

# Shared: the library alone, built beside the build under test.
shared="$build/consumer-shared"
cmake -S "$src" -B "$shared" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
  -DKEALIGN_BUILD_TOOLS=OFF -DKEALIGN_BUILD_TESTS=OFF -DKEALIGN_BUILD_BENCH=OFF -DKEALIGN_BUILD_PYTHON=OFF \
  ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} >/dev/null
cmake --build "$shared" --target kealign -j2 >/dev/null
cmake --install "$shared" --prefix "$work/shared" >/dev/null
lib=$(ls "$work"/shared/lib*/libkealign.so.* | head -n 1)
[ -n "$lib" ] || { echo "no libkealign.so installed" >&2; exit 1; }
cmake -S "$work/consumer" -B "$work/build-shared" -DCMAKE_PREFIX_PATH="$work/shared" --no-warn-unused-cli \
  -DCMAKE_DISABLE_FIND_PACKAGE_ICU=ON -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON \
  -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON -DCMAKE_DISABLE_FIND_PACKAGE_Eigen3=ON >/dev/null
cmake --build "$work/build-shared" >/dev/null
"$work/build-shared/c" >"$work/shared.out"
check_output "shared (find_package)" "$work/shared.out"
# The shared executable uses the library, not a copy of it.
ldd "$work/build-shared/c" | grep -q "$(basename "$lib")" ||
  { echo "the shared consumer does not load $(basename "$lib")" >&2; exit 1; }

# pkg-config, shared.
pcdir=$(dirname "$(ls "$work"/shared/lib*/pkgconfig/kealign.pc)")
flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs kealign)
libdir=$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=libdir kealign)
# shellcheck disable=SC2086
c++ -std=c++17 "$work/consumer/main.cpp" -o "$work/pc" $flags -Wl,-rpath,"$libdir"
"$work/pc" >"$work/pc.out"
check_output "shared (pkg-config)" "$work/pc.out"
cmp -s "$work/static.out" "$work/shared.out" ||
  { echo "the static and shared consumers print different output" >&2; exit 1; }
