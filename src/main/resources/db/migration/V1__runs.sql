-- Runs and their event streams. Portable SQL: the same file migrates H2 and PostgreSQL.
CREATE TABLE runs (
  id            VARCHAR(200)  PRIMARY KEY,
  workflow      VARCHAR(100)  NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  visitor_name  VARCHAR(2100),
  industry      VARCHAR(2100),
  created_ms    BIGINT        NOT NULL,
  started_ms    BIGINT,
  finished_ms   BIGINT,
  cost_usd      DOUBLE PRECISION,
  input_tokens  BIGINT,
  output_tokens BIGINT,
  quality_score INTEGER,
  error         VARCHAR(4000),
  profile_json  TEXT          NOT NULL,
  report_json   TEXT,
  costs_json    TEXT
);
CREATE INDEX runs_newest ON runs (created_ms DESC, id);
CREATE INDEX runs_status ON runs (status);

CREATE TABLE run_events (
  run_id    VARCHAR(200) NOT NULL REFERENCES runs (id),
  seq       INTEGER      NOT NULL,
  type      VARCHAR(40)  NOT NULL,
  data_json TEXT         NOT NULL,
  PRIMARY KEY (run_id, seq)
);
