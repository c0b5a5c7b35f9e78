//go:build linux

package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// statusProgress finds the interview's status line: the progress bar,
// the count answered, and at its end the save indicator.
var statusProgress = regexp.MustCompile(`[█░]+ (\d+)/33\b.*saved ✓`)

// The built binary runs the interview in tmux; answers are typed, some
// confirmed ("saved ✓" with the count answered), some not; then assay is
// killed with SIGKILL. Every answer confirmed on the screen is in the
// database with the option typed, any later one is there as typed or not
// at all, and the database passes integrity_check and verify. Three
// rounds, from a seeded random source.
func TestTUIKilledAtRandomKeepsConfirmedAnswers(t *testing.T) {
	bin := assayBinary(t)
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	rng := rand.New(rand.NewPCG(8, 2026))
	for round := range 3 {
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) {
			killInterview(t, bin, q, rng)
		})
	}
}

func killInterview(t *testing.T, bin string, q *assess.Questionnaire, rng *rand.Rand) {
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	if r := runProc(bin, env, "new", "-q", q.ID, "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	p := startTmux(t, bin, env)
	p.waitText("Acme Cloud Ltd", "0/33")
	p.keys("Enter")
	p.waitText("question 1 of 33")

	shown := questionsShown(q)
	typed := map[string]string{} // question ID: option value typed
	confirmed := 0
	answers := 1 + rng.IntN(10)
	for i := 1; i <= answers; i++ {
		k := 1 + rng.IntN(3)
		qq := shown[i-1]
		typed[qq.ID] = qq.Options[k-1].Value
		p.keys(strconv.Itoa(k))
		p.waitText(fmt.Sprintf("question %d of 33", i+1))
		if i == answers || rng.IntN(2) == 0 {
			p.waitFor(fmt.Sprintf("%d/32 saved ✓", i), func(s string) bool {
				m := statusProgress.FindStringSubmatch(s)
				return m != nil && m[1] == strconv.Itoa(i)
			})
			confirmed = i
		}
	}
	// A few more answers typed and not waited for: the kill may catch
	// them anywhere between the key and the commit.
	extra := rng.IntN(3)
	for i := answers + 1; i <= answers+extra; i++ {
		k := 1 + rng.IntN(3)
		qq := shown[i-1]
		typed[qq.ID] = qq.Options[k-1].Value
		p.keys(strconv.Itoa(k))
	}
	time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
	pid := p.pid()
	if cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid)); !strings.HasPrefix(string(cmdline), bin) {
		t.Fatalf("the pane's process %d is %q, not assay", pid, cmdline)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for syscall.Kill(pid, 0) == nil {
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("killed after %d answers typed, %d confirmed", answers+extra, confirmed)
	checkKilledInterview(t, dir, db, q, typed, confirmed)
}

// checkKilledInterview opens the database the killed interview wrote.
func checkKilledInterview(t *testing.T, dir, path string, q *assess.Questionnaire, typed map[string]string, confirmed int) {
	t.Helper()
	integrityOK(t, path)
	db := openAs(t, dir, path)
	defer db.Close()
	ctx := assess.WithActor(context.Background(), "test")
	a, err := db.Assessment(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, qq := range questionsShown(q) {
		got, ok := a.Answers[qq.ID]
		want, wasTyped := typed[qq.ID]
		switch {
		case i < confirmed && !ok:
			t.Errorf("question %d (%s) was confirmed saved on screen but is not in the database", i+1, qq.ID)
		case ok && !wasTyped:
			t.Errorf("question %d (%s) holds %v but was never answered", i+1, qq.ID, got.Value.Choices)
		case ok && (len(got.Value.Choices) != 1 || got.Value.Choices[0] != want):
			t.Errorf("question %d (%s) holds %v; %q was typed", i+1, qq.ID, got.Value.Choices, want)
		}
	}
	t.Logf("%d answers in the database, %d typed, %d confirmed", len(a.Answers), len(typed), confirmed)
	if res, err := db.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Errorf("verify: %v %v", res.Broken, err)
	}
}

// questionsShown is the screen's questions in the order the interview
// asks them here: keys 1 to 3 never answer attestation "not applicable",
// so attestation-not-applicable, which only that answer shows, stays
// hidden and the interview goes from attestation to policy.
func questionsShown(q *assess.Questionnaire) []*assess.Question {
	var shown []*assess.Question
	for _, qq := range q.Questions {
		if qq.ID != "attestation-not-applicable" {
			shown = append(shown, qq)
		}
	}
	return shown
}
