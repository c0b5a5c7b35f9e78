package export

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// OSCALAssessmentResults writes an evaluation as OSCAL assessment results,
// judged on day today: one result with an observation per answered
// question, a finding per control the answers touch (satisfied when its
// questions show no gap), the plan's findings and risks as the POA&M has
// them, and the controls reviewed. Its UUIDs derive from the assessment's
// like the POA&M's, and an observation, finding or risk has the same UUID
// in both documents; the back matter names the POA&M's UUID. With a pin,
// the metadata records the assessment's audit history, and stamps date
// the risk logs, as the POA&M's.
func OSCALAssessmentResults(ev *assess.Evaluation, today assess.Date, cat *assess.Catalog, pin *ledger.Pin, stamps assess.PlanStamps) ([]byte, error) {
	w := newOSCALWriter(ev, today, pin, stamps)
	a, q, res := ev.Assessment, ev.Assessment.Questionnaire, ev.Result

	// The questions with a plan item: their observations are findings,
	// as in the POA&M, and their risks relate to the controls they map to.
	inPlan := map[string]bool{}
	for _, it := range ev.Plan {
		inPlan[it.Finding.QuestionID] = true
	}
	var observations []any
	for i, qq := range q.Questions {
		qr := res.Questions[i]
		if !qr.Visible || !qr.Answered {
			continue
		}
		ans := a.Answers[qq.ID]
		obs := w.observation(qq.ID, qq.Text, qr.Answer, ans.Note, ans.Evidence)
		if !inPlan[qq.ID] {
			obs["types"] = []string{"control-objective"}
		}
		observations = append(observations, obs)
	}
	observations = append(observations, w.disagreementObservations(res.Disagreements)...)

	var findings, selections []any
	for _, fw := range q.Frameworks() {
		cov := assess.Coverage(q, res, cat, fw)
		if len(cov) == 0 {
			continue
		}
		var include []any
		for _, cc := range cov {
			include = append(include, map[string]any{"control-id": controlToken(cc.Control.ID)})
			if f := w.controlFinding(cat.Title(fw), fw, cc, inPlan); f != nil {
				findings = append(findings, f)
			}
		}
		if len(include) > 0 {
			selections = append(selections, map[string]any{
				"description": markup(cat.Title(fw)), "props": []any{prop("framework", string(fw))}, "include-controls": include,
			})
		}
	}
	if len(selections) == 0 {
		selections = []any{map[string]any{
			"description": "The questionnaire maps its questions to no framework control: its own questions are the objectives.",
			"include-all": map[string]any{},
		}}
	}
	var risks []any
	for _, it := range ev.Plan {
		findings = append(findings, w.questionFinding(it.Finding))
		risks = append(risks, w.risk(it))
	}
	registerRisks, _ := w.unplannedRegisterRisks() // their observations are among the answers'
	risks = append(risks, registerRisks...)

	result := map[string]any{
		"uuid":              w.id("result"),
		"title":             markup(line(fmt.Sprintf("%s of %s", q.Title, a.Subject))),
		"description":       markup(fmt.Sprintf("The answers to questionnaire %s version %s about %s, assessed on %s, as of %s.", q.ID, q.Version, a.Subject, a.AssessedOn, today)),
		"start":             dayTime(a.AssessedOn, false),
		"props":             resultProps(ev),
		"reviewed-controls": map[string]any{"control-selections": selections},
	}
	if len(observations) > 0 {
		result["observations"] = observations
	}
	if len(findings) > 0 {
		result["findings"] = findings
	}
	if len(risks) > 0 {
		result["risks"] = risks
	}
	questionnaireRef := w.id("resource/questionnaire")
	doc := map[string]any{"assessment-results": map[string]any{
		"uuid":     w.id("assessment-results"),
		"metadata": w.metadata("Assessment results"),
		"import-ap": map[string]any{
			"href":    "#" + questionnaireRef,
			"remarks": "assay has no separate assessment plan: the questionnaire the assessment pinned is the plan.",
		},
		"results": []any{result},
		"back-matter": map[string]any{"resources": []any{
			map[string]any{
				"uuid": questionnaireRef, "title": markup(line(fmt.Sprintf("Questionnaire: %s, version %s", q.Title, q.Version))),
				"description": markup(fmt.Sprintf("assay questionnaire %s version %s, SHA-256 %s.", q.ID, q.Version, q.Digest)),
				"props":       []any{prop("questionnaire", q.ID), prop("questionnaire-version", q.Version), prop("questionnaire-digest", q.Digest)},
			},
			map[string]any{
				"uuid": w.id("resource/poam"), "title": "Plan of action and milestones",
				"description": "The OSCAL plan of action and milestones of this assessment (assay report --format oscal-poam), " +
					"document " + w.id("poam") + ". Its observations, findings and risks have the UUIDs they have here.",
				"props": []any{prop("poam-uuid", w.id("poam"))},
			},
		}},
	}}
	return marshalOSCAL(doc)
}

