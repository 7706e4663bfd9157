"""Where the tests' Kafka broker and PostgreSQL server come from (used by the root conftest).

Each service is found in this order, and a test that asks for one never silently skips:
1. an explicit address in test-only variables (NEWSWIRE_TEST_KAFKA_BOOTSTRAP,
   NEWSWIRE_TEST_DATABASE_URL) — never the operator's NEWSWIRE_KAFKA_BOOTSTRAP or
   NEWSWIRE_DATABASE_URL, so running the tests can't write into a deployment's database;
2. a testcontainers container, when a Docker engine answers;
3. the deploy/local scripts (kafka.sh, postgres.sh), shared by concurrent test sessions on this
   machine through lease files and stopped at the end only if a fixture started them.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCAL_DIR = ROOT / "deploy" / "local"
# The same Kafka as deploy/local/kafka.sh and deploy/compose.yaml (checked by test_deployment).
KAFKA_IMAGE = "apache/kafka:4.4.0"
POSTGRES_IMAGE = "postgres:16-alpine"
SCRIPT_TIMEOUT_S = 600  # a cold Kafka start downloads ~100 MB of jars first


class InfrastructureUnavailableError(RuntimeError):
    """No route could provide a service an integration test asked for."""


@dataclass(frozen=True)
class LocalScript:
    """One deploy/local script and the env var that picks its port."""

    name: str
    port_env: str
    default_port: str

    @property
    def path(self) -> Path:
        return LOCAL_DIR / f"{self.name}.sh"

    @property
    def lease_dir(self) -> Path:
        port = os.environ.get(self.port_env, self.default_port)
        return LOCAL_DIR / ".run" / "leases" / f"{self.name}-{port}"

    def run(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(self.path), command],
            capture_output=True,
            text=True,
            timeout=SCRIPT_TIMEOUT_S,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    def is_running(self) -> bool:
        return self.run("status").returncode == 0

    def start(self) -> str:
        result = self.run("start")
        if result.returncode != 0:
            tail = "\n".join(result.stderr.strip().splitlines()[-15:])
            raise InfrastructureUnavailableError(f"{self.path} start failed:\n{tail}")
        return result.stdout.strip().splitlines()[-1]

    def stop(self) -> None:
        self.run("stop")


KAFKA_SCRIPT = LocalScript("kafka", "KAFKA_PORT", "9092")
POSTGRES_SCRIPT = LocalScript("postgres", "PG_PORT", "54329")


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _live_leases(lease_dir: Path) -> list[Path]:
    """Leases of sessions still running; leases left by crashed sessions are removed."""
    live = []
    for lease in lease_dir.glob("*.lease"):
        if _pid_alive(int(lease.stem)):
            live.append(lease)
        else:
            lease.unlink(missing_ok=True)
    return live


@contextlib.contextmanager
def _local_service(script: LocalScript) -> Iterator[str]:
    """Start a local service for this session; the last session out stops it if we started it."""
    lease_dir = script.lease_dir
    lease = lease_dir / f"{os.getpid()}.lease"
    started_by_fixture = lease_dir / "started-by-fixture"
    with _locked(lease_dir):
        if not script.is_running():
            started_by_fixture.touch()
        address = script.start()
        lease.touch()
    try:
        yield address
    finally:
        with _locked(lease_dir):
            lease.unlink(missing_ok=True)
            if started_by_fixture.exists() and not _live_leases(lease_dir):
                script.stop()
                started_by_fixture.unlink(missing_ok=True)


def _docker_available() -> bool:
    # Without a daemon socket docker-py would fail anyway, and leak that socket while doing so.
    if not os.environ.get("DOCKER_HOST") and not Path("/var/run/docker.sock").exists():
        return False
    try:
        import docker  # type: ignore[import-untyped]

        client = docker.from_env(timeout=3)
    except Exception:
        return False
    try:
        return bool(client.ping())
    except Exception:
        return False
    finally:
        client.close()


@contextlib.contextmanager
def kafka_container() -> Iterator[str]:
    # testcontainers' KafkaContainer drives Confluent's images only; the Apache image is
    # configured by KAFKA_* variables. The advertised address must carry the host port, so the
    # port is chosen first and bound explicitly.
    import socket

    from testcontainers.core.container import DockerContainer
    from testcontainers.core.waiting_utils import wait_for_logs

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    record_limit = str(int(os.environ.get("NEWSWIRE_MAX_MESSAGE_BYTES", "1048576")) + 65536)
    container = (
        DockerContainer(KAFKA_IMAGE)
        .with_bind_ports(9092, port)
        .with_envs(
            KAFKA_NODE_ID="1",
            KAFKA_PROCESS_ROLES="broker,controller",
            KAFKA_LISTENERS="PLAINTEXT://:9092,CONTROLLER://:9093",
            KAFKA_ADVERTISED_LISTENERS=f"PLAINTEXT://127.0.0.1:{port}",
            KAFKA_CONTROLLER_LISTENER_NAMES="CONTROLLER",
            KAFKA_LISTENER_SECURITY_PROTOCOL_MAP="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            KAFKA_CONTROLLER_QUORUM_VOTERS="1@localhost:9093",
            KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_MIN_ISR="1",
            KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR="1",
            KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR="1",
            KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS="0",
            KAFKA_NUM_PARTITIONS="3",
            KAFKA_MESSAGE_MAX_BYTES=record_limit,
            KAFKA_REPLICA_FETCH_MAX_BYTES=record_limit,
        )
    )
    with container:
        wait_for_logs(container, "Kafka Server started", timeout=120)
        yield f"127.0.0.1:{port}"


@contextlib.contextmanager
def postgres_container() -> Iterator[str]:
    from testcontainers.community.postgres import PostgresContainer

    container = PostgresContainer(
        POSTGRES_IMAGE,
        username="newswire",
        password="newswire",
        dbname="newswire",
        driver="asyncpg",
    )
    with container as postgres:
        yield postgres.get_connection_url()


def provide(
    what: str,
    env_var: str,
    container: Callable[[], contextlib.AbstractContextManager[str]],
    script: LocalScript,
) -> Iterator[str]:
    """Yield the first address a route gives, keeping that route alive until the session ends."""
    explicit = os.environ.get(env_var)
    if explicit:
        yield explicit
        return
    routes: list[tuple[str, Callable[[], contextlib.AbstractContextManager[str]]]] = [
        ("local script", lambda: _local_service(script))
    ]
    if _docker_available():
        routes.insert(0, ("testcontainers", container))
    failures = []
    for name, route in routes:
        with contextlib.ExitStack() as stack:
            try:
                address = stack.enter_context(route())
            except Exception as exc:
                failures.append(f"- {name}: {exc}")
                continue
            yield address
            return
    tried = "\n".join(failures)
    raise InfrastructureUnavailableError(
        f"No {what} for integration tests. Set {env_var}, run a Docker engine, "
        f"or make `{script.path.relative_to(ROOT)} start` work. Routes tried:\n{tried}"
    )
