"""The Python package against the command-line tool on the bundled seed article."""
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys

import pytest

import kealign

SOURCE = pathlib.Path(os.environ.get("KEALIGN_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SEED = SOURCE / "corpora" / "seed-article"
TOOL = os.environ.get("KEALIGN_TOOL", "kealign")


def tool(*args):
    return subprocess.run([TOOL, *map(str, args)], capture_output=True, text=True, check=True).stdout


def lines(path):
    return pathlib.Path(path).read_text(encoding="utf-8").splitlines()


def escape_tsv(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def as_tsv(links):
    rows = ["ko_ids\ten_ids\tko\ten\tscore\tflags"]
    for l in links:
        rows.append("\t".join([",".join(map(str, l.ko_ids)), ",".join(map(str, l.en_ids)),
                               escape_tsv(l.ko), escape_tsv(l.en), f"{l.confidence:.4f}",
                               ",".join(l.flags)]))
    return "\n".join(rows) + "\n"


def test_split_offsets_point_into_the_text():
    text = (SEED / "ko.txt").read_text(encoding="utf-8")
    segments = kealign.split(text, "ko")
    assert len(segments) > 20
    for s in segments:
        assert text[s.start:s.end] == s.text
    assert [s.line for s in segments] == sorted(s.line for s in segments)
    cli = tool("split", "--lang", "ko", SEED / "ko.txt").splitlines()
    assert [" ".join(s.text.split()) for s in segments] == [" ".join(c.split()) for c in cli]


def test_align_presplit_lists_give_the_links_of_the_cli():
    ko, en = lines(SEED / "ko.sents"), lines(SEED / "en.sents")
    cli = tool("align", "--presplit", SEED / "ko.sents", SEED / "en.sents")
    result = kealign.align(ko, en)
    assert as_tsv(result.links) == cli
    assert result.relatedness.related
    assert kealign.aligned_tsv(ko, en) == cli
    # Paths and raw text give the links of `kealign align` on the files.
    raw = tool("align", SEED / "ko.txt", SEED / "en.txt")
    assert kealign.aligned_tsv(SEED / "ko.txt", SEED / "en.txt") == raw
    text = kealign.align((SEED / "ko.txt").read_text(encoding="utf-8"),
                         (SEED / "en.txt").read_text(encoding="utf-8"))
    assert as_tsv(text.links) == raw


def test_check_and_analyze_give_the_findings_of_the_cli():
    ko, en = lines(SEED / "ko.sents"), lines(SEED / "en.sents")
    cli = tool("check", "--presplit", SEED / "ko.sents", SEED / "en.sents").splitlines()[1:]
    findings = kealign.check(ko, en)
    assert len(findings) == len(cli) > 0
    for f, row in zip(findings, cli):
        cells = row.split("\t")
        assert cells[:4] == [",".join(map(str, f.ko_ids)), ",".join(map(str, f.en_ids)), f.check,
                             f.severity]
        assert cells[4] == escape_tsv(f.message)
    # Confidence and evidence as the findings JSON gives them.
    cli_json = json.loads(tool("check", "--presplit", "--format", "json", SEED / "ko.sents",
                               SEED / "en.sents"))["findings"]
    assert len(cli_json) == len(findings)
    for f, j in zip(findings, cli_json):
        assert 0 <= f.confidence <= 1
        assert abs(f.confidence - j["confidence"]) <= 0.005 + 1e-9  # JSON rounds to 2 places
        assert [e.to_dict() for e in f.evidence] == j["evidence"]
    assert any(f.evidence for f in findings)
    assert len({f.confidence for f in findings}) > 1
    a = kealign.analyze(ko, en)
    assert a.findings == findings
    assert len(a.ko_segments) == len(ko)
    json.dumps(a.to_dict())  # plain data
    # Under a given alignment (the links found): the same findings; checks can be switched off.
    assert kealign.check(ko, en, links=a.links) == findings
    assert kealign.check(ko, en, disable=[f.check for f in findings]) == []
    assert kealign.align(ko, en, checks=False).links[0].flags == []


def test_errors_carry_the_place():
    with pytest.raises(kealign.InputError) as e:
        kealign.align("첫 줄.\n둘째\x00 줄.", "One. Two.")
    assert (e.value.file, e.value.line, e.value.byte) == ("ko", 2, len("첫 줄.\n둘째".encode()))
    with pytest.raises(kealign.InputError) as e:
        kealign.align("\ud800", "x")
    assert e.value.file == "ko"
    with pytest.raises(kealign.IoError):
        kealign.align(pathlib.Path("/nonexistent/ko.txt"), "x")
    with pytest.raises(kealign.UsageError):
        kealign.check("가.", "A.", disable=["no-such-check"])
    with pytest.raises(kealign.UsageError):
        kealign.split("text", "fr")
    with pytest.raises(TypeError):
        kealign.align("가.", "A.", colour="blue")
    with pytest.raises(kealign.InputError):
        kealign.align(["가.\n나."], ["A."])
    assert issubclass(kealign.InputError, ValueError)


def test_threads_give_the_results_of_one():
    ko, en = lines(SEED / "ko.sents"), lines(SEED / "en.sents")
    pairs = [(ko[:n], en[:n + 2]) for n in range(10, 40, 3)]
    one = [kealign.align(k, e, checks=False) for k, e in pairs]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        two = list(pool.map(lambda p: kealign.align(*p, checks=False), pairs))
    assert one == two


def test_dictionary_is_read_once_and_shared(tmp_path):
    d = tmp_path / "dict.tsv"
    d.write_text("핵우산\tnuclear umbrella\n정상회담\tsummit\n", encoding="utf-8")
    ko, en = lines(SEED / "ko.sents"), lines(SEED / "en.sents")
    cli = tool("align", "--presplit", "--dict", d, SEED / "ko.sents", SEED / "en.sents")
    assert kealign.aligned_tsv(ko, en, dictionary=d) == cli
    assert kealign.aligned_tsv(ko, en, dictionary=kealign.Dictionary(str(d))) == cli
    assert len(kealign.Dictionary(str(d))) == 2


@pytest.mark.skipif("KEALIGN_BUILD_DIR" not in os.environ, reason="run from ctest")
def test_cmake_install_puts_an_importable_package(tmp_path):
    subprocess.run(["cmake", "--install", os.environ["KEALIGN_BUILD_DIR"], "--component", "python",
                    "--prefix", str(tmp_path)], check=True, capture_output=True)
    site = tmp_path / os.environ["KEALIGN_PYTHON_INSTALL_DIR"]
    env = dict(os.environ, PYTHONPATH=str(site))
    code = "import kealign; print(kealign.__file__); print(len(kealign.align('가.', 'A.').links))"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out == [str(site / "kealign" / "__init__.py"), "1"]
