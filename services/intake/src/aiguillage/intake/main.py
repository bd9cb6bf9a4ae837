"""`aiguillage serve intake`: run the HTTP API until SIGTERM or Ctrl-C."""

import uvicorn

from aiguillage.intake.app import create_app
from aiguillage.intake.settings import IntakeSettings
from aiguillage.shared.logging import configure_logging


def serve() -> None:
    settings = IntakeSettings()
    configure_logging(service="intake", log_format=settings.log_format, level=settings.log_level)
    uvicorn.run(
        create_app(settings),
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,  # our structlog handler renders uvicorn's lines too
        timeout_graceful_shutdown=20,
    )
