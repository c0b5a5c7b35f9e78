package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// signOff takes a decision on a in accessible mode, as the workspace's
// sign-off does: the decisions offered are those the domain allows the
// person (signChoices: the lifecycle, the login's roles, four eyes, whose
// withholding of Approve and Reject is said first), a rejection or a
// reserved DPO opinion must say why, and the store decides the rest (a
// colleague's step or change since the decisions were offered), its
// refusal said in full. It
// returns the assessment chosen next (a revision started is), and false
// when the input ended or the person typed q.
func (p *prompter) signOff(a *assess.Assessment) (int64, bool) {
	return p.sign(a, givenComment{})
}

// givenComment is the comment typed with a decision the store refused
// because answers disagree unexplained: once they are explained and the
// same decision chosen, it is read back and kept with y, rather than
// asked for as if it had never been typed (a screen reader gave no hint
// of what was typed the first time).
type givenComment struct {
	choice, text string
}

// sign is signOff with the comment given before a refusal, if any.
func (p *prompter) sign(a *assess.Assessment, before givenComment) (int64, bool) {
	gov := p.d.Governance
	if gov == nil {
		p.say("Signing is not available here; assay review signs on the command line.")
		return a.ID, true
	}
	opts := signChoices(a, nil, p.d.decider())
	if len(opts) == 0 {
		p.refusedForRole() // a role granted meanwhile counts
		if opts = signChoices(a, nil, p.d.decider()); len(opts) == 0 {
			p.say(sentence(nothingToSignFor(p.d, a, nil)))
			return a.ID, true
		}
	}
	today := p.d.Today()
	p.say("")
	p.say(fmt.Sprintf("Sign-off of assessment %d, %s, state: %s. You sign as %s on %s; the audit trail keeps the signature.",
		a.ID, clean(a.Subject), a.Status.Words(), clean(p.d.Actor), today))
	if moved := movedInReview(a, true); moved != "" {
		p.say("Changed since the submission, and signed as changed: " + moved + ".")
	}
	if withheld := withheldSaid(a, nil, p.d.decider()); withheld != "" {
		p.say(withheld)
	}
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = fmt.Sprintf("%d %s", i+1, o.Key)
	}
	p.say("Decisions: " + strings.Join(parts, "; ") + ".")
	var choice string
	for choice == "" {
		line, ok := p.ask(fmt.Sprintf("Type a decision's number, or b to go back to assessment %d's choices:", a.ID))
		switch {
		case !ok || isCommand(line, "q"):
			return a.ID, false
		case isCommand(line, "b"):
			return a.ID, true
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(opts) {
			p.say(fmt.Sprintf("%s; type %s, or b.", notOffered("decision", line), numberUpTo(len(opts))))
			continue
		}
		choice = opts[n-1].Value
	}
	if choice == choiceRevise {
		r, err := inTime(p, func(ctx context.Context) (*assess.Assessment, error) { return gov.Revise(ctx, a.ID) })
		if outcomeNotKnown(err) {
			p.say(fullStop("Not known whether the revision was started: " + notKnownWhy(err) + ". The list of assessments shows whether it was"))
			p.notKnownOf(a, "starting a revision of it", lookInTheListStarted)
			return a.ID, true
		}
		if err != nil {
			p.say(fullStop("Not started: " + refusal(err)))
			return a.ID, true
		}
		p.say(fmt.Sprintf("Revision %d started as assessment %d: a draft with the answers and plan of assessment %d.", r.Revision, r.ID, r.RevisionOf))
		return r.ID, true
	}
	review := []assess.ReviewOption{assess.SeenBySigner(a)}
	if n := len(a.UnconfirmedVendorAnswers()); n > 0 && (choice == string(assess.ActSubmit) || choice == string(assess.ActApprove)) {
		accept, ok := p.acceptUnconfirmed(n)
		if !ok {
			return a.ID, false
		}
		if accept {
			review = append(review, assess.AcceptUnconfirmed)
		}
	}
	comment, ok, back := p.commentAgain(choice, before)
	if !ok || back {
		return a.ID, ok
	}
	var signed *assess.Assessment
	var err error
	// Signed on the day it is signed: past midnight since the line
	// above named the day, noticeDay has said the new one.
	today = p.d.Today()
	signed, err = inTime(p, func(ctx context.Context) (*assess.Assessment, error) {
		if strings.HasPrefix(choice, dpoPrefix) {
			return gov.RecordDPOOpinion(ctx, a.ID, today, strings.TrimPrefix(choice, dpoPrefix), comment)
		}
		return gov.Review(ctx, a.ID, assess.Action(choice), today, comment, review...)
	})
	held, unknown := p.lostAtCommit(err, a, "signed", signOffWords(choice, comment), func(now *assess.Assessment) bool {
		return signedAfter(a, now, p.d.Actor, today, comment)
	})
	switch {
	case unknown:
		return a.ID, true
	case held != nil:
		signed, err = held, nil
	}
	if err != nil {
		if msg, remedy := assess.RefusalOf(err); remedy == assess.RemedyExplain {
			if ex, ok := gov.(Explainer); ok {
				// Its own words end "or explain why both stand": what
				// is asked next, check by check.
				p.say(fullStop("Not signed: " + clean(msg)))
				return p.explainThenSignAgain(ex, a.ID, givenComment{choice: choice, text: comment})
			}
		}
		p.say(fullStop("Not signed: " + refusal(err)))
		return a.ID, true
	}
	p.say(signedSaid(signed))
	return a.ID, true
}

