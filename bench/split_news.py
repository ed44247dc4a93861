#!/usr/bin/env python3
"""English splitting on news: boundary F1 on the English side of the kpc news blocks.

  bench/split_news.py [--kealign KEALIGN] [--shared SHARED] [--errors]

Input: each block's `en.txt` (its lines joined by single spaces, one paragraph) split by
`kealign split --lang en`. Halves: the `dev_*` blocks (tuned on) and the `test_*` blocks (held out).
Two golds, both made here from `en.sents` and never stored:
  silver   the distributed lines as they are (some lines are fragments or hold two sentences).
  visible  the same lines, except that a line is joined to the next one when the boundary
           between them cannot be seen in running text: the line does not end in sentence-final
           punctuation (. ? ! or an ellipsis, optionally followed by closing quotes or
           brackets), or the next line starts with a lower-case letter or with punctuation other
           than an opening quote or bracket. This removes the corpus's cut fragments ("...
           triggering a rock slide" / "in the scenic Taroko Gorge ...") and headline lines; it
           never splits a line, so lines holding two sentences stay as they are.
Scored as `../shared/eval/score.py split` does on the blocks of a half put one after another:
boundaries are offsets in the text with white space removed; every block end is a boundary.
--errors also lists the missed and the extra boundaries of each half with their context.
Prints a Markdown table.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

FINAL = re.compile(r"(?:[.?!\u2026]|\.\.\.)[\"'\u201d\u2019)\]]*$")
# A line starting like this continues the previous one: lower case, or punctuation that is not an
# opening quote or bracket.
CONTINUES = re.compile(r"^(?:[a-z]|[^\w\s\"'\u201c\u2018(\[])")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f.read().splitlines() if line.strip()]


def visible(lines):
    out = []
    for line in lines:
        if out and (not FINAL.search(out[-1].rstrip()) or CONTINUES.match(line.lstrip())):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


def boundaries(lines, base):
    out, pos = [], base
    for s in lines:
        pos += len(re.sub(r"\s+", "", s))
        out.append(pos)
    return out, pos


def split(kealign, path):
    r = subprocess.run([kealign, "split", "--lang", "en", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"split_news.py: kealign split {path} failed: {r.stderr.strip()}")
    return [line for line in r.stdout.splitlines() if line.strip()]


def score(blocks, gold_of):
    gold, pred, g_seg, p_seg, base = set(), set(), {}, {}, 0
    for name, g, p in blocks:
        g = gold_of(g)
        gb, g_end = boundaries(g, base)
        pb, p_end = boundaries(p, base)
        if g_end != p_end:
            sys.exit(f"split_news.py: {name}: the split lost or added text")
        gold.update(gb)
        pred.update(pb)
        g_seg.update(zip(gb, ((name, s) for s in g)))
        p_seg.update(zip(pb, ((name, s) for s in p)))
        base = g_end
    tp = len(gold & pred)
    prec = tp / len(pred) if pred else 0.0
    rec = tp / len(gold) if gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    missed = [g_seg[b] for b in sorted(gold - pred)]
    extra = [p_seg[b] for b in sorted(pred - gold)]
    return len(gold), len(pred), prec, rec, f1, missed, extra


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kealign", default="kealign")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    root = os.path.join(args.shared, "corpora", "kpc-news-ko-en")
    if not os.path.isdir(root):
        sys.exit(f"split_news.py: no news blocks in {root}")
    print("| gold | half | blocks | gold segments | predicted | split P | split R | split F1 |")
    print("|---|---|---|---|---|---|---|---|")
    report = []
    for half in ("dev", "test"):
        blocks = []
        for d in sorted(glob.glob(os.path.join(root, half + "_*"))):
            name = os.path.basename(d)
            blocks.append((name, read_lines(os.path.join(d, "en.sents")),
                           split(args.kealign, os.path.join(d, "en.txt"))))
        for gold_name, gold_of in (("silver", lambda g: g), ("visible", visible)):
            n_g, n_p, p, r, f, missed, extra = score(blocks, gold_of)
            print(f"| {gold_name} | {half} | {len(blocks)} | {n_g} | {n_p} | {p:.4f} | {r:.4f} "
                  f"| {f:.4f} |")
            if args.errors:
                report.append((gold_name, half, missed, extra))
    for gold_name, half, missed, extra in report:
        print(f"\n{gold_name} {half}: {len(missed)} missed, {len(extra)} extra")
        for kind, items in (("missed", missed), ("extra", extra)):
            for name, s in items:
                print(f"  {kind} {name}: ...{s[-70:]}")


if __name__ == "__main__":
    main()
