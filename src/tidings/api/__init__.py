"""The REST API and the dashboard server (`tidings serve`), a thin shell over `tidings.query`
and `tidings.pipeline`; see `app.create_app`."""
from tidings.api.app import create_app

__all__ = ["create_app"]
