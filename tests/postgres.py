"""A throwaway PostgreSQL cluster for the tests of the team server (issue 17), started by the tests
themselves: ``initdb`` into a temporary folder, ``pg_ctl -w start``, one new database per test,
and at the end ``pg_ctl stop -m fast`` and the folder removed, whatever the tests did.

The cluster listens on a Unix socket in its own folder and on no TCP port at all, and trusts
whoever reaches that socket (``--auth-local=trust``, ``--auth-host=reject``). The folder is
readable by the cluster's owner only (0700), so only that account — and root — can reach the
socket: the same people who could read the cluster's files anyway. A password (scram-sha-256)
would protect nothing more here and would have to be made, kept and passed around; no port means
nothing else on the machine can talk to the cluster, and two runs side by side never collide.

PostgreSQL refuses to run as root. When the tests run as root (CI does), ``initdb`` and
``pg_ctl`` run as the ``postgres`` system user (Debian's package makes it), with the folder
given to that user; the tests themselves still run as root and connect through the socket.

The data never needs to survive a crash, so the cluster does not flush (``fsync = off``): a new
database per test then costs milliseconds. A run killed outright (SIGKILL, or SIGTERM from CI's
time limit, which ends the process without its clean-up) leaves the server running in its folder
(``partnerdesk-pg-…`` in the temporary folder): ``pg_ctl -D FOLDER/data stop`` ends it.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL

MINIMUM_MAJOR = 15  # the team server's PostgreSQL (docs/team-server.md)
# Debian and Ubuntu keep each major version's server programs here, off PATH (/usr/bin holds
# only the wrappers of the client programs); other systems put them on PATH.
DEBIAN_VERSIONS = Path("/usr/lib/postgresql")
SUPERUSER = "partnerdesk"  # the cluster's one role, made by initdb
PORT = 5432  # names the socket's file only: no TCP port is opened
SERVER_OWNER = "postgres"  # the system user the cluster runs as when the tests run as root
START_TIMEOUT_S = 60


class ClusterError(RuntimeError):
    """The PostgreSQL programs are there but the cluster could not be made or started: a failure,
    never a reason to skip. The message holds what the programs and the server said."""


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` of the newest PostgreSQL installed, or None
    when there is none at all. A symlink on PATH (``/usr/local/bin/initdb`` pointing into
    Debian's folder) leads to the folder it points into."""
    debian = sorted(
        (int(version.name), version / "bin")
        for version in (DEBIAN_VERSIONS.iterdir() if DEBIAN_VERSIONS.is_dir() else ())
        if version.name.isdigit()
    )
    for _, folder in reversed(debian):
        if _has_programs(folder):
            return folder
    initdb = shutil.which("initdb")
    if initdb and _has_programs(Path(initdb).resolve().parent):
        return Path(initdb).resolve().parent
    return None


def _has_programs(folder: Path) -> bool:
    return all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl"))


def major_version(binaries: Path) -> int:
    """``pg_ctl --version``: "pg_ctl (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" -> 15."""
    said = subprocess.run(
        [str(binaries / "pg_ctl"), "--version"], capture_output=True, text=True, check=False
    )
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", said.stdout)
    if said.returncode != 0 or found is None:
        raise ClusterError(
            f"{binaries / 'pg_ctl'} --version did not say its version: {said.stdout}{said.stderr}"
        )
    return int(found[1])


@dataclass
class Cluster:
    """A running throwaway cluster: its folder (``data/``, the socket, ``server.log``)."""

    folder: Path
    binaries: Path
    port: int = PORT
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres") -> URL:
        """SQLAlchemy's URL of a database of the cluster, through the socket, by psycopg 3."""
        return URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            database=database,
            query={"host": str(self.folder), "port": str(self.port)},
        )

    def start(self) -> None:
        _run(
            self,
            "pg_ctl",
            "start",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--wait",
            "--timeout",
            str(START_TIMEOUT_S),
        )

    def crash(self) -> None:
        """``pg_ctl stop -m immediate``: every server process ends at once, as in a power cut
        of the server (it recovers from its log on the next start)."""
        _run(self, "pg_ctl", "stop", "--pgdata", str(self.data), "-m", "immediate", "-w")

    def execute(self, sql: str) -> None:
        """One statement outside any transaction (CREATE DATABASE cannot run in one)."""
        import psycopg

        with psycopg.connect(
            host=str(self.folder),
            port=self.port,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql)

    def create_database(self, template: str | None = None) -> str:
        """A new database: empty, or a copy of ``template`` (which nobody may be connected to).
        Returns its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        copied = f' TEMPLATE "{template}"' if template else ""
        self.execute(f'CREATE DATABASE "{name}"{copied}')
        return name

    @contextmanager
    def new_database(self, template: str | None = None) -> Iterator[URL]:
        """A new database for one test, dropped after it (with whatever is still connected
        to it)."""
        name = self.create_database(template)
        try:
            yield self.url(name)
        finally:
            self.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@dataclass(frozen=True)
class Tls:
    """The server's certificate and key (signed by a throwaway authority: tests/tls.py)."""

    certificate: Path
    key: Path


