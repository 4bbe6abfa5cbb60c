"""Engine, sessions and column types shared by every model.

Sessions are opened and closed inside the function that runs in the threadpool (see
``Database.session``): a ``yield`` Session dependency in a sync route deadlocks under load
(fastapi#3205), because the connection is only returned in the dependency's exit, which
itself waits for a free worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, DateTime, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION

# The largest id either database can hold in our INTEGER primary keys (PostgreSQL int4).
MAX_ID = 2**31 - 1

# SQLite: a counter that triggers bump with every change to a table the lists read
# (migration b7d5e2a9c4f1; app/api/fast.py keeps pages under it).
READ_VERSION_TABLE = "read_version"


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp; SQLite hands back naive datetimes, this restores UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Full-text search objects live outside the models (FTS5 virtual tables and their shadow
# tables on SQLite, GIN expression indexes on PostgreSQL, all named with "_fts"), and so does
# SQLite's read_version counter: the migrations own them, and autogenerate comparisons must
# leave them alone.
def is_model_object(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic ``include_name`` filter: False for the full-text search objects and the
    read_version counter."""
    if name is None:
        return True
    if type_ == "table" and ("_fts" in name or name == READ_VERSION_TABLE):
        return False
    return not (type_ == "index" and name.endswith("_fts"))


def utcnow() -> datetime:
    return datetime.now(UTC)


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    max_overflow: int = 10,
    pool_timeout: float = 30.0,
    connect_timeout: int = 5,
    sqlite_busy_timeout_ms: int = 30_000,
) -> Engine:
    """An engine for ``url``; on SQLite: WAL, busy timeout, foreign keys, real SAVEPOINTs."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        path = _sqlite_file(url)
        connect_args = {"check_same_thread": False, "timeout": sqlite_busy_timeout_ms / 1000}
        if path is None:  # in-memory: one shared connection (tests, tooling)
            engine = create_engine(url, connect_args=connect_args, poolclass=StaticPool)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                url,
                connect_args=connect_args,
                pool_size=pool_size,
                max_overflow=max_overflow,
                pool_timeout=pool_timeout,
            )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # The documented pysqlite workaround: let SQLAlchemy emit BEGIN itself so that
            # SAVEPOINT and transactional DDL behave.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(sqlite_busy_timeout_ms)}")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # Writers take the lock up front (BEGIN IMMEDIATE): a deferred transaction that
            # reads and then writes fails at once with SQLITE_BUSY when another writer won.
            conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

        return engine
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_timeout=pool_timeout,
        pool_pre_ping=True,
        connect_args={"connect_timeout": connect_timeout} if backend == "postgresql" else {},
    )


@dataclass(frozen=True, slots=True)
class SQL:
    """A compiled statement: its text and, for positional drivers (SQLite), the order of
    its parameters (PostgreSQL's driver takes them by name)."""

    text: str
    names: tuple[str, ...] | None
    fixed: dict[str, Any]


class Cursor:
    """A driver cursor that runs ``SQL`` with named values; dates go to SQLite as ISO text
    (what SQLAlchemy's Date type stores there)."""

    __slots__ = ("_cur", "_sqlite")

    def __init__(self, cur: Any, sqlite: bool) -> None:
        self._cur = cur
        self._sqlite = sqlite

    @property
    def is_sqlite(self) -> bool:
        return self._sqlite

    def execute(self, sql: SQL, values: dict[str, Any]) -> list[tuple[Any, ...]]:
        if sql.fixed:
            values = {**sql.fixed, **values}
        if sql.names is None:
            self._cur.execute(sql.text, values)
        else:
            params = [values[name] for name in sql.names]
            if self._sqlite:
                params = [v.isoformat() if isinstance(v, date) else v for v in params]
            self._cur.execute(sql.text, params)
        return self._cur.fetchall()  # type: ignore[no-any-return]

    def execute_text(self, text: str, params: Any) -> list[tuple[Any, ...]]:
        self._cur.execute(text, params)
        return self._cur.fetchall()  # type: ignore[no-any-return]


class Database:
    """The handle routes pass to services: an engine plus how to open sessions on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._sql: dict[Hashable, SQL] = {}
        self._cursor: ContextVar[Cursor | None] = ContextVar(f"cursor_{id(self)}", default=None)
        # SQLite has one writer at a time; serialising our own writers in-process avoids
        # busy-waiting on the file lock (other processes still wait on busy_timeout).
        self._write_lock: threading.Lock | None = (
            threading.Lock() if self.dialect == "sqlite" else None
        )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def sql(self, key: Hashable, build: Callable[[], Any]) -> SQL:
        """The SQL text of the Core statement ``build()`` for this database, compiled once
        per ``key`` (the statement's shape: which filters, which order). Every value of the
        statement must be a named ``bindparam`` so that one text serves every request."""
        compiled = self._sql.get(key)
        if compiled is None:
            stmt = build().compile(dialect=self.engine.dialect)
            names = tuple(stmt.positiontup) if stmt.positiontup is not None else None
            # Parameters the compiler adds itself (SQLite's "OFFSET ?" after a bound LIMIT)
            # keep the value it gave them.
            fixed = {k: v for k, v in stmt.params.items() if v is not None}
            compiled = self._sql[key] = SQL(stmt.string, names, fixed)
        return compiled

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        """A driver cursor on a pooled connection, inside one read transaction (a snapshot
        for every query of a page); the pool rolls it back when the block ends. Inside
        another ``cursor()`` block of the same task or thread, that block's cursor: what
        runs inside reads the same snapshot.

        The hot read paths run SQL compiled once (``sql()``) straight on the driver:
        SQLAlchemy's per-execution work (cache key, execution context, result processing)
        cost more than the SQLite query it ran (README, Performance)."""
        current = self._cursor.get()
        if current is not None:
            yield current
            return
        driver_error = self.engine.dialect.loaded_dbapi.Error
        try:
            raw = self.engine.raw_connection()
        except driver_error as exc:
            raise DBAPIError.instance(None, None, exc, driver_error) from exc
        try:
            cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
            if self.is_sqlite:
                cur.execute("BEGIN")  # isolation_level=None: else each statement alone
            token = self._cursor.set(Cursor(cur, self.is_sqlite))
            try:
                yield self._cursor.get()  # type: ignore[misc]
            finally:
                self._cursor.reset(token)
        except driver_error as exc:
            # As SQLAlchemy would raise it (OperationalError → 503, DataError → 422, ...).
            raise DBAPIError.instance(None, None, exc, driver_error) from exc
        finally:
            raw.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A pooled connection for read queries (one snapshot), back to the pool at the end.

        The read path uses Core on a plain connection: an ORM session per request cost more
        than the queries themselves (README, Performance)."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session, closed (connection back to the pool) when the block ends."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session for one write transaction; the caller commits."""
        lock = self._write_lock if self._write_lock is not None else nullcontext()
        with lock, self.engine.connect() as conn:
            if self.is_sqlite:
                conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with Session(bind=conn, expire_on_commit=False) as session:
                yield session

    def dispose(self) -> None:
        self.engine.dispose()


def database_from_settings(settings: Any) -> Database:
    return Database(
        make_engine(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout,
            connect_timeout=settings.db_connect_timeout,
            sqlite_busy_timeout_ms=settings.sqlite_busy_timeout_ms,
        )
    )
