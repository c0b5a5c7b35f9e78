package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportedVendor makes the golden vendor assessment (answers with hostile
// notes, vendor answers, plan edits, an acceptance) and exports it.
func exportedVendor(t *testing.T) (s *cliSession, id, file string) {
	t.Helper()
	s = newCLISession(t)
	id = strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme | Cloud <Ltd>", "--kind", "vendor", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "golden", "vendor-answers.yaml"))
	vendorFile := filepath.Join(t.TempDir(), "vendor.yaml")
	sent := strings.Replace(s.ok("send", id), "  logging:\n    answer:\n    note: \"\"\n    evidence: []\n",
		"  logging:\n    answer: yes\n    note: \"SIEM since 2025\"\n    evidence: [\"SIEM runbook\"]\n", 1)
	if err := os.WriteFile(vendorFile, []byte(sent), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ok("answer", id, "-f", vendorFile)
	s.ok("plan", id, "--item", "mfa", "--owner", "Sam Ortiz", "--due", "2026-04-15", "--reason", "SSO rollout", "--milestone", "2026-03-15 Admins", "--as-of", "2026-02-01")
	restore := onDay(t, "2026-02-01") // the acceptance is given on the day --as-of names
	s.ok("plan", id, "--item", "deletion", "--accept-approver", "CISO", "--accept-reason", "public data", "--accept-expires", "2026-09-30", "--as-of", "2026-02-01")
	restore()
	file = filepath.Join(t.TempDir(), "acme.json")
	s.ok("export", id, "-o", file)
	return s, id, file
}

// An answer is any day of the calendar (a vendor founded in 1952, a
// system last tested in 1968): what assay answer records, import takes.
// Import refused such an assessment's export, checking the answer as if
// it were a day assay records itself (1970 to 9999), so the assessment
// could never move to another database.
func TestExportImportAnswerDateBefore1970(t *testing.T) {
	s := newCLISession(t)
	id := s.start("scoring-basics", "Old Vendor", "2026-01-10", "pentest: 1965-04-01\nmfa: yes")
	file := filepath.Join(t.TempDir(), "old.json")
	s.ok("--questionnaires", testdataQuestionnaires, "export", id, "-o", file)
	before := s.ok("--questionnaires", testdataQuestionnaires, "report", id, "--as-of", "2026-03-20")

	other := newTrustingSession(t, s)
	other.ok("--questionnaires", testdataQuestionnaires, "import", file)
	after := other.ok("--questionnaires", testdataQuestionnaires, "report", "1", "--as-of", "2026-03-20")
	if withoutRecord(after) != withoutRecord(before) {
		t.Errorf("report after import differs:\n%s", firstDiff(withoutRecord(before), withoutRecord(after)))
	}
	if !strings.Contains(after, "1965-04-01") {
		t.Error("the imported report does not show the answer 1965-04-01")
	}
	other.ok("verify")
}

// Export, import into an empty database, report again: the same report.
func TestExportImportRoundTrip(t *testing.T) {
	s, id, file := exportedVendor(t)
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("export file: %v, mode %v", err, fi.Mode().Perm())
	}
	before := s.ok("report", id, "--as-of", "2026-03-20")
	beforeCSV := s.ok("plan", id, "--csv", "--as-of", "2026-03-20")

	other := newTrustingSession(t, s)
	out := other.ok("import", file)
	if !strings.Contains(out, "as assessment 1") {
		t.Fatalf("import said %q", out)
	}
	// The same report, but for the record it pins: the import is a record
	// of its own, and the ledger is the importing database's.
	after := other.ok("report", "1", "--as-of", "2026-03-20")
	if withoutRecord(after) != withoutRecord(before) {
		t.Errorf("report after import differs:\n%s", firstDiff(withoutRecord(before), withoutRecord(after)))
	}
	// The imported one says where it came from; the original does not.
	if flat := strings.Join(strings.Fields(after), " "); !strings.Contains(flat, "**Provenance:** imported on") ||
		!strings.Contains(flat, "by Test Reviewer from an export by Test") || strings.Contains(before, "**Provenance:**") {
		t.Errorf("the imported report does not say where it came from, or the original does:\n%s", after)
	}
	if after := other.ok("plan", "1", "--csv", "--as-of", "2026-03-20"); after != beforeCSV {
		t.Errorf("plan after import differs:\n%s", firstDiff(beforeCSV, after))
	}
	// The vendor's answer is still the vendor's, unreviewed.
	// Compared word by word: the report wraps its lines wherever the
	// question's text ends.
	if rep := other.ok("report", "1"); !strings.Contains(strings.Join(strings.Fields(rep), " "), "**Source:** vendor, not yet reviewed") {
		t.Error("the vendor answer lost its source")
	}
	// Exporting the import gives the same file, but for the import record
	// added to the trail and the export's own time.
	again := filepath.Join(t.TempDir(), "again.json")
	other.ok("export", "1", "-o", again)
	var f1, f2 map[string]any
	readJSON(t, file, &f1)
	readJSON(t, again, &f2)
	for _, k := range []string{"assessment", "questionnaire", "answers", "plan_edits", "signoffs"} {
		a, _ := json.Marshal(f1[k])
		b, _ := json.Marshal(f2[k])
		if string(a) != string(b) {
			t.Errorf("%s changed in the round trip:\n%s", k, firstDiff(string(a), string(b)))
		}
	}
	ev1, ev2 := f1["events"].([]any), f2["events"].([]any)
	if len(ev2) != len(ev1)+1 || ev2[len(ev2)-1].(map[string]any)["kind"] != "import" {
		t.Errorf("events: %d then %d, want one import record more", len(ev1), len(ev2))
	}
	// Importing the same assessment twice is refused.
	code, _, errOut := other.run("", "import", file)
	if code == 0 || !strings.Contains(errOut, "already in this database") {
		t.Errorf("second import: exit %d %s", code, errOut)
	}
}

// Damaged and altered files are refused with the field at fault, and the
// database is left as it was.
func TestImportRejectsTamperedFiles(t *testing.T) {
	exporter, _, file := exportedVendor(t)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(fn func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(src, &m); err != nil {
			t.Fatal(err)
		}
		fn(m)
		b, _ := json.Marshal(m)
		return b
	}
	obj := func(m map[string]any, k string) map[string]any { return m[k].(map[string]any) }
	list := func(m map[string]any, k string) []any { return m[k].([]any) }
	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"truncated", src[:len(src)/2], "truncated"},
		{"not json", []byte("{\n  \"format\": \"assay-assessment\",\n  oops\n}"), ":3:3: not valid JSON"},
		{"other format", edit(func(m map[string]any) { m["format"] = "something-else" }), "format:"},
		{"future version", edit(func(m map[string]any) { m["format_version"] = 3 }), "format_version: 3 is not supported"},
		{"unknown field", edit(func(m map[string]any) { m["extra"] = 1 }), `unknown field "extra"`},
		{"wrong type", edit(func(m map[string]any) { obj(m, "assessment")["subject"] = 5 }), "assessment.subject"},
		{"questionnaire changed", edit(func(m map[string]any) {
			q := obj(m, "questionnaire")
			q["source"] = q["source"].(string)[:len(q["source"].(string))-8] + "AAAAAAAA"
		}), "questionnaire.source: its SHA-256"},
		{"answer changed", edit(func(m map[string]any) {
			a := list(m, "answers")[0].(map[string]any)
			a["note"] = "nothing to see"
		}), "answers[0] (data-sensitivity): differs from audit record 2, the last to set it"},
		{"answer removed", edit(func(m map[string]any) { m["answers"] = list(m, "answers")[1:] }), "answers: data-sensitivity is in the audit trail (record 2) but not in the file"},
		{"plan edit changed", edit(func(m map[string]any) {
			e := obj(list(m, "plan_edits")[1].(map[string]any), "edit")
			e["owner"] = "Somebody else"
		}), "plan_edits[1] (mfa): differs"},
		{"event edited", edit(func(m map[string]any) {
			list(m, "events")[2].(map[string]any)["actor"] = "mallory"
		}), "events[2].hash: does not match the record's content"},
		{"event removed", edit(func(m map[string]any) {
			ev := list(m, "events")
			m["events"] = append(append([]any{}, ev[:3]...), ev[4:]...)
		}), "events[3].seq: record 5 where 4 was expected"},
		{"last event removed", edit(func(m map[string]any) {
			ev := list(m, "events")
			m["events"] = ev[:len(ev)-1]
		}), "event_head: does not match the last audit record"},
		{"unknown question", edit(func(m map[string]any) {
			list(m, "answers")[0].(map[string]any)["question"] = "no-such-question"
		}), `answers[0].question: questionnaire vendor-security-screen has no question "no-such-question"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTrustingSession(t, exporter)
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, c.file, 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, errOut := s.run("", "import", path)
			if code == 0 {
				t.Fatal("a bad file was imported")
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was imported") {
				t.Errorf("error %q does not say %q and that nothing was imported", errOut, c.want)
			}
			if list := s.listed("--all"); strings.Contains(list, "Acme") {
				t.Errorf("something was imported:\n%s", list)
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa64(int64(i+1)) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

// An approved assessment and its revision, exported and imported in that
// order, are linked again in the other database; the report of the
// revision says which assessment it revises. Imported alone, the revision
// says it came without the link.
func TestImportRevisionLink(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	s.ok("review", id, "--submit")
	s.ok("review", id, "--approve")
	rev := strings.TrimSpace(s.ok("revise", id))
	dir := t.TempDir()
	origFile, revFile := filepath.Join(dir, "orig.json"), filepath.Join(dir, "rev.json")
	s.ok("export", id, "-o", origFile)
	s.ok("export", rev, "-o", revFile)

	alone := newTrustingSession(t, s)
	if out := alone.ok("import", revFile); !strings.Contains(out, "imported without that link") {
		t.Errorf("importing the revision alone said %q", out)
	}

	other := newTrustingSession(t, s)
	other.ok("import", origFile)
	if out := other.ok("import", revFile); !strings.Contains(out, "it is revision 2 of assessment 1") {
		t.Errorf("importing the revision after its original said %q", out)
	}
	if rep := strings.Join(strings.Fields(other.ok("report", "2")), " "); !strings.Contains(rep, "**Revision:** 2, made from assessment 1, approved by Test Reviewer on ") {
		t.Errorf("the revision's report does not say what it revises")
	}
	if rep := alone.ok("report", "1"); !strings.Contains(rep, "**Revision:** 2.") {
		t.Errorf("the unlinked revision's report does not give its number")
	}
}

// withoutRecord drops a report's record line (report_record.go), which
// pins the database's own history, and an imported assessment's
// provenance, which only the importing database's report has.
func withoutRecord(report string) string {
	var out []string
	inRecord := false
	for _, line := range strings.Split(report, "\n") {
		switch {
		case strings.HasPrefix(line, "- **Record:**"), strings.HasPrefix(line, "- **Provenance:**"):
			inRecord = true
			continue
		case inRecord && strings.HasPrefix(line, "  "):
			continue
		}
		inRecord = false
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
