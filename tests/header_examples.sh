#!/usr/bin/env bash
# header_examples.sh CXX INCLUDE_DIR... : compiles the usage example that opens each public header.
# The example is the first run of comment lines indented by three spaces ("//   code"), blank "//"
# lines inside it allowed; it ends at the first other line. Each header gets its own translation
# unit: the header alone first (it must compile on its own), then the umbrella header, then the
# example inside a function where these names are given (examples may use them undeclared):
#   ko, en        kealign::SegmentedText   the two sides of a pair
#   gold          kealign::Alignment       an alignment read from a file
#   korean_text, english_text  std::string
#   pairs         a vector of (ko, en) SegmentedText pairs
# An "#include" line of the example goes to the top of the unit.
set -euo pipefail
cxx=$1
shift
flags=(-std=c++17 -fsyntax-only -DKEALIGN_STATIC_DEFINE)
for dir in "$@"; do flags+=(-I "$dir"); done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=0
failed=0
for dir in "$@"; do
  for header in "$dir"/kealign/*.hpp; do
    [ "$(basename "$header")" = export.hpp ] && continue  # generated, no example
    name=$(basename "$header" .hpp)
    example=$(awk '/^#pragma once/ {exit}
                   /^\/\/   / {started = 1; print substr($0, 6); next}
                   started && /^\/\/ *$/ {print ""; next}
                   started {exit}' "$header")
    if [ -z "$example" ]; then
      echo "$name.hpp: no usage example (a comment block of \"//   \" lines) before #pragma once"
      failed=1
      continue
    fi
    unit="$work/$name.cpp"
    {
      echo "#include <kealign/$name.hpp>"
      echo "#include <kealign/kealign.hpp>"
      printf '%s\n' "$example" | grep '^#include' || true
      cat <<'PRELUDE'
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

void example() {
  [[maybe_unused]] kealign::SegmentedText ko, en;
  [[maybe_unused]] kealign::Alignment gold;
  [[maybe_unused]] std::string korean_text, english_text;
  [[maybe_unused]] std::vector<std::pair<kealign::SegmentedText, kealign::SegmentedText>> pairs;
  {
PRELUDE
      printf '%s\n' "$example" | grep -v '^#include' || true
      echo "  }"
      echo "}"
    } >"$unit"
    count=$((count + 1))
    if ! "$cxx" "${flags[@]}" "$unit" 2>"$work/$name.err"; then
      echo "$name.hpp: its usage example does not compile:"
      cat -n "$unit"
      cat "$work/$name.err"
      failed=1
    fi
  done
done
echo "$count header examples compiled"
exit "$failed"
