package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// explainField is the line on which a reviewer says why the answers a
// consistency check finds disagreeing both stand. D opens it in the
// interview, on one of the check's questions, and in the review, where a
// refused sign-off comes back to: one prompt, one store call, one set of
// words and the same refusals on both, so that the two cannot come to
// differ.
type explainField struct {
	check string // the check being explained; "" while the field is closed
	about string // the check's words and answers, said above the field
	input textinput.Model
	err   string // why enter was refused, under the field
}

// explainKeys apply while an explanation is typed: one field, so tab
// moves nowhere and is not offered.
var explainKeyMap = struct{ Save, Cancel key.Binding }{
	Save:   bind("enter", "record the explanation", "enter"),
	Cancel: bind("esc", "cancel: nothing is recorded", "esc"),
}

func explainKeys() keyMap {
	k := explainKeyMap
	return keyMap{
		short: []key.Binding{k.Save, k.Cancel, global.ForceQuit},
		full:  [][]key.Binding{{k.Save, k.Cancel, global.ForceQuit}},
	}
}

// unexplainedOf is the disagreement of ds that question is part of and
// that most needs a word: the first nobody has explained, else the first
// explained; ok false when the question is part of none.
func unexplainedOf(ds []assess.Disagreement, question string) (assess.Disagreement, bool) {
	var here []assess.Disagreement
	for _, d := range ds {
		if slices.ContainsFunc(d.Answers, func(a assess.DisagreeingAnswer) bool { return a.Question == question }) {
			here = append(here, d)
		}
	}
	if open := assess.Unexplained(here); len(open) > 0 {
		return open[0], true
	}
	if len(here) > 0 {
		return here[0], true
	}
	return assess.Disagreement{}, false
}

// open gives the field the keyboard, empty, for the check d; false, with
// the status line saying why, when this workspace records no
// explanation or the assessment may not be changed here.
func (f *explainField) open(sh *shell, d assess.Disagreement) (tea.Cmd, bool) {
	if _, ok := sh.deps.Governance.(Explainer); !ok {
		sh.flash = "Explaining is not available here: assay explain does it"
		return nil, false
	}
	if sh.sess.locked(sh.deps) {
		return nil, false
	}
	if w := sh.saves; w.explaining != "" {
		// One explanation at a time: the saver keeps one, and quitting
		// says what became of it (saver.explaining).
		sh.flash = "The explanation of " + w.explainingCheck + " is still being recorded; D explains again once it is."
		return nil, false
	}
	ti := textinput.New()
	ti.CharLimit = assess.MaxTextLength
	ti.Prompt = "> "
	ti.Placeholder = "why both answers stand"
	ti.SetStyles(sh.st.inputStyles())
	f.check, f.input, f.err = d.ID, ti, ""
	f.about = clean("Explaining " + d.ID + ": " + strings.TrimSuffix(d.Message, ".") + " (answers: " + assess.DisagreeingAnswersLine(d.Answers) + ")")
	return f.input.Focus(), true
}

func (f *explainField) isOpen() bool { return f.check != "" }

func (f *explainField) close() {
	f.check, f.err = "", ""
	f.input.Blur()
}

// update takes every message while the field is open: esc closes it and
// records nothing, enter records what was typed (a blank explanation is
// refused, with the reason), tab stays (there is no other field), and
// the rest types, pastes or blinks. The frame has handled ctrl+c.
func (f *explainField) update(sh *shell, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.PasteMsg:
		var refused string
		f.input, cmd, refused = pasteWithin(f.input, msg, assess.MaxTextLength)
		f.err = refused
		return cmd
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, explainKeyMap.Cancel):
			f.close()
			return nil
		case key.Matches(msg, explainKeyMap.Save):
			return f.commit(sh)
		case key.Matches(msg, editKeyMap.NextField), key.Matches(msg, editKeyMap.PrevField):
			return nil
		}
		var refused string
		if f.input, cmd, refused = typeWithin(f.input, msg, assess.MaxTextLength); refused != "" {
			f.err = refused
		}
		return cmd
	}
	f.input, cmd = f.input.Update(msg)
	return cmd
}

