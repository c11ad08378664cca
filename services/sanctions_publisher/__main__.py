from services.sanctions_publisher.bootstrap import build
from shared.runtime import run

run(build())
