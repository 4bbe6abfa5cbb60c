"""The AppError family and the handlers that render every error as problem+json."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.models.common import Problem, ValidationProblem

log = logging.getLogger("claimtrail")

PROBLEM_JSON = "application/problem+json"
_HTTP_METHODS = {"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}


class AppError(Exception):
    status, title = 500, "Internal error"
    headers: dict[str, str] | None = None

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(AppError):
    status, title = 404, "Not found"


class Conflict(AppError):
    status, title = 409, "Conflict"


class Moved(AppError):
    """308: the resource lives at ``location`` now (a source merged into another)."""

    status, title = 308, "Permanent redirect"

    def __init__(self, detail: str, *, location: str) -> None:
        super().__init__(detail)
        self.headers = {"Location": location}


class Unauthorized(AppError):
    status, title = 401, "Unauthorized"
    headers = {"WWW-Authenticate": "ApiKey"}


class InvalidInput(AppError):
    """A 422 found by a service (bad cursor, unsearchable query, limit out of range)."""

    status, title = 422, "Unprocessable content"

    def __init__(self, detail: str, *, loc: tuple[str, ...] = (), type_: str = "value_error"):
        super().__init__(detail)
        self.errors = [{"loc": list(loc), "msg": detail, "type": type_}] if loc else []


class UnsupportedMediaType(AppError):
    status, title = 415, "Unsupported media type"


class ContentTooLarge(AppError):
    status, title = 413, "Content too large"


class UpstreamError(AppError):
    """A page to fetch could not be had: no such host, connection refused, an error status."""

    status, title = 502, "Bad gateway"


class UpstreamTimeout(AppError):
    status, title = 504, "Gateway timeout"


class ServiceUnavailable(AppError):
    status, title = 503, "Service unavailable"
    headers = {"Retry-After": "5"}


def problem_response(
    request_path: str,
    status: int,
    detail: str,
    *,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request_path,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(
        jsonable_encoder(body), status_code=status, media_type=PROBLEM_JSON, headers=headers
    )


def _clean_validation_errors(errors: Any) -> list[dict[str, Any]]:
    cleaned = []
    for err in errors:
        item = {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type")}
        cleaned.append(item)
    return cleaned


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    errors = getattr(exc, "errors", None)
    return problem_response(
        request.url.path,
        exc.status,
        exc.detail,
        title=exc.title,
        errors=errors if exc.status == 422 else None,
        headers=exc.headers,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    headers = exc.headers
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(status).phrase
    if status == 404 and detail == "Not Found":
        detail = f"no resource at {request.url.path}"
    elif status == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
        if allow := _allowed_methods(request):
            headers = {**(headers or {}), "Allow": allow}
    elif status == 413:
        # Same title as BodyLimitMiddleware's Content-Length check (one problem, one title).
        return problem_response(
            request.url.path,
            413,
            "the request body is larger than the configured limit",
            title=ContentTooLarge.title,
            headers=headers,
        )
    elif status == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
        # FastAPI answers an undecodable JSON body with a bare 400; malformed JSON is 422.
        return problem_response(
            request.url.path,
            422,
            "the request body is not valid JSON: it is not UTF-8",
            title="Unprocessable content",
            errors=[{"loc": ["body"], "msg": "body is not UTF-8", "type": "json_invalid"}],
        )
    return problem_response(request.url.path, status, detail, headers=headers)


def _allowed_methods(request: Request) -> str:
    """Every method served at this path: Starlette's 405 names only the first route that
    matched the path (``Allow: POST`` on /articles, which also has GET). Read from the
    OpenAPI paths (public and cached) rather than FastAPI's internal route tree."""
    methods: set[str] = set()
    paths = request.app.openapi().get("paths", {})
    for template, operations in paths.items():
        regex, _, _ = compile_path(template)
        if regex.match(request.url.path):
            methods |= {m.upper() for m in operations if m.upper() in _HTTP_METHODS}
    if "GET" in methods:
        methods.add("HEAD")  # app.main.HeadAsGetMiddleware
    return ", ".join(sorted(methods))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = exc.errors()
    errors = _clean_validation_errors(raw)
    fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in errors) or "request"
    detail = f"invalid input: {fields}"
    bad_json = next((e for e in raw if e.get("type") == "json_invalid"), None)
    if bad_json is not None:  # loc is ("body", <offset>): say so rather than "body.1"
        why = (bad_json.get("ctx") or {}).get("error", "malformed")
        where = bad_json["loc"][-1] if len(bad_json.get("loc", ())) > 1 else "?"
        detail = f"the request body is not valid JSON: {why} (at character {where})"
    return problem_response(
        request.url.path,
        422,
        detail,
        title="Unprocessable content",
        errors=errors,
    )


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.error("database unavailable: %s", exc.__class__.__name__, exc_info=exc)
    return problem_response(
        request.url.path,
        503,
        "the database is unavailable; retry later",
        title="Service unavailable",
        headers={"Retry-After": "5"},
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        request.url.path, 500, "an unexpected error occurred", title="Internal error"
    )


async def _data_error(request: Request, exc: Exception) -> JSONResponse:
    # A value the database refuses (e.g. out of its range): the input's fault, not ours.
    log.warning("database refused a value on %s %s: %s", request.method, request.url.path, exc)
    return problem_response(
        request.url.path,
        422,
        "a value of the request is not acceptable",
        title="Unprocessable content",
        errors=[],
    )


async def _dbapi_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DBAPIError)
    if exc.connection_invalidated:
        return await _database_unavailable(request, exc)
    return await _unexpected(request, exc)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(PoolTimeoutError, _database_unavailable)
    app.add_exception_handler(DataError, _data_error)
    app.add_exception_handler(DBAPIError, _dbapi_error)
    app.add_exception_handler(Exception, _unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry of a route for the problems it can answer."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        model = ValidationProblem if status == 422 else Problem
        out[status] = {
            "model": model,
            "description": HTTPStatus(status).phrase,
            "content": {
                PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
            },
        }
    return out


class _BodyTooLarge(StarletteHTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=413, detail="Content Too Large")


class BodyLimitMiddleware:
    """413 problem+json for bodies over ``max_body_bytes``: by Content-Length, or while
    the body streams in (chunked uploads carry no Content-Length)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            scope.get("path", ""),
            413,
            f"the request body is larger than {self.max_body_bytes} bytes",
            title="Content too large",
        )
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = 0
                if length > self.max_body_bytes:
                    await self._reject(scope, receive, send)
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if started:
                raise
            await self._reject(scope, receive, send)
