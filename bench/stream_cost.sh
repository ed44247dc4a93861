#!/usr/bin/env bash
# Instructions per pair of `kealign stream --threads 1` over LibreOffice pages, counted by callgrind:
# unlike wall or CPU time, the count does not depend on the machine's load, so two builds compare
# on a shared machine. Prints the count per pair and the inclusive share of the main parts.
#
#   bench/stream_cost.sh build/tools/kealign ../shared [PAIRS=100] [extra stream options...]
#
# PAIRS: N for the first N pages in sorted folder order, /K for every K-th page from the first, or
# `all`. The set's few 30-40 KB pages, each costing as much as dozens of small ones, come after
# the first 100; /10 takes one of them.
set -euo pipefail
tool=$(realpath "$1"); shared=$2; pairs=${3:-100}; shift $(( $# >= 3 ? 3 : 2 ))
here=$(dirname "$(realpath "$0")")
root=$shared/corpora/libreoffice-help-ko-en
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$here/stream_input.py" "$root" >"$work/all.jsonl"
case $pairs in
  all) cp "$work/all.jsonl" "$work/in.jsonl" ;;
  /*) awk -v k="${pairs#/}" 'NR % k == 1 || k == 1' "$work/all.jsonl" >"$work/in.jsonl" ;;
  *) head -n "$pairs" "$work/all.jsonl" >"$work/in.jsonl" ;;
esac
n=$(wc -l <"$work/in.jsonl")
valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$tool" stream --threads 1 "$@" \
  <"$work/in.jsonl" >"$work/out.jsonl" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
total=$(grep -E '^(summary|totals):' "$work/cg" | head -1 | awk '{print $2}')
printf 'kealign stream over %d LibreOffice pages: %.3e instructions, %.2f M per pair\n' \
  "$n" "$total" "$(echo "$total / $n / 1000000" | bc -l)"
callgrind_annotate --inclusive=yes "$work/cg" 2>/dev/null |
  grep -E 'kealign::(align|run_checks|align_detail::search|align_detail::learn_translation_model|split)\(' |
  sed -E 's/^ *([0-9,]+) \( *([0-9.]+)%\) +\?\?\?:kealign::([a-z_:]+)\(.*/  \3: \2% (\1)/'
