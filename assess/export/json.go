package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

// FormatName and FormatVersion identify an assay assessment file. A reader
// refuses versions it does not know rather than guess. Version 2 added the
// signed head; a version 1 file has none, so nothing in it can be proved.
const (
	FormatName    = "assay-assessment"
	FormatVersion = 2
)

// File is a whole assessment as JSON: the questionnaire snapshot byte for
// byte, the answers with notes and evidence, the plan edits, the
// signatures and the audit trail, so that another assay database can hold
// exactly the same assessment.
type File struct {
	Format        string           `json:"format"`
	FormatVersion int              `json:"format_version"`
	ExportedAt    string           `json:"exported_at"`
	ExportedBy    string           `json:"exported_by"`
	Assessment    AssessmentRecord `json:"assessment"`
	// SubjectRecord is the subject's own record; an import uses it only
	// when it creates the subject (a database's own record wins).
	SubjectRecord *SubjectRecord   `json:"subject_record,omitempty"`
	Questionnaire Snapshot         `json:"questionnaire"`
	Answers       []assess.Answer  `json:"answers"`
	PlanEdits     []PlanEditRecord `json:"plan_edits"`
	SignOffs      []assess.SignOff `json:"signoffs"`
	Events        []Event          `json:"events"`
	EventHead     string           `json:"event_head"`
	// Head is the signed ledger entry that last committed to the
	// assessment's chain and state, and to its subject's, when the file
	// was made: import proves every field with it.
	Head *Head `json:"head"`
	// Digest is the SHA-256 of the file as read (Unmarshal), which an
	// import records as where the assessment came from; not part of the
	// file.
	Digest string `json:"-"`
}

// Head proves, with signatures a reader can check without the exporting
// database, the assessment's and its subject's chain heads and states.
type Head struct {
	Assessment *ledger.Proof `json:"assessment"`
	// Subject is absent when the subject had no signed entry.
	Subject *ledger.Proof `json:"subject,omitempty"`
}

// Pin is the assessment's head as the file pins it.
func (f *File) Pin() (ledger.Pin, error) {
	if f.Head == nil || f.Head.Assessment == nil {
		return ledger.Pin{}, errors.New("head: the file carries no signed head")
	}
	return ledger.PinOf(f.Head.Assessment), nil
}

