package tui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// plan lists an assessment's remediation plan in accessible mode and
// opens the item chosen. Items are numbered as they were last listed:
// a due date moved sorts the plan again, and the number a person heard
// must still mean the item they heard it with; l lists them again. False
// when the input ended or the person typed q.
func (p *prompter) plan(id int64) bool {
	var heard []string
	for {
		a, err := p.readAssessment(id)
		if err != nil {
			p.say(fullStop("Not read: " + refusal(err)))
			return true
		}
		ev := p.asReported(a)
		if len(ev.Plan) == 0 {
			p.say(fmt.Sprintf("Assessment %d has no remediation items: it has no findings.", id))
			return true
		}
		if heard == nil {
			heard = p.listPlan(ev)
		}
		// Not offered "to change" where every change is refused.
		open := "to change it"
		if p.d.readOnly() != "" || a.Editable() != nil {
			open = "to hear it in full"
		}
		line, ok := p.ask(fmt.Sprintf("Type an item's number %s, l to hear the plan again, c to write it as CSV to a file, b to go back to assessment %d's choices, q to quit:", open, id))
		switch {
		case !ok || isCommand(line, "q"):
			return false
		case isCommand(line, "b"):
			return true
		case isCommand(line, "l"):
			heard = nil
			continue
		case isCommand(line, "c"):
			if !p.planCSV(id) {
				return false
			}
			continue
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(heard) {
			said := notOffered("item", line)
			if line != "" {
				said += " in the plan"
			}
			p.say(fmt.Sprintf("%s; type %s.", said, numberUpTo(len(heard))))
			continue
		}
		if !p.planItem(id, heard[n-1]) {
			return false
		}
	}
}

// listPlan says the plan, one item a line, and returns the keys in the
// order said.
func (p *prompter) listPlan(ev *assess.Evaluation) []string {
	a := ev.Assessment
	open, overdue := ev.Open()
	p.say("")
	p.say(fmt.Sprintf("Remediation plan of assessment %d, %s: %s, %d open, %d overdue, as of %s.",
		a.ID, clean(a.Subject), assess.Count(len(ev.Plan), "item", "items"), open, overdue, ev.Today))
	keys := make([]string, len(ev.Plan))
	for i, it := range ev.Plan {
		keys[i] = it.Key()
		p.say(fmt.Sprintf("Item %d: %s.", i+1, itemSaid(it, ev.Today)))
	}
	return keys
}

// itemSaid is an item in words: every state is said, none left to a
// colour or a mark.
func itemSaid(it assess.PlanItem, today assess.Date) string {
	s := fmt.Sprintf("%s, severity %s, due %s, status %s", clean(it.Key()), it.Finding.Severity, it.Due, it.EffectiveStatus().Words())
	if it.Reopened {
		s += ", its risk acceptance expired"
	}
	if it.Overdue(today) {
		s += ", overdue"
	}
	if it.Owner == "" {
		return s + ", no owner"
	}
	return s + ", owner " + clean(it.Owner)
}

// planItem says one item in full and changes it, one field at a time,
// until b. False when the input ended or the person typed q.
func (p *prompter) planItem(id int64, key string) bool {
	for {
		a, err := p.readAssessment(id)
		if err != nil {
			p.say(fullStop("Not read: " + refusal(err)))
			return true
		}
		ev := p.asReported(a)
		it, ok := findItem(ev, key)
		if !ok {
			p.say("Item " + clean(key) + " is no longer in the plan: its answer changed.")
			return true
		}
		p.sayItem(it, ev.Today)
		// Refused before anything is asked, as the workspace refuses
		// before its form opens.
		if why := p.planRefused(a); why != "" {
			p.say(sentence("this item cannot be changed: " + why))
			return true
		}
		line, ok := p.ask("Type 1 to change the owner, 2 the status, 3 the due date, 4 the action, 5 to accept the risk, " +
			"6 to add a milestone, 7 to mark a milestone done, 8 to clear its milestones, b to go back to the plan, q to quit:")
		if !ok || isCommand(line, "q") {
			return false
		}
		if isCommand(line, "b") {
			return true
		}
		ask, known := itemFields[line]
		if !known {
			p.say(notOffered("choice", line) + "; type a number from 1 to 8, b or q.")
			continue
		}
		ch, asked, ok := ask(p, a, it)
		if !ok {
			return false
		}
		if !asked {
			continue // Enter alone (kept), or refused: said where asked
		}
		if !p.changeItem(a, key, a.PlanEdits[key], ch) {
			return false
		}
	}
}

// asReported is a judged as the report made now is dated, as the plan's
// CSV and the workspace's plan screen are (assess.JudgedAsReported): on
// today, or a later day of a sign-off or of an acceptance it shows, which
// a colleague whose calendar or clock is ahead may have given on a day
// that has not begun here. The plan is said "as of" that day.
func (p *prompter) asReported(a *assess.Assessment) *assess.Evaluation {
	ev := assess.Evaluate(a, p.d.Today())
	ev, _ = assess.JudgedAsReported(ev, p.acceptedStampsSaid(ev))
	return ev
}

func findItem(ev *assess.Evaluation, key string) (assess.PlanItem, bool) {
	i := slices.IndexFunc(ev.Plan, func(it assess.PlanItem) bool { return it.Key() == key })
	if i < 0 {
		return assess.PlanItem{}, false
	}
	return ev.Plan[i], true
}

// planRefused is why this person may not change the plan of a, "" when
// they may: a login without the analyst role, an approved assessment.
func (p *prompter) planRefused(a *assess.Assessment) string {
	if r := p.refusedForRole(); r != "" {
		return clean(r)
	}
	if err := a.Editable(); err != nil {
		return refusal(err)
	}
	return ""
}

// sayItem says an item in full: the short line, the finding, the action,
// a due date moved, an acceptance and the milestones.
func (p *prompter) sayItem(it assess.PlanItem, today assess.Date) {
	p.say("")
	p.say("Item " + itemSaid(it, today) + ".")
	p.say("Finding: " + fullStop(clean(it.Finding.Question)) + " Answered " + fullStop(clean(it.Finding.Answer)))
	p.sayLines("Action", it.Action)
	if it.DueReason != "" {
		p.sayLines(fmt.Sprintf("Due date moved from %s to %s", it.DefaultDue, it.Due), it.DueReason)
	}
	if acc := it.Acceptance; acc != nil && it.Status == assess.ItemAccepted {
		state := "in force"
		if it.Reopened {
			state = "expired, so the item is open again"
		}
		p.sayLines(fmt.Sprintf("Risk accepted by %s until %s, %s", clean(acc.Approver), acc.Expires, state), acc.Reason)
	}
	for i, m := range it.Milestones {
		s := fmt.Sprintf("Milestone %d of %d: %s", i+1, len(it.Milestones), clean(m.Title))
		if !m.Due.IsZero() {
			s += ", by " + m.Due.String()
		}
		if m.Done {
			s += ", done"
		} else {
			s += ", not done"
		}
		p.say(s + ".")
	}
}

// sayLines reads out text someone may have written in lines or
// paragraphs (an action's steps, a reason), under label, as assay plan's
// listing keeps it (safetext.Lines): after the label when it is one
// line; else the label and how many lines, then each line on its own
// and a blank line where a paragraph ends. Run into one line, a list of
// steps was heard as one long sentence with no word of where each ended.
func (p *prompter) sayLines(label, text string) {
	lines := safetext.Lines(text)
	if len(lines) <= 1 {
		p.say(label + ": " + fullStop(strings.Join(lines, "")))
		return
	}
	n := 0
	for _, l := range lines {
		if l != "" {
			n++
		}
	}
	p.say(fmt.Sprintf("%s, in %d lines:", label, n))
	for _, l := range lines {
		p.say(l)
	}
}

// itemField asks for one change to an item: the change, whether anything
// was typed that asks for one, and false when the input ended.
type itemField func(p *prompter, a *assess.Assessment, it assess.PlanItem) (ch assess.PlanChange, asked, ok bool)

var itemFields = map[string]itemField{
	"1": askOwner, "2": askStatus, "3": askDue, "4": askAction,
	"5": askAcceptance, "6": askMilestone, "7": askMilestoneDone,
	"8": askClearMilestones,
}

// kept says that Enter alone changed nothing. b alone does too, where a
// name or a text is typed: b goes back at every other prompt, and a
// listener who typed it to leave had saved an owner, an action or a
// milestone named "b".
func (p *prompter) kept(ok bool) (assess.PlanChange, bool, bool) {
	if ok {
		p.say("Nothing changed.")
	}
	return assess.PlanChange{}, false, ok
}

func askOwner(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	now := "none"
	if it.Owner != "" {
		now = clean(it.Owner)
	}
	line, ok := p.ask("Owner of " + clean(it.Key()) + ", now " + now + ". Type the new owner, a hyphen alone for none, or press Enter alone or b to keep it:")
	if !ok || line == "" || isCommand(line, "b") {
		return p.kept(ok)
	}
	if line == "-" {
		line = ""
	}
	return assess.PlanChange{Owner: &line}, true, true
}

// askStatus offers the statuses a change of status sets; a risk is
// accepted with its approver, reason and expiry (5), as in the workspace.
func askStatus(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	statuses := []assess.ItemStatus{assess.ItemOpen, assess.ItemInProgress, assess.ItemDone}
	parts := make([]string, len(statuses))
	for i, s := range statuses {
		parts[i] = fmt.Sprintf("%d for %s", i+1, s.Words())
	}
	line, ok := p.ask(fmt.Sprintf("Status of %s, now %s. Type %s, or press Enter alone to keep it. To accept the risk, choose 5 on the item instead.",
		clean(it.Key()), it.EffectiveStatus().Words(), strings.Join(parts, ", ")))
	if !ok || line == "" {
		return p.kept(ok)
	}
	n, err := strconv.Atoi(line)
	if err != nil || n < 1 || n > len(statuses) {
		p.say(fmt.Sprintf("Not saved: there is no status %s; type a number from 1 to %d.", clean(line), len(statuses)))
		return assess.PlanChange{}, false, true
	}
	return assess.PlanChange{Status: statuses[n-1]}, true, true
}

// askDue asks for a new due date and, when it is not the default, why
// it moved; the domain refuses a date before the assessment date and a
// move without a reason. The default is said with why it falls on that
// day (the severity's deadline, or the certificate's expiry before it),
// in the words of the report and the CSV.
func askDue(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	line, ok := p.ask(fmt.Sprintf("Due date of %s, now %s; the default is %s, %s. Type the new date as year-month-day, "+
		"default for the default date, or press Enter alone to keep it:", clean(it.Key()), it.Due, it.DefaultDue, clean(it.DefaultDueWhy())))
	if !ok || line == "" {
		return p.kept(ok)
	}
	if line == "default" {
		return assess.PlanChange{ResetDue: true}, true, true
	}
	due, err := assess.ParseRecordDate(line)
	if err != nil {
		p.say(fullStop("Not saved: " + clean(dateProblem(err).Error())))
		return assess.PlanChange{}, false, true
	}
	ch := assess.PlanChange{Due: due}
	// A date the domain refuses whatever the reason (before the
	// assessment date) is said before the reason is asked for, as the
	// workspace's form says it on the date's field.
	if _, err := a.ChangePlanItem(it.Key(), assess.PlanChange{Due: due, DueReason: "date checked"}, p.d.Today()); err != nil {
		p.say(fullStop("Not saved: " + refusal(err)))
		return assess.PlanChange{}, false, true
	}
	if due != it.DefaultDue {
		if ch.DueReason, ok = p.askText("Why does the due date move? Type the reason; it is kept with the date:"); !ok {
			return ch, false, false
		}
	}
	return ch, true, true
}

func askAction(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	p.sayLines("Action of "+clean(it.Key())+" now", it.Action)
	line, ok := p.askLines("Type the new action, default for the questionnaire's recommendation, or press Enter alone or b to keep it:")
	if !ok || line == "" || isCommand(line, "b") {
		return p.kept(ok)
	}
	if line == "default" {
		line = "" // the finding's recommended action, as the workspace stores it
	}
	return assess.PlanChange{Action: &line}, true, true
}

// askAcceptance asks for the approver, the reason and the expiry of a
// risk acceptance; the domain refuses one missing any, or already expired.
func askAcceptance(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	approver, reason := p.d.Actor, ""
	if acc := it.Acceptance; acc != nil {
		approver, reason = acc.Approver, acc.Reason
	}
	p.say("Accepting the risk of " + clean(it.Key()) + ": the item counts as closed until the acceptance expires, then opens again.")
	typed, ok := p.ask("Approver: type a name, or press Enter alone for " + clean(approver) + ":")
	if !ok {
		return assess.PlanChange{}, false, false
	}
	if typed != "" {
		approver = typed
	}
	ask := "Reason for accepting it: type it:"
	if reason != "" {
		ask = "Reason for accepting it: type it, or press Enter alone to keep " + clean(reason) + ":"
	}
	if typed, ok = p.askText(ask); !ok {
		return assess.PlanChange{}, false, false
	}
	if typed != "" {
		reason = typed
	}
	// Refused here, by the domain's test of a blank reason, rather than
	// after the expiry is asked too.
	if assess.Blank(reason) {
		p.say("Not saved: a risk is accepted with a reason; nothing was accepted.")
		return assess.PlanChange{}, false, true
	}
	ask = "Expires: type a date as year-month-day, today or later:"
	if acc := it.Acceptance; acc != nil {
		ask = "Expires: type a date as year-month-day, today or later, or press Enter alone to keep " + acc.Expires.String() + ":"
	}
	expires, ok := p.ask(ask)
	if !ok {
		return assess.PlanChange{}, false, false
	}
	ch := assess.PlanChange{Accept: assess.Acceptance{Approver: approver, Reason: reason}}
	if expires != "" {
		d, err := assess.ParseRecordDate(expires)
		if err != nil {
			p.say(fullStop("Not saved: " + clean(dateProblem(err).Error())))
			return assess.PlanChange{}, false, true
		}
		ch.Accept.Expires = d
	}
	return ch, true, true
}

func askMilestone(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	title, ok := p.ask("New milestone of " + clean(it.Key()) + ": type its title, or press Enter alone or b to add none:")
	if !ok || title == "" || isCommand(title, "b") {
		return p.kept(ok)
	}
	due, ok := p.ask("Its due date: type a date as year-month-day, or press Enter alone for none:")
	if !ok {
		return assess.PlanChange{}, false, false
	}
	m := assess.Milestone{Title: title}
	if due != "" {
		d, err := assess.ParseRecordDate(due)
		if err != nil {
			p.say(fullStop("Not saved: " + clean(dateProblem(err).Error())))
			return assess.PlanChange{}, false, true
		}
		m.Due = d
	}
	return assess.PlanChange{AddMilestones: []assess.Milestone{m}}, true, true
}

func askMilestoneDone(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	if len(it.Milestones) == 0 {
		p.say("Item " + clean(it.Key()) + " has no milestones; 6 adds one.")
		return assess.PlanChange{}, false, true
	}
	ask := fmt.Sprintf("Type the number of the milestone done, from 1 to %d, or press Enter alone to mark none:", len(it.Milestones))
	if len(it.Milestones) == 1 {
		ask = "Type 1 for the milestone done, or press Enter alone to mark none:"
	}
	line, ok := p.ask(ask)
	if !ok || line == "" {
		return p.kept(ok)
	}
	n, err := strconv.Atoi(line)
	if err != nil {
		p.say(fmt.Sprintf("Not saved: there is no milestone %s; type %s.", clean(line), numberUpTo(len(it.Milestones))))
		return assess.PlanChange{}, false, true
	}
	return assess.PlanChange{DoneMilestones: []int{n}}, true, true // the domain refuses one out of range
}

// askClearMilestones removes every milestone of the item once confirmed,
// as assay plan --clear-milestones does: the same change, so a milestone
// another person set since this session read the item is said, and
// replaced only with o.
func askClearMilestones(p *prompter, a *assess.Assessment, it assess.PlanItem) (assess.PlanChange, bool, bool) {
	n := len(it.Milestones)
	if n == 0 {
		p.say("Item " + clean(it.Key()) + " has no milestones; nothing to clear.")
		return assess.PlanChange{}, false, true
	}
	them := "them"
	if n == 1 {
		them = "it"
	}
	line, ok := p.ask(fmt.Sprintf("Type y to remove its %s, or press Enter alone to keep %s:", assess.Count(n, "milestone", "milestones"), them))
	if !ok || !isCommand(line, "y") {
		return p.kept(ok)
	}
	return assess.PlanChange{ClearMilestones: true}, true, true
}

// changeItem saves ch over the item's edit as this session last read it
// (seen), through the store, which applies the domain's rules to the item
// as it is when it writes. Another person's value set since is never
// replaced unawares: it is said, and o saves ours over it, Enter keeps
// theirs and saves the rest of the change, as O and K do in the
// workspace. One whose connection was lost at the commit is read back
// (lostAtCommit). False when the input ended.
func (p *prompter) changeItem(a *assess.Assessment, key string, seen assess.PlanEdit, ch assess.PlanChange) bool {
	ch.Over = &seen
	over := false
	for {
		today := p.d.Today()
		changed, err := inTime(p, func(ctx context.Context) (bool, error) {
			_, changed, err := p.d.Repo.ChangePlanItem(ctx, a.ID, key, ch, today)
			return changed, err
		})
		var conflict *assess.ConflictError
		if errors.As(err, &conflict) && len(conflict.Fields) > 0 {
			for _, f := range conflict.Fields {
				p.say(sentence("not saved: " + clean(f.String())))
			}
			theirs := conflict.Fields[0].Edit
			line, ok := p.ask("Type o to save yours over theirs, or press Enter alone to keep theirs (the rest of your change is saved):")
			if !ok {
				return false
			}
			if !isCommand(line, "o") {
				if ch = ch.WithoutFields(conflict.Fields); ch.Empty() {
					p.say("Theirs is kept.")
					return true
				}
			} else {
				over = true
			}
			ch.Over = &theirs
			continue
		}
		held, unknown := p.lostAtCommit(err, a, "saved", named("a change to plan item "+clean(key), givenPlanChange(ch)), func(now *assess.Assessment) bool {
			return planChangeHeld(now, key, *ch.Over, ch, today)
		})
		switch {
		case unknown:
		case held != nil:
			p.say("Saved.")
		case err != nil:
			p.say(fullStop("Not saved: " + refusal(err)))
		case !changed:
			p.say("Nothing changed: item " + clean(key) + " already reads so.")
		case over:
			p.say("Saved over theirs.")
		default:
			p.say("Saved.")
		}
		return true
	}
}

// planChangeHeld reports whether item key, as the server holds it in now,
// is what ch made over the edit it was made over: the change recorded,
// and nothing since. (Made again over what is held, a milestone would be
// added twice, so it is not asked that way.)
func planChangeHeld(now *assess.Assessment, key string, over assess.PlanEdit, ch assess.PlanChange, today assess.Date) bool {
	held := now.PlanEdits[key]
	before := *now
	before.PlanEdits = maps.Clone(now.PlanEdits)
	if before.PlanEdits == nil {
		before.PlanEdits = map[string]assess.PlanEdit{}
	}
	before.PlanEdits[key] = over
	want, err := before.ChangePlanItem(key, ch, today)
	return err == nil && want.SameAs(held)
}
