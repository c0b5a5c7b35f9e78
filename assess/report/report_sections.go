package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

func (r *reporter) scores() {
	dims := fedDimensions(r.q, r.res)
	if len(dims) == 0 && len(r.res.Levels) == 0 {
		return // nothing is scored: a pre-screen
	}
	r.d.heading(2, txt("Scores"))
	if len(dims) > 0 {
		r.d.heading(3, txt("By dimension"))
		var rows [][]document.Text
		for _, d := range dims {
			var notes []string
			if d.Value != d.Raw {
				notes = append(notes, d.Raw.String()+" before rules")
			}
			if d.PercentOf != assess.PercentOfCounted {
				note := "share" + baseWords(d)
				if d.Base != d.Max {
					note += fmt.Sprintf("; the questions counted have a maximum of %s", d.Max)
				}
				notes = append(notes, note)
			}
			share := d.Percent.Fixed(1) + "%"
			if d.Empty() {
				share, notes = "n/a", append(notes, emptyWords)
			}
			rows = append(rows, []document.Text{txt(user(d.Title)), txt(d.Value.String()), txt(d.Base.String()), txt(share), txt(higherText(d.Higher)), txt(strings.Join(notes, "; "))})
		}
		r.d.table(cells("Dimension", "Score", "Maximum", "Share", "Higher is", "Note"), rows)
	}
	r.d.heading(3, txt("By section"))
	header := cells("Section", "Answered")
	for _, d := range dims {
		header = append(header, txt(user(d.Title)))
	}
	var rows [][]document.Text
	for _, s := range r.res.Sections {
		answered := fmt.Sprintf("%d of %d", s.Answered, s.Total)
		// A section shown whose every question a condition hides asks
		// nothing: "0 of 0" read as if it had been skipped.
		if !s.Visible || s.Total == 0 {
			answered = "not applicable (hidden)"
		}
		row := []document.Text{txt(user(s.Title)), txt(answered)}
		for _, d := range dims {
			row = append(row, txt(sectionShare(s, d.ID)))
		}
		rows = append(rows, row)
	}
	r.d.table(header, rows)
	if len(r.res.Levels) > 0 {
		r.d.heading(3, txt("Levels and why"))
		var items []document.Text
		for _, l := range r.res.Levels {
			item := txt(strong(user(l.Title), ": ", user(l.Headline()), "."))
			if l.Unsettled {
				item = txt(item, " ", unsettledWords(l))
			}
			item = txt(item, " ", user(asSentence(l.Why)), ".")
			if l.Unsettled {
				item = txt(item, r.unansweredFeeding(l))
			}
			items = append(items, item)
		}
		r.d.list(items...)
	}
	if len(r.res.Rules) > 0 {
		r.d.heading(3, txt("Rules"))
		var items []document.Text
		for _, rr := range r.res.Rules {
			// Its own sentence after the rule's reason, so capitalised.
			effect := txt("Not applied")
			if rr.Applied {
				effect = txt("Applied: ", user(rr.Target), fmt.Sprintf(" went from %s to %s", rr.Before, rr.After))
			}
			items = append(items, txt(strong(user(rr.Title)), ": ", user(rr.Why), ". ", effect, "."))
		}
		r.d.list(items...)
	}
}

func higherText(d assess.Direction) string {
	if d == assess.HigherBetter {
		return "better"
	}
	return "worse"
}

func sectionShare(s assess.SectionResult, dim string) string {
	for _, sd := range s.Dimensions {
		if sd.Dimension == dim {
			return sd.Points.String() + " of " + sd.Max.String()
		}
	}
	return "-"
}

