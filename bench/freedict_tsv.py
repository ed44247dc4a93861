#!/usr/bin/env python3
"""Writes a FreeDict dictionary pair as a kealign word list (first<TAB>second, one translation per row).

  bench/freedict_tsv.py deu fra > de-fr.tsv   # needs dict-freedict-deu-fra and dict-freedict-fra-deu

FreeDict's dictd files (/usr/share/dictd/freedict-XXX-YYY.{index,dict.dz}, Debian packages
dict-freedict-*) hold one entry per headword: a line "Headword /ipa/ <pos>", then per sense a
line of comma-separated translations (numbered "1. ..." when there are several senses) and a line
defining it. Both directions are read when installed; the reverse one is written swapped, so every
row is first-language<TAB>second-language.
"""
import base64
import gzip
import os
import re
import sys

DICTD = "/usr/share/dictd"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def number(b64):
    value = 0
    for c in b64:
        value = value * 64 + B64.index(c)
    return value


def entries(name):
    data = gzip.open(f"{DICTD}/{name}.dict.dz").read()
    with open(f"{DICTD}/{name}.index", encoding="utf-8") as index:
        for line in index:
            headword, offset, length = line.rstrip("\n").split("\t")
            if headword.startswith("00"):  # 00-database-* metadata entries
                continue
            start = number(offset)
            yield data[start:start + number(length)].decode("utf-8")


def translations(entry):
    """The headword and its translations: the first line after the header unless senses are numbered."""
    lines = entry.split("\n")
    headword = re.split(r" /| <", lines[0])[0].strip()
    body = lines[1:]
    numbered = [l for l in body if re.match(r"\d+\. ", l)]
    senses = [re.sub(r"^\d+\. ", "", l) for l in numbered] if numbered else body[:1]
    out = []
    for sense in senses:
        sense = re.sub(r"(\s+\d+\.)+\s*$", "", sense)  # stray sense numbers at the end
        out += [t.strip() for t in sense.split(",") if t.strip()]
    return headword, out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: freedict_tsv.py FIRST SECOND   (ISO 639-3 codes, e.g. deu fra)")
    first, second = sys.argv[1:]
    found = False
    for name, swap in ((f"freedict-{first}-{second}", False), (f"freedict-{second}-{first}", True)):
        if not os.path.exists(f"{DICTD}/{name}.index"):
            continue
        found = True
        for entry in entries(name):
            headword, targets = translations(entry)
            for t in targets:
                if "\t" in t or "\t" in headword or not headword:
                    continue
                print(f"{t}\t{headword}" if swap else f"{headword}\t{t}")
    if not found:
        sys.exit(f"no {DICTD}/freedict-{first}-{second}.index: apt-get install dict-freedict-{first}-{second}")


if __name__ == "__main__":
    main()
