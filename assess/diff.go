package assess

import (
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/assess/safetext"
)

// Diff is what changed between two evaluated assessments of one subject
// (last year's and this year's) or two revisions of one assessment.
type Diff struct {
	From, To *Evaluation
	// SameQuestionnaire is false when the two ran different questionnaires
	// or versions: answers are then matched by question ID.
	SameQuestionnaire bool
	// Renamed maps each question of To's questionnaire that replaces one
	// From's asked (Question.Replaces) to the ID it replaces: its answer,
	// finding and plan item are matched with the old ID's.
	Renamed map[string]string

	Answers    []AnswerChange    // in questionnaire order
	Dimensions []DimensionChange // only those whose value or maximum moved
	Levels     []LevelChange     // only those whose level moved
	Opened     []Finding         // findings in To and not in From
	Closed     []Finding         // findings in From and not in To
	Changed    []FindingChange   // findings in both whose severity moved

	// Plan is the plan items of findings in both whose owner, due date,
	// status, acceptance, action or milestones moved (Empty leaves them
	// out: it tells whether the answers and what they score moved).
	Plan []PlanItemChange
	// DueShifted reports that default due dates moved with the
	// assessment's date, which Plan does not count as changes.
	DueShifted bool
	// Review is where each review stands ("review") and the DPO's
	// opinion, when they differ (compareReview), and then each
	// consistency check whose standing differs: holding or not, explained
	// or not (compareDisagreements).
	Review []ItemFieldChange
}

// AnswerChange is a question whose answer, note or evidence changed, or,
// for a risk, its planned measures or the plan items that carry them out.
// Old and New are the answers as people read them; "" is no answer.
type AnswerChange struct {
	QuestionID string
	// RenamedFrom is the ID the earlier questionnaire asked the question
	// under, when the later one renamed it (Question.Replaces); Old is
	// the answer given to it there.
	RenamedFrom string
	Question    string
	Old, New    string
	OldNote     string
	NewNote     string
	OldEvidence []string
	NewEvidence []string
	// OldMeasures and NewMeasures are a risk's planned measures, and
	// OldPlanItems and NewPlanItems the plan items it names: a risk's
	// answer as people read it is its ratings only, so a revision that
	// changed only these would otherwise read "answer: X -> X".
	OldMeasures  string
	NewMeasures  string
	OldPlanItems []string
	NewPlanItems []string
}

// Label is the question's ID as comparisons name it: "mfa-all-access
// (renamed from mfa)" when the later questionnaire renamed it, so that a
// reader looking for last year's ID finds its answer here.
func (c AnswerChange) Label() string {
	if c.RenamedFrom == "" {
		return safetext.OneLine(c.QuestionID)
	}
	return safetext.OneLine(c.QuestionID) + " (" + c.Renamed() + ")"
}

// Renamed is "renamed from mfa" for a renamed question, "" otherwise.
func (c AnswerChange) Renamed() string {
	if c.RenamedFrom == "" {
		return ""
	}
	return "renamed from " + safetext.OneLine(c.RenamedFrom)
}

// ValueChanged reports whether the answer itself (not only its note or
// evidence) reads differently.
func (c AnswerChange) ValueChanged() bool { return !sameText(c.Old, c.New) }

// NoteChanged reports whether the note reads differently.
func (c AnswerChange) NoteChanged() bool { return !sameText(c.OldNote, c.NewNote) }

// EvidenceChanged reports whether the evidence references read differently.
func (c AnswerChange) EvidenceChanged() bool {
	return !slices.EqualFunc(c.OldEvidence, c.NewEvidence, sameText)
}

// MeasuresChanged reports whether a risk's planned measures read
// differently.
func (c AnswerChange) MeasuresChanged() bool { return !sameText(c.OldMeasures, c.NewMeasures) }

