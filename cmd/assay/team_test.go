package main

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
)

// assay team says exactly what it ran, and the server, not assay alone,
// holds each login to its roles: what an auditor, a login signing as
// another, or an approver of their own submission tries is refused by
// the server even when sent as raw SQL, with assay nowhere in between.
func TestTeamRolesAreTheServers(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst", "approver")
	dee := s.person("dee", "approver")
	aud := s.person("aud", "auditor")

	if r := s.admin("team", "init"); r.code != 0 || r.stdout != "The team database is up to date; nothing to do.\n" {
		t.Errorf("team init on an up-to-date database: exit %d, printed %q %s", r.code, r.stdout, r.errs)
	}
	// assay team grant prints the statements it ran (the grant and its
	// record, since team schema 010, in one transaction), and nothing
	// when there is nothing to do; team list shows the roles.
	bo := s.person("bo")
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 ||
		withoutSignatures(r.stdout) != fmt.Sprintf("BEGIN;\nGRANT assay_analyst TO %q;\nSELECT assay_record_grant('%s', 'analyst', 'grant', …);\nCOMMIT;\n", bo.login, bo.login) {
		t.Errorf("team grant: exit %d, printed %q %s", r.code, r.stdout, r.errs)
	}
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 || !strings.HasPrefix(r.stdout, "Nothing to do") {
		t.Errorf("team grant again: exit %d, printed %q", r.code, r.stdout)
	}
	if r := s.admin("team", "revoke", bo.login, "analyst"); r.code != 0 ||
		withoutSignatures(r.stdout) != fmt.Sprintf("BEGIN;\nREVOKE assay_analyst FROM %q;\nSELECT assay_record_grant('%s', 'analyst', 'revoke', …);\nCOMMIT;\n", bo.login, bo.login) {
		t.Errorf("team revoke: exit %d, printed %q %s", r.code, r.stdout, r.errs)
	}
	if r := s.admin("team", "grant", bo.login, "superuser"); r.code == 0 || !strings.Contains(r.errs, "not a team role") {
		t.Errorf("granting a role that is not a team role: exit %d, %s", r.code, r.errs)
	}
	if r := aud.run("team", "grant", aud.login, "owner"); r.code == 0 || !strings.Contains(r.errs, "may not grant or revoke the role owner") || r.stdout != "" {
		t.Errorf("an auditor granting itself owner: exit %d, printed %q, said %s", r.code, r.stdout, r.errs)
	}
	list := s.admin("team", "list").stdout
	for _, want := range []string{ana.login + "  analyst, approver", dee.login + "  approver", aud.login + "  auditor"} {
		if !containsSpaced(list, want) {
			t.Errorf("team list lacks %q:\n%s", want, list)
		}
	}
	if containsSpaced(list, bo.login) {
		t.Errorf("team list shows %s, whose role was revoked:\n%s", bo.login, list)
	}

	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))

	// The actor is the login: --reviewer naming someone else is refused,
	// and $ASSAY_REVIEWER (Dana Reyes in every person's environment) is
	// not what the trail records.
	if r := ana.run("--reviewer", dee.login, "plan", id, "--item", "mfa", "--owner", "IT"); r.code == 0 || !strings.Contains(r.errs, "--reviewer "+dee.login+" is refused") {
		t.Errorf("--reviewer naming another login: exit %d, %s", r.code, r.errs)
	}
	ana.ok("--reviewer", ana.login, "plan", id, "--item", "mfa", "--owner", "IT")
	var actors []string
	rows, err := s.raw.Query(`SELECT DISTINCT actor FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a string
		_ = rows.Scan(&a)
		actors = append(actors, a)
	}
	rows.Close()
	if len(actors) != 1 || actors[0] != ana.login {
		t.Errorf("the trail records %v, want only the login %s", actors, ana.login)
	}

	// An auditor reads and verifies but changes nothing: assay says so in
	// words, and the server refuses the same change sent as SQL.
	if r := aud.run("plan", id, "--item", "mfa", "--owner", "Auditor"); r.code == 0 || !strings.Contains(r.errs, "may not") || !strings.Contains(r.errs, "auditor") {
		t.Errorf("an auditor's plan edit: exit %d, %s", r.code, r.errs)
	}
	if !strings.Contains(aud.ok("list"), "Acme Cloud Ltd") {
		t.Error("the auditor cannot list the portfolio")
	}
	audSQL := aud.sql()
	for _, stmt := range []string{
		`UPDATE answers SET note = 'auditor was here'`,
		`INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by) VALUES (1, 'x', '{}', 'now', current_user)`,
		`DELETE FROM events`,
	} {
		if _, err := audSQL.Exec(stmt); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("auditor's %s: %v, want the server's permission denied", stmt, err)
		}
	}

	// A login cannot sign, record or register a key as another.
	anaSQL := ana.sql()
	ana.ok("key") // registers ana's key under her login
	for _, c := range []struct{ stmt, want string }{
		{`INSERT INTO ledger (seq, at, kind, key_id, note, leaves, prev_hash, hash, signature)
			VALUES (999, 'now', 'key', 'k1', '{"name":"` + dee.login + `","key":"x"}', '[]', '', 'h', 's')`, "may not register a key under the name " + dee.login},
		{`INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
			VALUES (1, 'reviewer', '` + dee.login + `', '2026-03-02', 'approved', '', 1, 'now')`, "may not sign as " + dee.login},
		{`INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
			VALUES (1, 999, 'now', '` + dee.login + `', 'answer', 'mfa', '', '', '', '')`, "must name the login that writes it"},
	} {
		if _, err := anaSQL.Exec(c.stmt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s as %s: %v, want the server's %q", firstWords(c.stmt), ana.login, err, c.want)
		}
	}

	// Four-eyes: ana submits and, although an approver, may not approve
	// her own submission, through assay or by SQL; dee may.
	ana.ok("review", id, "--submit", "--accept-unconfirmed")
	if r := ana.run("review", id, "--approve", "--accept-unconfirmed"); r.code == 0 || !strings.Contains(r.errs, "four eyes") {
		t.Errorf("the submitter approving: exit %d, %s", r.code, r.errs)
	}
	if _, err := anaSQL.Exec(`INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
		VALUES (1, 'reviewer', session_user, '2026-03-02', 'approved', '', 1, 'now')`); err == nil || !strings.Contains(err.Error(), "four eyes") {
		t.Errorf("the submitter's own approval by SQL: %v", err)
	}
	// Nor reject it, through assay or by SQL: that would read as a
	// reviewer's decision; she withdraws it instead.
	if r := ana.run("review", id, "--reject", "--comment", "Not ready"); r.code == 0 || !strings.Contains(r.errs, "may not reject it") || strings.Count(r.errs, "--withdraw") != 1 {
		t.Errorf("the submitter rejecting: exit %d, %s", r.code, r.errs)
	}
	if _, err := anaSQL.Exec(`INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
		VALUES (1, 'reviewer', session_user, '2026-03-02', 'rejected', 'by SQL', 1, 'now')`); err == nil || !strings.Contains(err.Error(), "may not reject it") {
		t.Errorf("the submitter's own rejection by SQL: %v", err)
	}
	if r := aud.run("review", id, "--approve", "--accept-unconfirmed"); r.code == 0 {
		t.Errorf("an auditor approved: %s", r.stdout)
	}
	if out := dee.ok("review", id, "--approve", "--accept-unconfirmed"); !strings.Contains(out, "approved by "+dee.login) {
		t.Errorf("dee's approval says %q", out)
	}

	// verify names each signer by login.
	ana.trust(dee)
	out := ana.ok("verify")
	if !strings.Contains(out, ana.login+" (your key") || !strings.Contains(out, dee.login+" (trusted as "+dee.login) {
		t.Errorf("verify does not name the signers by login:\n%s", out)
	}
}

func containsSpaced(text, want string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	return strings.Contains(norm(text), norm(want))
}

func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(3, len(f))], " ")
}

// Two analysts, each with several assay processes at once, answer and
// edit the plan of one assessment on the team database: every process
// succeeds, every change is in the trail under its login, each answer and
// plan item holds what its trail recorded last, and the whole verifies.
func TestTeamConcurrentLoginsLoseNothing(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	bo := s.person("bo", "analyst")
	worst := filepath.Join("testdata", "worst", "vendor-security-screen.yaml")
	for _, subject := range []string{"Acme Cloud Ltd", "Globex", "Initech"} {
		id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", subject, "--date", "2026-03-01"))
		ana.ok("answer", id, "-f", worst)
	}
	const rounds = 3
	var mu sync.Mutex
	var results []procResult
	byLogin := map[string]string{}
	var wg sync.WaitGroup
	for w, p := range []*teamPerson{ana, bo, ana, bo} {
		wg.Go(func() {
			for i := range rounds {
				id := 3
				if i%2 == 0 {
					id = w%2 + 1
				}
				tag := fmt.Sprintf("answer-w%d-r%d", w, i)
				// Knowingly over each other's answers: this is a test of
				// losing nothing (conflicts: answer_conflict_test.go).
				r := p.run("answer", fmt.Sprint(id), "-f", taggedAnswers(t, p.dir, tag), "--overwrite")
				mu.Lock()
				results, byLogin[tag] = append(results, r), p.login
				mu.Unlock()
			}
		})
	}
	for w, p := range []*teamPerson{ana, bo} {
		wg.Go(func() {
			for i := range rounds {
				tag := fmt.Sprintf("plan-w%d-r%d", w, i)
				// Knowingly over each other's owner, as the answers above
				// (conflicts: plan_conflict_test.go).
				r := p.run("plan", "3", "--item", "mfa", "--owner", tag, "--overwrite")
				mu.Lock()
				results, byLogin[tag] = append(results, r), p.login
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, r := range results {
		if r.code != 0 {
			t.Errorf("assay %s: exit %d\n%s%s", strings.Join(r.args, " "), r.code, r.stdout, r.errs)
		}
	}
	// Ana checks it all, trusting Bo's key.
	ana.trust(bo)
	db := openStoreAs(t, envMap(ana.env), pgtest.WithParams(t, ana.dsn, "", map[string]string{"password": ana.password}))
	defer db.Close()
	checkTrail(t, db, results)
	// Each tag is recorded under the login of the process that wrote it.
	rows, err := s.raw.Query(`SELECT actor, new_value FROM events WHERE kind IN ('answer', 'plan')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	found := map[string]bool{}
	for rows.Next() {
		var actor, value string
		if err := rows.Scan(&actor, &value); err != nil {
			t.Fatal(err)
		}
		for tag, login := range byLogin {
			if strings.Contains(value, `"`+tag+`"`) {
				found[tag] = true
				if actor != login {
					t.Errorf("%s was written by %s but recorded under %s", tag, login, actor)
				}
			}
		}
	}
	if len(found) != len(byLogin) {
		t.Errorf("the trail holds %d of the %d changes made", len(found), len(byLogin))
	}
}

