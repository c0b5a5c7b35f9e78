package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A backup killed before its rename leaves its folder, .NAME.backup-PID,
// holding a copy of the portfolio named NAME (assay migrate --from,
// .NAME.migrating-PID). removeStaleBuilds clears what a killed run to the
// same name left; backups named by their day (portfolio-2026-03-15.db,
// as the README names them) are never made to the same name again, and
// their killed runs' copies stayed for good. Each backup (each move into
// a new file) also clears, in the folder it writes to, every such folder
// of another name whose run is gone: a folder of this user's holding
// nothing but NAME and the files SQLite keeps beside it. A folder named
// so that holds anything else, another user's, a plain file of that
// name, and a live run's are left as they are.

// removeDeadBuildsIn removes those folders of kind (backup, migrating)
// in dir.
func removeDeadBuildsIn(dir, kind string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name, pid, ok := buildFolderName(e.Name(), kind)
		if !ok || !e.IsDir() || pid == os.Getpid() || !processGone(pid) {
			continue
		}
		folder := filepath.Join(dir, e.Name())
		if fi, err := os.Lstat(folder); err != nil || !fi.IsDir() || !ownedByMe(fi) || !onlyBuildFiles(folder, name) {
			continue
		}
		_ = os.RemoveAll(folder)
	}
}

// buildFolderName reads a name .NAME.KIND-PID: NAME and PID.
func buildFolderName(entry, kind string) (name string, pid int, ok bool) {
	rest, ok := strings.CutPrefix(entry, ".")
	i := strings.LastIndex(rest, "."+kind+"-")
	if !ok || i <= 0 {
		return "", 0, false
	}
	pid, err := strconv.Atoi(rest[i+len(kind)+2:])
	if err != nil || pid <= 0 {
		return "", 0, false
	}
	return rest[:i], pid, true
}

// onlyBuildFiles reports whether folder holds nothing but regular files
// named name and name with the suffixes SQLite adds.
func onlyBuildFiles(folder, name string) bool {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return false
	}
	for _, e := range entries {
		suffix, ok := strings.CutPrefix(e.Name(), name)
		if !ok || !slices.Contains(databaseSuffixes, suffix) || !e.Type().IsRegular() {
			return false
		}
	}
	return true
}
