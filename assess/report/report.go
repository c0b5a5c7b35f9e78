// Package report writes the committee report. The sections build one
// document (package document) that every format renders: Markdown that
// renders on GitHub and GitLab and passes markdownlint, and the HTML, PDF
// and DOCX renderers elsewhere. No text from users, vendors or files can
// break a table or inject markup in any of them.
package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// Options set what a report shows beyond the assessment itself.
type Options struct {
	// Today is the report date: overdue items and expired acceptances are
	// judged on it. A day before the assessment date is taken as that
	// date (assess.JudgedOn), as Evaluate takes it.
	Today assess.Date
	// Catalog names the controls in coverage tables.
	Catalog *assess.Catalog
	// QuestionnaireTitle names a questionnaire by its ID, for a
	// pre-screen's recommendations; nil shows IDs only.
	QuestionnaireTitle func(id string) string
	// Since, when set, adds what changed since an earlier assessment of
	// the same subject: assess.Compare(earlier, this one).
	Since *assess.Diff
	// Record, when set, pins the assessment's audit history as the
	// report shows it (report_record.go).
	Record *ledger.Pin
	// AcceptedOn is, by finding key, the day the audit trail recorded
	// each accepted risk's acceptance, which the plan and the accepted
	// risks show beside its approver and expiry; an accepted item the map
	// lacks reads "not recorded". Nil (a caller that has not read the
	// trail) leaves the day out.
	AcceptedOn map[string]assess.Date
	// AsOf says Today was asked for (assay report --as-of): the report
	// keeps that day, and an acceptance recorded after it is marked as
	// given after the report's date. A report made today is dated no
	// earlier than the newest acceptance AcceptedOn gives, its plan
	// judged on that day (assess.JudgedThroughAcceptances): a colleague
	// whose calendar or clock is ahead may have given it on a day that
	// has not begun where the report is made.
	AsOf bool
}

// Markdown renders the committee report for an evaluated assessment.
func Markdown(e *assess.Evaluation, opts Options) string {
	return Render(Build(e, opts))
}

// Build lays the committee report out as a document, for any format.
func Build(e *assess.Evaluation, opts Options) *document.Document {
	// Dated as the evaluation is judged: never before the assessment
	// date or a sign-off the report shows (a revision's included: the
	// approval of the assessment it revises), whatever today is where
	// the report is made.
	opts.Today = e.Assessment.JudgedOn(opts.Today)
	if !opts.AsOf {
		if moved := assess.JudgedThroughAcceptances(e, opts.AcceptedOn); moved != e && opts.Today.Before(moved.Today) {
			e, opts.Today = moved, moved.Today
		}
	}
	r := &reporter{e: e, a: e.Assessment, q: e.Assessment.Questionnaire, res: e.Result, opts: opts}
	r.title()
	r.summary()
	r.changes()
	r.recommendations()
	r.scores()
	r.risks()
	r.coverage()
	if r.q.MakesFindings() {
		r.findings()
		r.plan()
		r.accepted()
	}
	r.governance()
	r.signOff()
	r.disagreements()
	r.appendix()
	return &document.Document{
		Meta: document.Meta{
			Title:   safetext.OneLine(r.q.Title),
			Subject: safetext.OneLine(r.a.Subject),
			Date:    opts.Today.String(),
			State:   r.a.Status.Words(),
		},
		Blocks: r.d.blocks,
	}
}

type reporter struct {
	d    builder
	e    *assess.Evaluation
	a    *assess.Assessment
	q    *assess.Questionnaire
	res  *assess.Result
	opts Options
}

