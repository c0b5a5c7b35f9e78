package tui

import (
	"errors"
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

// plan is the remediation plan: every finding's item with owner, due date,
// status and milestones, sorted by due date; items are edited in forms and
// each change is saved at once with its reason.
type plan struct {
	sh     *shell
	cursor int
	form   *huh.Form
	which  planForm
	err    string

	// form fields
	owner, action, due, reason, status string
	approver, why, expires             string
	milestone, milestoneDue            string
}

func newPlan(sh *shell) *plan { return &plan{sh: sh} }

func (p *plan) Title() string   { return p.sh.sess.a.Subject }
func (p *plan) tab() view       { return viewPlan }
func (p *plan) Capturing() bool { return p.form != nil }
func (p *plan) KeyMap() keyMap {
	if p.form != nil {
		return formKeyMap
	}
	return planKeyMap.keyMap()
}

func (p *plan) items() []assess.PlanItem { return p.sh.sess.eval.Plan }

func (p *plan) selected() (assess.PlanItem, bool) {
	items := p.items()
	if p.cursor < 0 || p.cursor >= len(items) {
		return assess.PlanItem{}, false
	}
	return items[p.cursor], true
}

// edit is the stored edit of the selected item, to change and save.
func (p *plan) edit(it assess.PlanItem) assess.PlanEdit {
	if e, ok := p.sh.sess.a.PlanEdits[it.Key()]; ok {
		return e
	}
	return assess.PlanEdit{Key: it.Key()}
}

func (p *plan) Update(msg tea.Msg) (screen, tea.Cmd) {
	if p.form != nil {
		return p, p.updateForm(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	k := planKeyMap
	if key.Matches(km, global.Back) {
		return p, goHome
	}
	if key.Matches(km, k.Up) {
		p.cursor = max(p.cursor-1, 0)
		return p, nil
	}
	if key.Matches(km, k.Down) {
		p.cursor = clamp(p.cursor+1, 0, len(p.items())-1)
		return p, nil
	}
	it, ok := p.selected()
	if !ok {
		return p, nil
	}
	p.err = ""
	switch {
	case key.Matches(km, k.Status):
		return p, p.cycleStatus(it)
	case key.Matches(km, k.Edit):
		return p, p.openEdit(it)
	case key.Matches(km, k.Accept):
		return p, p.openAccept(it)
	case key.Matches(km, k.Milestone):
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
	e := p.edit(it)
	e.Status = next
	if next != assess.ItemAccepted {
		e.Acceptance = nil
	}
	return p.sh.sess.setPlanEdit(p.sh.deps, e)
}

func (p *plan) openEdit(it assess.PlanItem) tea.Cmd {
	p.owner, p.action, p.due, p.reason = it.Owner, it.Action, it.Due.String(), it.DueReason
	p.status = string(it.EffectiveStatus())
	var statuses []huh.Option[string]
	for _, s := range []assess.ItemStatus{assess.ItemOpen, assess.ItemInProgress, assess.ItemDone} {
		statuses = append(statuses, huh.NewOption(string(s), string(s)))
	}
	if it.Status == assess.ItemAccepted {
		statuses = append(statuses, huh.NewOption(string(assess.ItemAccepted), string(assess.ItemAccepted)))
	}
	defaultDue := it.DefaultDue
	return p.openForm(formEdit, huh.NewGroup(
		huh.NewInput().Title("Owner").Value(&p.owner).CharLimit(200).Validate(textOK("owner")),
		huh.NewInput().Title("Due date").Description("default "+defaultDue.String()+" from the severity's deadline").
			Value(&p.due).Validate(dateOK),
		huh.NewInput().Title("Why the due date moved").Description("required when it differs from the default").
			Value(&p.reason).CharLimit(500).Validate(func(s string) error {
			d, err := assess.ParseDate(strings.TrimSpace(p.due))
			if err == nil && d != defaultDue && strings.TrimSpace(s) == "" {
				return errors.New("say why the due date moved")
			}
			return assess.CheckText("reason", s)
		}),
		huh.NewSelect[string]().Title("Status").Options(statuses...).Value(&p.status),
		huh.NewText().Title("Action").Value(&p.action).CharLimit(2000).Lines(3).Validate(textOK("action")),
	))
}

func (p *plan) openAccept(it assess.PlanItem) tea.Cmd {
	p.approver, p.why, p.expires = p.sh.deps.Actor, "", ""
	if it.Acceptance != nil {
		p.approver, p.why, p.expires = it.Acceptance.Approver, it.Acceptance.Reason, it.Acceptance.Expires.String()
	}
	today := p.sh.deps.Today()
	return p.openForm(formAccept, huh.NewGroup(
		huh.NewNote().Title("Accept this risk").Description("The item counts as closed until the acceptance expires, then reopens."),
		huh.NewInput().Title("Approver").Value(&p.approver).CharLimit(200).Validate(required("the approver")),
		huh.NewInput().Title("Reason").Value(&p.why).CharLimit(1000).Validate(required("the reason")),
		huh.NewInput().Title("Expires").Description("YYYY-MM-DD, after today").Value(&p.expires).Validate(func(s string) error {
			d, err := assess.ParseDate(strings.TrimSpace(s))
			if err != nil {
				return errors.New("enter a date as YYYY-MM-DD")
			}
			if !d.After(today) {
				return errors.New("the expiry must be after today")
			}
			return nil
		}),
	))
}

func (p *plan) openMilestone() tea.Cmd {
	p.milestone, p.milestoneDue = "", ""
	return p.openForm(formMilestone, huh.NewGroup(
		huh.NewInput().Title("Milestone").Value(&p.milestone).CharLimit(300).Validate(required("the milestone")),
		huh.NewInput().Title("Due date").Description("YYYY-MM-DD, or empty").Value(&p.milestoneDue).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			return dateOK(s)
		}),
	))
}

func textOK(field string) func(string) error {
	return func(s string) error { return assess.CheckText(field, s) }
}

func dateOK(s string) error {
	if _, err := assess.ParseDate(strings.TrimSpace(s)); err != nil {
		return errors.New("enter a date as YYYY-MM-DD")
	}
	return nil
}

func (p *plan) openForm(which planForm, g *huh.Group) tea.Cmd {
	p.which = which
	p.form = huh.NewForm(g).WithShowHelp(false).WithWidth(min(p.sh.width, 78)).WithHeight(max(p.sh.height-6, 8)).
		WithTheme(huh.ThemeFunc(huh.ThemeBase))
	return p.form.Init()
}

func (p *plan) updateForm(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && km.String() == "esc" {
		p.form = nil
		return nil
	}
	var cmd tea.Cmd
	p.form, cmd = stepForm(p.form, msg)
	switch p.form.State {
	case huh.StateCompleted:
		p.form = nil
		return tea.Batch(cmd, p.submit())
	case huh.StateAborted:
		p.form = nil
	}
	return cmd
}

// submit turns the form into a plan edit and saves it.
func (p *plan) submit() tea.Cmd {
	it, ok := p.selected()
	if !ok {
		return nil
	}
	e := p.edit(it)
	switch p.which {
	case formEdit:
		due, _ := assess.ParseDate(strings.TrimSpace(p.due))
		e.Owner = strings.TrimSpace(p.owner)
		if strings.TrimSpace(p.action) != strings.TrimSpace(it.Finding.Action) {
			e.Action = strings.TrimSpace(p.action)
		} else {
			e.Action = ""
		}
		if due == it.DefaultDue {
			e.Due, e.DueReason = assess.Date{}, ""
		} else {
			e.Due, e.DueReason = due, strings.TrimSpace(p.reason)
		}
		e.Status = assess.ItemStatus(p.status)
	case formAccept:
		exp, _ := assess.ParseDate(strings.TrimSpace(p.expires))
		e.Status = assess.ItemAccepted
		e.Acceptance = &assess.Acceptance{Approver: strings.TrimSpace(p.approver), Reason: strings.TrimSpace(p.why), Expires: exp}
	case formMilestone:
		m := assess.Milestone{Title: strings.TrimSpace(p.milestone)}
		if s := strings.TrimSpace(p.milestoneDue); s != "" {
			m.Due, _ = assess.ParseDate(s)
		}
		e.Milestones = append(append([]assess.Milestone(nil), e.Milestones...), m)
	}
	return p.sh.sess.setPlanEdit(p.sh.deps, e)
}
