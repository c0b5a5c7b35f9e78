package export

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

// OSCALVersion is the OSCAL release the POA&M follows; the schema it is
// tested against is in cmd/assay/testdata/oscal.
const OSCALVersion = "1.2.2"

// assayNS names assay's own properties, as OSCAL asks of extensions.
const assayNS = "https://github.com/assay-dev/assay/ns/oscal"

// ErrNoPlan is returned for an assessment with no remediation items: an
// OSCAL POA&M needs at least one.
var ErrNoPlan = errors.New("the assessment has no remediation items, so there is no plan of action and milestones to write (an OSCAL POA&M needs at least one item)")

// OSCALPOAM writes the remediation plan as an OSCAL plan of action and
// milestones, judged on day today: an observation and a finding per gap
// (with the controls it affects), a risk per plan item (deadline, status,
// severity and likelihood × impact, the remediation with its milestones
// as tasks, a dated risk log) and a POA&M item linking them. Every UUID is
// a version 5 UUID derived from the assessment's UUID, so the same
// assessment always gives the same document. With a pin, the metadata
// records the assessment's audit history as it was (oscal_record.go).
// stamps are who set each field of each item last and when, as the trail
// says: the risk log dates a moved deadline and an accepted risk by them.
func OSCALPOAM(ev *assess.Evaluation, today assess.Date, pin *ledger.Pin, stamps assess.PlanStamps) ([]byte, error) {
	if len(ev.Plan) == 0 {
		return nil, ErrNoPlan
	}
	w := newOSCALWriter(ev, today, pin, stamps)
	a := ev.Assessment
	var observations, risks, findings, items []any
	for _, it := range ev.Plan {
		f := it.Finding
		key := f.Key
		// The observation is of the answer to the question asked, as in the
		// assessment results; the finding may go by another name (a risk
		// named in its note).
		asked := f.Question
		if qq, ok := a.Questionnaire.Question(f.QuestionID); ok {
			asked = qq.Text
		}
		observations = append(observations, w.observation(key, asked, f.Answer, f.Note, f.Evidence))
		findings = append(findings, w.questionFinding(f))
		risks = append(risks, w.risk(it))
		items = append(items, w.poamItem(it))
	}
	registerRisks, registerObservations := w.unplannedRegisterRisks()
	observations = append(observations, registerObservations...)
	risks = append(risks, registerRisks...)
	doc := map[string]any{"plan-of-action-and-milestones": map[string]any{
		"uuid":         w.id("poam"),
		"metadata":     w.metadata("Plan of action and milestones"),
		"system-id":    map[string]any{"identifier-type": "http://ietf.org/rfc/rfc4122", "id": a.UUID},
		"observations": observations,
		"risks":        risks,
		"findings":     findings,
		"poam-items":   items,
	}}
	return marshalOSCAL(doc)
}

// poamItem is plan item it as a POA&M item, linking its finding,
// observation and risk, and the register risks whose measures it carries
// out. It says where the item stands as the committee report does
// (assess.Standing on the document's day): in its remarks
// (oscalStanding), and by an overdue property, as its risk has, when its
// deadline has passed; its status property keeps the stored status.
func (w *oscalWriter) poamItem(it assess.PlanItem) map[string]any {
	f, key := it.Finding, it.Key()
	st := it.StandingOn(w.today)
	props := []any{prop("severity", f.Severity.String()), prop("status", string(it.EffectiveStatus()))}
	if st.Overdue {
		props = append(props, prop("overdue", "true"))
	}
	return map[string]any{
		"uuid": w.id("poam-item/" + key), "title": markup(truncate(text(it.Action), 120)),
		"description":          markup(it.Action),
		"props":                props,
		"related-findings":     []any{map[string]any{"finding-uuid": w.id("finding/" + key)}},
		"related-observations": []any{map[string]any{"observation-uuid": w.id("observation/" + key)}},
		"related-risks":        append([]any{map[string]any{"risk-uuid": w.id("risk/" + key)}}, w.risksRelyingOn(key)...),
		"remarks":              oscalStanding(st) + ".",
	}
}

// oscalWriter holds what every OSCAL document of one evaluation shares:
// the UUIDs derived from the assessment's, the assessor as a party, and
// the way an answer, a gap and a plan item are written. The POA&M and the
// assessment results use the same UUIDs for the same observation, finding
// and risk, so that a tool reading both can join them.
type oscalWriter struct {
	ev     *assess.Evaluation
	today  assess.Date
	id     func(name string) string
	origin map[string]any
	pin    *ledger.Pin       // the audit history the document pins, if any
	labels map[string]string // F1, F2, … as the report numbers the findings
	stamps assess.PlanStamps // when each field of each plan item was set last
	// acceptedOn is the day each accepted risk was accepted, on this
	// machine's calendar, as the report dates it (assess.AcceptedOn).
	acceptedOn map[string]assess.Date
}

