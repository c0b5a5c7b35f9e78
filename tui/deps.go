// Package tui is assay's full-screen workspace: one root model routing to
// screens (home, new assessment, interview, review, plan, report), one key
// map per screen, styles from one palette. Update never does I/O: every
// store call is a command whose result comes back as a message.
package tui

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
)

// Deps is what the workspace needs from the outside world. cmd/assay wires
// the SQLite store, the questionnaire library and the file system in; tests
// wire in whatever they like.
type Deps struct {
	Repo           assess.Repository
	Questionnaires []*assess.Questionnaire
	Catalog        *assess.Catalog
	// Today is the calendar day deadlines and overdue items are judged on.
	Today func() assess.Date
	// UntilTomorrow is how long until the next local midnight, when the
	// workspace judges deadlines again on the new day (day.go); nil: it
	// judges them again only as messages arrive.
	UntilTomorrow func() time.Duration
	// Actor is who the audit trail records for every change.
	Actor string
	// Login is the database login in team mode (the server records every
	// change under it; it is the Actor too), "" for a person's own file.
	// The header shows it, so that nobody works under another's login
	// unawares.
	Login string
	// Roles are the team roles of the login (assess.RoleAnalyst, …), nil
	// for a person's own file, where everything is allowed. What they do
	// not allow is refused before it shows, as the server would refuse
	// it: answers, notes and plans without the analyst role (readOnly),
	// and in the sign-off the decisions of another role.
	Roles []string
	// ReadRoles reads the login's team roles again (nil: they never
	// change, as on a person's own file). The workspace asks when it
	// refuses a change for lack of a role, so that a role granted while
	// it is open counts from the next try (roles.go).
	ReadRoles func(ctx context.Context) ([]string, error)
	// asked notes a refusal for lack of a role (refuse), shared by every
	// copy of these Deps; New sets it.
	asked *roleAsk
	// WriteFile writes an exported report (owner-only permissions),
	// replacing any file at path.
	WriteFile func(path string, data []byte) error
	// CreateFile writes an exported report as WriteFile does, but only to
	// a path where no file is: otherwise it changes nothing and returns
	// an error wrapping fs.ErrExist, and the workspace asks before it
	// overwrites. Nil: every export is written with WriteFile.
	CreateFile func(path string, data []byte) error
	// ExportDir is where exported reports go unless the user types a path,
	// and what a name typed without a folder, or with a relative one, is
	// relative to (exportTarget): the folder assay was started in, as for
	// assay report -o. Empty: names are written as typed.
	ExportDir string
	// Home is the home folder, in which a name typed from ~/ is written,
	// as a shell would have expanded it. Empty: such a name is refused.
	Home string
	// ASCII draws every screen in ASCII: the terminal's locale is not
	// UTF-8 (LANG=C, LC_ALL=POSIX: locale.UTF8), and anything beyond
	// ASCII would come out as garbage (ascii.go).
	ASCII bool
	// BracketedPaste is set when accessible mode reads from a terminal
	// that was told to mark pastes (ESC[?2004h): a paste, between
	// ESC[200~ and ESC[201~, is one input for the prompt it was pasted
	// at, its lines breaks kept, not one input a line
	// (accessible_input.go). Piped input is read a line an input.
	BracketedPaste bool
	// DiscardWaiting, with BracketedPaste, throws away input that has
	// arrived on the terminal and not been read, and reports whether
	// there was any. Input waiting when a paste's Enter is read came
	// with the paste: pasted text that held a paste's end marker and a
	// line break, which must not answer the prompts after it. Nil where
	// the terminal cannot say (then such text is refused only at the
	// terminal's own end marker, which it holds).
	DiscardWaiting func() bool
	// EchoTyped, with BracketedPaste, is set when the terminal's own
	// echo and line editing are off (cmd/assay): accessible mode echoes
	// what is typed and pasted itself and edits the line (Backspace,
	// Ctrl-U, Ctrl-W, Ctrl-D), so that a paste's markers, which the
	// terminal's echo showed as ^[[200~ and ^[[201~ for a screen reader
	// to read out, are never shown (accessible_echo.go).
	EchoTyped bool
	// TerminalWidth, with EchoTyped, is the terminal's width in columns
	// now (0 where it cannot be told): the echo erases a character on
	// the row above when the line typed wrapped (accessible_echo_line.go).
	TerminalWidth func() int
	// LightBackground starts the workspace with the light palette (the
	// environment says so: LightBackground(COLORFGBG)); the terminal's
	// answer to the background query, if it gives one, decides after.
	LightBackground bool
	// DeadlinesFor is the deadline policy a new assessment pins (the
	// config file's, merged with the questionnaire's); nil leaves the
	// store's default.
	DeadlinesFor func(*assess.Questionnaire) assess.Deadlines
	// Due lists the subjects due or overdue for reassessment; nil hides
	// the reminder on the home screen.
	Due func(ctx context.Context, today assess.Date) ([]assess.DueSubject, error)
	// Governance signs assessments off and starts revisions; nil leaves
	// that to the command line.
	Governance Governance
	// FourEyes is the store's rule that nobody approves or rejects an
	// assessment they submitted (four_eyes in the config file; a team
	// database, Roles not nil, holds it always): the sign-off offers them
	// not to the submitter and says why, before asking for anything. The
	// store still decides.
	FourEyes bool
	// SaveTimeout is how long a write may take before the workspace says
	// it was not saved; 0 means 25 seconds (defaultSaveTimeout).
	SaveTimeout time.Duration
	// RetryAfter is how long the workspace waits before it makes again a
	// write that failed for want of the database while its watcher
	// still heard it (or it has none), twice as long at each of the
	// next tries (retry.go); 0 means 10 seconds.
	RetryAfter time.Duration
	// Pin is an assessment's audit history as the committee report pins
	// it (its record line, for assay verify --against); nil leaves the
	// line out.
	Pin func(ctx context.Context, id int64) (ledger.Pin, error)
	// PinnedAssessment is an assessment as stored with its Pin and who set
	// each field of its plan items last and when (store.PinnedPlanStamps),
	// read as one, so that an exported report pins exactly the history it
	// shows and dates its accepted risks as assay report does; nil exports
	// the report on screen, without a record line or those days.
	PinnedAssessment func(ctx context.Context, id int64) (*assess.Assessment, ledger.Pin, assess.PlanStamps, error)
	// TrailFile is the audit trail t as assay history -o writes it to
	// path: text, or JSON for a .json name; a name for another format is
	// refused (nothing written). The trail screen's export writes it with
	// WriteFile or CreateFile; nil hides the export.
	TrailFile func(path string, t history.Trail) ([]byte, error)
	// History verifies an assessment's audit trail and reads it as
	// entries marked verified up to where verify vouches for them
	// (store.AuditHistory); nil hides the trail screen.
	History func(ctx context.Context, id int64) (history.Verdict, []history.Entry, error)
	// Changes tells of the changes others make to the portfolio, which
	// the workspace then shows (live.go); nil: it does not follow them.
	Changes assess.Changes
	// Created says, as a sentence, where this session created a new,
	// empty portfolio ("" when it opened one that was there): the first
	// screen's status line and accessible mode say it, so that someone
	// who meant another file knows which one their work goes into.
	Created string
}

func (d Deps) saveTimeout() time.Duration {
	if d.SaveTimeout > 0 {
		return d.SaveTimeout
	}
	return defaultSaveTimeout
}

func (d Deps) ctx() context.Context {
	return assess.WithActor(context.Background(), d.Actor)
}

func (d Deps) questionnaire(id string) *assess.Questionnaire {
	for _, q := range d.Questionnaires {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// readOnly says why this person may not change answers, notes and plans
// (a team login without the analyst role), "" when they may.
func (d Deps) readOnly() string {
	if d.Roles == nil || slices.Contains(d.Roles, assess.RoleAnalyst) {
		return ""
	}
	return fmt.Sprintf("your login %s has %s: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant)",
		d.Login, assess.RoleWords(d.Roles))
}
