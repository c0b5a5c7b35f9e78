package tui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/assay-dev/assay/assess"
)

// create is the new-assessment form: questionnaire (the pre-screen first,
// for when it is not yet clear which assessments are needed), subject and
// what the subject is. The reviewer is whoever runs the workspace (the
// header names them): the form does not ask for a name it would not use.
type create struct {
	sh   *shell
	form *huh.Form
	err  string
	f    createFor

	questionnaire, subject, kind string
	// kindPicked: the kind was chosen (by hand, or given by a pre-screen's
	// recommendation), so picking another questionnaire keeps it; until
	// then the kind offered follows the questionnaire (Kind.SubjectKind).
	kindPicked bool
	// picks counts the questionnaires picked: the kind field's options are
	// bound to it, so that huh reads the kind again after every pick (it
	// would reuse what it read for a questionnaire picked before).
	picks     int
	kindField *huh.Select[string]
	pick      *huh.Select[string] // the questionnaire
	labels    []string            // its options' labels, as shown
	// sent: the form was submitted and the assessment is being created;
	// what was typed is no longer only on the screen. creating names it
	// (`a new Vendor security screen of "Acme"`).
	sent     bool
	creating string
}

// createFor is what the form starts from: nothing from the portfolio's
// n; from a pre-screen's recommendation, its questionnaire, the subject
// (or what to ask for instead), and the answers carried over.
type createFor struct {
	questionnaire, subject, kind string
	subjectTitle, subjectHelp    string
	carried                      []assess.Answer
	from                         int64 // the pre-screen the answers come from
}

func newCreate(sh *shell, f createFor) (screen, tea.Cmd) {
	c := &create{sh: sh, f: f, questionnaire: f.questionnaire, subject: f.subject, kind: f.kind, kindPicked: f.kind != ""}
	// What the status line said before is of the screen left: under the
	// form it read as said of the form, under its error as a second one.
	sh.flash = ""
	if f.subjectTitle == "" {
		f.subjectTitle, f.subjectHelp = "Subject", "The vendor, system or dataset assessed"
	}
	var opts []huh.Option[string]
	for _, q := range orderedForPicking(sh.deps.Questionnaires) {
		label := clean(q.Title)
		if q.Kind == assess.KindPrescreen {
			label += " (proposes the assessments needed)"
		}
		opts = append(opts, huh.NewOption(label, q.ID))
		c.labels = append(c.labels, label)
	}
	if c.questionnaire == "" && len(opts) > 0 {
		c.questionnaire = opts[0].Value
	}
	c.pickQuestionnaire(c.questionnaire)
	kinds := []huh.Option[string]{huh.NewOption("vendor", "vendor"), huh.NewOption("system", "system"), huh.NewOption("dataset", "dataset")}
	c.kindField = huh.NewSelect[string]().Title("The subject is a").Value(&c.kind).
		OptionsFunc(func() []huh.Option[string] { return kinds }, &c.picks).Options(kinds...)
	c.pick = huh.NewSelect[string]().Title("Questionnaire").Options(opts...).Accessor(questionnairePick{c})
	c.form = newForm(huh.NewGroup(
		c.pick,
		shownFromStart(nil, huh.NewInput().Title(f.subjectTitle).Description(f.subjectHelp).
			Value(&c.subject).CharLimit(200).Validate(shownWhere(subjectOK(f.subject)))),
		c.kindField,
	))
	c.fit()
	init := c.form.Init()
	if f.questionnaire != "" {
		// Chosen already (a pre-screen's recommendation): start at the subject.
		return c, tea.Batch(init, c.form.NextField())
	}
	return c, init
}

// fit sizes the form to the terminal; called again on every resize, so
// that the field being typed in stays on the screen when it shrinks.
// Every questionnaire is on screen when the terminal has the room: the
// list scrolls without saying so, and a long title that wraps pushed the
// last questionnaire out of sight.
func (c *create) fit() {
	width := min(c.sh.width, 78)
	lines := 1 // the title
	for _, label := range c.labels {
		lines += strings.Count(wrap(label, max(width-4, 10)), "\n") + 1
	}
	c.pick.Height(min(lines, max(c.sh.height-13, 5)))
	c.form = c.form.WithWidth(width).WithHeight(max(c.sh.height-4-errorRoom(c.form, c.sh.st, width), 8))
}

