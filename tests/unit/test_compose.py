"""docker-compose.yml and infra/Dockerfile, checked without a Docker engine."""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML

from shared.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "infra" / "Dockerfile"
INFRASTRUCTURE = {"kafka", "postgres"}
SIMULATORS = {
    "court-simulator": "recourse.simulators.court",
    "platform-simulator": "recourse.simulators.platform",
}
# The court keeps its dockets and serials in its own schema; the platforms do not.
DATABASE_SIMULATORS = ("court-simulator",)
SERVICE_NAMES = sorted(
    p.name.replace("_", "-")
    for p in (ROOT / "services").iterdir()
    if (p / "__init__.py").is_file()
)
CONNECTION_FIELDS = ("kafka_bootstrap_servers", "database_url")
INTERPOLATION = re.compile(r"\$\{(?P<name>\w+)(?::?-(?P<default>[^}]*))?\}")


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(COMPOSE.read_text())
    return loaded


def service(name: str) -> dict[str, Any]:
    found: dict[str, Any] = compose()["services"][name]
    return found


def environment(name: str) -> dict[str, str]:
    """A service's environment as compose resolves it with no .env file."""
    raw = service(name).get("environment", {})
    return {
        k: INTERPOLATION.sub(lambda m: m["default"] or "", str(v))
        for k, v in raw.items()
    }


def env_name(field_name: str, info: FieldInfo) -> str:
    alias = info.validation_alias
    return alias if isinstance(alias, str) else f"RECOURSE_{field_name.upper()}"


SETTINGS_ENV = {env_name(n, f): n for n, f in ServiceSettings.model_fields.items()}


def module_file(module: str) -> Path | None:
    """The file `python -m module` runs: the module, or a package's __main__."""
    spec = importlib.util.find_spec(module)
    if spec is not None and spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec(f"{module}.__main__")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin)


