package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/assay-dev/assay/assess"
)

// planForm says which form is open over the plan.
type planForm int

const (
	formNone planForm = iota
	formEdit
	formAccept
	formMilestone
)

// editFields are the edit form's fields.
type editFields struct{ owner, action, due, reason, status string }

// plan is the remediation plan: every finding's item with owner, due date,
// status and milestones, sorted by due date; items are edited in forms and
// each change is saved at once with its reason.
type plan struct {
	sh   *shell
	nav  listNav
	form *huh.Form
	// limits is how many characters each of the forms' text fields holds,
	// and refused why a paste into one was not taken (until the next key).
	limits  map[huh.Field]int
	refused string
	which   planForm
	// formKey is the item the open form was opened for: another window's
	// change can sort another item under the cursor while it is open.
	formKey string
	// formOver is that item's edit as the store held it, as far as this
	// window knew, when the form opened, with this window's changes to
	// it still to make (planMeant): what the form's change is made over,
	// so another window's value set while the form was open is not
	// replaced unawares.
	formOver assess.PlanEdit
	// at is the item under the cursor: the cursor stays on it when the
	// plan is sorted again (another window moved a due date).
	at  string
	err string
	// gone is the item the cursor was on when it left the plan, unseen
	// until a key moves the cursor or is refused (plan_gone.go).
	gone string

	// form fields; opened is the edit form's as it opened, so that a
	// change carries only the fields the person changed
	edit, opened            editFields
	approver, why, expires  string
	milestone, milestoneDue string
	// typed are the open form's fields that quitting names if changed.
	typed []formValue
	// kept are its text fields as they opened: one passed through is
	// saved as recorded, not as the field shows it (plan_kept.go).
	kept keptText
}

func newPlan(sh *shell) *plan {
	p := &plan{sh: sh, limits: map[huh.Field]int{}}
	p.note()
	return p
}

func (p *plan) Title() string   { return p.sh.sess.where() }
func (p *plan) tab() view       { return viewPlan }
func (p *plan) Capturing() bool { return p.form != nil }
func (p *plan) KeyMap() keyMap {
	if p.form != nil {
		return formKeyMap
	}
	km := planKeyMap.keyMap()
	if !p.sh.sess.editable(p.sh.deps) {
		// Nothing conflicts where nothing is saved: a login that may
		// not write, or an approved (locked) assessment.
		return km.without(planKeyMap.writes()...)
	}
	if it, ok := p.selected(); ok {
		if _, conflicted := p.sh.sess.planConflicts[it.Key()]; conflicted {
			km.short = append([]key.Binding{conflictKeys.Overwrite, conflictKeys.Keep}, km.short...)
			km.full = append([][]key.Binding{{conflictKeys.Overwrite, conflictKeys.Keep}}, km.full...)
		}
	}
	return withGoToConflict(km, p.conflictNotice() != "")
}

func (p *plan) items() []assess.PlanItem { return p.sh.sess.eval.Plan }

func (p *plan) selected() (assess.PlanItem, bool) {
	items := p.items()
	if p.nav.cursor < 0 || p.nav.cursor >= len(items) {
		return assess.PlanItem{}, false
	}
	return items[p.nav.cursor], true
}

// item finds the plan item with the key and its row.
func (p *plan) item(key string) (assess.PlanItem, int, bool) {
	for i, it := range p.items() {
		if it.Key() == key {
			return it, i, true
		}
	}
	return assess.PlanItem{}, -1, false
}

// follow puts the cursor back on its item, wherever the plan now sorts
// it; on an item gone from the plan, it takes the one in its row, and
// notes that the cursor moved there unseen (unless quiet: the person's
// own answer took it away, and they know).
func (p *plan) follow(quiet bool) {
	if _, row, ok := p.item(p.at); ok {
		p.nav.cursor = row
		return
	}
	if !quiet {
		p.noteGone(p.at)
	}
	// The plan may be shorter now: the last row is its neighbour.
	p.nav.cursor = clamp(p.nav.cursor, 0, len(p.items())-1)
	p.note()
}

// note takes the item under the cursor as the one it stays on.
func (p *plan) note() {
	if it, ok := p.selected(); ok {
		p.at = it.Key()
	}
}

// Update handles a message with the cursor on its item. A key that moves
// the cursor chooses another item; any other message (a change saved
// that sorts the plan again, a conflict come back) leaves it on the one
// it was on: a key acts on the item the person saw.
func (p *plan) Update(msg tea.Msg) (screen, tea.Cmd) {
	p.follow(false)
	was := p.nav.cursor
	s, cmd := p.update(msg)
	if p.nav.cursor != was {
		p.note()
	} else {
		p.follow(false)
	}
	return s, cmd
}

