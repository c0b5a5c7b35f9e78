package export

import (
	"fmt"
	"time"

	"github.com/assay-dev/assay/assess"
)

// ClockSkew is how far apart two computers' clocks may be
// (assess.ClockSkew).
const ClockSkew = assess.ClockSkew

// CheckDated holds the file's own date, exported_at, to what it carries
// and to now, the importing computer's clock. exported_at is not signed:
// anyone holding the file can write any date there, and the report's
// provenance and the workspace's Compare show it. So it must be when the
// file could have been made: not after now, and not before any time the
// exporting database itself recorded (its records and signed heads),
// each within ClockSkew, as computers keep their own clocks. Records an
// assessment brought with it when it was imported there were written on
// other computers' clocks, and are not compared. CheckFields has checked
// every time's form.
func (f *File) CheckDated(now time.Time) error {
	exported, err := time.Parse(time.RFC3339Nano, f.ExportedAt)
	if err != nil {
		return fmt.Errorf("exported_at: %q is not a time (RFC 3339, as 2026-03-01T09:30:00Z)", clip(f.ExportedAt))
	}
	if exported.After(now.Add(ClockSkew)) {
		return fmt.Errorf("exported_at: the file says it was exported at %s, %s after this computer's clock (%s): "+
			"a file cannot be exported in the future; the exporting computer's clock or this one is wrong, or the file was changed",
			exported.UTC().Format(time.RFC3339), ahead(exported.Sub(now)), now.UTC().Format(time.RFC3339))
	}
	latest, field, ok := f.LatestRecordedHere()
	if ok && latest.After(exported.Add(ClockSkew)) {
		return fmt.Errorf("exported_at: the file says it was exported at %s, before %s (%s), which it carries: "+
			"a file cannot hold what was written after it was made; the file was changed, or the exporting computer's clock "+
			"is behind the one that wrote that record (correct it and export again)",
			exported.UTC().Format(time.RFC3339), field, latest.UTC().Format(time.RFC3339))
	}
	return nil
}

// LatestRecordedHere is the latest time the exporting database recorded
// in the file, and the field that holds it: its signed heads, and its
// audit records from its own import of the assessment on (all of them
// for an assessment made there). Answers, plan edits, signatures and the
// assessment's own times are those of records (Prove).
func (f *File) LatestRecordedHere() (latest time.Time, field string, ok bool) {
	consider := func(name, v string) {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err == nil && (!ok || t.After(latest)) {
			latest, field, ok = t, name, true
		}
	}
	from := 0
	for i, e := range f.Events {
		if e.Kind == "import" {
			from = i
		}
	}
	for i := from; i < len(f.Events); i++ {
		consider(fmt.Sprintf("events[%d].at", i), f.Events[i].At)
	}
	if f.Head != nil && f.Head.Assessment != nil {
		consider("head.assessment.entry.at", f.Head.Assessment.Entry.At)
	}
	if f.Head != nil && f.Head.Subject != nil {
		consider("head.subject.entry.at", f.Head.Subject.Entry.At)
	}
	return latest, field, ok
}

// ahead says how far a time is ahead, in the largest unit that reads well.
func ahead(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d/time.Hour))
	}
	return fmt.Sprintf("%d minutes", int(d/time.Minute))
}