@contextmanager
def running_cluster(binaries: Path, *, tls: Tls | None = None) -> Iterator[Cluster]:
    """Make and start a cluster in a new temporary folder; stop it and remove the folder at the
    end, also when the block raised. Raises ClusterError (with the server's log) when it cannot
    be made or started. With ``tls``, it also listens on 127.0.0.1 (a free port), where it takes
    only TLS connections with a SCRAM-SHA-256 password, as docs/team-server.md asks of a team
    server."""
    major = major_version(binaries)
    if major < MINIMUM_MAJOR:
        raise ClusterError(
            f"PostgreSQL {major} is installed ({binaries}); the team server needs "
            f"PostgreSQL {MINIMUM_MAJOR} or newer."
        )
    folder = Path(tempfile.mkdtemp(prefix="partnerdesk-pg-", dir=_short_temporary_folder()))
    cluster = Cluster(folder=folder, binaries=binaries, port=_free_port() if tls else PORT)
    try:
        _give_to_server_owner(folder)
        _run(
            cluster,
            "initdb",
            "--pgdata",
            str(cluster.data),
            "--username",
            SUPERUSER,
            "--auth-local=trust",
            "--auth-host=reject",
            "--encoding=UTF8",
            # Byte order, as SQLite compares text; lists sort by the keys PartnerDesk computes.
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        listen = ""
        if tls is not None:
            listen = "127.0.0.1"
            _serve_tls(cluster, tls)
        with (cluster.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# A throwaway cluster for PartnerDesk's tests (tests/postgres.py)\n"
                f"listen_addresses = '{listen}'\n"
                f"unix_socket_directories = '{folder}'\n"
                "unix_socket_permissions = 0700\n"
                f"port = {cluster.port}\n"
                "fsync = off\n"
                "synchronous_commit = off\n"
                "full_page_writes = off\n"
            )
        cluster.start()
        yield cluster
    finally:
        # Also after a start that failed half-way: a server may be running all the same.
        if (cluster.data / "postmaster.pid").exists():
            with suppress(ClusterError):  # the folder goes all the same
                _run(cluster, "pg_ctl", "stop", "--pgdata", str(cluster.data), "-m", "fast", "-w")
        shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_tls(cluster: Cluster, tls: Tls) -> None:
    """The certificate and key in the cluster's data folder, the server's own; TLS on; and
    from 127.0.0.1 only TLS with a SCRAM-SHA-256 password (the first rule that matches wins)."""
    for source, name in ((tls.certificate, "server.crt"), (tls.key, "server.key")):
        target = cluster.data / name
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
        _give_file_to_server_owner(target)
    with (cluster.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write("ssl = on\npassword_encryption = 'scram-sha-256'\n")
    hba = cluster.data / "pg_hba.conf"
    rules = hba.read_text(encoding="utf-8")
    hba.write_text(
        "hostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 127.0.0.1/32 reject\n"
        + rules,
        encoding="utf-8",
    )


def _give_file_to_server_owner(path: Path) -> None:
    if not _as_root():
        return
    import pwd

    owner = pwd.getpwnam(SERVER_OWNER)
    os.chown(path, owner.pw_uid, owner.pw_gid)


def _short_temporary_folder() -> str | None:
    """The socket's path must fit in 107 bytes (103 on macOS): a long TMPDIR gives way to /tmp."""
    base = tempfile.gettempdir()
    return "/tmp" if len(base) > 60 and os.path.isdir("/tmp") else None


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _give_to_server_owner(folder: Path) -> None:
    os.chmod(folder, 0o700)
    if not _as_root():
        return
    import pwd

    try:
        owner = pwd.getpwnam(SERVER_OWNER)
    except KeyError:
        raise ClusterError(
            f"The tests run as root, which PostgreSQL refuses to run as, and there is no "
            f"{SERVER_OWNER!r} system user to run it as (Debian's postgresql package makes one)."
        ) from None
    os.chown(folder, owner.pw_uid, owner.pw_gid)


def _run(cluster: Cluster, program: str, *arguments: str) -> None:
    command = [str(cluster.binaries / program), *arguments]
    if _as_root():
        command = (
            ["runuser", "-u", SERVER_OWNER, "--", *command]
            if shutil.which("runuser")
            else ["su", "-s", "/bin/sh", SERVER_OWNER, "-c", shlex.join(command)]
        )
    # In the cluster's folder: the postgres user may not enter the folder the tests run from.
    done = subprocess.run(
        command, cwd=cluster.folder, capture_output=True, text=True, check=False, timeout=120
    )
    if done.returncode != 0:
        log = cluster.log.read_text(errors="replace") if cluster.log.exists() else "(no log)"
        raise ClusterError(
            f"{' '.join(command)} failed with status {done.returncode}.\n"
            f"--- its output ---\n{done.stdout}{done.stderr}\n"
            f"--- the server's log ({cluster.log}) ---\n{log}"
        )
