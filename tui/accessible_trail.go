package tui

import "fmt"

// trail reads assessment id's audit trail out, line by line, as the
// trail screen shows it: whether it verifies, then each record's number,
// time and author and what it changed ("no to yes": an arrow read out
// is noise).
func (p *prompter) trail(id int64) {
	if p.d.History == nil {
		p.say(fmt.Sprintf("The audit trail cannot be read here: assay history %d prints it.", id))
		return
	}
	v, entries, err := p.d.History(p.ctx, id)
	if err != nil {
		p.say(fullStop("The audit trail could not be read: " + refusal(err)))
		return
	}
	for _, line := range trailText(v, entries, "to") {
		p.say(line)
	}
}
