from services.fee_calculator.bootstrap import build
from shared.runtime import run

run(build())
