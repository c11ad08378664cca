"""Composes the court simulator on the shared runtime: inbox, outbox, sweeps.

It reads `court.<c>.filings.v1` for the courts matching RECOURSE_COURT_PATTERN
and answers on `court.<c>.rulings.v1`. Every decision is stored in its own
schema (`court_sim`) before the Kafka offset is committed, and is published
through the outbox when due on the clock (RECOURSE_CLOCK), so a restart loses
and repeats nothing.
"""

from datetime import timedelta
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from contracts.court import (
    BatchFilingSubmitted,
    PreservationApplicationSubmitted,
    PreservationRenewalSubmitted,
)
from recourse.simulators.court import decisions, reception
from recourse.simulators.court.docketing import CourtBehaviour
from services.filing_batcher import registry
from shared.delivery.consumer import Route
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "court-simulator"


def _day_range(value: object) -> object:
    """Read "min,max" days; a pair given in code passes through."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(","))
    return value


DayRange = Annotated[tuple[int, int], NoDecode, BeforeValidator(_day_range)]


class CourtSettings(BaseSettings):
    """How the simulated courts behave; RECOURSE_COURT_* variables."""

    model_config = SettingsConfigDict(env_prefix="RECOURSE_COURT_", extra="ignore")

    reject_share: float = Field(default=0.02, ge=0, le=1)
    min_decision_hours: float = Field(default=4.0, ge=0)
    max_decision_hours: float = Field(default=120.0, ge=0)
    dismissal_share: float = Field(default=0.1, ge=0, le=1)
    listing_share: float = Field(default=0.3, ge=0, le=1)
    judgment_days: DayRange = (20, 60)
    seed: int = 7

    @field_validator("judgment_days")
    @classmethod
    def _ordered_days(cls, days: tuple[int, int]) -> tuple[int, int]:
        if not 0 <= days[0] <= days[1]:
            raise ValueError("judgment days must be 'min,max' with 0 <= min <= max")
        return days

    def behaviour(self) -> CourtBehaviour:
        low = min(self.min_decision_hours, self.max_decision_hours)
        return CourtBehaviour(
            reject_share=self.reject_share,
            min_delay=timedelta(hours=low),
            max_delay=timedelta(hours=max(low, self.max_decision_hours)),
            dismissal_share=self.dismissal_share,
            listing_share=self.listing_share,
            judgment_days=self.judgment_days,
            seed=self.seed,
        )


def build() -> Service:
    registry.courts()
    behaviour = CourtSettings().behaviour()
    service = Service(
        settings_for(SERVICE_NAME, "court_sim"),
        migrations="recourse.simulators.court.migrations",
    )
    courts = service.settings.court_pattern
    service.consume(
        Route.of(
            [
                (BatchFilingSubmitted, reception.receive_filing(behaviour)),
                (
                    PreservationApplicationSubmitted,
                    reception.receive_application(behaviour),
                ),
                (PreservationRenewalSubmitted, reception.receive_renewal(behaviour)),
            ]
        ),
        title="on_court_filings",
        pattern=rf"court\.{courts}\.filings\.v1",
    )
    service.sweeps.append(decisions.decide_due_cases(behaviour))
    service.sweeps.append(decisions.release_due_rulings)
    return service
