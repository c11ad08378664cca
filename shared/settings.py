"""Settings every service reads from the environment."""

import os

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """Connection and runtime settings; each service names its own schema."""

    model_config = SettingsConfigDict(env_prefix="RECOURSE_", extra="ignore")

    service_name: str = Field(description="Service name, e.g. triage-scorer.")
    db_schema: str = Field(description="The Postgres schema this service owns.")
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias="KAFKA_BOOTSTRAP_SERVERS",
        description="Kafka bootstrap servers.",
    )
    database_url: str = Field(
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        validation_alias="DATABASE_URL",
        description="Postgres URL; a service may point to its own server.",
    )
    group_id: str = Field(default="", description="Consumer group; service name.")
    tenant_pattern: str = Field(
        default="[a-z0-9][a-z0-9-]*",
        description="Regex of the tenant ids whose edge topics this service reads.",
    )
    court_pattern: str = Field(
        default="[a-z0-9][a-z0-9-]*",
        description="Regex of the court ids whose edge topics this service reads.",
    )
    clock: str = Field(
        default="system",
        description=(
            "system; manual;file=PATH (time read from a file a test moves); or "
            "scaled;factor=F;start=ISO;anchor=EPOCH for demos."
        ),
    )
    batch_max_records: int = Field(default=500, ge=1, le=10_000)
    log_json: bool | None = Field(
        default=None, description="JSON logs; default: JSON unless on a terminal."
    )
    log_level: str = Field(default="info")
    metadata_max_age_ms: int = Field(default=3000, ge=100)
    sweep_interval_seconds: float = Field(default=1.0, gt=0)

    @property
    def consumer_group(self) -> str:
        return self.group_id or self.service_name


def settings_for(service_name: str, db_schema: str) -> ServiceSettings:
    """Settings for one service; RECOURSE_* variables override every default."""
    return ServiceSettings(
        service_name=os.environ.get("RECOURSE_SERVICE_NAME", service_name),
        db_schema=os.environ.get("RECOURSE_DB_SCHEMA", db_schema),
    )