// AssessmentRecord is the assessment's own fields.
type AssessmentRecord struct {
	UUID        string         `json:"uuid"`
	Subject     string         `json:"subject"`
	SubjectKind string         `json:"subject_kind,omitempty"`
	Reviewer    string         `json:"reviewer,omitempty"`
	AssessedOn  assess.Date    `json:"assessed_on"`
	Deadlines   map[string]int `json:"deadlines"`
	Status      string         `json:"status"`
	Archived    bool           `json:"archived,omitempty"`
	Revision    int            `json:"revision,omitempty"`
	// RevisionOf is the UUID of the approved assessment this one revises:
	// IDs differ from one database to another, UUIDs do not.
	RevisionOf string `json:"revision_of,omitempty"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
}

// SubjectRecord is what a database keeps about the subject besides its
// name and kind: who answers for it, whom to contact, notes, and a tier
// set by hand.
type SubjectRecord struct {
	Owner    string   `json:"owner,omitempty"`
	Contacts []string `json:"contacts,omitempty"`
	Notes    string   `json:"notes,omitempty"`
	Tier     string   `json:"tier,omitempty"`
}

// Snapshot is the questionnaire the assessment pinned: its file, byte for
// byte (base64 in JSON), and the file's SHA-256.
type Snapshot struct {
	ID         string `json:"id"`
	Version    string `json:"version"`
	SourceName string `json:"source_name"`
	Digest     string `json:"digest"`
	Source     []byte `json:"source"`
}

// CheckDigest reports whether the snapshot's bytes have the digest it claims.
func (s Snapshot) CheckDigest() error {
	sum := sha256.Sum256(s.Source)
	if got := hex.EncodeToString(sum[:]); got != s.Digest {
		return fmt.Errorf("questionnaire.source: its SHA-256 is %s, not questionnaire.digest %s: the questionnaire was changed", short(got), short(s.Digest))
	}
	return nil
}

// short cuts a digest to 16 characters for a message; by characters, as
// a digest an export file states may be anything, and half a character
// is a raw byte on the terminal.
func short(d string) string {
	if r := []rune(d); len(r) > 16 {
		return string(r[:16]) + "…"
	}
	return d
}

// PlanEditRecord is a plan edit with who made it when.
type PlanEditRecord struct {
	Edit      assess.PlanEdit `json:"edit"`
	UpdatedAt string          `json:"updated_at"`
	UpdatedBy string          `json:"updated_by"`
}

// Event is one audit record, exactly as stored: its hash covers every
// field but itself, and the previous record's hash, so it can be checked
// in any database.
type Event = ledger.Record

// Marshal writes the file as indented JSON ending with a newline, with C1
// controls and bidi overrides in its text escaped (the same data) so that
// it is safe to print. Noncharacters an older assay stored (in a name, or
// in free text before Clean removed them) are kept, unlike in every other
// output: the file is the evidence assay imports, and its audit records,
// hashed and signed, cover each text byte for byte, so a cleaned file
// would no longer verify nor import
// (TestNamesRecordedWithANoncharacterOpenExportAndImport).
func Marshal(f *File) ([]byte, error) {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(safetext.EscapeJSON(b), '\n'), nil
}

// Unmarshal reads an assessment file named name, refusing unknown fields,
// other formats and versions, and files with required parts missing. A
// syntax error names the line and column; a wrong value names its field.
// Files over input.MaxFileSize, files that are not UTF-8 text and objects
// with a key twice, or a key not written as assay writes keys, are refused
// before decoding.
func Unmarshal(name string, b []byte) (*File, error) {
	if err := checkText(name, b); err != nil {
		return nil, err
	}
	if err := checkKeys(name, b); err != nil {
		return nil, err
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			line, col := position(b, syn.Offset-1) // Offset is just past the bad byte
			return nil, fmt.Errorf("%s:%d:%d: not valid JSON: %v", name, line, col, err)
		case errors.As(err, &typ):
			line, col := position(b, typ.Offset)
			return nil, fmt.Errorf("%s:%d:%d: %s: expected %s, found a JSON %s", name, line, col, clip(typ.Field), typ.Type, typ.Value)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return nil, fmt.Errorf("%s: the file ends early: it was truncated", name)
		}
		if path, why := locateTypedFault(b); path != "" {
			return nil, fmt.Errorf("%s: %s: %s", name, path, why)
		}
		return nil, fmt.Errorf("%s: %s", name, clipTo(err.Error(), 300)) // it may quote an unknown key
	}
	// Anything but white space after the assessment: encoding/json's
	// More reports a "]" or "}" there, and what follows it, as no more
	// data, so "}] {...}" passed, text a reader's tools show and assay
	// did not read.
	if off := skipWhite(b, dec.InputOffset()); off < int64(len(b)) {
		line, col := position(b, off)
		return nil, fmt.Errorf("%s:%d:%d: more data after the assessment", name, line, col)
	}
	if f.Format != FormatName {
		return nil, fmt.Errorf("%s: format: %q is not an assay assessment file (want %q)", name, clip(f.Format), FormatName)
	}
	if f.FormatVersion == 1 {
		return nil, fmt.Errorf("%s: format_version: 1 files carry no signed head, so their status, signatures and trail cannot be proved; export the assessment again with this assay", name)
	}
	if f.FormatVersion != FormatVersion {
		return nil, fmt.Errorf("%s: format_version: %d is not supported (this assay reads version %d)", name, f.FormatVersion, FormatVersion)
	}
	for field, v := range map[string]string{
		"assessment.uuid": f.Assessment.UUID, "assessment.subject": f.Assessment.Subject, "assessment.status": f.Assessment.Status,
		"questionnaire.digest": f.Questionnaire.Digest, "questionnaire.id": f.Questionnaire.ID,
	} {
		if v == "" {
			return nil, fmt.Errorf("%s: %s is missing", name, field)
		}
	}
	if f.Assessment.AssessedOn.IsZero() {
		return nil, fmt.Errorf("%s: assessment.assessed_on is missing", name)
	}
	if len(f.Questionnaire.Source) == 0 {
		return nil, fmt.Errorf("%s: questionnaire.source is missing", name)
	}
	if err := f.Questionnaire.CheckDigest(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := f.CheckFields(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(b)
	f.Digest = hex.EncodeToString(sum[:])
	return &f, nil
}

// skipWhite moves an offset past JSON's white space.
func skipWhite(b []byte, off int64) int64 {
	for off < int64(len(b)) && bytes.IndexByte([]byte(" \t\r\n"), b[off]) >= 0 {
		off++
	}
	return off
}

// position turns a byte offset into a 1-based line and column.
func position(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line, col = 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
