"""`aiguillage serve triage`: consume until SIGTERM or Ctrl-C."""

from aiguillage.shared.logging import configure_logging
from aiguillage.shared.service import serve as serve_app
from aiguillage.triage.app import create_app
from aiguillage.triage.settings import TriageSettings


def serve() -> None:
    settings = TriageSettings()
    configure_logging(service="triage", log_format=settings.log_format, level=settings.log_level)
    serve_app(create_app(settings), settings)