func (r *reporter) title() {
	// The subject whole (a name is at most assess.MaxNameLength characters):
	// cut with the title at 70, a FRIA's title left it some twenty.
	r.d.heading(1, txt(user(Truncate(r.q.Title, 120)+": "+Truncate(r.a.Subject, assess.MaxNameLength))))
	status := "complete"
	if !r.res.Complete {
		status = fmt.Sprintf("incomplete: %d of %d questions answered", r.res.Answered, r.res.Total)
	}
	if n := len(r.a.UnconfirmedVendorAnswers()); n > 0 {
		status += "; " + assess.Count(n, "answer is the vendor's, unconfirmed", "answers are the vendor's, unconfirmed")
	}
	subject := txt(user(r.a.Subject))
	if r.a.SubjectKind != "" {
		subject = txt(subject, " (", user(r.a.SubjectKind), ")")
	}
	reviewer := txt(user(r.a.Reviewer))
	if reviewer.String() == "" {
		reviewer = txt("not recorded")
	}
	items := []document.Text{
		txt(strong("Subject:"), " ", subject),
		txt(strong("Questionnaire:"), " ", user(r.q.Title), ", version ", user(r.q.Version), " (", code(r.q.ID), ")"),
		txt(strong("Questionnaire snapshot:"), " SHA-256 ", code(shortDigest(r.q.Digest))),
	}
	if r.q.Copyright != "" {
		// A converted library's notice (CISO Assistant, CSA) travels with it.
		items = append(items, txt(strong("Questionnaire copyright:"), " ", user(Truncate(r.q.Copyright, 300))))
	}
	items = append(items,
		// The person who ran the assessment, whom the sign-off table
		// calls the assessor; its reviewer is who approves or rejects.
		txt(strong("Assessor:"), " ", reviewer),
		txt(strong("Assessment date:"), " "+r.a.AssessedOn.String()),
		txt(strong("Report date:"), " "+r.opts.Today.String()),
		txt(strong("Status:"), " ", r.statusWords(), "; "+status),
		txt(strong("Scoring:"), " ", code(r.res.ScoringVersion), ", assessment ", code(r.a.UUID)),
	)
	// The PDF, DOCX and printed HTML set the title block alone on page
	// one: it ends with the level and the decision, so that page one alone
	// tells the committee what it is asked to decide.
	if line := r.outcomeLine(); line != nil {
		items = append(items, line)
	}
	if line := r.dpoTitleLine(); line != nil {
		items = append(items, line)
	}
	r.d.list(append(items, r.decisionLine())...)
}

func shortDigest(d string) string {
	if len(d) > 16 {
		return d[:16]
	}
	return d
}

func (r *reporter) summary() {
	r.d.heading(2, txt("Executive summary"))
	if o := r.res.Outcome; o != nil {
		line := txt(strong(user(o.Title), ": ", user(o.Headline()), "."))
		if o.Unsettled {
			// The level the unanswered questions' worst case gives is not
			// the assessment's, nor is what that level means for the
			// decision: both wait for the answers.
			line = txt(line, " ", unsettledWords(*o))
		}
		d := r.outcomeDimension()
		if d != nil && d.Empty() {
			line = txt(line, " ", user(d.Title), ": "+emptyWords+".")
		} else if d != nil {
			line = txt(line, " ", user(d.Title), fmt.Sprintf(" scores %s of a possible %s (%s%%)%s.", d.Value, d.Base, d.Percent.Fixed(1), baseWords(d)))
		}
		if f, ok := o.Knockout(); ok {
			line = txt(line, knockoutWords(*o, f), user(f.Reason))
		} else if d == nil && o.Why != "" {
			// A matrix or the risk register set the level, and its meaning
			// names no cause: give the one "Levels and why" gives.
			line = txt(line, " Why: ", user(asSentence(strings.TrimSuffix(o.Why, "."))), ".")
		}
		if o.Meaning != "" && !o.Unsettled {
			line = txt(line, " ", user(o.Meaning))
		}
		r.d.para(line)
	}
	open, overdue := r.e.Open()
	counts := severityCounts(r.res.Findings)
	var figures []document.Text
	if r.q.MakesFindings() {
		figures = append(figures,
			txt(fmt.Sprintf("Findings: %d%s.", len(r.res.Findings), counts)),
			txt(fmt.Sprintf("Remediation items open: %d, of which overdue: %d.", open, overdue)))
	}
	if len(r.q.Recommends) > 0 {
		n := len(r.res.Recommended())
		line := txt(fmt.Sprintf("Assessments recommended: %d.", n))
		if n > 0 {
			line = txt(fmt.Sprintf("Assessments recommended: %d: ", n), r.recommendedList(), ".")
		}
		figures = append(figures, line)
	}
	answered := fmt.Sprintf("Questions answered: %d of %d.", r.res.Answered, r.res.Total)
	if left := r.res.Total - r.res.Answered; r.res.Complete && left > 0 {
		// Complete, so every question left is optional: "complete" on
		// page one beside "73 of 75" read as a contradiction.
		rest := fmt.Sprintf("the other %d are optional", left)
		if left == 1 {
			rest = "the other one is optional"
		}
		answered = fmt.Sprintf("Questions answered: %d of %d; %s.", r.res.Answered, r.res.Total, rest)
	}
	figures = append(figures, txt(answered))
	if n := len(r.a.UnconfirmedVendorAnswers()); n > 0 {
		figures = append(figures, txt(fmt.Sprintf("Answers that are the vendor's and that no analyst has confirmed: %d of %d.", n, r.res.Answered)))
	}
	if n := len(r.res.Disagreements); n > 0 {
		figures = append(figures, txt(fmt.Sprintf("Answers that disagree with each other: %d (listed before the appendix).", n)))
	}
	if n := len(r.res.HiddenAnswered); n > 0 {
		figures = append(figures, txt(fmt.Sprintf("Answers kept but not counted because their questions are hidden: %d.", n)))
	}
	if n := acceptedCount(r.e.Plan); n > 0 {
		figures = append(figures, txt(fmt.Sprintf("Risks accepted: %d.", n)))
	}
	r.d.list(figures...)
	if len(r.res.Findings) > 0 {
		r.d.para(txt("Top findings:"))
		var top []document.Text
		labels := r.e.FindingLabels()
		plan := r.planItems()
		for i, f := range r.res.Findings {
			if i == 5 {
				break
			}
			it, ok := plan[f.Key]
			top = append(top, txt(strong(f.Severity.Title()), " ("+labels[f.Key]+"): ", user(f.Question), closedWords(it, ok)))
		}
		r.d.numbered(top...)
	}
	r.d.para(r.decisionLine())
}

