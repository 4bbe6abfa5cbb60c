"""``claimtrail worker`` with the fake extractor, for the queue tests: a real worker process
on the real queue and database, without the NLP model's load time.

Run as ``python -m tests.queue_worker [--burst] [--name N]`` from the repository root with
the usual CLAIMTRAIL_* variables. CLAIMTRAIL_TEST_EXTRACT_SECONDS makes every extraction
take that long (a window to kill the worker in); a text containing UNPARSEABLE raises
ExtractionError as the real library does on text it cannot process.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date

from app.config import get_settings
from app.extraction.types import Attribution, ExtractionError
from app.services.jobs import run_worker
from tests.factories import fake_extract

DELAY = float(os.environ.get("CLAIMTRAIL_TEST_EXTRACT_SECONDS", "0"))


def slow_fake_extract(
    text: str, *, published_at: date | None, title: str | None
) -> list[Attribution]:
    if "UNPARSEABLE" in text:
        raise ExtractionError("no sentence found", offset=0)
    time.sleep(DELAY)
    return fake_extract(text, published_at=published_at, title=title)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--burst", action="store_true")
    parser.add_argument("--name")
    args = parser.parse_args()
    return run_worker(get_settings(), extractor=slow_fake_extract, burst=args.burst, name=args.name)


if __name__ == "__main__":
    sys.exit(main())
