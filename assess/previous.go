package assess

import "fmt"

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

// ComesAfter reports whether a comes after b in their subject's history,
// and why in words: a revision comes after what it revises (whatever the
// days assessed), and otherwise the one assessed after the other
// (AssessedAfter). A comparison runs from the earlier to the later.
func (a *Assessment) ComesAfter(b *Assessment) (why string, after bool) {
	switch {
	case a.RevisionOf == b.ID:
		return "it revises it", true
	case b.RevisionOf == a.ID || !a.AssessedAfter(b):
		return "", false
	case a.AssessedOn.After(b.AssessedOn):
		return fmt.Sprintf("assessed on %s, after %s", a.AssessedOn, b.AssessedOn), true
	}
	return fmt.Sprintf("assessed the same day, %s, and started after it", a.AssessedOn), true
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

// Revised is the set of assessments in list that a revision in list
// follows. An approved assessment is locked, so its remediation goes on in
// its revision, which carries its plan: what is still to do across a
// portfolio is the revision's. A revision archived (given up) follows
// nothing.
func Revised(list []*Assessment) map[int64]bool {
	out := map[int64]bool{}
	for _, a := range list {
		if a.RevisionOf != 0 && !a.Archive.Archived() {
			out[a.RevisionOf] = true
		}
	}
	return out
}
