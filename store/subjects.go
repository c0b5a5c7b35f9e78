package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// attachSubject links a new assessment to its subject record: by
// a.SubjectID, else by name ignoring case, else a new subject is created
// with the assessment's kind. The assessment keeps the subject's name and
// kind; a kind it gives that differs from the one recorded is refused,
// unless it was only offered (SubjectKindOffered).
func (db *DB) attachSubject(ctx context.Context, tx *sql.Tx, a *assess.Assessment) error {
	kind, err := assess.ParseSubjectKind(a.SubjectKind)
	if err != nil {
		return err
	}
	var s *assess.Subject
	if a.SubjectID != 0 {
		if s, err = db.subjectRow(ctx, tx, `id = ?`, a.SubjectID); err != nil {
			return err
		}
		if s == nil {
			return assess.Errorf(assess.ENotFound, "no subject %d", a.SubjectID)
		}
	} else {
		a.Subject = strings.TrimSpace(a.Subject)
		if s, err = db.subjectNamed(ctx, tx, a.Subject, 0); err != nil {
			return err
		}
	}
	if s == nil {
		s = &assess.Subject{Name: a.Subject, Kind: kind}
		if err := s.Validate(); err != nil {
			return err
		}
		if err := db.insertSubject(ctx, tx, s); err != nil {
			return err
		}
	}
	switch {
	case kind == "" || kind == s.Kind:
	case a.SubjectKindOffered && s.Kind != "":
		// Only offered: the subject's recorded kind stands.
	case s.Kind == "":
		old := *s
		s.Kind = kind
		if err := db.writeSubject(ctx, tx, &old, s); err != nil {
			return err
		}
	default:
		return assess.Errorf(assess.EConflict, "%s is recorded as a %s, not a %s (change it with assay subject edit)", s.Name, s.Kind, kind)
	}
	a.SubjectID, a.Subject, a.SubjectKind = s.ID, s.Name, s.Kind
	return nil
}

// CreateSubject stores a new subject; its name must not be taken (ignoring case).
func (db *DB) CreateSubject(ctx context.Context, s *assess.Subject) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		return db.insertSubject(ctx, tx, s)
	})
}

// insertSubject stores s, which its caller has checked: Validate for a
// subject named anew, ValidateAgainst its record for one imported.
func (db *DB) insertSubject(ctx context.Context, tx *sql.Tx, s *assess.Subject) error {
	if err := db.dialect.lockNames(ctx, tx); err != nil {
		return err
	}
	if err := db.nameFree(ctx, tx, s.Name, 0); err != nil {
		return err
	}
	contacts, err := json.Marshal(nonNil(s.Contacts))
	if err != nil {
		return err
	}
	now := db.stamp()
	if s.UUID == "" {
		s.UUID = assess.NewUUID()
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO subjects (uuid, name, kind, owner, contacts, tier, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, s.UUID, s.Name, s.Kind, s.Owner, string(contacts), s.SetTier, s.Notes, now, now).Scan(&s.ID); err != nil {
		return err
	}
	s.CreatedAt, s.UpdatedAt = parseStamp(now), parseStamp(now)
	created := subjectRecord(s)
	created["uuid"] = s.UUID // fixed for good: the ledger names the subject by it
	// Dated as the row: verify holds the row's times to its records.
	_, err = db.appendToAt(ctx, tx, subjectChain, s.ID, now, "create", "subject", nil, created)
	return err
}

// subjectRecord is what the audit trail keeps of a subject.
func subjectRecord(s *assess.Subject) map[string]any {
	return map[string]any{"name": s.Name, "kind": s.Kind, "owner": s.Owner, "contacts": nonNil(s.Contacts), "tier": s.SetTier, "notes": s.Notes}
}

// EditSubject applies a change to subject id's record (name, kind, owner,
// contacts, tier set by hand, notes) inside the write transaction, to the
// record as it is then, so that processes changing different fields at
// once all keep their change, and returns the record. Renaming renames the
// subject of its assessments too, except approved ones: they keep the name
// they were approved under.
func (db *DB) EditSubject(ctx context.Context, id int64, ch assess.SubjectChange) (*assess.Subject, error) {
	var out *assess.Subject
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.dialect.lockNames(ctx, tx); err != nil {
			return err
		}
		if err := db.lock(ctx, tx, owner{subjectChain, id}); err != nil {
			return err
		}
		old, err := db.subjectRow(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if old == nil {
			return assess.Errorf(assess.ENotFound, "no subject %d", id)
		}
		s, err := assess.ApplySubjectChange(*old, ch)
		if err != nil {
			return err
		}
		if old.Name != s.Name {
			if err := db.nameFree(ctx, tx, s.Name, id); err != nil {
				return err
			}
		}
		out = &s
		return db.writeSubject(ctx, tx, old, &s)
	})
	return out, err
}

