#!/usr/bin/env python3
"""Error-injection benchmark for `kealign check`: plants translation errors in the shared LibreOffice
help and news sets, runs the checks with the gold alignment, and reports recall by kind of error and
false majors on the untouched (correct) translations, with Translate Toolkit's pofilter as the peer.

  bench/qa_inject.py [--kealign KEALIGN] [--shared SHARED] [--sets lo,news] [--halves dev,test]
                     [--seed N] [--no-pofilter] [--keep DIR] [--misses N]

Halves: LibreOffice pages are split in two by a hash of the page name (`dev`: even, `test`: odd);
news blocks by their names (dev_* / test_*). Tune on `dev`, report `test`.

Errors (one per link, 1-1 links only, never two in neighbouring links, about one link in seven of a
document): garbled (a period glued after a function word mid-sentence), truncation (the English stops
mid-sentence without end punctuation), repeat (a phrase repeated, with punctuation inside or a menu
step doubled), number (a digit changed, a million/billion swapped), number-token (a digit inside an
alphanumeric token: B2, F5, 2D), ko-numeral (a Korean-numeral amount changed on the Korean side:
300만 -> 500만, 세 명 -> 네 명), quote (a closing quote dropped or a stray one added), omission (the
English sentence dropped), untranslated (the Korean left in place of the English), name (a capitalised
name misspelt), negation (a negation dropped where the Korean has one), unit (a unit swapped for
another of the same dimension). With --extra-kinds word, also word (a lowercase content word replaced
by another content word of the same document).

A planted error counts as found when a major or minor finding names a segment of its link. False
majors: major findings on the untouched documents, on links that the gold gives both sides (the
LibreOffice set's gold drops 5% of paragraphs on purpose: those omissions are real), per 200 links.
Flagged untouched links: links with both sides that a major or minor finding names (findings over
more than three links, such as document-wide consistency findings, left out), per 200 links: the
comparable figure to pofilter's flagged units.
pofilter: one PO unit per link (msgid Korean, msgstr English; startcaps and simplecaps off, since
Korean has no case); a unit in pofilter's output counts as flagged.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

# The kinds of error the seed article holds (the held-out figures of issue 17 use these).
SEED_KINDS = ["garbled", "truncation", "repeat", "number", "number-token", "quote", "omission",
              "untranslated"]
KINDS = ["garbled", "truncation", "repeat", "number", "number-token", "ko-numeral", "quote",
         "omission", "untranslated", "name", "negation", "unit"]

FUNCTION_WORDS = set("""the a an to you can of in on for with and is are will that this be by from
at as has have was were which your its their or it not if when into than then also may must should
would could been being they we he she our his her""".split())


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[:-1] if os.path.getsize(path) else []


def read_gold(path):
    links = []
    for line in read_lines(path):
        if not line.strip() and "\t" not in line:
            continue
        k, e = (line.split("\t") + [""])[:2]
        ko = [int(x) for x in k.split(",") if x.strip()]
        en = [int(x) for x in e.split(",") if x.strip()]
        links.append((ko, en))
    return links


# ---------------------------------------------------------------- mutators: (ko, en, rng) -> (ko, en) | None

def words(en):
    return en.split(" ")


def m_garbled(ko, en, rng):
    t = words(en)
    cand = [i for i in range(1, len(t) - 2) if t[i].lower() in FUNCTION_WORDS and t[i].isalpha()
            and t[i + 1][:1].isalpha() and t[i + 1][:1].islower()]
    if len(t) < 5 or not cand:
        return None
    i = rng.choice(cand)
    t[i] += "."
    return ko, " ".join(t)


END = re.compile(r'[.!?:]["”’\')]*$')


def m_truncation(ko, en, rng):
    t = words(en)
    if len(t) < 6 or not END.search(en):
        return None
    lo, hi = max(2, int(len(t) * 0.4)), max(3, int(len(t) * 0.8))
    cand = [k for k in range(lo, hi + 1) if k < len(t) and re.fullmatch(r"[A-Za-z]+", t[k - 1])]
    if not cand:
        return None
    k = rng.choice(cand)
    return ko, " ".join(t[:k])


def m_repeat(ko, en, rng):
    steps = en.split(" - ")
    if len(steps) >= 3 and rng.random() < 0.7:
        i = rng.randrange(len(steps) - 1)
        step = steps[i].split(" ")[-1] if i == 0 else steps[i]
        if i == 0:
            steps[0] = steps[0] + " - " + step
        else:
            steps.insert(i, step)
        return ko, " - ".join(steps)
    t = words(en)
    if len(t) < 5:
        return None
    n = rng.choice([1, 2, 2, 3])
    cand = [i for i in range(0, len(t) - n) if all(re.fullmatch(r"[A-Za-z][A-Za-z'-]*", w)
                                                  for w in t[i:i + n])]
    if not cand:
        return None
    i = rng.choice(cand)
    phrase = list(t[i:i + n])
    if rng.random() < 0.6:
        phrase[-1] += ","
    return ko, " ".join(t[:i] + phrase + t[i:])


def change_digit(s, rng):
    pos = [i for i, c in enumerate(s) if c.isdigit()]
    i = rng.choice(pos)
    d = rng.choice([c for c in "0123456789" if c != s[i] and not (c == "0" and i == pos[0])])
    return s[:i] + d + s[i + 1:]


def m_number(ko, en, rng):
    plain = [m for m in re.finditer(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])", en)]
    scales = [m for m in re.finditer(r"\b(million|billion|thousand)\b", en)]
    if scales and (not plain or rng.random() < 0.3):
        m = rng.choice(scales)
        other = {"million": "billion", "billion": "million", "thousand": "million"}[m.group(1)]
        return ko, en[:m.start()] + other + en[m.end():]
    if not plain:
        return None
    m = rng.choice(plain)
    return ko, en[:m.start()] + change_digit(m.group(0), rng) + en[m.end():]


def m_number_token(ko, en, rng):
    toks = [m for m in re.finditer(r"\b(?=\w*\d)(?=\w*[A-Za-z])[A-Za-z0-9]+(?::[A-Za-z0-9]+)?\b", en)]
    toks = [m for m in toks if not re.search(r"\d(st|nd|rd|th|s)$", m.group(0))]
    if not toks:
        return None
    m = rng.choice(toks)
    return ko, en[:m.start()] + change_digit(m.group(0), rng) + en[m.end():]


NATIVE = ["한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]
COUNTERS = "명|개|대|번|가지|살|시간|척|권|마리|곳|차례|개월|달|해"


def m_ko_numeral(ko, en, rng):
    big = list(re.finditer(r"\d[\d,.]*\s?(?=[만억조천])", ko))
    native = list(re.finditer(r"(?<![가-힣])(" + "|".join(NATIVE) + r")\s?(?=(" + COUNTERS + r"))", ko))
    if big and (not native or rng.random() < 0.7):
        m = rng.choice(big)
        return ko[:m.start()] + change_digit(m.group(0), rng) + ko[m.end():], en
    if native:
        m = rng.choice(native)
        w = m.group(1)
        other = rng.choice([x for x in NATIVE if x != w])
        return ko[:m.start()] + other + ko[m.start() + len(w):], en
    return None


def m_quote(ko, en, rng):
    pairs = list(re.finditer(r'"[^"]+"|“[^”]+”', en))
    if pairs:
        m = rng.choice(pairs)
        # drop the closing mark
        return ko, en[:m.end() - 1] + en[m.end():]
    if '"' in en or "“" in en or "”" in en:
        return None
    t = words(en)
    if len(t) < 4:
        return None
    i = rng.randrange(1, len(t) - 1)
    t[i] = "\u201c" + t[i] if rng.random() < 0.5 else '"' + t[i]
    return ko, " ".join(t)


def m_omission(ko, en, rng):
    return ko, None


def m_untranslated(ko, en, rng):
    if not re.search(r"[가-힣]", ko):
        return None
    return ko, ko


def m_name(ko, en, rng):
    t = words(en)
    cand = [i for i in range(1, len(t)) if re.fullmatch(r"[A-Z][a-z]{3,}[.,]?", t[i])
            and t[i].rstrip(".,").lower() not in FUNCTION_WORDS]
    if not cand:
        return None
    i = rng.choice(cand)
    w = t[i]
    core = w.rstrip(".,")
    tail = w[len(core):]
    j = rng.randrange(1, len(core) - 1)
    if rng.random() < 0.5 and core[j] != core[j + 1]:
        core = core[:j] + core[j + 1] + core[j] + core[j + 2:]
    else:
        core = core[:j] + rng.choice([c for c in "aeiourntsl" if c != core[j]]) + core[j + 1:]
    t[i] = core + tail
    return ko, " ".join(t)


NEG_KO = re.compile(r"않|못|없|아니|안 |말[고아]|금지|불가")
NEG_EN = [(r"\bcannot\b", "can"), (r"\bcan't\b", "can"), (r"\bdon't\b", "do"), (r"\bdoesn't\b", "does"),
          (r"\bdidn't\b", "did"), (r"\bwon't\b", "will"), (r"\bisn't\b", "is"), (r"\baren't\b", "are"),
          (r"\bwasn't\b", "was"), (r"\bweren't\b", "were"), (r"\bhasn't\b", "has"),
          (r"\bhaven't\b", "have"), (r"\bshouldn't\b", "should"), (r"\bcouldn't\b", "could"),
          (r"\bwouldn't\b", "would"), (r" not\b", ""), (r" never\b", ""), (r" no longer\b", "")]


def m_negation(ko, en, rng):
    if not NEG_KO.search(ko):
        return None
    hits = [(m, rep) for pat, rep in NEG_EN for m in re.finditer(pat, en)]
    if not hits:
        return None
    m, rep = rng.choice(hits)
    return ko, en[:m.start()] + rep + en[m.end():]


UNITS = {"cm": "mm", "mm": "cm", "km": "m", "kg": "g", "g": "kg", "pt": "px", "px": "pt", "MB": "GB",
         "GB": "MB", "KB": "MB", "seconds": "minutes", "minutes": "hours", "hours": "days",
         "days": "weeks", "weeks": "months", "months": "years", "years": "months",
         "percent": "points", "%": " degrees", "inches": "centimeters", "inch": "centimeter",
         "miles": "kilometers", "meters": "feet", "feet": "meters", "dollars": "euros",
         "won": "dollars", "yen": "dollars", "pounds": "kilograms", "tons": "kilograms"}
UNIT_RE = re.compile(r"(\d)(\s?)(" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) +
                     r")(?![A-Za-z])")


def m_unit(ko, en, rng):
    hits = list(UNIT_RE.finditer(en))
    dollars = list(re.finditer(r"\$(?=\d)", en))
    if not hits and not dollars:
        return None
    if dollars and (not hits or rng.random() < 0.3):
        m = rng.choice(dollars)
        return ko, en[:m.start()] + "€" + en[m.end():]
    m = rng.choice(hits)
    u = UNITS[m.group(3)]
    sep = m.group(2) if not u.startswith(" ") else ""
    return ko, en[:m.start(3) - len(m.group(2))] + sep + u + en[m.end(3):]


def m_word(ko, en, rng, vocab=()):
    """A content word replaced by another content word of the same document (a wrong word)."""
    t = words(en)
    cand = [i for i in range(len(t)) if re.fullmatch(r"[a-z]{4,}[.,]?", t[i])
            and t[i].rstrip(".,") not in FUNCTION_WORDS]
    others = [w for w in vocab if w[:5] not in {x.rstrip(".,")[:5] for x in t}]
    if not cand or not others:
        return None
    i = rng.choice(cand)
    core = t[i].rstrip(".,")
    t[i] = rng.choice(others) + t[i][len(core):]
    return ko, " ".join(t)


MUTATORS = {"garbled": m_garbled, "truncation": m_truncation, "repeat": m_repeat,
            "number": m_number, "number-token": m_number_token, "ko-numeral": m_ko_numeral,
            "quote": m_quote, "omission": m_omission, "untranslated": m_untranslated, "name": m_name,
            "negation": m_negation, "unit": m_unit}


# ---------------------------------------------------------------- documents

class Doc:
    def __init__(self, set_name, name, path):
        self.set_name, self.name, self.path = set_name, name, path
        self.ko = read_lines(os.path.join(path, "ko.sents"))
        self.en = read_lines(os.path.join(path, "en.sents"))
        self.links = read_gold(os.path.join(path, "gold.tsv"))


def half_of(set_name, name):
    if set_name == "news":
        return "dev" if name.startswith("dev") else "test"
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def plant(doc, rng, counts, kinds_list=KINDS):
    """Returns (ko_lines, en_lines, gold_lines, planted) with planted = [(kind, ko_ids, en_ids)]."""
    vocab = sorted({w for line in doc.en for w in re.findall(r"\b[a-z]{4,}\b", line)
                    if w not in FUNCTION_WORDS})
    links = [(list(k), list(e)) for k, e in doc.links]
    texts = [([doc.ko[i] for i in k], [doc.en[i] for i in e]) for k, e in links]
    ok = [i for i, (k, e) in enumerate(links) if len(k) == 1 and len(e) == 1 and
          doc.ko[k[0]].strip() and doc.en[e[0]].strip()]
    rng.shuffle(ok)
    budget = max(1, round(len(links) / 7))
    taken, kinds = set(), {}
    for i in ok:
        if len(kinds) >= budget:
            break
        if i in taken or i - 1 in taken or i + 1 in taken:
            continue
        order = sorted(kinds_list, key=lambda k: (counts[k], rng.random()))
        for kind in order:
            if kind == "omission" and len(links) < 3:
                continue
            if kind == "word":
                r = m_word(texts[i][0][0], texts[i][1][0], rng, vocab)
            else:
                r = MUTATORS[kind](texts[i][0][0], texts[i][1][0], rng)
            if r is None or (r[0] == texts[i][0][0] and r[1] == texts[i][1][0]):
                continue
            texts[i] = ([r[0]], [] if r[1] is None else [r[1]])
            kinds[i] = kind
            taken.add(i)
            counts[kind] += 1
            break
    ko_lines, en_lines, gold, planted = [], [], [], []
    for i, (k, e) in enumerate(texts):
        kid = list(range(len(ko_lines), len(ko_lines) + len(k)))
        eid = list(range(len(en_lines), len(en_lines) + len(e)))
        ko_lines += k
        en_lines += e
        gold.append(",".join(map(str, kid)) + "\t" + ",".join(map(str, eid)))
        if i in kinds:
            planted.append((kinds[i], kid, eid, i))
    return ko_lines, en_lines, gold, planted


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in lines))


def run_check(kealign, folder, extra):
    out = subprocess.run([kealign, "check", "--presplit", os.path.join(folder, "ko.sents"),
                          os.path.join(folder, "en.sents"), "--alignment",
                          os.path.join(folder, "gold.tsv")] + extra,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(f"{folder}: {out.stderr}")
        return []
    rows = []
    for line in out.stdout.split("\n")[1:]:
        if not line:
            continue
        c = line.split("\t")
        ko = {int(x) for x in c[0].split(",") if x}
        en = {int(x) for x in c[1].split(",") if x}
        rows.append((ko, en, c[2], c[3], c[4] if len(c) > 4 else ""))
    return rows


def po_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


def pofilter_flags(units, work):
    """units: [(key, ko, en)] -> set of flagged keys."""
    po = os.path.join(work, "in.po")
    with open(po, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for key, ko, en in units:
            f.write(f'msgctxt "{po_escape(key)}"\nmsgid "{po_escape(ko)}"\nmsgstr "{po_escape(en)}"\n\n')
    out = os.path.join(work, "out.po")
    subprocess.run(["pofilter", "--progress=none", "--errorlevel=none", "--excludefilter=startcaps",
                    "--excludefilter=simplecaps", "-i", po, "-o", out], check=True,
                   capture_output=True)
    flagged = set()
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            for m in re.finditer(r'^msgctxt "(.*)"$', f.read(), re.M):
                flagged.add(m.group(1))
    return flagged


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kealign", default="kealign")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--sets", default="lo,news")
    ap.add_argument("--halves", default="dev,test")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--no-pofilter", action="store_true")
    ap.add_argument("--keep", help="keep the planted documents and findings in this folder")
    ap.add_argument("--misses", type=int, default=0, help="print up to N missed errors per kind")
    ap.add_argument("--false", type=int, default=0, help="print up to N false majors")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--check-args", default="", help="extra arguments for kealign check")
    ap.add_argument("--extra-kinds", default="",
                    help="comma-separated kinds planted besides the twelve (word: a content word "
                         "replaced by another of the document); changes every planted error, so "
                         "its figures are not comparable with the default run's")
    a = ap.parse_args()
    global KINDS
    kinds_list = KINDS + [k for k in a.extra_kinds.split(",") if k]
    KINDS = kinds_list
    roots = {"lo": os.path.join(a.shared, "corpora", "libreoffice-help-ko-en-align"),
             "news": os.path.join(a.shared, "corpora", "kpc-news-ko-en")}
    work = a.keep or tempfile.mkdtemp(prefix="qa_inject.")
    os.makedirs(work, exist_ok=True)
    extra = a.check_args.split()
    halves = a.halves.split(",")
    pof = not a.no_pofilter and shutil.which("pofilter")
    print("| set | half | docs | links | planted | " + " | ".join(KINDS) +
          " | recall | recall, seed kinds | false majors / 200 links | flagged untouched links / 200 |")
    print("|---" * (len(KINDS) + 9) + "|")
    peer = []
    for set_name in a.sets.split(","):
        root = roots[set_name]
        names = sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root, n, "gold.tsv")))
        for half in halves:
            docs = [Doc(set_name, n, os.path.join(root, n)) for n in names
                    if half_of(set_name, n) == half]
            counts = {k: 0 for k in KINDS}
            jobs = []
            for d in docs:
                rng = random.Random(f"{a.seed}:{set_name}:{d.name}")
                ko, en, gold, planted = plant(d, rng, counts, kinds_list)
                folder = os.path.join(work, set_name, d.name)
                os.makedirs(folder, exist_ok=True)
                write(os.path.join(folder, "ko.sents"), ko)
                write(os.path.join(folder, "en.sents"), en)
                write(os.path.join(folder, "gold.tsv"), gold)
                jobs.append((d, folder, ko, en, planted))
            with ThreadPoolExecutor(a.jobs) as ex:
                planted_rows = list(ex.map(lambda j: run_check(a.kealign, j[1], extra), jobs))
                clean_rows = list(ex.map(lambda d: run_check(a.kealign, d.path, extra), docs))
            found = {k: 0 for k in KINDS}
            misses = {k: [] for k in KINDS}
            for (d, folder, ko, en, planted), rows in zip(jobs, planted_rows):
                for kind, kid, eid, _ in planted:
                    hit = [r for r in rows if r[3] in ("major", "minor") and
                           (r[0] & set(kid) or r[1] & set(eid))]
                    if hit:
                        found[kind] += 1
                    else:
                        misses[kind].append((d.name, [ko[i] for i in kid], [en[i] for i in eid]))
            links = majors = flagged = 0
            falses = []
            for d, rows in zip(docs, clean_rows):
                both = [(set(k), set(e)) for k, e in d.links if k and e]
                links += len(d.links)
                hit = set()
                for r in rows:
                    touched = [i for i, (k, e) in enumerate(both) if r[0] & k or r[1] & e]
                    if r[3] in ("major", "minor") and len(touched) <= 3:
                        hit.update(touched)
                    if r[3] != "major":
                        continue
                    if touched:
                        majors += 1
                        falses.append((d.name, r))
                flagged += len(hit)
            total = sum(counts.values())
            cells = [f"{found[k] / counts[k]:.2f} ({counts[k]})" if counts[k] else "-" for k in KINDS]
            rate = 200 * majors / links if links else 0
            seed_total = sum(counts[k] for k in SEED_KINDS)
            seed_found = sum(found[k] for k in SEED_KINDS)
            print(f"| {set_name} | {half} | {len(docs)} | {links} | {total} | " + " | ".join(cells) +
                  f" | {sum(found.values()) / max(1, total):.3f} | "
                  f"{seed_found / max(1, seed_total):.3f} | {rate:.2f} | "
                  f"{200 * flagged / links:.1f} |")
            for k in KINDS:
                for m in misses[k][:a.misses]:
                    sys.stderr.write(f"MISS {k} {m[0]}\n  ko: {m[1]}\n  en: {m[2]}\n")
            for name, r in falses[:a.false]:
                sys.stderr.write(f"FALSE {name} {sorted(r[0])} {sorted(r[1])} {r[2]}: {r[4]}\n")
            if pof:
                units, planted_keys, clean_keys = [], [], []
                for d, folder, ko, en, planted in jobs:
                    for kind, kid, eid, li in planted:
                        key = f"p:{d.name}:{li}"
                        units.append((key, " ".join(ko[i] for i in kid), " ".join(en[i] for i in eid)))
                        planted_keys.append((kind, key))
                    for li, (k, e) in enumerate(d.links):
                        if k and e:
                            key = f"c:{d.name}:{li}"
                            units.append((key, " ".join(d.ko[i] for i in k),
                                          " ".join(d.en[i] for i in e)))
                            clean_keys.append(key)
                flagged = pofilter_flags(units, work)
                pf = {k: 0 for k in KINDS}
                for kind, key in planted_keys:
                    pf[kind] += key in flagged
                cells = [f"{pf[k] / counts[k]:.2f}" if counts[k] else "-" for k in KINDS]
                fl = sum(key in flagged for key in clean_keys)
                seed_pf = sum(pf[k] for k in SEED_KINDS)
                seed_total = sum(counts[k] for k in SEED_KINDS)
                peer.append(f"| {set_name} | {half} | {len(docs)} | {links} | {total} | " +
                            " | ".join(cells) + f" | {sum(pf.values()) / max(1, total):.3f} | "
                            f"{seed_pf / max(1, seed_total):.3f} | {200 * fl / links:.2f} |")
    if peer:
        print()
        print("pofilter (Translate Toolkit; startcaps and simplecaps off); last column: flagged "
              "untouched units per 200 links")
        print()
        print("| set | half | docs | links | planted | " + " | ".join(KINDS) +
              " | recall | recall, seed kinds | flagged / 200 links |")
        print("|---" * (len(KINDS) + 8) + "|")
        for row in peer:
            print(row)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
