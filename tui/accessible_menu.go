package tui

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// choices is what accessible mode offers on one assessment, after its
// questions: answering them again, its remediation plan, its sign-off and
// its report, as the workspace's tabs do, and its audit trail. False when the input ended or
// the person typed q.
func (p *prompter) choices(id int64) bool {
	for {
		a, err := p.readAssessment(id)
		if err != nil {
			p.say(fullStop("Assessment " + fmt.Sprint(id) + " could not be read: " + refusal(err)))
			return true
		}
		p.say("")
		p.say(fmt.Sprintf("Assessment %d, %s, %s.", a.ID, clean(a.Subject), a.Status.Words()))
		offered := p.offeredOn(a)
		line, ok := p.ask("Type " + offered.said + ", b to go back to the list, q to quit:")
		if !ok || isCommand(line, "q") {
			return false
		}
		if isCommand(line, "b") {
			return true
		}
		switch line {
		case "1":
			if !p.interview(a) {
				return false
			}
		case "2":
			if !p.plan(id) {
				return false
			}
		case "3":
			next, ok := p.signOff(a)
			if !ok {
				return false
			}
			id = next // a revision started is the assessment now chosen
		case "4":
			if !p.export(a) {
				return false
			}
		case "5":
			if !p.trail(a) {
				return false
			}
		default:
			p.say(notOffered("choice", line) + "; type " + offered.numbers + ", b or q.")
		}
	}
}

// offeredChoices is what an assessment's choices offer, in words and as
// the numbers to type.
type offeredChoices struct {
	said, numbers string
}

// offeredOn is the choices offered on a: an approved assessment, and a
// login that may not write, hear its result rather than answer its
// questions, and the sign-off is offered only with a decision to take
// in it, as the workspace offers no key that would be refused. A choice
// left out still answers when typed (3 says why nothing can be signed,
// reading the login's roles again), and keeps its number.
func (p *prompter) offeredOn(a *assess.Assessment) offeredChoices {
	first := "1 to answer its questions"
	if p.d.readOnly() != "" || a.Editable() != nil {
		first = "1 to hear its result"
	}
	said := []string{first, "2 for its remediation plan"}
	numbers := []string{"1", "2"}
	if p.d.Governance != nil && len(signChoices(a, nil, p.d.decider())) > 0 {
		said, numbers = append(said, "3 to sign it off"), append(numbers, "3")
	}
	said = append(said, "4 to write its report to a file", "5 to hear its audit trail")
	numbers = append(numbers, "4", "5")
	if len(numbers) == 5 {
		return offeredChoices{said: strings.Join(said, ", "), numbers: "a number from 1 to 5"}
	}
	return offeredChoices{said: strings.Join(said, ", "), numbers: strings.Join(numbers, ", ")}
}

// notOffered says that what was typed at a menu is none of its choices,
// or that nothing was: Enter alone read out as "There is no choice ;"
// left a listener guessing what they had typed.
func notOffered(what, line string) string {
	if line == "" {
		return "Nothing was typed"
	}
	return "There is no " + what + " " + clean(line)
}

// numberUpTo asks for one of n numbered choices: "1" alone when there is
// one, rather than "a number from 1 to 1".
func numberUpTo(n int) string {
	if n == 1 {
		return "1"
	}
	return fmt.Sprintf("a number from 1 to %d", n)
}
