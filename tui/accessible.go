package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// RunAccessible is the workspace as plain line prompts, for screen
// readers and terminals without cursor control: no alternate screen, no
// colour, no redrawing; every prompt says what it accepts. Answers are
// saved one by one, as in the full-screen workspace. Writes it could not
// tell the fate of are named again as it leaves, and its error counts
// them ("2 changes are not known to be saved"), as the workspace's exit
// does.
func RunAccessible(ctx context.Context, d Deps, in io.Reader, out io.Writer) error {
	lines := newLineReader(in, maxLine)
	lines.paste, lines.discardWaiting = d.BracketedPaste, d.DiscardWaiting
	lines.terminal = readsTerminal(in)
	if d.BracketedPaste && d.EchoTyped {
		// Echoed from the goroutine that reads (prompter.read) while a
		// midnight notice may be said: one write at a time.
		out = &lockedWriter{w: out}
		lines.echo = newEchoLine(out, d.ASCII, d.TerminalWidth)
	}
	p := &prompter{d: d, ctx: assess.WithActor(ctx, d.Actor), in: lines, out: out, day: d.today()}
	err := p.run()
	p.sayUnknown()
	if err == nil && p.ended {
		// Said, so that a listener knows the last answer counted and
		// nothing waits any more.
		p.say("")
		p.say("Input ended; every change assay confirmed is saved.")
	}
	if err != nil {
		return err
	}
	return p.leftNotKnown()
}

// run is the list of assessments and what is chosen from it, until q or
// the end of input.
func (p *prompter) run() error {
	d := p.d
	p.say("assay, accessible mode. At each prompt type your choice and press enter; q leaves.")
	if d.Created != "" {
		p.say(clean(d.Created))
	}
	if d.Login != "" {
		p.say("Team database: your changes are recorded under the login " + clean(d.Login) + ".")
	}
	if r := clean(d.readOnly()); r != "" {
		p.say(sentence(r)) // a sentence of its own here
	}
	for {
		list, ok := p.readList()
		if !ok {
			return nil
		}
		p.say("")
		p.say(fmt.Sprintf("Assessments: %d.", len(list)))
		for _, a := range list {
			// Numbered by ID, as everywhere else (assay score 3, assay report 3).
			p.say(listedWords(a))
		}
		p.foundCreated(list)
		p.sayDue()
		// A login that may not write is not offered n (typed, it is
		// refused, and its roles read again), as the workspace offers
		// it no key that writes.
		ask, typeWhat := "Type an assessment's number to continue it, n for a new assessment, or q to quit:", "n or q"
		if d.readOnly() != "" {
			ask, typeWhat = "Type an assessment's number to hear it, or q to quit:", "or q"
		}
		line, ok := p.ask(ask)
		if !ok || isCommand(line, "q") {
			return nil
		}
		var a *assess.Assessment
		var err error
		if isCommand(line, "n") {
			if a, err = p.create(); errors.Is(err, errBack) {
				continue
			} else if outcomeNotKnown(err) {
				// It may have been created: the list read again says.
				p.say(fullStop("Not known whether the assessment was created: " + notKnownWhy(err) + ". The list, read again now, shows whether it was"))
				continue
			} else if err != nil {
				p.say(fullStop("Not created: " + refusal(err)))
				continue
			}
			if a == nil {
				return nil
			}
		} else {
			id, err := strconv.ParseInt(line, 10, 64)
			if err != nil || !slices.ContainsFunc(list, func(a *assess.Assessment) bool { return a.ID == id }) {
				if line == "" {
					p.say("Nothing was typed; type an assessment's number, " + typeWhat + ".")
				} else {
					p.say("There is no assessment " + clean(line) + " in the list.")
				}
				continue
			}
			if a, err = p.readAssessment(id); err != nil {
				// Said, and back to the list, as the full-screen
				// workspace stays on its home screen.
				p.say(fullStop(fmt.Sprintf("Assessment %d could not be read: %s", id, refusal(err))))
				continue
			}
		}
		// Its questions first, then what else is done with it.
		if !p.interview(a) || !p.choices(a.ID) {
			return nil
		}
	}
}

