#!/bin/sh
# Writes the findings (`kealign check --presplit --format json`, with the gold alignment) of the
# seed article, every LibreOffice align-set page and every kpc-news block into OUT, one JSON each,
# plus the seed aligned by kealign itself, so that two builds compare with `diff -r OUT1 OUT2`:
#   bench/check_outputs.sh KEALIGN OUT [SHARED]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tool=$1
out=$2
shared=${3:-$here/../../shared}
mkdir -p "$out"
run() {  # name dir [ARGS]: findings of dir/ko.sents, dir/en.sents
  name=$1
  dir=$2
  shift 2
  "$tool" check --presplit --allow-unrelated --config none --format json "$@" "$dir/ko.sents" \
    "$dir/en.sents" -o "$out/$name.json"
}
run seed "$shared/seed-article" --alignment "$shared/seed-article/gold.tsv"
run seed_aligned "$shared/seed-article"
for dir in "$shared"/corpora/libreoffice-help-ko-en-align/*/; do
  run "lo_$(basename "$dir")" "$dir" --alignment "$dir/gold.tsv"
done
for dir in "$shared"/corpora/kpc-news-ko-en/*/; do
  run "news_$(basename "$dir")" "$dir" --alignment "$dir/gold.tsv"
done
