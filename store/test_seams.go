package store

// The store's test seams: three things a test of this package changes in a
// handle to make a race or a refusal happen on its terms. Every handle
// Open and OpenTeam return has them zero, and nothing outside the tests
// sets them: seams_test.go does, through holdBeforeSeal,
// leaveArchiveRulesToServer and cutBetweenSaveExchanges, and no other
// file of the package writes them.
type testSeams struct {
	// beforeSeal, if set, runs in each write transaction of the handle
	// once its change is made and checked, holding the locks it took,
	// before it is sealed and committed (db.tx): a test pauses one
	// process's change there while another's races it.
	beforeSeal func()
	// archiveChecksOff leaves the archive's rules to the team database's
	// server (archive_rules.go): its refusal then answers, as it does
	// whenever the check here is bypassed.
	archiveChecksOff bool
	// betweenSaveExchanges, if set, runs between the two exchanges of a
	// pipelined save that reads the ledger's tip first
	// (postgres_save.go), with a function that ends its connection: a
	// test ends it there as the system ends a killed process's. The
	// function, not the connection, is handed over so that this type,
	// in every handle, does not reach the PostgreSQL driver
	// (cmd/assay's TestSocketCodeIsTheTeamDriversOnly).
	betweenSaveExchanges func(endConnection func())
}
