package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// columns are the portfolio's column widths for a terminal width. The
// ID, status, level and open columns are as wide as their widest cell
// (the portfolio measures them), the progress as its heading; the
// subject and the questionnaire share what is left. Under 80 columns,
// where that is too little for both, the subject takes it all and the
// questionnaire is not shown: a subject is what a row is told apart by;
// where even the subject's least does not fit, the progress is not shown
// either, before a level is cut.
// From 80 columns both show, as the README says: a level named at length
// gives up room to them, down to leastLevel.
type columns struct {
	id, subject, questionnaire, status, progress, level, open int
	// shortStatus: a use the law forbids is said as "must not be used"
	// alone (homeStatus).
	shortStatus bool
}

// bothNamesFrom is the room the subject and questionnaire need to share
// it under 80 columns; bothNamesAt80 is the least they share from 80 on,
// where a portfolio in review and not rated yet, numbered in thousands,
// with the longest level names, leaves them 26.
const (
	bothNamesFrom = 30
	bothNamesAt80 = 20
	leastSubject  = 8  // the least a subject is shown in, cut
	leastLevel    = 10 // the least a level gives the names from 80 columns: "prohibited", "not rated…"
)

// homeColumns lays the portfolio out for width. A use the law forbids is
// said in the status ("rejected, must not be used"); where that leaves
// the names less than they need, the status says "must not be used"
// alone (shortStatus), and the review says the rest; where even that
// leaves them too little, a long level name is cut.
func homeColumns(width int, p *portfolio) columns {
	c := statusColumns(width, p, p.statusWidth, false)
	if c.namesFit() {
		return c
	}
	status, short := p.statusWidth, p.shortStatusWidth < p.statusWidth
	if short {
		status = p.shortStatusWidth
		if c = statusColumns(width, p, status, false); c.namesFit() {
			c.shortStatus = true
			return c
		}
	}
	c = statusColumns(width, p, status, true)
	c.shortStatus = short
	return c
}

// statusColumns lays the columns out for a status column status wide;
// from 80 columns, cutLevel lets a long level name give room to the
// names.
func statusColumns(width int, p *portfolio, status int, cutLevel bool) columns {
	if width < 80 {
		return fitColumns(width, p, status, 0, bothNamesFrom, false)
	}
	// A space between columns, and from 80 columns one more after those
	// whose cells are short words and figures, unless the questionnaire
	// needs those spaces to show.
	if c := fitColumns(width, p, status, 1, bothNamesFrom, false); c.questionnaire > 0 {
		return c
	}
	return fitColumns(width, p, status, 0, bothNamesAt80, cutLevel)
}

// namesFit reports whether the names have the room they need: both
// shown, or under 80 columns the subject its least.
func (c columns) namesFit() bool {
	return c.questionnaire > 0 || c.subject >= bothNamesFrom
}

// fitColumns lays the columns out with more spaces after the short ones,
// showing the questionnaire when the two names have least columns; with
// cutLevel, a level longer than leastLevel gives them what they lack.
func fitColumns(width int, p *portfolio, status, more, least int, cutLevel bool) columns {
	c := columns{id: p.idWidth, status: status + more, progress: len("Progress") + more, level: p.levelWidth + more, open: p.openWidth}
	rest := width - 2 - c.id - c.status - c.progress - c.level - c.open - 6
	if cutLevel && rest < least && c.level > leastLevel {
		given := min(least-rest, c.level-leastLevel)
		c.level -= given
		rest += given
	}
	if rest < least {
		// Under 80 columns, where even the subject's least does not fit,
		// the progress gives way first: a level cut ("not rated…") no
		// longer says how the assessment is rated, while how many
		// questions are answered the status and the level already hint
		// (a draft, "not rated yet") and the interview says in full.
		if width < 80 && rest+1 < leastSubject {
			rest += c.progress + 1
			c.progress = 0
		}
		c.subject = max(rest+1, leastSubject) // the questionnaire's space too
		// Where even the subject's least does not fit, a long level name
		// gives up what it lacks, down to its heading's width: cut, it
		// is still told apart, where open items cut at the edge would
		// misread ("12/1…").
		if lacks := leastSubject - (rest + 1); lacks > 0 {
			c.level = max(c.level-lacks, len("Level"))
		}
		return c
	}
	c.subject = rest * 55 / 100
	c.questionnaire = rest - c.subject
	return c
}

// forbiddenWords are what the portfolio says of an assessment whose
// answers describe a use the law forbids, whatever its status.
const forbiddenWords = assess.MustNotBeUsed

// homeStatus is an assessment's status as the portfolio shows it; short,
// a use the law forbids is said alone.
func homeStatus(a *assess.Assessment, short bool) string {
	status := string(a.Status)
	if a.Archive.Archived() {
		status = "archived"
	}
	switch {
	case !a.Summary.UseForbidden:
		return status
	case short:
		return forbiddenWords
	}
	return status + ", " + forbiddenWords
}

// homeLevel is a listed assessment's level as the portfolio shows it: a
// dash for none, "not rated yet" while answers to come could change it.
func homeLevel(s assess.Summary) string {
	if s.Level == "" {
		return "-"
	}
	return summaryLevel(s)
}

func (c columns) header() string {
	return "  " + c.join(pad("ID", c.id), pad("Subject", c.subject), pad("Questionnaire", c.questionnaire),
		pad("Status", c.status), pad("Progress", c.progress), pad("Level", c.level), pad("Open/late", c.open))
}

func (c columns) row(st styles, a *assess.Assessment, r portfolioRow) string {
	s := a.Summary
	qname := ""
	if a.Questionnaire != nil {
		qname = a.Questionnaire.Title
	}
	status := pad(homeStatus(a, c.shortStatus), c.status)
	if a.Summary.UseForbidden {
		status = st.bad.Render(status)
	}
	progress := fmt.Sprintf("%d/%d", s.Answered, s.Total)
	overdueStyle := st.muted
	if r.overdue > 0 {
		overdueStyle = st.bad
	}
	level := st.rank(s.LevelRank, s.LevelOf)
	if s.LevelUnsettled {
		level = st.muted
	}
	return c.join(pad(fmt.Sprint(a.ID), c.id), pad(clean(a.Subject), c.subject), pad(clean(qname), c.questionnaire),
		status, pad(progress, c.progress),
		level.Render(pad(homeLevel(s), c.level)), overdueStyle.Render(pad(r.openText(), c.open)))
}

// openText is the row's open items as the portfolio shows them, with
// how many are late.
func (r portfolioRow) openText() string {
	if r.overdue > 0 {
		return strconv.Itoa(r.open) + "/" + strconv.Itoa(r.overdue) + " late"
	}
	return strconv.Itoa(r.open)
}

// openCells is how many cells openText takes, counted without making it:
// newPortfolio measures every row of a portfolio of up to 100,000.
func (r portfolioRow) openCells() int {
	if r.overdue > 0 {
		return digits(r.open) + len("/") + digits(r.overdue) + len(" late")
	}
	return digits(r.open)
}

// digits is how many characters n, not negative, is written in.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// join puts a row's cells side by side, leaving out the questionnaire's
// and the progress's when they have no room.
func (c columns) join(id, subject, questionnaire, status, progress, level, open string) string {
	cells := []string{id, subject, questionnaire, status, progress, level, open}
	if c.progress == 0 {
		cells = slices.Delete(cells, 4, 5)
	}
	if c.questionnaire == 0 {
		cells = slices.Delete(cells, 2, 3)
	}
	return strings.Join(cells, " ")
}
