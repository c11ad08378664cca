"""When batches seal: sizes, the daily cut-off and the service-level deadline."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum

# China keeps UTC+8 all year, so a fixed offset needs no tz database.
CHINA_TIME = timezone(timedelta(hours=8), "Asia/Shanghai")


class SealReason(StrEnum):
    FULL = "full"
    CUTOFF = "cutoff"
    SERVICE_LEVEL = "service_level"


@dataclass(frozen=True)
class SealPolicy:
    """Batch sizes, the local daily cut-off, and the per-case service level.

    A case should have docket numbers within `service_target` of arriving;
    after sealing, `docket_allowance` is what the court needs when everything
    is ready, so a batch must seal by its oldest case's arrival plus
    `service_target` minus `docket_allowance`.
    """

    min_cases: int = 100
    max_cases: int = 200
    cutoff: time = time(16, 0)
    tz: tzinfo = CHINA_TIME
    service_target: timedelta = timedelta(days=7)
    docket_allowance: timedelta = timedelta(days=1)

    def latest_seal(self, arrived_at: datetime) -> datetime:
        return arrived_at + self.service_target - self.docket_allowance

    def cutoff_on(self, moment: datetime) -> datetime:
        local_day = moment.astimezone(self.tz).date()
        return datetime.combine(local_day, self.cutoff, tzinfo=self.tz)

    def cutoff_passed(self, after: datetime, until: datetime) -> bool:
        """Whether a daily cut-off falls in the interval (after, until]."""
        if until <= after:
            return False
        latest = self.cutoff_on(until)
        if latest > until:
            latest -= timedelta(days=1)
        return latest > after

    def next_cutoff(self, moment: datetime) -> datetime:
        """The first cut-off strictly after `moment`."""
        candidate = self.cutoff_on(moment)
        return candidate if candidate > moment else candidate + timedelta(days=1)


DEFAULT_SEAL_POLICY = SealPolicy()