// decisionLine is the decision asked of the committee, or the one already
// taken, as the title block and the executive summary both say it.
func (r *reporter) decisionLine() document.Text {
	open, _ := r.e.Open()
	if taken, ok := r.decisionTaken(open); ok {
		return txt(strong("Decision taken:"), " ", taken)
	}
	return txt(strong("Decision requested:"), " ", r.decision(open), r.dpoAdviceWords())
}

// outcomeLine is the headline level for the title block, or nil when the
// questionnaire has none (a pre-screen).
func (r *reporter) outcomeLine() document.Text {
	o := r.res.Outcome
	if o == nil {
		return nil
	}
	line := txt(strong(user(o.Title), ":"), " ", user(o.Headline()))
	if o.Unsettled {
		// The sentence that says where the level stands follows the
		// headline, which ends first, as in the executive summary.
		line = txt(line, ". ", unsettledWords(*o))
	}
	return line
}

// decisionTaken says, of an approved or rejected assessment, who decided
// what and when: page one must not ask the committee to approve what it
// has already approved or rejected, against the sign-off section.
func (r *reporter) decisionTaken(open int) (document.Text, bool) {
	var decision string
	switch r.a.Status {
	case assess.Approved:
		decision = "approved"
	case assess.Rejected:
		decision = "rejected"
	default:
		return nil, false
	}
	text, comment := txt(decision), ""
	for i := len(r.a.SignOffs) - 1; i >= 0; i-- {
		if s := r.a.SignOffs[i]; s.Decision == decision {
			text, comment = txt(text, " by ", user(s.Name), fmt.Sprintf(" on %s", s.On)), s.Comment
			break
		}
	}
	text = txt(text, ".")
	f, forbidden := assess.UseForbidden(r.res)
	switch {
	case forbidden:
		text = txt(text, " ", r.forbiddenTaken(decision, f))
	case decision == "rejected":
		text = txt(text, " Nothing is asked of the committee until the assessment is submitted again.")
	case open == 0 && r.q.MakesFindings():
		text = txt(text, " No remediation is outstanding.")
	case open > 0:
		text = txt(text, fmt.Sprintf(" The remediation plan below has %s.", r.openItems(open)))
	}
	return txt(text, signedComment(comment)), true
}

// firstDue is the earliest due date of the plan's open items.
// openItems says how many items of the plan are open, how many of them
// are overdue on the report date, and when the first is due: "6 open
// items, 2 overdue, the first due on 2026-02-14". A past date alone
// reads as a deadline still to come.
func (r *reporter) openItems(open int) string {
	late := 0
	for _, it := range r.e.Plan {
		if it.Overdue(r.opts.Today) {
			late++
		}
	}
	s := assess.Count(open, "open item", "open items")
	switch {
	case late == 0:
	case late == 1 && open == 1:
		s += ", overdue"
	case late == 2 && open == 2:
		s += ", both overdue"
	case late == open:
		s += ", all overdue"
	default:
		s += fmt.Sprintf(", %d overdue", late)
	}
	return fmt.Sprintf("%s, the first due on %s", s, r.firstDue())
}

func (r *reporter) firstDue() assess.Date {
	first := assess.Date{}
	for _, it := range r.e.Plan {
		if !it.Closed() && (first.IsZero() || it.Due.Before(first)) {
			first = it.Due
		}
	}
	return first
}

