#!/usr/bin/env python3
"""Pairs in another script: does kealign refuse true pairs that share no Latin token?

  bench/other_script_sets.py [--kealign KEALIGN] [--shared SHARED] [--keep DIR] [--digits keep|map]
                             [--block N] [-- EXTRA KEALIGN ALIGN ARGS]

We hold no Chinese-English set, so one is made from Text+Berg de-fr
(../shared/corpora/bleualign-textberg-de-fr/docs, hand-made n-m gold): each document is cut into
blocks of about --block source lines at gold link boundaries; the German side of each block is
rewritten in Han ideographs and goes in the first (Korean) slot, the French stays in the second.
The rewriting mimics Chinese: lower-cased, each pair of letters of a word one ideograph (a fixed
table, so a word always reads the same), the spaces between words dropped, punctuation full-width;
digits are kept as Chinese writes them, or with --digits map written as ideographs too (then the
two sides share nothing at all). Nothing of the corpus is kept in the repository: the sets are
written to a temporary folder (or --keep DIR).

Rows, each as a development half and a held-out half (a block is dev or test by the seeded hash
bench/news_sets.py uses for LibreOffice pages):
  other-script            true pairs, scored by ../shared/eval/run_align_set.py running `kealign
                          align --presplit --no-flags` (a refusal is a failed document);
  other-script-perturbed  the same blocks with sentences dropped and merged (news_sets.py's
                          perturbation and seed);
  mismatched              each block's rewritten German with the French of the block of closest
                          length outside its own document: the pairs accepted (exit 0) are counted.
Prints a Markdown table.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import news_sets  # noqa: E402

HAN_BASE = 0x4E00
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéèàâêîôûç"
FULL_WIDTH = {".": "。", ",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（",
              ")": "）", "'": "’", '"': "”"}


def han_of(pair):
    """One ideograph per letter pair (or lone letter): a fixed position in the CJK block."""
    n = len(LETTERS) + 1
    a = LETTERS.find(pair[0]) + 1
    b = LETTERS.find(pair[1]) + 1 if len(pair) > 1 else 0
    return chr(HAN_BASE + 7 + a * n + b)


def rewrite(line, map_digits):
    out = []
    word = ""

    def flush():
        nonlocal word
        w = word.lower()
        out.append("".join(han_of(w[i:i + 2]) for i in range(0, len(w), 2)))
        word = ""

    for ch in line:
        if ch.lower() in LETTERS or (ch.isalpha() and not ch.isascii()):
            word += ch if ch.lower() in LETTERS else "e"
            continue
        if word:
            flush()
        if ch.isdigit() and map_digits:
            out.append("〇一二三四五六七八九"[int(ch)])
        elif ch.isspace():
            continue  # Chinese puts no space between words
        else:
            out.append(FULL_WIDTH.get(ch, ch))
    if word:
        flush()
    return "".join(out)


def blocks_of(doc, src, tgt, gold, size):
    """Cuts a document at gold link boundaries: [(name, src lines, tgt lines, gold)]."""
    out = []
    start = [0, 0]
    links = []
    for n, (k, e) in enumerate(gold):
        links.append((k, e))
        ends = [max(k, default=start[0] - 1) + 1, max(e, default=start[1] - 1) + 1]
        ends = [max(ends[0], start[0]), max(ends[1], start[1])]
        last = n == len(gold) - 1
        if ends[0] - start[0] >= size or last:
            if last:
                ends = [len(src), len(tgt)]
            rebased = [([i - start[0] for i in lk], [j - start[1] for j in le]) for lk, le in links]
            out.append((f"{doc}_{len(out):02d}", src[start[0]:ends[0]], tgt[start[1]:ends[1]],
                        rebased))
            start, links = ends, []
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kealign", default="kealign")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--keep", help="write the sets here (a new folder) and keep them")
    ap.add_argument("--digits", choices=("keep", "map"), default="keep")
    ap.add_argument("--block", type=int, default=40, help="source lines per block (at least)")
    ap.add_argument("extra", nargs="*", help="after --: more kealign align options")
    args = ap.parse_args()
    root = os.path.join(os.path.abspath(args.shared), "corpora/bleualign-textberg-de-fr/docs")
    if not os.path.isdir(root):
        sys.exit(f"other_script_sets.py: no Text+Berg documents in {root}")
    scorer = os.path.join(os.path.abspath(args.shared), "eval", "run_align_set.py")
    work = args.keep or tempfile.mkdtemp(prefix="kealign-script-")
    align = [args.kealign, "align", "--presplit", "--no-flags", *args.extra]
    try:
        blocks = []
        for doc in news_sets.documents(root):
            d = os.path.join(root, doc)
            src = news_sets.read_lines(os.path.join(d, "src.sents"))
            tgt = news_sets.read_lines(os.path.join(d, "tgt.sents"))
            gold = news_sets.parse_gold(os.path.join(d, "gold.tsv"))
            for name, s, t, g in blocks_of(doc, src, tgt, gold, args.block):
                blocks.append((doc, name, [rewrite(x, args.digits == "map") for x in s], t, g))
        for doc, name, ko, en, gold in blocks:
            half = news_sets.lo_half(name)
            news_sets.write_doc(os.path.join(work, "other-script", half, name), ko, en, gold)
            rng = random.Random(f"{news_sets.PERTURB_SEED}/other-script/{name}")
            pko, pen, pgold = news_sets.perturb(ko, en, gold, rng)
            news_sets.write_doc(os.path.join(work, "other-script-perturbed", half, name), pko, pen,
                                pgold)
        print("| set | half | docs | failed (refused) | strict P | strict R | strict F1 | lax F1 |")
        print("|---|---|---|---|---|---|---|---|")
        for set_name in ("other-script", "other-script-perturbed"):
            for half in ("dev", "test"):
                folder = os.path.join(work, set_name, half)
                if not os.path.isdir(folder):
                    continue
                r = subprocess.run([sys.executable, scorer, folder, "--", *align],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    sys.exit(f"other_script_sets.py: {set_name}/{half}: {r.stderr.strip()}")
                v = news_sets.values(r.stdout)
                print(f"| {set_name} | {half} | {v['documents']} | {v['failed']} | "
                      f"{v['strict_precision']} | {v['strict_recall']} | {v['strict_f1']} | "
                      f"{v['lax_f1']} |", flush=True)
        # Mismatched: the French of the block of closest length in another document.
        accepted = {"dev": 0, "test": 0}
        total = {"dev": 0, "test": 0}
        for doc, name, ko, en, gold in blocks:
            size = sum(len(x) for x in en)
            others = [b for b in blocks if b[0] != doc]
            other = min(others, key=lambda b: abs(sum(len(x) for x in b[3]) - size))
            folder = os.path.join(work, "mismatched", name)
            news_sets.write_doc(folder, ko, other[3], [])
            r = subprocess.run(align + [os.path.join(folder, "ko.sents"),
                                        os.path.join(folder, "en.sents")],
                               capture_output=True, text=True)
            half = news_sets.lo_half(name)
            total[half] += 1
            accepted[half] += r.returncode == 0
        for half in ("dev", "test"):
            print(f"| mismatched | {half} | {total[half]} | accepted: {accepted[half]} | | | | |")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
