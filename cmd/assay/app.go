package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/locale"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// app holds what every command needs, opened on first use.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	base           context.Context // the run's, which Ctrl-C cancels

	dbPath           string
	questionnaireDir string
	reviewer         string
	accessible       bool
	// questionnaireDirGiven: the folder was named with --questionnaires,
	// so it must be there (questionnaires_folder.go).
	questionnaireDirGiven bool
	// mustExist: the command opens the database without creating it,
	// and dbNamedBy says who named it ("--db", "$ASSAY_DB" or "" for the
	// default place), for the message when it is not there
	// (db_existing.go).
	mustExist bool
	dbNamedBy string
	// toRead: the command only reads the portfolio (readsOnly), and a
	// team database is opened to read (store.OpenTeamToRead).
	toRead bool
	// buildsFirst: where there is no database yet, the command builds it
	// under a name of its own, and first is that build (db_first.go).
	buildsFirst bool
	first       *firstBuild

	db          *store.DB
	dec         *questionnaires.Decoder
	lib         *questionnaires.Library
	libProblems questionnaires.Problems // the user's files the library skipped, until reported
	cfg         *Config                 // the settings file, loaded on first use (config.go)
	cfgSrc      []byte                  // its text, for the positions of its keys
	cfgErr      error                   // why it did not load
}

// run executes assay with args and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	stderr = messagesIn(stderr, locale.UTF8(getenv))
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, base: ctx}
	defer a.close()
	defer drawsASCII(stdout, locale.UTF8(getenv))()
	root := a.rootCommand()
	if args == nil {
		args = []string{} // cobra would read a nil command line from os.Args
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	help := helpShown(root, args)
	if help && beforePlainHelp != nil {
		beforePlainHelp()
	}
	helpOut, flushHelp := fitHelp(stdout, help)
	defer flushHelp()
	root.SetOut(helpOut)
	root.SetErr(stderr)
	err := execute(ctx, root, stderr, fang.WithVersion(version()))
	if err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	return 0
}

// oneLineError prints "assay: message": one line that scripts can read.
// A command stopped by Ctrl-C or SIGTERM says nothing here: main says it
// was interrupted (interrupt.go).
func oneLineError(w io.Writer, err error) {
	var ee exitError
	if errors.As(err, &ee) && ee.silent || errors.Is(err, context.Canceled) {
		return
	}
	msg := messageLine(err.Error())
	fmt.Fprintln(w, "assay: "+msg)
}

// exitError carries a specific exit code; silent ones have already said
// what went wrong (lint prints each problem itself).
type exitError struct {
	code   int
	silent bool
	msg    string
}

func (e exitError) Error() string { return e.msg }

func version() string {
	return "0.1.0"
}

func (a *app) close() {
	a.dropFirst() // still there: the command did not succeed
	if a.db != nil {
		a.db.Close()
	}
}

// defaultDBPath is $ASSAY_DB, else $XDG_DATA_HOME/assay/assay.db, else
// ~/.local/share/assay/assay.db.
func (a *app) defaultDBPath() string {
	if p := a.getenv("ASSAY_DB"); p != "" {
		return p
	}
	return filepath.Join(a.xdgDir("XDG_DATA_HOME", ".local/share"), "assay", "assay.db")
}

// decoder decodes questionnaires for the store and the library, each
// once per process, keeping their compiled forms in
// $XDG_CACHE_HOME/assay/questionnaires (else ~/.cache/assay/…) so that
// the next command need not parse them again (questionnaires.Decoder).
func (a *app) decoder() *questionnaires.Decoder {
	if a.dec == nil {
		a.dec = questionnaires.NewDecoder(filepath.Join(a.xdgDir("XDG_CACHE_HOME", ".cache"), "assay", "questionnaires"))
	}
	return a.dec
}

func (a *app) defaultQuestionnaireDir() string {
	return filepath.Join(a.xdgDir("XDG_CONFIG_HOME", ".config"), "assay", "questionnaires")
}

func (a *app) xdgDir(env, fallback string) string {
	if d := a.getenv(env); d != "" && filepath.IsAbs(d) {
		return d
	}
	return filepath.Join(a.home(), fallback)
}

// home is $HOME, else the home folder the system knows.
func (a *app) home() string {
	if home := a.getenv("HOME"); home != "" {
		return home
	}
	home, _ := os.UserHomeDir()
	return home
}

