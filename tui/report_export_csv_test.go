package tui_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A report export named plan.csv was refused in the workspace with "the
// plan's CSV is assay plan ID --csv": a shell command, with ID left for
// the reader to fill in, to someone inside the full-screen workspace,
// which cannot write the plan's CSV. The refusal says so plainly, and
// what writes it: accessible mode's plan (c), or assay plan with this
// assessment's number after quitting.
func TestReportExportRefusesACSVNameSayingWhereThePlansCSVIsWritten(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.press("ctrl+u")
	path := filepath.Join(e.dir, "plan.csv")
	f.typeText(path)
	f.waitFor("plan.csv")
	f.press("enter")
	f.waitFor("nothing was written")
	screen := strings.Join(strings.Fields(f.screen()), " ")
	f.quit()
	if strings.Contains(screen, "plan ID") {
		t.Errorf("the refusal leaves ID for the reader to fill in:\n%s", screen)
	}
	for _, want := range []string{"this workspace does not write the plan as CSV", "assay --accessible", "assay plan " + strconv.FormatInt(a.ID, 10) + " --csv"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, screen)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("plan.csv was written")
	}
}

// In accessible mode, which writes the plan's CSV, a report named .csv
// is refused saying where: the assessment's plan, then c.
func TestAccessibleReportExportRefusesACSVNameSayingWhereThePlansCSVIsWritten(t *testing.T) {
	e, a := payrollAnswered(t)
	text := e.accessible(strings.Join([]string{strconv.FormatInt(a.ID, 10), "4", "1", filepath.Join(e.dir, "plan.csv"), "b", "b", "q"}, "\n") + "\n")
	want := "the plan's CSV is written from the remediation plan: type b twice, then 2 for the plan, then c"
	if !strings.Contains(text, want) || strings.Contains(text, "--csv") {
		t.Errorf("accessible mode's refusal:\n%s\nwant it to say %s", text, want)
	}
}
