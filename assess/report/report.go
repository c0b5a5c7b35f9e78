// Package report writes the committee report: a Markdown document that
// renders on GitHub and GitLab, passes markdownlint, and in which no text
// from users, vendors or files can break a table or inject HTML.
package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// Options set what a report shows beyond the assessment itself.
type Options struct {
	// Today is the report date: overdue items and expired acceptances are
	// judged on it.
	Today assess.Date
	// Catalog names the controls in coverage tables.
	Catalog *assess.Catalog
	// QuestionnaireTitle names a questionnaire by its ID, for a
	// pre-screen's recommendations; nil shows IDs only.
	QuestionnaireTitle func(id string) string
	// Since, when set, adds what changed since an earlier assessment of
	// the same subject: assess.Compare(earlier, this one).
	Since *assess.Diff
}

// Markdown renders the committee report for an evaluated assessment.
func Markdown(e *assess.Evaluation, opts Options) string {
	r := &reporter{e: e, a: e.Assessment, q: e.Assessment.Questionnaire, res: e.Result, opts: opts}
	r.title()
	r.summary()
	r.changes()
	r.recommendations()
	r.scores()
	r.risks()
	r.coverage()
	if makesFindings(r.q) {
		r.findings()
		r.plan()
		r.accepted()
	}
	r.governance()
	r.signOff()
	r.appendix()
	// Tables cannot wrap; every other line is kept within 80 characters.
	r.d.block(`<!-- markdownlint-configure-file { "MD013": { "tables": false } } -->`)
	return r.d.String()
}

type reporter struct {
	d    doc
	e    *assess.Evaluation
	a    *assess.Assessment
	q    *assess.Questionnaire
	res  *assess.Result
	opts Options
}

func (r *reporter) title() {
	r.d.heading(1, Inline(Truncate(r.q.Title+": "+r.a.Subject, 70)))
	status := "complete"
	if !r.res.Complete {
		status = fmt.Sprintf("incomplete: %d of %d questions answered", r.res.Answered, r.res.Total)
	}
	if n := len(r.a.UnconfirmedVendorAnswers()); n > 0 {
		status += "; " + plural(n, "answer is the vendor's, unconfirmed", "answers are the vendor's, unconfirmed")
	}
	subject := Inline(r.a.Subject)
	if r.a.SubjectKind != "" {
		subject += " (" + Inline(r.a.SubjectKind) + ")"
	}
	reviewer := Inline(r.a.Reviewer)
	if reviewer == "" {
		reviewer = "not recorded"
	}
	items := []string{
		"**Subject:** " + subject,
		fmt.Sprintf("**Questionnaire:** %s, version %s (%s)", Inline(r.q.Title), Inline(r.q.Version), Code(r.q.ID)),
		"**Questionnaire snapshot:** SHA-256 " + Code(shortDigest(r.q.Digest)),
	}
	if r.q.Copyright != "" {
		// A converted library's notice (CISO Assistant, CSA) travels with it.
		items = append(items, "**Questionnaire copyright:** "+Inline(Truncate(r.q.Copyright, 300)))
	}
	r.d.list(append(items,
		"**Reviewer:** "+reviewer,
		"**Assessment date:** "+r.a.AssessedOn.String(),
		"**Report date:** "+r.opts.Today.String(),
		fmt.Sprintf("**Status:** %s; %s", r.a.Status.Words(), status),
		"**Scoring:** "+Code(r.res.ScoringVersion)+", assessment "+Code(r.a.UUID),
	)...)
}

func shortDigest(d string) string {
	if len(d) > 16 {
		return d[:16]
	}
	return d
}