func (a *app) store() (*store.DB, error) {
	if a.db != nil {
		return a.db, nil
	}
	var db *store.DB
	var err error
	t, terr := store.ParseTarget(a.dbPath)
	if terr == nil && !t.Postgres {
		// What a first command killed with SIGKILL was building beside
		// the place (db_first.go): its answers, in a file nobody opens,
		// which would otherwise stay until the next command that creates
		// the database, in folder listings and copies of the folder.
		removeStaleBuilds(a.dbPath, "creating")
	}
	if a.buildsFirst && terr == nil && !t.Postgres {
		db, err = a.storeFirst(a.dbPath)
	}
	if db == nil && err == nil {
		db, err = a.openStoreMode(a.dbPath, !a.mustExist)
	}
	if err != nil {
		return nil, err
	}
	if trailClock != nil {
		db.Now = trailClock
	}
	a.db = db
	return db, nil
}

// openStore opens the database at path as store does, for the caller to
// close: assay migrate --from builds its new file under a name of its own.
func (a *app) openStore(path string) (*store.DB, error) {
	return a.openStoreMode(path, true)
}

// openStoreMode is openStore, creating a missing SQLite file only if
// create says so (db_existing.go).
func (a *app) openStoreMode(path string, create bool) (*store.DB, error) {
	// A settings file that does not load stops the command before the
	// portfolio opens: it names who changes are recorded as (reviewer)
	// and whether sign-offs need a second person (four_eyes), neither of
	// which may silently fall back to a default.
	cfg, _, err := a.settings()
	if err != nil {
		return nil, err
	}
	db, err := a.openTargetMode(path, create)
	if err != nil {
		return nil, err
	}
	if err := a.rescore(db); err != nil {
		db.Close()
		return nil, err
	}
	db.FourEyes = cfg.FourEyes
	// Changes are signed with the person's key, created on their first
	// change; verify and import trust their key and the ones they chose
	// (keys.go). A command that only reads never touches either.
	db.SetKeySource(a.signingKey)
	db.SetTrust(a.keyring)
	return db, nil
}

// rescore scores again, once, the assessments whose stored summaries an
// assay with older scoring rules wrote (store.RescoreOlder), so that lists
// and the home screen show the levels their reports give. It says so
// first: on a large portfolio it takes a while. A rescore that fails
// leaves the older levels shown and does not stop the command; Ctrl-C
// does.
func (a *app) rescore(db *store.DB) error {
	ctx := a.base
	if ctx == nil {
		ctx = context.Background() // an app a test made without run
	}
	n, err := db.RescoreOlder(ctx, func(n int) {
		inform(a.stderr, fmt.Sprintf("Scoring %s again under %s: %s from an older assay (this happens once)",
			assess.Count(n, "assessment", "assessments"), assess.ScoringVersion, assess.Plural(n, "its stored level came", "their stored levels came")))
	})
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		// The command goes on, and ends well: information, not an error.
		inform(a.stderr, fmt.Sprintf("Scoring again did not finish: %s; lists show the older levels of those not done, and it is tried again next time", messageLine(err.Error())))
	case n > 0:
		inform(a.stderr, fmt.Sprintf("Scored %s again", assess.Count(n, "assessment", "assessments")))
	}
	return nil
}

// library loads the built-in questionnaires and the user's own; problems
// in the user's files are reported but do not stop assay.
func (a *app) library() (*questionnaires.Library, error) {
	lib, err := a.loadLibrary()
	if err != nil {
		return nil, err
	}
	for _, p := range a.libProblems {
		// Information, not an error: the command goes on without the file.
		inform(a.stderr, "Skipping the questionnaire file "+messageLine(p.String()))
	}
	a.libProblems = nil
	return lib, nil
}

// loadLibrary is library without reporting the files it skipped; the
// settings file uses it to know the questionnaire IDs (config.go).
func (a *app) loadLibrary() (*questionnaires.Library, error) {
	if a.lib != nil {
		return a.lib, nil
	}
	dir, err := a.questionnaireFolder()
	if err != nil {
		return nil, err
	}
	lib, problems, err := questionnaires.LoadWith(dir, a.decoder())
	if err != nil {
		return nil, err
	}
	a.lib, a.libProblems = lib, problems
	return lib, nil
}

// catalog is the control catalog: the built-in frameworks and the user's
// catalogs from the questionnaires folder. If the library does not load,
// the built-in catalog still names assay's own controls.
func (a *app) catalog() *assess.Catalog {
	if lib, err := a.library(); err == nil {
		return lib.Catalog()
	}
	return questionnaires.Catalog()
}

// actor is who the audit trail records: --reviewer, $ASSAY_REVIEWER, the
// config file's reviewer, or the login name. In team mode it is the
// database login, whatever else says (team.go).
func (a *app) actor() string {
	if login, ok := a.teamLogin(); ok {
		return login
	}
	if a.reviewer != "" {
		return a.reviewer
	}
	if r := a.getenv("ASSAY_REVIEWER"); r != "" {
		return r
	}
	if r := a.configReviewer(); r != "" {
		return r
	}
	if u := a.loginName(); u != "" {
		return u
	}
	return "unknown"
}

