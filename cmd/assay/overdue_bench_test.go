package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store/synth"
)

// BenchmarkOverdue is assay overdue in-process, as main runs it, on a
// portfolio where every assessment is signed and has items open, none of
// them overdue yet: store/synth's generator at 2,000 assessments of 50
// questions over 200 subjects (assessed 2026-01-05, the earliest item due
// 2026-01-20), every one submitted on its assessment day, listed as of
// 2026-01-06. "every-open-signed" is the pre-check overdue had, which
// loaded every assessment that may have been signed while any item of it
// was not done (all 2,000 here); "signed-through" bounds the day each is
// judged on by its latest sign-off (store.SignedThrough) and loads none.
// Both give the same list, checked first on that day and on 2026-03-01,
// when items are overdue. "made-today" is the pre-check of "signed-through"
// with no --as-of on a clock at 2026-01-06, which also reads the plan
// records dated after today of the assessments with an accepted risk
// (store.AcceptedPlansRecordedSince; none here): a report made today is
// dated on an acceptance given after it.
// docs/performance.md has the results.
func BenchmarkOverdue(b *testing.B) {
	path := filepath.Join(b.TempDir(), "overdue.db")
	if err := synth.Build(path, synth.Config{Assessments: 2_000, Questions: 50, Subjects: 200}); err != nil {
		b.Fatal(err)
	}
	signEverySubmitted(b, path)
	home := b.TempDir()
	env := map[string]string{"HOME": home, "ASSAY_DB": path, "XDG_CONFIG_HOME": filepath.Join(home, "config")}
	overdue := func(day string) string {
		var out, errOut strings.Builder
		args := []string{"overdue", "--json", "--as-of", day}
		if day == "" {
			args = args[:2]
		}
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errOut,
			func(k string) string { return env[k] }); code != 0 {
			b.Fatalf("assay overdue: exit %d: %s", code, errOut.String())
		}
		return out.String()
	}
	withPrecheck := func(p func(*assess.Assessment, assess.Date, assess.Date) bool, fn func()) {
		old := overduePrecheck
		overduePrecheck = p
		defer func() { overduePrecheck = old }()
		fn()
	}
	for day, listed := range map[string]bool{"2026-01-06": false, "2026-03-01": true} {
		var before string
		withPrecheck(mayBeOverdueEveryOpenSigned, func() { before = overdue(day) })
		if after := overdue(day); after != before {
			b.Fatalf("as of %s the two pre-checks list different items:\n%.2000s\n---\n%.2000s", day, before, after)
		}
		if none := strings.Contains(before, `"overdue": []`); none == listed {
			b.Fatalf("as of %s: overdue items listed %v, want %v:\n%.500s", day, !none, listed, before)
		}
	}
	for _, c := range []struct {
		name  string
		check func(*assess.Assessment, assess.Date, assess.Date) bool
		day   string
	}{{"every-open-signed", mayBeOverdueEveryOpenSigned, "2026-01-06"}, {"signed-through", mayBeOverdue, "2026-01-06"}, {"made-today", mayBeOverdue, ""}} {
		b.Run(c.name, func(b *testing.B) {
			if c.day == "" {
				old := clock
				clock = func() time.Time { return time.Date(2026, time.January, 6, 12, 0, 0, 0, time.Local) }
				defer func() { clock = old }()
				if got, want := overdue(""), overdue("2026-01-06"); got != want {
					b.Fatalf("made on 2026-01-06 and as of that day, the lists differ:\n%.2000s\n---\n%.2000s", got, want)
				}
			}
			withPrecheck(c.check, func() {
				for b.Loop() {
					overdue(c.day)
				}
			})
		})
	}
}

// mayBeOverdueEveryOpenSigned is the pre-check assay overdue had before
// store.SignedThrough: an assessment that may have been signed (any but a
// draft that is not a revision) was loaded while any item was not done.
func mayBeOverdueEveryOpenSigned(s *assess.Assessment, day, _ assess.Date) bool {
	if _, n := s.Summary.OpenOn(s.JudgedOn(day)); n > 0 {
		return true
	}
	if s.Status == assess.Draft && s.RevisionOf == 0 {
		return false
	}
	for _, it := range s.Summary.Items {
		if it.Status != assess.ItemDone {
			return true
		}
	}
	return false
}

// signEverySubmitted puts every synthetic assessment in review with a
// submission on its assessment day, written with SQL beside assay as the
// generator's copies are (signing 2,000 through the store is a durable
// transaction each). overdue reads the state and the sign-offs, not the
// audit trail the store would have written with them.
func signEverySubmitted(b *testing.B, path string) {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`UPDATE assessments SET status = 'in-review'`,
		`INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
			SELECT id, 'author', 'Synth Analyst', assessed_on, 'submitted', '', event_count, assessed_on || 'T10:00:00Z' FROM assessments`,
	} {
		if _, err := db.Exec(q); err != nil {
			b.Fatal(fmt.Errorf("%s: %w", q, err))
		}
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		b.Fatalf("synthetic portfolio %s: %v", path, err)
	}
}
