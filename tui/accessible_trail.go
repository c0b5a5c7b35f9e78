package tui

import (
	"fmt"

	"strings"

	"github.com/assay-dev/assay/assess/history"
)

// trail reads assessment id's audit trail out as the trail screen shows
// it: first whether it verifies and how many records it holds, then what
// the person asks for: every record, one question's records, or the
// records that hold some words (history.Filter's Text, as / keeps them
// in the workspace). Each record is read line by line: its number, time
// and author, and under them what it changed ("No to Yes": an arrow read
// out is noise). A long trail is not read out whole unasked. False when
// the input ended or the person typed q.
func (p *prompter) trail(id int64) bool {
	if p.d.History == nil {
		p.say(fmt.Sprintf("The audit trail cannot be read here: assay history %d prints it.", id))
		return true
	}
	v, entries, err := p.d.History(p.ctx, id)
	if err != nil {
		p.say(fullStop("The audit trail could not be read: " + refusal(err)))
		return true
	}
	p.say(v.Words(0, false, len(entries)))
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
			words := strings.TrimSpace(line[2:])
			p.sayPicked(history.Filter{Text: words}.Apply(entries), len(entries),
				"Records that hold "+`"`+clean(words)+`"`, "No record holds "+`"`+clean(words)+`"`+".")
		case line == "":
			p.say(notOffered("choice", line) + "; type a, a question's ID, f and words, b or q.")
		default:
			picked := history.Filter{Question: line}.Apply(entries)
			p.sayPicked(picked, len(entries), "Records about question "+clean(line), "No record is about question "+clean(line)+".")
		}
	}
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