// PlanItemsChanged reports whether a risk names other plan items, or the
// same in another order.
func (c AnswerChange) PlanItemsChanged() bool {
	return !slices.EqualFunc(c.OldPlanItems, c.NewPlanItems, sameText)
}

// onlyValueMoved reports whether nothing but the answer's value moved:
// no note, evidence, measures or plan items read differently, so that
// the change is told by the answer even when it reads the same.
func (c AnswerChange) onlyValueMoved() bool {
	return !c.NoteChanged() && !c.EvidenceChanged() && !c.MeasuresChanged() && !c.PlanItemsChanged()
}

// AnswerShown reports whether a comparison tells the answer itself: when
// it reads differently, or when nothing else that it tells moved.
func (c AnswerChange) AnswerShown() bool { return c.ValueChanged() || c.onlyValueMoved() }

// EvidenceMoved is the evidence references the earlier answer gave and
// the later does not (removed) and those the later gives that the
// earlier did not (added), each in its answer's order, compared as
// sameText compares. Both are empty when only the order moved.
func (c AnswerChange) EvidenceMoved() (removed, added []string) {
	return missingFrom(c.OldEvidence, c.NewEvidence), missingFrom(c.NewEvidence, c.OldEvidence)
}

// missingFrom is the texts of a that b does not hold as often.
func missingFrom(a, b []string) []string {
	left := map[string]int{}
	for _, s := range b {
		left[textKey(s)]++
	}
	var out []string
	for _, s := range a {
		if k := textKey(s); left[k] > 0 {
			left[k]--
		} else {
			out = append(out, s)
		}
	}
	return out
}

// Fields is what changed in the answer, as every comparison tells it:
// the answer, a risk's planned measures and plan items, the note and the
// evidence, each side on one line and "(none)" when empty. An answer
// whose value moved without reading differently, with nothing else
// changed, is told by its answer (AnswerShown).
func (c AnswerChange) Fields() []ItemFieldChange {
	var fs []ItemFieldChange
	if c.AnswerShown() {
		fs = append(fs, sides("answer", c.Old, c.New))
	}
	if c.MeasuresChanged() {
		fs = append(fs, sides("measures", c.OldMeasures, c.NewMeasures))
	}
	if c.PlanItemsChanged() {
		fs = append(fs, sides("plan items", strings.Join(c.OldPlanItems, "; "), strings.Join(c.NewPlanItems, "; ")))
	}
	if c.NoteChanged() {
		fs = append(fs, sides("note", c.OldNote, c.NewNote))
	}
	if c.EvidenceChanged() {
		fs = append(fs, sides("evidence", strings.Join(c.OldEvidence, "; "), strings.Join(c.NewEvidence, "; ")))
	}
	return fs
}

// none is an empty side of a change.
const none = "(none)"

// OrNone is a side of a change as comparisons show it: on one line,
// "(none)" when empty.
func OrNone(s string) string {
	if s = safetext.OneLine(s); s == "" {
		return none
	}
	return s
}

func sides(field, old, now string) ItemFieldChange {
	return ItemFieldChange{Field: field, Old: OrNone(old), New: OrNone(now)}
}

// sameText reports whether two texts read the same: the same words in
// the same Unicode normalisation (NFC), whatever the spaces and line
// breaks between them and the characters that show as nothing. A note
// saved again with a trailing space or from another keyboard has not
// changed.
func sameText(a, b string) bool { return a == b || textKey(a) == textKey(b) }

func textKey(s string) string { return norm.NFC.String(safetext.OneLine(s)) }

// DimensionChange is a dimension's score before and after.
type DimensionChange struct {
	ID, Title      string
	Old, New       decimal.Decimal
	OldMax, NewMax decimal.Decimal
	OldPct, NewPct decimal.Decimal
	OnlyIn         string // "from" or "to" when the dimension exists on one side only
	Higher         Direction
}

// LevelChange is a level before and after; Outcome marks the headline one.
type LevelChange struct {
	ID, Title string
	Old, New  string
	Outcome   bool
}