// commit sends the explanation typed to the store once every queued
// answer is written, so that it is recorded for the answers the reviewer
// sees, and closes the field; a blank one is refused here, the field
// kept open. The store has a write's deadline (withinDeadline): a server
// that accepts and never answers left the status on "Recording…", and
// quitting did not wait for it at all; quitting waits for it now, as for
// a sign-off (saver.explaining).
func (f *explainField) commit(sh *shell) tea.Cmd {
	text := strings.TrimSpace(f.input.Value())
	if assess.Blank(text) {
		f.err = "Say why both answers stand, or esc to leave it"
		return nil
	}
	ex, _ := sh.deps.Governance.(Explainer)
	d, id, check := sh.deps, sh.sess.a.ID, f.check
	f.close()
	sh.flash = "Recording the explanation of " + clean(check) + "…"
	sh.saves.explainAfterWrites(sh.sess.where(), clean(check), func() tea.Msg {
		if ex == nil {
			return explainedMsg{id: id, check: check, err: errors.New("explaining is not available here")}
		}
		a, err := withinDeadline(d, func(ctx context.Context) (*assess.Assessment, error) { return ex.Explain(ctx, id, check, text) })
		return explainedMsg{id: id, check: check, a: a, err: err}
	})
	return nil
}

// explained takes the store's answer, on whichever screen is shown when
// it comes: the session's explanations become the stored ones, and the
// status line says what was recorded, or why not. One given up for want
// of an answer is not known to be unrecorded: said so, with where to
// look, rather than "Not explained".
func (sh *shell) explained(msg explainedMsg) {
	if outcomeNotKnown(msg.err) {
		sh.flash = fmt.Sprintf("Not known whether the explanation of %s was recorded: %s. Open #%d again from the list to see whether it was.",
			clean(msg.check), notKnownWhy(msg.err), msg.id)
		return
	}
	if msg.err != nil {
		sh.flash = "Not explained: " + said(msg.err)
		return
	}
	if sh.sess == nil || sh.sess.a.ID != msg.id {
		return // another assessment is open now; it reads its own
	}
	sh.sess.a.Explanations = msg.a.Explanations
	sh.sess.evaluate(sh.deps.Today())
	sh.flash = fmt.Sprintf("Explained %s; the audit trail records it, and the report shows it beside the answers", clean(msg.check))
}

// view is the check being explained, the field and its keys' line, with
// why enter was refused above the field: the reviewer reads the reason
// before the field.
func (f *explainField) view(st styles, width int) string {
	const label = "Why both stand"
	var b strings.Builder
	b.WriteString(st.warn.Render(wrap(f.about, width)) + "\n")
	if f.err != "" {
		b.WriteString(st.error.Render(wrap(f.err, width)) + "\n")
	}
	// The label, the prompt ("> ") and the cursor's cell after the text
	// share the line with the field; never below one cell.
	fitInput(&f.input, max(width-len(label)-2-len("> ")-1, 1))
	b.WriteString(st.bold.Render(label+": ") + f.input.View() + "\n")
	b.WriteString(st.muted.Render(fit("enter records it · esc cancels", width)) + "\n")
	return b.String()
}

// viewIn is view in at most height lines (at least one): on a short
// terminal the check's words give way first, from their start, then the
// keys' line, then why enter was refused; the line being typed on is
// always drawn.
func (f *explainField) viewIn(st styles, width, height int) []string {
	ls := strings.Split(strings.TrimRight(f.view(st, width), "\n"), "\n")
	height = max(height, 1)
	about := len(strings.Split(wrap(f.about, width), "\n"))
	for len(ls) > height && about > 0 {
		ls, about = ls[1:], about-1
	}
	if len(ls) > height {
		ls = ls[:len(ls)-1] // the keys' line
	}
	if len(ls) > height {
		ls = ls[len(ls)-height:]
	}
	return ls
}

// untyped names what was typed and not recorded, for quitting to say.
func (f *explainField) untyped(where string) []Untyped {
	if !f.isOpen() || f.input.Value() == "" {
		return nil
	}
	return []Untyped{{About: fmt.Sprintf("%s: the explanation of %s being typed", where, clean(f.check)),
		Text: f.input.Value(), Why: "quit before enter gave it"}}
}
