#!/usr/bin/env python3
"""Where an aligner goes wrong: predicted vs gold links of a gold set, by bead shape.

  bench/align_diff.py [--tool KEALIGN] [-v] ROOT SRC TGT [DOC...]

ROOT holds one folder per document with SRC.sents, TGT.sents and gold.tsv (e.g.
../shared/corpora/libreoffice-help-ko-en-align ko en, or a folder of links to the Text+Berg
docs/testN folders with src tgt). Runs `KEALIGN align --presplit --no-flags` on each document and
prints the gold links missed and the predicted links that are wrong (non-null links, as the
strict score counts them) by shape, and for each missed gold link the shapes of the predicted
links that overlap it ("1-1 -> 2-2": two 1-1 links merged). -v also lists, per document, the
differing links with their text.
"""
import argparse, collections, os, subprocess


def ids(cell):
    return tuple(int(x) for x in cell.split(',') if x.strip())


def links(text):
    out = []
    for line in text.splitlines():
        cells = line.split('\t')
        if len(cells) >= 2 and cells[0] != 'ko_ids':
            out.append((ids(cells[0]), ids(cells[1])))
    return out


def shape(link):
    return f"{len(link[0])}-{len(link[1])}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tool', default=os.path.join(os.path.dirname(__file__), '..', 'build', 'tools', 'kealign'))
    ap.add_argument('-v', action='store_true')
    ap.add_argument('root')
    ap.add_argument('src')
    ap.add_argument('tgt')
    ap.add_argument('docs', nargs='*')
    a = ap.parse_args()
    gold_shapes, missed, wrong, overlaps = (collections.Counter() for _ in range(4))
    for doc in sorted(os.listdir(a.root)):
        folder = os.path.join(a.root, doc)
        src, tgt = (os.path.join(folder, n + '.sents') for n in (a.src, a.tgt))
        if (a.docs and doc not in a.docs) or not os.path.exists(src):
            continue
        gold = links(open(os.path.join(folder, 'gold.tsv'), encoding='utf-8').read())
        # As `kealign eval --task align-set`: every gold pair is aligned, related or not.
        run = subprocess.run([a.tool, 'align', '--presplit', '--no-flags', '--allow-unrelated',
                              src, tgt],
                             capture_output=True, text=True, check=True)
        pred = links(run.stdout)
        g = {l for l in gold if l[0] and l[1]}
        p = {l for l in pred if l[0] and l[1]}
        gold_shapes.update(shape(l) for l in g)
        missed.update(shape(l) for l in g - p)
        wrong.update(shape(l) for l in p - g)
        for l in g - p:
            over = [q for q in pred if set(q[0]) & set(l[0]) or set(q[1]) & set(l[1])]
            overlaps[(shape(l), ' '.join(sorted(shape(q) for q in over)))] += 1
        if a.v and (g - p or p - g):
            s_lines = open(src, encoding='utf-8').read().split('\n')
            t_lines = open(tgt, encoding='utf-8').read().split('\n')
            print(f"=== {doc}: {len(g - p)} missed, {len(p - g)} wrong")
            shown = (g - p) | (p - g) | {l for l in gold + pred if not (l[0] and l[1])}
            for l in sorted(shown, key=lambda l: ((l[0] or l[1])[0], l not in gold)):
                tag = ('G' if l in gold else ' ') + ('P' if l in pred else ' ')
                print(f" {tag} {list(l[0])}:{list(l[1])}")
                print('     ' + ' | '.join(s_lines[i] for i in l[0])[:150])
                print('     ' + ' | '.join(t_lines[j] for j in l[1])[:150])
    print("gold links by shape:", dict(gold_shapes))
    print("gold links missed by shape:", dict(missed))
    print("predicted links wrong by shape:", dict(wrong))
    print("missed gold shape -> overlapping predicted shapes:")
    for (g, p), n in overlaps.most_common(25):
        print(f"  {n:4d} {g} -> {p}")


if __name__ == '__main__':
    main()