func (r *reporter) summary() {
	r.d.heading(2, "Executive summary")
	if o := r.res.Outcome; o != nil {
		line := fmt.Sprintf("**%s: %s.**", Inline(o.Title), Inline(o.Name()))
		if d := r.outcomeDimension(); d != nil {
			line += fmt.Sprintf(" %s scores %s of a possible %s (%s%%)%s.", Inline(d.Title), d.Value, d.Base, d.Percent.Fixed(1), baseWords(d))
		}
		if f, ok := o.Knockout(); ok {
			line += fmt.Sprintf(" A knock-out set this level: %s was answered “%s”. %s", Code(f.Question), Inline(f.Answer), Inline(f.Reason))
		}
		if o.Meaning != "" {
			line += " " + Inline(o.Meaning)
		}
		r.d.para(line)
	}
	open, overdue := r.e.Open()
	counts := severityCounts(r.res.Findings)
	var figures []string
	if makesFindings(r.q) {
		figures = append(figures,
			fmt.Sprintf("Findings: %d%s.", len(r.res.Findings), counts),
			fmt.Sprintf("Remediation items open: %d, of which overdue: %d.", open, overdue))
	}
	if len(r.q.Recommends) > 0 {
		n := len(groupRecommendations(r.res.Recommendations))
		line := fmt.Sprintf("Assessments recommended: %d.", n)
		if n > 0 {
			line = fmt.Sprintf("Assessments recommended: %d: %s.", n, r.recommendedList())
		}
		figures = append(figures, line)
	}
	figures = append(figures, fmt.Sprintf("Questions answered: %d of %d.", r.res.Answered, r.res.Total))
	if n := len(r.a.UnconfirmedVendorAnswers()); n > 0 {
		figures = append(figures, fmt.Sprintf("Answers that are the vendor's and that no analyst has confirmed: %d of %d.", n, r.res.Answered))
	}
	if n := len(r.res.HiddenAnswered); n > 0 {
		figures = append(figures, fmt.Sprintf("Answers kept but not counted because their questions are hidden: %d.", n))
	}
	if n := acceptedCount(r.e.Plan); n > 0 {
		figures = append(figures, fmt.Sprintf("Risks accepted: %d.", n))
	}
	r.d.list(figures...)
	if len(r.res.Findings) > 0 {
		r.d.para("Top findings:")
		var top []string
		for i, f := range r.res.Findings {
			if i == 5 {
				break
			}
			top = append(top, fmt.Sprintf("**%s** (F%d): %s", f.Severity.Title(), i+1, Inline(f.Question)))
		}
		r.d.numbered(top...)
	}
	r.d.para("**Decision requested:** " + r.decision(open))
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
func (r *reporter) decision(open int) string {
	asked := r.asked(open)
	n := len(r.a.UnconfirmedVendorAnswers())
	switch {
	case n == 0:
		return asked
	case !r.res.Complete:
		return asked + " " + plural(n, "answer is the vendor's and no analyst has confirmed it.", "answers are the vendor's and no analyst has confirmed them.")
	}
	them := "them"
	if n == 1 {
		them = "it"
	}
	return fmt.Sprintf("%s: confirm %s before deciding, or accept %s as the vendor gave %s and %s",
		plural(n, "answer is the vendor's and no analyst has confirmed it", "answers are the vendor's and no analyst has confirmed them"),
		them, them, them, asked)
}

// asked is the decision asked for, leaving aside whose word the answers are.
func (r *reporter) asked(open int) string {
	if !r.res.Complete {
		n := len(r.res.Unanswered)
		verb := "are"
		if n == 1 {
			verb = "is"
		}
		return fmt.Sprintf("note this interim result. %s %s unanswered and counted as the worst answer; the assessment must be completed before a final decision.", plural(n, "question", "questions"), verb)
	}
	if !makesFindings(r.q) && len(r.q.Recommends) > 0 {
		if len(r.res.Recommendations) == 0 {
			return "agree that, on these answers, the initiative needs no further assessment."
		}
		return "agree that the initiative may not proceed until these assessments are done, and name an owner for each: " + r.recommendedList() + "."
	}
	level := ""
	if o := r.res.Outcome; o != nil {
		level = fmt.Sprintf(" at the %s level (%s)", Inline(strings.ToLower(o.Title)), Inline(o.Name()))
	}
	if open == 0 {
		return "approve the assessment" + level + "; no remediation is outstanding."
	}
	first := assess.Date{}
	for _, it := range r.e.Plan {
		if !it.Closed() && (first.IsZero() || it.Due.Before(first)) {
			first = it.Due
		}
	}
	return fmt.Sprintf("approve the assessment%s and the remediation plan below: %s, the first due on %s.", level, plural(open, "open item", "open items"), first)
}
