"""The collection sequence a tenant runs on a newly opened case."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from services.triage_scorer.domain.case import Case, Channel
from services.triage_scorer.domain.policy import TriagePolicy


@dataclass(frozen=True)
class PlannedContact:
    case_id: str
    step: int
    day: int
    channel: Channel
    due_at: datetime

    @property
    def attempt_id(self) -> str:
        """Stable id, so a replayed CaseOpened plans the very same attempts."""
        return f"{self.case_id}:seq:{self.step}"


def plan_collection(case: Case, policy: TriagePolicy) -> list[PlannedContact]:
    """Plan the sequence's contacts that fall inside the collection window."""
    return [
        PlannedContact(
            case.case_id,
            i,
            s.day,
            s.channel,
            case.opened_at + timedelta(days=s.day),
        )
        for i, s in enumerate(policy.sequence)
        if s.day < policy.window_days
    ]
