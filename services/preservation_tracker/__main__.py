from services.preservation_tracker.bootstrap import build
from shared.runtime import run

run(build())
