package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// assay opens no network connection unless --db or $ASSAY_DB names a team
// database on a PostgreSQL server (docs/team.md). Three proofs, strongest
// first:
//
//  1. The only code in the binary that opens a socket or resolves a name
//     is called by the PostgreSQL driver (pgx), the standard library's
//     net and crypto/tls under it, and nothing else; and assay's own code
//     reaches pgx only through the team adapter in store (OpenTeam and
//     the functions it opens a connection with). Read from the linker's
//     graph of what calls what (-ldflags=-dumpdep): Go's linker keeps
//     only what something can reach, and records each edge.
//  2. Of assay's own source, only store's postgres*.go files import net
//     or pgx (besides internal/pgtest, the tests' helper for a throwaway
//     server, whose relay cuts connections on purpose: it imports testing,
//     and the linker's graph above shows the binary never reaches it), and the only database/sql driver assay opens by name is
//     SQLite's: the pgx driver is reached through the team adapter's own
//     connector, never by sql.Open.
//  3. Running on a SQLite file: a TUI session driven in tmux holds no
//     socket, and where strace is installed a whole CLI workflow makes no
//     socket call.
//
// One exception is outside assay's code: github.com/xo/terminfo (used by
// the terminal libraries to read the terminal's capabilities) calls
// os/user.Current, which in a cgo build asks glibc's NSS for the home
// directory: with nsswitch.conf set to sss or ldap that may query a
// directory service. Built with CGO_ENABLED=0 (a static binary) even that
// is pure Go reading /etc/passwd. pgx's connection-string parser calls it
// too, for a team database's default user and password file, and only
// then. TestNoNetworkPackages pins this: a new importer of os/user fails
// it.

// forbiddenSymbols are functions that open sockets or resolve names.
var forbiddenSymbols = regexp.MustCompile(`^(` + strings.Join([]string{
	`net\.(Dial|Listen|socket|sysSocket|Interfaces|InterfaceAddrs|InterfaceBy|Lookup|ResolveTCPAddr|ResolveUDPAddr|FileConn|FileListener|cgoLookup|_C2func_getaddrinfo)`,
	`net\.\(\*(Dialer|ListenConfig|Resolver|sysDialer|sysListener|netFD)\)\.(Dial|Listen|connect|lookup|dial|listen)`,
	`net/http\.`, `crypto/tls\.`, `net/rpc`, `net/smtp\.`, `golang\.org/x/net/(http|http2|websocket|proxy)`,
	`syscall\.(Socket|socket|Connect|connect|Bind|bind|Listen|listen)$`,
	`golang\.org/x/sys/unix\.(Socket|socket|Connect|connect|Bind|bind|Listen|listen)$`,
	`modernc\.org/libc\.X(socket|connect|bind|listen|getaddrinfo|gethostbyname|getnameinfo)$`,
}, "|") + `)`)

// socketCallers may call the functions above: the standard library's
// network and TLS code, the crypto and runtime plumbing under it, and the
// PostgreSQL driver.
var socketCallers = regexp.MustCompile(`^(type:\*?)?(net[./]|syscall\.|crypto/|errors\.|go:main\.inittasks|internal/|vendor/golang\.org/x/net/|github\.com/jackc/pgx/v5/)`)

// teamAdapter is the part of store that may reach the PostgreSQL driver:
// opening a team database (its configuration, the password for each of
// its hosts included), and the connection, dialect and error words
// of one that is open, and the connection a watcher listens on for
// others' changes (store/postgres*.go).
var teamAdapter = regexp.MustCompile(`^(type:\*?)?github\.com/assay-dev/assay/store\.(OpenTeam|TeamInit|TeamGrant|TeamRevoke|TeamMembers|connectTeam|teamConfig|withPasswordPerHost|unwrapConnect|openTeamAdmin|\(\*?(pgDialect|pgConn|pgConnector|pgStmt|pgRows|pgListener|teamAdmin)\)\.|(pgDialect|pgConn|pgConnector|pgStmt|pgRows|pgListener|teamAdmin)\b)`)

// TestSocketCodeIsTheTeamDriversOnly reads the linker's call graph of the
// built binary.
// linkerData are the data the compiler emits beside a function (its stack
// objects, argument and liveness maps, defer and wrapper records). The
// linker keeps one copy of identical ones under the first name it met, so
// an edge to crypto/tls's stack-object record may come from any function
// whose stack objects look the same (encoding/gob's did): data, not a call.
var linkerData = regexp.MustCompile(`\.(stkobj|arginfo\d*|argliveinfo|opendefer|wrapinfo|args_stackmap)$`)

