package assess

// ArchiveFlag is an assessment's archive flag as the store holds it: 0
// for one in use, 1 for one archived (set aside as started by mistake),
// the only values assay writes. Any other value was set outside assay
// (sqlite3, psql): it reads as archived, and a change is refused saying
// so, not as an ordinary archive (Assessment.Editable), which would hide
// the tampering. Every reader of the stored flag keeps this one value
// rather than bools worked out from it, so none can read a flag set
// outside assay as kept or as a plain archive.
type ArchiveFlag int64

const (
	// NotArchived is the flag of an assessment in use.
	NotArchived ArchiveFlag = 0
	// ArchivedInAssay is the flag assay sets on archiving.
	ArchivedInAssay ArchiveFlag = 1
)

// ArchiveFlagOf is the flag assay writes for archived.
func ArchiveFlagOf(archived bool) ArchiveFlag {
	if archived {
		return ArchivedInAssay
	}
	return NotArchived
}

// Archived reports whether the assessment reads as archived: listed only
// with the archived ones, and taking no change until it is restored.
func (f ArchiveFlag) Archived() bool { return f != NotArchived }

// SetOutsideAssay reports whether the flag holds a value assay never
// writes: archived, and by someone editing the database.
func (f ArchiveFlag) SetOutsideAssay() bool { return f != NotArchived && f != ArchivedInAssay }
