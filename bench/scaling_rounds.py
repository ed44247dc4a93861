#!/usr/bin/env python3
"""The 1,072 LibreOffice pages through every entry point in turn, round after round, so that each
comparison is made under the same load of a shared machine: kealign stream on 1 and 2 threads,
align-set on 2, kealign.align from 1 and 2 Python threads, and kealign.dask on a running
LocalCluster of 2 worker processes (its start-up apart) over the corpus folder (align-set's files)
and over the stream's own JSON Lines input (the stream's records), and the whole command
`python3 -m kealign.dask` over each (interpreter, imports, LocalCluster start and close included).
Prints each round's wall times with the load average, then the best of each, the least CPU time
per pair (user + system of every process involved: for Dask the workers, the scheduler and the
client) and the ratios the goals are stated in.

  PYTHONPATH=build/python python3 bench/scaling_rounds.py build/tools/kealign ../shared [ROUNDS=3] [NAME...]

NAME picks entry points (stream-1 stream-2 align-set-2 python-1 python-2 dask-folder dask-jsonl
dask-cli-folder dask-cli-jsonl; default all). bench/stream_bench.sh and bench/python_bench.py
measure them one after another; bench/dask_overhead.py takes the Dask command apart."""
import concurrent.futures
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

import kealign


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    tool, shared = sys.argv[1], pathlib.Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    only = set(sys.argv[4:])
    root = shared / "corpora" / "libreoffice-help-ko-en"
    names = sorted(p.name for p in root.iterdir() if p.is_dir())
    pairs = [((root / n / "ko.txt").read_text(encoding="utf-8"),
              (root / n / "en.txt").read_text(encoding="utf-8")) for n in names]
    here = pathlib.Path(__file__).resolve().parent
    lines = subprocess.run([sys.executable, str(here / "stream_input.py"), str(root)],
                           capture_output=True, check=True).stdout
    scratch = tempfile.TemporaryDirectory()
    jsonl = pathlib.Path(scratch.name, "pages.jsonl")
    jsonl.write_bytes(lines)

    def command(args, **kwargs):
        """(wall, CPU) of a child process."""
        c, t = children_cpu(), time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       **kwargs)
        return time.perf_counter() - t, children_cpu() - c

    def stream(threads):
        return command([tool, "stream", "--threads", str(threads)], input=lines)

    def align_set():
        with tempfile.TemporaryDirectory() as out:
            return command([tool, "align-set", "--threads", "2", str(root), "--out-dir", out])

    def python(threads):
        c, t = time.process_time(), time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda p: kealign.align(p[0], p[1]), pairs))
        return time.perf_counter() - t, time.process_time() - c

    def dask_command(inputs):
        with tempfile.TemporaryDirectory() as out:
            return command([sys.executable, "-m", "kealign.dask", *inputs, "--out-dir", out])

    runs = [("stream-1", lambda: stream(1)), ("stream-2", lambda: stream(2)),
            ("align-set-2", align_set), ("python-1", lambda: python(1)),
            ("python-2", lambda: python(2)),
            ("dask-cli-folder", lambda: dask_command([str(root)])),
            ("dask-cli-jsonl", lambda: dask_command([str(jsonl)]))]
    client = None
    if not only or only & {"dask-folder", "dask-jsonl"}:
        try:
            import distributed  # noqa: F401
            from kealign import dask as kealign_dask
        except ImportError:
            print("dask: not installed (python3-dask, python3-distributed)")
        else:
            t = time.perf_counter()
            cluster = kealign_dask.local_cluster(2, 1)
            client = distributed.Client(cluster)
            client.run(lambda: __import__("kealign"))
            print(f"dask LocalCluster (2 workers) start-up: {time.perf_counter() - t:.2f} s")

            def workers_cpu():
                return sum(client.run(lambda: sum(os.times()[:2])).values())

            def dask(inputs):
                with tempfile.TemporaryDirectory() as out:
                    w, c = workers_cpu(), time.process_time()
                    s = kealign_dask.align_corpus(inputs, out, client=client, partition_size=32)
                    # the client process holds the scheduler and the nannies
                    cpu = time.process_time() - c + workers_cpu() - w
                    assert s.documents == len(pairs) and not s.failures
                    return s.seconds, cpu
            runs += [("dask-folder", lambda: dask([str(root)])),
                     ("dask-jsonl", lambda: dask([str(jsonl)]))]
    runs = [(n, r) for n, r in runs if not only or n in only]

    print(f"{len(pairs)} LibreOffice pages, {rounds} rounds, wall seconds")
    best, cpu = {}, {}
    for _ in range(rounds):
        load = os.getloadavg()[0]
        row = [(name, run()) for name, run in runs]
        print(f"load {load:4.1f}  " + "  ".join(f"{n} {t:6.2f}" for n, (t, _) in row), flush=True)
        for n, (t, c) in row:
            best[n] = min(best.get(n, t), t)
            cpu[n] = min(cpu.get(n, c), c)
    print("best: " + "  ".join(f"{n} {t:.2f} s ({len(pairs) / t:.0f}/s)" for n, t in best.items()))
    print("cpu per pair: " + "  ".join(f"{n} {1000 * c / len(pairs):.2f} ms" for n, c in cpu.items()))
    ratios = []
    for a, b, what in (("stream-1", "stream-2", "stream 1 -> 2 threads"),
                       ("python-1", "python-2", "python 1 -> 2 threads")):
        if a in best and b in best:
            ratios.append(f"{what} {best[a] / best[b]:.2f}x")
    for a in ("dask-folder", "dask-jsonl", "dask-cli-folder", "dask-cli-jsonl", "align-set-2"):
        if a in best and "stream-2" in best:
            ratios.append(f"{a} / stream-2 {best[a] / best['stream-2']:.2f} "
                          f"(cpu {cpu[a] / cpu['stream-2']:.2f})")
    if "dask-folder" in best and "align-set-2" in best:
        ratios.append(f"dask-folder / align-set-2 {best['dask-folder'] / best['align-set-2']:.2f}")
    print(", ".join(ratios))
    if client:
        client.close()
        cluster.close()


if __name__ == "__main__":
    main()
