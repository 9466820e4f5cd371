"""Real servers for the team-deployment tests and benchmarks, started on loopback in a temporary
folder: a Debian PostgreSQL cluster (``initdb`` + ``pg_ctl``, run as an unprivileged user through
``runuser`` when the tests run as root, since Postgres refuses root), ``chroma run``, ``ragbot
serve`` replicas on them, and Debian's HAProxy in front of the replicas."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from ingest_helpers import cli_command, cli_env

PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # Debian's layout, newest first
UNPRIVILEGED = ("postgres", "nobody")  # the first that exists runs the cluster when we are root
POLLS = 600  # a tenth of a second each while a server starts
SERVE_POLLS = 3000  # a tenth of a second each while ``ragbot serve`` loads its models (busy machine)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_listening(process: subprocess.Popen, port: int, name: str, polls: int = POLLS) -> None:
    """Return once ``process`` listens on ``port``; raise if it exits or takes longer than ``polls``."""
    for _ in range(polls):
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        if listening(port):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not start listening")


def stop_process(process: subprocess.Popen | None) -> None:
    if process and process.poll() is None:
        process.terminate()
        process.wait(timeout=60)


def postgres_binary(name: str) -> Path:
    """``initdb``/``pg_ctl`` from Debian's postgresql package; a clear failure if it is missing."""
    for folder in PG_BIN_DIRS:
        if (folder / name).is_file():
            return folder / name
    found = shutil.which(name)
    if found:
        return Path(found)
    raise RuntimeError(
        f"PostgreSQL's {name} is not installed: run scripts/setup.sh --test (apt-get install postgresql) "
        "to run the team-deployment tests"
    )


@dataclass
class Postgres:
    """A cluster in ``folder`` listening on 127.0.0.1:``port`` (trust auth, loopback only)."""

    folder: Path
    port: int
    user: str | None  # who runs it (None: ourselves, when not root)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://ragbot@127.0.0.1:{self.port}/ragbot"

    def _run(self, *command: str | Path, check: bool = True) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        done = subprocess.run([*prefix, *map(str, command)], capture_output=True, text=True, cwd="/")
        if check and done.returncode != 0:
            raise RuntimeError(f"{Path(str(command[0])).name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
        return done

    def create(self) -> None:
        if self.user:
            shutil.chown(self.folder, self.user)
        self._run(postgres_binary("initdb"), "-D", self.folder / "data", "-U", "ragbot", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self.start()
        self._run(postgres_binary("psql"), "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "ragbot", "-d", "postgres", "-c", "CREATE DATABASE ragbot")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(postgres_binary("pg_ctl"), "-D", self.folder / "data", "-o", options, "-l", self.folder / "log", "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """``mode="immediate"`` is a crash: every backend killed, recovery at the next start."""
        self._run(postgres_binary("pg_ctl"), "-D", self.folder / "data", "-m", mode, "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres() -> Postgres:
    """A new cluster in its own temporary folder (outside pytest's, which the Postgres user
    could not enter); ``remove`` deletes it."""
    user = next((name for name in UNPRIVILEGED if _exists(name)), None) if os.geteuid() == 0 else None
    if os.geteuid() == 0 and user is None:
        raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as (postgres or nobody)")
    server = Postgres(Path(tempfile.mkdtemp(prefix="ragbot-pg-")), free_port(), user)
    server.create()
    return server


def _exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False


@dataclass
class ChromaServer:
    folder: Path
    port: int
    process: subprocess.Popen | None = None

    def start(self) -> None:
        chroma = Path(sys.executable).with_name("chroma")
        self.process = subprocess.Popen(
            [str(chroma), "run", "--path", str(self.folder), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_listening(self.process, self.port, "chroma run")

    def stop(self) -> None:
        stop_process(self.process)


def server_settings(postgres: Postgres, chroma: ChromaServer) -> dict[str, str]:
    """The settings that put a ragbot process on these servers (server mode)."""
    return {"database_url": postgres.url, "chroma_host": "127.0.0.1", "chroma_port": str(chroma.port)}


def team_env(postgres: Postgres, chroma: ChromaServer, **settings: object) -> dict[str, str]:
    """The environment of a ``ragbot`` command on these servers with ``settings`` (``store_dir=``,
    ``collection=``...) as ``RAGBOT_*`` variables: none of the developer's own, fully offline."""
    values = {**server_settings(postgres, chroma), **settings}
    return {**cli_env(), **{f"RAGBOT_{k.upper()}": str(v) for k, v in values.items()}}


@dataclass
class Served:
    """A ``ragbot serve`` replica on 127.0.0.1:``port`` with the environment ``env`` (its
    settings); ``start`` returns at once so several replicas load their models together, ``wait``
    returns once it listens. Its output goes to ``log`` if given."""

    port: int
    env: dict[str, str]
    log: Path | None = None
    process: subprocess.Popen | None = None

    def start(self, cwd: Path) -> None:
        with open(self.log, "w") if self.log else nullcontext(subprocess.DEVNULL) as output:
            self.process = subprocess.Popen(cli_command("serve", "--port", self.port), cwd=cwd, env=self.env, stdout=output, stderr=subprocess.STDOUT)

    def wait(self) -> None:
        assert self.process is not None, "start it first"
        wait_listening(self.process, self.port, "ragbot serve", SERVE_POLLS)

    def stop(self) -> None:
        stop_process(self.process)


@dataclass
class Proxy:
    """Debian's HAProxy on 127.0.0.1:``port`` with ragbot's sticky configuration
    (``ragbot.deploy.haproxy_config``, as in deploy/haproxy.cfg) in front of ``replicas``."""

    folder: Path
    port: int
    process: subprocess.Popen | None = None

    def start(self, replicas) -> None:
        from ragbot.deploy import haproxy_config

        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(haproxy).is_file():
            raise RuntimeError("HAProxy is not installed: run scripts/setup.sh --test (apt-get install haproxy)")
        config = self.folder / "haproxy.cfg"
        config.write_text(haproxy_config(replicas, self.port, bind="127.0.0.1"))
        self.process = subprocess.Popen([haproxy, "-db", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.process, self.port, "haproxy")

    def stop(self) -> None:
        stop_process(self.process)
