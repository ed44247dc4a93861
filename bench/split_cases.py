#!/usr/bin/env python3
"""English news-style sentence boundaries: boundary F1 on the written cases in tests/data/en-news-split.

  bench/split_cases.py [--kealign KEALIGN] [--errors]

Each case (see the folder's README.md) becomes one paragraph of a document, split by
`kealign split --lang en`. Halves: `dev.txt` (the rules were written against it) and `test.txt`
(held out). Scored as `bench/split_news.py` scores the news blocks: boundaries are offsets in the
text with white space removed, every case end is a boundary. --errors lists the dev cases split
differently from their gold (never the held-out ones). Prints a Markdown table.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "tests", "data", "en-news-split")
BOUNDARY = re.compile(r"\s*(\|\||\|n\|)\s*")


def read_cases(path):
    """[(input text, gold sentences)] of one case file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = BOUNDARY.split(line.strip())
            gold = [p.replace("\\n", "\n") for p in parts[0::2]]
            joins = [" " if m == "||" else "\n" for m in parts[1::2]]
            text = gold[0] + "".join(j + s for j, s in zip(joins, gold[1:]))
            out.append((text, [re.sub(r"\s+", " ", s) for s in gold]))
    return out


def split_all(kealign, cases):
    """The predicted sentences of each case (cases are paragraphs of one document)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write("\n\n".join(text for text, _ in cases) + "\n")
        path = f.name
    try:
        r = subprocess.run([kealign, "split", "--lang", "en", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        sys.exit(f"split_cases.py: kealign split failed: {r.stderr.strip()}")
    pred = [re.sub(r"\s+", " ", s) for s in r.stdout.splitlines() if s.strip()]
    # give each case its predicted sentences by their length without white space
    out, k = [], 0
    for _, gold in cases:
        want = sum(len(re.sub(r"\s+", "", s)) for s in gold)
        got, n = [], 0
        while n < want and k < len(pred):
            got.append(pred[k])
            n += len(re.sub(r"\s+", "", pred[k]))
            k += 1
        if n != want:
            sys.exit("split_cases.py: a sentence crosses two cases")
        out.append(got)
    return out


def boundaries(sents, base):
    out, pos = set(), base
    for s in sents:
        pos += len(re.sub(r"\s+", "", s))
        out.add(pos)
    return out, pos


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kealign", default="kealign")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    print("| half | cases | gold segments | predicted | split P | split R | split F1 | cases exactly right |")
    print("|---|---|---|---|---|---|---|---|")
    errors = []
    for half in ("dev", "test"):
        cases = read_cases(os.path.join(CASES, half + ".txt"))
        preds = split_all(args.kealign, cases)
        gold_b, pred_b, base, exact = set(), set(), 0, 0
        for (text, gold), pred in zip(cases, preds):
            g, end = boundaries(gold, base)
            p, _ = boundaries(pred, base)
            gold_b |= g
            pred_b |= p
            base = end
            exact += gold == pred
            if half == "dev" and gold != pred:
                errors.append((gold, pred))
        tp = len(gold_b & pred_b)
        prec, rec = tp / len(pred_b), tp / len(gold_b)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"| {half} | {len(cases)} | {len(gold_b)} | {len(pred_b)} | {prec:.4f} | {rec:.4f} "
              f"| {f1:.4f} | {exact}/{len(cases)} |")
    if args.errors:
        print(f"\ndev: {len(errors)} cases split differently")
        for gold, pred in errors:
            print("  gold: " + " || ".join(gold))
            print("  got:  " + " || ".join(pred))


if __name__ == "__main__":
    main()