// questionnairePick is the questionnaire field's value: picking one also
// offers its subject kind, unless a kind was chosen.
type questionnairePick struct{ c *create }

func (p questionnairePick) Get() string   { return p.c.questionnaire }
func (p questionnairePick) Set(id string) { p.c.pickQuestionnaire(id) }

func (c *create) pickQuestionnaire(id string) {
	c.questionnaire = id
	c.picks++
	if q := c.sh.deps.questionnaire(id); q != nil && !c.kindPicked {
		c.kind = q.Kind.SubjectKind()
	}
}

// orderedForPicking puts the pre-screen first, then the rest as listed.
func orderedForPicking(qs []*assess.Questionnaire) []*assess.Questionnaire {
	var out []*assess.Questionnaire
	for _, q := range qs {
		if q.Kind == assess.KindPrescreen {
			out = append(out, q)
		}
	}
	for _, q := range qs {
		if q.Kind != assess.KindPrescreen {
			out = append(out, q)
		}
	}
	return out
}

// fitForm sizes a form of the plan or the sign-off to the terminal, below
// the header, its own title lines and the footer, and above its errors;
// called again when its errors change and on every
// resize, so that the field being typed in stays on the screen when the
// terminal shrinks.
func fitForm(f *huh.Form, sh *shell) *huh.Form {
	width := min(sh.width, 78)
	return f.WithWidth(width).WithHeight(max(sh.height-6-errorRoom(f, sh.st, width), 8))
}

// formErrors is what a form says is wrong, one error a line.
func formErrors(f *huh.Form) string {
	var out []string
	for _, err := range f.Errors() {
		out = append(out, said(err))
	}
	return strings.Join(out, "\n")
}

// required refuses a field left empty, or holding nothing once cleaned
// (a bidi control alone), which the store would take for empty.
func required(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(cleanBlock(s)) == "" {
			return errors.New("enter " + what)
		}
		return assess.CheckText(what, s)
	}
}

// subjectOK refuses, on the field, a subject left empty or one the store
// would refuse as a name (a control or bidi character): the frame never
// draws a bidi control, so the subject read on the screen would not be
// the one held, and only submitting the whole form told. The subject the
// form was opened with (a pre-screen's, as recorded) stands as recorded.
func subjectOK(recorded string) func(string) error {
	return func(s string) error {
		if err := required("a subject")(s); err != nil {
			return err
		}
		return nameOK("subject", recorded)(s)
	}
}

func (c *create) Title() string   { return "New assessment" }
func (c *create) Capturing() bool { return true }
func (c *create) KeyMap() keyMap  { return formKeyMap }

