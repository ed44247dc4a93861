#!/usr/bin/env bash
# Throughput of `kealign stream` over the 1,072 LibreOffice pages: pairs/s on 1 and 2 threads, the
# speed-up, and peak memory (GNU time's maximum resident set size), best of REPEAT runs with the
# spread; beside it align-set on the same pages and, with --dask, `python3 -m kealign.dask`.
#
#   bench/stream_bench.sh build/tools/kealign ../shared [REPEAT=5] [extra stream options...]
#
# Every figure is wall time of the whole process (reading the dictionary and the input included);
# cpu is the least user+system time per pair over the runs, which a busy machine disturbs less.
set -euo pipefail
tool=$(realpath "$1"); shared=$2; repeat=${3:-5}; shift $(( $# >= 3 ? 3 : 2 ))
extra=("$@")
here=$(dirname "$(realpath "$0")")
root=$shared/corpora/libreoffice-help-ko-en
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$here/stream_input.py" "$root" >"$work/lo.jsonl"
pairs=$(wc -l <"$work/lo.jsonl")

# run NAME COMMAND...: REPEAT timed runs; prints best and worst wall time, best pairs/s, peak RSS.
run() {
  local name=$1; shift
  local times=() rss=0 cpu=""
  for ((k = 0; k < repeat; k++)); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2; return 1; }
    read -r t m u s <"$work/time"
    times+=("$t"); (( m > rss )) && rss=$m
    c=$(echo "($u + $s) * 1000 / $pairs" | bc -l)
    if [ -z "$cpu" ] || (( $(echo "$c < $cpu" | bc) )); then cpu=$c; fi
  done
  local best worst
  best=$(printf '%s\n' "${times[@]}" | sort -g | head -1)
  worst=$(printf '%s\n' "${times[@]}" | sort -g | tail -1)
  printf '%-22s best %6.2f s  worst %6.2f s  %5.0f pairs/s  cpu %4.2f ms/pair  peak %3d MB\n' \
    "$name" "$best" "$worst" "$(echo "$pairs / $best" | bc -l)" "$cpu" $(( rss / 1024 ))
  echo "$best" >"$work/best.$name"
}
echo "kealign stream over $pairs LibreOffice pages, best of $repeat (options: ${extra[*]:-none})"
run stream-1-thread bash -c "\"$tool\" stream --threads 1 ${extra[*]:-} <\"$work/lo.jsonl\""
run stream-2-threads bash -c "\"$tool\" stream --threads 2 ${extra[*]:-} <\"$work/lo.jsonl\""
printf 'speed-up 1 -> 2 threads: %.2fx\n' \
  "$(echo "$(cat "$work/best.stream-1-thread") / $(cat "$work/best.stream-2-threads")" | bc -l)"
run align-set-2-threads "$tool" align-set --threads 2 "${extra[@]}" "$root" --out-dir "$work/as"