// oscalToken is OSCAL's token datatype, which control IDs must match.
// It is compiled on first use: its Unicode classes took 1.5 ms of every
// assay command's start.
var oscalToken = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$`)
})

// controlToken is a control ID as OSCAL's token type allows it: as it is
// when it is one, else with each character a token cannot hold made "_",
// and "_" before one that cannot start it, so that a catalog numbering its
// controls (5.1) still has them in the results. The finding gives the ID
// itself as its control property.
func controlToken(id string) string {
	if oscalToken().MatchString(id) {
		return id
	}
	var b strings.Builder
	for _, r := range id {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '.' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	t := b.String()
	if r, _ := utf8.DecodeRuneInString(t); t == "" || !(unicode.IsLetter(r) || r == '_') {
		t = "_" + t
	}
	return t
}

// controlFinding is what the answers show about one control: satisfied
// when its questions show no gap, not satisfied when one shows a gap (or
// a partial gap, or a gap not required at this level), and no finding at all while its questions are
// unanswered or not applicable, or only give context (what data a vendor
// holds says nothing of whether the control is satisfied).
func (w *oscalWriter) controlFinding(title string, fw assess.Framework, cc assess.ControlCoverage, riskOf map[string]bool) map[string]any {
	state, reason := "", ""
	switch cc.Status {
	case assess.CoverageMet:
		state, reason = "satisfied", "pass"
	case assess.CoverageGap:
		state, reason = "not-satisfied", "fail"
	case assess.CoverageNotRequired:
		// The measure is missing, though not required at this level:
		// not satisfied, and not a failure the questionnaire counts.
		state, reason = "not-satisfied", "other"
	case assess.CoveragePartial:
		state, reason = "not-satisfied", "other" // met so far, some questions unanswered or not required
		for _, qr := range cc.Questions {
			if qr.Status == assess.StatusPartial {
				reason = "fail"
			}
		}
	default:
		return nil
	}
	var related, risks []any
	var behind []string
	for _, qr := range cc.Questions {
		behind = append(behind, fmt.Sprintf("%s (%s)", qr.ID, qr.CoverageWord()))
		if qr.Answered {
			related = append(related, map[string]any{"observation-uuid": w.id("observation/" + qr.ID)})
		}
		if riskOf[qr.ID] {
			risks = append(risks, map[string]any{"risk-uuid": w.id("risk/" + qr.ID)})
		}
	}
	name := cc.Control.ID
	if cc.Control.Name != "" {
		name += " " + cc.Control.Name
	}
	props := []any{prop("framework", string(fw)), prop("coverage", string(cc.Status))}
	if controlToken(cc.Control.ID) != cc.Control.ID {
		props = append(props, prop("control", cc.Control.ID))
	}
	f := map[string]any{
		"uuid":        w.id("finding/control/" + string(fw) + "/" + cc.Control.ID),
		"title":       markup(line(fmt.Sprintf("%s %s: %s", title, name, cc.Status))),
		"description": markup(fmt.Sprintf("%s control %s is %s, from the answers to %s.", title, name, cc.Status, strings.Join(behind, ", "))),
		"props":       props,
		"target": map[string]any{
			"type": "objective-id", "target-id": controlToken(cc.Control.ID),
			"status": map[string]any{"state": state, "reason": reason},
		},
	}
	if len(related) > 0 {
		f["related-observations"] = related
	}
	if len(risks) > 0 {
		f["related-risks"] = risks
	}
	return f
}

// resultProps says whether the result is complete and, when there is one,
// the headline level.
func resultProps(ev *assess.Evaluation) []any {
	res := ev.Result
	complete := "false"
	if res.Complete {
		complete = "true"
	}
	props := []any{
		prop("complete", complete),
		prop("questions-answered", fmt.Sprintf("%d of %d", res.Answered, res.Total)),
		prop("scoring-version", res.ScoringVersion),
	}
	switch o := res.Outcome; {
	case o == nil || o.Level == "":
	case o.Unsettled:
		// Not rated yet: the level is the unanswered questions' worst
		// case, which a reader of "level" would take for the result.
		props = append(props, prop("level", "not-rated-yet"), prop("level-worst-case", o.Level), prop("level-best-case", o.BestCase))
	default:
		props = append(props, prop("level", o.Level))
	}
	return props
}