func (c *create) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "esc" {
			c.sh.typedAhead = typedKeys{}
			return c.sh.goHome()
		}
		if c.sent {
			// Typed on while the store creates it (the first answer,
			// on a call): kept for the screen it opens on, as keys
			// typed while an assessment opens are. The form submitted
			// took them, and a j or k moved its subject kind.
			c.sh.keepTypedAhead(msg)
			return c, nil
		}
	case createdMsg:
		if outcomeNotKnown(msg.err) {
			// Given up for want of an answer, it may have been created:
			// the form again would invite a second one. The list read
			// again shows whether it was.
			c.sh.typedAhead = typedKeys{}
			next, cmd := c.sh.goHome()
			c.sh.flash = fmt.Sprintf("Not known whether %s was created: %s. ctrl+r reads the list again and shows whether it was; n creates it if it was not.",
				c.creating, notKnownWhy(msg.err))
			return next, cmd
		}
		if msg.err != nil {
			c.sh.typedAhead = typedKeys{} // for an assessment that is not there
			return c.refused(msg.err)
		}
		if outcomeNotKnown(msg.carryErr) {
			c.sh.nextFlash = "Created, but not known whether the pre-screen's answers were carried over: " + notKnownWhy(msg.carryErr) +
				". The interview shows them if they were."
		} else if msg.carryErr != nil {
			// The assessment exists; only the head start is missing.
			c.sh.nextFlash = "Created, but the pre-screen's answers were not carried over: " + said(msg.carryErr)
		} else if n := len(c.f.carried); n > 0 && c.questionnaire == c.f.questionnaire {
			c.sh.nextFlash = "Started with " + assess.Count(n, "answer", "answers") + " from the pre-screen."
		}
		if msg.note != "" {
			c.sh.nextFlash = strings.TrimSpace(c.sh.nextFlash + " Note: " + clean(msg.note) + ".")
		}
		return c, c.sh.openAssessment(msg.a.ID, viewInterview)
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		c.fit()
	}
	var cmd tea.Cmd
	kindBefore, onKind := c.kind, c.form.GetFocusedField() == c.kindField
	errsBefore := formErrors(c.form)
	c.form, cmd = stepForm(c.form, msg)
	if formErrors(c.form) != errsBefore {
		// huh sizes the form's scrolled part once, leaving out an error
		// not yet there: drawn below it, the error lost its last line.
		c.fit()
	}
	if onKind && c.kind != kindBefore {
		c.kindPicked = true
	}
	if c.form.State == huh.StateCompleted {
		c.form.State = huh.StateNormal // submit once
		if c.sent {
			// enter again before the store answered (a double press):
			// the assessment is being created already.
			return c, cmd
		}
		return c, tea.Batch(cmd, c.submit())
	}
	if c.form.State == huh.StateAborted {
		return c.sh.goHome()
	}
	return c, cmd
}

// refused shows why the store refused the assessment above the form
// again, holding what was typed, at the subject: huh's form, once
// submitted, draws nothing more, so it is made anew rather than reused.
func (c *create) refused(err error) (screen, tea.Cmd) {
	start := c.f
	start.questionnaire, start.subject, start.kind = c.questionnaire, c.subject, c.kind
	next, cmd := newCreate(c.sh, start)
	n := next.(*create)
	n.f = c.f // the answers carried over go with the questionnaire they came for
	n.kindPicked = c.kindPicked
	n.err = said(err)
	return n, cmd
}

// untyped names the subject typed for an assessment not yet created.
func (c *create) untyped() []Untyped {
	if c.sent {
		return nil
	}
	where := "for a new assessment"
	if q := c.sh.deps.questionnaire(c.questionnaire); q != nil {
		where = "for a new " + clean(q.Title)
	}
	return changedValues([]formValue{{what: "the subject being typed", v: &c.subject, was: c.f.subject}},
		where, "quit before the assessment was created")
}

func (c *create) submit() tea.Cmd {
	q := c.sh.deps.questionnaire(c.questionnaire)
	if q == nil {
		c.err = "no questionnaire " + clean(c.questionnaire)
		return nil
	}
	a := &assess.Assessment{
		Subject:     strings.TrimSpace(c.subject),
		SubjectKind: c.kind,
		// Offered by the questionnaire, not picked: a subject already
		// recorded keeps its kind.
		SubjectKindOffered: !c.kindPicked,
		Reviewer:           c.sh.deps.Actor,
		Questionnaire:      q,
		AssessedOn:         c.sh.deps.Today(),
	}
	if c.sh.deps.DeadlinesFor != nil {
		a.Deadlines = c.sh.deps.DeadlinesFor(q)
	}
	var carried []assess.Answer
	if q.ID == c.f.questionnaire { // another questionnaire picked: nothing to carry
		carried = c.f.carried
	}
	c.sent = true
	c.creating = fmt.Sprintf("a new %s of %q", clean(q.Title), clean(a.Subject))
	c.sh.saves.creating = c.creating
	return createAssessment(c.sh.deps, a, carried)
}

func (c *create) View(width, height int) string {
	var top []string
	if c.err != "" {
		top = strings.Split(c.sh.st.error.Render(wrap(c.err, width)), "\n")
	}
	return formAbove(top, formView(c.form, c.sh.st, min(width, 78)), height)
}
