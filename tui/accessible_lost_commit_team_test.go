package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/tui"
)

// On a team database, through a relay that cuts the connection at the
// server's word that a plan change committed: the store cannot tell, and
// accessible mode, reading the assessment back on a new connection,
// finds the change and says it saved, once. (The stand-in cases of
// accessible_lost_commit_test.go fake the store's error; this one is the
// store's own.)
func TestTeamAccessiblePlanChangeLostAtTheCommitIsReadBack(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("dana", "analyst")
	q, _ := te.lib.Get("vendor-security-screen")
	a := &assess.Assessment{Questionnaire: q, Subject: "Acme Cloud Ltd", AssessedOn: assess.DateOf(time.Now())}
	ctx := context.Background()
	if err := dana.db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := dana.db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: "attestation", Value: assess.Value{Choices: []string{"no"}}}); err != nil {
		t.Fatal(err)
	}
	relay := pgtest.NewRelay(t, dana.dsn)
	d := te.deps(dana)
	through := dana.open(relay.DSN)
	d.Repo, d.Governance = through, through
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"}, {text: "b"}, {text: "2"}, {text: "1"}, {text: "1"},
		{before: relay.CutAtCommit, text: "IT Ops"},
		{text: "q"},
	}}
	var out bytes.Buffer
	if err := tui.RunAccessible(ctx, d, in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if n := relay.Cuts(); n != 1 {
		t.Fatalf("the relay cut %d connections at a commit, want 1:\n%s", n, text)
	}
	if !strings.Contains(text, "Saved.") || strings.Contains(text, "Not saved") || strings.Contains(text, "Perhaps") || strings.Contains(text, "Not known") {
		t.Errorf("a plan change the server committed, its answer lost, is not said saved:\n%s", text)
	}
	got, err := dana.db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if owner := got.PlanEdits["attestation"].Owner; owner != "IT Ops" {
		t.Errorf("attestation's item owned by %q, want IT Ops", owner)
	}
	if n := auditRecords(t, dana.db, a.ID, "plan", "attestation"); n != 1 {
		t.Errorf("%d audit records of the change to attestation's item, want 1", n)
	}
}
