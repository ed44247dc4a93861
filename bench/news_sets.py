#!/usr/bin/env python3
"""The news alignment rows, each as a development half and a held-out half.

  bench/news_sets.py [--kealign KEALIGN] [--shared SHARED] [--keep DIR] [--only NAME ...]
                     [-- EXTRA KEALIGN ALIGN ARGS]

Sets (every one split into `dev` and `test`; tune on dev only, report both):
  news             ../shared/corpora/kpc-news-ko-en, presplit; dev_* blocks / test_* blocks.
  news-perturbed   the same blocks with sentences dropped and adjacent segments merged (below).
  lo               ../shared/corpora/libreoffice-help-ko-en-align; a page is dev or test by
                   a seeded hash of its name (about half each).
  lo-perturbed     the same pages, perturbed.

The perturbation (seed PERTURB_SEED, per document a random.Random seeded with the seed and the
document's name, so a document's perturbation does not depend on the others): round(8% of the
smaller side's segments) segments are removed, each from a side chosen at random; then round(15%)
times two adjacent segments of a side chosen at random are joined by a space. The rounding is
stochastic (floor(x + u), u uniform), so short pages are perturbed as often as the rate says. The
gold follows: a removed segment leaves its link (a 1-1 becomes a 1-0, which the scores ignore),
joined segments join their links (two 1-1 become one 2-1). The perturbed sets are written to a
temporary folder (or --keep DIR) and are never kept in the repository.

Each set half is scored by ../shared/eval/run_align_set.py running `kealign align --presplit
--no-flags` on every document (`kealign eval --task align-set` gives the same figures but calls the
aligner without the relatedness test, so it never refuses); a pair kealign refuses ("not a
translation pair") is a failed document, all its gold links missed.
Prints a Markdown table.
"""
import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile

PERTURB_SEED = 20261207
SPLIT_SEED = "kealign-news-split"
DROP_RATE = 0.08
MERGE_RATE = 0.15


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def parse_gold(path):
    links = []
    for line in read_lines(path):
        cells = line.split("\t")
        if len(cells) < 2 or cells[0] == "ko_ids":
            continue
        ids = lambda c: [int(x) for x in c.split(",") if x.strip()]
        links.append((ids(cells[0]), ids(cells[1])))
    return links


def stochastic_round(x, rng):
    return int(x + rng.random())


def perturb(ko, en, gold, rng):
    """ko, en: segment lists; gold: [(ko_ids, en_ids)]. Returns (ko, en, gold) perturbed."""
    # A unit is a list of original ids; the sides start as one unit per segment.
    sides = [[[i] for i in range(len(ko))], [[i] for i in range(len(en))]]
    n = min(len(ko), len(en))
    for _ in range(stochastic_round(DROP_RATE * n, rng)):
        side = sides[rng.randrange(2)]
        if len(side) > 1:
            del side[rng.randrange(len(side))]
    for _ in range(stochastic_round(MERGE_RATE * n, rng)):
        side = sides[rng.randrange(2)]
        if len(side) > 1:
            k = rng.randrange(len(side) - 1)
            side[k:k + 2] = [side[k] + side[k + 1]]
    texts = [[" ".join(src[i] for i in unit) for unit in side] for side, src in zip(sides, (ko, en))]
    # Links joined by a unit become one: union-find over the gold links.
    parent = list(range(len(gold)))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    owner = [{}, {}]  # original id -> gold link
    for g, link in enumerate(gold):
        for s in range(2):
            for i in link[s]:
                owner[s][i] = g
    new_ids = [{}, {}]  # gold link -> new unit ids of each side
    for s in range(2):
        for u, unit in enumerate(sides[s]):
            links = sorted({owner[s][i] for i in unit if i in owner[s]})
            for g in links[1:]:
                parent[find(g)] = find(links[0])
    for s in range(2):
        for u, unit in enumerate(sides[s]):
            for i in unit:
                if i in owner[s]:
                    new_ids[s].setdefault(find(owner[s][i]), set()).add(u)
    roots = sorted({find(g) for g in range(len(gold))},
                   key=lambda r: (min(new_ids[0].get(r, {10**9})), min(new_ids[1].get(r, {10**9}))))
    out = []
    for r in roots:
        k, e = sorted(new_ids[0].get(r, ())), sorted(new_ids[1].get(r, ()))
        if k or e:
            out.append((k, e))
    return texts[0], texts[1], out


