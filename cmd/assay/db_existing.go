package main

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// Only the commands that start something create the database they are
// given: the workspace, new, import, subject add, key (which registers
// your key) and migrate --from (migrate --to copies a file that must be
// there, and says so itself). Every other command can only do anything with
// records already there, so it opens the database without creating it
// (store.OpenExisting): a mistyped --db or $ASSAY_DB is refused by name
// instead of becoming an empty portfolio that lists nothing, which reads
// as lost work and takes the next change into the wrong file.
var createsDatabase = []string{"assay", "assay new", "assay import", "assay subject add", "assay key", "assay key new", "assay migrate"}

// markCreators annotates the commands of createsDatabase and readsOnly
// under root. A name that is not a command is a programming error,
// caught by any test.
func markCreators(root *cobra.Command) {
	for _, path := range createsDatabase {
		annotate(root, path, createsAnnotation, "yes")
	}
	for path, writes := range readsOnly {
		annotate(root, path, readsAnnotation, cmp.Or(writes, "-"))
	}
}

// annotate sets annotation to value on the command path names.
func annotate(root *cobra.Command, path, annotation, value string) {
	cmd := root
	if path != root.Name() {
		var err error
		if cmd, _, err = root.Find(strings.Fields(path)[1:]); err != nil || cmd.CommandPath() != path {
			panic(annotation + " names no command: " + path)
		}
	}
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[annotation] = value
}

const createsAnnotation = "assay/creates-database"

// readsOnly are the commands that only read the portfolio, each with
// the flag, if any, that makes it write (assay verify --checkpoint signs
// a checkpoint into the ledger): a team database they cannot reach, or
// lose, is said as what they could not read (store.OpenTeamToRead), not
// as "nothing was recorded", which left the person wondering what assay
// list had tried to record. A command missing here is said as a write,
// which is not wrong, only odd; one here that writes would hide that
// nothing was recorded, so each is run against a database that must not
// change, and with its flag against one that must
// (TestReadOnlyCommandsLeaveTheDatabaseAsItWas).
var readsOnly = map[string]string{"assay list": "", "assay report": "", "assay verify": "checkpoint", "assay history": "",
	"assay diff": "", "assay export": "", "assay score": "", "assay coverage": "", "assay due": "", "assay overdue": "",
	"assay subject list": "", "assay subject show": "", "assay team list": ""}

// readsAnnotation marks a command of readsOnly, its value the flag that
// makes it write ("-" for none).
const readsAnnotation = "assay/reads-only"

// chooseOpening records, before cmd runs, whether it may create the
// database and who named it (--db, $ASSAY_DB or nobody), for the message
// when there is none.
func (a *app) chooseOpening(cmd *cobra.Command) {
	a.mustExist = cmd.Annotations[createsAnnotation] == ""
	writes := cmd.Annotations[readsAnnotation]
	a.toRead = writes != "" && (writes == "-" || !cmd.Flags().Changed(writes))
	// The workspace stays open for a session, and migrate --from builds
	// its new file itself: neither builds the database first.
	a.buildsFirst = !a.mustExist && cmd != cmd.Root() && cmd.CommandPath() != "assay migrate"
	switch {
	case cmd.Flags().Changed("db") && a.dbPath != "":
		a.dbNamedBy = "--db"
	case a.getenv("ASSAY_DB") != "":
		a.dbNamedBy = "$ASSAY_DB"
	}
}

// openExisting opens the SQLite file at path, which must be there, to
// read only if the command only reads (store.OpenExistingToRead: a
// damaged or locked file is said as what could not be read). Where
// nobody named it (a fresh machine's default place) and there is no file,
// it says there are no assessments yet and how to start one, and reads an
// empty portfolio that no file holds, so that lists are empty and an ID is
// not found, as in a new database.
func (a *app) openExisting(path string) (*store.DB, error) {
	openFile := store.OpenExisting
	if a.toRead {
		openFile = store.OpenExistingToRead
	}
	db, err := openFile(path, a.decoder().Decode)
	var none *store.NoDatabaseError
	if !errors.As(err, &none) {
		return db, err
	}
	shown := safetext.OneLine(path)
	switch {
	case none.LinkTo != "":
		// Wherever it was named, the portfolio is elsewhere and missing:
		// an empty one would read as lost work.
		msg := fmt.Sprintf("%s is a link to %s, which is not there: nothing was read, and nothing was created", shown, safetext.OneLine(none.LinkTo))
		if a.dbNamedBy != "" {
			msg += "; check the name given with " + a.dbNamedBy
		}
		return nil, errors.New(msg)
	case a.dbNamedBy != "" && none.Empty:
		return nil, fmt.Errorf("%s is an empty file, not an assay database: nothing has been recorded there, and assay left it unchanged; check the name given with %s", shown, a.dbNamedBy)
	case a.dbNamedBy != "":
		return nil, fmt.Errorf("there is no database at %s: nothing has been recorded there, and nothing was created; check the name given with %s", shown, a.dbNamedBy)
	case none.Empty:
		return nil, fmt.Errorf("%s is an empty file, not an assay database: nothing has been recorded there, and assay left it unchanged; assay new, or the workspace (assay), makes it one", shown)
	}
	inform(a.stderr, "no assessments yet: nothing has been recorded in "+shown+
		". Start one with assay new -q QUESTIONNAIRE -s SUBJECT (assay questionnaires lists them), or run assay to open the workspace")
	return store.OpenEmpty(path, a.decoder().Decode)
}
