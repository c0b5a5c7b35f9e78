package store

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// StartedWithOtherContent names, on both stores, the assessments started
// with a questionnaire of the same ID and version but another digest, and
// none started with the same content or under another version.
func TestStartedWithOtherContent(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		edited := *q
		edited.Source = append(slices.Clone(q.Source), "\n# edited in place\n"...)
		sum := sha256.Sum256(edited.Source)
		edited.Digest = hex.EncodeToString(sum[:])
		bumped := edited
		bumped.Version = q.Version + "-next"
		bumped.Source = append(slices.Clone(edited.Source), "# bumped\n"...)
		sum = sha256.Sum256(bumped.Source)
		bumped.Digest = hex.EncodeToString(sum[:])

		day := assess.NewDate(2026, 3, 1)
		first := newAssessment(t, db, q, "Acme", day, nil)
		newAssessment(t, db, &bumped, "Globex", day, nil)
		later := newAssessment(t, db, &edited, "Initech", day, nil)
		for _, c := range []struct {
			name string
			q    *assess.Questionnaire
			want []int64
		}{
			{"the edited file", &edited, []int64{first.ID}},
			{"the original", q, []int64{later.ID}},
			{"the bumped file", &bumped, nil},
		} {
			got, err := db.StartedWithOtherContent(as("Ana"), c.q)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("%s: %v, %v; want %v", c.name, got, err, c.want)
			}
		}
	})
}