func (p *plan) update(msg tea.Msg) (screen, tea.Cmd) {
	if p.form != nil {
		return p, p.updateForm(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	k := planKeyMap
	if key.Matches(km, global.Back) {
		return p.sh.goHome()
	}
	if p.nav.key(km, len(p.items())) {
		p.gone = "" // the person chose the item now under the cursor
		return p, nil
	}
	if key.Matches(km, conflictKeys.GoTo) && p.conflictNotice() != "" {
		p.gone = ""
		p.goToConflict()
		return p, nil
	}
	it, ok := p.selected()
	if !ok {
		return p, nil
	}
	p.err = ""
	if p.refuseUnseen(km, it) {
		return p, nil
	}
	if p.conflictKey(km, it) {
		return p, nil
	}
	if key.Matches(km, k.Edit, k.Accept, k.Milestone) {
		p.formOver = p.sh.sess.planMeant(it.Key(), p.sh.deps.Today())
	}
	switch {
	case key.Matches(km, k.Edit, k.Accept, k.Milestone) && p.sh.sess.locked(p.sh.deps):
		return p, nil // said at once, not after a form filled in for nothing
	case key.Matches(km, k.Status):
		return p, p.cycleStatus(it)
	case key.Matches(km, k.Edit):
		p.formKey = it.Key()
		return p, p.openEdit(it)
	case key.Matches(km, k.Accept):
		p.formKey = it.Key()
		return p, p.openAccept(it)
	case key.Matches(km, k.Milestone):
		p.formKey = it.Key()
		return p, p.openMilestone()
	}
	return p, nil
}

// cycleStatus moves an item open → in progress → done → open; accepting a
// risk needs its own form (approver, reason, expiry).
func (p *plan) cycleStatus(it assess.PlanItem) tea.Cmd {
	next := map[assess.ItemStatus]assess.ItemStatus{
		assess.ItemOpen: assess.ItemInProgress, assess.ItemInProgress: assess.ItemDone,
		assess.ItemDone: assess.ItemOpen, assess.ItemAccepted: assess.ItemOpen,
	}[it.EffectiveStatus()]
	p.sh.sess.changePlan(p.sh.deps, it.Key(), assess.PlanChange{Status: next})
	return nil
}

func (p *plan) openEdit(it assess.PlanItem) tea.Cmd {
	p.edit.owner, p.edit.action, p.edit.due, p.edit.reason = it.Owner, it.Action, it.Due.String(), it.DueReason
	p.edit.status = string(it.EffectiveStatus())
	p.opened = p.edit
	p.kept = keptText{}
	p.kept.inLine(&p.edit.owner)
	p.kept.inBox(&p.edit.reason)
	p.kept.inBox(&p.edit.action)
	var statuses []huh.Option[string]
	for _, s := range []assess.ItemStatus{assess.ItemOpen, assess.ItemInProgress, assess.ItemDone} {
		statuses = append(statuses, huh.NewOption(s.Words(), string(s)))
	}
	if it.Status == assess.ItemAccepted {
		statuses = append(statuses, huh.NewOption(assess.ItemAccepted.Words(), string(assess.ItemAccepted)))
	}
	defaultDue, assessedOn := it.DefaultDue, p.sh.sess.a.AssessedOn
	p.typed = watch(
		formValue{what: "the owner being typed", v: &p.edit.owner},
		formValue{what: "the due date being typed", v: &p.edit.due},
		formValue{what: "the reason the due date moved being typed", v: &p.edit.reason},
		formValue{what: "the status chosen", v: &p.edit.status},
		formValue{what: "the action being typed", v: &p.edit.action},
	)
	return p.openForm(formEdit, huh.NewGroup(
		shownFromStart(p.limits, limited(p.limits, huh.NewInput().Title("Owner").Value(&p.edit.owner), 200).Validate(shownWhere(nameOK("owner", it.Owner)))),
		// Why the default falls on its day, in the report's words: an
		// item due by a certificate's expiry is not due by any deadline
		// of the policy.
		shownFromStart(p.limits, huh.NewInput().Title("Due date").Description("default "+defaultDue.String()+" from "+clean(it.DefaultDueWhy())).
			Value(&p.edit.due).Validate(dateFromOK(assessedOn))),
		// A box, as the action's: a reason recorded in lines (assay plan
		// --reason, accessible mode) is edited with its lines.
		limited(p.limits, huh.NewText().Title("Why the due date moved").Description(joinNotes("required when it differs from the default", p.kept.shown(&p.edit.reason))).
			Value(&p.edit.reason), 500).Lines(reasonLines(p.edit.reason)).Validate(func(s string) error {
			d, err := assess.ParseDate(strings.TrimSpace(p.edit.due))
			if err == nil && d != defaultDue && strings.TrimSpace(cleanBlock(s)) == "" {
				return errors.New("say why the due date moved")
			}
			return assess.CheckText("reason", s)
		}),
		huh.NewSelect[string]().Title("Status").Options(statuses...).Value(&p.edit.status).Validate(func(s string) error {
			// The store refuses an acceptance already expired; said here,
			// the form keeps what was typed with it.
			if a := it.Acceptance; a != nil && it.Reopened && s == string(assess.ItemAccepted) {
				return fmt.Errorf("the acceptance expired on %s: a accepts the risk again, with a new expiry", a.Expires)
			}
			return nil
		}),
		limited(p.limits, huh.NewText().Title("Action").Description(p.kept.shown(&p.edit.action)).Value(&p.edit.action), 2000).Lines(3).Validate(textOK("action")),
	))
}

func (p *plan) openAccept(it assess.PlanItem) tea.Cmd {
	p.approver, p.why, p.expires = p.sh.deps.Actor, "", ""
	recorded := ""
	if it.Acceptance != nil {
		p.approver, p.why, p.expires = it.Acceptance.Approver, it.Acceptance.Reason, it.Acceptance.Expires.String()
		recorded = it.Acceptance.Approver
	}
	p.kept = keptText{}
	p.kept.inLine(&p.approver)
	p.kept.inBox(&p.why)
	today := p.sh.deps.Today()
	p.typed = watch(
		formValue{what: "the approver being typed", v: &p.approver},
		formValue{what: "the acceptance reason being typed", v: &p.why},
		formValue{what: "the acceptance expiry being typed", v: &p.expires},
	)
	return p.openForm(formAccept, huh.NewGroup(
		huh.NewNote().Title("Accept this risk").Description("The item counts as closed until the acceptance expires, then reopens."),
		shownFromStart(p.limits, limited(p.limits, huh.NewInput().Title("Approver").Value(&p.approver), 200).Validate(shownWhere(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("enter the approver")
			}
			return nameOK("approver", recorded)(s)
		}))),
		limited(p.limits, huh.NewText().Title("Reason").Description(p.kept.shown(&p.why)).Value(&p.why), 1000).Lines(reasonLines(p.why)).Validate(required("the reason")),
		huh.NewInput().Title("Expires").Description("YYYY-MM-DD, today or later").Value(&p.expires).Validate(func(s string) error {
			d, err := assess.ParseRecordDate(strings.TrimSpace(s))
			if err != nil {
				return dateProblem(err)
			}
			// It holds through its last day, as assay plan takes it.
			if d.Before(today) {
				return errors.New("the expiry cannot be before today")
			}
			// Nor before the assessment date, as the store refuses it:
			// where today is behind that date (a colleague ahead in time
			// started the assessment), "today or later" is not enough.
			if assessedOn := p.sh.sess.a.AssessedOn; d.Before(assessedOn) {
				return fmt.Errorf("not before the assessment date %s", assessedOn)
			}
			return nil
		}),
	))
}

