#!/usr/bin/env python3
"""Writes the input of `kealign stream` for a folder of document pairs (one sub-folder per pair,
as align-set reads it), to standard output.

  bench/stream_input.py ROOT [--names ko en] [--ext .txt] [--paths] [--format jsonl|tsv] [--base64]

JSON Lines by default, one {"id": FOLDER, "ko": TEXT, "en": TEXT} per pair in sorted folder order
(--paths: "ko_path"/"en_path" instead of the texts); --format tsv writes a header row and
bitextor-style columns src_url, trg_url, src_text, trg_text (texts TSV-escaped, or base64)."""
import argparse
import base64
import json
import os
import sys


def escape_tsv(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root")
    ap.add_argument("--names", nargs=2, default=["ko", "en"])
    ap.add_argument("--ext", default=".txt")
    ap.add_argument("--paths", action="store_true")
    ap.add_argument("--format", choices=["jsonl", "tsv"], default="jsonl")
    ap.add_argument("--base64", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pairs")
    args = ap.parse_args()
    folders = sorted(d for d in os.listdir(args.root) if os.path.isdir(os.path.join(args.root, d)))
    folders = [d for d in folders
               if all(os.path.isfile(os.path.join(args.root, d, n + args.ext)) for n in args.names)]
    if args.limit:
        folders = folders[: args.limit]
    out = sys.stdout
    if args.format == "tsv":
        out.write("src_url\ttrg_url\tsrc_text\ttrg_text\n" if not args.paths else "id\tko_path\ten_path\n")
    for d in folders:
        paths = [os.path.join(args.root, d, n + args.ext) for n in args.names]
        if args.paths:
            if args.format == "jsonl":
                out.write(json.dumps({"id": d, "ko_path": paths[0], "en_path": paths[1]}, ensure_ascii=False) + "\n")
            else:
                out.write(f"{d}\t{paths[0]}\t{paths[1]}\n")
            continue
        texts = [open(p, encoding="utf-8", newline="").read() for p in paths]
        if args.format == "jsonl":
            out.write(json.dumps({"id": d, "ko": texts[0], "en": texts[1]}, ensure_ascii=False) + "\n")
        else:
            cells = [base64.b64encode(t.encode()).decode() if args.base64 else escape_tsv(t) for t in texts]
            out.write(f"{d}/{args.names[0]}\t{d}/{args.names[1]}\t{cells[0]}\t{cells[1]}\n")


if __name__ == "__main__":
    main()
