#!/usr/bin/env python3
"""Where the time of `python3 -m kealign.dask` goes, phase by phase, for each way of starting the
LocalCluster's 2 worker processes: importing distributed and kealign, starting the cluster, the
job over the 1,072 LibreOffice pages (the stream's JSON Lines input), the same job again with every
partition marked done (what Dask costs for its 34 tasks when they do nothing), closing the client
and the cluster. Each run is a fresh interpreter, as a user's command is; prints wall seconds and
the CPU seconds of the main process (client, scheduler, nannies) and of the workers. First, once:
the CPU of the same partitions run one after another in this process without Dask, beside
`kealign stream --threads 1` over the same input (the C++ work alone, inside and outside Python),
and those partitions' CPU times replayed through Dask's queue on 2 workers (how evenly they end).

  PYTHONPATH=build/python python3 bench/dask_overhead.py ../shared [ROUNDS=3] [METHOD...]

KEALIGN_TOOL names the kealign binary (default build/tools/kealign).

METHOD: fork forkserver spawn (default all three, in turn within each round)."""
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

PHASES = ("import", "cluster", "job", "all-done", "close")


def child(inputs, method):
    t0, c0 = time.perf_counter(), time.process_time()
    import distributed
    import kealign.dask as kd
    marks = [("import", time.perf_counter() - t0, time.process_time() - c0, 0.0)]

    def mark(name, t, c, w=0.0):
        marks.append((name, time.perf_counter() - t, time.process_time() - c, w))

    t, c = time.perf_counter(), time.process_time()
    cluster = kd.local_cluster(2, 1, start_method=method)
    client = distributed.Client(cluster)
    workers = client.run(lambda: sum(os.times()[:2]))  # their start-up, as far as it ran in them
    mark("cluster", t, c, sum(workers.values()))
    with tempfile.TemporaryDirectory() as out:
        for name in ("job", "all-done"):
            w = client.run(lambda: sum(os.times()[:2]))
            t, c = time.perf_counter(), time.process_time()
            s = kd.align_corpus(inputs, out, client=client)
            w = sum(client.run(lambda: sum(os.times()[:2])).values()) - sum(w.values())
            mark(name, t, c, w)
            assert s.skipped == (s.partitions if name == "all-done" else 0)
    t, c = time.perf_counter(), time.process_time()
    client.close()
    cluster.close()
    mark("close", t, c)
    print(" ".join(f"{n}={wall:.3f},{cpu:.3f},{w:.3f}" for n, wall, cpu, w in marks))


def main():
    if sys.argv[1] == "--child":
        child(sys.argv[3:], sys.argv[2])
        return
    shared = pathlib.Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    methods = sys.argv[3:] or ["fork", "forkserver", "spawn"]
    root = shared / "corpora" / "libreoffice-help-ko-en"
    here = pathlib.Path(__file__).resolve().parent
    scratch = tempfile.TemporaryDirectory()
    jsonl = pathlib.Path(scratch.name, "pages.jsonl")
    jsonl.write_bytes(subprocess.run([sys.executable, str(here / "stream_input.py"), str(root)],
                                     capture_output=True, check=True).stdout)
    import kealign.dask as kd
    with tempfile.TemporaryDirectory() as out:
        os.makedirs(os.path.join(out, kd.DONE_FOLDER))
        parts, costs = kd.partitions([str(jsonl)], 32), []
        for part in parts:
            c = time.process_time()
            kd.run_partition(part, out, ["ko", "en"], False, {})
            costs.append(time.process_time() - c)
        direct = sum(costs)
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    tool = pathlib.Path(os.environ.get("KEALIGN_TOOL", here.parent / "build/tools/kealign"))
    with open(jsonl, "rb") as f:
        subprocess.run([str(tool), "stream", "--threads", "1"], stdin=f,
                       stdout=subprocess.DEVNULL, check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    stream = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
    print(f"CPU of the partitions one by one in Python, no Dask: {direct:.2f} s; "
          f"kealign stream --threads 1: {stream:.2f} s (load {os.getloadavg()[0]:.1f})")
    # The partitions' CPU times through Dask's queue as local_cluster runs it: costliest (by input
    # bytes) first, each worker holding 2 tasks (worker-saturation 1.1 of 1 thread), refilled
    # as it finishes one.
    queue = [c for _, c in sorted(zip(parts, costs), key=lambda pc: -pc[0].cost)]
    held, clock = [queue[0:1] + queue[2:3], queue[1:2] + queue[3:4]], [0.0, 0.0]
    queue = queue[4:]
    while any(held):
        w = min((k for k in range(2) if held[k]), key=lambda k: clock[k] + held[k][0])
        clock[w] += held[w].pop(0)
        if queue:
            held[w].append(queue.pop(0))
    print(f"replayed on 2 workers: they end at {clock[0]:.3f} and {clock[1]:.3f} s of CPU "
          f"(half the total {direct / 2:.3f} s)")
    best = {}
    print("wall / main-process CPU / workers' CPU, seconds")
    for _ in range(rounds):
        for method in methods:
            load = os.getloadavg()[0]
            t = time.perf_counter()
            out = subprocess.run([sys.executable, __file__, "--child", method, str(jsonl)],
                                 capture_output=True, text=True, check=True).stdout
            total = time.perf_counter() - t
            got = {}
            for field in out.split():
                name, values = field.split("=")
                got[name] = tuple(float(v) for v in values.split(","))
            got["whole command"] = (total, 0.0, 0.0)
            print(f"load {load:4.1f} {method:10s} " + "  ".join(
                f"{n} {w:.2f}/{c:.2f}/{k:.2f}" for n, (w, c, k) in got.items()), flush=True)
            for n, v in got.items():
                key = (method, n)
                best[key] = min(best.get(key, v), v)
    print("best of each (wall / main CPU / workers' CPU):")
    for method in methods:
        print(f"  {method:10s} " + "  ".join(
            f"{n} {w:.2f}/{c:.2f}/{k:.2f}" for (m, n), (w, c, k) in best.items() if m == method))


if __name__ == "__main__":
    main()
