"""When the tracker asks the court to renew a measure by itself."""

from datetime import date, timedelta

from services.preservation_tracker.domain.order import Measure
from services.preservation_tracker.domain.policy import PreservationPolicy


def last_request_day(measure: Measure, policy: PreservationPolicy) -> date:
    """Renewal must reach the court this many days before expiry (Art. 485)."""
    return measure.expires_on - timedelta(days=policy.renewal_request_days)


def applies_for_renewal(
    measure: Measure, policy: PreservationPolicy, today: date
) -> bool:
    """Renew automatically unless the tenant opted out or it is too late to ask."""
    return policy.auto_renew and today <= last_request_day(measure, policy)
