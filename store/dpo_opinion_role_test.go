package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// On a team database only an approver gives the DPO's opinion: a login
// that is an analyst alone is refused by the server, and nothing is
// recorded. A person's own file has no roles.
func TestDPOOpinionByALoginWithoutTheRole(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, _ := testDB(t)
		lib, err := questionnaires.Builtin()
		if err != nil {
			t.Fatal(err)
		}
		q, _ := lib.Get("dpia")
		a := &assess.Assessment{Subject: "Payroll", SubjectKind: "system", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
		if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
			t.Fatal(err)
		}
		_, err = db.RecordDPOOpinion(as("worker 0"), a.ID, day("2026-03-02"), assess.DPOFavourable, "")
		got, lerr := db.Assessment(as("Ana Analyst"), a.ID)
		if lerr != nil {
			t.Fatal(lerr)
		}
		if !onPostgres(t) {
			if err != nil || len(got.SignOffs) != 1 {
				t.Fatalf("on a file: %v, %+v", err, got.SignOffs)
			}
			return
		}
		if err == nil || !strings.Contains(err.Error(), "only an approver may approve, reject or give the DPO's opinion") || len(got.SignOffs) != 0 {
			t.Fatalf("an analyst's DPO opinion: %v, signatures %+v", err, got.SignOffs)
		}
	})
}
