#!/usr/bin/env python3
"""What an aligner did with the gold links it missed, by class, over a gold set.

  bench/align_errors.py [--tool KEALIGN] [-v] ROOT [-- EXTRA KEALIGN ALIGN ARGS]

ROOT holds one folder per document with ko.sents, en.sents and gold.tsv (e.g. a half of
`bench/news_sets.py --keep DIR`, whose perturbed gold keeps a dropped segment's link as a 1-0).
Runs `KEALIGN align --presplit --no-flags` on each document. Every missed non-null gold link is
classed by the predicted beads that hold its segments: one bead holding it and a dropped
segment's leftover (a segment the gold leaves unlinked), one bead holding it and a neighbouring
link, beads inside it (split: linked parts and null parts), or beads crossing into its neighbours
(a shifted run). Every wrong predicted link is classed as holding a gold-unlinked segment, a union
of gold links, a part of one, or crossing gold links. Also prints the recall of each gold shape
and, for the missed 1-2 and 2-1 gold links (merges), the shapes of the predicted beads over them
(`0-1 + 1-1`: the merge split into a link and a null bead; `*`: a bead reaching outside the gold
link). -v lists each case.
"""
import argparse, collections, os, subprocess

from align_diff import links  # the links of an alignment TSV, as (ko ids, en ids)


def shape(link):
    return f"{min(len(link[0]), 2)}-{min(len(link[1]), 2)}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--tool', default='kealign')
    ap.add_argument('-v', action='store_true')
    ap.add_argument('root')
    ap.add_argument('extra', nargs='*')
    a = ap.parse_args()
    missed, wrong, gold_shapes = collections.Counter(), collections.Counter(), collections.Counter()
    exact, found, merge_cover = collections.Counter(), collections.Counter(), collections.Counter()
    for doc in sorted(os.listdir(a.root)):
        d = os.path.join(a.root, doc)
        if not os.path.isfile(os.path.join(d, 'gold.tsv')):
            continue
        with open(os.path.join(d, 'gold.tsv'), encoding='utf-8') as f:
            gold = links(f.read())
        r = subprocess.run([a.tool, 'align', '--presplit', '--no-flags', *a.extra,
                            os.path.join(d, 'ko.sents'), os.path.join(d, 'en.sents')],
                           capture_output=True, text=True)
        pred = links(r.stdout)
        gold_set, pred_set = set(gold), set(pred)
        unlinked = ({k for K, E in gold if not E for k in K}, {e for K, E in gold if not K for e in E})
        pred_of = ({k: b for b in pred for k in b[0]}, {e: b for b in pred for e in b[1]})
        gold_of = ({k: g for g in gold for k in g[0]}, {e: g for g in gold for e in g[1]})
        for g in gold:
            if not g[0] or not g[1]:
                continue
            gold_shapes[shape(g)] += 1
            exact[f'{len(g[0])}-{len(g[1])}'] += 1
            if g in pred_set:
                found[f'{len(g[0])}-{len(g[1])}'] += 1
                continue
            K, E = set(g[0]), set(g[1])
            cover = {pred_of[0][k] for k in K if k in pred_of[0]} | {pred_of[1][e] for e in E if e in pred_of[1]}
            if sorted((len(g[0]), len(g[1]))) == [1, 2]:
                merge_cover[(f'{len(g[0])}-{len(g[1])}', ' + '.join(sorted(
                    f'{len(b[0])}-{len(b[1])}' + ('' if set(b[0]) <= K and set(b[1]) <= E else '*')
                    for b in cover)))] += 1
            inside = [b for b in cover if set(b[0]) <= K and set(b[1]) <= E]
            if len(cover) == 1 and set(next(iter(cover))[0]) >= K and set(next(iter(cover))[1]) >= E:
                b = next(iter(cover))
                more_k, more_e = set(b[0]) - K, set(b[1]) - E
                if (more_k and more_k <= unlinked[0]) or (more_e and more_e <= unlinked[1]):
                    c = "joined with a dropped segment's leftover"
                else:
                    c = 'joined with a neighbouring link'
            elif len(inside) == len(cover):
                linked = sum(1 for b in inside if b[0] and b[1])
                c = f'split: {linked} linked part(s), {len(inside) - linked} null'
            else:
                c = 'crossing into its neighbours (a shifted run)'
            missed[(shape(g), c)] += 1
            if a.v:
                print(doc, 'missed', g, c, sorted(cover))
        for p in pred:
            if not p[0] or not p[1] or p in gold_set:
                continue
            if set(p[0]) & unlinked[0] or set(p[1]) & unlinked[1]:
                c = 'holds a segment the gold leaves unlinked'
            else:
                over = {gold_of[0][k] for k in p[0] if k in gold_of[0]} | \
                       {gold_of[1][e] for e in p[1] if e in gold_of[1]}
                if all(set(g[0]) <= set(p[0]) and set(g[1]) <= set(p[1]) for g in over):
                    c = 'a union of gold links'
                elif all(set(p[0]) <= set(g[0]) and set(p[1]) <= set(g[1]) for g in over):
                    c = 'part of a gold link'
                else:
                    c = 'crossing gold links'
            wrong[(shape(p), c)] += 1
            if a.v:
                print(doc, 'wrong', p, c)
    print('gold non-null links by shape (2 = two or more):', dict(gold_shapes))
    print('missed gold links:', sum(missed.values()))
    for (s, c), n in missed.most_common():
        print(f'  {n:4d}  gold {s}: {c}')
    print('recall by gold shape:', ', '.join(
        f'{s} {found[s]}/{n} = {found[s] / n:.3f}' for s, n in sorted(exact.items())))
    print('predicted beads over the missed 1-2 and 2-1 gold links:')
    for (s, c), n in merge_cover.most_common():
        print(f'  {n:4d}  gold {s}: {c}')
    print('wrong predicted links:', sum(wrong.values()))
    for (s, c), n in wrong.most_common():
        print(f'  {n:4d}  predicted {s}: {c}')


if __name__ == '__main__':
    main()
