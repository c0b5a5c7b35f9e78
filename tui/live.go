package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Live updates: when others change the portfolio (another window, or a
// colleague on the team database), the workspace reads again what it
// shows: the portfolio on the home screen, the open assessment in its
// views. Others' answers appear as they are saved, and the status line
// of the assessment's views says who changed which (othersNote); the question being
// edited keeps what is being typed, and saving it then meets the other
// person's answer as a conflict (conflict.go). A command waits for the
// next change (Deps.Changes); Update only reacts to what it brings. While
// the watcher cannot follow (the server away), the footer says so and
// why; the watcher keeps trying on its own, and its next change, once it
// follows again, clears the line and reads everything again.

// changedMsg says others changed the portfolio, or that the watcher
// stopped following their changes (change.Lost).
type changedMsg struct {
	change assess.Change
	err    error
}

// refreshedMsg is the open assessment as the store now holds it.
type refreshedMsg struct {
	a   *assess.Assessment
	err error
}

// watchChanges waits for the next change others make.
func watchChanges(d Deps) tea.Cmd {
	if d.Changes == nil {
		return nil
	}
	return func() tea.Msg {
		ch, err := d.Changes.Next(context.Background())
		return changedMsg{change: ch, err: err}
	}
}

// refreshAssessment reads assessment id again, within a write's deadline
// (withinDeadline): the kept changes wait for this read before they are
// made again (retry.go), and a server that accepts and never answers
// held them, and every later read of others' changes, for as long.
func refreshAssessment(d Deps, id int64) tea.Cmd {
	return func() tea.Msg {
		a, err := withinDeadline(d, func(ctx context.Context) (*assess.Assessment, error) { return d.Repo.Assessment(ctx, id) })
		return refreshedMsg{a: a, err: err}
	}
}

// changed reads again what the workspace shows, and waits for the next
// change. A watch that failed is not restarted: the workspace still
// works, and says that it no longer follows others' changes.
func (m Model) changed(msg changedMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		// No word of the server's return will come: writes are sent
		// again, each to find out for itself.
		m.sh.unfollowed, m.sh.saves.away = "no longer following others' changes: "+said(msg.err), ""
		return m, nil
	}
	if msg.change.Lost != "" {
		m.sh.unfollowed = "not following others' changes: " + msg.change.Lost + "; retrying"
		m.sh.saves.away = msg.change.Lost
		return m, watchChanges(m.sh.deps)
	}
	m.sh.saves.away = ""
	if m.sh.unfollowed != "" {
		// The server answers again: the writes that never reached it
		// are made again, after the open assessment is read (which
		// finds those that went through after all), or at once.
		if m.sh.sess != nil {
			m.sh.saves.retryComing = true
		} else {
			m.sh.saves.retryUnreached()
		}
	}
	m.sh.unfollowed = ""
	cmds := []tea.Cmd{watchChanges(m.sh.deps)}
	if h, ok := m.cur.(*home); ok {
		cmds = append(cmds, h.reload())
	}
	if m.sh.sess != nil {
		cmds = append(cmds, m.sh.refresh())
	}
	return m, tea.Batch(cmds...)
}

// refresh reads the open assessment again; while a read is on its way,
// one more is asked for when it arrives, so that changes coming faster
// than reads cost one read at a time, and the last change is read.
func (sh *shell) refresh() tea.Cmd {
	if sh.refreshing {
		sh.refreshAgain = true
		return nil
	}
	sh.refreshing, sh.refreshAgain = true, false
	return sh.saves.afterWrites(refreshAssessment(sh.deps, sh.sess.a.ID))
}

// reload reads the portfolio again, or once more after the read on its
// way, as refresh does.
func (h *home) reload() tea.Cmd {
	if h.loading {
		h.stale = true
		return nil
	}
	return h.loadWithDue()
}

