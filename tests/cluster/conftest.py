"""A local Ray instance for the Ray engine tests: started once per module that asks for it,
two CPUs, no dashboard, and always shut down, so no Ray process outlives the tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray", reason="ray is not installed: `make test` installs it "
                                            "with the [ray] extra (pip install -e '.[ray]')")
    pytest.importorskip("ray.data", reason="ray is installed without its [data] extra")
    # address="local": a new instance even when `ray start` left a cluster running on this machine
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        yield ray
    finally:
        ray.shutdown()
