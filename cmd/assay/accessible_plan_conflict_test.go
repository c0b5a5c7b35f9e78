package main

import (
	"os/exec"
	"testing"
)

// A plan item's owner another person set while accessible mode asked for
// it is not replaced unawares: who set it, when and what it is are said,
// Enter keeps theirs, and o saves ours over theirs knowingly.
func TestAccessiblePlanConflict(t *testing.T) {
	s := newAccessibleSession(t)
	omar := s.as("Omar Diaz")
	cmd := exec.Command(s.bin)
	cmd.Env, cmd.Dir = s.as("Dana Reyes").env, s.dir
	p := startInteractive(t, cmd)
	say := p.say
	setByOmar := func(owner string) {
		if r := runProc(s.bin, omar.env, "plan", "1", "--item", "mfa", "--owner", owner); r.code != 0 {
			t.Fatalf("assay plan: exit %d: %s", r.code, r.errs)
		}
	}
	const ownerAsked, choose = "Type the new owner, a hyphen alone for none, or press Enter alone or b to keep it:", "Type o to save yours over theirs"
	waitOutput(t, &p.out, "or q to quit:", 1)
	say("1")
	waitOutput(t, &p.out, "b to go back to the list, q to quit:", 1)
	say("2")
	waitOutput(t, &p.out, "Type an item's number to change it", 1)
	say("2")
	waitOutput(t, &p.out, "b to go back to the plan, q to quit:", 1)
	say("1")
	waitOutput(t, &p.out, ownerAsked, 1)
	setByOmar("Omar's pick")
	say("Sam Ortiz")
	waitOutput(t, &p.out, choose, 1)
	say("") // keep theirs
	waitOutput(t, &p.out, "Theirs is kept.", 1)
	say("1")
	waitOutput(t, &p.out, ownerAsked, 2)
	setByOmar("Third person")
	say("Sam Ortiz")
	waitOutput(t, &p.out, choose, 2)
	say("o")
	waitOutput(t, &p.out, "Saved over theirs.", 1)
	say("q")
	p.stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("assay: %v\n%s", err, p.out.String())
	}
	s.says(p.out.String(),
		`Not saved: the owner of plan item mfa was changed by Omar Diaz at `,
		`it is now "Omar's pick".`,
		"Owner of mfa, now Omar's pick.",
	)
	if got := s.assessment(1).PlanEdits["mfa"].Owner; got != "Sam Ortiz" {
		t.Errorf("owner stored as %q, want the one saved over theirs", got)
	}
}
