package assess

import "context"

// Change says that other windows or people changed the portfolio: the
// ledger entries they committed, up to Seq, that the watcher did not
// write itself. The workspace reads again what it shows.
type Change struct {
	// Seq is the ledger entry the portfolio has reached.
	Seq int64
	// Entries is how many changes to assessments or subjects others
	// committed since the last Change (ledger entries that change none,
	// such as a key registered or a team role granted, are not counted,
	// nor reported).
	Entries int64
	// Lost, when not empty, says why others' changes are not followed
	// now (the server out of reach, the connection lost), in words for
	// the person. The watcher keeps trying; its next Change comes once it
	// follows again and has read what others committed meanwhile.
	Lost string
}

// Changes tells of the changes others make to a portfolio as they are
// made: on a team database as the server announces them, on a file by
// looking often.
type Changes interface {
	// Next waits for the next change others make, for the watcher to
	// stop following them or follow them again (Change.Lost), or for ctx
	// to end.
	Next(ctx context.Context) (Change, error)
}