func (a *app) ctx(cmd *cobra.Command) context.Context {
	return assess.WithActor(cmd.Context(), a.actor())
}

// assessment loads an assessment by the ID given on the command line.
func (a *app) assessment(cmd *cobra.Command, arg string) (*assess.Assessment, error) {
	id, err := assessmentID(arg)
	if err != nil {
		return nil, err
	}
	db, err := a.store()
	if err != nil {
		return nil, err
	}
	return db.Assessment(a.ctx(cmd), id)
}

// clock is the time now; tests that follow a plan through a year set it.
var clock = time.Now

// trailClock, when set, is the clock the database records changes by
// (store.DB.Now) instead of the store's own: tests that replay a past
// timeline set it so the audit trail dates a change on the day they
// replay (recordedOnDay), as it would have then. Nil outside tests.
var trailClock func() time.Time

// today reads --as-of, or the local calendar day.
func today(asOf string) (assess.Date, error) {
	if asOf == "" {
		return assess.DateOf(clock()), nil
	}
	d, err := assess.ParseRecordDate(asOf)
	if err != nil {
		return assess.Date{}, fmt.Errorf("--as-of: %w", err)
	}
	return d, nil
}

// evaluate loads the assessment named on the command line and scores it
// as of --as-of (default today).
func (a *app) evaluate(cmd *cobra.Command, arg, asOf string) (*assess.Evaluation, error) {
	day, err := today(asOf)
	if err != nil {
		return nil, err
	}
	asmt, err := a.assessment(cmd, arg)
	if err != nil {
		return nil, err
	}
	if err := asOfNotBeforeRecord(asOf, day, asmt); err != nil {
		return nil, err
	}
	return assess.Evaluate(asmt, day), nil
}

// asOfNotBeforeRecord refuses an --as-of day before the assessment's
// date: as of that day the assessment did not exist, and a report, plan
// or score "as of" it would carry a date before the one it was assessed
// on (a committee read a report dated before its assessment). So too a
// day before its latest sign-off: --as-of judges deadlines on another
// day, it does not hide a decision taken after it, and a report dated
// the 5th showed an approval signed on the 7th; a revision's report names
// the approval of the assessment it revises, which counts as its own
// (assess.ShownSignOff). The latest of those days
// and any later one are taken. The default, today, is before them only
// where a colleague ahead in time dated the assessment or signed on a
// day that has not begun here; assess.Evaluate then judges it on that
// day (assess.JudgedOn), so nothing is refused.
func asOfNotBeforeRecord(asOf string, day assess.Date, asmt *assess.Assessment) error {
	if asOf == "" {
		return nil
	}
	if day.Before(asmt.AssessedOn) {
		return asOfRefused{fmt.Errorf("--as-of: %s is before assessment %d was assessed, on %s: give that day or a later one", day, asmt.ID, asmt.AssessedOn)}
	}
	if s, ok := asmt.ShownSignOff(); ok && day.Before(s.On) {
		of := fmt.Sprintf("assessment %d", s.Of)
		if s.Of != asmt.ID {
			// A revision's report names the approval it replaces.
			of += fmt.Sprintf(", which assessment %d revises,", asmt.ID)
		}
		return asOfRefused{fmt.Errorf("--as-of: %s is before the %s of %s by %s on %s: give that day or a later one",
			day, assess.SignOffNoun(s.SignOff), of, safetext.OneLine(s.Name), s.On)}
	}
	return nil
}

// asOfRefused is asOfNotBeforeRecord's refusal, which names --as-of
// itself: a command that words another flag's errors (report --since)
// passes it on as it is, so that it reads as it does everywhere else.
type asOfRefused struct{ error }

func (r asOfRefused) Unwrap() error { return r.error }

// evaluatePinned is evaluate with the pin of the audit history the
// evaluation shows, and who set each plan item's fields when, all read in
// one transaction (store.PinnedPlanStamps), for the documents verify
// --against checks; the OSCAL risk logs are dated by the stamps.
func (a *app) evaluatePinned(cmd *cobra.Command, arg, asOf string) (*assess.Evaluation, ledger.Pin, assess.PlanStamps, error) {
	day, err := today(asOf)
	if err != nil {
		return nil, ledger.Pin{}, nil, err
	}
	id, err := assessmentID(arg)
	if err != nil {
		return nil, ledger.Pin{}, nil, err
	}
	db, err := a.store()
	if err != nil {
		return nil, ledger.Pin{}, nil, err
	}
	asmt, pin, stamps, err := db.PinnedPlanStamps(a.ctx(cmd), id)
	if err != nil {
		return nil, ledger.Pin{}, nil, err
	}
	if err := asOfNotBeforeRecord(asOf, day, asmt); err != nil {
		return nil, ledger.Pin{}, nil, err
	}
	return assess.Evaluate(asmt, day), pin, stamps, nil
}