func (p *plan) openMilestone() tea.Cmd {
	p.milestone, p.milestoneDue = "", ""
	p.kept = keptText{} // it opens empty: nothing recorded to keep
	assessedOn := p.sh.sess.a.AssessedOn
	p.typed = watch(
		formValue{what: "the milestone being typed", v: &p.milestone},
		formValue{what: "the milestone's due date being typed", v: &p.milestoneDue},
	)
	return p.openForm(formMilestone, huh.NewGroup(
		shownFromStart(p.limits, limited(p.limits, huh.NewInput().Title("Milestone").Value(&p.milestone), 300).Validate(required("the milestone"))),
		huh.NewInput().Title("Due date").Description("YYYY-MM-DD, or empty").Value(&p.milestoneDue).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			return dateFromOK(assessedOn)(s)
		}),
	))
}

func textOK(field string) func(string) error {
	return func(s string) error { return assess.CheckText(field, s) }
}

// nameOK refuses, on the field, a name the store would refuse (a line
// break, a tab, a control or bidi character): refused there, it would
// close the form and lose every field of the change. A recorded name the
// field was opened with stands as recorded (assess.KeepName), as the store
// takes it: an older assay accepted a soft hyphen in an owner, and a due
// date moved must not ask for the owner to be retyped.
func nameOK(field string, recorded ...string) func(string) error {
	return func(s string) error {
		_, err := assess.KeepName(field, s, recorded...)
		return err
	}
}

// dateFromOK checks a due date typed for a plan item or a milestone: a
// date, not before the assessment date, as the store refuses it. Said on
// the field, the form keeps everything else typed.
func dateFromOK(assessedOn assess.Date) func(string) error {
	return func(s string) error {
		if err := dateOK(s); err != nil {
			return err
		}
		if d, _ := assess.ParseDate(strings.TrimSpace(s)); d.Before(assessedOn) {
			return fmt.Errorf("not before the assessment date %s", assessedOn)
		}
		return nil
	}
}

