"""`aiguillage serve intake`: run the HTTP API until SIGTERM or Ctrl-C."""

from aiguillage.intake.app import create_app
from aiguillage.intake.settings import IntakeSettings
from aiguillage.shared.logging import configure_logging
from aiguillage.shared.service import serve as serve_app


def serve() -> None:
    settings = IntakeSettings()
    configure_logging(service="intake", log_format=settings.log_format, level=settings.log_level)
    serve_app(create_app(settings), settings)
