package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// A risk of the register (a risk question, rated as found and after the
// planned measures) carries its planned measures and the plan items that
// carry them out, as the committee report's "Planned measures" list says
// them. In OSCAL the measures are a planned remediation of the risk
// (risk.remediations), naming its plan items; each of those items' POA&M
// items names the risk among its related-risks. A register risk rated
// acceptable makes no plan item and so had no OSCAL risk at all: with
// measures or plan items it is a risk of its own here, as it is in the
// report, or a tool reading the documents could not tell that its low
// rating rests on work someone still has to do.

// register is the evaluation's risk register; none for an evaluation
// without a result (a plan made by hand, as tests make one).
func (w *oscalWriter) register() []assess.RiskResult {
	if w.ev.Result == nil {
		return nil
	}
	return w.ev.Result.Risks
}

// registerRisk is the register's entry for question key, when the
// question is a risk.
func (w *oscalWriter) registerRisk(key string) (assess.RiskResult, bool) {
	for _, rr := range w.register() {
		if rr.QuestionID == key {
			return rr, true
		}
	}
	return assess.RiskResult{}, false
}

// hasMeasures reports whether a register risk has planned measures or
// plan items to say.
func hasMeasures(rr assess.RiskResult) bool { return rr.Measures != "" || len(rr.PlanItems) > 0 }

// measuresRemediation is a register risk's planned measures as a planned
// remediation: the measures as typed, a plan-item property per item they
// rely on, and remarks naming each item by the report's label and where
// it stands. Nil when the risk has neither measures nor plan items.
func (w *oscalWriter) measuresRemediation(rr assess.RiskResult) map[string]any {
	if !hasMeasures(rr) {
		return nil
	}
	description := "Measures not described: the plan items named in the remarks carry them out."
	if rr.Measures != "" {
		description = markup(rr.Measures)
	}
	props := []any{prop("response-type", "mitigate")}
	var named []string
	for _, key := range rr.PlanItems {
		props = append(props, prop("plan-item", key))
		named = append(named, w.planItemState(key))
	}
	remediation := map[string]any{
		"uuid": w.id("remediation/" + rr.QuestionID + "/measures"), "lifecycle": "planned", "title": "Planned measures",
		"description": description, "props": props,
	}
	if len(named) > 0 {
		remediation["remarks"] = "Carried out by plan items: " + strings.Join(named, "; ") + "."
	}
	return remediation
}

// planItemState names a plan item a risk's measures rely on, by its
// finding's label and key, and says where it stands as the report's
// planned measures do (oscalStanding); an item no longer in the plan (its question no
// longer a finding) is said to be so.
func (w *oscalWriter) planItemState(key string) string {
	it, ok := w.planItem(key)
	if !ok {
		return markup(key) + " (no longer a finding, so not in the plan)"
	}
	name := markup(key)
	if label := w.labels[key]; label != "" {
		name = label + " " + name
	}
	return name + " (" + oscalStanding(it.StandingOn(w.today)) + ")"
}

// oscalStanding says where a plan item stands (assess.Standing, on the
// document's day) for OSCAL remarks, as the committee report does but
// with statuses as stored, as every format a program reads keeps them
// (the CSV's words for an expired acceptance): "open, due 2026-03-02,
// overdue", "risk-accepted by CISO until 2027-12-31", "open (risk
// acceptance expired), due 2026-03-02, overdue". OSCAL has no field for
// either: a risk's status has deviation-approved for an accepted risk but
// nothing for a deadline passed, and remarks are where its model puts what
// a person reads.
func oscalStanding(st assess.Standing) string {
	var s string
	switch st.State {
	case assess.StandingAccepted:
		return fmt.Sprintf("%s by %s until %s", assess.ItemAccepted, markup(st.Acceptance.Approver), st.Acceptance.Expires)
	case assess.StandingDone:
		s = string(assess.ItemDone)
	case assess.StandingReopened:
		s = string(assess.ItemOpen) + " (risk acceptance expired), due " + st.Due.String()
	case assess.StandingInProgress:
		s = string(assess.ItemInProgress) + ", due " + st.Due.String()
	default:
		s = string(assess.ItemOpen) + ", due " + st.Due.String()
	}
	if st.Overdue {
		s += ", overdue"
	}
	return s
}

func (w *oscalWriter) planItem(key string) (assess.PlanItem, bool) {
	for _, it := range w.ev.Plan {
		if it.Key() == key {
			return it, true
		}
	}
	return assess.PlanItem{}, false
}

// risksRelyingOn are the register risks whose planned measures plan item
// key carries out, as related-risks of its POA&M item.
func (w *oscalWriter) risksRelyingOn(key string) []any {
	var out []any
	for _, rr := range w.register() {
		if rr.QuestionID != key && slices.Contains(rr.PlanItems, key) {
			out = append(out, map[string]any{"risk-uuid": w.id("risk/" + rr.QuestionID)})
		}
	}
	return out
}

