package tui

import (
	"reflect"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// stepForm passes a message to a huh form and keeps the form it returns,
// moved already to the field (or page) the message leads to.
//
// huh moves on from a field (enter, tab, shift+tab) by returning a
// command whose message comes back later; a key typed before it came
// back went to the field just left. An analyst typing "Acme" straight
// after enter had "A" added to the field before (or, on a list, taken as
// a key there: k moved the sign-off's decision) and "cme" in the next.
// So the moves huh asks for are made here, at once, before the next key
// is read, and the rest of its commands (a cursor's blink, a title to
// draw again) go on as they were.
func stepForm(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) {
	m, cmd := f.Update(msg)
	if next, ok := m.(*huh.Form); ok {
		f = next
	}
	return f, moveNow(f, cmd)
}

// formMove is a move huh asks for with a command: to the next or the
// previous field, or, from a page's last field, to another page.
type formMove int

const (
	nextField formMove = iota + 1
	prevField
	nextPage
	prevPage
)

// huhMoves are huh's commands that move, by name: huh.NextField and
// huh.PrevField, and the page moves its fields' moves lead to, which huh
// does not export (Form.NextGroup and Form.PrevGroup make them).
var huhMoves = map[string]formMove{
	"charm.land/huh/v2.NextField": nextField,
	"charm.land/huh/v2.PrevField": prevField,
	"charm.land/huh/v2.nextGroup": nextPage,
	"charm.land/huh/v2.prevGroup": prevPage,
}

// maxMoves bounds the moves one message makes: a page move leads to
// the next page's first field, which may ask to be skipped (a note), and
// so on; no form of ours has more than a few fields.
const maxMoves = 64

// moveNow makes on f the moves cmd would ask for, and each move's own,
// and returns what is left of the commands.
func moveNow(f *huh.Form, cmd tea.Cmd) tea.Cmd {
	for range maxMoves {
		rest, moves := takeMoves(cmd)
		if len(moves) == 0 {
			return rest
		}
		cmds := []tea.Cmd{rest}
		for _, m := range moves {
			cmds = append(cmds, move(f, m))
		}
		cmd = tea.Batch(cmds...)
	}
	return cmd
}

func move(f *huh.Form, m formMove) tea.Cmd {
	switch m {
	case nextField:
		return f.NextField()
	case prevField:
		return f.PrevField()
	case nextPage:
		return f.NextGroup()
	default:
		return f.PrevGroup()
	}
}

// takeMoves takes huh's moves out of cmd, looking into the batches it is
// made of (tea.Batch, which only lists commands when run).
func takeMoves(cmd tea.Cmd) (rest tea.Cmd, moves []formMove) {
	if cmd == nil {
		return nil, nil
	}
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	if m, ok := huhMoves[name]; ok {
		return nil, []formMove{m}
	}
	// tea.Batch's command is a closure of compactCmds, named after the
	// function tea.Batch was inlined into.
	if !strings.Contains(name, ".compactCmds[") {
		return cmd, nil
	}
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		// A sequence: left whole, in its order. huh sends one only
		// as a form opens, with a move in it only when the first page
		// is hidden, which none of ours is; a key's commands hold none
		// (TestNoFormOfOursLeavesAMoveInASequence fails if that changes).
		return cmd, nil
	}
	var kept []tea.Cmd
	for _, c := range batch {
		r, ms := takeMoves(c)
		kept = append(kept, r)
		moves = append(moves, ms...)
	}
	return tea.Batch(kept...), moves
}