func dateOK(s string) error {
	if _, err := assess.ParseRecordDate(strings.TrimSpace(s)); err != nil {
		return dateProblem(err)
	}
	return nil
}

// dateProblem says what is wrong with a date typed in a form, which shows
// what was typed just above.
func dateProblem(err error) error {
	if de, ok := errors.AsType[*assess.DateError](err); ok {
		return errors.New(de.Problem())
	}
	return err
}

func (p *plan) openForm(which planForm, g *huh.Group) tea.Cmd {
	p.which = which
	p.sh.flash = "" // of the list left: under the form it read as said of the form
	p.form = fitForm(newForm(g), p.sh)
	return p.form.Init()
}

func (p *plan) updateForm(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && km.String() == "esc" {
		p.form = nil
		return nil
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		p.form = fitForm(p.form, p.sh)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.refused = ""
	case tea.PasteMsg:
		if f := p.form.GetFocusedField(); f != nil && p.limits[f] > 0 {
			if p.refused = pasteTooLong(f, msg, p.limits[f]); p.refused != "" {
				return nil
			}
		}
	}
	var cmd tea.Cmd
	errsBefore := formErrors(p.form)
	p.form, cmd = stepForm(p.form, msg)
	if formErrors(p.form) != errsBefore {
		p.form = fitForm(p.form, p.sh) // room for the errors under it
	}
	switch p.form.State {
	case huh.StateCompleted:
		p.form = nil
		return tea.Batch(cmd, p.submit())
	case huh.StateAborted:
		p.form = nil
	}
	return cmd
}

// untyped names the open form's fields changed and not saved.
func (p *plan) untyped() []Untyped {
	if p.form == nil {
		return nil
	}
	where := "for plan item " + clean(p.formKey) + " of " + p.sh.sess.where()
	given := make([]formValue, len(p.typed))
	for i, f := range p.typed {
		v := p.kept.value(f.v) // a field passed through is not text typed
		f.v = &v
		given[i] = f
	}
	return changedValues(given, where, "quit before the form saved it")
}

// submit turns the form into a change of the fields the person changed
// and saves it, on the item the form was opened for, wherever it is now
// sorted; the cursor follows it there.
func (p *plan) submit() tea.Cmd {
	it, _, ok := p.item(p.formKey)
	if !ok {
		p.err = "not saved: plan item " + clean(p.formKey) + " is no longer in the plan (its answer changed)"
		return nil
	}
	p.at = it.Key() // the cursor follows it (Update)
	var ch assess.PlanChange
	switch p.which {
	case formEdit:
		owner, action := strings.TrimSpace(p.kept.value(&p.edit.owner)), strings.TrimSpace(p.kept.value(&p.edit.action))
		reason := strings.TrimSpace(p.kept.value(&p.edit.reason))
		was := p.opened
		if owner != strings.TrimSpace(was.owner) {
			ch.Owner = &owner
		}
		if action != strings.TrimSpace(was.action) {
			if action == strings.TrimSpace(it.Finding.Action) {
				action = "" // back to the questionnaire's recommendation
			}
			ch.Action = &action
		}
		if strings.TrimSpace(p.edit.due) != strings.TrimSpace(was.due) || reason != strings.TrimSpace(was.reason) {
			due, _ := assess.ParseDate(strings.TrimSpace(p.edit.due))
			if due == it.DefaultDue {
				ch.ResetDue = true
			} else {
				ch.Due, ch.DueReason = due, reason
			}
		}
		if p.edit.status != was.status {
			ch.Status = assess.ItemStatus(p.edit.status)
		}
		if ch.Owner == nil && ch.Action == nil && !ch.ResetDue && ch.Due.IsZero() && ch.Status == "" {
			return nil // nothing changed
		}
	case formAccept:
		exp, _ := assess.ParseDate(strings.TrimSpace(p.expires))
		ch.Accept = assess.Acceptance{Approver: strings.TrimSpace(p.kept.value(&p.approver)), Reason: strings.TrimSpace(p.kept.value(&p.why)), Expires: exp}
	case formMilestone:
		m := assess.Milestone{Title: strings.TrimSpace(p.milestone)}
		if s := strings.TrimSpace(p.milestoneDue); s != "" {
			m.Due, _ = assess.ParseDate(s)
		}
		ch.AddMilestones = []assess.Milestone{m}
	}
	over := p.formOver
	ch.Over = &over
	p.sh.sess.changePlan(p.sh.deps, it.Key(), ch)
	return nil
}
