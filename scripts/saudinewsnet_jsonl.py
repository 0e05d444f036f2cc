#!/usr/bin/env python3
"""Write SaudiNewsNet (daily zips of JSON arrays) as JSON Lines on stdout.

    scripts/saudinewsnet_jsonl.py [DIR] [--limit N] > news.jsonl

One record a line, in the order of the zips' names and of the articles in
each array: {"id", "title", "text", "date", "source"}, the fields analyze's
JSON Lines reader takes by default. The id is "snn/<zip date>/<index>", unique
over the corpus (the articles' urls are not). An article without content gets
an empty text, so every line is a valid record. Standard library only; the
output is meant for a temporary directory, never for the repository.
"""

import argparse
import json
import pathlib
import sys
import zipfile


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", default="../shared/corpora/saudinewsnet")
    ap.add_argument("--limit", type=int, default=0, help="stop after N records (0: all)")
    args = ap.parse_args()
    zips = sorted(pathlib.Path(args.dir).glob("*.zip"))
    if not zips:
        print(f"saudinewsnet_jsonl: no .zip files in {args.dir}", file=sys.stderr)
        return 2
    out = sys.stdout
    n = 0
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for member in sorted(zf.namelist()):
                if not member.endswith(".json"):
                    continue
                articles = json.loads(zf.read(member).decode("utf-8"))
                for i, a in enumerate(articles):
                    rec = {
                        "id": f"snn/{z.stem}/{i}",
                        "title": a.get("title") or "",
                        "text": a.get("content") or "",
                        "date": a.get("date_extracted") or "",
                        "source": a.get("source") or "",
                    }
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
                    if args.limit and n >= args.limit:
                        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
