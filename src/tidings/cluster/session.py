"""Connect the driver to Ray: a local instance started for this run, or an existing cluster.

Ray itself waits minutes, retrying, for a head node that is not there; a TCP probe of the
address first turns a wrong `--ray-address` into one clear error within seconds.
"""
from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tidings.errors import ClusterError, Errors

log = logging.getLogger(__name__)
PROBE_SECONDS = 5.0
DEFAULT_PORTS = {"ray": 10001, "": 6379}  # Ray client server; GCS of `ray start --head`


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide the Ray pipeline runs.

    `address`: None starts a local instance (`num_cpus` CPUs, all of this machine's by
    default) and stops it at the end; `auto`, `HOST:PORT` or `ray://HOST:PORT` join an
    existing cluster. `concurrency`: extractor actors, each holding one spaCy pipeline
    (default: one per CPU of the cluster). `chunk_articles`: articles per object-store
    block and per Parquet partition, which bounds the driver's memory.
    """

    address: str | None = None
    num_cpus: int | None = None
    concurrency: int | None = None
    chunk_articles: int = 2000
    progress: bool = False
    quiet_ray: bool = True  # Ray's own INFO lines and C++ warnings off (the CLI's -v turns them on)


def import_ray():
    """The `ray` module, or a ClusterError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401  (the [data] extra)
    except ImportError as exc:
        raise ClusterError(Errors.E803.format(problem=str(exc).splitlines()[0])) from exc
    return ray


def probe(address: str, timeout: float = PROBE_SECONDS) -> None:
    """Raise ClusterError unless something listens at the host and port of `address`."""
    if address == "auto":
        return  # Ray looks for a cluster started on this machine and says so quickly
    scheme, _, rest = address.rpartition("://")
    host, _, port = rest.rpartition(":") if ":" in rest else (rest, "", "")
    try:
        number = int(port) if port else DEFAULT_PORTS.get(scheme, 6379)
        with socket.create_connection((host or "127.0.0.1", number), timeout=timeout):
            pass
    except (OSError, ValueError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise ClusterError(Errors.E804.format(address=address, problem=problem), address=address) from exc


@contextmanager
def ray_session(options: RayOptions) -> Iterator[object]:
    """Yield `ray` connected as `options` say; a connection made here is closed here, and one
    made by the caller (e.g. a test's local instance) is used and left open."""
    ray = import_ray()
    if options.quiet_ray:
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = options.progress
    if ray.is_initialized():
        yield ray
        return
    if options.address:
        probe(options.address)
    try:
        # "local" always starts a new instance, never joining a cluster `ray start` left on this machine
        ray.init(address=options.address or "local", num_cpus=None if options.address else options.num_cpus,
                 include_dashboard=False, log_to_driver=not options.quiet_ray,
                 logging_level=logging.ERROR if options.quiet_ray else logging.INFO)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ClusterError(Errors.E804.format(address=options.address or "a new local instance",
                                              problem=str(exc).splitlines()[0]),
                           address=options.address) from exc
    try:
        yield ray
    finally:
        ray.shutdown()
