package tui

import (
	"context"
	"fmt"
	"slices"

	"github.com/assay-dev/assay/assess"
)

// explainThenSignAgain follows a sign-off refused because answers
// disagree and nobody has explained why: it asks, check after check, why
// both answers stand, records each line typed as the workspace's D does
// (ex, the store's Explain), reads back what was recorded, and once every
// check the decision needs is explained offers the decisions again, the
// comment given with the refused one kept (givenComment). A
// screen-reader user thus finishes inside accessible mode, where the
// refusal used to send them to a shell. Enter alone gives up, saying
// nothing was recorded; false when the input ended or the person typed q.
func (p *prompter) explainThenSignAgain(ex Explainer, id int64, before givenComment) (int64, bool) {
	action := assess.Action(before.choice)
	a, err := p.readAssessment(id)
	if err != nil {
		p.say(fullStop("Assessment " + fmt.Sprint(id) + " could not be read: " + refusal(err)))
		return id, true
	}
	for _, d := range p.refusingDisagreements(a, action) {
		p.say(fullStop(fmt.Sprintf("Consistency check %s: %s Answers: %s", clean(d.ID), fullStop(clean(d.Message)), assess.DisagreeingAnswersLine(d.Answers))))
		for explained := false; !explained; {
			line, ok := p.askText("Why do both answers stand? Type it on one line, press Enter alone to leave it unexplained, or q to quit:")
			switch {
			case !ok || isCommand(line, "q"):
				return id, false
			case line == "":
				p.say(fmt.Sprintf("Nothing was recorded: %s is still unexplained, so assessment %d cannot be %s until it is explained or one of its answers changed.",
					clean(d.ID), id, doneWord(action)))
				return id, true
			}
			recorded, err := inTime(p, func(ctx context.Context) (*assess.Assessment, error) { return ex.Explain(ctx, id, d.ID, line) })
			if outcomeNotKnown(err) {
				p.say(fullStop("Not known whether it was recorded: " + notKnownWhy(err) + ". " + sentence(lookInTheTrail)))
				p.notKnownOf(a, "the explanation of "+clean(d.ID)+", "+quotedOnOneLine(line), lookInTheTrail)
				return id, true
			}
			if err != nil {
				p.say(fullStop("Not recorded: " + refusal(err)))
				continue
			}
			p.say(fullStop("Recorded for " + clean(d.ID) + ": " + latestExplanation(recorded, d.ID)))
			explained = true
		}
	}
	p.say(fmt.Sprintf("Every disagreement is explained; you can %s again.", action))
	if a, err = p.readAssessment(id); err != nil {
		p.say(fullStop("Assessment " + fmt.Sprint(id) + " could not be read: " + refusal(err)))
		return id, true
	}
	return p.sign(a, before)
}

// refusingDisagreements are the disagreements that stop action on a, as
// assess.DisagreementsRefused finds them: every one nobody explained for
// a submission; for an approval, those whose answers changed in review.
func (p *prompter) refusingDisagreements(a *assess.Assessment, action assess.Action) []assess.Disagreement {
	open := assess.Unexplained(assess.Evaluate(a, p.d.Today()).Result.Disagreements)
	if action == assess.ActApprove {
		changed := a.QuestionsChangedInReview()
		open = slices.DeleteFunc(open, func(d assess.Disagreement) bool {
			return !slices.ContainsFunc(d.Answers, func(da assess.DisagreeingAnswer) bool { return slices.Contains(changed, da.Question) })
		})
	}
	return open
}

// latestExplanation reads back the explanation of check as the store
// recorded it: "explained by Dana Reyes on 2026-03-31: …".
func latestExplanation(a *assess.Assessment, check string) string {
	for i := len(a.Explanations) - 1; i >= 0; i-- {
		if a.Explanations[i].Check == check {
			return a.Explanations[i].Words()
		}
	}
	return "explained"
}

// doneWord is what action makes of an assessment, for "cannot be …".
func doneWord(action assess.Action) string {
	if action == assess.ActApprove {
		return "approved"
	}
	return "submitted"
}

// explainSaid is what accessible mode says after an answer that made a
// check hold: how to explain it here, as the sign-off offers. "" when
// explaining is not available (Governance records no explanation).
func (p *prompter) explainSaid() string {
	if _, ok := p.d.Governance.(Explainer); !ok {
		return ""
	}
	return "To explain why both answers stand, type b and then 3 to sign it off: a submission refused for this asks you why. Or change one of the answers."
}
