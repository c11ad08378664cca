from services.filing_batcher.bootstrap import build
from shared.runtime import run

run(build())
