"""Probability that collection recovers the debt, as a logistic over features.

Coefficients (hand-set priors, to be refit per tenant once outcomes exist):

| term | coefficient | why |
|---|---|---|
| intercept | +0.8 | a freshly overdue, small loan usually gets repaid |
| reach rate | +1.6 | a reachable borrower can be collected from |
| cooperation rate | +2.0 | the strongest sign of willingness |
| right-party rate | +0.6 | talking to the borrower, not a relative |
| comprehension rate | +0.4 | the borrower understood what happens next |
| stated hardship | +0.5 | such borrowers usually pay once helped |
| ln(1 + principal / 1,000 yuan) | -0.9 | large principal: inability more often |
| term in years | -0.7 | longer terms lower repayment |
| overdue days / 30 | -0.35 | the longer overdue, the colder the debt |
| product complexity (1-5) | -0.15 | complex products are misunderstood more |

Principal and term enter only through increasing transforms with negative
coefficients, so the score decreases in both; reach and cooperation increase it.
"""

import math

from services.triage_scorer.domain.features import CaseFeatures

INTERCEPT = 0.8
REACH = 1.6
COOPERATION = 2.0
RIGHT_PARTY = 0.6
COMPREHENSION = 0.4
STATED_HARDSHIP = 0.5
LOG_PRINCIPAL_THOUSANDS = -0.9
TERM_YEARS = -0.7
OVERDUE_MONTHS = -0.35
COMPLEXITY = -0.15


def recovery_score(features: CaseFeatures) -> float:
    """Return the probability, in (0, 1), that collection recovers the debt."""
    thousands = max(float(features.principal), 0.0) / 1000.0
    z = (
        INTERCEPT
        + REACH * features.reach_rate
        + COOPERATION * features.cooperation_rate
        + RIGHT_PARTY * features.right_party_rate
        + COMPREHENSION * features.comprehension_rate
        + STATED_HARDSHIP * bool(features.stated_reasons)
        + LOG_PRINCIPAL_THOUSANDS * math.log1p(thousands)
        + TERM_YEARS * max(features.term_months, 0) / 12.0
        + OVERDUE_MONTHS * max(features.overdue_days, 0) / 30.0
        + COMPLEXITY * features.product_complexity
    )
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    return math.exp(z) / (1.0 + math.exp(z))
