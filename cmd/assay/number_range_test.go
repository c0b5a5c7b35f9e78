package main

import (
	"strings"
	"testing"
)

// A hostile tester's answers: a negative count of people, a fraction of a
// person, a careless -100000 meant as 100000 (it scored in the lowest
// band) and a share over 100 percent. Each is refused with the file, line
// and field, and what the question takes; nothing is recorded.
func TestAnswerRefusesNumbersOutOfRange(t *testing.T) {
	s := newCLISession(t)
	tpdd := s.startBuiltin("third-party-due-diligence", "Acme", "2026-01-10", "")
	aia := s.startBuiltin("fairness-aia", "Hiring model", "2026-01-10", "")
	anon := s.startBuiltin("anonymized-dataset", "Footfall", "2026-01-10", "")
	before := s.dbDigest()
	for _, c := range []struct {
		hostileCase
		id string
	}{
		{hostileCase{"a negative count", []byte("answers:\n  records: -5\n"),
			[]string{"FILE:2:12: answers.records: question records takes a whole number of 0 or more, not -5", "nothing was recorded"}}, tpdd},
		{hostileCase{"a fraction of a record", []byte("answers:\n  records:\n    answer: 2.5\n    note: about that\n"),
			[]string{"FILE:3:13: answers.records.answer: question records takes a whole number of 0 or more, not 2.5"}}, tpdd},
		{hostileCase{"a careless minus", []byte("answers:\n  people-per-year: -100000\n"),
			[]string{"FILE:2:20: answers.people-per-year: question people-per-year takes a whole number of 0 or more, not -100000"}}, aia},
		{hostileCase{"a fraction of a person", []byte("answers:\n  individuals: 2.5\n"),
			[]string{"FILE:2:16: answers.individuals: question individuals takes a whole number of 0 or more, not 2.5"}}, anon},
		{hostileCase{"a share over 100 percent", []byte("answers:\n  measured-risk: 120\n"),
			[]string{"FILE:2:18: answers.measured-risk: question measured-risk takes a number from 0 to 100, not 120"}}, anon},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "answers.yaml", string(c.body))
			checkRefused(t, s, before, c.hostileCase, path, "answer", c.id, "-f", path)
		})
	}
	// At the bounds, the answers are taken.
	path := writeFile(t, t.TempDir(), "answers.yaml", "answers:\n  individuals: 0\n  measured-risk: 100\n  threshold-value: 0\n")
	if got := s.ok("answer", anon, "-f", path); !strings.Contains(got, "recorded 3 answers") {
		t.Errorf("answers at the bounds: %s", got)
	}
}

// The file assay send writes tells the vendor what a number question
// takes, range and all.
func TestSendSaysANumbersRange(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("anonymized-dataset", "Footfall", "2026-01-10", "")
	sent := s.sent(id)
	for _, want := range []string{
		"  # A whole number of people, 0 or more\n  individuals:\n",
		"  # A number of percent, from 0 to 100\n  measured-risk:\n",
	} {
		if !strings.Contains(sent, want) {
			t.Errorf("the sent file does not say\n%s", want)
		}
	}
}
