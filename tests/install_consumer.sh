#!/usr/bin/env bash
# Installs kealign from BUILD_DIR into a temporary prefix, builds tests/consumer against the
# exported kealign::kealign target, and runs it on the bundled seed article.
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src/tests/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/c" "$src/corpora/seed-article/ko.txt" "$src/corpora/seed-article/en.txt"
