"""One read-only app over the sample database for the whole session."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app


@pytest.fixture(scope="session")
def client(sample_db):
    with TestClient(create_app(sample_db)) as test_client:
        yield test_client