func newOSCALWriter(ev *assess.Evaluation, today assess.Date, pin *ledger.Pin, stamps assess.PlanStamps) *oscalWriter {
	w := &oscalWriter{ev: ev, today: today, id: uuidGen(ev.Assessment.UUID), pin: pin, labels: ev.FindingLabels(), stamps: stamps,
		acceptedOn: assess.AcceptedOn(ev, stamps)}
	w.origin = map[string]any{"actors": []any{map[string]any{"type": "party", "actor-uuid": w.id("party/assessor")}}}
	return w
}

// metadata is the document's metadata; kind ends its title.
func (w *oscalWriter) metadata(kind string) map[string]any {
	a, q := w.ev.Assessment, w.ev.Assessment.Questionnaire
	assessor := strings.TrimSpace(safetext.OneLine(a.Reviewer))
	if assessor == "" {
		assessor = "Assessor"
	}
	lastModified := a.UpdatedAt.UTC()
	if lastModified.IsZero() {
		lastModified = a.CreatedAt.UTC()
	}
	return map[string]any{
		"title":         markup(line(fmt.Sprintf("%s: %s. %s", q.Title, a.Subject, kind))),
		"last-modified": lastModified.Format("2006-01-02T15:04:05Z07:00"),
		"version":       fmt.Sprintf("%s as of %s", line(q.Version), w.today),
		"oscal-version": OSCALVersion,
		"props": append([]any{prop("questionnaire", q.ID), prop("questionnaire-version", q.Version), prop("questionnaire-digest", q.Digest),
			prop("assessed-on", a.AssessedOn.String())}, recordProps(w.pin)...),
		"parties": []any{map[string]any{"uuid": w.id("party/assessor"), "type": "person", "name": assessor}},
	}
}

// observation is what the answer to question key showed.
func (w *oscalWriter) observation(key, question, answer, note string, evidence []string) map[string]any {
	a := w.ev.Assessment
	// Collected when the answer was recorded: its stored time is its audit
	// record's (verify holds it so). An answer stored without a time (an
	// older row) was collected on the assessment's day.
	collected := dayTime(a.AssessedOn, false)
	if at := a.Answers[key].UpdatedAt; !at.IsZero() {
		collected = instant(at)
	}
	remarks := "Answer: " + markup(answer)
	if note != "" {
		remarks += "\n\nNote: " + markup(note)
	}
	if len(evidence) > 0 {
		remarks += "\n\nEvidence: " + markup(strings.Join(evidence, "; "))
	}
	method := "INTERVIEW"
	if len(evidence) > 0 {
		method = "EXAMINE"
	}
	return map[string]any{
		"uuid": w.id("observation/" + key), "title": markup("Answer to " + key), "description": markup(question),
		"methods": []string{method}, "types": []string{"finding"},
		"collected": collected, "remarks": remarks,
	}
}

// questionFinding is a gap of the plan: the question not satisfied, with
// the controls it affects, titled with the report's number for it.
func (w *oscalWriter) questionFinding(f assess.Finding) map[string]any {
	var props []any
	for _, fw := range f.Controls.Frameworks() {
		for _, c := range f.Controls[fw] {
			props = append(props, prop(string(fw)+"-control", c))
		}
	}
	props = append(props, prop("severity", f.Severity.String()), prop("question", f.Key), prop("section", text(f.Section)))
	return map[string]any{
		"uuid": w.id("finding/" + f.Key), "title": markup(fmt.Sprintf("%s. %s: %s", w.labels[f.Key], f.Severity.Title(), f.Key)), "description": markup(f.Question),
		"props": props,
		"target": map[string]any{
			"type": "objective-id", "target-id": f.Key,
			"status": map[string]any{"state": "not-satisfied", "reason": "fail"},
		},
		"related-observations": []any{map[string]any{"observation-uuid": w.id("observation/" + f.Key)}},
		"related-risks":        []any{map[string]any{"risk-uuid": w.id("risk/" + f.Key)}},
	}
}

