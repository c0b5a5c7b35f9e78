package questionnaires

import (
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// AnswersFile is a parsed answers file: answers given outside the TUI, by a
// script or by a vendor filling in the file assay sent them.
type AnswersFile struct {
	Questionnaire string
	Version       string
	Source        assess.Source
	// SourceLine is the line of the file's source line, 0 when it has
	// none: assay send writes its sent line right after it.
	SourceLine int
	Answers    []assess.Answer
	// Assessment is the UUID of the assessment the file answers, if it
	// names one (assay send writes it last, so a cut file lacks it), and
	// AssessmentLine its line.
	Assessment     string
	AssessmentLine int
	// Subject is the subject the file says it answers for, if it names
	// one, and SubjectLine its line: the command checks it against the
	// assessment's.
	Subject     string
	SubjectLine int
	// Sent is when assay send wrote the file, zero when it does not say:
	// the answers filled in were the assessment's then (see Changes), and
	// SentLine and SentText its line and its text as written.
	Sent     time.Time
	SentLine int
	SentText string
	// Given says which parts of each answer the file gives, by question:
	// an answer written as a value alone gives no note or evidence, and
	// one written as a mapping gives the keys it has. What a file does
	// not give is kept as the assessment has it (Over).
	Given map[string]Given
	// internal holds the file's entries for the questions that are ours
	// (ourOwn: internal questions and risk ratings), which a file from the
	// vendor may hold only as we recorded them (OurOwn).
	internal []internalEntry
}

// FromVendor records every answer of the file as the vendor's, whatever
// the file says (assay answer --vendor): the analyst knows where the file
// came from, and a vendor can remove the lines assay send wrote.
func (f *AnswersFile) FromVendor() {
	f.Source = assess.ByVendor
	for i := range f.Answers {
		f.Answers[i].Source = assess.ByVendor
	}
}

// Given is which parts of an answer a file gives.
type Given struct{ Value, Note, Evidence bool }

// Over is the file's answers as they are recorded over the assessment's
// current ones: a part the file does not give (the note and evidence of
// "mfa: yes", the value of "{note: …}" or of a blank "answer:") is kept
// as it is.
func (f *AnswersFile) Over(current assess.Answers) []assess.Answer {
	out := make([]assess.Answer, len(f.Answers))
	for i, a := range f.Answers {
		g, cur := f.Given[a.QuestionID], current[a.QuestionID]
		if !g.Value {
			a.Value, a.Source, a.Reviewed = cur.Value, cur.Source, cur.Reviewed
		}
		if !g.Note {
			a.Note = cur.Note
		}
		if !g.Evidence {
			a.Evidence = cur.Evidence
		}
		out[i] = a
	}
	return out
}

// Changes is Over less the answers that say what the assessment records
// already, which are kept as they are and counted (kept): a file read
// twice changes nothing the second time, and records nothing in the
// audit trail. A vendor's answer is compared on its value, note and
// evidence alone: a file sent with the answers known so far comes back
// with most of them as they were, and those stay the analyst's and
// reviewed rather than becoming the vendor's to review again. An
// analyst's answer that repeats a vendor's unreviewed one is recorded:
// it confirms it. atSend is the answers as they stood when the file was
// sent (Sent), for a file that says so: one changed here since, which the
// file still gives as it was sent, is left as it is now and counted
// (leftAsSent).
func (f *AnswersFile) Changes(current, atSend assess.Answers) (changed []assess.Answer, kept, leftAsSent int) {
	for _, a := range f.Over(current) {
		cur, ok := current[a.QuestionID]
		same := a
		if f.Source == assess.ByVendor {
			same.Source, same.Reviewed = cur.Source, cur.Reviewed
		}
		if ok && cur.Answered() && assess.SameAnswer(same, cur) {
			kept++
			continue
		}
		// Filled in when the file was sent, and changed here since: the
		// file's copy is what it said then, left by the vendor, not an
		// answer of theirs to record over the newer one.
		if was, ok := atSend[a.QuestionID]; ok && was.Answered() {
			same.Source, same.Reviewed = was.Source, was.Reviewed
			if assess.SameAnswer(same, was) {
				leftAsSent++
				continue
			}
		}
		changed = append(changed, a)
	}
	return changed, kept, leftAsSent
}

// ParseAnswers reads an answers file and checks every answer against the
// questionnaire. Nothing is returned unless the whole file is valid, so an
// import is all or nothing.
//
//	questionnaire: vendor-security-screen   # optional; must match if given
//	version: "2.8.0"                        # optional; must match if given
//	source: vendor                          # optional: analyst (default) or vendor
//	answers:
//	  mfa: yes                              # a value alone
//	  policy:                               # or a value with note and evidence
//	    answer: partial
//	    note: Last reviewed in 2023.
//	    evidence: [Information security policy v3.2]
func ParseAnswers(name string, src []byte, q *assess.Questionnaire) (*AnswersFile, Problems) {
	doc, root := yamlx.Parse(name, src)
	if len(doc.Problems) > 0 {
		return nil, doc.Problems
	}
	f := root.Map("questionnaire", "version", "assessment", "subject", "source", "sent", "answers")
	out := &AnswersFile{Questionnaire: f.Get("questionnaire").Str(), Version: f.Get("version").Str(), Source: assess.ByAnalyst, Given: map[string]Given{}}
	if out.Questionnaire != "" && out.Questionnaire != q.ID {
		f.Get("questionnaire").Problem("answer it with the questionnaire it was written for", "this file answers %q, but the assessment uses %q", out.Questionnaire, q.ID)
	}
	// assay send writes the version the assessment pins; another one was
	// edited, and its answers were given to questions worded otherwise.
	if out.Version != "" && (out.Questionnaire == "" || out.Questionnaire == q.ID) && out.Version != q.Version {
		f.Get("version").Problem("answer the file sent for this assessment, with the version line as it was sent", "this file answers version %s of %s, but the assessment uses version %s", out.Version, q.ID, q.Version)
	}
	out.Assessment, out.AssessmentLine = f.Get("assessment").Str(), f.Get("assessment").Line()
	out.Subject, out.SubjectLine = f.Get("subject").Str(), f.Get("subject").Line()
	if s := f.Get("source").OneOf(string(assess.ByAnalyst), string(assess.ByVendor)); s != "" {
		out.Source, out.SourceLine = assess.Source(s), f.Get("source").Line()
	}
	if sv := f.Get("sent"); sv.Str() != "" {
		t, err := time.Parse(time.RFC3339Nano, sv.Str())
		if err != nil {
			sv.Problem("leave the line assay send wrote as it is, or remove it", "%q is not the time the file was sent", sv.Str())
		}
		out.Sent, out.SentLine, out.SentText = t, sv.Line(), sv.Str()
		// Only assay send writes the line: the file went to the vendor,
		// and its source line, which they can edit, cannot make their
		// answers ours.
		out.Source = assess.ByVendor
	}
	av := f.Required("answers", "a mapping from question id to answer")
	for _, e := range av.Entries() {
		qq, ok := q.Question(e.Key)
		if !ok {
			e.KeyValue.Problem(yamlx.Suggest(e.Key, questionIDs(q)), "questionnaire %s has no question %s", q.ID, yamlx.QuoteCut(e.Key))
			continue
		}
		before := len(doc.Problems)
		a, given, ok := readAnswer(qq, q, e.Value)
		if ourOwn(qq) && len(doc.Problems) == before {
			out.internal = append(out.internal, newInternalEntry(qq, e.Value, a, given, ok))
		}
		if !ok {
			continue
		}
		a.Source = out.Source
		out.Answers = append(out.Answers, a)
		out.Given[a.QuestionID] = given
	}
	if len(doc.Problems) > 0 {
		doc.Problems.Sort()
		return nil, doc.Problems
	}
	return out, nil
}

// evidenceEntries is a file's evidence list without its blank entries,
// each trimmed: a blank one is no evidence, and would print as an empty
// item in the report.
func evidenceEntries(list []string) []string {
	var out []string
	for _, e := range list {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func questionIDs(q *assess.Questionnaire) []string {
	ids := make([]string, len(q.Questions))
	for i, qq := range q.Questions {
		ids[i] = qq.ID
	}
	return ids
}

// readAnswer reads "value" or {answer, note, evidence}, and which of them
// the entry gives. It returns false when the entry is blank (a sent
// file's unanswered question) or invalid.
func readAnswer(qq *assess.Question, q *assess.Questionnaire, v yamlx.Value) (assess.Answer, Given, bool) {
	a := assess.Answer{QuestionID: qq.ID}
	var given Given
	valueV := v
	if v.IsMap() && qq.Type != assess.TypeRisk || (qq.Type == assess.TypeRisk && isWrapped(v)) {
		f := v.Map(append([]string{"answer", "note", "evidence"}, ratingKeysOf(qq)...)...)
		for _, key := range ratingKeysOf(qq) {
			if f.Has(key) {
				f.Get(key).Problem("put the rating under answer:, with the note and evidence beside it",
					"risk %s: %s stands beside the note or evidence", qq.ID, key)
			}
		}
		valueV = f.Get("answer")
		a.Note = strings.TrimSpace(f.Get("note").Str())
		a.Evidence = evidenceEntries(f.Get("evidence").StrList())
		given = Given{Note: f.Has("note"), Evidence: f.Has("evidence")}
		if err := assess.CheckEvidenceCount(len(a.Evidence)); err != nil {
			f.Get("evidence").Problem("", "%v", err)
			return a, given, false
		}
	}
	before := len(problemsOf(v))
	a.Value = readValue(qq, q, valueV)
	if len(problemsOf(v)) > before {
		return a, given, false
	}
	if err := qq.Validate(a.Value, q.RiskMatrix); err != nil {
		valueV.Problem("", "%v", err)
		return a, given, false
	}
	if err := assess.CheckText("note", a.Note); err != nil {
		v.Problem("", "%v", err)
		return a, given, false
	}
	// A value left blank keeps the one the assessment has: a sent file's
	// unanswered question, or a note given alone.
	given.Value = a.Answered()
	return a, given, a.Answered() || a.Note != "" || len(a.Evidence) > 0
}

// isWrapped tells a risk answer given with its note or evidence, which
// has an "answer", "note" or "evidence" key, from a bare rating: a note
// given alone keeps the rating, as it keeps any other question's value.
func isWrapped(v yamlx.Value) bool {
	for _, e := range v.Entries() {
		switch e.Key {
		case "answer", "note", "evidence":
			return true
		}
	}
	return false
}

// riskRatingKeys are the keys of a bare risk rating (readRisk).
var riskRatingKeys = []string{"likelihood", "impact", "after", "measures", "plan"}

// ratingKeysOf is the keys of a bare rating for a risk question, which a
// wrapped entry refuses with the way out rather than as unknown fields.
func ratingKeysOf(qq *assess.Question) []string {
	if qq.Type != assess.TypeRisk {
		return nil
	}
	return riskRatingKeys
}

// problemsOf exposes the document's problem count through any value.
func problemsOf(v yamlx.Value) yamlx.Problems { return v.Doc().Problems }

func readValue(qq *assess.Question, q *assess.Questionnaire, v yamlx.Value) assess.Value {
	var out assess.Value
	if !v.Exists() || (v.IsScalar() && strings.TrimSpace(v.Str()) == "") {
		return out
	}
	if takes, one := scalarTypes[qq.Type]; one && !v.IsScalar() {
		// One problem that says what the question takes, rather than
		// one per element of a list given where a value belongs.
		v.Problem("", "question %s takes %s, not a list or mapping", qq.ID, takes)
		return out
	}
	switch qq.Type {
	case assess.TypeControl, assess.TypeSingle:
		if !v.IsScalar() {
			v.Problem("options: "+optionList(qq), "question %s takes one option", qq.ID)
			return out
		}
		out.Choices = []string{optionValue(qq, v.Str())}
	case assess.TypeMulti:
		for _, s := range v.StrList() {
			out.Choices = append(out.Choices, optionValue(qq, s))
		}
	case assess.TypeScale, assess.TypeNumber:
		if v.IsNonFinite() {
			v.Problem("", "question %s takes a finite number, not %q", qq.ID, v.Str())
			return out
		}
		d, err := decimal.Parse(v.Str(), decimal.Places)
		if err != nil {
			v.Problem("", "question %s takes a number, not %q", qq.ID, v.Str())
			return out
		}
		out.Number = &d
	case assess.TypeDate:
		d, err := assess.ParseDate(v.Str())
		if err != nil {
			v.Problem("", "question %s: %v", qq.ID, err)
			return out
		}
		out.Date = d
	case assess.TypeText:
		out.Text = v.Str()
	case assess.TypeRisk:
		out.Risk = readRisk(q, qq, v)
	}
	return out
}

// scalarTypes are the question types answered with one value, and what
// that value is.
var scalarTypes = map[assess.QuestionType]string{
	assess.TypeScale: "a number", assess.TypeNumber: "a number", assess.TypeDate: "a date", assess.TypeText: "text",
}

// optionValue accepts an option's value, or its label in any case, since
// vendors copy what they read.
func optionValue(qq *assess.Question, s string) string {
	if qq.Option(s) != nil {
		return s
	}
	for _, o := range qq.Options {
		if strings.EqualFold(o.Label, s) || strings.EqualFold(o.Value, s) {
			return o.Value
		}
	}
	return s
}

func optionList(qq *assess.Question) string {
	vs := make([]string, len(qq.Options))
	for i, o := range qq.Options {
		vs[i] = o.Value
	}
	return strings.Join(vs, ", ")
}

// readRisk reads {likelihood, impact, after: {likelihood, impact}, measures,
// plan}, each rating a 1-based step or its name, plan the IDs of the
// questions whose plan items carry the measures out.
func readRisk(q *assess.Questionnaire, qq *assess.Question, v yamlx.Value) *assess.RiskRating {
	m := q.RiskMatrix
	if m == nil {
		return nil
	}
	before := len(problemsOf(v))
	f := v.Map(riskRatingKeys...)
	r := &assess.RiskRating{Measures: f.Get("measures").Str(), PlanItems: readPlanItems(q, qq, f.Get("plan"))}
	r.Likelihood = step(f.Get("likelihood"), m.Likelihood)
	r.Impact = step(f.Get("impact"), m.Impact)
	af := f.Get("after").Map("likelihood", "impact")
	r.AfterLikelihood = step(af.Get("likelihood"), m.Likelihood)
	r.AfterImpact = step(af.Get("impact"), m.Impact)
	// A half rating is not an empty answer: say so rather than drop it.
	if (r.Likelihood == 0) != (r.Impact == 0) && len(problemsOf(v)) == before {
		v.Problem("give both, or neither to leave the risk unrated", "risk %s: rate both likelihood and impact", qq.ID)
	}
	if (r.AfterLikelihood == 0) != (r.AfterImpact == 0) && len(problemsOf(v)) == before {
		f.Get("after").Problem("give both, or leave after out", "risk %s: rate both likelihood and impact after measures", qq.ID)
	}
	if r.Likelihood == 0 && r.Impact == 0 && (r.AfterLikelihood != 0 || r.Measures != "" || len(r.PlanItems) > 0) && len(problemsOf(v)) == before {
		v.Problem("rate likelihood and impact as found first", "risk %s: measures and the rating after them need the rating as found", qq.ID)
	}
	return r
}

// readPlanItems reads the plan items a risk's measures rely on: IDs of
// questions of the questionnaire that can make a finding, each once.
func readPlanItems(q *assess.Questionnaire, risk *assess.Question, v yamlx.Value) []string {
	if !v.Exists() {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, id := range v.StrList() {
		qq, ok := q.Question(id)
		switch {
		case !ok:
			v.Problem("a plan item is named by the ID of the question whose finding made it", "risk %s: no question %q to plan by", risk.ID, id)
		case !qq.MakesFindings() || qq == risk:
			v.Problem("name a question whose answer can make a finding", "risk %s: question %s makes no plan item for it", risk.ID, id)
		case seen[id]:
			v.Problem("", "risk %s: plan item %s is named twice", risk.ID, id)
		default:
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func step(v yamlx.Value, scale []string) int {
	if !v.Exists() {
		return 0
	}
	s := strings.TrimSpace(v.Str())
	for i, name := range scale {
		if strings.EqualFold(name, s) {
			return i + 1
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > len(scale) {
		v.Problem("", "expected 1 to %d or one of %s, found %q", len(scale), strings.Join(scale, ", "), s)
		return 0
	}
	return n
}
