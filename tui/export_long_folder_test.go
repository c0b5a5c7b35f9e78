package tui_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// An analyst whose export folder is deep in a shared drive opens the
// report's export (and the trail's): the "Export to:" line offered the
// whole path on one line, 120 columns, and the frame cut it at the
// terminal's edge, the file name with it. The name being typed now
// scrolls within the line, the cursor and the file name at its end in
// view, and the folder's end is said under it; home and left reach the
// rest, at every size TestEveryScreenAtEverySize lays screens out for.
func TestExportLineOfALongFolderAtEverySize(t *testing.T) {
	const folder = "/srv/shared/privacy-office/vendor-onboarding/2026/first-quarter/committee-packs"
	for _, size := range screenSizes {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			e := newEnv(t)
			// Its trail's time is the same in every run (screensEnv).
			tick := time.Date(2030, time.January, 7, 9, 0, 0, 0, time.UTC)
			e.db.Now = func() time.Time { tick = tick.Add(time.Second); return tick }
			e.create("vendor-security-screen", "Acme Cloud Ltd")
			d := e.deps()
			d.ExportDir = folder
			f := e.startSized(d, size.w, size.h)
			golden := func(name string) { f.golden(fmt.Sprintf("screens/%s-long-folder-%dx%d", name, size.w, size.h)) }
			f.waitFor("Acme Cloud Ltd")
			f.press("enter")
			f.waitFor("[Interview]")
			f.press("tab", "tab", "tab")
			f.waitFor("[Report]", "Committee report preview")
			f.waitGone("Rendering…")
			f.press("e")
			f.waitFor("Export to:", "acme-cloud-ltd-1-report.md")
			golden("report-export")
			// The start of the path is a key away.
			f.press("home")
			f.waitFor("Export to: /srv/shared")
			f.press("esc", "esc")
			f.waitFor("sorted by")

			f.press("h")
			f.waitFor("Audit trail verified")
			f.press("e")
			f.waitFor("Export to:", "acme-cloud-ltd-1-trail.txt")
			golden("trail-export")
			if !strings.Contains(f.screen(), "committee-packs") {
				t.Errorf("the folder's end is nowhere on the screen:\n%s", f.screen())
			}
			f.press("esc")
			f.waitGone("Export to:")
			f.quit()
		})
	}
}