// acceptUnconfirmed asks whether the vendor's answers nobody confirmed go
// forward as the vendor gave them; declined, the store refuses.
func (p *prompter) acceptUnconfirmed(n int) (accept, ok bool) {
	p.say(fmt.Sprintf("%s: nobody has confirmed or corrected them (y in the questions).",
		assess.Count(n, "of the vendor's answers is unconfirmed", "of the vendor's answers are unconfirmed")))
	for {
		line, ok := p.ask("Type y to accept them as the vendor gave them (the audit trail records that you did, with the count), or n not to:")
		switch {
		case !ok:
			return false, false
		case isCommand(line, "y"):
			return true, true
		case isCommand(line, "n"):
			return false, true
		}
		p.say("Type y or n.")
	}
}

// comment asks for the comment kept with the signature, until one the
// decision takes is typed; back when the person typed b to sign nothing.
func (p *prompter) comment(choice string) (comment string, ok, back bool) {
	needed := needsComment(choice)
	ask := "Comment for the signature: type it, or press Enter alone for none:"
	if needed {
		ask = "Comment for the signature: this decision needs one, saying why. Type it, or b to go back without signing:"
	}
	for {
		line, ok := p.askLines(ask)
		switch {
		case !ok:
			return "", false, false
		case needed && isCommand(line, "b"):
			return "", true, true
		case needed && strings.TrimSpace(cleanBlock(line)) == "":
			p.say("Say why: this decision needs a comment.")
			continue
		}
		if err := assess.CheckText("comment", line); err != nil {
			p.say(fullStop("Not signed: " + refusal(err)))
			continue
		}
		return line, true, false
	}
}

// commentAgain offers back the comment given before a refusal, read back
// whole, when the decision is the one it was given with and it is not
// empty (Enter alone gives none again, as quickly): y keeps it, n asks for
// another. Otherwise, or then, it asks as comment does.
func (p *prompter) commentAgain(choice string, before givenComment) (comment string, ok, back bool) {
	if before.choice != choice || strings.TrimSpace(cleanBlock(before.text)) == "" {
		return p.comment(choice)
	}
	for {
		line, ok := p.ask(fmt.Sprintf("Your comment, typed before the refusal: %q. Type y to sign with it, or n to type another:", clean(before.text)))
		switch {
		case !ok || isCommand(line, "q"):
			return "", false, false
		case isCommand(line, "y"):
			return before.text, true, false
		case isCommand(line, "n"):
			return p.comment(choice)
		}
		p.say("Type y or n.")
	}
}

// signedSaid says what the last signature did, and where the assessment
// now stands.
func signedSaid(a *assess.Assessment) string {
	if len(a.SignOffs) == 0 {
		return "Signed."
	}
	sig := a.SignOffs[len(a.SignOffs)-1]
	if sig.Role == assess.RoleDPO {
		return fmt.Sprintf("Signed: DPO opinion %s, by %s on %s. Assessment %d is still %s.", sig.Decision, clean(sig.Name), sig.On, a.ID, a.Status.Words())
	}
	text := fmt.Sprintf("Signed: %s by %s on %s. Assessment %d is now %s", sig.Decision, clean(sig.Name), sig.On, a.ID, a.Status.Words())
	if a.Status == assess.Approved {
		return text + " and locked: its answers and plan change only in a revision."
	}
	return text + "."
}

// signOffWords names a decision whose fate is not known, as accessible
// mode leaves: "the sign-off approve, with the comment …".
func signOffWords(choice, comment string) string {
	what := "the sign-off " + clean(choice)
	if strings.HasPrefix(choice, dpoPrefix) {
		what = "the DPO opinion " + clean(strings.TrimPrefix(choice, dpoPrefix))
	}
	if strings.TrimSpace(clean(comment)) != "" {
		what += ", with the comment " + quotedOnOneLine(comment)
	}
	return what
}

// signedAfter reports whether now, the assessment read back, holds a
// signature made since before was read, by signer on day on with
// comment: the decision the lost connection was committing.
func signedAfter(before, now *assess.Assessment, signer string, on assess.Date, comment string) bool {
	for _, s := range now.SignOffs[min(len(before.SignOffs), len(now.SignOffs)):] {
		if s.Name == strings.TrimSpace(signer) && s.On == on && s.Comment == strings.TrimSpace(comment) {
			return true
		}
	}
	return false
}
