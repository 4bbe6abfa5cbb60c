"""Score the measure of figures (deaths, injured, ..., other) against hand labels.

Usage:
    python scripts/score_measures.py GOLD.jsonl TEXT_DIR [--errors]

GOLD.jsonl holds one hand-labelled quantity a line: ``{"file", "start", "end", "text",
"measure"}`` with character offsets into ``TEXT_DIR/<file>``. Each file is parsed paragraph by
paragraph (as the pipeline does) and ``find_quantities`` is run over each sentence; a gold
quantity is matched by the predicted quantity whose span overlaps it. Prints accuracy over
the matched quantities, how many were not found at all, per-measure precision/recall and the
confusion matrix; ``--errors`` lists every disagreement with its sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.extraction import ExtractionConfig, get_parser  # noqa: E402
from app.extraction.measures import MEASURES, OTHER  # noqa: E402
from app.extraction.parse import paragraph_ranges  # noqa: E402
from app.extraction.quantities import find_quantities  # noqa: E402
from app.extraction.types import Quantity  # noqa: E402


def predict(text: str, parser: object) -> list[Quantity]:
    found: list[Quantity] = []
    nlp = parser.nlp  # type: ignore[attr-defined]
    for start, end in paragraph_ranges(text):
        doc = nlp(text[start:end])
        for sent in doc.sents:
            found.extend(
                find_quantities(
                    doc, start + sent.start_char, start + sent.end_char, offset=start, text=text
                )
            )
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("text_dir", type=Path)
    ap.add_argument("--errors", action="store_true", help="print every disagreement")
    args = ap.parse_args(argv)

    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_file[g["file"]].append(g)
    parser = get_parser(ExtractionConfig())
    confusion: Counter[tuple[str, str]] = Counter()
    missed = 0
    for name, items in sorted(by_file.items()):
        text = (args.text_dir / name).read_text(encoding="utf-8")
        predicted = predict(text, parser)
        for g in items:
            hit = next(
                (q for q in predicted if q.span.start < g["end"] and g["start"] < q.span.end),
                None,
            )
            if hit is None:
                missed += 1
                if args.errors:
                    print(f"NOT FOUND {name}:{g['start']} {g['text']!r}")
                continue
            confusion[(g["measure"], hit.measure)] += 1
            if args.errors and hit.measure != g["measure"]:
                lo = text.rfind("\n", 0, g["start"]) + 1
                hi = text.find("\n", g["end"])
                context = text[
                    max(lo, g["start"] - 120) : min(hi if hi > 0 else len(text), g["end"] + 80)
                ]
                print(f"gold {g['measure']:<9} got {hit.measure:<9} {g['text']!r}: {context!r}")

    matched = sum(confusion.values())
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    print(f"gold quantities: {len(gold)}, found: {matched}, not found: {missed}")
    print(f"measure accuracy on found: {correct}/{matched} = {correct / max(matched, 1):.3f}")
    labels = [*MEASURES, OTHER]
    print(f"{'measure':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6}")
    for m in labels:
        g_n = sum(n for (g, _), n in confusion.items() if g == m)
        p_n = sum(n for (_, p), n in confusion.items() if p == m)
        tp = confusion[(m, m)]
        if g_n or p_n:
            print(f"{m:<10} {g_n:>5} {p_n:>5} {tp / max(p_n, 1):>6.3f} {tp / max(g_n, 1):>6.3f}")
    print(
        "confusion (gold -> predicted): "
        + ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(confusion.items()) if g != p)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
