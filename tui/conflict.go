package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// When two people change the same answer, the second to save is told who
// changed it, when, and what it says, on the question itself, and
// chooses: overwrite it with theirs, knowingly, or keep the other
// person's. Nothing is replaced silently (assess.ConflictError).

// conflict is one answer someone else changed before ours was saved.
type conflict struct {
	mine, theirs assess.Answer
}

// conflictKeys apply on a question with a conflict.
var conflictKeys = struct{ Overwrite, Keep, GoTo key.Binding }{
	Overwrite: bind("O", "overwrite theirs with yours", "O"),
	Keep:      bind("K", "keep theirs", "K"),
	// GoTo shows a conflict the screen does not (conflict_elsewhere.go).
	GoTo: bind("c", "go to a conflict", "c"),
}

// saved hears the outcome of a change to an answer: the store now holds
// it, or someone else's, which becomes a conflict to settle, or it was
// refused and, unless it is made again once the database answers, is
// taken off the screen (takenOff).
func (s *session) saved(ans assess.Answer, err error, today assess.Date) {
	var c *assess.ConflictError
	switch {
	case err == nil:
		s.seen[ans.QuestionID] = ans
	case errors.As(err, &c) && len(c.Theirs) == 1:
		theirs := c.Theirs[0]
		s.conflicts[ans.QuestionID] = conflict{mine: onTheirs(ans, s.seen[ans.QuestionID], theirs), theirs: theirs}
	case takenOff(err):
		s.undoRefusedAnswer(ans, today)
	}
}

// onTheirs is our change made over their answer: the parts we changed
// from the answer we started from (the value, the note, the evidence),
// and theirs for the rest. A note added while a colleague recorded the
// vendor's answer is then that note on their answer, and overwriting
// keeps the answer we never touched instead of blanking it.
func onTheirs(mine, base, theirs assess.Answer) assess.Answer {
	out := theirs
	out.UpdatedAt, out.UpdatedBy = mine.UpdatedAt, mine.UpdatedBy
	if !assess.SameAnswer(assess.Answer{Value: mine.Value, Source: mine.Source, Reviewed: mine.Reviewed}, assess.Answer{Value: base.Value, Source: base.Source, Reviewed: base.Reviewed}) {
		out.Value, out.Source, out.Reviewed = mine.Value, mine.Source, mine.Reviewed
	}
	if mine.Note != base.Note {
		out.Note = mine.Note
	}
	if !slices.Equal(mine.Evidence, base.Evidence) {
		out.Evidence = mine.Evidence
	}
	return out
}

// overwrite saves our answer over theirs, now that it has been seen.
func (s *session) overwrite(d Deps, qid string) {
	c, ok := s.conflicts[qid]
	if !ok {
		return
	}
	s.seen[qid] = c.theirs
	s.setAnswer(d, c.mine)
}

// keepTheirs gives our answer up for theirs.
func (s *session) keepTheirs(d Deps, qid string) {
	c, ok := s.conflicts[qid]
	if !ok {
		return
	}
	delete(s.conflicts, qid)
	s.seen[qid] = c.theirs
	s.a.Answers[qid] = c.theirs
	s.saves.settle(answerKey(s.a.ID, qid))
	s.evaluate(d.Today())
}

// conflictBox says, on the question, who changed it and what both
// answers say, and how to choose.
func (iv *interview) conflictBox(width int) string {
	st := iv.sh.st
	c, ok := iv.sh.sess.conflicts[iv.q().ID]
	if !ok {
		theirs, meanwhile := iv.sh.sess.meanwhile[iv.q().ID]
		if !meanwhile {
			return ""
		}
		head := fmt.Sprintf("%s changed this answer at %s while you were editing it: %s. Saving yours asks which to keep.",
			who(theirs), theirs.UpdatedAt.Local().Format("15:04:05"), theirs.DescribeAs(iv.q()))
		return st.warn.Render(wrap(clean(head), width)) + "\n\n"
	}
	head := fmt.Sprintf("%s changed this answer at %s, before yours was saved.", who(c.theirs), c.theirs.UpdatedAt.Local().Format("15:04:05 on 2 Jan"))
	lines := []string{
		st.warn.Render(wrap(clean(head), width)),
		wrap("Theirs: "+clean(c.theirs.DescribeAs(iv.q())), width),
		wrap("Yours:  "+clean(c.mine.DescribeAs(iv.q())), width),
		st.key.Render("O") + " overwrite theirs with yours  " + st.key.Render("K") + " keep theirs",
	}
	return strings.Join(lines, "\n") + "\n\n"
}

// who names the person who last saved an answer.
func who(a assess.Answer) string {
	if name := strings.TrimSpace(a.UpdatedBy); name != "" {
		return name
	}
	return "Someone"
}

// conflictKey settles the conflict of the question shown with O or K;
// handled reports whether the key was one of them.
func (iv *interview) conflictKey(msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	qid := iv.q().ID
	if _, ok := iv.sh.sess.conflicts[qid]; !ok {
		return nil, false
	}
	switch {
	case key.Matches(msg, conflictKeys.Overwrite):
		iv.sh.sess.overwrite(iv.sh.deps, qid)
	case key.Matches(msg, conflictKeys.Keep):
		iv.sh.sess.keepTheirs(iv.sh.deps, qid)
	default:
		return nil, false
	}
	return iv.arrive(), true
}
