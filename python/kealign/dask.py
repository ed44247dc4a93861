"""Aligning a corpus across a Dask cluster.

    python3 -m kealign.dask CORPUS_FOLDER --out-dir OUT             # a LocalCluster, one TSV per pair
    python3 -m kealign.dask 'pairs-*.jsonl' --out-dir OUT --scheduler tcp://host:8786

Inputs are corpus folders (one sub-folder per pair holding ko.txt and en.txt, or .sents with
--presplit, as ``kealign align-set`` reads them), JSON Lines files of pairs (as ``kealign stream``
reads them: {"id", "ko"/"en" texts or segment lists, or "ko_path"/"en_path"}) or a glob of either.
The pairs are cut into partitions of --partition-size; each partition is one Dask task. A folder's
pairs are written as align-set writes them (OUT/NAME.tsv, byte for byte); a JSON Lines file's
partition as OUT/NAME.part-NNNNN.jsonl holding kealign stream's records for its lines, byte for
byte. A partition is one call into the C++ core with the GIL released: it reads, aligns and
writes every pair of the partition. Partitions are submitted costliest first (by input bytes), so
the last tasks, run while other workers may have nothing left, are short. Every file is written
to a temporary name and renamed into place, and a partition is marked done
(OUT/_done/PARTITION.json) only after all its files are: a re-run skips the partitions marked done,
so a lost worker or an interrupted run loses no finished work, and Dask reruns the tasks of a
worker that dies. Each worker process reads the dictionary and lexicon once (kealign caches them
per path).

The library call behind it (local_cluster: a LocalCluster with Dask's periodic bookkeeping slowed,
LEAN_CONFIG, and its workers forked from this process):

    from distributed import Client
    import kealign.dask
    client = Client(kealign.dask.local_cluster(2))  # or Client("tcp://host:8786")
    summary = kealign.dask.align_corpus(["corpus"], "out", client=client, dictionary="ko-en.tsv")
"""
from __future__ import annotations

import argparse
import dataclasses
import glob
import hashlib
import json
import os
import stat
import sys
import threading
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import kealign

DONE_FOLDER = "_done"