func envMap(env []string) map[string]string {
	m := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// A team database backed up with pg_dump and restored with pg_restore
// into a new database, as docs/team.md says, verifies there and reads
// the same.
func TestTeamBackupRestores(t *testing.T) {
	s := newTeamServer(t)
	dump, restore := lookTool(t, "pg_dump"), lookTool(t, "pg_restore")
	ana := s.person("ana", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	ana.ok("plan", id, "--item", "mfa", "--owner", "IT")
	report := ana.ok("report", id, "--as-of", "2026-03-15")

	file := filepath.Join(t.TempDir(), "team.dump")
	libpq := pgtest.WithParams(t, s.su, "", map[string]string{"search_path": ""}) // libpq's programs take no search_path
	if out, err := exec.Command(dump, "--format=custom", "--schema="+s.schema, "--file="+file, libpq).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	restored := "assay_restore_" + randomHex(4)
	admin, err := sql.Open("pgx", requireTeamServer(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE ` + restored); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec(`DROP DATABASE IF EXISTS ` + restored + ` WITH (FORCE)`) })
	if out, err := exec.Command(restore, "--dbname="+pgtest.WithParams(t, libpq, restored, nil), file).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	there := withEnv(ana.env, "ASSAY_DB", pgtest.WithParams(t, ana.dsn, restored, nil))
	r := runProc(s.bin, there, "verify")
	if r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 1 assessment") {
		t.Fatalf("verify after restoring: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if got := runProc(s.bin, there, "report", id, "--as-of", "2026-03-15").stdout; got != report {
		t.Errorf("the restored report differs:\n%s", firstDifference(report, got))
	}
	// And the team carries on there.
	if r := runProc(s.bin, there, "plan", id, "--item", "mfa", "--owner", "Security"); r.code != 0 {
		t.Errorf("a change after restoring: exit %d: %s", r.code, r.errs)
	}
}

// lookTool finds one of PostgreSQL's client programs, or skips (failing
// where the server is required: CI installs them with it).
func lookTool(t *testing.T, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name); len(dirs) > 0 {
		return dirs[len(dirs)-1]
	}
	if os.Getenv("ASSAY_REQUIRE_POSTGRES") != "" {
		t.Fatalf("%s not found, and ASSAY_REQUIRE_POSTGRES is set", name)
	}
	t.Skipf("%s not found: install PostgreSQL's client programs", name)
	return ""
}

// Every command works on a team database as on a file: a whole workflow,
// each step run as the login whose role it takes, ending in a verify that
// checks every signature.
func TestTeamEveryCommand(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "approver")
	own := s.person("own", "owner", "analyst", "approver")
	dir := t.TempDir()
	worst := func(q string) string { return filepath.Join("testdata", "worst", q+".yaml") }
	steps := []struct {
		p    *teamPerson
		args []string
		want string
	}{
		{ana, []string{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"}, "1"},
		{ana, []string{"answer", "1", "-f", worst("vendor-security-screen")}, ""},
		{ana, []string{"score", "1", "--explain"}, "Overall risk"},
		{ana, []string{"plan", "1", "--item", "mfa", "--owner", "IT Security"}, "owner IT Security"},
		{ana, []string{"subject", "add", "Globex", "--kind", "vendor", "--tier", "high"}, ""},
		{ana, []string{"subject", "edit", "Acme Cloud Ltd", "--owner", "Procurement", "--tier", "critical"}, ""},
		{ana, []string{"subject", "list", "--as-of", "2026-03-15"}, "Globex"},
		{ana, []string{"subject", "show", "Acme Cloud Ltd", "--as-of", "2026-03-15"}, "Procurement"},
		{ana, []string{"new", "-q", "dpia", "-s", "Payroll system", "--date", "2026-03-01"}, "2"},
		{ana, []string{"answer", "2", "-f", worst("dpia")}, ""},
		{ana, []string{"list"}, "Payroll system"},
		{ana, []string{"due", "--as-of", "2026-03-15"}, ""},
		{ana, []string{"overdue", "--as-of", "2026-12-31"}, "mfa"},
		{ana, []string{"coverage", "1"}, "ISO/IEC 27001"},
		{ana, []string{"review", "1", "--submit", "--accept-unconfirmed", "--date", "2026-03-02"}, "submitted by " + ana.login},
		{dee, []string{"review", "1", "--approve", "--accept-unconfirmed", "--date", "2026-03-03"}, "approved by " + dee.login},
		{dee, []string{"dpo", "2", "--opinion", "favourable-with-reservations", "--comment", "Retention to be shortened", "--date", "2026-03-04"}, ""},
		{ana, []string{"revise", "1"}, "3"},
		{ana, []string{"plan", "3", "--item", "mfa", "--owner", "Vendor manager"}, ""},
		{ana, []string{"diff", "1", "3"}, ""},
		{ana, []string{"report", "1", "--as-of", "2026-03-15"}, "Acme Cloud Ltd"},
		{ana, []string{"report", "2", "--format", "html", "--as-of", "2026-03-15"}, "<html"},
		{ana, []string{"report", "1", "--format", "csv", "--as-of", "2026-03-15"}, "mfa"},
		{ana, []string{"report", "1", "--format", "oscal-poam", "--as-of", "2026-03-15"}, "plan-of-action-and-milestones"},
		{ana, []string{"send", "3", "-o", filepath.Join(dir, "send.yaml")}, ""},
		{ana, []string{"export", "2", "-o", filepath.Join(dir, "two.json")}, ""},
		{ana, []string{"key", "list"}, ana.login},
	}
	for _, st := range steps {
		out := st.p.ok(st.args...)
		if st.want != "" && !strings.Contains(out, st.want) {
			t.Errorf("%s: assay %s printed %q, want %q in it", st.p.login, strings.Join(st.args, " "), out, st.want)
		}
	}
	// An export goes into another team database as its owner brings it
	// in (history recorded under others' names takes the owner role).
	other := newTeamServer(t)
	otherOwn := other.person("own2", "owner", "analyst")
	otherOwn.trust(ana)
	otherOwn.trust(dee) // the DPO's opinion is dee's signature
	if r := otherOwn.run("import", filepath.Join(dir, "two.json")); r.code != 0 {
		t.Errorf("import into another team database: exit %d: %s", r.code, r.errs)
	}
	// The owner, trusting both colleagues, verifies the whole database.
	own.trust(ana)
	own.trust(dee)
	if out := own.ok("verify"); !strings.Contains(out, "Audit trail intact: 3 assessments, 3 subjects") ||
		!strings.Contains(out, ana.login+" (trusted") || !strings.Contains(out, dee.login+" (trusted") {
		t.Errorf("verify on the team database:\n%s", out)
	}
}

// The built workspace, driven in tmux on a team database: the header
// names the login, an answer given there is saved on the server under
// that login, and the trail verifies.
func TestTeamWorkspace(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	p := startTmux(t, s.bin, ana.env)
	p.waitText("assay team: "+ana.login, "Acme Cloud Ltd")
	p.keys("Enter")
	p.waitText("question 1 of 33")
	p.keys("1")
	p.waitText("question 2 of 33", "saved ✓")
	p.keys("q")
	var who string
	var n int
	if err := s.raw.QueryRow(`SELECT COUNT(*), MIN(updated_by) FROM answers WHERE assessment_id = 1`).Scan(&n, &who); err != nil {
		t.Fatal(err)
	}
	if n != 1 || who != ana.login {
		t.Errorf("the server holds %d answers, saved by %q; want the one given in the workspace, by %s", n, who, ana.login)
	}
	if out := ana.ok("verify"); !strings.Contains(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after the workspace: %s", out)
	}
}

// After an upgrade to other scoring rules, the owner's assay team init
// scores again the summaries the older assay stored, so that everyone's
// list shows the level the report gives, and says so; run again, it has
// nothing to do.
func TestTeamInitScoresOlderSummariesAgain(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst", "approver")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	level := func() string {
		for _, line := range strings.Split(ana.ok("list"), "\n") {
			if f := strings.Fields(line); len(f) > 0 && f[0] == id {
				return f[len(f)-3]
			}
		}
		return ""
	}
	if got := level(); got != "critical" {
		t.Fatalf("the worst answers' level: %s", got)
	}
	// What an older assay stored: its rules' version and a level of its own.
	if _, err := s.raw.Exec(`UPDATE assessments SET
		summary = replace(replace(summary, '"scoring_version":"` + assess.ScoringVersion + `"', '"scoring_version":"assay-scoring/1"'), '"level":"critical"', '"level":"low"'),
		list = replace(replace(list, '"` + assess.ScoringVersion + `"', '"assay-scoring/1"'), '"critical"', '"low"')`); err != nil {
		t.Fatal(err)
	}
	if got := level(); got != "low" {
		t.Fatalf("the older assay's level: %s", got)
	}
	want := "Scored 1 assessment again under " + assess.ScoringVersion + ": its stored level came from an older assay.\n"
	if r := s.admin("team", "init"); r.code != 0 || withoutSignatures(r.stdout) != want {
		t.Errorf("team init: exit %d, printed %q, want %q %s", r.code, r.stdout, want, r.errs)
	}
	if got := level(); got != "critical" {
		t.Errorf("after team init the list shows %s, want critical", got)
	}
	if r := s.admin("team", "init"); r.code != 0 || r.stdout != "The team database is up to date; nothing to do.\n" {
		t.Errorf("team init again: exit %d, printed %q %s", r.code, r.stdout, r.errs)
	}
}
