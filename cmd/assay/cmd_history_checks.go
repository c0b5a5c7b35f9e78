package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/safetext"
)

// sinceDay reads --since: a day of the calendar, not after today (UTC,
// as the trail's times are). A day to come matches nothing, and is
// likelier a slip (2062 for 2026) than a question.
func sinceDay(since string) (assess.Date, error) {
	if since == "" {
		return assess.Date{}, nil
	}
	d, err := assess.ParseDate(since)
	if err != nil {
		return assess.Date{}, fmt.Errorf("--since: %w", err)
	}
	if today := assess.DateOf(clock().UTC()); today.Before(d) {
		return assess.Date{}, fmt.Errorf("--since: %s is after today (UTC): no record is that recent", d)
	}
	return d, nil
}

// questionAsked refuses a --question the assessment does not have (a
// typo printed "No record matches" and let the reader think nobody had
// touched the question). A question the trail names is taken even when
// the questionnaire no longer has it: its records are still there.
func questionAsked(asmt *assess.Assessment, entries []history.Entry, qid string) error {
	if qid == "" {
		return nil
	}
	if _, ok := asmt.Questionnaire.Question(qid); ok {
		return nil
	}
	for _, e := range entries {
		if slices.Contains(e.Questions, qid) {
			return nil
		}
	}
	ids := make([]string, len(asmt.Questionnaire.Questions))
	for i, q := range asmt.Questionnaire.Questions {
		ids[i] = q.ID
	}
	return fmt.Errorf("assessment %d (%s) has no question %q: its questions are %s",
		asmt.ID, asmt.Questionnaire.ID, safetext.OneLine(qid), strings.Join(ids, ", "))
}

// authors are the people who made the records, each once, in the order
// they first did: what --by can name.
func authors(entries []history.Entry) []string {
	var out []string
	for _, e := range entries {
		if w := e.Who(); !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}
