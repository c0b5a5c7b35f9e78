package tui

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
)

// lineReader reads typed lines for accessible mode. A line longer than
// max bytes (a paste gone wrong) is read to its end and dropped, and said
// to be too long, rather than ending the input as bufio.Scanner does.
type lineReader struct {
	r   *bufio.Reader
	max int
	// cut is set when the input ended in the middle of a line: typed,
	// then Ctrl-D twice instead of Enter, or a pipe closed mid-line.
	// That line is half entered, and is not used.
	cut bool
	// paste is set on a terminal that marks pastes: an input is read
	// to an Enter outside a paste (nextEntry), not to a newline.
	paste bool
	// pasteCut is set when the input ended inside a paste.
	pasteCut bool
	// discardWaiting is Deps.DiscardWaiting.
	discardWaiting func() bool
	// echo, with paste, is what the reader echoes (Deps.EchoTyped); nil
	// when the terminal echoes.
	echo *echoLine
	// terminal is set when the lines are typed at a terminal: where it
	// echoes them itself (TERM=dumb), a line may be half typed on the
	// screen, out of accessible mode's sight.
	terminal bool
}

// readsTerminal reports whether in is a terminal.
func readsTerminal(in io.Reader) bool {
	f, ok := in.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func newLineReader(in io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(in, 64*1024), max: max}
}

// input is the next input: a paste and all on a terminal that marks
// pastes, the next line otherwise.
func (l *lineReader) input() (entry, bool) {
	if l.paste {
		return l.nextEntry()
	}
	line, tooLong, ok := l.next()
	return entry{text: line, tooLong: tooLong}, ok
}

// next returns the next line without its line ending; tooLong when it
// was over max bytes (line is then empty); ok false at the end of input,
// and at a last line with no line ending (cut).
func (l *lineReader) next() (line string, tooLong, ok bool) {
	var buf []byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			if len(buf) > l.max+2 { // room for "\r\n"
				buf, tooLong = nil, true
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !tooLong {
			l.cut = len(buf) > 0
			return "", false, false
		}
		if tooLong {
			return "", true, true
		}
		return string(bytes.TrimRight(buf, "\r\n")), false, true
	}
}

// read is the next input, as lineReader.input, or the end at once when the
// context is cancelled (Ctrl-C): a read waiting for a line nobody types
// would otherwise hold assay until it gave up on it. The read left
// waiting then is never used again: nothing is asked after.
func (p *prompter) read(prompt string) (entry, bool) {
	type result struct {
		e  entry
		ok bool
	}
	got := make(chan result, 1)
	go func() {
		e, ok := p.in.input()
		got <- result{e, ok}
	}()
	for {
		midnight, stop := p.untilMidnight()
		select {
		case r := <-got:
			p.ended = !r.ok
			switch {
			case p.in.pasteCut:
				p.say("The input ended in the middle of a paste, before its end: nothing of it was used.")
			case p.in.cut:
				p.say("The input ended in the middle of a line, before Enter: nothing of it was used.")
			}
			stop()
			// Typed past midnight before the tick: said before it acts.
			p.noticeDay()
			return r.e, r.ok
		case <-midnight:
			p.noticeDayAt(prompt)
		case <-p.ctx.Done():
			stop()
			return entry{}, false
		}
	}
}

// untilMidnight is the tick of the next local midnight (Deps.dayWait),
// which the wait for a line listens for as the full-screen workspace
// does (day.go), and what stops it; a nil channel, never ready, without
// Deps.UntilTomorrow.
func (p *prompter) untilMidnight() (<-chan time.Time, func() bool) {
	wait, ok := p.d.dayWait()
	if !ok {
		return nil, func() bool { return false }
	}
	return dayTimer(wait)
}

// noticeDay says so when the day has changed since accessible mode last
// looked (at the last line, or the midnight tick), as the full-screen
// workspace judges again what it shows: what is asked, shown and signed
// from now on is judged and dated on the new day, which a listener
// would not otherwise hear until a date was read out.
func (p *prompter) noticeDay() {
	if notice := p.newDay(); notice != "" {
		p.say(notice)
	}
}

// noticeDayAt is noticeDay while prompt waits for a line, which the
// person may be in the middle of typing: the notice is said on a line of
// its own and the prompt again after it, and, where accessible mode
// echoes (Deps.EchoTyped), what was typed is shown again under them, to
// type on. Said after what was typed, the notice ran on from it
// ("AcmIt is now …"), and the rest of the line followed the notice.
// Where the terminal echoes (TERM=dumb), what was typed cannot be known
// until Enter: the notice starts a line of its own, and what is typed on
// joins what was typed, which the terminal keeps and shows above it.
func (p *prompter) noticeDayAt(prompt string) {
	notice := p.newDay()
	switch {
	case notice == "":
	case p.in.echo != nil:
		p.in.echo.interject(p.asSaid(notice) + "\n" + p.asSaid(prompt) + "\n")
	default:
		if p.in.terminal {
			fmt.Fprintln(p.out)
		}
		p.say(notice)
		p.say(prompt)
	}
}

// newDay is what to say when the day has changed since accessible mode
// last looked, which it then takes as the day; "" when it has not.
func (p *prompter) newDay() string {
	today := p.d.today()
	if today == p.day {
		return ""
	}
	p.day = today
	return fmt.Sprintf("It is now %s: deadlines are judged, and a change or signature is dated, on this day.", today)
}

// isCommand reports whether line is the single-letter command c (q, b,
// l, c, o, y, n, r, s), typed in either case: a braille display or caps
// lock sends capitals. ASCII only, so that no other letter folds into a
// command.
func isCommand(line, c string) bool {
	return line == c || line == strings.ToUpper(c)
}
