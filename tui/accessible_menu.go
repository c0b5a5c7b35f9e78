package tui

import (
	"fmt"
)

// choices is what accessible mode offers on one assessment, after its
// questions: answering them again, its remediation plan, its sign-off and
// its report, as the workspace's tabs do, and its audit trail. False when the input ended or
// the person typed q.
func (p *prompter) choices(id int64) bool {
	for {
		a, err := p.d.Repo.Assessment(p.ctx, id)
		if err != nil {
			p.say(fullStop("Assessment " + fmt.Sprint(id) + " could not be read: " + refusal(err)))
			return true
		}
		p.say("")
		p.say(fmt.Sprintf("Assessment %d, %s, %s.", a.ID, clean(a.Subject), a.Status.Words()))
		line, ok := p.ask("Type 1 to answer its questions, 2 for its remediation plan, 3 to sign it off, 4 to write its report to a file, 5 to hear its audit trail, b to go back to the list, q to quit:")
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
			p.say(notOffered("choice", line) + "; type a number from 1 to 5, b or q.")
		}
	}
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
