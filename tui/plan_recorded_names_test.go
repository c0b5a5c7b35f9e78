package tui_test

import (
	"database/sql"
	"testing"
)

// An older assay recorded an owner and an approver as given, with a
// zero-width space or a soft hyphen copied in from a web page. The
// plan's forms open with those names; the fields took them for names
// typed anew and refused them, so that a due date could not be moved
// without retyping the owner. A recorded name left as it is stands; one
// typed anew is refused as ever.
func TestPlanFormsKeepANameRecordedWithAnInvisibleCharacter(t *testing.T) {
	e, a := payrollAnswered(t)
	raw, err := sql.Open("sqlite", e.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by) VALUES (?, 'pentest', ?, '2026-01-02T09:00:00Z', 'Dana Reyes')`,
		a.ID, `{"key":"pentest","owner":"Sam\u200bLee","status":"risk-accepted","acceptance":{"approver":"Rui\u00adCosta","reason":"WAF in front","expires":"2026-12-31"}}`); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	f.press("enter")
	f.waitFor("┃ Owner")
	f.press("enter")
	f.waitFor("┃ Due date")
	for range len("2026-06-29") {
		f.press("backspace")
	}
	f.typeText("2026-07-31")
	f.waitFor("> 2026-07-31")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.typeText("Vendor test window is in July")
	f.waitFor("┃ Vendor test window is in July")
	f.press("enter")
	f.waitFor("┃ Status")
	f.press("enter")
	f.waitFor("┃ Action")
	f.press("enter")
	f.waitFor("2026-07-31", "saved ✓")

	acceptanceToItsExpiry(f)
	f.press("enter")
	f.waitFor("saved ✓")

	// Typed anew, the owner is refused on the field.
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText(" Jr")
	f.press("enter")
	f.waitFor("owner holds an invisible character (U+200B) at character 4")
	f.press("esc")
	f.quit()

	got := e.load(a.ID).PlanEdits["pentest"]
	if got.Owner != "Sam\u200bLee" || got.Due.String() != "2026-07-31" || got.Acceptance == nil || got.Acceptance.Approver != "Rui\u00adCosta" {
		t.Errorf("pentest holds owner %q, due %s, acceptance %+v; want the recorded owner and approver, due 2026-07-31", got.Owner, got.Due, got.Acceptance)
	}
}