// readList reads the list of assessments. A read that fails (a team
// server lost, a damaged file) is said, and the person chooses to read it
// again or leave, as the full-screen workspace says it and stays; false:
// they left, or the input ended.
func (p *prompter) readList() ([]*assess.Assessment, bool) {
	for {
		list, err := inTime(p, func(ctx context.Context) ([]*assess.Assessment, error) {
			return p.d.Repo.Assessments(ctx, assess.Filter{})
		})
		if err == nil {
			return list, true
		}
		p.say("")
		p.say(fullStop("The list of assessments could not be read: " + refusal(err)))
		for {
			line, ok := p.ask("Type r to read the list again, or q to quit:")
			if !ok || isCommand(line, "q") {
				return nil, false
			}
			if isCommand(line, "r") {
				break
			}
			p.say("Type r or q.")
		}
	}
}

type prompter struct {
	d   Deps
	ctx context.Context
	in  *lineReader
	out io.Writer
	// ended is set when the input ended (Ctrl-D, the end of a file).
	ended bool
	// day is the day last looked at (noticeDay): the day said to be
	// today when it changed.
	day assess.Date
	// unknown is the writes whose fate could not be told, given up for
	// want of an answer or their connection lost at the commit: said
	// again as accessible mode leaves (sayUnknown), and counted.
	unknown []notKnownWrite
}

// say prints a line; in ASCII on a terminal whose locale is not UTF-8
// (Deps.ASCII), as every line accessible mode prints.
func (p *prompter) say(s string) {
	fmt.Fprintln(p.out, p.asSaid(s))
}

// asSaid is s as every line accessible mode prints is: in ASCII on a
// terminal whose locale is not UTF-8 (Deps.ASCII).
func (p *prompter) asSaid(s string) string {
	if p.d.ASCII {
		return asciiLine(s)
	}
	return s
}

// sayDue names the subjects due or overdue for reassessment, as the
// workspace's home screen does under its title. A failed read leaves the
// reminder out, as there: the list is what the prompt needs.
func (p *prompter) sayDue() {
	if p.d.Due == nil {
		return
	}
	due, err := inTime(p, func(ctx context.Context) ([]assess.DueSubject, error) { return p.d.Due(ctx, p.d.Today()) })
	if unanswered(err) {
		// As the workspace says it: nothing else would tell a listener
		// the reminder was not read.
		p.say(fullStop("The subjects due for reassessment were not read: " + refusal(err)))
		return
	}
	// Counted first when there are several: a listener hears how many
	// before the names.
	if _, line := dueLines(due); err == nil && line != "" {
		p.say(fullStop(line))
	}
}

// fullStop ends a sentence with a full stop, unless it ends with its own
// ("Which assessments does this initiative need?" takes none).
func fullStop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// maxLine is the longest line accessible mode reads: room for the
// longest answer, four bytes a character.
const maxLine = assess.MaxTextLength * 4

// ask prints a prompt and reads one line; false at the end of input. A
// line too long to be an answer is refused and the prompt asked again,
// as is a paste of several lines: every prompt but an answer's takes one
// line, and a paste's second line is not the next prompt's answer.
func (p *prompter) ask(prompt string) (string, bool) {
	return p.askFor(prompt, refuseLines)
}

// askLines is ask at a prompt that takes a paste of several lines, which
// it returns with its newlines: an answer's (a text answer, a note) and
// a field the full-screen workspace takes in lines (a plan item's action,
// a sign-off comment), which the plan read out and the report show line
// by line.
func (p *prompter) askLines(prompt string) (string, bool) {
	return p.askFor(prompt, keepLines)
}

// askText is ask at a prompt for one line of free text, as the full-screen
// workspace takes it (a reason a due date moved or a risk is accepted, a
// risk's name, why two answers stand): a paste of several lines is joined
// into one (joinedLines), and the line it made is read out, rather than
// refused. A listener cannot easily make one line of a paragraph to paste
// it again; a number or a name pasted with more lines is still refused,
// as its lines could be anything.
func (p *prompter) askText(prompt string) (string, bool) {
	return p.askFor(prompt, joinLines)
}

// pastedLinesAre is what a prompt does with a paste of several lines.
type pastedLinesAre int

