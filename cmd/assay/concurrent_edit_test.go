package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// editRace runs workers processes at once, each running its commands one
// after another, and fails the test on any process that did not succeed.
func editRace(t *testing.T, bin string, env []string, workers [][][]string) {
	t.Helper()
	var mu sync.Mutex
	var failed []procResult
	var wg sync.WaitGroup
	for _, cmds := range workers {
		wg.Go(func() {
			for _, args := range cmds {
				if r := runProc(bin, env, args...); r.code != 0 {
					mu.Lock()
					failed = append(failed, r)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	for _, r := range failed {
		t.Errorf("assay %v: exit %d\n%s%s", r.args, r.code, r.stdout, r.errs)
	}
}

// Four processes add eight milestones each to one plan item while a fifth
// changes its owner eight times, all at once. Every confirmed milestone and
// the last owner are kept, and the trail holds one record per command, each
// changing exactly what that command asked for from the item as the
// previous record left it: no record undoes another's change.
func TestConcurrentPlanEditsAllKept(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	if r := runProc(bin, env, "answer", "1", "-f", taggedAnswers(t, dir, "all-no")); r.code != 0 {
		t.Fatalf("assay answer: exit %d: %s", r.code, r.errs)
	}
	const workers, each = 4, 8
	var plan [][][]string
	var want []string
	for w := range workers {
		var cmds [][]string
		for i := range each {
			title := fmt.Sprintf("w%d-m%d", w, i)
			want = append(want, title)
			cmds = append(cmds, []string{"plan", "1", "--item", "mfa", "--milestone", title})
		}
		plan = append(plan, cmds)
	}
	var owners [][]string
	for i := range each {
		owners = append(owners, []string{"plan", "1", "--item", "mfa", "--owner", fmt.Sprintf("owner-%d", i)})
	}
	plan = append(plan, owners)
	editRace(t, bin, env, plan)

	s, err := store.Open(db, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := assess.WithActor(context.Background(), "test")
	a, err := s.Assessment(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	e := a.PlanEdits["mfa"]
	var got []string
	for _, m := range e.Milestones {
		got = append(got, m.Title)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the item keeps %d of %d confirmed milestones: %v", len(got), len(want), got)
	}
	if e.Owner != "owner-7" {
		t.Errorf("owner is %q, want owner-7, the last one set", e.Owner)
	}

	events, err := s.Events(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	prev := assess.PlanEdit{Key: "mfa"}
	n := 0
	for _, ev := range events {
		if ev.Kind != "plan" {
			continue
		}
		n++
		var old, cur assess.PlanEdit
		if ev.Old != "" {
			if err := json.Unmarshal([]byte(ev.Old), &old); err != nil {
				t.Fatal(err)
			}
		} else {
			old.Key = "mfa"
		}
		if err := json.Unmarshal([]byte(ev.New), &cur); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(old, prev) {
			t.Errorf("record %d starts from %s, but the record before left %s", ev.Seq, brief(old), brief(prev))
		}
		milestoneAdded := cur.Owner == old.Owner && len(cur.Milestones) == len(old.Milestones)+1 &&
			slices.Equal(cur.Milestones[:len(old.Milestones)], old.Milestones)
		ownerSet := cur.Owner != old.Owner && slices.Equal(cur.Milestones, old.Milestones)
		if !milestoneAdded && !ownerSet {
			t.Errorf("record %d changes more or less than one command asked: %s -> %s", ev.Seq, brief(old), brief(cur))
		}
		prev = cur
	}
	if n != workers*each+each {
		t.Errorf("the trail holds %d plan records, want one per command: %d", n, workers*each+each)
	}
}

// brief shows a plan edit's owner and milestones, for messages.
func brief(e assess.PlanEdit) string {
	var titles []string
	for _, m := range e.Milestones {
		titles = append(titles, m.Title)
	}
	return fmt.Sprintf("owner %q, milestones %v", e.Owner, titles)
}

// Three processes edit different fields of one subject's record at once,
// eight times each: every field ends as its last command set it, and each
// record of the subject's trail changes one field from the value the
// record before it left.
func TestConcurrentSubjectEditsAllKept(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	if r := runProc(bin, env, "subject", "add", "Acme Cloud Ltd", "--kind", "vendor"); r.code != 0 {
		t.Fatalf("assay subject add: exit %d: %s", r.code, r.errs)
	}
	const each = 8
	var workers [][][]string
	for _, field := range []string{"owner", "notes", "contact"} {
		var cmds [][]string
		for i := range each {
			cmds = append(cmds, []string{"subject", "edit", "Acme Cloud Ltd", "--" + field, fmt.Sprintf("%s-%d", field, i)})
		}
		workers = append(workers, cmds)
	}
	editRace(t, bin, env, workers)

	s, err := store.Open(db, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	subj, err := s.FindSubject(context.Background(), "Acme Cloud Ltd")
	if err != nil {
		t.Fatal(err)
	}
	if subj.Owner != "owner-7" || subj.Notes != "notes-7" || !slices.Equal(subj.Contacts, []string{"contact-7"}) {
		t.Errorf("subject holds owner %q, notes %q, contacts %q; want each field's last value", subj.Owner, subj.Notes, subj.Contacts)
	}

	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT seq, kind, target, old_value, new_value FROM subject_events WHERE subject_id = ? ORDER BY seq`, subj.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	last := map[string]string{"owner": `""`, "notes": `""`, "contacts": `[]`}
	n := 0
	for rows.Next() {
		var seq int64
		var kind, target, old, cur string
		if err := rows.Scan(&seq, &kind, &target, &old, &cur); err != nil {
			t.Fatal(err)
		}
		if kind != "edit" {
			continue
		}
		n++
		if old != last[target] {
			t.Errorf("record %d changes %s from %s, but the record before left %s", seq, target, old, last[target])
		}
		last[target] = cur
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 3*each {
		t.Errorf("the subject's trail holds %d edit records, want one per command: %d", n, 3*each)
	}
}
