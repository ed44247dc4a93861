#!/bin/sh
# Prints every accuracy figure of kealign in one go, as Markdown tables:
#   bench/eval_all.sh [KEALIGN [SHARED]]
# KEALIGN: the kealign tool (default: kealign on PATH); SHARED: the shared corpora folder (default:
# ../shared beside the checkout). Splitting: `kealign eval --task split-set` on every split-gold
# set, then English news (bench/split_news.py: the kpc news blocks' English side, silver and
# visible-boundary gold; bench/split_cases.py: the written news-style cases in tests/data). Alignment: `kealign eval --task align-set` (presplit input) on the seed
# article, the LibreOffice help set and the Text+Berg test files 0-6 (scored jointly, as published);
# then the same two sets aligned with a lexicon learnt (`kealign lexicon`, no gold read) from the
# text of the LibreOffice set / of Text+Berg dev and test0-6 (the per-document rows stay the
# headline); last, with a bilingual dictionary: `--dict` alone (anchors and the list's own Model 1
# table), then `--dict` with a lexicon learnt with the list pooled in (`kealign lexicon --dict`,
# what `align-set --learn-lexicon --dict` does): kengdic for LibreOffice, FreeDict deu-fra (Debian
# dict-freedict-deu-fra / -fra-deu, converted by bench/freedict_tsv.py) for Text+Berg; the Text+Berg
# rows are left out, with a note, when the package is not installed.
# News: bench/news_sets.py (the news blocks, the LibreOffice set, and both with sentences dropped
# and merged, each as a dev and a held-out half); bench/other_script_sets.py (Text+Berg with the
# German rewritten in Han ideographs: pairs that share no Latin token).
# QA: `kealign check --presplit` on the seed article scored by `kealign eval --task flags`, then
# from the raw texts; last, planted errors and false majors on LibreOffice help and news with
# pofilter as the peer (bench/qa_inject.py; about ten minutes on two cores).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-kealign}
shared=${2:-$here/../../shared}
[ -d "$shared/corpora/split-gold" ] || { echo "eval_all.sh: no corpora in $shared" >&2; exit 2; }
shared=$(cd "$shared" && pwd)  # absolute: the sets below are reached through symbolic links

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# value NAME FILE: the value of a `name: value` line
value() { sed -n "s/^$1: //p" "$2"; }

echo "## Sentence splitting (kealign eval --task split-set)"
echo
echo "| set | docs | split P | split R | split F1 | internal F1 | EM | F1 | normalised F1 | documents exactly right |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for dir in "$shared"/corpora/split-gold/*/; do
  set_name=$(basename "$dir")
  lang=${set_name%%-*}
  "$tool" eval --task split-set --lang "$lang" "$dir" > "$work/out"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$set_name" \
    "$(value documents "$work/out")" "$(value split_precision "$work/out")" \
    "$(value split_recall "$work/out")" "$(value split_f1 "$work/out")" \
    "$(value internal_f1 "$work/out")" "$(value em "$work/out")" \
    "$(value sentence_f1 "$work/out")" "$(value normalized_f1 "$work/out")" \
    "$(value documents_exact "$work/out")"
done

echo
echo "## English splitting on news (bench/split_news.py; dev blocks tuned on, test blocks held out)"
echo
python3 "$here/split_news.py" --kealign "$(command -v "$tool" || echo "$tool")" --shared "$shared"
echo
echo "## English news-style cases (bench/split_cases.py; dev.txt tuned on, test.txt held out)"
echo
python3 "$here/split_cases.py" --kealign "$(command -v "$tool" || echo "$tool")"

# Sets whose documents are not folders of one root get a root of links.
mkdir -p "$work/seed" "$work/textberg" "$work/textberg-all"
ln -s "$shared/seed-article" "$work/seed/seed-article"
for n in 0 1 2 3 4 5 6; do
  ln -s "$shared/corpora/bleualign-textberg-de-fr/docs/test$n" "$work/textberg/test$n"
  ln -s "$shared/corpora/bleualign-textberg-de-fr/docs/test$n" "$work/textberg-all/test$n"
done
ln -s "$shared/corpora/bleualign-textberg-de-fr/docs/dev" "$work/textberg-all/dev"

echo
echo "## Sentence alignment (kealign eval --task align-set, presplit input)"
echo
echo "| set | docs | failed | strict P | strict R | strict F1 | lax P | lax R | lax F1 | seconds |"
echo "|---|---|---|---|---|---|---|---|---|---|"
align_row() {  # NAME ROOT [--names A B]
  name=$1 root=$2
  shift 2
  "$tool" eval --task align-set "$@" "$root" > "$work/out"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" \
    "$(value documents "$work/out")" "$(value failed "$work/out")" \
    "$(value strict_precision "$work/out")" "$(value strict_recall "$work/out")" \
    "$(value strict_f1 "$work/out")" "$(value lax_precision "$work/out")" \
    "$(value lax_recall "$work/out")" "$(value lax_f1 "$work/out")" "$(value seconds "$work/out")"
}
align_row "seed article (ko-en)" "$work/seed"
align_row "LibreOffice help (ko-en)" "$shared/corpora/libreoffice-help-ko-en-align"
align_row "Text+Berg test0-6 (de-fr)" "$work/textberg" --names src tgt
"$tool" lexicon --presplit "$shared/corpora/libreoffice-help-ko-en-align" -o "$work/lo.lex" 2>/dev/null
align_row "LibreOffice help (ko-en), lexicon learnt from the set's own text" \
  "$shared/corpora/libreoffice-help-ko-en-align" --lexicon "$work/lo.lex"