// unplannedRegisterRisks are the register risks with planned measures or
// plan items that are no finding (rated acceptable), so have no plan item
// and no OSCAL risk of their own: each as a risk, with its observation
// for the POA&M, which has observations of plan items only.
func (w *oscalWriter) unplannedRegisterRisks() (risks, observations []any) {
	a := w.ev.Assessment
	for i, rr := range w.register() {
		if !hasMeasures(rr) {
			continue
		}
		if _, planned := w.planItem(rr.QuestionID); planned {
			continue
		}
		qq, ok := a.Questionnaire.Question(rr.QuestionID)
		if !ok {
			continue
		}
		ans := a.Answers[rr.QuestionID]
		answer := ""
		if qr := w.ev.Result.Questions; qq.Index < len(qr) {
			answer = qr[qq.Index].Answer
		}
		// Typed as the assessment results type the observation of a
		// question with no plan item, so that the two documents give it
		// the same content under the same UUID.
		obs := w.observation(rr.QuestionID, qq.Text, answer, ans.Note, ans.Evidence)
		obs["types"] = []string{"control-objective"}
		observations = append(observations, obs)
		risks = append(risks, w.unplannedRisk(rr, i+1, qq.Text))
	}
	return risks, observations
}

// unplannedRisk is a register risk rated acceptable, with its ratings as
// facets, its planned measures as its remediation, and its status as
// measuresStatus says it.
func (w *oscalWriter) unplannedRisk(rr assess.RiskResult, number int, question string) map[string]any {
	return map[string]any{
		"uuid": w.id("risk/" + rr.QuestionID), "title": markup(line(fmt.Sprintf("R%d. %s", number, rr.Title))),
		"description": markup(question), "statement": markup(riskStatement(rr)),
		"status":               w.measuresStatus(rr),
		"characterizations":    []any{map[string]any{"origin": w.origin, "facets": riskFacets(rr)}},
		"remediations":         []any{w.measuresRemediation(rr)},
		"related-observations": []any{map[string]any{"observation-uuid": w.id("observation/" + rr.QuestionID)}},
	}
}

// measuresStatus is a register risk's OSCAL status as the plan items its
// measures rely on stand, read with OSCAL's meanings: remediating is
// "remediation activities are underway, but are not yet complete", so an
// item in progress, or one done while another still needs work; closed
// is "the risk has been resolved", so every item done; otherwise open,
// "the risk has been identified". Items nobody has started are open, as
// each one's own risk in the same document is: remediating read the
// register risk as further along than the work that carries it. Open too
// when an item the measures rely on is an accepted risk and the rest are
// done (the acceptance is of that item's own risk, deviation-approved;
// nobody accepted this one, and its rating after measures assumes work
// that will not be done), or is no longer in the plan (the plan no longer
// tracks that measure, so nothing says it was carried out).
func (w *oscalWriter) measuresStatus(rr assess.RiskResult) string {
	started, needsWork, done := false, false, 0
	for _, key := range rr.PlanItems {
		it, ok := w.planItem(key)
		if !ok {
			continue
		}
		switch st := it.StandingOn(w.today); {
		case st.State == assess.StandingInProgress:
			started, needsWork = true, true
		case st.State == assess.StandingDone:
			started = true
			done++
		case st.NeedsWork():
			needsWork = true
		}
	}
	switch {
	case started && needsWork:
		return "remediating"
	case len(rr.PlanItems) > 0 && done == len(rr.PlanItems):
		return "closed"
	}
	return "open"
}

// riskStatement says a register risk's ratings, as found and after the
// planned measures.
func riskStatement(rr assess.RiskResult) string {
	s := "A risk of the register"
	if c := rr.Initial; c != nil {
		s += fmt.Sprintf(", rated likelihood %s, impact %s (%s) as found", text(c.LikelihoodName), text(c.ImpactName), c.Level)
	}
	if c := rr.After; c != nil {
		s += fmt.Sprintf("; after the planned measures, likelihood %s, impact %s (%s)", text(c.LikelihoodName), text(c.ImpactName), c.Level)
	}
	if rr.Acceptable {
		s += "; within the acceptable level"
	}
	return s + "."
}

// riskFacets are a register risk's level and ratings, named as a plan
// item's risk names them.
func riskFacets(rr assess.RiskResult) []any {
	facets := []any{facet("severity", rr.Current.String())}
	if c := rr.Initial; c != nil {
		facets = append(facets, facet("likelihood", c.LikelihoodName), facet("impact", c.ImpactName))
	}
	if c := rr.After; c != nil {
		facets = append(facets, facet("adjusted-likelihood", c.LikelihoodName), facet("adjusted-impact", c.ImpactName))
	}
	return facets
}
