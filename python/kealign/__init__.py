"""kealign: Korean-English sentence splitting, alignment and translation QA, from Python.

    import kealign
    kealign.split("첫 문장입니다. 둘째 문장입니다.", "ko")       # [Segment(text=..., start=0, ...), ...]
    r = kealign.align(ko_text, en_text)                      # r.links: [Link(ko_ids, en_ids, ...)]
    r = kealign.align(["문장 하나.", "둘."], ["One.", "Two."])  # lists are segments, as --presplit
    fs = kealign.check(ko_text, en_text)                     # [Finding(check, severity, ...)]
    a = kealign.analyze(ko_text, en_text, dictionary="ko-en.tsv")  # segments, links, findings
    a.to_dict()                                              # plain dicts and lists (JSON-ready)

A side is a ``str`` (split into sentences), a list of ``str`` (one segment each, as
``kealign align --presplit``) or a ``pathlib.Path`` (read by kealign; errors name the file).
Options (keyword arguments): ``presplit`` (str sides are one segment per line), ``calibrate``
("auto" or "fixed"), ``dictionary`` and ``lexicon`` (a path, read once and cached, or a
``Dictionary``/``Lexicon``), ``checks`` (False: none, as ``--no-flags``), ``disable`` (check ids),
``settings`` ({"check-id.param": value}), ``allow_unrelated``, ``encoding`` (of Path inputs).
Every call releases the GIL while it works, so threads align pairs in parallel. Errors are
``kealign.InputError`` (with ``file``, ``line``, ``byte``), ``kealign.UsageError`` and
``kealign.IoError``.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import pathlib
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _kealign
from .errors import Error, InputError, IoError, UsageError

__all__ = ["split", "align", "check", "analyze", "checks", "Dictionary", "Lexicon", "Segment",
           "Link", "Evidence", "Finding", "Relatedness", "Alignment", "Analysis", "Error",
           "InputError", "UsageError", "IoError", "__version__"]
__version__ = _kealign.__version__

Dictionary = _kealign.Dictionary
Lexicon = _kealign.Lexicon
Side = Union[str, Sequence[str], os.PathLike]


class _Plain:
    def to_dict(self) -> Dict[str, Any]:
        """The object as plain dicts, lists and scalars (json.dumps-ready)."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Segment(_Plain):
    text: str        # the segment as in the input
    start: int       # code-point offsets into the str given (for a Path: into the file's text)
    end: int
    paragraph: int   # 0-based index of its blank-line separated paragraph
    line: int        # 1-based line where it starts


@dataclasses.dataclass(frozen=True)
class Link(_Plain):
    ko_ids: List[int]   # Korean segment ids (0-based), empty for an English addition
    en_ids: List[int]   # English segment ids, empty for an omission
    ko: str             # the segments' text joined by one space
    en: str
    confidence: float   # posterior probability in [0, 1]
    flags: List[str]    # ids of the checks with a finding on the link's segments


@dataclasses.dataclass(frozen=True)
class Evidence(_Plain):
    name: str           # what was compared, e.g. "numbers", "latin-tokens"
    ko: str             # the Korean side's value ("" when absent)
    en: str             # the English side's value


@dataclasses.dataclass(frozen=True)
class Finding(_Plain):
    check: str
    severity: str       # "major", "minor" or "info"
    ko_ids: List[int]
    en_ids: List[int]
    message: str
    passage: bool       # names a whole passage (e.g. one left untranslated)
    confidence: float   # how sure the check is that this is an error, in [0, 1]
    evidence: List[Evidence]  # the values compared


@dataclasses.dataclass(frozen=True)
class Relatedness(_Plain):
    related: bool       # False: the two texts do not look like translations of each other
    uncertain: bool     # True: related only because the pair holds too little evidence to tell
    score: float        # summed evidence in nats
    shared_anchors: float
    matched_anchors: float
    linked_segments: int
    unaligned_segments: int


@dataclasses.dataclass(frozen=True)
class Alignment(_Plain):
    links: List[Link]
    relatedness: Relatedness
    ko_segments: List[Segment]
    en_segments: List[Segment]


@dataclasses.dataclass(frozen=True)
class Analysis(_Plain):
    ko_segments: List[Segment]
    en_segments: List[Segment]
    links: List[Link]
    findings: List[Finding]
    relatedness: Relatedness
    model: Dict[str, float]   # the length model used: mean_ratio, variance


@functools.lru_cache(maxsize=16)
def _dictionary(path: str) -> Dictionary:
    return _kealign.Dictionary(path)


@functools.lru_cache(maxsize=16)
def _lexicon(path: str) -> Lexicon:
    return _kealign.Lexicon(path)


def _side(value: Side, name: str) -> Tuple[Any, bool]:
    """(_kealign.Side, whether it is a list of segments)."""
    if isinstance(value, str):
        _encodable(value, name)
        return _kealign.Side(value, False), False
    if isinstance(value, (bytes, bytearray)):
        raise TypeError(f"{name}: pass str (decoded text), a list of str or a pathlib.Path")
    if isinstance(value, os.PathLike):
        return _kealign.Side(os.fspath(value), True), False
    segments = list(value)
    for k, s in enumerate(segments):
        if not isinstance(s, str):
            raise TypeError(f"{name}[{k}] is {type(s).__name__}, not str")
        _encodable(s, name, k)
        if "\n" in s or "\r" in s:
            raise InputError(f"{name}[{k}]: a segment holds a line break", name, k + 1, None,
                             "a segment holds a line break")
    return _kealign.Side("\n".join(segments), False), True


