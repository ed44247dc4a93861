"""Aligning a corpus across a Dask cluster.

    python3 -m kealign.dask CORPUS_FOLDER --out-dir OUT             # a LocalCluster, one TSV per pair
    python3 -m kealign.dask 'pairs-*.jsonl' --out-dir OUT --scheduler tcp://host:8786

Inputs are corpus folders (one sub-folder per pair holding ko.txt and en.txt, or .sents with
--presplit, as ``kealign align-set`` reads them), JSON Lines files of pairs (as ``kealign stream``
reads them: {"id", "ko"/"en" texts or segment lists, or "ko_path"/"en_path"}) or a glob of either.
The pairs are cut into partitions of --partition-size; each partition is one Dask task. A folder's
pairs are written as align-set writes them (OUT/NAME.tsv, byte for byte); a JSON Lines file's
partition as OUT/NAME.part-NNNNN.jsonl, one record per pair in input order. Every file is written
to a temporary name and renamed into place, and a partition is marked done
(OUT/_done/PARTITION.json) only after all its files are: a re-run skips the partitions marked done,
so a lost worker or an interrupted run loses no finished work, and Dask reruns the tasks of a
worker that dies. Each worker process reads the dictionary and lexicon once (kealign caches them
per path).

The library call behind it:

    from distributed import Client
    import kealign.dask
    summary = kealign.dask.align_corpus(["corpus"], "out", client=Client(), dictionary="ko-en.tsv")
"""
from __future__ import annotations

import argparse
import dataclasses
import glob
import hashlib
import json
import math
import os
import pathlib
import sys
import threading
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence

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


def _write_atomic(path: str, text: str) -> None:
    temp = f"{path}.tmp.{os.getpid()}.{threading.get_ident()}"
    try:
        with open(temp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def _pair_folders(root: str, names: Sequence[str], ext: str) -> List[str]:
    if not os.path.isdir(root):
        raise kealign.IoError(f"{root}: not a folder")
    folders = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    if not folders:
        raise kealign.InputError(f"{root}: no document folders (one per pair) inside", root)
    for d in folders:
        for n in names:
            path = os.path.join(root, d, n + ext)
            if not os.path.isfile(path):
                raise kealign.InputError(
                    f"{path}: missing: each document folder needs {names[0]}{ext} and "
                    f"{names[1]}{ext}", path)
    return folders


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
                out.append(Partition(f"{stem}.part-{c // size:05d}", "folders", path,
                                     items=folders[c:c + size]))
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
                                         end=pos, first_line=line))
                    start, line, count, chunk = pos, line + count, 0, chunk + 1
            if count:
                out.append(Partition(f"{stem}.part-{chunk:05d}", "jsonl", path, start=start,
                                     end=pos, first_line=line))
    return out


def _side(record: Dict[str, Any], text_key: str, path_key: str):
    if text_key in record and path_key in record:
        raise ValueError(f'both "{text_key}" and "{path_key}"')
    if path_key in record:
        return pathlib.Path(record[path_key])
    if text_key not in record:
        raise ValueError(f'no "{text_key}" nor "{path_key}"')
    return record[text_key]


def _rounded(x: float, scale: float) -> float:
    """x rounded as kealign stream rounds it (half away from zero, C++ std::round)."""
    return math.copysign(math.floor(abs(x) * scale + 0.5), x) / scale


def _record(line_no: int, line: str, source: str, options: Dict[str, Any]):
    """(the output record of one JSON Lines pair, links, error or None)."""
    head: Dict[str, Any] = {}
    try:
        if not line.strip():
            raise ValueError("empty line")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"malformed JSON: {e}") from None
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
        if "id" in record:
            head["id"] = record["id"]
        head.update({k: v for k, v in record.items()
                     if k not in ("id", "ko", "en", "ko_path", "en_path")})
        a = kealign.analyze(_side(record, "ko", "ko_path"), _side(record, "en", "en_path"),
                            **options)
        # The keys, their order and the rounding of kealign stream's records.
        related = a.relatedness.to_dict()
        for key in ("score", "shared_anchors", "matched_anchors"):
            related[key] = _rounded(related[key], 1e3)
        links = [dict(l.to_dict(), confidence=_rounded(l.confidence, 1e4)) for l in a.links]
        out = dict(head, line=line_no, status="ok", ko_segments=len(a.ko_segments),
                   en_segments=len(a.en_segments), relatedness=related, links=links,
                   findings=[f.to_dict() for f in a.findings])
        return out, len(a.links), None
    except (kealign.Error, ValueError, TypeError) as e:
        error = f"{source}:{line_no}: {e}"
        return dict(head, line=line_no, status="error", error=error), 0, error


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
    if part.kind == "folders":
        ext = ".sents" if presplit else ".txt"
        for name in part.items:
            documents += 1
            folder = os.path.join(part.source, name)
            target = os.path.join(out_dir, name + ".tsv")
            try:
                tsv = kealign.aligned_tsv(pathlib.Path(folder, names[0] + ext),
                                          pathlib.Path(folder, names[1] + ext), presplit=presplit,
                                          **options)
                _write_atomic(target, tsv)
                links += tsv.count("\n") - 1
            except kealign.Error as e:
                failures.append({"id": folder, "error": str(e)})
                if os.path.exists(target):  # an earlier run's output must not pass for this one's
                    os.remove(target)
    else:
        with open(part.source, "rb") as f:
            f.seek(part.start)
            data = f.read(part.end - part.start)
        out = []
        opts = dict(options, presplit=presplit)
        for k, raw in enumerate(data.split(b"\n")[:-1] if data.endswith(b"\n")
                                else data.split(b"\n")):
            documents += 1
            line_no = part.first_line + k
            try:
                line = raw.decode("utf-8").rstrip("\r")
            except UnicodeDecodeError as e:
                line, bad = None, f"{part.source}:{line_no}: byte {e.start}: invalid UTF-8"
            if line is None:
                record, n, error = {"line": line_no, "status": "error", "error": bad}, 0, bad
            else:
                record, n, error = _record(line_no, line, part.source, opts)
            links += n
            if error:
                failures.append({"id": str(record.get("id", line_no)), "error": error})
            out.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        _write_atomic(os.path.join(out_dir, part.name + ".jsonl"), "".join(out))
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
    futures = client.map(run_partition, parts, out_dir=out_dir, names=list(names),
                         presplit=presplit, options=options, pure=False)
    from distributed import as_completed
    results: Dict[str, Dict[str, Any]] = {}
    for future in as_completed(futures):
        result = future.result()
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


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python3 -m kealign.dask",
        description="Align corpus folders or JSON Lines files of pairs across a Dask cluster")
    ap.add_argument("inputs", nargs="+", help="corpus folders, JSON Lines files or globs of them")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--threads-per-worker", type=int, default=1)
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
    from distributed import Client, LocalCluster
    tty = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if tty:
            print(f"\rkealign.dask: {done}/{total} partitions", end="", file=sys.stderr, flush=True)

    try:
        if args.scheduler:
            cluster = None
            client = Client(args.scheduler)
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                                   processes=True, dashboard_address=":0")
            client = Client(cluster)
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
          f"{s.seconds:.2f} s ({s.partitions} partitions, {s.skipped} done before)", file=sys.stderr)
    return 1 if s.failures else 0


if __name__ == "__main__":
    sys.exit(main())