// refreshed brings others' changes into the open assessment. While this
// window still has writes of it on the way, the copy read may lack them:
// it is read again once they are done.
func (m Model) refreshed(msg refreshedMsg) (Model, tea.Cmd) {
	s := m.sh.sess
	m.sh.refreshing = false
	if s == nil || msg.err != nil || msg.a == nil || msg.a.ID != s.a.ID {
		if s != nil && unanswered(msg.err) {
			// Said until the server answers a read or a write: nothing
			// else would say why others' changes stopped showing.
			m.sh.saves.unread = s.where() + " was not read again: " + said(msg.err)
		}
		if m.sh.saves.retryComing {
			// The read meant to come first failed, went unanswered,
			// or brought an assessment no longer open (another was
			// opened first): the writes kept are made again now, each
			// finding out for itself, rather than at a change the
			// watcher may never report.
			m.sh.saves.retryUnreached()
		}
		if s != nil && m.sh.refreshAgain {
			// A change came while it was on its way: read for it.
			return m, m.sh.refresh()
		}
		return m, nil
	}
	m.sh.saves.unread = ""
	if m.sh.saves.pending() || m.sh.refreshAgain {
		return m, m.sh.refresh()
	}
	iv, onInterview := m.cur.(*interview)
	keep := ""
	if onInterview && iv.editingAnswer() {
		keep = iv.q().ID
	}
	// Others' plan changes are those the store holds and this window had
	// not seen stored: its own change the store did not take, put back
	// now, is not one.
	before, signedBefore := s.seenPlan, len(s.a.SignOffs)
	wasArchived, typed := s.a.Archive.Archived(), typedHereWords(m.cur)
	changed, others := s.merge(msg.a, m.sh.deps.Today(), keep)
	if m.sh.saves.retryComing {
		m.sh.saves.retryUnreached()
	} else {
		// The server answered a read: the writes kept for a tick of the
		// schedule, or for the next change given, go now.
		m.sh.saves.serverAnswered()
	}
	planned := planChanged(before, msg.a.PlanEdits, s.planConflicts)
	follow := s.followPlanConflicts(m.sh.deps, msg.a)
	if !wasArchived && s.a.Archive.Archived() {
		follow = tea.Batch(follow, readArchivedBy(m.sh.deps, s.a.ID, typed))
	}
	if r, onReport := m.cur.(*reportView); onReport {
		// The preview is built once: build it again from what others did.
		follow = tea.Batch(follow, r.rebuild())
	}
	// The sign-off form is not covered: the review it goes back to shows
	// the change.
	_, inView := m.cur.(tabbed)
	answers := ""
	if inView && len(others) > 0 {
		answers = othersNote(msg.a, others, m.sh.deps.Actor)
	}
	if signed := othersSignOffs(msg.a.SignOffs, signedBefore, m.sh.deps.Actor); inView && signed != "" {
		answers = strings.TrimPrefix(answers+"; "+signed, "; ")
	}
	if answers != "" {
		m.sh.flash, m.sh.othersSaid = answers, answers
	}
	if inView && len(planned) > 0 {
		follow = tea.Batch(follow, readPlanWho(m.sh.deps, s.a.ID, planned, answers))
	}
	if len(planned) > 0 {
		// An acceptance others gave may date the plan after today.
		follow = tea.Batch(follow, readAcceptedStamps(m.sh.deps, s.eval))
	}
	if len(changed) == 0 {
		return m, follow
	}
	if onInterview && keep == "" && contains(changed, iv.q().ID) {
		return m, tea.Batch(follow, iv.arrive())
	}
	return m, follow
}

// othersSignOffs says who signed the assessment since this window last
// read it (the sign-offs after the first before), and what they decided:
// a colleague's approval locks what is typed here. Only what the store
// holds counts: a sign-off of this window's own reaches the session with
// the assessment it returns, before any read of others' changes.
func othersSignOffs(signOffs []assess.SignOff, before int, me string) string {
	if before < 0 || before >= len(signOffs) {
		return ""
	}
	parts := make([]string, 0, len(signOffs)-before)
	for _, sig := range signOffs[before:] {
		did, then := signedWords(sig)
		if assess.SameName(sig.Name, me) {
			parts = append(parts, "you "+did+" in another window"+then)
			continue
		}
		parts = append(parts, clean(sig.Name)+" "+did+then)
	}
	return strings.Join(parts, "; ")
}

// signedWords is a sign-off's decision as the line about others' changes
// says it, and what follows from it.
func signedWords(sig assess.SignOff) (did, then string) {
	switch {
	case sig.Role == assess.RoleDPO:
		return "gave the DPO's opinion", ": " + clean(sig.Decision)
	case sig.Decision == "submitted":
		return "submitted it for review", ""
	case sig.Decision == "approved":
		return "approved it", ": it is locked"
	case sig.Decision == "rejected":
		return "rejected it", ""
	case sig.Decision == "withdrawn":
		return "withdrew it to draft", ""
	}
	return clean(sig.Decision) + " it", ""
}

// othersNote says who changed which answers, as the store recorded each
// (Answer.UpdatedBy): the same person's own answers from another window
// or their CLI are theirs, not "others'".
func othersNote(fresh *assess.Assessment, changed []string, me string) string {
	var order []string
	by := map[string][]string{}
	for _, id := range changed {
		who := fresh.Answers[id].UpdatedBy
		if _, ok := by[who]; !ok {
			order = append(order, who)
		}
		by[who] = append(by[who], id)
	}
	return changedBy(order, by, me, "")
}

// changedBy says, for each person in order, what they changed (by[who],
// after noun: "" for answers' IDs, "plan item"): nobody named is
// "changed elsewhere", and the person's own changes from another window
// are theirs, not others'.
func changedBy(order []string, by map[string][]string, me, noun string) string {
	parts := make([]string, 0, len(order))
	for _, who := range order {
		what := strings.Join(by[who], ", ")
		switch {
		case noun != "" && len(by[who]) > 1:
			what = noun + "s " + what
		case noun != "":
			what = noun + " " + what
		}
		switch {
		case who == "":
			parts = append(parts, "changed elsewhere: "+what)
		case assess.SameName(who, me):
			parts = append(parts, "you changed "+what+" in another window")
		default:
			parts = append(parts, who+" changed "+what)
		}
	}
	return clean(strings.Join(parts, "; "))
}

