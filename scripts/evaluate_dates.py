"""Score the dates of extracted statements against a hand-labelled date gold.

Usage:
    python scripts/evaluate_dates.py DATA_DIR GOLD [--show]

DATA_DIR is a PolNeAR-format directory (``text/*.txt``; publication dates from
``DATA_DIR/metadata.tsv`` or ``DATA_DIR/../metadata.tsv``, as for ``evaluate.py``). GOLD is a
JSON-lines file, one gold statement a line::

    {"doc_id": "...", "gold_id": "E2", "cue": [[s, e]], "content": [[s, e], ...],
     "said_on": "2016-09-15" | null, "precision": "day" | "week" | "month" | "year" | null,
     "said_on_text": "on Thursday", "note": "..."}

``cue`` and ``content`` are character spans of the gold attribution in the article text;
``said_on`` is when the statement was made as far as the text gives it (null when it does
not). Each gold statement is matched to the extracted attribution whose cue overlaps its
cue (the most content overlap among several), else to the one with the most content
overlap; an unmatched statement counts as undated. Prints accuracy on every statement
(exact date and precision, and date only), on the dated and on the undated ones, and per
precision. ``--show`` lists the statements that went wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import read_metadata  # noqa: E402

from app.extraction import (  # noqa: E402
    Attribution,
    AttributionKind,
    ExtractionConfig,
    extract,
    get_parser,
)

Spans = list[list[int]]


def load_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _overlap(a: Spans, b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(item: dict[str, Any], atts: list[Attribution]) -> Attribution | None:
    """The extracted attribution that stands for the gold statement, if any."""

    def content_overlap(a: Attribution) -> int:
        return _overlap(item["content"], [(f.start, f.end) for f in a.content_fragments])

    by_cue = [
        a for a in atts if a.cue is not None and _overlap(item["cue"], [(a.cue.start, a.cue.end)])
    ]
    if by_cue:
        return max(by_cue, key=content_overlap)
    by_content = [a for a in atts if content_overlap(a) > 0]
    return max(by_content, key=content_overlap) if by_content else None


def predict(data_dir: Path, gold: list[dict[str, Any]]) -> list[tuple[Attribution | None, bool]]:
    """For each gold statement, its extracted attribution (or None) and whether one matched."""
    meta = read_metadata(data_dir)
    config = ExtractionConfig(include_editorial=False)
    parser = get_parser(config)
    by_doc: dict[str, list[Attribution]] = {}
    out = []
    for item in gold:
        doc_id = item["doc_id"]
        if doc_id not in by_doc:
            path = data_dir / "text" / f"{doc_id}.txt"
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
            published_at = meta.get(doc_id, (None, None))[0]
            if published_at is None and item.get("published_at"):
                published_at = date.fromisoformat(item["published_at"])
            atts = extract(text, published_at=published_at, config=config, parser=parser)
            by_doc[doc_id] = [a for a in atts if a.kind is not AttributionKind.EDITORIAL]
        found = match(item, by_doc[doc_id])
        out.append((found, found is not None))
    return out


def score(gold: list[dict[str, Any]], preds: list[tuple[Attribution | None, bool]]) -> str:
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for item, (att, matched) in zip(gold, preds, strict=True):
        said = att.said_on if att is not None else None
        got = (said.date.isoformat(), str(said.precision)) if said else (None, None)
        want = (item["said_on"], item["precision"])
        groups = ["all", "dated" if want[0] else "undated"]
        if want[0]:
            groups.append(f"  {want[1]}")
        for g in groups:
            rows[g]["n"] += 1
            rows[g]["matched"] += matched
            rows[g]["exact"] += got == want
            rows[g]["date"] += got[0] == want[0]
            rows[g]["dated"] += got[0] is not None
    lines = [f"{'statements':<12}{'n':>5}{'matched':>9}{'exact':>8}{'date':>8}{'dated':>8}"]
    order = ["all", "dated", *sorted(k for k in rows if k.startswith("  ")), "undated"]
    for g in order:
        if g not in rows:
            continue
        c = rows[g]
        n = c["n"]
        lines.append(
            f"{g:<12}{n:>5}{c['matched']:>9}{c['exact'] / n:>8.3f}{c['date'] / n:>8.3f}"
            f"{c['dated']:>8}"
        )
    lines.append(
        "exact = date and precision right (null = null); date = date right; "
        "dated = statements given a date"
    )
    return "\n".join(lines)


def show_errors(gold: list[dict[str, Any]], preds: list[tuple[Attribution | None, bool]]) -> None:
    for item, (att, matched) in zip(gold, preds, strict=True):
        said = att.said_on if att is not None else None
        got = (said.date.isoformat(), str(said.precision)) if said else (None, None)
        if got == (item["said_on"], item["precision"]):
            continue
        cue = att.cue.text if att is not None and att.cue is not None else "-"
        print(
            f"{item['doc_id'][:40]} {item['gold_id']}: gold {item['said_on']} {item['precision']} "
            f"({item['said_on_text']}) | got {got[0]} {got[1]} "
            f"({said.text if said else ''}) | cue {cue!r}{'' if matched else ' UNMATCHED'}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--show", action="store_true", help="list the statements dated wrongly")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    preds = predict(args.data_dir, gold)
    if args.show:
        show_errors(gold, preds)
    print(score(gold, preds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
