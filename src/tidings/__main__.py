"""The `tidings` command (`python -m tidings` too): imports the CLI only when it runs.

Why: the worker pool spawns its workers (`engine.pool`), and a spawned child first runs the
parent's main script again under the name `__mp_main__`. The console script pip writes used to
be `from tidings.cli.main import app`, so every worker imported the whole CLI (typer, rich,
DuckDB, pyarrow, the store, the queries) before loading the model: 64 MiB more resident memory
and about 0.2-0.5 s more CPU per worker, for code a worker never runs. The script is now
`from tidings.__main__ import main`, which imports nothing at module level."""
from __future__ import annotations


def main() -> None:
    from tidings.cli.main import app

    app()


if __name__ == "__main__":
    main()
