"""Score WHO through the live API: does each claim land on the right real-world source?

Usage:
    python scripts/evaluate_who.py DATA_DIR [--entities FILE] [--base-url URL]
                                   [--attreval DIR] [--out pred.jsonl] [--show N]

Without ``--base-url`` it starts ``claimtrail serve`` on a free local port with a fresh
SQLite database in a temporary directory (so earlier data cannot help or hurt), posts every
article of ``DATA_DIR/text`` with attreval's ``api_predict.py``, prints ``who_score.py``'s
report (B-cubed over source ids across all articles, accuracy per mention kind,
fragmentation of the most frequent entities) and ``score.py``'s extraction table, then
stops the server. ``--entities`` defaults to ``DATA_DIR/entities.jsonl``; ``--attreval``
to ``../shared/tools/attreval`` beside the repository.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ATTREVAL = ROOT.parent / "shared" / "tools" / "attreval"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(base_url: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/ready", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def _run(args: list[str]) -> None:
    print("$", " ".join(args), flush=True)
    subprocess.run(args, check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--entities", type=Path)
    ap.add_argument("--base-url")
    ap.add_argument("--attreval", type=Path, default=DEFAULT_ATTREVAL)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show", type=int, default=0, help="list N wrongly resolved mentions")
    args = ap.parse_args(argv)
    entities = args.entities or args.data_dir / "entities.jsonl"
    for path in (args.data_dir / "text", entities, args.attreval / "who_score.py"):
        if not path.exists():
            raise SystemExit(f"not found: {path}")
    with tempfile.TemporaryDirectory(prefix="claimtrail-who-") as tmp:
        out = args.out or Path(tmp) / "pred.jsonl"
        proc = None
        base_url = args.base_url
        if base_url is None:
            port = _free_port()
            base_url = f"http://127.0.0.1:{port}"
            env = {
                **os.environ,
                "CLAIMTRAIL_DATABASE_URL": f"sqlite:///{tmp}/who.db",
                "CLAIMTRAIL_API_KEYS": "",
            }
            serve = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
            proc = subprocess.Popen(serve, cwd=ROOT, env=env)  # noqa: S603
        try:
            if proc is not None:
                _wait_ready(base_url, proc)
            py = sys.executable
            predict = str(args.attreval / "api_predict.py")
            _run(
                [
                    py,
                    predict,
                    "--base-url",
                    base_url,
                    "--data",
                    str(args.data_dir),
                    "--out",
                    str(out),
                ]
            )
            who = [
                py,
                str(args.attreval / "who_score.py"),
                str(args.data_dir),
                str(entities),
                str(out),
            ]
            _run(who + (["--show", str(args.show)] if args.show else []))
            _run([py, str(args.attreval / "score.py"), str(args.data_dir), str(out)])
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
