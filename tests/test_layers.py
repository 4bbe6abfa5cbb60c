"""The extraction library stays free of the web and database layers."""

import subprocess
import sys


def test_layers_extraction_imports_no_web_or_db() -> None:
    code = (
        "import sys, app.extraction\n"
        "bad = [m for m in ('fastapi', 'sqlmodel', 'sqlalchemy', 'app.config', 'app.api', 'app.db')"
        " if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
