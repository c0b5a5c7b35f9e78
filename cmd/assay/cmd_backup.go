package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

func (a *app) backupCommand() *cobra.Command {
	var overwrite, unverified bool
	var out string
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy your portfolio into a backup file, safely while assay runs",
		Long: `assay backup FILE copies your SQLite portfolio (--db, or $ASSAY_DB) into
FILE as of one moment: every change confirmed before it began, none half
made, while other assay windows keep working. Copying the database with
cp while assay runs can take a torn copy: the newest changes wait in the
-wal file beside it.

The copy is built beside FILE, in a folder only you may enter
(.NAME.backup-PID), checked (SQLite's integrity check, assay's schema, and
everything assay verify checks: ledger, audit trails, signatures), written
to disk, and only then renamed to FILE, with mode 0600. A backup killed at
any moment leaves no FILE (or, once renamed, the whole backup); the next
one into that folder removes what it left, whatever its name. It prints the
number of assessments and subjects and the ledger's head (entry and hash):
keep them with the file, to compare later.

FILE must not exist yet; --overwrite replaces an earlier backup of this
portfolio, and nothing else: a file that is not an assay database is
refused, and so is another portfolio's database, or a backup of a
history this one no longer has (its ledger head is not in this ledger),
a database with a -wal, -shm or -journal file beside it (open, or left
mid-write), a backup you made read-only to protect it (make it writable
first), another user's file you may not write, and another user's file
in a shared folder such as /tmp (owned by neither you nor the folder's
owner), even for root. Whether or not FILE exists, assay backup refuses
the database assay is using and its -wal, -shm or -journal file (through
a link too), your signing key, the keys you trust or the settings file,
a folder, a named pipe or a device, a name in a folder that does not
exist (assay creates none), a name beginning with a ~ the shell did not
expand, an empty name, a name of the form assay gives the copy it builds
(.NAME.backup-PID or .NAME.migrating-PID), which a later backup removes,
a symbolic link to a file that is not there (give the path it points to),
and a symbolic link another user may have planted in a shared
folder (one the system's fs.protected_symlinks would not follow); with
--overwrite, a link of your own to an earlier backup is followed and the
file it leads to replaced. Nothing is written when it refuses. A team
database is backed up with pg_dump (docs/team.md).

A database that does not verify (changed outside assay, or signed with a
key you no longer trust) is not backed up unless you give --unverified:
then the copy is kept as it is, SQLite-checked, and named as not
verified, with what verify found, so that its state is kept before
anyone looks into it.

To restore, close every assay window, check the backup with assay --db
FILE verify, and copy it into place (removing the old database's -wal and
-shm files) or point ASSAY_DB at it. A restore rolls the portfolio back to
an earlier state, which verify alone passes: reports, POA&Ms and exports
made since pin a later history, and assay verify --against finds the
rollback (docs/security.md).`,
		Example: `  assay backup ~/backups/portfolio-2026-03-15.db
  assay backup --overwrite -o /mnt/usb/portfolio.db
  assay --db ~/backups/portfolio-2026-03-15.db verify`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// -o FILE, as report and export take it, or FILE alone.
			switch {
			case len(args) == 0 && out == "": // said as every command's missing argument is
				return fmt.Errorf("backup needs the backup file to write: assay backup ~/backups/portfolio.db (or -o FILE)")
			case len(args) == 1 && out != "":
				return fmt.Errorf("give the backup file once: assay backup FILE (or -o FILE)")
			}
			if out == "" {
				out = args[0]
			}
			if out == "" { // assay backup "" or "$UNSET": the system would say "is a directory"
				return fmt.Errorf("the backup file's name is empty: give assay backup FILE; nothing was written")
			}
			if err := refuseOtherExtension("backup", out, "a SQLite database (.db, .sqlite or .sqlite3, or any name of your own)", "db"); err != nil {
				return err
			}
			return a.backup(cmd.Context(), out, overwrite, unverified)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the backup file (the same as giving FILE)")
	cmd.Flags().BoolVar(&overwrite, "overwrite", false, "replace FILE if it holds an earlier backup of this portfolio, never another file")
	cmd.Flags().BoolVar(&unverified, "unverified", false, "keep a copy of a database that does not verify, named as such, instead of refusing")
	return cmd
}

