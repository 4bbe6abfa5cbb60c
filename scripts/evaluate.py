"""Score the extraction library on a PolNeAR-format directory.

Usage:
    python scripts/evaluate.py DATA_DIR [--out pred.jsonl] [--limit N] [--errors]
                               [--every K [--offset I]]
                               [--score-py ../shared/tools/attreval/score.py]

DATA_DIR holds ``text/*.txt`` (and ``attributions/*.ann`` for the scorer). Publication dates
and titles come from ``DATA_DIR/metadata.tsv`` or ``DATA_DIR/../metadata.tsv`` when present.
Writes predictions in attreval's JSONL format (source = the source mention, cue, content =
the content fragments) and prints score.py's table. Left out, as PolNeAR does not annotate
them: EDITORIAL claims, and statements found inside a news medium's report ("Prosecutors on
Friday requested ..., news agencies reported": the report is scored, "requested" is not;
``--with-reported`` keeps them).
``--errors`` also prints, per document, the gold attributions nobody matched (FN) and the
predictions that matched nothing (FP).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.extraction import AttributionKind, ExtractionConfig, extract, get_parser  # noqa: E402

DEFAULT_SCORE_PY = Path(__file__).resolve().parent.parent.parent / "shared/tools/attreval/score.py"


def read_metadata(data_dir: Path) -> dict[str, tuple[date | None, str | None]]:
    for path in (data_dir / "metadata.tsv", data_dir.parent / "metadata.tsv"):
        if path.is_file():
            out: dict[str, tuple[date | None, str | None]] = {}
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    name = row.get("filename") or ""
                    try:
                        day: date | None = date.fromisoformat(row.get("publication_date") or "")
                    except ValueError:
                        day = None
                    out[name] = (day, row.get("title") or None)
            return out
    return {}


def predict(
    data_dir: Path,
    out_path: Path,
    limit: int | None,
    *,
    use_title: bool,
    every: int = 1,
    offset: int = 0,
    with_reported: bool = False,
) -> int:
    files = sorted((data_dir / "text").glob("*.txt"))
    if every > 1 or offset:
        files = files[offset :: max(every, 1)]
    if limit:
        files = files[:limit]
    meta = read_metadata(data_dir)
    config = ExtractionConfig(include_editorial=False)
    parser = get_parser(config)
    t0 = time.perf_counter()
    words = 0
    with out_path.open("w", encoding="utf-8") as out:
        for n, f in enumerate(files, 1):
            with f.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
            words += len(text.split())
            published_at, title = meta.get(f.stem, (None, None))
            atts = extract(
                text,
                published_at=published_at,
                title=title if use_title else None,
                config=config,
                parser=parser,
            )
            rows = [
                {
                    "source": [a.source_mention.start, a.source_mention.end]
                    if a.source_mention
                    else None,
                    "cue": [a.cue.start, a.cue.end] if a.cue else None,
                    "content": [[s.start, s.end] for s in a.content_fragments],
                    "kind": str(a.kind),
                }
                for a in atts
                if a.kind is not AttributionKind.EDITORIAL
                and (with_reported or a.reported_in is None)
            ]
            out.write(json.dumps({"doc_id": f.stem, "attributions": rows}) + "\n")
            el = time.perf_counter() - t0
            print(
                f"\r{n}/{len(files)} docs, {words / max(el, 1e-9):,.0f} words/s",
                end="",
                file=sys.stderr,
                flush=True,
            )
    print(file=sys.stderr)
    return len(files)


def load_score_module(score_py: Path):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(score_py.parent))
    spec = importlib.util.spec_from_file_location("attreval_score", score_py)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {score_py}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def print_errors(score, data_dir: Path, pred_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gold import load_gold  # type: ignore[import-not-found]  # next to score.py

    gold = load_gold(str(data_dir))
    preds, _ = score.load_predictions(str(pred_path))
    for doc_id in sorted(preds):
        if doc_id not in gold:
            continue
        text = gold[doc_id]["text"]
        doc = score.Doc(text)
        roles = score.ROLES
        golds = score._sort_atts(
            [
                {r: score.to_spans(a.get(r), len(text)) for r in roles}
                for a in gold[doc_id]["attributions"]
            ]
        )
        golds = [g for g in golds if g["content"]]
        ps = score._sort_atts(
            [{r: score.to_spans(a.get(r), len(text)) for r in roles} for a in preds[doc_id]]
        )
        pairs = score.greedy_match(doc, ps, golds)
        mp = {pi for pi, _ in pairs}
        mg = {gi for _, gi in pairs}

        def show(a, text=text):  # type: ignore[no-untyped-def]
            def part(role, a=a):  # type: ignore[no-untyped-def]
                return " | ".join(text[s:e] for s, e in a[role]).replace("\n", " ")

            return f"  S[{part('source')}] C[{part('cue')}] T[{part('content')[:160]}]"

        print(f"=== {doc_id}")
        for gi, g in enumerate(golds):
            if gi not in mg:
                print("FN" + show(g))
        for pi, p in enumerate(ps):
            if pi not in mp:
                print("FP" + show(p))
        for pi, gi in pairs:
            p, g = ps[pi], golds[gi]
            if not (
                (not p["source"] and not g["source"])
                or (p["source"] and g["source"] and doc.overlap(p["source"], g["source"]) > 0)
            ):
                print("SRC gold" + show(g))
                print("    pred" + show(p))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--out", type=Path, help="predictions JSONL (default: a temporary file)")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument(
        "--every", type=int, default=1, help="only every K-th document (sample across publishers)"
    )
    ap.add_argument("--offset", type=int, default=0, help="start the --every sample at this index")
    ap.add_argument("--errors", action="store_true", help="print unmatched gold and predictions")
    ap.add_argument("--score-py", type=Path, default=DEFAULT_SCORE_PY)
    ap.add_argument(
        "--with-reported",
        action="store_true",
        help="also score statements found inside a news medium's report",
    )
    ap.add_argument(
        "--title",
        action="store_true",
        help="pass the metadata title to extract (drops the headline paragraph)",
    )
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    predict(
        args.data_dir,
        out,
        args.limit,
        use_title=args.title,
        every=args.every,
        offset=args.offset,
        with_reported=args.with_reported,
    )
    score = load_score_module(args.score_py)
    res = score.run(
        str(args.data_dir),
        str(out),
        only_predicted_docs=bool(args.limit or args.every > 1 or args.offset),
    )
    if args.errors:
        print_errors(score, args.data_dir, out)
    print(score.format_table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
