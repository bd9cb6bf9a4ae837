"""`aiguillage serve dispatch`: consume until SIGTERM or Ctrl-C."""

from aiguillage.dispatch.app import create_app
from aiguillage.dispatch.settings import DispatchSettings
from aiguillage.shared.logging import configure_logging
from aiguillage.shared.service import serve as serve_app


def serve() -> None:
    settings = DispatchSettings()
    configure_logging(service="dispatch", log_format=settings.log_format, level=settings.log_level)
    serve_app(create_app(settings), settings)