def _encodable(text: str, name: str, index: Optional[int] = None) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:  # a lone surrogate: no UTF-8 for it
        where = name if index is None else f"{name}[{index}]"
        problem = f"code point {e.start} is a lone surrogate, not text"
        raise InputError(f"{where}: {problem}", where, None, None, problem) from None


_OPTION_NAMES = {"presplit", "calibrate", "dictionary", "lexicon", "checks", "disable", "settings",
                 "allow_unrelated", "encoding"}


def _options(ko_list: bool, en_list: bool, kwargs: Dict[str, Any]):
    unknown = set(kwargs) - _OPTION_NAMES
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    o = _kealign.Options()
    o.presplit = bool(kwargs.get("presplit", False))
    if ko_list or en_list:
        if not (ko_list and en_list) and not o.presplit:
            raise UsageError("one side is a list of segments, the other is not (pass presplit=True)")
        o.presplit = True
    o.calibrate = kwargs.get("calibrate", "auto")
    d = kwargs.get("dictionary")
    if d is not None:
        o.dictionary = d if isinstance(d, Dictionary) else _dictionary(os.fspath(d))
    lx = kwargs.get("lexicon")
    if lx is not None:
        o.lexicon = lx if isinstance(lx, Lexicon) else _lexicon(os.fspath(lx))
    o.checks = bool(kwargs.get("checks", True))
    disable = kwargs.get("disable", ())
    o.disable = [disable] if isinstance(disable, str) else list(disable)
    o.params = {str(k): float(v) for k, v in dict(kwargs.get("settings", {})).items()}
    o.allow_unrelated = bool(kwargs.get("allow_unrelated", False))
    o.encoding = kwargs.get("encoding", "utf-8")
    return o


def _segments(raw) -> List[Segment]:
    return [Segment(*s) for s in raw]


def _links(raw) -> List[Link]:
    return [Link(list(k), list(e), ko, en, c, [f for f in flags.split(",") if f])
            for k, e, ko, en, c, flags in raw]


def _run(ko: Side, en: Side, kwargs, links=None, want_tsv=False) -> Dict[str, Any]:
    k, ko_list = _side(ko, "ko")
    e, en_list = _side(en, "en")
    return _kealign.analyze(k, e, _options(ko_list, en_list, kwargs), links, want_tsv)


def split(text: str, lang: str, *, lines_are_segments: bool = False) -> List[Segment]:
    """Splits text into sentences and stand-alone lines by the rules of lang ("ko" or "en");
    with lines_are_segments every line is one segment."""
    return _segments(_kealign.split(text, lang, lines_are_segments))


def align(ko: Side, en: Side, **options) -> Alignment:
    """Aligns a Korean text with its English translation (as ``kealign align``): the links, the
    relatedness of the pair and both sides' segments. The flags of each link come from the QA
    checks unless checks=False (faster)."""
    raw = _run(ko, en, options)
    return Alignment(_links(raw["links"]), Relatedness(**raw["relatedness"]),
                     _segments(raw["ko_segments"]), _segments(raw["en_segments"]))


def analyze(ko: Side, en: Side, **options) -> Analysis:
    """Splits, aligns and checks a pair: everything ``kealign check``/``report`` see."""
    return _analysis(_run(ko, en, options))


def _analysis(raw) -> Analysis:
    return Analysis(_segments(raw["ko_segments"]), _segments(raw["en_segments"]),
                    _links(raw["links"]), [Finding(c, s, list(k), list(e), m, p, conf,
                                                   [Evidence(*x) for x in ev])
                                           for c, s, k, e, m, p, conf, ev in raw["findings"]],
                    Relatedness(**raw["relatedness"]), dict(raw["model"]))


def check(ko: Side, en: Side, links: Optional[Sequence] = None, **options) -> List[Finding]:
    """The QA findings of a pair, aligned by kealign or, with links, under the given alignment:
    a sequence of (ko_ids, en_ids) pairs or Link objects covering both sides in order."""
    given = None
    if links is not None:
        given = [(list(l.ko_ids), list(l.en_ids)) if isinstance(l, Link) else (list(l[0]), list(l[1]))
                 for l in links]
    return _analysis(_run(ko, en, options, given)).findings


def aligned_tsv(ko: Side, en: Side, **options) -> str:
    """The aligned TSV ``kealign align`` writes for the pair, byte for byte."""
    return _run(ko, en, options, None, True)["tsv"]


def checks() -> List[Dict[str, Any]]:
    """The checks kealign knows: id, description and parameters (name, default, description)."""
    return [{"id": i, "description": d, "parameters": [{"name": n, "default": v, "description": t}
                                                       for n, v, t in ps]}
            for i, d, ps in _kealign.checks()]
