package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// highResidual is the level read from the risk register after the
// planned measures, when it is high or critical: the assessment then
// says not to start, and the committee cannot simply approve it.
func (r *reporter) highResidual() (assess.LevelResult, bool) {
	for _, l := range r.res.Levels {
		def, ok := r.q.Level(l.ID)
		if !ok || def.FromRisks != assess.After {
			continue
		}
		if s, err := assess.ParseSeverity(l.Level); err == nil && s >= assess.High {
			return l, true
		}
	}
	return assess.LevelResult{}, false
}

// residualAsk is the decision asked of the committee while a high risk
// remains after the planned measures. A privacy assessment under the
// GDPR must then be put to the supervisory authority before processing
// starts (Article 36(1)), as the DPIA's outcome says; one under other laws
// only (a US state's) has no such step, so the ask says where it applies; other assessments
// (a FRIA) say not to go ahead until the risk is lowered.
func (r *reporter) residualAsk(l assess.LevelResult, open int) document.Text {
	title := inSentence(l.Title)
	var ask document.Text
	if r.q.Kind == assess.KindPrivacy {
		ask = txt("consult the supervisory authority before processing starts where the GDPR applies (Article 36), or add measures that lower the ",
			user(title), " (", user(l.Level), ") and reassess.")
	} else {
		ask = txt("agree that this does not go ahead while the ", user(title), " is ", user(l.Level), ": add measures that lower it and reassess.")
	}
	if open > 0 {
		ask = txt(ask, fmt.Sprintf(" The remediation plan below has %s.", r.openItems(open)))
	}
	return ask
}

// directs reports whether an outcome's meaning says what must happen
// first (do not start, do not onboard, stop commercial use), so that the
// committee is not simply asked to approve the assessment at that level:
// an outcome that is high or critical, whatever set it (a knock-out, the
// gaps or a tier), or one at the top of a scale that does not name
// severities, held there by a knock-out, as the fairness review's
// "prohibited" above impact level IV (a practice the EU AI Act prohibits
// is not a level of impact a committee accepts).
func directs(o assess.LevelResult) bool {
	if o.Meaning == "" {
		return false
	}
	if s, err := assess.ParseSeverity(o.Level); err == nil {
		return s >= assess.High
	}
	return o.Rank == o.Of-1 && heldByKnockout(o)
}

// heldByKnockout reports whether a knock-out holds the level at its step.
func heldByKnockout(o assess.LevelResult) bool {
	for _, f := range o.Floors {
		if f.AtLeast == o.Level {
			return true
		}
	}
	return false
}

// deferAsk is the decision asked of an outcome that directs: the
// committee agrees to what its meaning requires, which the executive
// summary quotes, and to the plan.
func (r *reporter) deferAsk(title, level string, open int) document.Text {
	ask := txt("agree to what the ", user(title), " (", user(level), ") requires, as the executive summary says")
	if open == 0 {
		return txt(ask, "; no remediation is outstanding.")
	}
	return txt(ask, fmt.Sprintf(", and to the remediation plan below: %s.", r.openItems(open)))
}

// forbiddenWords says why the use the answers describe is forbidden, as
// assay review's refusal says it (assess.ForbiddenUseWords): no approval,
// measure or acceptance of risk allows it, so the committee's decision is
// a rejection saying so, and the report does not ask for another.
func forbiddenWords(f assess.FloorResult) document.Text {
	return txt("the system must not be used (", code(f.Question), " was answered “", user(f.Answer), "”): ",
		user(inSentence(strings.TrimSuffix(strings.TrimSpace(f.Reason), "."))), ". No approval can allow that use.")
}

// forbiddenTaken follows the decision taken on an assessment whose
// answers describe a forbidden use: a rejection is the committee's
// decision that the system must not be used; an approval (recorded
// before assay refused one) does not allow the use.
func (r *reporter) forbiddenTaken(decision string, f assess.FloorResult) document.Text {
	if decision == "rejected" {
		return txt("The committee decided that ", forbiddenWords(f))
	}
	return txt("This approval does not allow the use: ", forbiddenWords(f))
}