def write_doc(folder, ko, en, gold):
    os.makedirs(folder, exist_ok=True)
    for name, lines in (("ko.sents", ko), ("en.sents", en)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in lines))
    with open(os.path.join(folder, "gold.tsv"), "w", encoding="utf-8") as f:
        for k, e in gold:
            f.write(",".join(map(str, k)) + "\t" + ",".join(map(str, e)) + "\n")


def documents(root):
    return sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "gold.tsv")))


def news_half(name):
    return "dev" if name.startswith("dev_") else "test"


def lo_half(name):
    digest = hashlib.sha256((SPLIT_SEED + "/" + name).encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def build(work, shared):
    """Writes work/SET/HALF/DOC (links or perturbed copies); returns [(set, half, folder)]."""
    sources = [("news", os.path.join(shared, "corpora/kpc-news-ko-en"), news_half),
               ("lo", os.path.join(shared, "corpora/libreoffice-help-ko-en-align"), lo_half)]
    rows = []
    for name, root, half_of in sources:
        for doc in documents(root):
            half = half_of(doc)
            src = os.path.join(root, doc)
            plain = os.path.join(work, name, half)
            os.makedirs(plain, exist_ok=True)
            os.symlink(src, os.path.join(plain, doc))
            ko, en = read_lines(os.path.join(src, "ko.sents")), read_lines(os.path.join(src, "en.sents"))
            rng = random.Random(f"{PERTURB_SEED}/{name}/{doc}")
            pko, pen, pgold = perturb(ko, en, parse_gold(os.path.join(src, "gold.tsv")), rng)
            write_doc(os.path.join(work, name + "-perturbed", half, doc), pko, pen, pgold)
        for set_name in (name, name + "-perturbed"):
            for half in ("dev", "test"):
                rows.append((set_name, half, os.path.join(work, set_name, half)))
    return rows


def values(text):
    out = {}
    for line in text.splitlines():
        key, _, value = line.partition(": ")
        out[key] = value
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kealign", default="kealign")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--keep", help="write the sets here (a new folder) and keep them")
    ap.add_argument("--only", nargs="*", help="set names to score (default: all)")
    ap.add_argument("extra", nargs="*", help="after --: more kealign align options")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    if not os.path.isdir(os.path.join(shared, "corpora/kpc-news-ko-en")):
        sys.exit(f"news_sets.py: no corpora in {shared}")
    scorer = os.path.join(shared, "eval", "run_align_set.py")
    work = args.keep or tempfile.mkdtemp(prefix="kealign-news-")
    try:
        rows = build(work, shared)
        print("| set | half | docs | failed | strict P | strict R | strict F1 | lax F1 | seconds |")
        print("|---|---|---|---|---|---|---|---|---|")
        for set_name, half, folder in rows:
            if args.only and set_name not in args.only:
                continue
            r = subprocess.run([sys.executable, scorer, folder, "--", args.kealign, "align",
                                "--presplit", "--no-flags", *args.extra],
                               capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"news_sets.py: {set_name}/{half}: {r.stderr.strip()}")
            v = values(r.stdout)
            print(f"| {set_name} | {half} | {v['documents']} | {v['failed']} | "
                  f"{v['strict_precision']} | {v['strict_recall']} | {v['strict_f1']} | "
                  f"{v['lax_f1']} | {v['seconds']} |", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