// seenOthers takes the line about others' changes away once the person
// has seen it: a key pressed outside a text field (it moves on, or goes
// to what changed), or leaving the assessment. A field being typed in
// keeps it, so that it is not gone at the first letter.
func (sh *shell) seenOthers() {
	if sh.othersSaid != "" && sh.flash == sh.othersSaid {
		sh.flash = ""
	}
	sh.othersSaid = ""
}

// merge takes the assessment as the store now holds it, keeping the
// answer of the question keep (being edited here) and the answers with a
// conflict to settle as this window has them. It returns the questions
// whose answers now show otherwise, and of those, the ones others changed:
// an answer of this window's the store did not take, put back, is not
// theirs.
func (s *session) merge(fresh *assess.Assessment, today assess.Date, keep string) (changed, others []string) {
	unsent := s.unreachedAnswers()
	answers := assess.Answers{}
	for id, theirs := range fresh.Answers {
		answers[id] = theirs
		if c, ok := s.conflicts[id]; ok {
			c.theirs = theirs
			s.conflicts[id] = c
		}
		if _, conflicted := s.conflicts[id]; id == keep || conflicted {
			if mine, ok := s.a.Answers[id]; ok {
				answers[id] = mine
			} else {
				delete(answers, id)
			}
			if id == keep && !conflicted && !assess.SameAnswer(theirs, s.seen[id]) {
				s.meanwhile[id] = theirs
			}
			continue
		}
		if !assess.SameAnswer(s.a.Answers[id], theirs) {
			changed = append(changed, id)
			if seen, ok := s.seen[id]; !ok || !assess.SameAnswer(seen, theirs) {
				others = append(others, id)
			}
		}
		s.seen[id] = theirs
	}
	s.keepUnreached(unsent, fresh, answers)
	next := *fresh
	next.Answers = answers
	next.PlanEdits = s.mergePlan(fresh.PlanEdits)
	s.a = &next
	s.evaluate(today)
	s.keepUnreachedPlan(today)
	return sortedByQuestion(s.a.Questionnaire, changed), sortedByQuestion(s.a.Questionnaire, others)
}

// unsentAnswer is this window's answer whose write failed for want of
// the database, and the answer it was made over (seen), if any.
type unsentAnswer struct {
	mine, over assess.Answer
	hadOver    bool
}

// unreachedAnswers are the answers of the open assessment whose write
// failed for want of the database, by question.
func (s *session) unreachedAnswers() map[string]unsentAnswer {
	out := map[string]unsentAnswer{}
	if s.saves == nil {
		return out
	}
	keys := s.saves.unreachedKeys()
	for qid, mine := range s.a.Answers {
		if keys[answerKey(s.a.ID, qid)] {
			over, had := s.seen[qid]
			out[qid] = unsentAnswer{mine: mine, over: over, hadOver: had}
		}
	}
	return out
}

// keepUnreached keeps in answers, the assessment as merge leaves it, the
// answers unsent (unreachedAnswers, taken before the merge): they are
// written again once the database answers (saver.retryUnreached), and
// until then the analyst sees what was given, as "not saved" says, not
// the answer stored before. Each is still made over the answer it was
// first made over, so that a colleague's answer stored meanwhile is met
// as a conflict, not replaced unawares. One the store holds as given
// after all (a write that went through though its answer never came
// back) is saved: its failure is forgotten.
func (s *session) keepUnreached(unsent map[string]unsentAnswer, fresh *assess.Assessment, answers assess.Answers) {
	for qid, u := range unsent {
		if stored, ok := fresh.Answers[qid]; ok && assess.SameAnswer(stored, u.mine) {
			s.saves.settle(answerKey(s.a.ID, qid))
			continue
		}
		answers[qid] = u.mine
		if u.hadOver {
			s.seen[qid] = u.over
		} else {
			delete(s.seen, qid)
		}
	}
}

// sortedByQuestion puts question IDs in questionnaire order.
func sortedByQuestion(q *assess.Questionnaire, ids []string) []string {
	var out []string
	for _, qq := range q.Questions {
		if contains(ids, qq.ID) {
			out = append(out, qq.ID)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// editingAnswer reports whether the question shown is being changed: a
// text field open, a risk rating or ticks not yet saved, the cursor moved
// off the answer (choosing).
func (iv *interview) editingAnswer() bool {
	return iv.editing != editNone || iv.draft != nil || (iv.q().Type == assess.TypeMulti && iv.ticksDiffer()) || iv.choosing()
}

// ticksDiffer reports whether the ticked options differ from the answer.
func (iv *interview) ticksDiffer() bool {
	saved := iv.answer().Value.Choices
	ticked := 0
	for _, on := range iv.ticked {
		if on {
			ticked++
		}
	}
	if len(saved) != ticked {
		return true
	}
	for _, c := range saved {
		if !iv.ticked[c] {
			return true
		}
	}
	return false
}
