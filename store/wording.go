package store

// wording is which of a database's failures say that nothing could be
// read and which that nothing was recorded. It is the handle's, set once
// when it is opened (or by WordReadsAsReads), and handed to the
// dialect's worded with each failure: the dialects and the file's
// inspection keep no flag of their own.
type wording uint8

const (
	// wordedAsWrites: a command that writes. Its every failure, a read's
	// too, says that nothing was recorded: the person asked for a
	// change, and that is what they need to know was not made.
	wordedAsWrites wording = iota
	// wordedAsReads: a command that only reads (OpenExistingToRead,
	// OpenTeamToRead). Its every failure says nothing could be read.
	wordedAsReads
	// wordedAsDone: the workspace, which reads and writes on one handle
	// (WordReadsAsReads). A read's failure says nothing could be read, a
	// write's that nothing was recorded.
	wordedAsDone
)

// wordingOf is how a handle opened for a command that only reads
// (toRead), or not, words its failures.
func wordingOf(toRead bool) wording {
	if toRead {
		return wordedAsReads
	}
	return wordedAsWrites
}

// reading reports whether a failure of a read (read) or of a write, or
// of opening the database (read false), is said as a read's.
func (w wording) reading(read bool) bool {
	return w == wordedAsReads || w == wordedAsDone && read
}
