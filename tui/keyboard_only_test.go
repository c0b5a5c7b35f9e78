package tui_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var progressRE = regexp.MustCompile(`(\d+)/(\d+) · `)

// typeANumber finds a number question's keys line: "type a number", or
// with its range, "type a whole number of 0 or more"; aNumber finds that
// or the field's placeholder.
var (
	typeANumber = regexp.MustCompile(`type a (whole )?number`)
	aNumber     = regexp.MustCompile(`a (whole )?number`)
)

// progress reads "answered/total" from the interview's status line.
func (f *flow) progress() (int, int) {
	m := progressRE.FindStringSubmatch(f.screen())
	if m == nil {
		return -1, -1
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	return a, b
}

// The third-party due diligence questionnaire (over 50 questions, every
// type it uses, conditional questions included) completed with the
// keyboard alone at 80x24, with no question text or option cut off.
func TestKeyboardOnlyThirdPartyInterview(t *testing.T) {
	e := newEnv(t)
	a := e.create("third-party-due-diligence", "Northwind Analytics")
	f := e.start()
	f.waitFor("Northwind Analyt")
	f.press("enter")
	f.waitFor("question 1 of")
	for step := 0; step < 200; step++ {
		answered, total := f.progress()
		if total > 0 && answered == total {
			break
		}
		s := f.screen()
		for _, line := range strings.Split(s, "\n") {
			if i := strings.Index(line, "│"); i >= 0 && strings.Contains(line[i:], "…") {
				t.Errorf("a line of the question is cut off: %q", line)
			}
		}
		before := s
		// The first options of the profile say the vendor gets none of
		// our data and no access, a pure data supplier, which is not asked
		// how it protects our data; this vendor gets some.
		first := "1"
		if strings.Contains(s, "Which kinds of our data") || strings.Contains(s, "How will the vendor reach our data") {
			first = "2"
		}
		switch {
		case strings.Contains(s, "space ticks, enter saves"):
			f.press(first)
			f.waitFor("[x]")
			f.press("enter")
		case strings.Contains(s, "✎ typing"), typeANumber.MatchString(s), strings.Contains(s, "type the date"):
			// A number or a date starts with its first digit; free text
			// has its field ready.
			switch {
			case strings.Contains(s, "YYYY-MM-DD"):
				f.typeText("2026-01-15")
				f.waitFor("> 2026-01-15")
			case aNumber.MatchString(s):
				f.typeText("12")
				f.waitFor("> 12")
			default:
				f.typeText("Answered in the onboarding call")
				f.waitFor("> Answered in the onboarding call")
			}
			f.press("enter")
		case strings.Contains(s, "Likelihood as found"):
			f.press("1", "1")
			f.waitFor("As found:")
			f.press("right")
		default:
			f.press(first)
		}
		f.waitChange(before)
	}
	f.waitFor("saved ✓")
	answered, total := f.progress()
	if answered != total || total < 50 {
		t.Fatalf("progress %d/%d, want every one of 50 or more questions answered", answered, total)
	}
	f.quit()
	e.reopen()
	if got := len(e.load(a.ID).Answers); got < total {
		t.Errorf("%d answers stored, want at least %d", got, total)
	}
}

// waitChange waits until the interview shows another question or more
// answers than before.
func (f *flow) waitChange(before string) {
	f.t.Helper()
	where := func(s string) string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if strings.Contains(line, "question ") && strings.Contains(line, " of ") || progressRE.MatchString(line) {
				out = append(out, progressRE.FindString(line)+line[:min(len(line), 60)])
			}
		}
		return strings.Join(out, "|")
	}
	f.waitUntil("the interview to move on", func(s string) bool { return where(s) != where(before) })
}
