package store

import "testing"

// The PostgreSQL driver numbers the shared queries' ? placeholders; a ?
// inside a literal, an identifier, a dollar-quoted body or a comment is
// text, not a parameter. Results worked out by hand.
func TestNumberParams(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT ? , ?`, `SELECT $1 , $2`},
		{`WHERE a = ? AND b = 'is it?' AND c = ?`, `WHERE a = $1 AND b = 'is it?' AND c = $2`},
		{`WHERE b = 'it''s ?' AND c = ?`, `WHERE b = 'it''s ?' AND c = $1`},
		{`SELECT "odd?name" FROM t WHERE x = ?`, `SELECT "odd?name" FROM t WHERE x = $1`},
		{"SELECT ? -- why?\nFROM t WHERE y = ?", "SELECT $1 -- why?\nFROM t WHERE y = $2"},
		{`SELECT /* a ? here */ ?`, `SELECT /* a ? here */ $1`},
		{`DO $$ BEGIN PERFORM '?'; END $$; SELECT ?`, `DO $$ BEGIN PERFORM '?'; END $$; SELECT $1`},
		{`SELECT ? /* open ?`, `SELECT $1 /* open ?`},
		{`SELECT 'open ?`, `SELECT 'open ?`},
	} {
		if got := numberParams(c.in); got != c.want {
			t.Errorf("numberParams(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