"$tool" lexicon --presplit --names src tgt "$work/textberg-all" -o "$work/tb.lex" 2>/dev/null
align_row "Text+Berg test0-6 (de-fr), lexicon learnt from the text of dev and test0-6" \
  "$work/textberg" --names src tgt --lexicon "$work/tb.lex"
kengdic=$shared/corpora/kengdic-basic-ko-en/ko-en.tsv
align_row "LibreOffice help (ko-en), --dict kengdic" \
  "$shared/corpora/libreoffice-help-ko-en-align" --dict "$kengdic"
"$tool" lexicon --presplit --dict "$kengdic" "$shared/corpora/libreoffice-help-ko-en-align" \
  -o "$work/lo-dict.lex" 2>/dev/null
align_row "LibreOffice help (ko-en), --dict kengdic, lexicon learnt from the set's own text and kengdic" \
  "$shared/corpora/libreoffice-help-ko-en-align" --dict "$kengdic" --lexicon "$work/lo-dict.lex"
if python3 "$here/freedict_tsv.py" deu fra > "$work/de-fr.tsv" 2>"$work/err"; then
  align_row "Text+Berg test0-6 (de-fr), --dict FreeDict deu-fra" \
    "$work/textberg" --names src tgt --dict "$work/de-fr.tsv"
  "$tool" lexicon --presplit --names src tgt --dict "$work/de-fr.tsv" "$work/textberg-all" \
    -o "$work/tb-dict.lex" 2>/dev/null
  align_row "Text+Berg test0-6 (de-fr), --dict FreeDict deu-fra, lexicon learnt from the text of dev and test0-6 and FreeDict" \
    "$work/textberg" --names src tgt --dict "$work/de-fr.tsv" --lexicon "$work/tb-dict.lex"
else
  echo "| Text+Berg with FreeDict deu-fra: left out, $(cat "$work/err") | | | | | | | | | |"
fi

echo
echo "## News and perturbed sets (bench/news_sets.py: kealign align --presplit, run_align_set.py)"
echo
echo "Development (dev) and held-out (test) halves; a refused pair is a failed document."
echo
python3 "$here/news_sets.py" --kealign "$(command -v "$tool" || echo "$tool")" --shared "$shared"

echo
echo "## Another script (bench/other_script_sets.py: Text+Berg, German in Han ideographs, digits kept / mapped)"
echo
for digits in keep map; do
  python3 "$here/other_script_sets.py" --kealign "$(command -v "$tool" || echo "$tool")" \
    --shared "$shared" --digits "$digits"
  echo
done

echo
echo "## Translation QA (kealign check --presplit on the seed article, kealign eval --task flags)"
echo
echo "| found_by | gold | found | recall | predicted | precision |"
echo "|---|---|---|---|---|---|"
seed=$shared/seed-article
"$tool" check --presplit "$seed/ko.sents" "$seed/en.sents" -o "$work/flags.tsv"
for found_by in rules lexicon semantic; do
  "$tool" eval --task flags --found-by "$found_by" --gold "$seed/flags.tsv" "$work/flags.tsv" > "$work/out"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$found_by" "$(value "flags_gold_$found_by" "$work/out")" \
    "$(value flags_found "$work/out")" "$(value flags_recall "$work/out")" \
    "$(value flags_predicted "$work/out")" "$(value flags_precision "$work/out")"
done
# The seed article from raw text: split and aligned by kealign, then checked.
"$tool" check "$seed/ko.txt" "$seed/en.txt" -o "$work/flags-raw.tsv"
for found_by in rules lexicon; do
  "$tool" eval --task flags --found-by "$found_by" --gold "$seed/flags.tsv" "$work/flags-raw.tsv" > "$work/out"
  printf '| %s (raw text) | %s | %s | %s | %s | %s |\n' "$found_by" \
    "$(value "flags_gold_$found_by" "$work/out")" "$(value flags_found "$work/out")" \
    "$(value flags_recall "$work/out")" "$(value flags_predicted "$work/out")" \
    "$(value flags_precision "$work/out")"
done

echo
echo "## Translation QA on planted errors (bench/qa_inject.py, gold alignment, presplit)"
echo
echo "Recall of planted errors by kind; major findings and flagged links on the untouched"
echo "translations; dev halves tuned on, test halves held out; pofilter (Translate Toolkit) as the peer."
echo
python3 "$here/qa_inject.py" --kealign "$(command -v "$tool" || echo "$tool")" --shared "$shared"
