package store

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

func TestPostgresSmoke(t *testing.T) {
	schema := teamSchema(t)
	dsn := teamLogin(t, schema, "Ana Analyst", "analyst", "approver")
	db, err := Open(dsn, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.UseKey(testKey)
	q := rtVendorScreen(t)
	ctx := context.Background()
	a := &assess.Assessment{Subject: "Acme", SubjectKind: "vendor", Questionnaire: q}
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(ctx, a.ID, rtChoice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(ctx, a.ID, rtChoice("policy", "no")); err != nil {
		t.Fatal(err)
	}
	res, err := db.Verify(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Broken != nil {
		t.Fatal(res.Broken)
	}
	list, err := db.Assessments(ctx, assess.Filter{})
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	ev, _ := db.Events(ctx, a.ID)
	for _, e := range ev {
		t.Log(e.Seq, e.Actor, e.Kind, e.Target)
	}
}
