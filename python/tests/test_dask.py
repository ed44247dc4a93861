"""kealign.dask on a LocalCluster of 2 worker processes over LibreOffice pages: the bytes of
align-set, resumable, and every record once when a worker is killed mid-run."""
import json
import os
import pathlib
import signal
import subprocess
import sys

import pytest

SHARED = pathlib.Path(os.environ.get("KEALIGN_SHARED", pathlib.Path(__file__).parents[3] / "shared"))
PAGES = SHARED / "corpora" / "libreoffice-help-ko-en"
TOOL = os.environ.get("KEALIGN_TOOL", "kealign")

distributed = pytest.importorskip("distributed")
import kealign.dask  # noqa: E402  (after the skip: it needs nothing of dask to import)

if not PAGES.is_dir():
    if os.environ.get("KEALIGN_REQUIRE_CORPORA"):
        raise RuntimeError(f"shared corpora not found at {SHARED} and KEALIGN_REQUIRE_CORPORA is set")
    pytest.skip(f"shared corpora not found at {SHARED} (set KEALIGN_SHARED)", allow_module_level=True)


def sample(tmp_path, count):
    """A corpus folder of the first `count` LibreOffice pages (symlinks)."""
    root = tmp_path / "pages"
    root.mkdir()
    for name in sorted(p.name for p in PAGES.iterdir() if p.is_dir())[:count]:
        (root / name).symlink_to(PAGES / name)
    return root


@pytest.fixture
def client():
    cluster = kealign.dask.local_cluster(2, 1)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_local_cluster_writes_the_bytes_of_align_set_and_resumes(tmp_path, client):
    root = sample(tmp_path, 60)
    reference = tmp_path / "align-set"
    subprocess.run([TOOL, "align-set", str(root), "--out-dir", str(reference)], check=True,
                   capture_output=True)
    out = tmp_path / "dask"
    s = kealign.dask.align_corpus([str(root)], str(out), client=client, partition_size=7)
    assert (s.documents, s.partitions, s.skipped, s.failures) == (60, 9, 0, [])
    expected = sorted(p.name for p in reference.glob("*.tsv"))
    assert sorted(p.name for p in out.glob("*.tsv")) == expected
    for name in expected:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    # A second run finds every partition done and writes nothing.
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.tsv")}
    again = kealign.dask.align_corpus([str(root)], str(out), client=client, partition_size=7)
    assert (again.documents, again.skipped, again.links) == (60, 9, s.links)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.tsv")} == stamps


def test_a_worker_killed_mid_run_loses_no_record(tmp_path, client):
    root = sample(tmp_path, 160)
    pairs = tmp_path / "pairs.jsonl"
    with open(pairs, "w", encoding="utf-8") as f:
        for d in sorted(p.name for p in root.iterdir()):
            f.write(json.dumps({"id": d, "ko_path": str(root / d / "ko.txt"),
                                "en_path": str(root / d / "en.txt")}) + "\n")
    killed = []

    def kill_one(result):
        if not killed:  # the first partition is done: kill a worker while the others run
            pids = client.run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    out = tmp_path / "dask"
    s = kealign.dask.align_corpus([str(pairs)], str(out), client=client, partition_size=4,
                                  on_done=kill_one, checks=False)
    assert killed
    assert (s.documents, s.partitions, s.failures) == (160, 40, [])
    ids = []
    for part in sorted(out.glob("*.jsonl")):
        ids += [json.loads(line)["id"] for line in part.read_text(encoding="utf-8").splitlines()]
    assert ids == sorted(p.name for p in root.iterdir())  # every record once, in input order
    # The partitions concatenated are the bytes kealign stream writes for the same lines.
    stream = subprocess.run([TOOL, "stream", "--no-flags"], stdin=open(pairs, "rb"),
                            capture_output=True, check=True).stdout
    assert b"".join(p.read_bytes() for p in sorted(out.glob("*.jsonl"))) == stream
    # The same bytes as partitions aligned one by one without a cluster.
    for part in kealign.dask.partitions([str(pairs)], 4):
        clean = tmp_path / "clean"
        (clean / kealign.dask.DONE_FOLDER).mkdir(parents=True, exist_ok=True)
        kealign.dask.run_partition(part, str(clean), ["ko", "en"], False, {"checks": False})
        name = part.name + ".jsonl"
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def test_bad_records_are_error_records_naming_file_and_line(tmp_path, client):
    root = sample(tmp_path, 9)
    folders = sorted(p.name for p in root.iterdir())
    lines = [json.dumps({"id": d, "ko_path": str(root / d / "ko.txt"),
                         "en_path": str(root / d / "en.txt")}).encode() for d in folders]
    lines[2] = json.dumps({"id": "missing", "ko_path": str(root / "nowhere" / "ko.txt"),
                           "en_path": str(root / folders[2] / "en.txt")}).encode()
    lines[5] = b'{"id": "cut", "ko": "\xeb\x8b'  # malformed JSON
    lines[7] = b'{"id": "bad", "ko": "\xff", "en": "x"}'  # invalid UTF-8: not read, so no id
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "dask"
    s = kealign.dask.align_corpus([str(pairs)], str(out), client=client, partition_size=4,
                                  checks=False)
    assert s.documents == 9 and s.partitions == 3
    assert [f["id"] for f in s.failures] == ["missing", "6", "8"]
    for f, line in zip(s.failures, (3, 6, 8)):
        assert f["error"].startswith(f"{pairs}:{line}: "), f
    # The bytes of kealign stream over the same lines, the input named by its path.
    stream = subprocess.run([TOOL, "stream", "--no-flags"], stdin=open(pairs, "rb"),
                            capture_output=True).stdout
    written = b"".join(p.read_bytes() for p in sorted(out.glob("*.jsonl")))
    assert written == stream.replace(b'"<stdin>:', f'"{pairs}:'.encode())


def test_the_command_with_spawned_workers_writes_the_bytes_of_align_set(tmp_path):
    # The default start method (fork) is what the tests above use; this is Dask's own.
    root = sample(tmp_path, 12)
    reference = tmp_path / "align-set"
    subprocess.run([TOOL, "align-set", str(root), "--out-dir", str(reference)], check=True,
                   capture_output=True)
    out = tmp_path / "dask"
    command = [sys.executable, "-m", "kealign.dask", str(root), "--out-dir", str(out),
               "--start-method", "spawn", "--partition-size", "5"]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "12 documents" in run.stderr and "3 partitions, 0 done before" in run.stderr
    expected = sorted(p.name for p in reference.glob("*.tsv"))
    assert sorted(p.name for p in out.glob("*.tsv")) == expected
    for name in expected:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    bad = subprocess.run(command[:-4] + ["--start-method", "thread"], capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "--start-method" in bad.stderr
