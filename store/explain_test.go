package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/testfixture"
	"github.com/assay-dev/assay/questionnaires"
)

// disagreeingAssessment creates, on db as ctx's actor, an assessment whose
// two answers make compared-none hold.
func disagreeingAssessment(t *testing.T, ctx context.Context, db *DB) *assess.Assessment {
	t.Helper()
	q := testfixture.ComparedNone(t)
	a := &assess.Assessment{Subject: "Model", SubjectKind: "system", Questionnaire: q, AssessedOn: assess.DateOf(time.Now())}
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswers(ctx, a.ID, []assess.Answer{choice("bias", "yes"), choice("groups", "none")}); err != nil {
		t.Fatal(err)
	}
	return a
}

// standing is the explanation that stands for compared-none on id, nil
// for none.
func standing(t *testing.T, db *DB, id int64) *assess.Explanation {
	t.Helper()
	a, err := db.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range assess.Evaluate(a, assess.DateOf(time.Now())).Result.Disagreements {
		if d.ID == "compared-none" {
			return d.Explanation
		}
	}
	t.Fatal("compared-none does not hold")
	return nil
}

// An explanation edited in the file with sqlite3 (its text made to say
// something else, the chain left as it was) is found by verify, and
// explains nothing meanwhile: the submission it let through before is
// refused again.
func TestExplanationEditedInTheFileFailsVerify(t *testing.T) {
	path := tempPath(t)
	db := openAt(t, path)
	if onPostgres(t) {
		t.Skip("the file's test; TestExplanationsOnTheTeamServer is the server's")
	}
	ctx := as("Ana Analyst")
	a := disagreeingAssessment(t, ctx, db)
	if _, err := db.Explain(ctx, a.ID, "compared-none", "The groups are named in the vendor's annex."); err != nil {
		t.Fatal(err)
	}
	if e := standing(t, db, a.ID); e == nil || e.By != "Ana Analyst" || e.Text != "The groups are named in the vendor's annex." {
		t.Fatalf("the explanation stands as %+v", e)
	}
	if res, err := db.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Fatalf("verify before the edit: %v %v", res.Broken, err)
	}
	raw := rawOpen(t, path)
	mustExec(t, raw, `UPDATE events SET new_value = replace(new_value, 'annex', 'nothing') WHERE kind = 'explain'`)
	raw.Close()
	res, err := db.Verify(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Broken == nil || !strings.Contains(res.Broken.Error(), "audit record 4") {
		t.Fatalf("verify after the explanation was edited: %v", res.Broken)
	}
	if e := standing(t, db, a.ID); e != nil {
		t.Errorf("an edited explanation still stands: %+v", e)
	}
}

// On the team's server an auditor cannot explain answers (nor can an
// approver, who signs them off); an analyst can, and the trail names
// the analyst's login. An explanation edited by the server's
// administrator fails verify.
func TestExplanationsOnTheTeamServer(t *testing.T) {
	requirePostgres(t)
	schemaDSN := teamSchema(t)
	open := func(name string, roles ...string) (*DB, *sql.DB) {
		dsn := teamLogin(t, schemaDSN, name, roles...)
		db, err := OpenTeam(dsn, questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return useTestKeys(db), rawTeam(t, dsn)
	}
	ana, _ := open("explain ana", "analyst")
	aud, audSQL := open("explain aud", "auditor")
	dee, deeSQL := open("explain dee", "approver")
	ctx := context.Background()
	a := disagreeingAssessment(t, ctx, ana)

	if _, err := aud.Explain(ctx, a.ID, "compared-none", "An auditor's word"); err == nil {
		t.Error("an auditor explained a disagreement")
	}
	if _, err := dee.Explain(ctx, a.ID, "compared-none", "An approver's word"); err == nil || !strings.Contains(err.Error(), "only an analyst may explain") {
		t.Errorf("an approver explaining: %v", err)
	}
	// Around assay, by SQL: the server itself refuses both.
	forged := `INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
		VALUES (` + itoa(a.ID) + `, 99, 'now', session_user, 'explain', 'compared-none', '', '{}', '', '')`
	if _, err := audSQL.Exec(forged); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("an auditor's explain record by SQL: %v", err)
	}
	if _, err := deeSQL.Exec(forged); err == nil || !strings.Contains(err.Error(), "only an analyst may explain") {
		t.Errorf("an approver's explain record by SQL: %v", err)
	}
	if standing(t, ana, a.ID) != nil {
		t.Fatal("a refused explanation stands")
	}

	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, assess.DateOf(time.Now()), ""); err == nil || !strings.Contains(err.Error(), "nobody has explained why: compared-none") {
		t.Fatalf("an unexplained submission: %v", err)
	}
	if _, err := ana.Explain(ctx, a.ID, "compared-none", "Both stand: see the annex."); err != nil {
		t.Fatal(err)
	}
	if e := standing(t, ana, a.ID); e == nil || e.By != "explain ana" {
		t.Fatalf("the explanation stands as %+v, want it under the login explain ana", e)
	}
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, assess.DateOf(time.Now()), ""); err != nil {
		t.Fatalf("an explained submission: %v", err)
	}
	if res, err := ana.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
	mustExec(t, rawTeam(t, schemaDSN), `UPDATE events SET new_value = replace(new_value, 'annex', 'nothing') WHERE kind = 'explain'`)
	res, err := ana.Verify(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Broken == nil || !strings.Contains(res.Broken.Error(), "audit record 4") {
		t.Fatalf("verify after the administrator edited the explanation: %v", res.Broken)
	}
}
