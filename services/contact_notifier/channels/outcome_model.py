"""Seeded outcome model behind the simulated channels.

Rates are per channel, then tilted by the borrower's profile. Whether a
borrower can be reached at all (a live number, a current address) is drawn
once per borrower, so reach is correlated across attempts as in real
collection: some borrowers answer most channels, others none. Every draw comes
from random.Random seeded with the adapter seed and the attempt (or borrower)
id, so a rerun of the same attempt produces the same outcome.
"""

import random
from dataclasses import dataclass

from services.contact_notifier.domain.model import Channel, Profile, StatedReason


@dataclass(frozen=True)
class Rates:
    reach: float
    answer: float
    right_party: float
    cooperate: float
    comprehend: float


@dataclass(frozen=True)
class Tilt:
    reach: float
    cooperate: float
    hardship: float
    reasons: tuple[StatedReason, ...]
    reachable: float = 0.6


# reach: connected/delivered; answer: picked up or replied; the rest given answer
CHANNEL_RATES = {
    Channel.PHONE: Rates(0.70, 0.80, 0.80, 0.50, 0.85),
    Channel.SMS: Rates(0.95, 0.20, 0.90, 0.45, 0.70),
    Channel.CHAT_APP: Rates(0.75, 0.50, 0.95, 0.55, 0.80),
    Channel.LETTER: Rates(0.90, 0.0, 0.0, 0.0, 0.0),
}

R = StatedReason
PROFILE_TILTS = {
    Profile.SALARIED: Tilt(
        1.10, 1.15, 0.15, (R.WAGES_UNPAID, R.ILLNESS, R.JOB_LOSS), 0.60
    ),
    Profile.SELF_EMPLOYED: Tilt(
        1.00, 0.90, 0.30, (R.BUSINESS_FAILURE, R.BUSINESS_FAILURE, R.ILLNESS), 0.50
    ),
    Profile.STUDENT: Tilt(1.15, 1.00, 0.15, (R.OTHER, R.FAMILY_EMERGENCY), 0.65),
    Profile.UNEMPLOYED: Tilt(
        0.80, 0.70, 0.50, (R.JOB_LOSS, R.JOB_LOSS, R.ILLNESS), 0.35
    ),
    Profile.RETIRED: Tilt(0.95, 1.05, 0.25, (R.ILLNESS, R.FAMILY_EMERGENCY), 0.70),
    Profile.OTHER: Tilt(1.00, 1.00, 0.20, (R.OTHER, R.ILLNESS, R.JOB_LOSS), 0.50),
}
# Reach of a borrower whose number is dead or who has moved, relative to normal.
UNREACHABLE_FACTOR = {
    Channel.PHONE: 0.10,
    Channel.SMS: 0.15,
    Channel.CHAT_APP: 0.10,
    Channel.LETTER: 0.50,
}


@dataclass(frozen=True)
class Draw:
    reached: bool
    answered: bool
    right_party: bool
    cooperative: bool
    comprehension: bool
    stated_reason: StatedReason | None


def rng_for(seed: str, attempt_id: str) -> random.Random:
    return random.Random(f"{seed}:{attempt_id}")


def reachable(seed: str, borrower_id: str, profile: Profile) -> bool:
    """Whether this borrower can be reached at all; fixed per seed and borrower."""
    return rng_for(seed, f"borrower:{borrower_id}").random() < (
        PROFILE_TILTS[profile].reachable
    )


def draw(
    rng: random.Random, channel: Channel, profile: Profile, live: bool = True
) -> Draw:
    """Draw one outcome; fixed draw order keeps reruns identical."""
    rates, tilt = CHANNEL_RATES[channel], PROFILE_TILTS[profile]
    factor = 1.0 if live else UNREACHABLE_FACTOR[channel]
    rolls = [rng.random() for _ in range(6)]
    reached = rolls[0] < min(rates.reach * tilt.reach * factor, 1.0)
    answered = reached and rolls[1] < rates.answer
    right_party = answered and rolls[2] < rates.right_party
    cooperative = right_party and rolls[3] < min(rates.cooperate * tilt.cooperate, 1.0)
    comprehension = right_party and rolls[4] < rates.comprehend
    hardship = right_party and rolls[5] < tilt.hardship
    reason = rng.choice(tilt.reasons) if hardship else None
    return Draw(reached, answered, right_party, cooperative, comprehension, reason)
