#!/bin/sh
# What the QA checks cost inside `kealign align`: the 979 LibreOffice help documents concatenated
# into one pair (16,389 x 16,379 segments), aligned with the checks (the flags column) and with
# --no-flags; best CPU time (user + sys) of N runs each (default 5).
#   bench/qa_check_cost.sh [KEALIGN [SHARED [N]]]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-kealign}
shared=${2:-$here/../../shared}
runs=${3:-5}
set_dir=$shared/corpora/libreoffice-help-ko-en-align
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for d in "$set_dir"/*/; do
  cat "$d/ko.sents" >> "$work/ko.sents"
  cat "$d/en.sents" >> "$work/en.sents"
done
best() {  # best CPU seconds of $runs runs of: kealign align --presplit [ARGS]
  b=
  i=0
  while [ "$i" -lt "$runs" ]; do
    t=$( { /usr/bin/time -f '%U %S' "$tool" align --presplit "$@" "$work/ko.sents" "$work/en.sents" \
      -o "$work/out.tsv" 2>&1 >/dev/null; } | tail -1 | awk '{print $1 + $2}')
    if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
    i=$((i + 1))
  done
  echo "$b"
}
with=$(best)
without=$(best --no-flags)
echo "segments: $(wc -l < "$work/ko.sents") x $(wc -l < "$work/en.sents")"
echo "align with checks: $with s CPU (best of $runs)"
echo "align --no-flags: $without s CPU (best of $runs)"
awk "BEGIN{printf \"checks cost: %.1f%% of align --no-flags\n\", 100 * ($with - $without) / $without}"
