-- Lists show assessments most recently changed first. Without an index
-- SQLite sorts every row, summaries and all, which on a portfolio of
-- 10,000 assessments spills to temporary files and doubles the time to
-- the home screen's first frame.
CREATE INDEX assessments_recent ON assessments (updated_at, id);
