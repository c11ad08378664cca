from recourse.simulators.court.runtime import build
from shared.runtime import run

run(build())
