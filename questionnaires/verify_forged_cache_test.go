package questionnaires_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// The compiled questionnaires in the user's cache folder are checked for
// damage, not forgery: anyone who can write the folder can write a file
// the Decoder accepts. assay verify decodes snapshots from their YAML, so
// a forged file changes nothing it reports; and when a forged file made
// assay store a summary the real questionnaire does not give, verify
// says so.
func TestVerifyIgnoresForgedCompiledForms(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	// The forgery: every high-severity gap made low, same ID and version.
	forged, problems := questionnaires.Parse(q.SourceName, bytes.ReplaceAll(q.Source, []byte("severity: high"), []byte("severity: low")), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var high *assess.Question
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeControl && qq.Severity == assess.High {
			high = qq
			break
		}
	}
	if high == nil {
		t.Fatal("no high-severity control in vendor-security-screen")
	}
	key, err := ledger.KeyFromSeed([]byte("forged cache test key, 32 bytes."))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "assay.db")
	ctx := assess.WithActor(context.Background(), "Ana")
	open := func() *store.DB {
		db, err := store.Open(path, questionnaires.NewDecoder(cache).Decode)
		if err != nil {
			t.Fatal(err)
		}
		db.UseKey(key)
		db.SetVerifyDecoder(questionnaires.Decode) // as assay verify does
		t.Cleanup(func() { db.Close() })
		return db
	}
	verify := func(db *store.DB) store.VerifyResult {
		t.Helper()
		res, err := db.Verify(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	db := open()
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", Questionnaire: q}
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: high.ID, Value: assess.Value{Choices: []string{"no"}}}); err != nil {
		t.Fatal(err)
	}
	before := verify(db)
	if before.Broken != nil {
		t.Fatalf("intact database: %v", before.Broken)
	}

	if err := questionnaires.NewDecoder(cache).Forge(q.Source, forged); err != nil {
		t.Fatal(err)
	}
	got, err := questionnaires.NewDecoder(cache).Decode(q.SourceName, q.Source)
	if err != nil {
		t.Fatal(err)
	}
	if qq, _ := got.Question(high.ID); qq.Severity != assess.Low {
		t.Fatalf("the forged file is not used: %s is %v", high.ID, qq.Severity)
	}
	db = open()
	if after := verify(db); after.Broken != nil || after.Records != before.Records || after.Assessments != before.Assessments || after.Entries != before.Entries {
		t.Fatalf("with a forged compiled form: %+v, before %+v", after, before)
	}

	// A save through the forged form stores the summary it scores.
	if err := db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: high.ID, Value: assess.Value{Choices: []string{"no"}}, Note: "again"}); err != nil {
		t.Fatal(err)
	}
	res := verify(db)
	if res.Broken == nil || res.Broken.OwnerID != a.ID || !bytes.Contains([]byte(res.Broken.Reason), []byte("its stored summary is not what its answers score")) {
		t.Fatalf("summary scored with a forged questionnaire: %v", res.Broken)
	}
	// Verify decoding through the cache, as it did before, is fooled.
	db.SetVerifyDecoder(questionnaires.NewDecoder(cache).Decode)
	if res := verify(db); res.Broken != nil {
		t.Fatalf("through the cache: %v", res.Broken)
	}
}
