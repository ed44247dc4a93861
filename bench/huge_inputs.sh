#!/usr/bin/env bash
# Memory and time of `kealign align` and `kealign split` on N copies of the seed article pair
# (corpora/seed-article), for each N given (default: 500 1000 2000). Prints, per N: the input
# bytes (both sides), peak RSS, the goal 12 B x input + 60 MB, wall and CPU (user + system) time,
# and CPU time(N)/time(N/2) against the goal of 2.3 when N/2 was measured too (CPU time, since wall
# time on a shared machine mostly measures the other jobs).
#   bench/huge_inputs.sh [BUILD_DIR] [N...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
sizes=("${@:-500 1000 2000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
tool=$build/tools/kealign
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=$here/corpora/seed-article
declare -A seconds
printf '%-6s %-8s %-9s %-12s %-8s %-8s %-8s %s\n' N command input_MB peak_RSS_MB goal_MB wall_s cpu_s ratio
for n in "${sizes[@]}"; do
  : > "$work/ko.txt"
  : > "$work/en.txt"
  for ((i = 0; i < n; i++)); do
    { cat "$seed/ko.txt"; echo; } >> "$work/ko.txt"
    { cat "$seed/en.txt"; echo; } >> "$work/en.txt"
  done
  bytes=$(($(stat -c %s "$work/ko.txt") + $(stat -c %s "$work/en.txt")))
  for cmd in align split; do
    if [ "$cmd" = align ]; then
      args=(align --allow-unrelated "$work/ko.txt" "$work/en.txt" -o "$work/out")
      input=$bytes
    else
      args=(split --lang ko "$work/ko.txt" -o "$work/out")
      input=$(stat -c %s "$work/ko.txt")
    fi
    /usr/bin/time -f '%M %e %U %S' -o "$work/time" "$tool" "${args[@]}" 2> "$work/err" || {
      echo "N=$n $cmd failed: $(tail -1 "$work/err")"
      continue
    }
    read -r rss_kb wall user system < "$work/time"
    secs=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    seconds[$cmd.$n]=$secs
    half=$((n / 2))
    ratio=-
    if [ -n "${seconds[$cmd.$half]:-}" ]; then
      ratio=$(awk -v a="$secs" -v b="${seconds[$cmd.$half]}" 'BEGIN { printf "%.2f", a / b }')
    fi
    awk -v n="$n" -v c="$cmd" -v in_b="$input" -v rss="$rss_kb" -v w="$wall" -v s="$secs" \
      -v r="$ratio" 'BEGIN {
      printf "%-6s %-8s %-9.1f %-12.0f %-8.0f %-8s %-8s %s\n", n, c, in_b / 1e6, rss / 1024,
             (12 * in_b + 60e6) / 1048576, w, s, r }'
  done
done
