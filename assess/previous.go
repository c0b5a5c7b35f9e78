package assess

// AssessedAfter reports whether a was assessed after b: by date, then, on
// the same day, by creation (a later ID).
func (a *Assessment) AssessedAfter(b *Assessment) bool {
	switch {
	case a.AssessedOn.After(b.AssessedOn):
		return true
	case a.AssessedOn.Before(b.AssessedOn):
		return false
	}
	return a.ID > b.ID
}

// SameSubject matches by subject record; assessments stored before
// subjects existed match by name and kind.
func (a *Assessment) SameSubject(b *Assessment) bool {
	if a.SubjectID != 0 || b.SubjectID != 0 {
		return a.SubjectID == b.SubjectID
	}
	return a.Subject == b.Subject && a.SubjectKind == b.SubjectKind
}

// Previous is what a is compared with by default: the assessment it
// revises, or else the latest one of the same subject assessed before it,
// among candidates; nil if there is none.
func Previous(a *Assessment, candidates []*Assessment) *Assessment {
	var best *Assessment
	for _, x := range candidates {
		if x.ID == a.ID || !x.SameSubject(a) {
			continue
		}
		if x.ID == a.RevisionOf {
			return x
		}
		if a.AssessedAfter(x) && (best == nil || x.AssessedAfter(best)) {
			best = x
		}
	}
	return best
}