const (
	refuseLines pastedLinesAre = iota
	keepLines
	joinLines
)

func (p *prompter) askFor(prompt string, several pastedLinesAre) (string, bool) {
	for {
		p.say(prompt)
		e, ok := p.read(prompt)
		if !ok {
			return "", false
		}
		line := strings.TrimSpace(e.text)
		switch {
		case e.tooLong:
			p.say(fmt.Sprintf("That line is longer than a line may be (%d bytes): nothing of it was used.", maxLine))
		case e.cameWithMore:
			p.say("More arrived with that paste than an answer (pasted text that held a paste's end marker): nothing of it was used.")
		case e.strayEnd:
			p.say("That input ends a paste it did not start (pasted text that held a paste's end marker). Nothing of it was used.")
		case several == refuseLines && strings.Contains(line, "\n"):
			p.say(pastedLines(line) + "; this prompt takes one line. Nothing of it was used.")
		case several == joinLines && strings.Contains(line, "\n"):
			joined := joinedLines(line)
			p.say(fmt.Sprintf("Pasted %d lines, joined into one: %s", strings.Count(line, "\n")+1, clean(joined)))
			return joined, true
		default:
			return line, true
		}
	}
}

// joinedLines is text of several lines as one: each line trimmed, blank
// ones dropped, a line that ends without a punctuation mark of its own
// ended by a semicolon. Joined by spaces alone, a pasted list ("Vendor
// delayed the test", "Booked for June") ran together, read out and in
// the report, with no pause where a line had ended.
func joinedLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if b.Len() > 0 {
			if last, _ := utf8.DecodeLastRuneInString(b.String()); !strings.ContainsRune(endsClause, last) {
				b.WriteByte(';')
			}
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// endsClause are the marks that end a sentence or a clause: a line
// ending with one is joined to the next by a space alone.
const endsClause = ".!?;:,…。！？；：，"

// pastedLines says how many lines a paste is.
func pastedLines(s string) string {
	return fmt.Sprintf("That paste is %d lines", strings.Count(s, "\n")+1)
}

// errBack is a new assessment given up at one of its prompts: back to the
// list, nothing created.
var errBack = errors.New("back to the list")

func (p *prompter) create() (*assess.Assessment, error) {
	if r := p.refusedForRole(); r != "" {
		return nil, errors.New(r)
	}
	qs := orderedForPicking(p.d.Questionnaires)
	for i, q := range qs {
		p.say(fullStop(fmt.Sprintf("%d. %s", i+1, clean(q.Title))))
	}
	// A number or a subject refused is asked for again, saying why, what
	// was typed before it standing: the refusal went back to the list,
	// read out again, and the questionnaire chosen was lost.
	var n int
	for n == 0 {
		line, ok := p.ask("Type the questionnaire's number, or b to go back to the list:")
		if !ok {
			return nil, nil
		}
		if isCommand(line, "b") {
			return nil, errBack
		}
		if got, err := strconv.Atoi(line); err == nil && got >= 1 && got <= len(qs) {
			n = got
		} else {
			p.say("There is no questionnaire " + clean(line) + ".")
		}
	}
	var subject string
	for subject == "" {
		line, ok := p.ask("Subject, the vendor, system or dataset assessed, or press Enter alone to go back to the list:")
		if !ok {
			return nil, nil
		}
		if line == "" {
			return nil, errBack
		}
		if err := subjectOK("")(line); err != nil {
			p.say(fullStop("Not taken: " + refusal(err)))
			continue
		}
		subject = line
	}
	offered := qs[n-1].Kind.SubjectKind() // what the questionnaire is about, as the form offers
	askKind := "Is it a vendor, a system or a dataset? Type one word, or press enter for " + offered + ":"
	kind, ok := p.ask(askKind)
	for ok {
		if _, err := assess.ParseSubjectKind(kind); err == nil {
			break
		}
		// Asked again: the questionnaire and subject typed stand.
		p.say("There is no kind " + clean(kind) + ".")
		kind, ok = p.ask(askKind)
	}
	if !ok {
		return nil, nil
	}
	a := &assess.Assessment{Subject: subject, SubjectKind: kind, Reviewer: p.d.Actor, Questionnaire: qs[n-1], AssessedOn: p.d.Today()}
	if kind == "" {
		a.SubjectKind, a.SubjectKindOffered = offered, true // a subject already recorded keeps its kind
	}
	if p.d.DeadlinesFor != nil {
		a.Deadlines = p.d.DeadlinesFor(a.Questionnaire)
	}
	// Its UUID given here, not by the store: a creation whose fate cannot
	// be told is known by it in the list read again (foundCreated).
	created := assess.NewUUID()
	a.UUID = created
	if err := writeOnlyInTime(p, func(ctx context.Context) error { return p.d.Repo.CreateAssessment(ctx, a) }); err != nil {
		if outcomeNotKnown(err) {
			p.notKnownCreation(a, created)
		}
		return nil, err
	}
	// Named, as the list said it: a number mistyped is heard now, not
	// found out from the questions.
	p.say(fmt.Sprintf("Created assessment %d, a new %s of %s.", a.ID, clean(a.Questionnaire.Title), clean(a.Subject)))
	return p.readAssessment(a.ID)
}

// interview asks the visible unanswered questions in order; false when
// the input ended or the reviewer typed q.
func (p *prompter) interview(a *assess.Assessment) bool {
	if a.Answers == nil {
		a.Answers = assess.Answers{}
	}
	if err := a.Editable(); err != nil {
		// Nothing of it can change: its result, and no question.
		msg := refusal(err)
		p.say(fullStop(strings.ToUpper(msg[:1]) + msg[1:]))
		p.say(strings.TrimRight(cleanBlock(report.SpokenSummary(assess.Evaluate(a, p.d.Today()))), "\n"))
		return true
	}
	if r := p.refusedForRole(); r != "" {
		// Not asked what it may not answer: why, and the result, as for
		// an approved assessment. Its roles were read again: one granted
		// meanwhile is said, and the questions asked.
		p.say("You may read it but not change it: " + fullStop(clean(r)))
		p.say(strings.TrimRight(cleanBlock(report.SpokenSummary(assess.Evaluate(a, p.d.Today()))), "\n"))
		return true
	}
	skipped := map[string]bool{}
	// last is the question just asked: asked again at once (a refused
	// answer, a note, evidence), only the prompt is said again, not the
	// question, its guidance and its options; r reads them again.
	last := -1
	if n := len(a.UnconfirmedVendorAnswers()); n > 0 && p.d.readOnly() == "" {
		p.say(fullStop(assess.Count(n, "vendor answer to confirm", "vendor answers to confirm")))
	}
	for {
		// Confirming writes: a login that may not change answers is not
		// asked, until a role granted meanwhile lets it.
		confirm := p.d.readOnly() == ""
		ev := assess.Evaluate(a, p.d.Today())
		idx := nextToAsk(ev.Result, a.Answers, skipped, confirm)
		if idx < 0 {
			p.say("")
			p.say("No more questions to ask. The result so far:")
			p.say(strings.TrimRight(cleanBlock(report.SpokenSummary(ev)), "\n")) // one block: its own last newline would be an empty line
			return true
		}
		q := a.Questionnaire.Questions[idx]
		ans := a.Answers[q.ID]
		ans.QuestionID = q.ID
		toConfirm := confirm && unconfirmed(ans)
		back := fmt.Sprintf("b to go back to assessment %d's choices", a.ID)
		prompt := "Answer, or s to skip, note: TEXT to set the note, evidence: REFERENCES separated by ; to set the evidence, " + back + ", q to quit:"
		if idx == last {
			prompt = "Answer, or r to hear the question again, s to skip, " + back + ", q to quit:"
			if toConfirm {
				prompt = "Answer, or y to confirm the vendor's answer, r to hear the question again, s to skip, " + back + ", q to quit:"
			}
		} else {
			p.sayQuestion(a, ev.Result, idx, ans, toConfirm)
		}
		last = idx
		line, ok := p.askLines(prompt)
		if !ok || isCommand(line, "q") {
			return false
		}
		// A paste of several lines answers a text question, or is a
		// note or evidence; any other answer is one line.
		several := strings.Contains(line, "\n")
		switch {
		case isCommand(line, "b"):
			return true
		case isCommand(line, "r"):
			last = -1
			continue
		case line == "":
			// An empty answer would be stored as one, and the
			// question asked again as unanswered.
			p.say("Nothing was typed: type an answer, or s to skip.")
			continue
		case toConfirm && isCommand(line, "y"):
			// Checked by the analyst: still the vendor's answer, as y
			// leaves it in the workspace.
			ans.Reviewed = true
			if !p.save(a, ans) {
				return false
			}
			p.say("Confirmed.")
			continue
		case isCommand(line, "s"):
			skipped[q.ID] = true
			continue
		case strings.HasPrefix(line, "note:"):
			ans.Note = strings.TrimSpace(strings.TrimPrefix(line, "note:"))
			if err := assess.CheckText("note", ans.Note); err != nil {
				p.say(fullStop("Not saved: " + refusal(err)))
				continue
			}
		case strings.HasPrefix(line, "evidence:"):
			// Pasted on several lines, a line a reference.
			ans.Evidence = splitEvidence(strings.ReplaceAll(strings.TrimPrefix(line, "evidence:"), "\n", ";"))
			if err := assess.CheckText("evidence", strings.Join(ans.Evidence, "; ")); err != nil {
				p.say(fullStop("Not saved: " + refusal(err)))
				continue
			}
			if over := overEvidenceSaid("that is", len(ans.Evidence)); over != "" {
				p.say(over)
				continue
			}
		case several && q.Type != assess.TypeText:
			p.say(pastedLines(line) + "; this question takes one line. Nothing of it was used.")
			continue
		default:
			v, err := parseAccessible(q, line, a.Questionnaire.RiskMatrix)
			if err == nil {
				err = q.Validate(v, a.Questionnaire.RiskMatrix)
			}
			if err != nil {
				p.say(fullStop("Not saved: " + refusal(err)))
				continue
			}
			ans.Value, ans.Source, ans.Reviewed = v, assess.ByAnalyst, true
		}
		if !p.save(a, ans) {
			return false
		}
		if q.Unnamed(a.Answers[q.ID]) && !p.nameRisk(a, q) {
			return false
		}
	}
}

// sayQuestion reads a question out: where it is, its text, guidance and
// what it accepts, the note and evidence so far, and the vendor's answer
// to confirm.
func (p *prompter) sayQuestion(a *assess.Assessment, res *assess.Result, idx int, ans assess.Answer, toConfirm bool) {
	q := a.Questionnaire.Questions[idx]
	p.say("")
	p.say(fmt.Sprintf("Question %d of %d (%d answered), section %s.", positionOf(res, idx), res.Total, res.Answered, clean(q.Section.Title)))
	p.say(clean(q.Text))
	if q.Help != "" {
		p.say("Guidance: " + clean(q.Help))
	}
	p.say(accessibleChoices(q, a.Questionnaire.RiskMatrix))
	if ans.Note != "" {
		p.say("Note so far: " + clean(ans.Note))
	}
	if len(ans.Evidence) > 0 {
		p.say("Evidence so far: " + clean(strings.Join(ans.Evidence, "; ")))
	}
	if toConfirm {
		p.say("The vendor answered: " + fullStop(clean(q.DisplayOn(ans.Value, a.Questionnaire.RiskMatrix, a.AssessedOn))) + " Type y to confirm it, or your own answer.")
	}
}

// nameRisk asks for the name of a risk named in its note (a further risk
// the analyst adds) once it is rated without one, as the workspace warns
// under its ratings. False when the input ended.
func (p *prompter) nameRisk(a *assess.Assessment, q *assess.Question) bool {
	for {
		line, ok := p.askText("Name this risk: the name goes in its note and is the risk's name in the register and the report. " +
			"Or press Enter to name it later; it cannot go to review unnamed.")
		if !ok {
			return false
		}
		if line = strings.TrimSpace(line); line == "" {
			return true
		}
		if err := assess.CheckText("note", line); err != nil {
			p.say("Not saved: " + refusal(err))
			continue
		}
		ans := a.Answers[q.ID]
		ans.Note = line
		return p.save(a, ans)
	}
}

// save records ans over the answer this session showed. Another person's
// change since is never replaced unawares: it is said, and then o saves
// ans over it and Enter keeps it, as O and K do in the workspace. False
// when the input ended.
func (p *prompter) save(a *assess.Assessment, ans assess.Answer) bool {
	if r := p.refusedForRole(); r != "" {
		p.say("Not saved: " + fullStop(clean(r)))
		return true
	}
	// An answer an older assay stored over the limit is refused by the
	// store whatever changes: said here with the way out.
	if over := overEvidenceSaid("this answer lists", len(ans.Evidence)); over != "" {
		p.say(over)
		return true
	}
	shown, over := a.Answers[ans.QuestionID], false
	before := assess.Score(a.Questionnaire, a.Answers, a.AssessedOn).Disagreements
	for {
		err := writeOnlyInTime(p, func(ctx context.Context) error {
			return p.d.Repo.ReplaceAnswers(ctx, a.ID, []assess.Answer{ans}, assess.Answers{ans.QuestionID: shown})
		})
		var conflict *assess.ConflictError
		if errors.As(err, &conflict) && len(conflict.Theirs) == 1 {
			theirs := conflict.Theirs[0]
			p.say(fullStop("Not saved: " + clean(conflict.SaidFor(a.Questionnaire))))
			line, ok := p.ask("Type o to save your answer over theirs, or press Enter to keep theirs.")
			if ok && isCommand(line, "o") {
				// What the person has now been shown and chose to
				// replace; a third change meanwhile is asked about again.
				shown, over = theirs, true
				continue
			}
			a.Answers[ans.QuestionID] = theirs
			p.say("Their answer is kept.")
			return ok
		}
		held, unknown := p.lostAtCommit(err, a, "saved", named("the answer to "+clean(ans.QuestionID), givenAnswer(a.Questionnaire, ans)), func(now *assess.Assessment) bool {
			got, ok := now.Answers[ans.QuestionID]
			return ok && assess.SameAnswer(got, ans)
		})
		if unknown {
			return true
		}
		if held != nil {
			err = nil
		}
		if err != nil {
			p.say("Not saved: " + refusal(err))
			return true
		}
		a.Answers[ans.QuestionID] = ans
		if over {
			p.say("Saved over their answer.")
		} else {
			p.say("Saved.")
		}
		if r, m := ans.Value.Risk, a.Questionnaire.RiskMatrix; r.InitialRated() && m != nil {
			p.say(riskSaid(m, r))
		}
		if ans.Value.Risk.HigherAfter() {
			p.say(higherAfterWarning)
		}
		// As the workspace's status line says it: what this answer made
		// disagree with another.
		after := assess.Score(a.Questionnaire, a.Answers, a.AssessedOn).Disagreements
		if w := disagreeWords(assess.NewDisagreements(before, after, ans.QuestionID), ans.QuestionID); w != "" {
			p.say(fullStop(clean(w)))
			if how := p.explainSaid(); how != "" {
				p.say(how)
			}
		}
		return true
	}
}

// lostAtCommit settles a write whose fate is not known (outcomeNotKnown:
// given up for want of an answer, or its connection lost once its commit
// was sent), for answers, plan changes and sign-offs alike: it reads the
// assessment back, and the server answering tells what the lost
// connection could not. It returns the assessment as
// read back when held finds the write there: the write is made. When it
// cannot tell, it says "Perhaps not <done>" with the store's words, keeps
// what to name again as accessible mode leaves, and reports unknown.
// Any other outcome of the write is left to the caller.
func (p *prompter) lostAtCommit(err error, a *assess.Assessment, done, what string, held func(now *assess.Assessment) bool) (now *assess.Assessment, unknown bool) {
	if !outcomeNotKnown(err) {
		return nil, false
	}
	if now, rerr := p.readAssessment(a.ID); rerr == nil && held(now) {
		return now, false
	}
	p.say(fullStop("Perhaps not " + done + ": " + refusal(err)))
	p.notKnownOf(a, what, lookInTheTrail)
	return nil, true
}

// overEvidenceSaid refuses more evidence references than an answer may
// list, saying what to type at the question to get below the limit: the
// store's refusal named the question's ID, which a listener never heard,
// and no way to remove any. "" within the limit.
func overEvidenceSaid(what string, n int) string {
	if assess.CheckEvidenceCount(n) == nil {
		return ""
	}
	return fmt.Sprintf("Not saved: %s %d evidence references, more than the %d an answer may list. "+
		"Type evidence: again with at most %d, separated by ; (one document can list the rest), or s to skip the question.",
		what, n, assess.MaxEvidence, assess.MaxEvidence)
}

// riskSaid is a saved rating in words, as the workspace shows it under
// the ratings: "As found: high (likely, major). After measures: low
// (rare, moderate)."
func riskSaid(m *assess.RiskMatrix, r *assess.RiskRating) string {
	said := func(l, i int) string {
		return fmt.Sprintf("%s (%s, %s)", m.Level(l, i), clean(m.Likelihood[l-1]), clean(m.Impact[i-1]))
	}
	out := "As found: " + said(r.Likelihood, r.Impact) + "."
	if r.AfterRated() {
		out += " After measures: " + said(r.AfterLikelihood, r.AfterImpact) + "."
	}
	return out
}

// nextToAsk is the first visible question still to answer, else (when
// confirm) the first whose vendor answer is still to confirm; -1 when
// none is left that was not skipped.
func nextToAsk(res *assess.Result, answers assess.Answers, skipped map[string]bool, confirm bool) int {
	for i, qr := range res.Questions {
		if qr.Visible && !qr.Answered && qr.Status != assess.StatusNA && !skipped[qr.ID] {
			return i
		}
	}
	if !confirm {
		return -1
	}
	for i, qr := range res.Questions {
		if qr.Visible && unconfirmed(answers[qr.ID]) && !skipped[qr.ID] {
			return i
		}
	}
	return -1
}

func positionOf(res *assess.Result, idx int) int {
	return indexOf(visibleQuestions(res), idx) + 1
}

// accessibleChoices says what the question accepts, in words.
func accessibleChoices(q *assess.Question, m *assess.RiskMatrix) string {
	switch q.Type {
	case assess.TypeControl, assess.TypeSingle, assess.TypeMulti:
		parts := make([]string, len(q.Options))
		for i, o := range q.Options {
			parts[i] = fmt.Sprintf("%d %s", i+1, clean(o.Label))
		}
		how := "Type one number. Options: "
		if q.Type == assess.TypeMulti {
			how = "Type the numbers that apply, separated by commas. Options: "
		}
		return how + strings.Join(parts, "; ") + "."
	case assess.TypeScale:
		// Its labelled points, as the workspace shows them beside
		// the numbers: which end is good is in them.
		var labels []string
		for v := q.Scale.From; v <= q.Scale.To; v++ {
			if l, ok := q.Scale.Labels[v]; ok {
				labels = append(labels, fmt.Sprintf("%d %s", v, clean(l)))
			}
		}
		if len(labels) > 0 {
			return fmt.Sprintf("Type a whole number from %d to %d: %s.", q.Scale.From, q.Scale.To, strings.Join(labels, ", "))
		}
		return fmt.Sprintf("Type a whole number from %d to %d.", q.Scale.From, q.Scale.To)
	case assess.TypeNumber:
		if q.Unit != "" {
			return "Type " + q.NumberRange() + ", in " + clean(q.Unit) + "."
		}
		return "Type " + q.NumberRange() + "."
	case assess.TypeDate:
		return "Type a date as year-month-day, for example 2026-03-31."
	case assess.TypeRisk:
		what := fmt.Sprintf("the likelihood (1 to %d) and the impact (1 to %d) as found", len(m.Likelihood), len(m.Impact))
		if len(m.Likelihood) == len(m.Impact) {
			what = fmt.Sprintf("the likelihood and the impact as found, each from 1 to %d,", len(m.Impact))
		}
		return fmt.Sprintf("Type %s and if you wish the two after measures, all on one line. Likelihood: %s. Impact: %s.",
			what, numbered(m.Likelihood), numbered(m.Impact))
	}
	return "Type your answer."
}

func numbered(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%d %s", i+1, clean(n))
	}
	return strings.Join(parts, ", ")
}

