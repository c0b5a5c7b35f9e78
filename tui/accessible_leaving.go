package tui

import (
	"errors"
	"fmt"
	"slices"
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

// Where to look for a write not known to be saved, once the server is
// back or, on a file, when assay next opens it (sayUnknown): the
// assessment's audit trail for a change to it; the list of assessments
// for a new one, or a revision, which is a new assessment.
const (
	lookInTheTrail       = "the assessment's audit trail (5 in its choices) shows whether it is there"
	lookInTheListCreated = "the list of assessments shows whether it was created"
	lookInTheListStarted = "the list of assessments shows whether it was started"
)

// notKnownWrite is a write accessible mode could not tell the fate of.
type notKnownWrite struct {
	what string // "assessment 1, Acme Cloud Ltd: the answer to …"
	look string // where to see whether it was recorded, one of the look… above
	// created is the UUID a creation gave its assessment before it was
	// sent: a list read again that holds an assessment of that UUID shows
	// it was created (foundCreated), where a colleague's of the same
	// questionnaire and subject has another. One not there may yet be,
	// the write given up still on its way: it stays not known.
	created string
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

// notKnownCreation keeps the creation of a, given the UUID created
// before it was sent, whose fate cannot be told: named as a new
// assessment is as the workspace quits, and looked for in the list read
// again (foundCreated).
func (p *prompter) notKnownCreation(a *assess.Assessment, created string) {
	p.unknown = append(p.unknown, notKnownWrite{
		what:    fmt.Sprintf("a new %s of %q", clean(a.Questionnaire.Title), clean(a.Subject)),
		look:    lookInTheListCreated,
		created: created,
	})
}

// foundCreated says of each creation not known to be saved whose
// assessment list holds, by its UUID, that it was created, and no longer
// keeps it to name as accessible mode leaves: the list read again at once
// had shown it, and accessible mode still left saying it was not known.
func (p *prompter) foundCreated(list []*assess.Assessment) {
	kept := p.unknown[:0]
	for _, u := range p.unknown {
		i := slices.IndexFunc(list, func(a *assess.Assessment) bool { return u.created != "" && a.UUID == u.created })
		if i < 0 {
			kept = append(kept, u)
			continue
		}
		a := list[i]
		p.say(fmt.Sprintf("It was: assessment %d, a new %s of %s, is in the list.", a.ID, clean(a.Questionnaire.Title), clean(a.Subject)))
	}
	p.unknown = kept
}

// sayUnknown names, as accessible mode leaves, each write not known to
// be saved, in the order made, with where to look for it: once the
// server is back, on a team database; on a person's own file, which has
// no server, when assay next opens it (a write there goes unanswered
// while another program holds the file, and whatever it left is there
// then).
func (p *prompter) sayUnknown() {
	when := "Once the server is back, "
	if p.d.Login == "" {
		when = "When assay next opens the file, "
	}
	for _, u := range p.unknown {
		p.say("Not known to be saved as accessible mode left: " + u.what + ". " + when + u.look + ".")
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
