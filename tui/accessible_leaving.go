package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// Accessible mode says each write as it is made, and one whose fate it
// cannot tell (given up for want of an answer, or its connection lost at
// the commit) is said "not known" there and then. A person who missed
// that line would leave believing all was saved: so every such write is
// named again as accessible mode leaves, and counted by the error it ends
// with, as the workspace names and counts its changes when it quits
// ("assay: 2 changes are not known to be saved", exit status 1).

// Where to look, once the server is back, for a write not known to be
// saved: the assessment's audit trail for a change to it; the list of
// assessments for a new one, or a revision, which is a new assessment.
const (
	lookInTheTrail       = "the assessment's audit trail (5 in its choices) shows whether it is there"
	lookInTheListCreated = "the list of assessments shows whether it was created"
	lookInTheListStarted = "the list of assessments shows whether it was started"
)

// notKnownWrite is a write accessible mode could not tell the fate of.
type notKnownWrite struct {
	what string // "assessment 1, Acme Cloud Ltd: the answer to …"
	look string // where to see whether it was recorded, one of the look… above
}

// notKnown keeps a write whose fate cannot be told, to name as
// accessible mode leaves: what names it, look says where to see it.
func (p *prompter) notKnown(what, look string) {
	p.unknown = append(p.unknown, notKnownWrite{what: what, look: look})
}

// notKnownOf is notKnown for a change to assessment a.
func (p *prompter) notKnownOf(a *assess.Assessment, what, look string) {
	p.notKnown(fmt.Sprintf("assessment %d, %s: %s", a.ID, clean(a.Subject), what), look)
}

// sayUnknown names, as accessible mode leaves, each write not known to
// be saved, in the order made, with where to look for it.
func (p *prompter) sayUnknown() {
	for _, u := range p.unknown {
		p.say("Not known to be saved as accessible mode left: " + u.what + ". Once the server is back, " + u.look + ".")
	}
}

// leftNotKnown is the error accessible mode ends with when writes are not
// known to be saved: counted in the workspace's words, so that assay
// says it last and ends with exit status 1. nil when there are none.
func (p *prompter) leftNotKnown() error {
	if len(p.unknown) == 0 {
		return nil
	}
	return errors.New(assess.Count(len(p.unknown), "change is", "changes are") + " not known to be saved")
}

// quotedOnOneLine is typed text as a write not known to be saved names
// it: quoted, on one line (%q of text written in lines read out "\n").
func quotedOnOneLine(s string) string {
	return fmt.Sprintf("%q", strings.TrimSpace(clean(s)))
}
