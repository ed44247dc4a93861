#!/usr/bin/env bash
# Peak resident memory of `kealign align` (checks on) against the --max-memory estimate
# (estimate_align_memory, read from the refusal `--max-memory 1` prints), for pairs of several
# shapes. Fitted on (dev): copies of the seed pair as sentences (raw text), as paragraphs (one per
# line, --presplit) and as whole articles (one per line, --presplit). Held-out: the 48 kpc-news
# blocks concatenated 20 times (raw text), never looked at for the fit; and the 979 LibreOffice help
# pages concatenated (short UI strings, --presplit), once and 7 times, which were measured while the
# per-segment constant was chosen (they ruled out a lower one) and so are not a clean held-out set.
#   bench/memory_estimate.sh [BUILD_DIR [SHARED]]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shared=${2:-$here/../shared}
tool=$build/tools/kealign
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=$here/corpora/seed-article
# make NAME SHAPE N: the seed pair N times into $work/NAME.{ko,en}
make() {
  python3 - "$seed" "$work/$1" "$2" "$3" <<'EOF'
import sys
seed, out, shape, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
for side in ("ko", "en"):
    text = open(f"{seed}/{side}.txt", encoding="utf-8").read().rstrip("\n")
    if shape == "article":
        text = text.replace("\n", " ")
    with open(f"{out}.{side}", "w", encoding="utf-8") as f:
        f.write((text + "\n") * n)
EOF
}
printf '%-28s %-9s %-10s %-12s %-12s %s\n' pair set text_MB segments peak_RSS_MB estimate_MB
measure() {  # NAME SET [ALIGN ARGS]: one line
  local name=$1 set=$2
  shift 2
  local ko=$work/$name.ko en=$work/$name.en
  local refusal
  refusal=$("$tool" align --allow-unrelated --max-memory 1 "$@" "$ko" "$en" -o "$work/out" 2>&1 ||
    true)
  local estimate segments
  estimate=$(sed -n 's/.*needs about \([0-9]*\) MB.*/\1/p' <<< "$refusal")
  segments=$(sed -n 's/.*(\([0-9]*\) segments) with .*(\([0-9]*\) segments).*/\1 \2/p' \
    <<< "$refusal" | awk '{print $1 + $2}')
  /usr/bin/time -f '%M' -o "$work/time" "$tool" align --allow-unrelated "$@" "$ko" "$en" \
    -o "$work/out"
  awk -v n="$name" -v s="$set" -v b="$(($(stat -c %s "$ko") + $(stat -c %s "$en")))" \
    -v g="$segments" -v r="$(cat "$work/time")" -v e="$estimate" \
    'BEGIN { printf "%-28s %-9s %-10.1f %-12s %-12.0f %s\n", n, s, b / 1e6, g, r / 1024, e }'
  rm -f "$work/out" "$ko" "$en"
}
for n in 500 2000; do
  make "seed_sentences_$n" sentences "$n"
  measure "seed_sentences_$n" dev
  make "seed_paragraphs_$n" paragraphs "$n"
  measure "seed_paragraphs_$n" dev --presplit
  make "seed_articles_$n" article "$n"
  measure "seed_articles_$n" dev --presplit
done
news=$shared/corpora/kpc-news-ko-en
if [ -d "$news" ]; then
  for d in "$news"/*/; do
    cat "$d/ko.txt" >> "$work/news.ko"
    echo >> "$work/news.ko"
    cat "$d/en.txt" >> "$work/news.en"
    echo >> "$work/news.en"
  done
  for side in ko en; do
    for ((i = 0; i < 20; i++)); do cat "$work/news.$side"; done > "$work/kpc_news_x20.$side"
  done
  measure kpc_news_x20 held-out
fi
lo=$shared/corpora/libreoffice-help-ko-en-align
if [ -d "$lo" ]; then
  for d in "$lo"/*/; do
    cat "$d/ko.sents" >> "$work/lo.ko"
    cat "$d/en.sents" >> "$work/lo.en"
  done
  for times in 1 7; do
    name=libreoffice_x$times
    for side in ko en; do
      for ((i = 0; i < times; i++)); do cat "$work/lo.$side"; done > "$work/$name.$side"
    done
    measure "$name" held-out --presplit
  done
else
  echo "no $lo: the held-out pairs are left out"
fi
