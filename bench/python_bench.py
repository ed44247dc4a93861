#!/usr/bin/env python3
"""Throughput of the Python package over the 1,072 LibreOffice pages: kealign.align called from 1
and 2 threads (the GIL is released while it works), and kealign.dask on a LocalCluster of 2 worker
processes (kealign.dask.local_cluster) over the corpus folder and over the JSON Lines input of
kealign stream, best of REPEAT runs with the spread.

  PYTHONPATH=build/python python3 bench/python_bench.py ../shared [REPEAT=3] [--no-flags]

The texts are read before the clock starts for the thread runs; the Dask figure is the
align_corpus call on a running cluster (reading the files, writing one TSV per pair, as align-set
does), the cluster's start-up time shown apart. Compare with bench/stream_bench.sh."""
import concurrent.futures
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import kealign


def timed(fn, repeat):
    """(best wall time, worst wall time, least process CPU time) over repeat runs."""
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(times), max(times), min(cpu)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    checks = "--no-flags" not in sys.argv
    shared = pathlib.Path(args[0]) if args else pathlib.Path("../shared")
    repeat = int(args[1]) if len(args) > 1 else 3
    root = shared / "corpora" / "libreoffice-help-ko-en"
    names = sorted(p.name for p in root.iterdir() if p.is_dir())
    pairs = [((root / n / "ko.txt").read_text(encoding="utf-8"),
              (root / n / "en.txt").read_text(encoding="utf-8")) for n in names]
    print(f"{len(pairs)} LibreOffice pages, best of {repeat}, checks {'on' if checks else 'off'}")

    def run(threads):
        def go():
            with concurrent.futures.ThreadPoolExecutor(threads) as pool:
                list(pool.map(lambda p: kealign.align(p[0], p[1], checks=checks), pairs))
        return go

    best = {}
    for threads in (1, 2):
        b, w, c = timed(run(threads), repeat)
        best[threads] = b
        print(f"kealign.align, {threads} thread(s): best {b:.2f} s  worst {w:.2f} s  "
              f"{len(pairs) / b:.0f} pairs/s  cpu {1000 * c / len(pairs):.2f} ms/pair")
    print(f"speed-up 1 -> 2 threads: {best[1] / best[2]:.2f}x")

    # What the Python side adds, with the GIL held: the dataclasses built from the module's plain
    # results (kealign._run), apart from the C++ work.
    raws = [kealign._run(ko, en, {"checks": checks}) for ko, en in pairs[:200]]
    t = time.process_time()
    for raw in raws:
        kealign.Alignment(kealign._links(raw["links"]), kealign.Relatedness(**raw["relatedness"]),
                          kealign._segments(raw["ko_segments"]),
                          kealign._segments(raw["en_segments"]))
    print(f"dataclasses from the results: {1000 * (time.process_time() - t) / len(raws):.3f} ms/pair")

    try:
        import distributed
        from kealign import dask as kealign_dask
    except ImportError:
        print("dask: not installed (python3-dask, python3-distributed)")
        return
    t = time.perf_counter()
    cluster = kealign_dask.local_cluster(2, 1)
    client = distributed.Client(cluster)
    client.run(lambda: __import__("kealign"))  # import on the workers before the clock
    print(f"dask LocalCluster (2 workers) start-up: {time.perf_counter() - t:.2f} s")
    here = pathlib.Path(__file__).resolve().parent
    scratch = tempfile.TemporaryDirectory()
    jsonl = pathlib.Path(scratch.name, "pages.jsonl")
    jsonl.write_bytes(subprocess.run([sys.executable, str(here / "stream_input.py"), str(root)],
                                     capture_output=True, check=True).stdout)

    def workers_cpu():
        return sum(client.run(lambda: sum(os.times()[:2])).values())

    for name, source in (("folder", root), ("JSON Lines", jsonl)):
        times, cpu = [], []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as out:
                w, c = workers_cpu(), time.process_time()
                s = kealign_dask.align_corpus([str(source)], out, client=client,
                                              partition_size=32, checks=checks)
                cpu.append(time.process_time() - c + workers_cpu() - w)
                times.append(s.seconds)
        print(f"kealign.dask, 2 workers, {name}: best {min(times):.2f} s  worst {max(times):.2f} s  "
              f"{len(pairs) / min(times):.0f} pairs/s  cpu {1000 * min(cpu) / len(pairs):.2f} ms/pair")
    client.close()
    cluster.close()

if __name__ == "__main__":
    main()