func (r *reporter) outcomeDimension() *assess.DimensionResult {
	def, ok := r.q.Level(r.q.Outcome)
	if !ok || def.Dimension == "" {
		return nil
	}
	return r.res.Dimension(def.Dimension)
}

func severityCounts(fs []assess.Finding) string {
	n := map[assess.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	var parts []string
	for _, s := range assess.Severities {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func acceptedCount(plan []assess.PlanItem) int {
	n := 0
	for _, it := range plan {
		if it.Status == assess.ItemAccepted && !it.Reopened {
			n++
		}
	}
	return n
}

// decision says what the committee is asked to do, from the state of the
// assessment: finish it first, or take the level and the plan. Answers
// the vendor gave and nobody confirmed are said before any approval is
// asked for: the committee decides on the vendor's word for them.
func (r *reporter) decision(open int) document.Text {
	asked := r.settleDisagreementsFirst(r.asked(open))
	n := len(r.a.UnconfirmedVendorAnswers())
	switch {
	case n == 0:
		return asked
	case !r.res.Complete:
		return txt(asked, " "+assess.Count(n, "answer is the vendor's and no analyst has confirmed it.", "answers are the vendor's and no analyst has confirmed them."))
	}
	them := "them"
	if n == 1 {
		them = "it"
	}
	return txt(fmt.Sprintf("%s: confirm %s before deciding, or accept %s as the vendor gave %s and ",
		assess.Count(n, "answer is the vendor's and no analyst has confirmed it", "answers are the vendor's and no analyst has confirmed them"),
		them, them, them), asked)
}

// unansweredWords counts the required questions still unanswered, and
// says how many of them are counted as their worst answers (the scored
// ones) and how many score no points (a description, a risk still to
// rate), so that the reader sees why the two numbers differ.
func unansweredWords(res *assess.Result) string {
	n, worst := len(res.Unanswered), res.UnansweredWorst()
	switch {
	case worst == 0:
		return assess.Count(n, "required question is unanswered", "required questions are unanswered")
	case worst == n && n == 1:
		return "1 required question is unanswered and counted as its worst answer"
	case worst == n:
		return fmt.Sprintf("%d required questions are unanswered and counted as their worst answers", n)
	case worst == 1:
		return fmt.Sprintf("%d required questions are unanswered, 1 of them counted as its worst answer and %s", n, assess.ScoreNoPoints(n-worst))
	}
	return fmt.Sprintf("%d required questions are unanswered, %d of them counted as their worst answers and %s", n, worst, assess.ScoreNoPoints(n-worst))
}

// knockoutWords names the knock-out that set a level, and the answer that
// set it: of a level not rated yet, the knock-out sets its worst case, and
// an unanswered question is not said to have been answered.
func knockoutWords(o assess.LevelResult, f assess.FloorResult) document.Text {
	set := " A knock-out set this level: "
	if o.Unsettled {
		set = " A knock-out sets this worst case: "
	}
	if f.Unanswered() {
		return txt(set, code(f.Question), " is unanswered and counted as its worst answer. ")
	}
	return txt(set, code(f.Question), " was answered “", user(f.Answer), "”. ")
}

// asked is the decision asked for, leaving aside whose word the answers are.
func (r *reporter) asked(open int) document.Text {
	if !r.res.Complete {
		return txt("note this interim result. ", unansweredWords(r.res), "; the assessment must be completed before a final decision.")
	}
	if !r.q.MakesFindings() && len(r.q.Recommends) > 0 {
		if len(r.res.Recommendations) == 0 {
			return txt("agree that, on these answers, the initiative needs no further assessment.")
		}
		return txt("agree that the initiative may not proceed until these assessments are done, and name an owner for each: ", r.recommendedList(), ".")
	}
	if f, ok := assess.UseForbidden(r.res); ok {
		return txt("reject the assessment, recording that ", forbiddenWords(f))
	}
	if l, ok := r.highResidual(); ok {
		return r.residualAsk(l, open)
	}
	var level document.Text
	if o := r.res.Outcome; o != nil {
		title := inSentence(o.Title)
		if !strings.HasSuffix(strings.ToLower(title), "level") {
			title += " level" // "the overall risk level", but "the impact level"
		}
		if directs(*o) {
			return r.deferAsk(title, o.Name(), open)
		}
		level = txt(" at the ", user(title), " (", user(o.Name()), ")")
	}
	if open == 0 {
		return txt("approve the assessment", level, "; no remediation is outstanding.")
	}
	return txt("approve the assessment", level, fmt.Sprintf(" and the remediation plan below: %s.", r.openItems(open)))
}
