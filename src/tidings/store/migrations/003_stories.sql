-- 003: bylines; stories (near-duplicate articles linked to one story, see store/minhash.py);
-- every event report as a mention, and one merged row per event with GDELT-style counts.
ALTER TABLE articles ADD COLUMN author VARCHAR;

CREATE TABLE stories (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL,  -- article_id of the story's first article
    linked_to  VARCHAR,           -- the stored article it matched best (NULL: it began the story)
    similarity DOUBLE,            -- estimated Jaccard of 5-word shingles to linked_to
    minhash    BIGINT[] NOT NULL, -- 128 MinHash values, kept so later runs link against it
    linked_at  TIMESTAMPTZ NOT NULL
);

-- One row per report of an event. event_key groups reports of the same event: same event
-- date, same source and target actor (code, else name), same CAMEO code, same place.
-- outlet is the article's source, else its URL's host, else the file it came from.
CREATE VIEW event_mentions AS
SELECT e.*, a.article_date, a.url, a.title, a.ingested_at,
       coalesce(nullif(a.source, ''), nullif(regexp_extract(a.url, '^[A-Za-z]+://([^/:?#]+)', 1), ''),
                regexp_replace(coalesce(a.origin, e.article_id), ':[0-9]+$', '')) AS outlet,
       coalesce(s.story_id, e.article_id) AS story_id,
       md5(concat_ws('|', CAST(e.event_date AS VARCHAR),
                     coalesce(e.source_code, lower(e.source_name), ''),
                     coalesce(e.target_code, lower(e.target_name), ''),
                     e.cameo, coalesce(lower(e.location_name), ''))) AS event_key
FROM events e JOIN articles a USING (article_id) LEFT JOIN stories s USING (article_id);

-- One row per event: the columns of its first report (earliest article date, then first
-- ingested), how often it was reported, and every article that reported it.
CREATE VIEW merged_events AS
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY event_key
                                 ORDER BY article_date, ingested_at, article_id, start_char) AS rank_
    FROM event_mentions),
counts AS (
    SELECT event_key, count(*) AS num_mentions, count(DISTINCT outlet) AS num_sources,
           count(DISTINCT article_id) AS num_articles, count(DISTINCT story_id) AS num_stories,
           min(article_date) AS first_seen_date, max(article_date) AS last_seen_date,
           list(DISTINCT article_id ORDER BY article_id) AS article_ids,
           list(DISTINCT outlet ORDER BY outlet) AS outlets
    FROM event_mentions GROUP BY event_key)
SELECT r.* EXCLUDE (rank_), c.* EXCLUDE (event_key)
FROM ranked r JOIN counts c USING (event_key)
WHERE r.rank_ = 1;