func TestSocketCodeIsTheTeamDriversOnly(t *testing.T) {
	edges, socketEdges, pgxEdges := 0, 0, 0
	var wrong []string
	for _, line := range strings.Split(linkerGraph(t), "\n") {
		from, to, ok := strings.Cut(line, " -> ")
		if !ok {
			continue
		}
		edges++
		if linkerData.MatchString(to) {
			continue
		}
		if forbiddenSymbols.MatchString(to) && !forbiddenSymbols.MatchString(from) {
			socketEdges++
			if !socketCallers.MatchString(from) && !teamAdapter.MatchString(from) {
				wrong = append(wrong, from+" calls "+to)
			}
		}
		if strings.Contains(to, "github.com/jackc/pgx/") && strings.Contains(from, "github.com/assay-dev/assay/") {
			pgxEdges++
			if !teamAdapter.MatchString(from) {
				wrong = append(wrong, from+" reaches the PostgreSQL driver: "+to)
			}
		}
	}
	if edges < 10000 || socketEdges == 0 || pgxEdges == 0 {
		t.Fatalf("the linker's graph has %d edges, %d into socket code, %d from assay into pgx: not the graph this test reads", edges, socketEdges, pgxEdges)
	}
	if len(wrong) > 0 {
		slices.Sort(wrong)
		t.Errorf("socket code reached outside the team database's driver:\n%s", strings.Join(slices.Compact(wrong), "\n"))
	}
}

// TestNoNetworkPackages lists the packages linked into cmd/assay.
func TestNoNetworkPackages(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	importers := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		switch {
		case pkg == "net/http" || strings.HasPrefix(pkg, "net/http/") || pkg == "net/rpc" || pkg == "net/smtp" ||
			strings.HasPrefix(pkg, "golang.org/x/net/http") || strings.HasPrefix(pkg, "golang.org/x/net/websocket"):
			t.Errorf("%s is linked into assay", pkg)
		}
		for _, imp := range strings.Fields(imports) {
			importers[imp] = append(importers[imp], pkg)
		}
	}
	// The known users of net (IP parsing; the team database's connection
	// and its TLS) and os/user (terminfo's home directory; pgx's default
	// user); a new one must be looked at, and added here with why.
	for imp, allowed := range map[string][]string{
		"net": {"github.com/google/uuid", "github.com/spf13/pflag", "crypto/x509", "crypto/tls",
			"github.com/jackc/pgx/v5/pgconn", "github.com/jackc/pgx/v5/pgconn/internal/bgreader", "github.com/jackc/pgx/v5/pgtype",
			"github.com/assay-dev/assay/store"},
		"os/user":    {"github.com/xo/terminfo", "github.com/jackc/pgx/v5/pgconn"},
		"crypto/tls": {"github.com/jackc/pgx/v5/pgconn", "github.com/jackc/pgx/v5/pgconn/internal/bgreader"},
	} {
		for _, pkg := range importers[imp] {
			if !slices.Contains(allowed, pkg) {
				t.Errorf("%s now imports %s: check that it opens no connection and add it to the list", pkg, imp)
			}
		}
	}
	for _, pkg := range importers["os/user"] {
		if strings.HasPrefix(pkg, "github.com/assay-dev/assay") {
			t.Errorf("%s imports os/user", pkg)
		}
	}
}

// Of assay's own code, only the team adapter (store/postgres*.go) imports
// net or the PostgreSQL driver, and database/sql is opened by driver name
// for SQLite only.
func TestOnlyTheTeamAdapterSpeaksToAServer(t *testing.T) {
	root := filepath.Join("..", "..")
	netImport := regexp.MustCompile(`(?m)^\s*(_ )?"(net|github\.com/jackc/pgx/v5[^"]*)"$`)
	sqlOpen := regexp.MustCompile(`sql\.Open\(([^,]*),`)
	checked := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		rel, _ := filepath.Rel(root, path)
		team := strings.HasPrefix(filepath.ToSlash(rel), "store/postgres")
		testSupport := strings.HasPrefix(filepath.ToSlash(rel), "internal/pgtest/")
		if m := netImport.FindStringSubmatch(string(b)); m != nil && !team && !testSupport {
			t.Errorf("%s imports %s: only the team adapter (store/postgres*.go) may", rel, m[2])
		}
		for _, m := range sqlOpen.FindAllStringSubmatch(string(b), -1) {
			if strings.TrimSpace(m[1]) != `"sqlite"` {
				t.Errorf("%s opens database/sql with driver %s: assay opens SQLite by name, and a team database only through store.OpenTeam", rel, m[1])
			}
		}
		if strings.Contains(string(b), "sql.OpenDB(") && !team {
			t.Errorf("%s opens a database through a connector: only the team adapter may", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d source files checked", checked)
	}
}

// socketsOf lists the sockets a process holds open.
func socketsOf(t *testing.T, pid int) []string {
	t.Helper()
	dir := filepath.Join("/proc", strconv.Itoa(pid), "fd")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading %s: %v", dir, err)
	}
	var out []string
	for _, e := range entries {
		if target, err := os.Readlink(filepath.Join(dir, e.Name())); err == nil && strings.HasPrefix(target, "socket:") {
			out = append(out, e.Name()+" -> "+target)
		}
	}
	return out
}

