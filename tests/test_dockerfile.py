"""The Dockerfile, checked without a Docker engine: what it copies exists, and the
healthcheck follows the port the server is configured to use."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _instructions() -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    out = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_copies_only_what_exists() -> None:
    ignored = {"tests", "scripts", ".venv", ".uv", "data"}
    for word, rest in _instructions():
        if word != "COPY" or rest.startswith("--from"):
            continue
        *sources, _dest = shlex.split(rest)
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: missing"
            assert source not in ignored, f"COPY {source}: excluded by .dockerignore"


def test_dockerfile_healthcheck_follows_claimtrail_port(tmp_path) -> None:
    (healthcheck,) = [rest for word, rest in _instructions() if word == "HEALTHCHECK"]
    command = json.loads(healthcheck.split(" CMD ", 1)[1])
    assert command[:2] == ["python", "-c"]
    # run the check's code against a port nothing listens on: it must try that port
    code = command[2].replace("urllib.request.urlopen(", "print(").replace(", timeout=4)", ")")
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"CLAIMTRAIL_PORT": "9123"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "http://127.0.0.1:9123/health"