// FindingChange is a finding present in both whose severity moved.
type FindingChange struct {
	Key, Question string
	Old, New      Severity
}

// Compare works out what changed from one evaluation to another. It only
// reads its arguments.
func Compare(from, to *Evaluation) *Diff {
	qa, qb := from.Assessment.Questionnaire, to.Assessment.Questionnaire
	d := &Diff{From: from, To: to, SameQuestionnaire: qa.Digest == qb.Digest, Renamed: renamedQuestions(qa, qb)}
	d.Answers = compareAnswers(from.Assessment, to.Assessment, d.Renamed)
	d.Dimensions = compareDimensions(from.Result, to.Result)
	d.Levels = compareLevels(from.Result, to.Result, qb.Outcome)
	oldF := map[string]Finding{}
	for _, f := range from.Result.Findings {
		oldF[f.Key] = f
	}
	newF := map[string]bool{}
	for _, f := range to.Result.Findings {
		newF[d.earlierKey(f.Key)] = true
		o, ok := oldF[d.earlierKey(f.Key)]
		switch {
		case !ok:
			d.Opened = append(d.Opened, f)
		case o.Severity != f.Severity:
			d.Changed = append(d.Changed, FindingChange{Key: f.Key, Question: f.Question, Old: o.Severity, New: f.Severity})
		}
	}
	for _, f := range from.Result.Findings {
		if !newF[f.Key] {
			d.Closed = append(d.Closed, f)
		}
	}
	d.Plan, d.DueShifted = comparePlans(from, to, d.earlierKey)
	d.Review = append(compareReview(from, to), compareDisagreements(from, to)...)
	return d
}

// Empty reports whether the answers, scores, levels and findings are the
// same; the plan may still have changed (Plan).
func (d *Diff) Empty() bool {
	return len(d.Answers) == 0 && len(d.Dimensions) == 0 && len(d.Levels) == 0 &&
		len(d.Opened) == 0 && len(d.Closed) == 0 && len(d.Changed) == 0
}

// Unchanged reports whether nothing the comparison covers changed: the
// answers, scores, levels, findings, the remediation plan and the review.
func (d *Diff) Unchanged() bool { return d.Empty() && len(d.Plan) == 0 && len(d.Review) == 0 }

// Compared names what the comparison covers, for the sentence that says
// none of it changed: the plan is compared wherever the later
// assessment's questionnaire makes findings (a pre-screen makes none),
// the DPO's opinion wherever one is given (privacy assessments).
func (d *Diff) Compared() string { return d.compared(true) }

func (d *Diff) compared(review bool) string {
	what := []string{"answers", "scores", "levels", "findings"}
	if d.To.Assessment.Questionnaire.MakesFindings() {
		what = append(what, "remediation plan")
	}
	if review {
		what = append(what, "review")
		if takesDPO(d.From.Assessment, d.To.Assessment) {
			what = append(what, "DPO opinion")
		}
	}
	return "the " + JoinAnd(what)
}

// NoChanges is the sentence every comparison tells when nothing changed
// ("No changes: ...") or nothing but the review ("Nothing else changed:
// ...", after the review's changes), naming what was compared; "" when
// more changed.
func (d *Diff) NoChanges() string {
	switch {
	case d.Unchanged():
		return "No changes: " + d.compared(true) + " are the same."
	case d.Empty() && len(d.Plan) == 0:
		return "Nothing else changed: " + d.compared(false) + " are the same."
	}
	return ""
}

// DueShiftNote says why default due dates differ when they moved with
// the assessment's date (DueShifted), "" otherwise: a reader who sees
// the plans' dates a year apart must know they were not moved by hand.
func (d *Diff) DueShiftNote() string {
	if !d.DueShifted {
		return ""
	}
	return "The default due dates count from each assessment's date; those that moved with it are not counted as changes."
}