// backup writes the portfolio into name, as above.
func (a *app) backup(ctx context.Context, name string, overwrite, unverified bool) error {
	if a.isTeam() {
		return fmt.Errorf("%s names a team database, which assay backup does not copy: back it up with pg_dump (docs/team.md, Backups), "+
			"or make a personal copy in a SQLite file with assay migrate --from DSN --db FILE; nothing was written", a.dbNamer())
	}
	target, err := a.backupTarget(ctx, name, overwrite)
	if err != nil {
		return err
	}
	// The folder checked is held open from here, and the copy built,
	// checked again, renamed and synced in it (holdFolder): one swapped
	// for a link meanwhile does not take the backup elsewhere.
	outputChecked(target)
	dir, base, release, err := holdFolder(name, name, target)
	if err != nil {
		return err
	}
	defer release()
	held := filepath.Join(dir, base) // target, in the folder held
	folderHeld(target)
	if _, err := os.Lstat(a.dbPath); err != nil {
		if errors.Is(err, fs.ErrNotExist) && a.dbNamedBy != "" {
			// As every other command that reads (openExisting): say who
			// named the file, so that a mistyped name is found.
			return fmt.Errorf("there is no database at %s to back up: nothing has been recorded there, and nothing was written; check the name given with %s",
				safetext.OneLine(a.dbPath), a.dbNamedBy)
		}
		return fmt.Errorf("there is no database at %s to back up (%v); nothing was written", safetext.OneLine(a.dbPath), errors.Unwrap(err))
	}
	db, err := a.store()
	if err != nil {
		return err
	}
	if err := earlierBackup(ctx, db, name, held, overwrite); err != nil {
		return err
	}
	removeStaleBuilds(held, "backup")
	removeDeadBuildsIn(filepath.Dir(held), "backup") // killed backups to other names (stale_builds_others.go)
	folder := buildingPrefix(held, "backup") + strconv.Itoa(os.Getpid())
	removeBuild(folder) // one of this process's ID is a dead one's
	building, err := makeBuild(folder, held)
	if err != nil {
		return cannotWrite(name, err)
	}
	defer os.RemoveAll(folder) // empty once the copy is in place
	done, err := a.buildBackup(ctx, db, building, name, unverified)
	err = asGiven(err, building, name)
	if err == nil {
		// Checked again just before the rename, which replaces whatever
		// is at target by then: by name, then in the folder held.
		if _, err = a.backupTarget(ctx, name, overwrite); err == nil {
			err = a.refuseHeld(name, target, held, false)
		}
		if err == nil {
			err = earlierBackup(ctx, db, name, held, overwrite)
		}
	}
	if err == nil && overwrite {
		err = replaceInPlace(building, held, name)
	} else if err == nil {
		err = newInPlace(building, held, name)
	}
	if err != nil {
		return err
	}
	holds := assess.Count(done.res.Assessments, "assessment", "assessments") + " and " + assess.Count(done.res.Subjects, "subject", "subjects")
	if done.broken != "" {
		fmt.Fprintf(a.stderr, "assay: the copy does not verify: %s (assay verify says the same of the database)\n", done.broken)
		fmt.Fprintf(a.stdout, "Backed up to %s: %s, NOT verified: it holds the database as it is, changes made outside assay included.\n", shownName(name), holds)
	} else {
		fmt.Fprintf(a.stdout, "Backed up to %s: %s, verified (%s and %s intact).\n", shownName(name), holds,
			assess.Count(done.res.Records, "audit record", "audit records"), assess.Count(done.res.Entries, "ledger entry", "ledger entries"))
	}
	if done.seq == 0 {
		fmt.Fprintln(a.stdout, "Ledger head: none; nothing has been written yet.")
	} else {
		fmt.Fprintf(a.stdout, "Ledger head: entry %d, hash %s.\n", done.seq, done.hash)
	}
	return nil
}

// backupDone is what a backup holds: the verify of the copy (and what
// it found broken, for a copy kept --unverified), and its ledger's head.
type backupDone struct {
	res    store.VerifyResult
	broken string
	seq    int64
	hash   string
}

