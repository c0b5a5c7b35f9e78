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

// assay opens no network connection. Three proofs, strongest first:
//
//  1. The binary holds no code that opens a socket. Go's linker drops
//     every function nothing can reach, so if no socket, connect, dial,
//     listen or name-lookup function is in the symbol table of the built
//     binary, no path through assay (or its libraries) can open one. The
//     net package is linked, by pflag and google/uuid, but only for IP
//     address parsing.
//  2. No package that speaks a network protocol is linked, and assay's
//     own packages never import net nor os/user (which, built with cgo,
//     asks the C library, and so nscd, SSSD or LDAP, for user names).
//  3. Running: a TUI session driven in tmux holds no socket, and where
//     strace is installed a whole CLI workflow makes no socket call.
//
// One exception is outside assay's code: github.com/xo/terminfo (used by
// the terminal libraries to read the terminal's capabilities) calls
// os/user.Current, which in a cgo build asks glibc's NSS for the home
// directory: with nsswitch.conf set to sss or ldap that may query a
// directory service. Built with CGO_ENABLED=0 (a static binary) even that
// is pure Go reading /etc/passwd. TestNoNetworkPackages pins this: a new
// importer of os/user fails it.

// forbiddenSymbols are functions that open sockets or resolve names.
var forbiddenSymbols = regexp.MustCompile(`^(` + strings.Join([]string{
	`net\.(Dial|Listen|socket|sysSocket|Interfaces|InterfaceAddrs|InterfaceBy|Lookup|ResolveTCPAddr|ResolveUDPAddr|FileConn|FileListener|cgoLookup|_C2func_getaddrinfo)`,
	`net\.\(\*(Dialer|ListenConfig|Resolver|sysDialer|sysListener|netFD)\)\.(Dial|Listen|connect|lookup|dial|listen)`,
	`net/http\.`, `crypto/tls\.`, `net/rpc`, `net/smtp\.`, `golang\.org/x/net/(http|http2|websocket|proxy)`,
	`syscall\.(Socket|socket|Connect|connect|Bind|bind|Listen|listen)$`,
	`golang\.org/x/sys/unix\.(Socket|socket|Connect|connect|Bind|bind|Listen|listen)$`,
	`modernc\.org/libc\.X(socket|connect|bind|listen|getaddrinfo|gethostbyname|getnameinfo)$`,
}, "|") + `)`)

// TestBinaryHasNoSocketCode reads the built binary's symbol table.
func TestBinaryHasNoSocketCode(t *testing.T) {
	bin := assayBinary(t)
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	var found []string
	text := 0
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || f[1] != "T" && f[1] != "t" {
			continue
		}
		text++
		if name := f[2]; forbiddenSymbols.MatchString(name) {
			found = append(found, name)
		}
	}
	if text < 1000 {
		t.Fatalf("only %d functions in the symbol table: is the binary stripped?", text)
	}
	if len(found) > 0 {
		slices.Sort(found)
		t.Errorf("the binary can open sockets or resolve names: %s", strings.Join(slices.Compact(found), ", "))
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
		case pkg == "net/http" || strings.HasPrefix(pkg, "net/http/") || pkg == "crypto/tls" || pkg == "net/rpc" || pkg == "net/smtp" ||
			strings.HasPrefix(pkg, "golang.org/x/net/http") || strings.HasPrefix(pkg, "golang.org/x/net/websocket"):
			t.Errorf("%s is linked into assay", pkg)
		}
		for _, imp := range strings.Fields(imports) {
			importers[imp] = append(importers[imp], pkg)
		}
	}
	for _, pkg := range append(importers["net"], importers["os/user"]...) {
		if strings.HasPrefix(pkg, "github.com/assay-dev/assay") {
			t.Errorf("%s imports net or os/user", pkg)
		}
	}
	// The known users of net (IP parsing) and os/user (terminfo's home
	// directory); a new one must be looked at, and added here with why.
	for imp, allowed := range map[string][]string{
		"net":     {"github.com/google/uuid", "github.com/spf13/pflag"},
		"os/user": {"github.com/xo/terminfo"},
	} {
		for _, pkg := range importers[imp] {
			if !slices.Contains(allowed, pkg) {
				t.Errorf("%s now imports %s: check that it opens no connection and add it to the list", pkg, imp)
			}
		}
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
	p.waitText("question 1 of 24")
	p.keys("1")
	p.waitText("question 2 of 24", "saved ✓")
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
