-- The five checks of the whole-run comparison in DuckDB (bench/README.md), as docs/language.md
-- defines them; the same steps as sqlite.sql. bench/duckdb.mjs runs it statement by statement,
-- with @LOG@, @HOLIDAYS@, @OUT@, @FROM@ and @TO@ filled in.
CREATE TABLE events AS SELECT * FROM read_csv('@LOG@', header = true, all_varchar = true);
CREATE TABLE holidays AS SELECT CAST(date AS DATE) AS d FROM read_csv('@HOLIDAYS@', header = true, all_varchar = true);

CREATE TABLE held AS
  SELECT body, CAST(date AS DATE) AS d, CAST(NULLIF(published, '') AS DATE) AS pub FROM events
  WHERE COALESCE(kind, '') IN ('meeting', '') AND COALESCE(status, '') IN ('held', 'confirmed', '')
    AND CAST(date AS DATE) <= DATE '@TO@';
CREATE TABLE bodies AS SELECT DISTINCT body FROM events;

CREATE TABLE days AS
  SELECT CAST(d AS DATE) AS d,
         dayofweek(d) NOT IN (0, 6) AND CAST(d AS DATE) NOT IN (SELECT d FROM holidays) AS working
  FROM range(DATE '2011-01-01', DATE '2027-01-01', INTERVAL 1 DAY) t(d);
CREATE TABLE workdays AS SELECT ROW_NUMBER() OVER (ORDER BY d) AS n, d FROM days WHERE working;
CREATE TABLE day_index AS
  SELECT d, COALESCE(SUM(CAST(working AS INTEGER)) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM days;

CREATE TABLE links AS
  SELECT body, q, COALESCE(p, DATE '@FROM@') AS p FROM (
    SELECT body, d AS q, LAG(d) OVER (PARTITION BY body ORDER BY d) AS p FROM held)
  WHERE q >= DATE '@FROM@';
CREATE TABLE tails AS
  SELECT b.body, COALESCE(MAX(h.d), DATE '@FROM@') AS last0 FROM bodies b LEFT JOIN held h USING (body) GROUP BY b.body;

-- DuckDB's month arithmetic clamps to the end of the month, as docs/language.md does
-- (bench/duckdb.mjs checks that first).
CREATE TABLE findings AS
  SELECT 'gap-months' AS rule, body, 'breach' AS status, CAST(p + INTERVAL 2 MONTH AS DATE) AS due, q AS on_date
  FROM links WHERE q > CAST(p + INTERVAL 2 MONTH AS DATE);
INSERT INTO findings
  SELECT 'gap-months', body, 'breach', CAST(last0 + INTERVAL 2 MONTH AS DATE), NULL FROM tails
  WHERE DATE '@TO@' > CAST(last0 + INTERVAL 2 MONTH AS DATE);
INSERT INTO findings
  SELECT 'gap-days', body, 'breach', p + 60, q FROM links WHERE q > p + 60;
INSERT INTO findings
  SELECT 'gap-days', body, 'breach', last0 + 60, NULL FROM tails WHERE DATE '@TO@' > last0 + 60;

INSERT INTO findings
  SELECT 'notice', h.body, CASE WHEN h.pub IS NULL THEN 'no-evidence' ELSE 'breach' END, w.d - 1, h.pub
  FROM held h JOIN day_index i ON i.d = h.d JOIN workdays w ON w.n = i.before - 4
  WHERE h.d >= DATE '@FROM@' AND (h.pub IS NULL OR h.pub >= w.d);

CREATE TABLE quarters AS
  SELECT CAST(s AS DATE) AS s, CAST(s + INTERVAL 3 MONTH AS DATE) - 1 AS e
  FROM range(DATE '@FROM@', DATE '@TO@' + 1, INTERVAL 3 MONTH) t(s)
  WHERE CAST(s + INTERVAL 3 MONTH AS DATE) - 1 <= DATE '@TO@';
INSERT INTO findings
  SELECT 'quarterly', b.body, 'breach', q.e, NULL FROM bodies b CROSS JOIN quarters q
  WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.body = b.body AND h.d BETWEEN q.s AND q.e);
CREATE TABLE years AS
  SELECT CAST(s AS DATE) AS s, CAST(s + INTERVAL 1 YEAR AS DATE) - 1 AS e
  FROM range(DATE '@FROM@', DATE '@TO@' + 1, INTERVAL 1 YEAR) t(s)
  WHERE CAST(s + INTERVAL 1 YEAR AS DATE) - 1 <= DATE '@TO@';
INSERT INTO findings
  SELECT 'per-year', b.body, 'breach', y.e, NULL FROM bodies b CROSS JOIN years y
  LEFT JOIN held h ON h.body = b.body AND h.d BETWEEN y.s AND y.e
  GROUP BY b.body, y.e HAVING COUNT(h.d) < 6;

COPY (SELECT rule, body, status, strftime(due, '%Y-%m-%d'), COALESCE(strftime(on_date, '%Y-%m-%d'), '') FROM findings)
  TO '@OUT@' (HEADER false);