// QuestionnaireNote says that the two ran different questionnaires or
// versions, and how answers are matched then, "" when they ran the same.
// arrow goes between the two ("→" in reports, "->" on the command line).
func (d *Diff) QuestionnaireNote(arrow string) string {
	if d.SameQuestionnaire {
		return ""
	}
	a, b := d.From.Assessment.Questionnaire, d.To.Assessment.Questionnaire
	which := safetext.OneLine(a.ID+" "+a.Version) + " " + arrow + " " + safetext.OneLine(b.ID+" "+b.Version)
	if a.ID == b.ID && a.Version == b.Version {
		which = safetext.OneLine(a.ID+" "+a.Version) + ", edited between them without a new version"
	}
	matched := "answers are matched by question ID"
	if len(d.Renamed) > 0 {
		matched += " (or, for a question renamed, by the ID it replaces)"
	}
	return "The questionnaires differ (" + which + "): " + matched + ", and a question only one of them asks is told with (none) on the other side."
}

// renamedQuestions maps each question of b that replaces a question a
// asks to that question's ID: the first of its Replaces a asks. A
// question a asks under its own ID is matched by it and renamed from
// nothing (two edits of one version may both ask it).
func renamedQuestions(a, b *Questionnaire) map[string]string {
	out := map[string]string{}
	for _, q := range b.Questions {
		if _, same := a.Question(q.ID); same {
			continue
		}
		for _, old := range q.Replaces {
			if _, asked := a.Question(old); asked {
				if _, stillAsked := b.Question(old); !stillAsked {
					out[q.ID] = old
					break
				}
			}
		}
	}
	return out
}

// earlierKey is the key a finding or plan item of the later assessment
// had in the earlier one: the question's old ID when it was renamed.
func (d *Diff) earlierKey(key string) string {
	if old, ok := d.Renamed[key]; ok {
		return old
	}
	return key
}

// questionOrder lists the question IDs of b in order, then those only in
// a, leaving out those of a that a question of b replaces (renamed).
func questionOrder(a, b *Questionnaire, renamed map[string]string) []string {
	var ids []string
	seen := map[string]bool{}
	for _, old := range renamed {
		seen[old] = true
	}
	for _, q := range []*Questionnaire{b, a} {
		for _, qq := range q.Questions {
			if !seen[qq.ID] {
				seen[qq.ID] = true
				ids = append(ids, qq.ID)
			}
		}
	}
	return ids
}

// compareAnswers compares each question's answers, a renamed question's
// (renamed: new ID to old) with the answer to its old ID.
func compareAnswers(a, b *Assessment, renamed map[string]string) []AnswerChange {
	var out []AnswerChange
	for _, id := range questionOrder(a.Questionnaire, b.Questionnaire, renamed) {
		was := id
		if old, ok := renamed[id]; ok {
			was = old
		}
		oa, oka := a.Answers[was]
		nb, okb := b.Answers[id]
		if !oka && !okb {
			continue
		}
		c := AnswerChange{QuestionID: id, Old: display(a.Questionnaire, oa), New: display(b.Questionnaire, nb),
			OldNote: oa.Note, NewNote: nb.Note, OldEvidence: oa.Evidence, NewEvidence: nb.Evidence}
		if was != id {
			c.RenamedFrom = was
		}
		if r := oa.Value.Risk; r != nil {
			c.OldMeasures, c.OldPlanItems = r.Measures, r.PlanItems
		}
		if r := nb.Value.Risk; r != nil {
			c.NewMeasures, c.NewPlanItems = r.Measures, r.PlanItems
		}
		if qq, ok := b.Questionnaire.Question(id); ok {
			c.Question = qq.Text
		} else if qq, ok := a.Questionnaire.Question(id); ok {
			c.Question = qq.Text
		}
		if c.ValueChanged() || c.NoteChanged() || c.EvidenceChanged() || !sameValue(oa.Value, nb.Value) {
			out = append(out, c)
		}
	}
	return out
}

