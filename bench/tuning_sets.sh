#!/bin/sh
# Makes the tuning and held-out roots the alignment constants are chosen and checked on, as folders
# of symbolic links (nothing is copied):
#   bench/tuning_sets.sh OUT [SHARED]
# OUT/lo-A, OUT/lo-B  the LibreOffice ko-en align set split in two by document: sorted folder names,
#                     alternating (A: even positions, 490 documents; B: odd, 489). Constants are
#                     chosen on A; B is held out and only read.
# OUT/tb-dev          Text+Berg de-fr docs/dev (one document): the tuning document of the pair.
# OUT/tb-test         Text+Berg de-fr docs/test0..test6: held out (the published test set).
# OUT/tb-all          dev and test0..test6: the text a Text+Berg lexicon is learnt from.
# OUT/seed            the seed article (must stay at strict F1 1.0).
# Score one with `kealign eval --task align-set OUT/lo-A` (Text+Berg: `--names src tgt`).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=$1
shared=${2:-$here/../../shared}
shared=$(cd "$shared" && pwd)
lo=$shared/corpora/libreoffice-help-ko-en-align
tb=$shared/corpora/bleualign-textberg-de-fr/docs
[ -d "$lo" ] && [ -d "$tb" ] || { echo "tuning_sets.sh: no corpora in $shared" >&2; exit 2; }

mkdir -p "$out/lo-A" "$out/lo-B" "$out/tb-dev" "$out/tb-test" "$out/tb-all" "$out/seed"
i=0
for d in $(ls -d "$lo"/*/ | sort); do
  d=${d%/}
  if [ $((i % 2)) = 0 ]; then ln -sfn "$d" "$out/lo-A/"; else ln -sfn "$d" "$out/lo-B/"; fi
  i=$((i + 1))
done
ln -sfn "$tb/dev" "$out/tb-dev/dev"
ln -sfn "$tb/dev" "$out/tb-all/dev"
for n in 0 1 2 3 4 5 6; do
  ln -sfn "$tb/test$n" "$out/tb-test/test$n"
  ln -sfn "$tb/test$n" "$out/tb-all/test$n"
done
ln -sfn "$shared/seed-article" "$out/seed/seed-article"
echo "tuning_sets.sh: $(ls "$out/lo-A" | wc -l) + $(ls "$out/lo-B" | wc -l) LibreOffice documents in $out"