// buildBackup copies db into building, a file of its own, and checks the
// copy as assay verify --db would, then closes it and writes it to disk.
func (a *app) buildBackup(ctx context.Context, db *store.DB, building, name string, unverified bool) (backupDone, error) {
	f, err := os.OpenFile(building, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return backupDone{}, cannotWrite(name, err)
	}
	f.Close()
	backupCopyCreated(building)
	abs, err := filepath.Abs(building) // never read as a file: URI
	if err == nil {
		err = db.BackupInto(ctx, abs, shownName(name))
	}
	if err != nil {
		return backupDone{}, fmt.Errorf("%w; nothing was written", err)
	}
	if err := store.CheckBackup(ctx, building); err != nil {
		return backupDone{}, fmt.Errorf("%w; nothing was written", err)
	}
	copyDB, err := a.openTarget(building)
	if err != nil {
		return backupDone{}, fmt.Errorf("%w; nothing was written", err)
	}
	copyDB.ShowAs(name)
	copyDB.SetTrust(a.keyring)
	copyDB.SetVerifyDecoder(questionnaires.Decode)
	var done backupDone
	done.res, err = copyDB.VerifyWith(ctx, store.VerifyOptions{})
	if err == nil && done.res.Broken != nil {
		done.broken = safetext.OneLine(done.res.Broken.Error())
		if !unverified {
			err = fmt.Errorf("the copy does not verify: %s (assay verify says the same of the database); nothing was written. "+
				"To keep a copy of it as it is, before looking into it, give --unverified", done.broken)
		} else {
			// Verify counted only what it checked before the break.
			done.res.Assessments, done.res.Subjects, err = copyDB.Holds(ctx)
		}
	}
	if err == nil {
		done.seq, done.hash, err = copyDB.LedgerHead(ctx)
	}
	if cerr := copyDB.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return backupDone{}, err
	}
	return done, settleClosed(building, name, "nothing was written")
}

// backupTarget is the file a backup to name writes: name itself, or the
// file a symbolic link at name points to. It refuses, naming why, the
// database and the files SQLite keeps beside it, assay's keys and
// settings (ownFile), anything that is not a regular file, a folder that
// is not there, and a file already there, unless overwrite and it is an
// assay database nobody has open that its owner has not made read-only,
// the user may write, and no other user planted in a shared folder.
func (a *app) backupTarget(ctx context.Context, name string, overwrite bool) (string, error) {
	shown := shownName(name)
	if input.HomeRelative(name) { // a ~ the shell left: a file called ~ here
		return "", fmt.Errorf("%s begins with ~, which the shell did not expand (it does not after --output= or in quotes): "+
			"give -o ~/NAME or the whole path; nothing was written", shown)
	}
	if err := refuseBuildName(name, "nothing was written"); err != nil {
		return "", err
	}
	if err := refusePlantedLinks(name, name, "nothing was written"); err != nil {
		return "", err
	}
	for _, reached := range pathsReached(name) {
		if a.isDatabaseFile(reached) {
			how := ""
			if throughLink(name) {
				how = ", through a link"
			}
			return "", fmt.Errorf("%s is the database assay is using (or its -wal, -shm or -journal file)%s; nothing was written", shown, how)
		}
		if what := a.ownFile(reached); what != "" {
			return "", fmt.Errorf("%s is %s; nothing was written", shown, what)
		}
	}
	if err := folderThere(name, name); err != nil {
		return "", err
	}
	if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		return asResolved(name), nil
	}
	fi, err := os.Stat(name)
	if to, lerr := os.Readlink(name); lerr == nil && errors.Is(err, fs.ErrNotExist) {
		// Said "already exists", or "cannot write: no such file or
		// directory" with --overwrite, of a name the person may not know
		// for a link.
		return "", fmt.Errorf("%s is a symbolic link to %s, which is not there: assay backup writes a new FILE only where nothing is, "+
			"and replaces only an earlier backup (--overwrite); nothing was written. Give the path the link points to, or remove the link", shown, shownName(to))
	}
	folder := filepath.Dir(asResolved(name)) // the folder of the file name leads to
	if real, err := filepath.EvalSymlinks(name); err == nil {
		folder = filepath.Dir(real)
	}
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return "", fmt.Errorf("%w; nothing was written", input.NotRegular(shown, fi.Mode()))
	case !overwrite:
		return "", fmt.Errorf("%s already exists; nothing was written. Give --overwrite to replace an earlier backup", shown)
	case err != nil:
		return "", cannotWrite(shown, err)
	case plantedFile(folder, fi) != "":
		// Another user's file in /tmp: root's rename would replace it.
		return "", plantedFileRefusal(shown, folder, plantedFile(folder, fi))
	case fi.Mode().Perm()&0o200 == 0:
		// The rename that replaces it ignores the file's mode, and root
		// may write it anyway: the user's chmod is what protects it.
		return "", fmt.Errorf("%s is read-only (protected from changes); nothing was written. "+
			"If you mean to replace it, make it writable first (chmod u+w)", shown)
	case mayNotWrite(name) != "":
		// Another user's file in a folder the user may write: the
		// rename would replace it all the same.
		return "", fmt.Errorf("%s is read-only for you: %s; nothing was written", shown, mayNotWrite(name))
	}
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", cannotWrite(shown, err)
	}
	for _, suffix := range databaseSuffixes[1:] {
		if _, err := os.Lstat(target + suffix); err == nil {
			return "", fmt.Errorf("%s has a %s file beside it: assay or another program has it open, or stopped while writing it; nothing was written", shown, suffix)
		}
	}
	if err := store.CheckAssayFile(ctx, target); err != nil {
		return "", fmt.Errorf("--overwrite replaces only an earlier backup, and %s; nothing was written",
			safetext.OneLine(strings.TrimSuffix(err.Error(), "; assay left it unchanged")))
	}
	return target, nil
}

