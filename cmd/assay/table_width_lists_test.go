package main

import (
	"strings"
	"testing"
)

// assay key list keeps both its tables in line whatever the names in
// them: the people who signed (their reviewer names, as registered in
// the ledger) and the names the keys are trusted as, in any script.
func TestKeyListAlignsInTerminalCells(t *testing.T) {
	dana := newCLISession(t)
	dana.env["ASSAY_REVIEWER"] = tableNames[0] // 東京データ株式会社
	rui := newCLISession(t)
	rui.env["ASSAY_DB"] = dana.env["ASSAY_DB"]
	rui.env["ASSAY_REVIEWER"] = tableNames[1] // 서울 보안 주식회사

	id := dana.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	dana.ok("review", id, "--submit")
	rui.ok("review", id, "--approve")
	dana.ok("key", "trust", tableNames[3], rui.publicKey()) // an emoji sequence
	for _, name := range []string{tableNames[2], tableNames[4]} {
		dana.ok("key", "trust", name, newCLISession(t).publicKey())
	}

	out := dana.ok("key", "list")
	checkAligned(t, "assay key list, the keys trusted", out, "TRUSTED  ")
	checkAligned(t, "assay key list, the keys registered", out, "NAME  ")
	if !strings.Contains(out, tableNames[1]) || !strings.Contains(out, "trusted as "+tableNames[3]) {
		t.Errorf("the names are not listed as given:\n%s", out)
	}
}

// assay team list keeps its columns in line whatever the logins: a
// PostgreSQL role name may be written in any script.
func TestTeamListAlignsInTerminalCells(t *testing.T) {
	s := newTeamServer(t)
	s.person(tableNames[0], "analyst", "approver") // 東京データ株式会社-xxxxxx
	s.person("서울", "auditor")
	s.person("Ζωή", "approver")
	s.person("ana", "analyst")
	r := s.admin("team", "list")
	if r.code != 0 {
		t.Fatalf("assay team list: exit %d: %s", r.code, r.errs)
	}
	checkAligned(t, "assay team list", r.stdout, "LOGIN  ")
}
