"""Responses whose body is encoded once, by orjson, from the dicts the read services build.

FastAPI would validate a returned object against the response model again (in a second
threadpool trip for a plain ``def`` route) and encode it with ``json.dumps``; a read route
returns ``JSONBody`` instead, and its ``response_model`` only documents the schema
(tests/api/test_openapi.py checks the bodies against it).
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

# Dates as YYYY-MM-DD, UTC datetimes ending in Z: what pydantic wrote before.
_OPTIONS = orjson.OPT_UTC_Z


def dump_json(content: Any) -> bytes:
    return orjson.dumps(content, option=_OPTIONS)


class JSONBody(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dump_json(content)