// risk is a plan item as an OSCAL risk: deadline, status, severity and
// likelihood × impact, the remediation with its milestones as tasks, and a
// dated risk log.
func (w *oscalWriter) risk(it assess.PlanItem) map[string]any {
	a, q := w.ev.Assessment, w.ev.Assessment.Questionnaire
	f := it.Finding
	key := f.Key
	st := it.StandingOn(w.today) // as the report says it
	id := w.id
	ans := a.Answers[f.QuestionID]
	facets := []any{facet("severity", f.Severity.String())}
	if r := ans.Value.Risk; r != nil && r.InitialRated() && q.RiskMatrix != nil {
		facets = append(facets,
			facet("likelihood", q.RiskMatrix.Likelihood[r.Likelihood-1]), facet("impact", q.RiskMatrix.Impact[r.Impact-1]))
		if r.AfterRated() {
			facets = append(facets,
				facet("adjusted-likelihood", q.RiskMatrix.Likelihood[r.AfterLikelihood-1]), facet("adjusted-impact", q.RiskMatrix.Impact[r.AfterImpact-1]))
		}
	}
	remediation := map[string]any{
		"uuid": id("remediation/" + key), "lifecycle": "planned", "title": markup(truncate(text(it.Action), 120)),
		"description": markup(it.Action), "props": []any{prop("response-type", responseType(it))},
	}
	if it.Owner != "" {
		remediation["remarks"] = "Owner: " + markup(it.Owner)
	}
	if it.Status == assess.ItemDone {
		remediation["lifecycle"] = "completed"
	}
	var tasks []any
	for i, m := range it.Milestones {
		task := map[string]any{"uuid": id(fmt.Sprintf("task/%s/%d", key, i+1)), "type": "milestone", "title": markup(line(m.Title))}
		if !m.Due.IsZero() {
			task["timing"] = map[string]any{"on-date": map[string]any{"date": dayTime(m.Due, true)}}
		}
		if m.Done {
			task["props"] = []any{prop("done", "true")}
		}
		tasks = append(tasks, task)
	}
	if len(tasks) > 0 {
		remediation["tasks"] = tasks
	}
	remediations := []any{remediation}
	if rr, ok := w.registerRisk(key); ok {
		if m := w.measuresRemediation(rr); m != nil {
			remediations = append(remediations, m)
		}
	}
	log := []any{map[string]any{
		"uuid": id("log/" + key + "/identified"), "title": "Identified", "start": dayTime(a.AssessedOn, false),
		"description": "Found in the assessment of " + a.AssessedOn.String() + ".", "status-change": "open",
	}}
	if it.DueReason != "" {
		log = append(log, map[string]any{
			"uuid": id("log/" + key + "/due-moved"), "title": "Deadline moved", "start": w.setAt(key, assess.FieldDue),
			"description": fmt.Sprintf("Due date moved from %s to %s: %s", it.DefaultDue, it.Due, markup(it.DueReason)),
		})
	}
	if acc := it.Acceptance; acc != nil && it.Status == assess.ItemAccepted {
		entry := map[string]any{
			"uuid": id("log/" + key + "/accepted"), "title": "Risk accepted", "start": w.setAt(key, assess.FieldStatus),
			"end":         dayTime(acc.Expires, true),
			"description": fmt.Sprintf("Accepted by %s until %s: %s", markup(acc.Approver), acc.Expires, markup(acc.Reason)),
		}
		if !it.Reopened {
			entry["status-change"] = "deviation-approved"
		}
		if on, ok := w.acceptedOn[key]; ok && w.today.Before(on) {
			// Made --as-of a day before the acceptance: it counts, as the
			// record stands (README), and says it was given after the
			// document's date, as the report and the CSV do.
			entry["props"] = []any{prop("accepted-after-document-date", "true")}
			entry["remarks"] = fmt.Sprintf("Accepted on %s, after this document's date (%s).", on, w.today)
		}
		log = append(log, entry)
	}
	risk := map[string]any{
		"uuid": id("risk/" + key), "title": markup(fmt.Sprintf("%s: %s", f.Severity.Title(), key)),
		"description": markup(f.Question), "statement": statement(f),
		"status": riskStatus(st), "deadline": dayTime(it.Due, true),
		"characterizations":    []any{map[string]any{"origin": w.origin, "facets": facets}},
		"remediations":         remediations,
		"risk-log":             map[string]any{"entries": log},
		"related-observations": []any{map[string]any{"observation-uuid": id("observation/" + key)}},
	}
	var props []any
	if it.DueOnLapse {
		// The deadline is the day the answer lapses on, not the
		// severity's: say so, as the report's plan does (OSCAL's risk
		// has no remarks, so a property of ours carries it).
		props = append(props, prop("default-deadline-reason", it.DefaultDueWhy()))
	}
	if st.Overdue {
		props = append(props, prop("overdue", "true"))
	}
	if props != nil {
		risk["props"] = props
	}
	return risk
}

