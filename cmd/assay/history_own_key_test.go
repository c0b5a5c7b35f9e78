package main

import (
	"regexp"
	"strings"
	"testing"
)

// After assay key new --compromised, assay history of an assessment the
// old key signed said "a key you do not trust. If it is a colleague's,
// check that fingerprint with them, then run: assay key trust ...": the
// reader's own key, retired because it may have been copied, worded as a
// stranger's, with advice to trust it again. It is now named as assay
// verify names it: their own key, retired on that day, kept as that
// file, and what to check it against. The JSON says the same.
func TestHistoryNamesOnesOwnRetiredKey(t *testing.T) {
	dana := newCLISession(t)
	dana.env["ASSAY_REVIEWER"] = "Dana Reyes"
	id := dana.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	oldID := dana.keyID()
	dana.ok("key", "new", "--compromised")

	own := regexp.MustCompile(`signed by "Dana Reyes" with key ` + regexp.QuoteMeta(oldID) +
		`, your own key, retired on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(kept as [^)]*signing-key-retired-[^)]*\.pem\) and not in your trusted keys`)
	code, out, _ := dana.run("", "history", id)
	if code != 1 || !own.MatchString(out) || !strings.Contains(out, "assay verify --against") || strings.Contains(out, "assay key trust") {
		t.Errorf("assay history after key new --compromised: exit %d\n%s\nwant the key named as her own, retired, and no invitation to trust it", code, out)
	}
	code, out, _ = dana.run("", "history", id, "--json")
	if code != 1 || !own.MatchString(strings.ReplaceAll(out, `\"`, `"`)) || strings.Contains(out, "assay key trust") {
		t.Errorf("assay history --json after key new --compromised: exit %d\n%s", code, out)
	}
}