func (r *reporter) risks() {
	m := r.q.RiskMatrix
	if m == nil || len(r.res.Risks) == 0 {
		return
	}
	r.d.heading(2, txt("Risk register"))
	var rows [][]document.Text
	plan := r.planItems()
	unused := 0
	for i, rr := range r.res.Risks {
		// Numbered by their place in the questionnaire, listed or not, so
		// that R7 is the same risk here and in the OSCAL documents.
		if r.placeLeftUnused(rr) {
			unused++
			continue
		}
		rows = append(rows, []document.Text{txt(fmt.Sprintf("R%d", i+1)), txt(user(rr.Title)), cellText(rr.Initial), cellText(rr.After),
			acceptCell(rr, plan)})
	}
	if len(rows) > 0 {
		r.d.table(cells("Risk", "Title", "As found", "After measures", "Acceptable"), rows)
	}
	switch {
	case unused == 1:
		r.d.para(txt("The questionnaire leaves room for one more risk the analyst names; it was left unrated, so no other risk is listed."))
	case unused > 1:
		r.d.para(txt(fmt.Sprintf("The questionnaire leaves room for %d more risks the analyst names; they were left unrated, so no other risk is listed.", unused)))
	}
	for i, rr := range r.res.Risks {
		if rose := rr.RaisedByMeasures(); len(rose) > 0 {
			r.d.para(txt(fmt.Sprintf("R%d (", i+1), user(rr.Title), ") is rated higher after the planned measures than as found: ",
				user(strings.Join(rose, "; ")), ". Planned measures do not make a risk more likely or its impact worse: check its ratings before deciding."))
		}
	}
	r.riskMeasures()
	for _, phase := range []assess.RiskPhase{assess.Initial, assess.After} {
		title := "Likelihood × impact, as found"
		if phase == assess.After {
			title = "Likelihood × impact, after planned measures"
		}
		r.d.heading(3, txt(title))
		r.d.figure(riskMapFigure(title, m, r.res.Risks, phase))
	}
}

// placeLeftUnused is a place the questionnaire leaves for a further risk
// the analyst names in the note, optional, left unrated and its note
// empty: the questionnaire asks for it to be left so when there is no
// such risk. One whose note names a risk is listed, rated or not.
// Listed, it read as a risk nobody had assessed, under the place's own
// title ("Another risk the analyst adds (named in the note)").
func (r *reporter) placeLeftUnused(rr assess.RiskResult) bool {
	q, ok := r.q.Question(rr.QuestionID)
	return ok && q.Optional && q.RiskDef != nil && q.RiskDef.NamedInNote && rr.Initial == nil && rr.After == nil &&
		strings.TrimSpace(r.a.Answers[rr.QuestionID].Note) == ""
}

func cellText(c *assess.RiskCell) document.Text {
	if c == nil {
		return txt("not rated")
	}
	return txt(c.Level.String()+" (likelihood ", user(c.LikelihoodName), ", impact ", user(c.ImpactName), ")")
}

// acceptCell says whether a risk is at an acceptable level after
// measures and, of one that is not, whether the committee accepted it
// all the same: "no" alone read as a risk nobody had accepted.
func acceptCell(rr assess.RiskResult, plan map[string]assess.PlanItem) document.Text {
	cell := txt(acceptText(rr))
	if it, ok := plan[rr.QuestionID]; ok && !rr.Acceptable && it.Status == assess.ItemAccepted && !it.Reopened && it.Acceptance != nil {
		cell = txt(cell, "; risk accepted by ", user(it.Acceptance.Approver), " ", acceptedUntil(*it.Acceptance))
	}
	return cell
}

func acceptText(rr assess.RiskResult) string {
	switch {
	case rr.Current == assess.SeverityNone:
		return "not rated"
	case rr.Acceptable:
		return "yes"
	}
	return "no"
}

