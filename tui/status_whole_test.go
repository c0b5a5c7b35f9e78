package tui_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// unreadable reads as its Repository does, but every read of one
// assessment fails with err: a file damaged under it, a server lost.
type unreadable struct {
	assess.Repository
	err error
}

func (u unreadable) Assessment(context.Context, int64) (*assess.Assessment, error) {
	return nil, u.err
}

// The workspace's status line said a failure in at most two lines, the
// second cut with "…": at 80 columns "could not open: " and a damaged
// file's name left no room for "nothing could be read" and the remedy
// after it, the words that say what happened and what to do. The status
// is said whole, wrapped, at every width the screens are laid out for,
// and the screen keeps its header and key list.
func TestTheWorkspaceSaysWhyAnAssessmentCouldNotBeOpenedWhole(t *testing.T) {
	for _, width := range []int{60, 80, 120} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			e := newEnv(t)
			e.create("vendor-security-screen", "Acme Cloud Ltd")
			why := "/home/dana/assay/privacy.db could not be read: it is damaged (its pages do not hold together as SQLite writes them); nothing could be read. " +
				"Restore it from a backup, or run assay verify to see what it still holds"
			d := e.deps()
			d.Repo = unreadable{Repository: e.db, err: errors.New(why)}
			f := e.startSized(d, width, 24)
			f.waitFor("Acme Cloud Ltd")
			f.press("enter")
			f.waitFor("could not open:")
			screen := f.screen()
			if said := flatScreen(screen[strings.Index(screen, "could not open:"):]); !strings.Contains(said, "could not open: "+why) {
				t.Errorf("at %d columns the status does not say the whole of %q:\n%s", width, why, screen)
			}
			ls := strings.Split(strings.TrimRight(screen, "\n"), "\n")
			if len(ls) != 24 || !strings.Contains(ls[0], "Assessments") || !strings.Contains(ls[len(ls)-1], "? keys") || !strings.Contains(screen, "Acme Cloud Ltd") {
				t.Errorf("at %d columns the screen is not its 24 lines of header, list and keys:\n%s", width, screen)
			}
			f.quit()
		})
	}
}

// Why others' changes are not followed, above the status, was cut to one
// line: at 60 columns a lost server's name left no room for "retrying".
func TestTheWorkspaceSaysWhyOthersChangesAreNotFollowedWhole(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	changes := make(feed)
	d := e.deps()
	d.Changes = changes
	f := e.startSized(d, 60, 24)
	f.waitFor("Acme Cloud Ltd")
	lost := "the team database ana@db.example.org/privacy cannot be reached: the server closed the connection"
	changes <- assess.Change{Lost: lost}
	want := "not following others' changes: " + lost + "; retrying"
	f.waitUntil("the whole of "+want, func(s string) bool { return strings.Contains(flatScreen(s), want) })
	f.quit()
	close(changes)
}
