package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
)

// trail reads assessment a's audit trail out as the trail screen shows
// it: first whether it verifies and how many records it holds (and, as
// assay history says, that the assessment is archived or a revision),
// then what the person asks for: every record, one question's records,
// or the records that hold some words (history.Filter's Text, as /
// keeps them in the workspace). Each record is read line by line: its
// number, time and author, and under them what it changed ("No to Yes":
// an arrow read out is noise). A long trail is not read out whole
// unasked. False when the input ended or the person typed q.
func (p *prompter) trail(a *assess.Assessment) bool {
	id := a.ID
	if p.d.History == nil {
		p.say(fmt.Sprintf("The audit trail cannot be read here: assay history %d prints it.", id))
		return true
	}
	type read struct {
		v       history.Verdict
		entries []history.Entry
	}
	r, err := inTime(p, func(ctx context.Context) (read, error) {
		v, entries, err := p.d.History(ctx, id)
		return read{v, entries}, err
	})
	v, entries := r.v, r.entries
	if err != nil {
		p.say(fullStop("The audit trail could not be read: " + refusal(err)))
		return true
	}
	for _, l := range trailHead(id, a.Archive.Archived(), a.Revision, a.RevisionOf, v, entries) {
		p.say(l)
	}
	for {
		line, ok := p.ask(fmt.Sprintf("Type a to hear every record, a question's ID to hear its records, f and words to hear the records that hold them (a person, a date, any text), b to go back to assessment %d's choices, q to quit:", id))
		switch {
		case !ok || isCommand(line, "q"):
			return false
		case isCommand(line, "b"):
			return true
		case isCommand(line, "a"):
			for _, l := range trailText(v, entries, "to") {
				p.say(l)
			}
		case isCommand(line, "f"):
			p.say("Type f and the words to look for, as in: f Sam Lee.")
		case strings.HasPrefix(line, "f ") || strings.HasPrefix(line, "F "):
			// What is looked for is what is read back (history.Needle).
			words := clean(strings.TrimSpace(line[2:]))
			p.sayPicked(history.Filter{Text: words}.Apply(entries), len(entries),
				"Records that hold "+`"`+words+`"`, "No record holds "+`"`+words+`"`+".")
		case line == "":
			p.say(notOffered("choice", line) + "; type a, a question's ID, f and words, b or q.")
		default:
			qid, ok := questionTyped(a, entries, line)
			if !ok {
				// As assay history --question refuses it: "no record" would
				// let the listener think nobody had touched a question
				// that is only mistyped.
				p.say(fmt.Sprintf("Assessment %d has no question %s, and no record names one.", id, clean(line)))
				continue
			}
			picked := history.Filter{Question: qid}.Apply(entries)
			p.sayPicked(picked, len(entries), "Records about question "+clean(qid), "No record is about question "+clean(qid)+".")
		}
	}
}

// questionTyped is the question ID a listener typed, as the assessment's
// questionnaire or its trail spells it: as typed, or else in another
// case (caps lock, a braille display) when one ID only matches so. False
// when neither has it: a question renamed or retired is still found by
// the records that name it.
func questionTyped(a *assess.Assessment, entries []history.Entry, typed string) (string, bool) {
	var ids []string
	if a.Questionnaire != nil {
		for _, q := range a.Questionnaire.Questions {
			ids = append(ids, q.ID)
		}
	}
	for _, e := range entries {
		ids = append(ids, e.Questions...)
	}
	if slices.Contains(ids, typed) {
		return typed, true
	}
	var folded []string
	for _, id := range ids {
		if strings.EqualFold(id, typed) && !slices.Contains(folded, id) {
			folded = append(folded, id)
		}
	}
	if len(folded) == 1 {
		return folded[0], true
	}
	return "", false
}

// sayPicked reads out the records a filter kept, after what they are
// and how many of all: "Records about question mfa: 2 of 3."; none says
// so.
func (p *prompter) sayPicked(picked []history.Entry, of int, what, none string) {
	if len(picked) == 0 {
		p.say(none)
		return
	}
	p.say(fmt.Sprintf("%s: %d of %d.", what, len(picked), of))
	for _, e := range picked {
		for _, l := range entryText(e, "to") {
			p.say(l)
		}
	}
}
