from services.triage_scorer.bootstrap import build
from shared.runtime import run

run(build())
