"""The Ray engine: extraction spread over a local Ray instance or an existing cluster, with
Parquet partitions as output and one DuckDB writer (see docs/cluster.md). Ray is optional
(`pip install 'tidings[ray]'`); it is imported only when the engine runs."""
from tidings.cluster.engine import run
from tidings.cluster.session import RayOptions

__all__ = ["RayOptions", "run"]