// earlierBackup refuses to let --overwrite replace target unless it is
// an earlier backup of this portfolio: its ledger head is an entry of
// the database's ledger. Another portfolio's database (nobody has it
// open, so backupTarget finds no -wal beside it) and a backup of a
// history this portfolio no longer has (made before a restore rolled it
// back) are assay databases too, and replacing either loses what only
// it holds. A target that is not there yet is no one's.
func earlierBackup(ctx context.Context, db *store.DB, name, target string, overwrite bool) error {
	if !overwrite {
		return nil
	}
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	seq, hash, err := store.FileLedgerHead(ctx, target)
	if err != nil {
		return fmt.Errorf("%w; nothing was written", err)
	}
	if seq == 0 {
		return nil // nothing written in it: no history to lose
	}
	ours, err := db.LedgerHashAt(ctx, seq)
	if err != nil {
		return fmt.Errorf("%w; nothing was written", err)
	}
	if ours != hash {
		return fmt.Errorf("%s is not a backup of this portfolio: its ledger entry %d (hash %s) is not in this database's ledger, "+
			"so it is another portfolio's database, or a backup of a history this one no longer has (made before a restore); "+
			"--overwrite replaces only an earlier backup of this portfolio; nothing was written. Choose another file",
			shownName(name), seq, safetext.OneLine(hash))
	}
	return nil
}

// pathsReached is name (its folder resolved as the system resolves it,
// asResolved), the file its links lead to, and the file a link at name
// names even when that file is not there yet (a -wal to come).
func pathsReached(name string) []string {
	resolved := asResolved(name)
	paths := []string{resolved}
	if real, err := filepath.EvalSymlinks(name); err == nil {
		paths = append(paths, real)
	}
	if dest, err := os.Readlink(name); err == nil {
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(resolved), dest)
		}
		paths = append(paths, dest)
	}
	return paths
}

// throughLink says whether name reaches its file by way of a symbolic
// link: name itself, or a folder on its path. A path with .. in it, or a
// second name (a hard link), is no link.
func throughLink(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return true
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	return err == nil && dir != filepath.Dir(abs)
}

// replaceInPlace renames building over target, an earlier backup, in one
// step: a reader or a crash sees the old backup or the new one. name is
// the backup as the person gave it.
func replaceInPlace(building, target, name string) error {
	if err := os.Rename(building, target); err != nil {
		return fmt.Errorf("renaming the copy to %s: %w; nothing was written", shownName(name), unheld(err))
	}
	syncFolder(filepath.Dir(target))
	return nil
}

// newInPlace gives building the name target, unless something took it
// meanwhile (linkInPlace), saying so by name, the backup as the person
// gave it.
func newInPlace(building, target, name string) error {
	switch err := linkInPlace(building, target); {
	case errors.Is(err, errAppeared):
		return appeared(name)
	case err != nil:
		return fmt.Errorf("renaming the copy to %s: %w; nothing was written", shownName(name), unheld(err))
	}
	return nil
}