// riskRangeError asks for a rating within the matrix.
func riskRangeError(m *assess.RiskMatrix, when string) error {
	if len(m.Likelihood) == len(m.Impact) {
		return fmt.Errorf("type the likelihood and the impact %s, each from 1 to %d", when, len(m.Impact))
	}
	return fmt.Errorf("type the likelihood (1 to %d) and the impact (1 to %d) %s", len(m.Likelihood), len(m.Impact), when)
}

// parseAccessible reads a typed answer for any question type.
func parseAccessible(q *assess.Question, line string, m *assess.RiskMatrix) (assess.Value, error) {
	switch q.Type {
	case assess.TypeControl, assess.TypeSingle, assess.TypeMulti:
		// Refused in the numbers typed: the questionnaire's own
		// refusals name option values a listener never heard.
		parts := strings.Split(line, ",")
		if len(parts) > 1 && q.Type != assess.TypeMulti {
			return assess.Value{}, fmt.Errorf("type one number from 1 to %d", len(q.Options))
		}
		var choices []string
		typed := map[int]bool{}
		for _, part := range parts {
			n, err := strconv.Atoi(strings.TrimSpace(part))
			if err != nil || n < 1 || n > len(q.Options) {
				return assess.Value{}, fmt.Errorf("type a number from 1 to %d", len(q.Options))
			}
			if typed[n] {
				return assess.Value{}, fmt.Errorf("%d is typed twice; type each number once", n)
			}
			typed[n] = true
			choices = append(choices, q.Options[n-1].Value)
		}
		for i, o := range q.Options {
			if n := i + 1; o.Exclusive && typed[n] && len(typed) > 1 {
				return assess.Value{}, fmt.Errorf("%d %s goes alone; type %d by itself, or the others without it", n, clean(o.Label), n)
			}
		}
		return assess.Value{Choices: choices}, nil
	case assess.TypeScale:
		n, err := strconv.Atoi(line)
		if err != nil {
			return assess.Value{}, fmt.Errorf("type a whole number from %d to %d", q.Scale.From, q.Scale.To)
		}
		return scaleAnswer(n), nil
	case assess.TypeRisk:
		fields := strings.Fields(strings.ReplaceAll(line, ",", " "))
		nums := make([]int, 0, 4)
		for _, f := range fields {
			n, err := strconv.Atoi(f)
			if err != nil {
				return assess.Value{}, fmt.Errorf("type two or four numbers")
			}
			nums = append(nums, n)
		}
		if len(nums) != 2 && len(nums) != 4 {
			return assess.Value{}, fmt.Errorf("type two or four numbers")
		}
		// Checked here, in the prompt's words: the matrix's own
		// refusal names the question's ID, and 0 (not rated) would be
		// saved as an answer that answers nothing.
		for i, n := range nums {
			limit, when := len(m.Likelihood), "as found"
			if i%2 == 1 {
				limit = len(m.Impact)
			}
			if i >= 2 {
				when = "after measures"
			}
			if n < 1 || n > limit {
				return assess.Value{}, riskRangeError(m, when)
			}
		}
		r := assess.RiskRating{Likelihood: nums[0], Impact: nums[1]}
		if len(nums) == 4 {
			r.AfterLikelihood, r.AfterImpact = nums[2], nums[3]
		}
		return assess.Value{Risk: &r}, nil
	}
	v, err := parseTyped(q, line)
	if err == nil && q.Type == assess.TypeNumber && q.Validate(v, m) != nil {
		// In the prompt's words: the questionnaire's refusal names
		// the question's ID.
		return v, fmt.Errorf("type %s, not %s", q.NumberRange(), v.Number)
	}
	return v, err
}

// listedWords says a listed assessment in a sentence: its subject,
// questionnaire, status, progress and level, and, of one whose answers
// describe a use the law forbids, that the system must not be used,
// whatever its status (homeStatus).
func listedWords(a *assess.Assessment) string {
	s := fmt.Sprintf("Assessment %d: %s, %s, %s, %d of %d answered, level %s", a.ID, clean(a.Subject), clean(a.Questionnaire.Title),
		a.Status.Words(), a.Summary.Answered, a.Summary.Total, summaryLevel(a.Summary))
	if a.Summary.UseForbidden {
		return s + "; the system " + forbiddenWords + "."
	}
	return s + "."
}
