package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/locale"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/tui"
)

// runTUI opens the workspace: full screen, or plain line prompts with
// --accessible (for screen readers, and whenever there is no terminal to
// draw on: plainPromptsReason).
func (a *app) runTUI(cmd *cobra.Command) error {
	shown, creating := a.newNamedDatabase()
	onTerminal := readsTerminal(a.stdin)
	if creating && onTerminal {
		if err := a.confirmNewDatabase(cmd.Context(), shown); err != nil {
			return err
		}
	}
	if creating && !onTerminal {
		if err := a.refuseMissingFolder(shown); err != nil {
			return err
		}
	}
	firstShown, first := a.newDefaultDatabase()
	deps, err := a.tuiDeps()
	if err != nil {
		return err
	}
	// Said once, by the workspace: without a terminal (plain prompts)
	// before its first list, where standard error had said it too.
	switch {
	case creating:
		deps.Created = createdWords(shown, a.dbNamedBy)
	case first:
		deps.Created = createdWords(firstShown, "")
	}
	if a.accessible {
		return a.runAccessible(cmd.Context(), deps)
	}
	if why := plainPromptsReason(readsTerminal(a.stdin), isTerminal(a.stdout), a.getenv("TERM")); why != "" {
		inform(a.stderr, why+": plain line prompts, as with --accessible")
		return a.runAccessible(cmd.Context(), deps)
	}
	// Others' changes show as they are made; without a watch (it could
	// not start) the workspace works as before.
	if watch, err := a.db.Watch(cmd.Context()); err == nil {
		defer watch.Close()
		deps.Changes = watch
	}
	p := tea.NewProgram(tui.New(deps), tea.WithContext(cmd.Context()), tea.WithInput(a.stdin), tea.WithOutput(a.stdout))
	final, err := p.Run()
	if err == tea.ErrProgramKilled && cmd.Context().Err() != nil {
		return nil // interrupted by a signal: everything confirmed is already stored
	}
	if err != nil {
		return err
	}
	// The screen is gone: changes the store did not confirm (a failed
	// write, one that got no answer, or one a second ctrl+c left behind)
	// are said here.
	if ws, ok := final.(tui.Model); ok {
		// What quitting waited for and the screen could no longer show:
		// an assessment being created as ctrl+c was pressed.
		for _, l := range ws.Saved() {
			inform(a.stderr, messageLine(l))
		}
		if lost := ws.Unsaved(); len(lost) > 0 {
			// One of them may still be running: closing the database
			// would wait for it, so the process exit closes the file
			// instead (SQLite keeps a transaction whole either way).
			a.db = nil
			// Each line says what became of its change: refused, not
			// written yet, or given up for want of an answer, which the
			// server may still have recorded; so the heading says only
			// what they share, never that all were not saved.
			fmt.Fprintln(a.stderr, "Not known to be saved when assay left:")
			for _, l := range lost {
				fmt.Fprintln(a.stderr, "  "+messageLine(l))
			}
			a.keepLongUntyped(ws.LongUntyped())
			return exitError{code: 1, msg: assess.Count(len(lost), "change is", "changes are") + " not known to be saved"}
		}
	}
	return nil
}

func (a *app) tuiDeps() (tui.Deps, error) {
	db, err := a.store()
	if err != nil {
		return tui.Deps{}, err
	}
	lib, err := a.library()
	if err != nil {
		return tui.Deps{}, err
	}
	cfg, err := a.config()
	if err != nil {
		return tui.Deps{}, err
	}
	cwd, _ := os.Getwd()
	// On a team database the workspace reads the login's roles again
	// after refusing a change for lack of one: a role granted while it
	// is open counts without a restart.
	var readRoles func(context.Context) ([]string, error)
	if db.Team() {
		readRoles = db.ReadRoles
	}
	// The trail screen verifies as assay verify does: snapshots decoded
	// from their YAML, not trusted from the cache.
	db.SetVerifyDecoder(questionnaires.Decode)
	// The workspace reads and writes on this one handle: a read that
	// fails (the list read again on a lost server, a report on a damaged
	// file) says nothing could be read; a save, that nothing was recorded.
	db.WordReadsAsReads()
	return tui.Deps{
		DeadlinesFor: cfg.DeadlinesFor,
		Due: func(ctx context.Context, today assess.Date) ([]assess.DueSubject, error) {
			subjects, err := db.Subjects(ctx)
			if err != nil {
				return nil, err
			}
			return assess.DueSubjects(subjects, cfg.CadencePolicy(), today), nil
		},
		Repo:             db,
		Governance:       db,
		FourEyes:         db.FourEyes,
		Pin:              db.Pin,
		History:          a.auditHistory(db),
		TrailFile:        trailFile,
		PinnedAssessment: db.PinnedPlanStamps,
		Questionnaires:   lib.All(),
		Catalog:          lib.Catalog(),
		Today:            func() assess.Date { return assess.DateOf(time.Now()) },
		UntilTomorrow:    untilTomorrow,
		Actor:            a.actor(),
		Login:            db.Login(),
		Roles:            db.Roles(),
		ReadRoles:        readRoles,
		WriteFile:        a.writeFile,
		CreateFile:       a.createExport,
		ExportDir:        cwd,
		Home:             a.home(),
		LightBackground:  tui.LightBackground(a.getenv("COLORFGBG")),
		ASCII:            !locale.UTF8(a.getenv),
		SaveTimeout:      writeDeadline(a.getenv),
	}, nil
}

// writeFile writes the workspace's report export, atomically and
// owner-only, under the rules of -o (output.go). The workspace gives the
// file by its full path: a name typed from ~/ is in the home folder
// (tui.Deps.Home), as a shell would have expanded it.
func (a *app) writeFile(path string, data []byte) error {
	if path == "-" {
		return errors.New("enter a file name, not -")
	}
	return a.replaceFile(path, path, data)
}

// createExport writes the workspace's report export as writeFile does,
// unless a file is there already (an error wrapping fs.ErrExist): the
// workspace asks before it overwrites one.
func (a *app) createExport(path string, data []byte) error {
	if path == "-" {
		return errors.New("enter a file name, not -")
	}
	return a.createFile(path, path, data)
}

// untilTomorrow is how long until the next local midnight, when an open
// workspace judges its deadlines on the new day.
func untilTomorrow() time.Duration {
	now := time.Now()
	y, m, d := now.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, now.Location()).Sub(now)
}