// writeSubject writes s over old, with one audit record per changed field.
func (db *DB) writeSubject(ctx context.Context, tx *sql.Tx, old, s *assess.Subject) error {
	before, after := subjectRecord(old), subjectRecord(s)
	var changed []string
	for _, f := range []string{"name", "kind", "owner", "contacts", "tier", "notes"} {
		b, _ := canonical(before[f])
		a, _ := canonical(after[f])
		if a != b {
			changed = append(changed, f)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	contacts, err := json.Marshal(nonNil(s.Contacts))
	if err != nil {
		return err
	}
	now := db.stamp()
	if _, err := tx.ExecContext(ctx, `UPDATE subjects SET name = ?, kind = ?, owner = ?, contacts = ?, tier = ?, notes = ?, updated_at = ? WHERE id = ?`,
		s.Name, s.Kind, s.Owner, string(contacts), s.SetTier, s.Notes, now, s.ID); err != nil {
		return err
	}
	for _, f := range changed {
		if _, err := db.appendToAt(ctx, tx, subjectChain, s.ID, now, "edit", f, before[f], after[f]); err != nil {
			return err
		}
	}
	if slices.Contains(changed, "name") || slices.Contains(changed, "kind") {
		// Keep the name and kind on assessments still open to change, each with
		// its own audit record; approved ones keep what they were approved under.
		rows, err := tx.QueryContext(ctx, `SELECT id, subject, subject_kind FROM assessments WHERE subject_id = ? AND status <> 'approved'`, s.ID)
		if err != nil {
			return err
		}
		type rename struct {
			id         int64
			name, kind string
		}
		var todo []rename
		for rows.Next() {
			var r rename
			if err := rows.Scan(&r.id, &r.name, &r.kind); err != nil {
				rows.Close()
				return err
			}
			todo = append(todo, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range todo {
			if r.name == s.Name && r.kind == s.Kind {
				continue
			}
			if err := db.lockAssessment(ctx, tx, r.id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE assessments SET subject = ?, subject_kind = ?, updated_at = ? WHERE id = ?`, s.Name, s.Kind, now, r.id); err != nil {
				return err
			}
			if err := db.appendEventAt(ctx, tx, r.id, now, "subject", "assessment",
				map[string]string{"name": r.name, "kind": r.kind}, map[string]string{"name": s.Name, "kind": s.Kind}); err != nil {
				return err
			}
		}
	}
	return nil
}

const subjectColumns = `id, uuid, name, kind, owner, contacts, tier, notes, created_at, updated_at`

func scanSubject(sc interface{ Scan(...any) error }) (*assess.Subject, error) {
	var s assess.Subject
	var contacts, created, updated string
	if err := sc.Scan(&s.ID, &s.UUID, &s.Name, &s.Kind, &s.Owner, &contacts, &s.SetTier, &s.Notes, &created, &updated); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(contacts), &s.Contacts); err != nil {
		return nil, unreadable("subject", s.ID, "contacts", err)
	}
	if len(s.Contacts) == 0 {
		s.Contacts = nil
	}
	s.CreatedAt, s.UpdatedAt = parseStamp(created), parseStamp(updated)
	s.Tier = s.SetTier
	return &s, nil
}

// subjectRow reads one subject row (no history), or nil if none matches.
func (db *DB) subjectRow(ctx context.Context, tx *sql.Tx, where string, arg any) (*assess.Subject, error) {
	s, err := scanSubject(tx.QueryRowContext(ctx, `SELECT `+subjectColumns+` FROM subjects WHERE `+where, arg))
	if isNoRows(err) {
		return nil, nil
	}
	return s, err
}

// Subjects lists every subject by name, each with its assessments (oldest
// first) and its tier in force.
func (db *DB) Subjects(ctx context.Context) ([]*assess.Subject, error) {
	var out []*assess.Subject
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+subjectColumns+` FROM subjects ORDER BY id`)
		if err != nil {
			return err
		}
		for rows.Next() {
			s, err := scanSubject(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		sortByName(out)
		return db.attachHistory(ctx, tx, out)
	})
	return out, err
}

// Subject loads one subject with its history.
func (db *DB) Subject(ctx context.Context, id int64) (*assess.Subject, error) {
	return db.findSubject(ctx, func(tx *sql.Tx) (*assess.Subject, error) {
		s, err := db.subjectRow(ctx, tx, `id = ?`, id)
		if s == nil && err == nil {
			err = noSubjectWithID(id)
		}
		return s, err
	})
}

// SubjectByName loads the subject of that name (NameKey: ignoring case
// and invisible characters) with its history.
func (db *DB) SubjectByName(ctx context.Context, name string) (*assess.Subject, error) {
	name = strings.TrimSpace(name)
	return db.findSubject(ctx, func(tx *sql.Tx) (*assess.Subject, error) {
		s, err := db.subjectNamed(ctx, tx, name, 0)
		if s == nil && err == nil {
			err = assess.Errorf(assess.ENotFound, "no subject named %q (assay subject list shows them)", name)
		}
		return s, err
	})
}

// FindSubject loads a subject by ID (digits) or by name. Digits that are
// one subject's ID and another's name (a subject may be called "2") are
// refused: taken as the ID, a change meant for the subject of that name
// went to another.
func (db *DB) FindSubject(ctx context.Context, ref string) (*assess.Subject, error) {
	if id, err := strconv.ParseInt(strings.TrimSpace(ref), 10, 64); err == nil && id > 0 {
		s, err := db.Subject(ctx, id)
		if assess.ErrorCode(err) != assess.ENotFound {
			if err != nil {
				return s, err
			}
			named, err := db.SubjectByName(ctx, ref)
			switch {
			case assess.ErrorCode(err) == assess.ENotFound || (err == nil && named.ID == s.ID):
				return s, nil
			case err != nil:
				return nil, err
			}
			return nil, assess.Errorf(assess.EInvalid, "%q is the ID of subject %d (%s) and the name of subject %d: give subject %d by its name, or subject %d by its ID",
				strings.TrimSpace(ref), s.ID, s.Name, named.ID, s.ID, named.ID)
		}
		// No subject with that ID: perhaps one is called so. If not, the
		// digits were meant as an ID, and are said as one.
		s, err = db.SubjectByName(ctx, ref)
		if assess.ErrorCode(err) == assess.ENotFound {
			return nil, noSubjectWithID(id)
		}
		return s, err
	}
	return db.SubjectByName(ctx, ref)
}

func noSubjectWithID(id int64) error {
	return assess.Errorf(assess.ENotFound, "no subject with ID %d (assay subject list shows them)", id)
}

func (db *DB) findSubject(ctx context.Context, find func(*sql.Tx) (*assess.Subject, error)) (*assess.Subject, error) {
	var s *assess.Subject
	err := db.view(ctx, func(tx *sql.Tx) error {
		var err error
		if s, err = find(tx); err != nil {
			return err
		}
		return db.attachHistory(ctx, tx, []*assess.Subject{s})
	})
	return s, err
}

// subjectNamed finds the subject called name, comparing names by
// assess.NameKey (case, Unicode form and invisible characters aside), or
// nil; the subject except is left out. A name stored exactly as given
// wins over one that only shares its key: a database written before names
// were compared this way may hold both.
func (db *DB) subjectNamed(ctx context.Context, tx *sql.Tx, name string, except int64) (*assess.Subject, error) {
	key := assess.NameKey(name)
	if key == "" {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM subjects ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var match int64
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, err
		}
		if id == except {
			continue
		}
		if n == name {
			match = id
			break
		}
		if match == 0 && assess.NameKey(n) == key {
			match = id
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || match == 0 {
		return nil, err
	}
	return db.subjectRow(ctx, tx, `id = ?`, match)
}

// nameFree refuses a name that another subject than except already has,
// as assess.NameKey compares names.
func (db *DB) nameFree(ctx context.Context, tx *sql.Tx, name string, except int64) error {
	other, err := db.subjectNamed(ctx, tx, name, except)
	if err != nil || other == nil {
		return err
	}
	if other.Name == name {
		return assess.Errorf(assess.EConflict, "there is already a subject named %s (subject %d)", safetext.OneLine(other.Name), other.ID)
	}
	return assess.Errorf(assess.EConflict, "there is already a subject named %s (subject %d): %q differs from it only by case or by characters that do not show",
		safetext.OneLine(other.Name), other.ID, name)
}

// attachHistory fills each subject's assessments and resolves its tier: an
// assessment whose questionnaire has a tier level is scored to read it.
func (db *DB) attachHistory(ctx context.Context, tx *sql.Tx, subjects []*assess.Subject) error {
	if len(subjects) == 0 {
		return nil
	}
	byID := map[int64]*assess.Subject{}
	for _, s := range subjects {
		byID[s.ID] = s
		s.Assessments = nil
	}
	refs, err := db.history(ctx, tx, byID)
	if err != nil {
		return err
	}
	steps, err := db.reviewSteps(ctx, tx, refs)
	if err != nil {
		return err
	}
	for _, a := range refs {
		tier := ""
		if assess.TierLevelOf(a.Questionnaire) != "" {
			if a.Answers, err = db.answers(ctx, tx, a.ID); err != nil {
				return err
			}
			tier = assess.TierOf(a)
		}
		s := byID[a.SubjectID]
		ref := assess.RefOf(a, tier)
		ref.Steps = steps[a.ID]
		s.Assessments = append(s.Assessments, ref)
	}
	for _, s := range subjects {
		assess.SortHistory(s.Assessments)
		s.ResolveTier()
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// sortByName orders subjects as SQLite's NOCASE collation did when the
// list was sorted by the database: by name with ASCII letters compared
// without case, then byte for byte, then by ID; so both databases list
// subjects in the same order.
func sortByName(subjects []*assess.Subject) {
	fold := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= 'A' && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, s)
	}
	slices.SortStableFunc(subjects, func(a, b *assess.Subject) int {
		if c := strings.Compare(fold(a.Name), fold(b.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
