"""Throughput of cue and content finding alone, on parses made beforehand.

Usage: python scripts/benchmark_cues.py DATA_DIR [--limit N] [--repeat N]

Parses the first N texts of DATA_DIR/text/*.txt once (a PolNeAR-format directory; nothing
of it is copied), then times ``find_cues`` and ``find_content`` over every paragraph,
``--repeat`` times, and prints the best CPU time (``time.process_time``: the machine is
shared) as tokens/s. Parsing is left out, so the rules' own cost shows: the lexicon lookups
and the rule dispatch. Compare two checkouts by running it in each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.extraction.contents import find_content
from app.extraction.cues import find_cues
from app.extraction.parse import get_parser


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--limit", type=int, default=20, help="texts to parse (default 20)")
    ap.add_argument("--repeat", type=int, default=15, help="timed runs; the best counts")
    args = ap.parse_args(argv)
    files = sorted((args.data_dir / "text").glob("*.txt"))[: args.limit]
    if not files:
        print(f"no texts in {args.data_dir / 'text'}", file=sys.stderr)
        return 2
    parser = get_parser()
    docs = [p.doc for f in files for p in parser.parse(f.read_text(encoding="utf-8")).paragraphs]
    tokens = sum(len(d) for d in docs)
    best, found = float("inf"), 0
    for _ in range(args.repeat):
        start, found = time.process_time(), 0
        for i, doc in enumerate(docs):
            for cue in find_cues(doc, para=i):
                find_content(doc, cue, None)
                found += 1
        best = min(best, time.process_time() - start)
    print(
        f"{len(files)} texts, {tokens} tokens, {found} cues: best of {args.repeat} "
        f"{best * 1000:.0f} ms CPU = {tokens / best:,.0f} tokens/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
