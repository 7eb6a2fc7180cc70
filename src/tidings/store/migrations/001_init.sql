-- 001: the first schema. Every row carries article_id; dates are *_date, UTC times *_at.
CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,
    article_date DATE NOT NULL,
    title        VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    origin       VARCHAR,
    text         VARCHAR NOT NULL,
    ingested_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE events (
    article_id       VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,
    sentence         INTEGER,
    evidence         VARCHAR,
    start_char       INTEGER,
    end_char         INTEGER,
    event_date       DATE,
    date_text        VARCHAR,
    date_precision   VARCHAR,
    source_text      VARCHAR,
    source_name      VARCHAR,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_roles     VARCHAR[],
    target_text      VARCHAR,
    target_name      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_roles     VARCHAR[],
    cameo            VARCHAR NOT NULL,
    root             VARCHAR NOT NULL,
    quad_class       INTEGER,
    goldstein        DOUBLE,
    plover           VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    location_lat     DOUBLE,
    location_lon     DOUBLE,
    location_kind    VARCHAR,
    confidence       DOUBLE,
    rule             VARCHAR,
    verb             VARCHAR,
    threatened       VARCHAR
);

-- One row per distinct resolved actor mention; event_id is NULL for quote speakers.
CREATE TABLE actors (
    article_id VARCHAR NOT NULL,
    event_id   VARCHAR,
    slot       VARCHAR NOT NULL,  -- source | target | speaker
    text       VARCHAR,
    name       VARCHAR,
    code       VARCHAR,
    country    VARCHAR,
    roles      VARCHAR[]
);

CREATE TABLE quotes (
    article_id      VARCHAR NOT NULL,
    quote_index     INTEGER NOT NULL,
    speaker         VARCHAR,
    speaker_text    VARCHAR,
    speaker_name    VARCHAR,
    speaker_code    VARCHAR,
    speaker_country VARCHAR,
    speaker_roles   VARCHAR[],
    text            VARCHAR,
    kind            VARCHAR,
    start_char      INTEGER,
    end_char        INTEGER
);

CREATE TABLE timexes (
    article_id  VARCHAR NOT NULL,
    timex_index INTEGER NOT NULL,
    text        VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    type        VARCHAR,
    value       VARCHAR
);

CREATE TABLE entities (
    article_id   VARCHAR NOT NULL,
    entity_index INTEGER NOT NULL,
    text         VARCHAR,
    label        VARCHAR,
    start_char   INTEGER,
    end_char     INTEGER
);

-- Input records that could not be ingested; article_id is NULL (they never became one).
CREATE TABLE rejects (
    article_id  VARCHAR,
    origin      VARCHAR NOT NULL,
    line        INTEGER,
    field       VARCHAR,
    message     VARCHAR NOT NULL,
    raw         VARCHAR,
    rejected_at TIMESTAMPTZ NOT NULL
);
