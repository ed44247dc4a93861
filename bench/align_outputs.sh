#!/bin/sh
# Writes `kealign align --presplit --no-flags --allow-unrelated` of every short document (LibreOffice align set, seed
# article, Text+Berg) into OUT, one TSV each, so that two builds compare with `diff -r OUT1 OUT2`:
#   bench/align_outputs.sh KEALIGN OUT [SHARED]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tool=$1
out=$2
shared=${3:-$here/../../shared}
mkdir -p "$out"
for dir in "$shared"/corpora/libreoffice-help-ko-en-align/*/; do
  "$tool" align --presplit --no-flags --allow-unrelated "$dir/ko.sents" "$dir/en.sents" -o "$out/lo_$(basename "$dir").tsv"
done
"$tool" align --presplit --no-flags --allow-unrelated "$shared/seed-article/ko.sents" "$shared/seed-article/en.sents" \
  -o "$out/seed.tsv"
for dir in "$shared"/corpora/bleualign-textberg-de-fr/docs/*/; do
  "$tool" align --presplit --no-flags --allow-unrelated "$dir/src.sents" "$dir/tgt.sents" -o "$out/tb_$(basename "$dir").tsv"
done