// setAt is when field f of plan item key was set to what it now says, as
// the trail dates the change: the deadline moved, the risk accepted (the
// status goes with its acceptance, so a later change of owner or
// milestones does not move it). A change the trail does not date (a
// revision imported without the assessment it revises, whose records
// made it) is given the assessment's day.
func (w *oscalWriter) setAt(key string, f assess.PlanField) string {
	if st, ok := w.stamps[key][f]; ok && !st.At.IsZero() {
		return instant(st.At)
	}
	return dayTime(w.ev.Assessment.AssessedOn, false)
}

// marshalOSCAL writes a document as indented JSON, printable on a terminal.
func marshalOSCAL(doc map[string]any) ([]byte, error) {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(safetext.EscapeJSON(b), '\n'), nil
}

// riskStatus maps an item's standing to OSCAL's risk status: in progress
// is remediating, done closed, an accepted risk in force
// deviation-approved; open, and open again after an acceptance expired,
// are open.
func riskStatus(st assess.Standing) string {
	switch st.State {
	case assess.StandingInProgress:
		return "remediating"
	case assess.StandingDone:
		return "closed"
	case assess.StandingAccepted:
		return "deviation-approved"
	}
	return "open"
}

func responseType(it assess.PlanItem) string {
	if it.Status == assess.ItemAccepted && !it.Reopened {
		return "accept"
	}
	return "mitigate"
}

func statement(f assess.Finding) string {
	kind := "A gap"
	if f.Partial {
		kind = "A partial gap"
	}
	s := fmt.Sprintf("%s of %s severity: the answer was %q.", kind, f.Severity, text(f.Answer))
	if len(f.SeverityWhy) > 0 {
		s += " Severity: " + text(strings.Join(f.SeverityWhy, "; ")) + "."
	}
	return markup(s)
}

// prop is a property; its value is OSCAL's string, one line without
// spaces at its ends, so a version or section title written over two lines
// in a questionnaire is given on one.
func prop(name, value string) map[string]any {
	value = strings.TrimSpace(safetext.OneLine(value))
	if value == "" {
		value = "none"
	}
	return map[string]any{"name": name, "ns": assayNS, "value": value}
}

func facet(name, value string) map[string]any {
	return map[string]any{"name": name, "system": assayNS, "value": value}
}

// text makes untrusted text safe for other tools: no escape sequences or
// control characters; JSON escaping keeps the document itself intact. It
// is for OSCAL's strings (a property's value, the version); its markup
// fields take markup.
func text(s string) string {
	s = strings.TrimSpace(safetext.Clean(s))
	if s == "" {
		return "none"
	}
	return s
}

// markup is text for OSCAL's markup fields (titles, descriptions,
// remarks, statements), which are Markdown that OSCAL viewers render: a
// note's <script>, [link](…) or "# " at a line's start reads as written.
func markup(s string) string { return safetext.Markdown(text(s)) }

// line is text for a title: OSCAL's markup-line, which the schema allows
// on one line only, so line breaks typed into a milestone or a catalog's
// name become spaces.
func line(s string) string { return text(safetext.OneLine(s)) }

func truncate(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// dayTime writes a day as an OSCAL date-time with a time zone: the start
// of the day, or its last second for deadlines and expiry dates.
func dayTime(d assess.Date, endOfDay bool) string {
	if endOfDay {
		return d.String() + "T23:59:59Z"
	}
	return d.String() + "T00:00:00Z"
}

// instant writes a time as an OSCAL date-time with a time zone: in UTC,
// to the precision recorded, as the audit trail writes it, so that a
// reader can find the record that made the change.
func instant(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// uuidGen returns a function that makes version 5 (SHA-1, name-based)
// UUIDs in the namespace of the assessment's UUID (RFC 9562, section 5.5).
func uuidGen(assessmentUUID string) func(name string) string {
	ns, err := hex.DecodeString(strings.ReplaceAll(assessmentUUID, "-", ""))
	if err != nil || len(ns) != 16 {
		sum := sha1.Sum([]byte("assay assessment " + assessmentUUID))
		ns = sum[:16]
	}
	return func(name string) string {
		h := sha1.New()
		h.Write(ns)
		h.Write([]byte(name))
		b := h.Sum(nil)[:16]
		b[6] = (b[6] & 0x0f) | 0x50
		b[8] = (b[8] & 0x3f) | 0x80
		return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
	}
}