// A workspace session, driven as a person would in tmux, holds no socket:
// at the home screen, in an interview after answering, and after
// exporting the report.
func TestTUIHoldsNoSocket(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	cmd := exec.Command(bin, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-01-31")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("assay new: %v: %s", err, out)
	}
	p := startTmux(t, bin, env)
	pid := p.pid()
	check := func(where string) {
		t.Helper()
		if s := socketsOf(t, pid); len(s) > 0 {
			t.Errorf("%s: assay holds sockets: %v", where, s)
		}
	}
	p.waitText("Acme Cloud Ltd")
	check("home screen")
	p.keys("Enter")
	p.waitText("question 1 of 33")
	p.keys("1")
	p.waitText("question 2 of 33", "saved ✓")
	check("interview")
	p.keys("Tab", "Tab", "Tab")
	p.waitText("[Report]")
	p.keys("e")
	p.waitText("Export to:")
	report := filepath.Join(dir, "report.md")
	p.keys("C-u")
	p.keys("-l", report)
	p.keys("Enter")
	p.waitText("Exported to")
	check("report export")
	if _, err := os.Stat(report); err != nil {
		t.Errorf("the export: %v", err)
	}
	p.keys("q")
}

// Where strace is installed (CI does not install it; the checks above
// stand without it), a whole CLI workflow makes no socket call at all.
func TestWorkflowMakesNoSocketCall(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed")
	}
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	answers := writeFile(t, dir, "answers.yaml", "answers:\n  mfa: no\n  policy: {answer: partial, note: old}\n")
	log := filepath.Join(dir, "strace.log")
	// The first command finds the reviewer's name with no name set
	// anywhere: the login name, from /etc/passwd.
	anonymous := slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		return strings.HasPrefix(kv, "ASSAY_REVIEWER=") || strings.HasPrefix(kv, "USER=") || strings.HasPrefix(kv, "LOGNAME=")
	})
	for i, args := range [][]string{
		{"new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"},
		{"answer", "1", "-f", answers}, {"score", "1", "--explain"}, {"plan", "1", "--item", "mfa", "--owner", "Sam"},
		{"report", "1", "-o", filepath.Join(dir, "r.md")}, {"report", "1", "--format", "oscal-poam"},
		{"export", "1", "-o", filepath.Join(dir, "e.json")}, {"send", "1"}, {"list"}, {"due"}, {"verify"},
		{"--db", filepath.Join(dir, "other.db"), "import", filepath.Join(dir, "e.json")},
	} {
		cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "signal=none", "-e", "trace=socket,connect,bind,sendto,sendmsg", "-o", log, bin}, args...)...)
		cmd.Env = env
		if i == 0 {
			cmd.Env = anonymous
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			if strings.Contains(string(out), "ptrace") {
				t.Skipf("strace cannot trace here: %s", out)
			}
			t.Fatalf("assay %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		if calls := socketCalls(string(b)); len(calls) > 0 {
			t.Errorf("assay %s made socket calls:\n%s", strings.Join(args, " "), strings.Join(calls, "\n"))
		}
	}
}

// socketCalls picks the traced calls out of strace's log. Under load strace
// also logs "??? <detached ...>" for a thread it let go of in the middle
// of some call; that line names no call, so it is not counted.
func socketCalls(log string) []string {
	var calls []string
	for _, line := range strings.Split(log, "\n") {
		if tracedCall.MatchString(line) {
			calls = append(calls, line)
		}
	}
	return calls
}

var tracedCall = regexp.MustCompile(`^(\[pid\s+)?\d*\]?\s*(socket|connect|bind|sendto|sendmsg)\(`)

func TestSocketCallsReadsStraceLogs(t *testing.T) {
	log := "15003 ???( <detached ...>\n" +
		"15004 connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT\n" +
		"socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\n"
	got := socketCalls(log)
	if len(got) != 2 || !strings.HasPrefix(got[0], "15004 connect(") || !strings.HasPrefix(got[1], "socket(") {
		t.Errorf("socketCalls = %q, want the connect and the socket lines only", got)
	}
}