def dockerfile_instructions(keyword: str) -> list[str]:
    """Arguments of each `keyword` instruction, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    found = []
    for line in text.splitlines():
        word, _, rest = line.strip().partition(" ")
        if word.upper() == keyword:
            found.append(rest.strip())
    return found


def test_compose_file_validates_against_the_compose_specification() -> None:
    check = [sys.executable, "-m", "check_jsonschema"]
    result = subprocess.run(
        [*check, "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_exactly_the_six_services_kafka_postgres_and_simulators() -> None:
    names = set(compose()["services"])

    assert len(SERVICE_NAMES) == 6
    assert names == {*SERVICE_NAMES, *INFRASTRUCTURE, *SIMULATORS}


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_each_service_command_runs_its_own_module_file(name: str) -> None:
    module = f"services.{name.replace('-', '_')}"

    path = module_file(module)

    assert service(name)["command"] == ["python", "-m", module]
    assert importlib.util.find_spec(module) is not None
    assert path is not None and path.is_file(), f"no file runs `python -m {module}`"


@pytest.mark.parametrize("name", sorted(SIMULATORS))
def test_each_simulator_runs_an_existing_module_in_the_demo_profile(name: str) -> None:
    module = SIMULATORS[name]

    path = module_file(module)

    assert service(name)["command"] == ["python", "-m", module]
    assert service(name)["profiles"] == ["demo"]
    assert path is not None and path.is_file(), f"no file runs `python -m {module}`"


def test_only_the_simulators_belong_to_a_profile() -> None:
    profiled = {n for n, s in compose()["services"].items() if s.get("profiles")}

    assert profiled == set(SIMULATORS)


@pytest.mark.parametrize("name", [*SERVICE_NAMES, *SIMULATORS])
def test_recourse_variables_name_fields_of_service_settings(name: str) -> None:
    names = set(environment(name))
    ours = {n for n in names if n.startswith("RECOURSE_") or n in SETTINGS_ENV}

    assert ours <= set(SETTINGS_ENV), ours - set(SETTINGS_ENV)
    assert ours == names


def test_dockerfile_recourse_variables_name_fields_of_service_settings() -> None:
    declared = " ".join(dockerfile_instructions("ENV"))
    names = set(re.findall(r"\b(RECOURSE_\w+)=", declared))

    assert names
    assert names <= set(SETTINGS_ENV), names - set(SETTINGS_ENV)


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_each_service_sets_what_it_cannot_default(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields = ServiceSettings.model_fields
    required = {
        env_name(n, f)
        for n, f in fields.items()
        if f.is_required() or n in CONNECTION_FIELDS
    }
    env = environment(name)
    for variable in SETTINGS_ENV:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)

    settings = ServiceSettings()

    assert required <= set(env), required - set(env)
    assert settings.service_name == name
    assert settings.kafka_bootstrap_servers == env["KAFKA_BOOTSTRAP_SERVERS"]
    assert settings.database_url == env["DATABASE_URL"]


def test_services_own_distinct_schemas() -> None:
    schemas = [environment(n)["RECOURSE_DB_SCHEMA"] for n in SERVICE_NAMES]

    assert len(set(schemas)) == len(SERVICE_NAMES)


def test_services_reach_kafka_on_its_in_network_listener() -> None:
    kafka = environment("kafka")
    advertised = kafka["KAFKA_ADVERTISED_LISTENERS"].split(",")
    in_network = {a.split("://", 1)[1] for a in advertised if "localhost" not in a}
    hosts = {a for a in advertised if "localhost" in a}

    assert in_network == {"kafka:9092"}
    assert len(hosts) == 1
    for name in [*SERVICE_NAMES, *SIMULATORS]:
        assert environment(name)["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092", name


def test_services_reach_the_database_compose_creates() -> None:
    postgres = environment("postgres")
    for name in [*SERVICE_NAMES, *DATABASE_SIMULATORS]:
        url = urlsplit(environment(name)["DATABASE_URL"])

        assert (url.hostname, url.port) == ("postgres", 5432)
        assert url.username == postgres["POSTGRES_USER"]
        assert url.password == postgres["POSTGRES_PASSWORD"]
        assert url.path == f"/{postgres['POSTGRES_DB']}"


@pytest.mark.parametrize("name", [*SERVICE_NAMES, *SIMULATORS])
def test_each_process_waits_for_a_healthy_kafka(name: str) -> None:
    depends = service(name)["depends_on"]

    assert depends["kafka"]["condition"] == "service_healthy"
    if name in (*SERVICE_NAMES, *DATABASE_SIMULATORS):
        assert depends["postgres"]["condition"] == "service_healthy"


def test_kafka_and_postgres_report_health_with_their_own_tools() -> None:
    kafka_check = " ".join(service("kafka")["healthcheck"]["test"])
    postgres_check = " ".join(service("postgres")["healthcheck"]["test"])

    assert "/opt/kafka/bin/kafka-broker-api-versions.sh" in kafka_check
    assert "localhost:9092" in kafka_check
    assert "pg_isready" in postgres_check


def test_all_services_and_simulators_share_one_image_built_from_infra() -> None:
    names = [*SERVICE_NAMES, *SIMULATORS]
    images = {service(n)["image"] for n in names}
    builds = {json.dumps(service(n)["build"], sort_keys=True) for n in names}

    assert len(images) == 1
    assert builds == {json.dumps({"context": ".", "dockerfile": "infra/Dockerfile"})}
    assert (ROOT / "infra" / "Dockerfile").is_file()


def test_every_image_is_pinned_to_a_version() -> None:
    images = [s["image"] for s in compose()["services"].values()]
    bases = [f.split()[0] for f in dockerfile_instructions("FROM")]

    assert "apache/kafka:4.1.1" in images
    assert "postgres:16.4" in images
    assert bases and set(bases) == {"python:3.11-slim"}
    for image in [*images, *bases]:
        name, _, tag = image.rpartition(":")
        assert name and tag and tag != "latest", image


def test_dockerfile_installs_the_project_and_runs_a_service_as_non_root() -> None:
    runs = " ".join(dockerfile_instructions("RUN"))
    users = dockerfile_instructions("USER")
    (cmd,) = dockerfile_instructions("CMD")
    command = json.loads(cmd)
    module = command[2]

    assert "pip install ." in runs
    assert users and users[-1] not in {"root", "0"}
    assert dockerfile_instructions("ENTRYPOINT") == []
    assert command[:2] == ["python", "-m"]
    assert module_file(module) is not None
