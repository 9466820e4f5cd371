"""Server mode's failure and health: a server that is gone becomes one clear error
(``StoreUnavailable``), and ``check_servers`` reports connectivity, versions and schema."""

from __future__ import annotations

from dataclasses import dataclass

import chromadb
import httpx
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from vectorstore.postgres import SCHEMA_OBJECTS

MIN_POSTGRES = 120000  # generated columns (the lexical table's tsvector) arrived in PostgreSQL 12
RECORDS_TABLE = "upsertion_record"  # the table langchain's SQLRecordManager creates
CHROMA_DOWN = "Could not connect to a Chroma server"  # chromadb's ValueError when its heartbeat fails


class StoreUnavailable(RuntimeError):
    """PostgreSQL or Chroma's server cannot be reached (or went away during the call)."""


def unavailable(error: BaseException) -> StoreUnavailable | None:
    """The one-line ``StoreUnavailable`` for an error that says a server is gone, else None."""
    if isinstance(error, StoreUnavailable):
        return error
    if isinstance(error, DBAPIError) and (error.connection_invalidated or type(error.orig).__name__ == "OperationalError"):
        reason = str(error.orig).strip().splitlines()[0] if error.orig else "connection lost"
        return StoreUnavailable(f"store unavailable: PostgreSQL cannot be reached ({reason})")
    if isinstance(error, httpx.TransportError) or (isinstance(error, ValueError) and CHROMA_DOWN in str(error)):
        return StoreUnavailable(f"store unavailable: Chroma's server cannot be reached ({type(error).__name__})")
    return None


@dataclass(frozen=True)
class ServerCheck:
    """One line of ``ragbot doctor`` in server mode."""

    name: str
    ok: bool
    detail: str

    def to_json(self) -> dict:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


def check_postgres(engine: Engine) -> list[ServerCheck]:
    """Connectivity and version of the database, and whether ragbot's tables are there."""
    try:
        with engine.connect() as connection:
            number = int(connection.execute(text("SHOW server_version_num")).scalar())
            version = connection.execute(text("SHOW server_version")).scalar()
            names = set(inspect(connection).get_table_names())
            indexes = {row[0] for row in connection.execute(text("SELECT indexname FROM pg_indexes"))}
    except DBAPIError as error:
        return [ServerCheck("postgres", False, str(unavailable(error) or error).splitlines()[0])]
    checks = [ServerCheck("postgres", number >= MIN_POSTGRES, f"PostgreSQL {version} at {engine.url.render_as_string(hide_password=True)}"
                          + ("" if number >= MIN_POSTGRES else " (12 or later needed)"))]
    missing = [name for name in (*SCHEMA_OBJECTS, RECORDS_TABLE) if name not in names | indexes]
    checks.append(ServerCheck("schema", not missing, f"missing: {', '.join(missing)} (the first ingest creates them)" if missing else "tables and GIN indexes present"))
    return checks


def check_chroma(host: str, port: int) -> ServerCheck:
    """Connectivity of Chroma's server, and its major version against this client's."""
    try:
        client = chromadb.HttpClient(host=host, port=port, settings=chromadb.Settings(anonymized_telemetry=False))
        server = client.get_version()
    except Exception as error:  # noqa: BLE001  (any failure to reach it is the finding)
        return ServerCheck("chroma", False, f"Chroma's server at {host}:{port} cannot be reached ({type(error).__name__})")
    # the server reports its API version (1.0.0 for every 1.x server), the client its package's
    same = server.split(".")[0] == chromadb.__version__.split(".")[0]
    note = "" if same else ": install the same major version on both sides"
    return ServerCheck("chroma", same, f"Chroma server API {server} at {host}:{port}, client {chromadb.__version__}{note}")
