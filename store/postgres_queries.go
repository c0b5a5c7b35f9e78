package store

// postgresQueries are the few shared queries that SQLite words its own
// way, in PostgreSQL's words, keyed by the shared query itself: the
// driver uses them in its place (postgres_driver.go, rebind). Keyed by
// the constants, a change to a shared query's text carries over here;
// a change of what it does must be made in both.
var postgresQueries = map[string]string{
	// A save reads the assessment's head under its row lock, so that
	// writes to one assessment run one after the other (pgDialect.lock);
	// the server has no data version, and needs none: every write takes
	// that lock first, and a save from the cache checks the head under it.
	saveHeadQuery: `SELECT a.event_count, a.event_head, 0, COALESCE(s.uuid, ''), COALESCE(r.uuid, '')
		FROM assessments a LEFT JOIN subjects s ON s.id = a.subject_id LEFT JOIN assessments r ON r.id = a.revision_of
		WHERE a.id = $1 FOR UPDATE OF a`,
	saveSummaryQuery: `UPDATE assessments SET summary = $1, list = $2, updated_at = $3, event_count = $4, event_head = $5
		WHERE id = $6 AND event_head = $7 AND $8::bigint = 0`,
	// The ledger's tip is a row of its own, locked by the write that
	// appends the next entry until it commits: entries are appended one
	// at a time across the database, each after the last committed one.
	ledgerTipQuery: `SELECT seq, hash FROM ledger_tip FOR UPDATE`,
	// A key counts as this login's only if this login registered it
	// (the server refuses an entry signed with a key its login has not
	// registered); one that is not is registered under the login, which
	// the server refuses when the key is registered under another name
	// (migration 003): a key belongs to one person.
	ledgerKeyQuery:   `SELECT COUNT(*) FROM ledger WHERE key_id = $1 AND kind IN ('genesis', 'key') AND (note::jsonb ->> 'name') = session_user`,
	insertStateQuery: `INSERT INTO ledger_states (hash, state) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
	// The server has no json_valid before version 16: a summary that looks
	// like an object is read for its scoring_version as text, which the
	// store writes with no space (encoding/json), and the version's number
	// is read only once it is known to be digits.
	olderSummariesQuery: `SELECT id FROM (
		SELECT id, coalesce(substring(summary from '"scoring_version":"([^"]*)"'), '') AS v FROM assessments WHERE summary LIKE '{%}') s
		WHERE CASE WHEN v = '' THEN true
			WHEN v LIKE $1 AND substr(v, $2) ~ '^[0-9]{1,9}$' THEN CAST(substr(v, $2) AS integer) < $3
			ELSE false END
		ORDER BY id`,
}

// PostgreSQL has strpos for SQLite's instr, and no integer as a truth
// value; the list's measure is keyed with each WHERE clause it may carry.
func init() {
	const pgListWidths = `SELECT coalesce(max(a.id), 0), coalesce(max(length(a.subject)), 0),
		coalesce(max(length(a.status)), 0), coalesce(max(CASE WHEN a.archived <> 0 THEN length(a.status) ELSE 0 END), 0),
		coalesce(max(strpos(a.list, ',') - 2), 0), coalesce(max(strpos(substr(a.list, strpos(a.list, ',') + 1), ',') - 1), 0),
		coalesce(max(strpos(a.list, '","') - strpos(a.list, '"') - 1), 0),
		coalesce(max(CASE WHEN a.list LIKE '%],1]' OR a.list LIKE '%],3]' THEN 1 ELSE 0 END), 0),
		coalesce(max(CASE WHEN a.archived = 0 AND (a.list LIKE '%],2]' OR a.list LIKE '%],3]') THEN length(a.status) ELSE 0 END), 0),
		coalesce(max(CASE WHEN a.archived <> 0 AND (a.list LIKE '%],2]' OR a.list LIKE '%],3]') THEN length(a.status) ELSE 0 END), 0)
		FROM assessments a`
	for _, where := range listWheres {
		postgresQueries[listWidthsQuery+where] = pgListWidths + where
	}
	const pgNonASCII = `SELECT a.subject, a.list FROM assessments a
	WHERE (octet_length(a.subject) <> length(a.subject) OR octet_length(a.list) <> length(a.list))`
	postgresQueries[nonASCIIQuery] = pgNonASCII
	postgresQueries[nonASCIIQuery+nonASCIIUnarchived] = pgNonASCII + nonASCIIUnarchived
}