func display(q *Questionnaire, a Answer) string {
	if !a.Answered() {
		return ""
	}
	if qq, ok := q.Question(a.QuestionID); ok {
		return qq.Display(a.Value, q.RiskMatrix)
	}
	b, _ := json.Marshal(a.Value)
	return string(b)
}

func sameValue(a, b Value) bool {
	// Texts that read the same are the same answer (sameText).
	a.Text, b.Text = textKey(a.Text), textKey(b.Text)
	if a.Risk != nil && b.Risk != nil {
		ra, rb := *a.Risk, *b.Risk
		ra.Measures, rb.Measures = textKey(ra.Measures), textKey(rb.Measures)
		a.Risk, b.Risk = &ra, &rb
	}
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func compareDimensions(a, b *Result) []DimensionChange {
	var out []DimensionChange
	seen := map[string]bool{}
	for _, nb := range b.Dimensions {
		seen[nb.ID] = true
		c := DimensionChange{ID: nb.ID, Title: nb.Title, Higher: nb.Higher, New: nb.Value, NewMax: nb.Max, NewPct: nb.Percent}
		oa := a.Dimension(nb.ID)
		if oa == nil {
			c.OnlyIn = "to"
			out = append(out, c)
			continue
		}
		c.Old, c.OldMax, c.OldPct = oa.Value, oa.Max, oa.Percent
		if oa.Value != nb.Value || oa.Max != nb.Max {
			out = append(out, c)
		}
	}
	for _, oa := range a.Dimensions {
		if !seen[oa.ID] {
			out = append(out, DimensionChange{ID: oa.ID, Title: oa.Title, Higher: oa.Higher, Old: oa.Value, OldMax: oa.Max, OldPct: oa.Percent, OnlyIn: "from"})
		}
	}
	return out
}

// diffLevel is a level as a comparison shows it: one not rated yet says
// so, with the worst case it stands at (a blank assessment that comes out
// critical once answered has changed, from not rated yet).
func diffLevel(l LevelResult) string {
	if l.Unsettled {
		return NotRatedYet + " (" + l.Level + " at worst)"
	}
	return l.Level
}

func compareLevels(a, b *Result, outcome string) []LevelChange {
	var out []LevelChange
	seen := map[string]bool{}
	for _, nb := range b.Levels {
		seen[nb.ID] = true
		oa, _ := a.Level(nb.ID)
		if oa.Level != nb.Level || oa.Unsettled != nb.Unsettled {
			out = append(out, LevelChange{ID: nb.ID, Title: nb.Title, Old: diffLevel(oa), New: diffLevel(nb), Outcome: nb.ID == outcome})
		}
	}
	for _, oa := range a.Levels {
		if !seen[oa.ID] && oa.Level != "" {
			out = append(out, LevelChange{ID: oa.ID, Title: oa.Title, Old: oa.Level})
		}
	}
	return out
}

// Label is the level's title, on one line, "(the outcome)" after the
// headline level's.
func (c LevelChange) Label() string {
	if c.Outcome {
		return safetext.OneLine(c.Title) + " (the outcome)"
	}
	return safetext.OneLine(c.Title)
}

// Change is the level before and after, "low → high", with arrow between.
func (c LevelChange) Change(arrow string) string {
	return OrNone(c.Old) + " " + arrow + " " + OrNone(c.New)
}

// Change is the score before and after, "5 of 16 (31.3%) → 10 of 18
// (55.6%)", "(none)" for a side without the dimension.
func (c DimensionChange) Change(arrow string) string {
	score := func(v, of, pct decimal.Decimal, missing bool) string {
		if missing {
			return none
		}
		return v.String() + " of " + of.String() + " (" + pct.Fixed(1) + "%)"
	}
	return score(c.Old, c.OldMax, c.OldPct, c.OnlyIn == "to") + " " + arrow + " " + score(c.New, c.NewMax, c.NewPct, c.OnlyIn == "from")
}
