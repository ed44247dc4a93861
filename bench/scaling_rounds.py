#!/usr/bin/env python3
"""The 1,072 LibreOffice pages through every entry point in turn, round after round, so that each
comparison is made under the same load of a shared machine: kealign stream on 1 and 2 threads,
kealign.align from 1 and 2 Python threads, and kealign.dask on a running LocalCluster of 2 worker
processes (its start-up apart). Prints each round's wall times with the load average, then the
best of each and the ratios the goals are stated in.

  PYTHONPATH=build/python python3 bench/scaling_rounds.py build/tools/kealign ../shared [ROUNDS=3]

bench/stream_bench.sh and bench/python_bench.py measure the same entry points one after another."""
import concurrent.futures
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import kealign


def main():
    tool, shared = sys.argv[1], pathlib.Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    root = shared / "corpora" / "libreoffice-help-ko-en"
    names = sorted(p.name for p in root.iterdir() if p.is_dir())
    pairs = [((root / n / "ko.txt").read_text(encoding="utf-8"),
              (root / n / "en.txt").read_text(encoding="utf-8")) for n in names]
    here = pathlib.Path(__file__).resolve().parent
    lines = subprocess.run([sys.executable, str(here / "stream_input.py"), str(root)],
                           capture_output=True, check=True).stdout

    def stream(threads):
        t = time.perf_counter()
        subprocess.run([tool, "stream", "--threads", str(threads)], input=lines,
                       stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - t

    def python(threads):
        t = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda p: kealign.align(p[0], p[1]), pairs))
        return time.perf_counter() - t

    runs = [("stream-1", lambda: stream(1)), ("stream-2", lambda: stream(2)),
            ("python-1", lambda: python(1)), ("python-2", lambda: python(2))]
    try:
        import distributed
        from kealign import dask as kealign_dask
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0")
        client = distributed.Client(cluster)
        client.run(lambda: __import__("kealign"))

        def dask():
            with tempfile.TemporaryDirectory() as out:
                return kealign_dask.align_corpus([str(root)], out, client=client,
                                                 partition_size=32).seconds
        runs.append(("dask-2", dask))
    except ImportError:
        client = None
        print("dask: not installed (python3-dask, python3-distributed)")

    print(f"{len(pairs)} LibreOffice pages, {rounds} rounds, wall seconds")
    best = {}
    for _ in range(rounds):
        load = os.getloadavg()[0]
        row = [(name, run()) for name, run in runs]
        print(f"load {load:4.1f}  " + "  ".join(f"{n} {t:6.2f}" for n, t in row), flush=True)
        for n, t in row:
            best[n] = min(best.get(n, t), t)
    print("best: " + "  ".join(f"{n} {t:.2f} ({len(pairs) / t:.0f}/s)" for n, t in best.items()))
    print(f"stream 1 -> 2 threads {best['stream-1'] / best['stream-2']:.2f}x, "
          f"python 1 -> 2 threads {best['python-1'] / best['python-2']:.2f}x"
          + (f", dask / stream-2 {best['dask-2'] / best['stream-2']:.2f}" if 'dask-2' in best else ""))
    if client:
        client.close()
        cluster.close()


if __name__ == "__main__":
    main()
