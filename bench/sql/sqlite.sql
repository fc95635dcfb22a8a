-- The five checks of the whole-run comparison in SQLite (bench/README.md), as docs/language.md
-- defines them. bench/compare.py fills in @LOG@, @HOLIDAYS@, @OUT@, @FROM@ and @TO@.
-- Output: one row per finding: rule, body, status, due, date (empty when none).
.bail on
.mode csv
.import --csv @LOG@ events
.import --csv @HOLIDAYS@ holidays

-- Held meetings up to the audit end; an empty kind is a meeting and an empty status is held.
CREATE TABLE held AS
  SELECT body, date AS d, NULLIF(published, '') AS pub FROM events
  WHERE kind IN ('meeting', '') AND status IN ('held', 'confirmed', '') AND date <= '@TO@';
CREATE INDEX held_body ON held(body, d);
CREATE TABLE bodies AS SELECT DISTINCT body FROM events;

-- Working days: weekdays that are not bank holidays, numbered in order; `before` is how many
-- working days come strictly before each day.
CREATE TABLE days AS
  WITH RECURSIVE day(d) AS (SELECT '2011-01-01' UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < '2026-12-31')
  SELECT d, strftime('%w', d) NOT IN ('0', '6') AND d NOT IN (SELECT date FROM holidays) AS working FROM day;
CREATE TABLE workdays AS SELECT ROW_NUMBER() OVER (ORDER BY d) AS n, d FROM days WHERE working;
CREATE TABLE day_index AS
  SELECT d, SUM(working) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM days;
CREATE UNIQUE INDEX day_index_d ON day_index(d);
CREATE UNIQUE INDEX workdays_n ON workdays(n);

-- Gap chains: each held meeting in the window with the one before it (the last before the window,
-- or the window's start when there is none), and each body's last link, still open at the end.
CREATE TABLE links AS
  SELECT body, q, COALESCE(p, '@FROM@') AS p FROM (
    SELECT body, d AS q, LAG(d) OVER (PARTITION BY body ORDER BY d) AS p FROM held)
  WHERE q >= '@FROM@';
CREATE TABLE tails AS
  SELECT b.body, COALESCE((SELECT MAX(d) FROM held h WHERE h.body = b.body), '@FROM@') AS last0 FROM bodies b;

-- D + N months keeps the day of the month, clamped to the end of the target month.
CREATE TABLE findings AS
  SELECT 'gap-months' AS rule, body, 'breach' AS status,
         MIN(date(p, 'start of month', '+2 months', '+' || (CAST(strftime('%d', p) AS INTEGER) - 1) || ' days'),
             date(p, 'start of month', '+3 months', '-1 day')) AS due, q AS on_date
  FROM links;
DELETE FROM findings WHERE on_date <= due;
INSERT INTO findings
  SELECT 'gap-months', body, 'breach', due, '' FROM (
    SELECT body, MIN(date(last0, 'start of month', '+2 months', '+' || (CAST(strftime('%d', last0) AS INTEGER) - 1) || ' days'),
                     date(last0, 'start of month', '+3 months', '-1 day')) AS due FROM tails)
  WHERE '@TO@' > due;

INSERT INTO findings
  SELECT 'gap-days', body, 'breach', date(p, '+60 days'), q FROM links WHERE q > date(p, '+60 days');
INSERT INTO findings
  SELECT 'gap-days', body, 'breach', date(last0, '+60 days'), '' FROM tails WHERE '@TO@' > date(last0, '+60 days');

-- Five clear working days: L is the fifth working day before the meeting; the agenda must be
-- published before L (due: the day before L).
INSERT INTO findings
  SELECT 'notice', h.body, CASE WHEN h.pub IS NULL THEN 'no-evidence' ELSE 'breach' END, date(w.d, '-1 day'),
         COALESCE(h.pub, '')
  FROM held h JOIN day_index i ON i.d = h.d JOIN workdays w ON w.n = i.before - 4
  WHERE h.d >= '@FROM@' AND (h.pub IS NULL OR h.pub >= w.d);

-- Quarters and years aligned to 1 January, wholly inside the window.
CREATE TABLE quarters AS
  WITH RECURSIVE q(s) AS (SELECT '@FROM@' UNION ALL SELECT date(s, '+3 months') FROM q WHERE date(s, '+6 months', '-1 day') <= '@TO@')
  SELECT s, date(s, '+3 months', '-1 day') AS e FROM q;
INSERT INTO findings
  SELECT 'quarterly', b.body, 'breach', q.e, '' FROM bodies b, quarters q
  WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.body = b.body AND h.d BETWEEN q.s AND q.e);
CREATE TABLE years AS
  WITH RECURSIVE y(s) AS (SELECT '@FROM@' UNION ALL SELECT date(s, '+1 year') FROM y WHERE date(s, '+2 years', '-1 day') <= '@TO@')
  SELECT s, date(s, '+1 year', '-1 day') AS e FROM y;
INSERT INTO findings
  SELECT 'per-year', b.body, 'breach', y.e, '' FROM bodies b, years y
  WHERE (SELECT COUNT(*) FROM held h WHERE h.body = b.body AND h.d BETWEEN y.s AND y.e) < 6;

.headers off
.output @OUT@
SELECT rule, body, status, due, on_date FROM findings;
.output stdout
