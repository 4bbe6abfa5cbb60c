"""Throughput of the whole extraction against the bare spaCy pipeline, in one run.

Usage: python scripts/benchmark_extraction.py DATA_DIR [--limit N] [--warmup N] [--repeat N]

Reads DATA_DIR/text/*.txt (a PolNeAR-format directory; nothing of it is copied), then times
over the same texts:

* ``spacy``   — the bare pipeline: ``nlp.pipe`` over the same paragraph split that the
  extraction uses (``app.extraction.parse.paragraph_ranges``), all components enabled;
* ``extract`` — ``app.extraction.extract`` (parsing included), with a publication date so
  the date stage does its work.

A warm-up first runs every text through both (spaCy's vocabulary grows on first sight of a
word, which would otherwise favour whichever side runs second).

Prints words/s and articles/s of each, the ratio extract/spacy, and the peak RSS of the
process (``resource.getrusage``, ``ru_maxrss``). CPU time (``time.process_time``) is
reported beside wall time because the machine is shared. Progress goes to stderr, the
table to stdout.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.extraction import ExtractionConfig, extract  # noqa: E402
from app.extraction.parse import get_parser, paragraph_ranges  # noqa: E402

PUBLISHED = date(2016, 10, 1)


def _words(text: str) -> int:
    return len(text.split())


def _progress(label: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{label}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)
    elif done == total or done % 20 == 0:
        print(f"{label}: {done}/{total}", file=sys.stderr)


def _time(label: str, texts: list[str], run: Callable[[str], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``run`` over all texts."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for k, text in enumerate(texts, 1):
        run(text)
        _progress(label, k, len(texts))
    return time.perf_counter() - wall0, time.process_time() - cpu0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path, help="directory with a text/ subdirectory of .txt")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument(
        "--warmup",
        type=int,
        default=-1,
        help="articles run through both sides before timing (default: all, so that the "
        "vocabulary and caches are equally warm for both)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="time each side N times, keep best")
    args = ap.parse_args(argv)

    files = sorted((args.data_dir / "text").glob("*.txt"))
    if args.limit is not None:
        files = files[: args.limit]
    if not files:
        print(f"no texts under {args.data_dir / 'text'}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(_words(t) for t in texts)
    print(f"{len(texts)} articles, {words} words", file=sys.stderr)

    config = ExtractionConfig()
    load0 = time.perf_counter()
    parser = get_parser(config)
    load_s = time.perf_counter() - load0
    nlp = parser.nlp

    def bare(text: str) -> None:
        ranges = list(paragraph_ranges(text, max_chars=config.max_chunk_chars))
        for _ in nlp.pipe([text[s:e] for s, e in ranges], batch_size=64):
            pass

    def full(text: str) -> None:
        extract(text, published_at=PUBLISHED, config=config, parser=parser)

    # warm-up: first calls load lazily (dateparser's language data, vectors, caches)
    warm = texts if args.warmup < 0 else texts[: args.warmup]
    for k, text in enumerate(warm, 1):
        bare(text)
        full(text)
        _progress("warm-up", k, len(warm))
    print("warm-up done", file=sys.stderr)

    results: dict[str, tuple[float, float]] = {}
    sides: list[tuple[str, Callable[[str], object]]] = [("spacy", bare), ("extract", full)]
    for round_ in range(max(1, args.repeat)):
        # alternate the order so neither side always runs on a warmer machine
        for label, run in sides if round_ % 2 == 0 else sides[::-1]:
            wall, cpu = _time(label, texts, run)
            best = results.get(label)
            if best is None or wall < best[0]:
                results[label] = (wall, cpu)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    n = len(texts)
    print(f"model {parser.model_name} (loaded in {load_s:.2f} s); {n} articles, {words} words")
    header = f"{'pipeline':<10}{'wall s':>9}{'cpu s':>9}{'words/s':>11}{'articles/s':>12}"
    header += f"{'words/cpu-s':>13}"
    print(header)
    for label in ("spacy", "extract"):
        wall, cpu = results[label]
        print(
            f"{label:<10}{wall:>9.2f}{cpu:>9.2f}{words / wall:>11.0f}{n / wall:>12.2f}"
            f"{words / cpu if cpu else 0:>13.0f}"
        )
    ratio = results["spacy"][0] / results["extract"][0]
    cpu_ratio = results["spacy"][1] / results["extract"][1] if results["extract"][1] else 0.0
    print(f"extract/spacy throughput: {ratio:.1%} (wall), {cpu_ratio:.1%} (cpu)")
    print(f"peak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
