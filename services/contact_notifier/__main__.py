from services.contact_notifier.bootstrap import build
from shared.runtime import run

run(build())
