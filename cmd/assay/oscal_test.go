package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// oscalSchema compiles NIST's OSCAL 1.2.2 complete schema (public domain),
// copied into testdata so that the test needs nothing outside the repo.
func oscalSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("testdata", "oscal", "oscal_complete_schema-1.2.2.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the OSCAL schema: %v", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("oscal_complete_schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("oscal_complete_schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// Every built-in questionnaire that makes findings, answered at its worst
// with hostile notes, exports a POA&M that NIST's schema accepts; the
// export is the same twice over (stable UUIDs); a pre-screen, with no
// plan, is refused with a reason.
func TestOSCALPOAMValidates(t *testing.T) {
	sch := oscalSchema(t)
	eachWorstBuiltin(t, func(t *testing.T, s *cliSession, q *assess.Questionnaire, id string) {
		if q.ID == "prescreen" {
			code, _, errOut := s.run("", "report", id, "--format", "oscal-poam")
			if code == 0 || !strings.Contains(errOut, "no remediation items") {
				t.Errorf("pre-screen POA&M: exit %d %s", code, errOut)
			}
			return
		}
		out := s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-15")
		validOSCAL(t, sch, out)
		if again := s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-15"); again != out {
			t.Error("two exports of the same assessment differ")
		}
		var doc struct {
			POAM struct {
				UUID  string `json:"uuid"`
				Items []any  `json:"poam-items"`
				Risks []struct {
					Status   string `json:"status"`
					Deadline string `json:"deadline"`
				} `json:"risks"`
			} `json:"plan-of-action-and-milestones"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		csv := readPlanCSV(t, s.ok("plan", id, "--csv"))
		if len(doc.POAM.Items) != len(csv) || len(doc.POAM.Risks) != len(csv) {
			t.Errorf("%d items and %d risks for %d plan items", len(doc.POAM.Items), len(doc.POAM.Risks), len(csv))
		}
	})
}

// eachWorstBuiltin runs f, as a subtest, on an assessment of every
// built-in questionnaire answered at its worst with hostile notes.
func eachWorstBuiltin(t *testing.T, f func(t *testing.T, s *cliSession, q *assess.Questionnaire, id string)) {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		t.Run(q.ID, func(t *testing.T) {
			s := newCLISession(t)
			id := strings.TrimSpace(s.ok("new", "-q", q.ID, "-s", "Vendor | <b>x</b>", "--date", "2026-01-31"))
			s.ok("answer", id, "-f", filepath.Join("testdata", "worst", q.ID+".yaml"))
			f(t, s, q, id)
		})
	}
}

// validOSCAL fails the test unless out is valid against NIST's schema.
func validOSCAL(t *testing.T, sch *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("not valid OSCAL:\n%v", err)
	}
}

// The POA&M of the golden vendor assessment: statuses, deadlines, the
// moved date and the acceptance, milestones as tasks, and the UUIDs
// derived from the assessment's UUID (the same in another database).
func TestOSCALPOAMContent(t *testing.T) {
	s, id, file := exportedVendor(t)
	sch := oscalSchema(t)
	out := s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-20")
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("not valid OSCAL:\n%v", err)
	}
	// The validator does catch mistakes: a risk without its status.
	broken := strings.Replace(out, `"status": "open",`, "", 1)
	if bi, _ := jsonschema.UnmarshalJSON(strings.NewReader(broken)); sch.Validate(bi) == nil {
		t.Fatal("a POA&M with a risk missing its status passed the schema")
	}
	var doc struct {
		POAM struct {
			SystemID struct{ ID string } `json:"system-id"`
			Risks    []struct {
				Title        string
				Status       string
				Deadline     string
				Remediations []struct {
					Tasks []struct {
						Title  string
						Timing struct {
							OnDate struct{ Date string } `json:"on-date"`
						}
					}
				}
				RiskLog struct {
					Entries []struct{ Title, Description string }
				} `json:"risk-log"`
			}
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]int{}
	for i, r := range doc.POAM.Risks {
		byTitle[r.Title] = i
	}
	mfa := doc.POAM.Risks[byTitle["High: mfa"]]
	if mfa.Status != "open" || mfa.Deadline != "2026-04-15T23:59:59Z" || len(mfa.Remediations[0].Tasks) != 1 ||
		mfa.Remediations[0].Tasks[0].Timing.OnDate.Date != "2026-03-15T23:59:59Z" {
		t.Errorf("mfa risk: %+v", mfa)
	}
	if len(mfa.RiskLog.Entries) != 2 || !strings.Contains(mfa.RiskLog.Entries[1].Description, "from 2026-03-02 to 2026-04-15: SSO rollout") {
		t.Errorf("mfa risk log: %+v", mfa.RiskLog)
	}
	if i, ok := byTitle["High: deletion"]; !ok || doc.POAM.Risks[i].Status != "deviation-approved" {
		t.Errorf("accepted deletion risk (found %v): %+v", ok, doc.POAM.Risks)
	}
	// Imported elsewhere, the same assessment gives the same document, but
	// for the record it pins: the importing database's own history.
	other := newTrustingSession(t, s)
	other.ok("import", file)
	if again := other.ok("report", "1", "--format", "oscal-poam", "--as-of", "2026-03-20"); withoutRecordProps(again) != withoutRecordProps(out) {
		t.Errorf("POA&M differs after import:\n%s", firstDiff(withoutRecordProps(out), withoutRecordProps(again)))
	}
}

var recordPropRE = regexp.MustCompile(`(?s),\s*\{\s*"name": "record-[a-z-]+",\s*"ns": "[^"]*",\s*"value": "[^"]*"\s*\}`)

// withoutRecordProps drops the POA&M's record props (oscal_record.go),
// which pin the database's own history.
func withoutRecordProps(doc string) string { return recordPropRE.ReplaceAllString(doc, "") }
