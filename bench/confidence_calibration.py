#!/usr/bin/env python3
"""What a link's confidence means: the share of predicted links that are right, by confidence.

  bench/confidence_calibration.py [--tool KEALIGN] [--lexicon LEX] ROOT SRC TGT

ROOT holds one folder per document with SRC.sents, TGT.sents and gold.tsv (as for align_diff.py).
Aligns the set with `kealign align-set --presplit --no-flags --allow-unrelated` and prints, for
non-null predicted links (the ones the strict score counts), a reliability table (links and share
exactly right per confidence bin), the expected calibration error (mean |share right - mean
confidence| weighted by links), and the precision and recall left when links below a threshold
are dropped, which is what a corpus builder filtering by `score` gets.
"""
import argparse, os, subprocess, tempfile

BINS = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001]
THRESHOLDS = [0.0, 0.5, 0.8, 0.9, 0.95, 0.99]


def ids(cell):
    return tuple(int(x) for x in cell.split(',') if x.strip())


def rows(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = line.rstrip('\n').split('\t')
            if len(cells) >= 2 and cells[0] not in ('ko_ids', 'src_ids'):
                yield cells


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tool', default=os.path.join(os.path.dirname(__file__), '..', 'build', 'tools', 'kealign'))
    ap.add_argument('--lexicon')
    ap.add_argument('root')
    ap.add_argument('src')
    ap.add_argument('tgt')
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as out:
        cmd = [a.tool, 'align-set', '--presplit', '--no-flags', '--allow-unrelated',
               '--names', a.src, a.tgt, a.root, '--out-dir', out]
        if a.lexicon:
            cmd += ['--lexicon', a.lexicon]
        subprocess.run(cmd, check=True, capture_output=True)
        links, gold_count = [], 0  # (confidence, right)
        for doc in sorted(os.listdir(a.root)):
            gold_path = os.path.join(a.root, doc, 'gold.tsv')
            if not os.path.exists(gold_path):
                continue
            gold = {(ids(c[0]), ids(c[1])) for c in rows(gold_path)}
            gold = {g for g in gold if g[0] and g[1]}
            gold_count += len(gold)
            for c in rows(os.path.join(out, doc + '.tsv')):
                link = (ids(c[0]), ids(c[1]))
                if link[0] and link[1]:
                    links.append((float(c[4]), link in gold))
    print(f"{len(links)} predicted links, {gold_count} gold links")
    print("| confidence | links | share of links | exactly right | mean confidence |")
    print("|---|---|---|---|---|")
    ece = 0.0
    for lo, hi in zip(BINS, BINS[1:]):
        b = [(s, r) for s, r in links if lo <= s < hi]
        if not b:
            continue
        right = sum(r for _, r in b) / len(b)
        mean = sum(s for s, _ in b) / len(b)
        ece += len(b) / len(links) * abs(right - mean)
        print(f"| [{lo:.2f}, {min(hi, 1):.2f}{']' if hi > 1 else ')'} | {len(b)} | "
              f"{len(b) / len(links):.3f} | {right:.3f} | {mean:.3f} |")
    print(f"expected calibration error: {ece:.4f}")
    print("| keep links with confidence >= | links kept | strict precision | strict recall |")
    print("|---|---|---|---|")
    for t in THRESHOLDS:
        kept = [r for s, r in links if s >= t]
        p = sum(kept) / len(kept) if kept else 0.0
        print(f"| {t:.2f} | {len(kept)} | {p:.4f} | {sum(kept) / gold_count:.4f} |")


if __name__ == '__main__':
    main()