// matrixTable draws the likelihood × impact grid with each risk's label in
// its cell; likelihood rows run from highest to lowest, as on a heat map.
func matrixTable(m *assess.RiskMatrix, risks []assess.RiskResult, phase assess.RiskPhase) *document.Table {
	header := cells("Likelihood \\ impact")
	for _, imp := range m.Impact {
		header = append(header, txt(user(imp)))
	}
	var rows [][]document.Text
	for l := len(m.Likelihood); l >= 1; l-- {
		row := []document.Text{txt(user(m.Likelihood[l-1]))}
		for i := 1; i <= len(m.Impact); i++ {
			cell := txt(m.Level(l, i).String())
			if labels := risksAt(risks, phase, l, i); len(labels) > 0 {
				cell = txt(cell, ": ", strong(strings.Join(labels, ", ")))
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return &document.Table{Header: header, Rows: rows}
}

// risksAt labels the risks rated at likelihood l and impact i in a phase.
func risksAt(risks []assess.RiskResult, phase assess.RiskPhase, l, i int) []string {
	var labels []string
	for n, rr := range risks {
		c := rr.Initial
		if phase == assess.After {
			c = rr.After
		}
		if c != nil && c.Likelihood == l && c.Impact == i {
			labels = append(labels, fmt.Sprintf("R%d", n+1))
		}
	}
	return labels
}

func (r *reporter) coverage() {
	if r.opts.Catalog == nil {
		return
	}
	var summary [][]document.Text
	var bars []document.CoverageBar
	type fwCov struct {
		fw  assess.Framework
		cov []assess.ControlCoverage
	}
	var all []fwCov
	touched, contextOnly, notRequired := 0, 0, 0
	for _, fw := range r.q.Frameworks() {
		cov := assess.Coverage(r.q, r.res, r.opts.Catalog, fw)
		s := assess.SummarizeCoverage(fw, cov)
		touched += s.Touched
		title := safetext.OneLine(r.opts.Catalog.Title(fw))
		row := []document.Text{txt(user(title)), txt(strconv.Itoa(s.Touched)), txt(strconv.Itoa(s.Met)), txt(strconv.Itoa(s.Partial)), txt(strconv.Itoa(s.Gap)), txt(strconv.Itoa(s.NotRequired)), txt(strconv.Itoa(s.Context)), txt(strconv.Itoa(s.Unanswered + s.NA))}
		summary = append(summary, row)
		contextOnly += s.Context
		notRequired += s.NotRequired
		bars = append(bars, document.CoverageBar{Name: title, Met: s.Met, Partial: s.Partial, Gap: s.Gap, Rest: s.NotRequired + s.Context + s.Unanswered + s.NA})
		all = append(all, fwCov{fw, cov})
	}
	if touched == 0 {
		return // no question maps to a control: a pre-screen
	}
	r.d.heading(2, txt("Framework coverage"))
	r.d.figure(&document.Figure{Caption: "Controls touched per framework, by status", Drawing: document.CoverageBars(bars)})
	head := cells("Framework", "Controls touched", "Met", "Partly met", "Gap", "Not required at this level", "Context only", "Not answered or N/A")
	// A column that would be zeros only raises the question what it is
	// for: Context only and Not required are left out when no control is.
	for _, col := range []struct{ at, n int }{{6, contextOnly}, {5, notRequired}} {
		if col.n > 0 {
			continue
		}
		head = slices.Delete(head, col.at, col.at+1)
		for i := range summary {
			summary[i] = slices.Delete(summary[i], col.at, col.at+1)
		}
	}
	r.d.table(head, summary)
	if notRequired > 0 {
		r.d.para(txt("Not required at this level: an answer behind the control shows its measure missing, but the questionnaire requires it only from a higher level than this assessment's, so it makes no finding; the control is not met."))
	}
	if contextOnly > 0 {
		r.d.para(txt("Context only: the answered questions behind the control only describe the situation, such as what data a vendor will hold, and score no gap either way; they show the control neither met nor a gap."))
	}
	for _, fc := range all {
		if len(fc.cov) == 0 {
			continue
		}
		r.d.heading(3, txt(user(r.opts.Catalog.Title(fc.fw))))
		var rows [][]document.Text
		for _, c := range fc.cov {
			var qs document.Text
			for n, q := range c.Questions {
				if n > 0 {
					qs = txt(qs, ", ")
				}
				qs = txt(qs, code(q.ID))
			}
			rows = append(rows, []document.Text{txt(code(c.Control.ID)), txt(user(c.Control.Name)), txt(string(c.Status)), qs})
		}
		r.d.table(cells("Control", "Name", "Status", "Questions"), rows)
	}
}

func (r *reporter) findings() {
	r.d.heading(2, txt("Findings"))
	if len(r.res.Findings) == 0 {
		r.d.para(txt("No findings: no answer shows a gap."))
		return
	}
	r.d.figure(severityFigure(r.res.Findings))
	labels := r.e.FindingLabels()
	plan := r.planItems()
	for _, f := range r.res.Findings {
		kind := "gap"
		if f.Partial {
			kind = "partial gap"
		}
		r.d.heading(3, txt(labels[f.Key]+". "+f.Severity.Title()+": ", code(f.QuestionID)))
		items := []document.Text{txt(strong("Question:"), " ", user(f.Question))}
		if qq, ok := r.a.Questionnaire.Question(f.QuestionID); ok && qq.Text != f.Question {
			// A risk named in its note goes by that name; the question
			// asked for any further risk.
			items = []document.Text{txt(strong("Risk:"), " ", user(f.Question)), txt(strong("Question:"), " ", user(qq.Text))}
		}
		items = append(items,
			txt(strong("Section:"), " ", user(f.Section)),
			txt(strong("Answer:"), " ", user(f.Answer), " ("+kind+")"),
			txt(strong("Severity:"), " "+f.Severity.String(), severityWhy(f)),
			txt(strong("Controls:"), " ", controlsText(f.Controls)),
		)
		it, inPlan := plan[f.Key]
		items = append(items, findingAction(f, it, inPlan))
		if inPlan {
			items = append(items, r.planLine(it))
		}
		if f.Note != "" {
			items = append(items, txt(strong("Note:"), " ", body(f.Note)))
		}
		if len(f.Evidence) > 0 {
			items = append(items, txt(strong("Evidence:"), " ", evidenceText(f.Evidence)))
		}
		r.d.list(items...)
	}
}

func severityWhy(f assess.Finding) document.Text {
	if len(f.SeverityWhy) == 0 {
		return nil
	}
	t := txt(" (")
	for i, w := range f.SeverityWhy {
		if i > 0 {
			t = txt(t, "; ")
		}
		t = txt(t, user(w))
	}
	return txt(t, ")")
}

func controlsText(c assess.Controls) document.Text {
	var t document.Text
	for _, fw := range c.Frameworks() {
		if ids := c[fw]; len(ids) > 0 {
			if t != nil {
				t = txt(t, "; ")
			}
			t = txt(t, user(fw.Title()), " ")
			for i, id := range ids {
				if i > 0 {
					t = txt(t, ", ")
				}
				t = txt(t, code(id))
			}
		}
	}
	if t == nil {
		return txt("none mapped")
	}
	return t
}

// evidenceText is an answer's references: one as written; two or more
// each after its number in italics, our mark, since a reference may hold
// "; " and read as two.
func evidenceText(ev []string) document.Text {
	if len(ev) == 1 {
		return body(ev[0])
	}
	// Appended to, not rebuilt by txt per reference: a vendor's file may
	// list any number (TestEvidenceListGrowsLinearly).
	var t document.Text
	for i, e := range ev {
		if i > 0 {
			t = append(t, document.Span{Text: "; "})
		}
		t = append(t, emph(fmt.Sprintf("%d.", i+1)), document.Span{Text: " "})
		t = append(t, body(e)...)
	}
	return t
}

func (r *reporter) plan() {
	r.d.heading(2, txt("Remediation plan"))
	if len(r.e.Plan) == 0 {
		r.d.para(txt("Nothing to remediate."))
		return
	}
	r.d.figure(r.timelineFigure())
	labels := r.e.FindingLabels()
	var rows [][]document.Text
	for _, it := range r.e.Plan {
		who := owner(it)
		status := txt(it.EffectiveStatus().Words())
		if it.Reopened {
			status = txt(status, " (risk acceptance expired)")
		} else if on, ok := r.acceptedOn(it); ok && !on.IsZero() {
			status = txt(status, " on "+on.String())
			if r.opts.Today.Before(on) {
				status = txt(status, ", after this report's date")
			}
		}
		if it.Overdue(r.opts.Today) {
			status = txt(status, ", ", strong("overdue"))
		}
		rows = append(rows, []document.Text{txt(labels[it.Key()]), txt(it.Finding.Severity.String()), txt(body(it.Action)), who, dueCell(it), status,
			milestonesCell(it, r.opts.Today)})
	}
	r.d.table(cells("Finding", "Severity", "Action", "Owner", "Due", "Status", "Milestones"), rows)
}

// dueCell is an item's due date for the plan table and, when it was
// moved, our words in italics on a line of their own saying from when,
// then the reason as typed: "(moved from DATE: reason)" let a reason
// holding ")" or "moved from" read as a second move. A default due date
// that is the day the answer lapses on (a certificate's expiry) says so
// the same way, with the questionnaire's words for the lapse set as
// typed, so that the committee does not take it for the severity's.
func dueCell(it assess.PlanItem) document.Text {
	due := txt(it.Due.String())
	moved := it.Due != it.DefaultDue || it.DueReason != ""
	if !moved && !it.DueOnLapse {
		return due
	}
	due = txt(due, document.Span{Text: document.LineBreak, Style: document.Break})
	if !moved {
		return txt(due, emph("due by:"), " ", body(it.Finding.Lapse), "; ",
			emph(fmt.Sprintf("the %s severity's deadline of %d days would end on %s", it.Finding.Severity, it.SeverityDays, it.SeverityDue)))
	}
	move := "moved from " + it.DefaultDue.String()
	if it.DueOnLapse {
		due = txt(due, emph(move+", due by:"), " ", body(it.Finding.Lapse))
		if safetext.OneLine(it.DueReason) == "" {
			return due
		}
		return txt(due, "; ", emph("reason:"), " ", body(it.DueReason))
	}
	if safetext.OneLine(it.DueReason) == "" {
		return txt(due, emph(move))
	}
	return txt(due, emph(move+"; reason:"), " ", body(it.DueReason))
}

func (r *reporter) accepted() {
	var rows [][]document.Text
	labels := r.e.FindingLabels()
	for _, it := range r.e.Plan {
		if it.Status != assess.ItemAccepted || it.Acceptance == nil {
			continue
		}
		state := "in force"
		if it.Reopened {
			state = "expired: reopened"
		}
		a := it.Acceptance
		row := []document.Text{txt(labels[it.Key()]), txt(it.Finding.Severity.String()), txt(user(a.Approver))}
		if on, ok := r.acceptedOn(it); ok {
			day := "not recorded"
			if !on.IsZero() {
				day = on.String()
			}
			if !it.Reopened && r.opts.Today.Before(on) {
				// --as-of an earlier day: the plan is judged on it as
				// the record stands, which this acceptance is part of;
				// the committee reads that it was given after.
				state = "in force; accepted after this report's date"
			}
			row = append(row, txt(day))
		}
		rows = append(rows, append(row, txt(body(a.Reason)), txt(a.Expires.String()), txt(state)))
	}
	r.d.heading(2, txt("Accepted risks"))
	if len(rows) == 0 {
		r.d.para(txt("No risks have been accepted."))
		return
	}
	header := []string{"Finding", "Severity", "Approved by", "Reason", "Expires", "State"}
	if r.opts.AcceptedOn != nil {
		header = slices.Insert(header, 3, "Accepted on")
	}
	r.d.table(cells(header...), rows)
}

// acceptedOn is the day an accepted risk's acceptance was recorded (the
// zero Date when the trail does not date it), and false for an item not
// accepted or a report without the days.
func (r *reporter) acceptedOn(it assess.PlanItem) (assess.Date, bool) {
	if r.opts.AcceptedOn == nil || it.Status != assess.ItemAccepted || it.Acceptance == nil {
		return assess.Date{}, false
	}
	return r.opts.AcceptedOn[it.Key()], true
}

func (r *reporter) appendix() {
	r.d.heading(2, txt("Appendix: every question and answer"))
	for si, s := range r.q.Sections {
		r.d.heading(3, txt(fmt.Sprintf("A%d. ", si+1), user(Truncate(s.Title, 60))))
		var items []document.Text
		for _, qq := range s.Questions {
			qr := r.res.Questions[qq.Index]
			a := r.a.Answers[qq.ID]
			answer := txt(user(qr.Answer))
			if !qr.Answered {
				answer = txt(emph("unanswered"))
			}
			item := txt(code(qq.ID), " ", user(qq.Text), " ", strong("Answer:"), " ", endSentence(answer), " ", strong("Status:"), " "+string(qr.Status)+".")
			if qr.Dimension != "" && qr.Visible && qr.Status != assess.StatusNA {
				item = txt(item, " ", strong(r.pointsOf(qr.Dimension), ":"), fmt.Sprintf(" %s of %s.", qr.Points, qr.Max))
			}
			if a.Note != "" {
				item = txt(item, " ", strong("Note:"), " ", body(a.Note))
			}
			if len(a.Evidence) > 0 {
				item = txt(item, after(item), strong("Evidence:"), " ", evidenceText(a.Evidence))
			}
			if a.Source == assess.ByVendor {
				reviewed := "not yet reviewed"
				if a.Reviewed {
					reviewed = "reviewed"
				}
				item = txt(item, after(item), strong("Source:"), " vendor, "+reviewed+".")
			}
			items = append(items, item)
		}
		r.d.numbered(items...)
	}
}

// pointsOf names what a question's points count: its dimension's title,
// as the Scores tables name it. "Points: 0 of 2" beside an answer met
// read as a failing mark where the dimension counts gaps; "Control gaps:
// 0 of 2" reads the right way whichever way the dimension runs.
func (r *reporter) pointsOf(dimension string) document.Span {
	if d, ok := r.q.Dimension(dimension); ok && strings.TrimSpace(d.Title) != "" {
		return user(d.Title)
	}
	return document.Span{Text: "Points"}
}

// endSentence ends text with a full stop unless it already ends with
// punctuation.
func endSentence(t document.Text) document.Text {
	s := t.String()
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return t
	}
	return txt(t, ".")
}

// unansweredFeeding names, for a level not rated yet that is banded on a
// dimension, the unanswered questions of that dimension counted as their
// worst answers: what the reader must answer to settle it. A level read
// from a matrix names the levels it reads, which name their own.
func (r *reporter) unansweredFeeding(l assess.LevelResult) document.Text {
	def, ok := r.q.Level(l.ID)
	if !ok || def.Dimension == "" {
		return txt()
	}
	var ids []document.Text
	for _, qr := range r.res.Questions {
		if qr.Status == assess.StatusUnanswered && qr.Dimension == def.Dimension {
			ids = append(ids, txt(code(qr.ID)))
		}
	}
	if len(ids) == 0 {
		return txt()
	}
	out := txt(" Unanswered and counted as their worst: ")
	if len(ids) == 1 {
		out = txt(" Unanswered and counted as its worst: ")
	}
	// A blank checklist has a hundred: the first few say where to start,
	// the appendix lists them all.
	const named = 5
	for i, id := range ids[:min(len(ids), named)] {
		if i > 0 {
			out = txt(out, ", ")
		}
		out = txt(out, id)
	}
	if len(ids) > named {
		out = txt(out, fmt.Sprintf(" and %d more, listed in the appendix", len(ids)-named))
	}
	return txt(out, ".")
}
