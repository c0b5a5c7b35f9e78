package store

import "github.com/assay-dev/assay/assess"

// The archive's rules (an archived assessment is neither signed nor
// revised; one in review or approved is not archived) are the domain's,
// checked here before anything is written (assess.SigningArchivedRefused,
// assess.ArchivingRefused), and since team schema 013 the server's too.
// The server marks its refusals (SQLSTATE 42501 with the constraint name
// assay_archived or assay_archive_refused, the status as the latter's
// detail), so that when its refusal is the one that answers, the write's
// own check bypassed, the person reads the domain's words and remedy,
// not the server's text for whoever writes SQL.

// The marks the server's archive refusals carry (migration 013).
const (
	archivedConstraint       = "assay_archived"
	archiveRefusedConstraint = "assay_archive_refused"
)

// signingArchivedRefused is assess.SigningArchivedRefused, unless this
// handle leaves the rule to the server (test_seams.go).
func (db *DB) signingArchivedRefused(a *assess.Assessment, what string) error {
	if db.seams.archiveChecksOff {
		return nil
	}
	return assess.SigningArchivedRefused(a, what)
}

// archivingRefused is assess.ArchivingRefused, unless this handle
// leaves the rule to the server (test_seams.go).
func (db *DB) archivingRefused(id int64, status assess.Lifecycle) error {
	if db.seams.archiveChecksOff {
		return nil
	}
	return assess.ArchivingRefused(id, status)
}

// archiveRefusal is err, the server's refusal of what ("submit", "revise",
// "archive") on assessment id, in the domain's words when it is one of
// the archive's rules; any other error is returned as it is.
func (db *DB) archiveRefusal(err error, id int64, what string) error {
	switch rule, detail := db.dialect.ruleRefused(err); rule {
	case archivedConstraint:
		return assess.SigningArchivedRefusal(id, what)
	case archiveRefusedConstraint:
		return assess.ArchivingRefused(id, assess.Lifecycle(detail))
	}
	return err
}