@dataclasses.dataclass
class Partition:
    name: str                # unique and stable across runs: the marker's and output's name
    kind: str                # "folders" or "jsonl"
    source: str              # the corpus folder or the JSON Lines file
    items: List[str] = dataclasses.field(default_factory=list)  # folders: sub-folder names
    start: int = 0           # jsonl: byte range [start, end) of whole lines
    end: int = 0
    first_line: int = 1      # jsonl: number of the first line
    cost: int = 0            # bytes of input, the estimate of its work: not part of key()

    def key(self) -> str:
        """What the partition covers, so a marker of a different partition is not taken for it."""
        text = json.dumps([self.kind, os.path.abspath(self.source), self.items, self.start,
                           self.end], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


@dataclasses.dataclass
class Summary:
    documents: int = 0
    links: int = 0
    failures: List[Dict[str, str]] = dataclasses.field(default_factory=list)  # {"id", "error"}
    partitions: int = 0
    skipped: int = 0         # partitions found done by an earlier run
    seconds: float = 0.0


def _write_atomic(path: str, data) -> None:
    temp = f"{path}.tmp.{os.getpid()}.{threading.get_ident()}"
    try:
        with open(temp, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def _pair_folders(root: str, names: Sequence[str], ext: str) -> List[Tuple[str, int]]:
    """The pair folders of root, sorted, each with its two files' bytes."""
    if not os.path.isdir(root):
        raise kealign.IoError(f"{root}: not a folder")
    folders = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    if not folders:
        raise kealign.InputError(f"{root}: no document folders (one per pair) inside", root)
    out = []
    for d in folders:
        size = 0
        for n in names:
            path = os.path.join(root, d, n + ext)
            try:
                st = os.stat(path)
            except OSError:
                st = None
            if st is None or not stat.S_ISREG(st.st_mode):
                raise kealign.InputError(
                    f"{path}: missing: each document folder needs {names[0]}{ext} and "
                    f"{names[1]}{ext}", path)
            size += st.st_size
        out.append((d, size))
    return out


def partitions(inputs: Iterable[str], size: int, names: Sequence[str] = ("ko", "en"),
               presplit: bool = False) -> List[Partition]:
    """The partitions of the inputs (folders, JSON Lines files or globs), in input order."""
    paths: List[str] = []
    for pattern in inputs:
        found = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not found:
            raise kealign.IoError(f"{pattern}: matches nothing")
        paths.extend(found)
    out: List[Partition] = []
    ext = ".sents" if presplit else ".txt"
    for k, path in enumerate(paths):
        stem = f"{k:03d}-{os.path.basename(os.path.normpath(path))}"
        if os.path.isdir(path):
            folders = _pair_folders(path, names, ext)
            for c in range(0, len(folders), size):
                chunk = folders[c:c + size]
                out.append(Partition(f"{stem}.part-{c // size:05d}", "folders", path,
                                     items=[d for d, _ in chunk],
                                     cost=sum(b for _, b in chunk)))
            continue
        if not os.path.isfile(path):
            raise kealign.IoError(f"{path}: no such file or folder")
        # Byte ranges of `size` lines each, found by reading the file once.
        with open(path, "rb") as f:
            start, line, count, pos, chunk = 0, 1, 0, 0, 0
            for raw in f:
                pos += len(raw)
                count += 1
                if count == size:
                    out.append(Partition(f"{stem}.part-{chunk:05d}", "jsonl", path, start=start,
                                         end=pos, first_line=line, cost=pos - start))
                    start, line, count, chunk = pos, line + count, 0, chunk + 1
            if count:
                out.append(Partition(f"{stem}.part-{chunk:05d}", "jsonl", path, start=start,
                                     end=pos, first_line=line, cost=pos - start))
    return out


def run_partition(part: Partition, out_dir: str, names: Sequence[str], presplit: bool,
                  options: Dict[str, Any]) -> Dict[str, Any]:
    """Aligns one partition and marks it done; a partition already marked done is skipped."""
    marker = os.path.join(out_dir, DONE_FOLDER, part.name + ".json")
    key = part.key()
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            done = json.load(f)
        if done.get("key") == key:
            return dict(done, skipped=True)
    links, failures, documents = 0, [], 0
    # One C++ call per partition, the GIL released throughout: reading, aligning and writing.
    call = kealign._options(False, False, dict(options, presplit=presplit))
    if part.kind == "folders":
        ext = ".sents" if presplit else ".txt"
        folders = [os.path.join(part.source, name) for name in part.items]
        results = kealign._kealign.align_folders(folders, out_dir, names[0] + ext, names[1] + ext,
                                                 call)
        documents = len(folders)
        for folder, (n, error) in zip(folders, results):
            links += n
            if error:
                failures.append({"id": folder, "error": error})
    else:
        with open(part.source, "rb") as f:
            f.seek(part.start)
            data = f.read(part.end - part.start)
        records, links, failed = kealign._kealign.stream_records(data, part.source,
                                                                 part.first_line, call)
        lines = records.split(b"\n")[:-1]
        documents = len(lines)
        for line_no in failed:  # only the failed records are parsed again, for their id
            record = json.loads(lines[line_no - part.first_line])
            failures.append({"id": str(record.get("id", line_no)), "error": record["error"]})
        _write_atomic(os.path.join(out_dir, part.name + ".jsonl"), records)
    summary = {"key": key, "partition": part.name, "documents": documents, "links": links,
               "failures": failures, "worker_pid": os.getpid()}
    _write_atomic(marker, json.dumps(summary, ensure_ascii=False) + "\n")
    return dict(summary, skipped=False)


def align_corpus(inputs: Sequence[str], out_dir: str, *, client, partition_size: int = 32,
                 names: Sequence[str] = ("ko", "en"), presplit: bool = False,
                 on_done: Optional[Callable[[Dict[str, Any]], None]] = None,
                 progress: Optional[Callable[[int, int], None]] = None, **options) -> Summary:
    """Aligns every pair of the inputs on the cluster behind client (see the module docstring).
    options are kealign.align's (dictionary, lexicon, checks, calibrate, allow_unrelated,
    encoding); on_done gets each partition's summary as it completes."""
    start = time.monotonic()
    parts = partitions(inputs, partition_size, names, presplit)
    os.makedirs(os.path.join(out_dir, DONE_FOLDER), exist_ok=True)
    # Fail on a bad option here, not on every worker.
    kealign._options(False, False, options)
    # The costliest partitions first: the last tasks, run while the other workers have no more
    # to take, are then the short ones (longest-processing-time-first order).
    futures = client.map(run_partition, sorted(parts, key=lambda p: -p.cost), out_dir=out_dir,
                         names=list(names), presplit=presplit, options=options, pure=False)
    from distributed import as_completed
    results: Dict[str, Dict[str, Any]] = {}
    # The partitions finished since the last look are fetched in one gather: a result fetched
    # alone costs a round trip client -> scheduler -> worker and back.
    for batch in as_completed(futures).batches():
        for result in client.gather(batch):
            results[result["partition"]] = result
            if on_done:
                on_done(result)
            if progress:
                progress(len(results), len(parts))
    summary = Summary(partitions=len(parts))
    for part in parts:  # failures in input order
        r = results[part.name]
        summary.documents += r["documents"]
        summary.links += r["links"]
        summary.failures.extend(r["failures"])
        summary.skipped += 1 if r["skipped"] else 0
    summary.seconds = time.monotonic() - start
    return summary


# Dask settings for a LocalCluster whose tasks are long C++ calls. Each costs CPU the workers of a
# small machine need: the statistical profiler samples every thread's Python stack every 10 ms,
# the event-loop health check runs every 20 ms in every process, the memory and system monitors
# every 0.1 s and 0.5 s. Measured idle on 2 workers: 0.15 s of CPU a second with Dask's defaults,
# 0.03 s with these (docs/scaling.md). Work stealing re-plans every 0.1 s which worker holds which
# task; the scheduler's queue already hands each free worker the next partition, so it only
# costs the scheduler CPU per task (docs/decisions/throughput.md).
LEAN_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "1s",
    "distributed.scheduler.work-stealing": False,
}

START_METHODS = ("fork", "forkserver", "spawn")


def default_start_method() -> str:
    """fork where the system has it: a worker is then a copy of this process, which has imported
    distributed and kealign already, and starts in milliseconds; Dask's default, spawn, starts a
    fresh interpreter per worker that imports them again (0.5-0.7 s of CPU each)."""
    import multiprocessing
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def local_cluster(workers: int = 2, threads_per_worker: int = 1,
                  start_method: Optional[str] = None, **kwargs):
    """A LocalCluster of worker processes with LEAN_CONFIG (the workers inherit it), started by
    start_method (default_start_method()). A forked worker copies the threads' locks as they
    are: call this before other threads of the process use kealign, or pass "spawn"."""
    import dask
    from distributed import LocalCluster
    method = start_method or default_start_method()
    if method not in START_METHODS:
        raise kealign.UsageError(f"start method {method!r}: not one of {', '.join(START_METHODS)}")
    config = dict(LEAN_CONFIG, **{"distributed.worker.multiprocessing-method": method})
    with dask.config.set(config):
        return LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker,
                            processes=True, **dict({"dashboard_address": ":0"}, **kwargs))


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python3 -m kealign.dask",
        description="Align corpus folders or JSON Lines files of pairs across a Dask cluster")
    ap.add_argument("inputs", nargs="+", help="corpus folders, JSON Lines files or globs of them")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--threads-per-worker", type=int, default=1)
    ap.add_argument("--start-method", choices=START_METHODS,
                    help="how LocalCluster workers start (default: fork where the system has it)")
    ap.add_argument("--partition-size", type=int, default=32, help="pairs per task")
    ap.add_argument("--names", nargs=2, default=["ko", "en"], metavar=("KO", "EN"))
    ap.add_argument("--presplit", action="store_true")
    ap.add_argument("--calibrate", choices=["auto", "fixed"], default="auto")
    ap.add_argument("--dict", dest="dictionary")
    ap.add_argument("--lexicon")
    ap.add_argument("--no-flags", dest="checks", action="store_false")
    ap.add_argument("--allow-unrelated", action="store_true")
    ap.add_argument("--encoding", default="utf-8")
    args = ap.parse_args(argv)
    if args.partition_size < 1:
        ap.error("--partition-size must be at least 1")
    options = {"calibrate": args.calibrate, "checks": args.checks,
               "allow_unrelated": args.allow_unrelated, "encoding": args.encoding}
    if args.dictionary:
        options["dictionary"] = args.dictionary
    if args.lexicon:
        options["lexicon"] = args.lexicon
    from distributed import Client
    tty = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if tty:
            print(f"\rkealign.dask: {done}/{total} partitions", end="", file=sys.stderr, flush=True)

    try:
        started = time.monotonic()
        if args.scheduler:
            cluster = None
            client = Client(args.scheduler)
        else:
            cluster = local_cluster(args.workers, args.threads_per_worker, args.start_method)
            client = Client(cluster)
        started = time.monotonic() - started
        try:
            s = align_corpus(args.inputs, args.out_dir, client=client,
                             partition_size=args.partition_size, names=args.names,
                             presplit=args.presplit, progress=show, **options)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    except kealign.UsageError as e:
        print(f"kealign.dask: {e}", file=sys.stderr)
        return 2
    except kealign.Error as e:
        print(f"kealign.dask: {e}", file=sys.stderr)
        return 1
    if tty:
        print(file=sys.stderr)
    for f in s.failures:
        print(f"kealign.dask: {f['error']}", file=sys.stderr)
    print(f"kealign.dask: {s.documents} documents, {s.links} links, {len(s.failures)} failed, "
          f"{s.seconds:.2f} s ({s.partitions} partitions, {s.skipped} done before; cluster "
          f"{'reached' if args.scheduler else 'started'} in {started:.2f} s)", file=sys.stderr)
    return 1 if s.failures else 0


if __name__ == "__main__":
    sys.exit(main())
