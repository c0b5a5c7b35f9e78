package store

import (
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/questionnaires"
)

// A connection to the team database cut while a handle used it said, on
// some paths, the system's or the driver's words: a connection cut while
// the pool opened it, "cannot reach … /tmp/…/.s.PGSQL.5432 (/tmp/…):
// failed to receive message: unexpected EOF"; one reset or closed under
// a query, "write failed: … broken pipe" or "… connection reset by
// peer". The relay cuts each operation at each of the server's answers
// in turn (wherever they fall: opening a connection, beginning, a query,
// a row, the commit), and once with the server gone: each cut says that
// the connection was lost, or that the server cannot be reached, and
// that nothing could be read (a read) or nothing was recorded (a write),
// or, for a write cut at its commit, that assay cannot tell.
func TestATeamConnectionCutAtAnyMomentSaysItWasLost(t *testing.T) {
	requirePostgres(t)
	_, q := testDB(t)
	dsn := teamSchema(t)
	relay := pgtest.NewRelay(t, dsn)
	writer := openTeamWithTestKey(t, relay.DSN)
	reader, err := OpenTeamToRead(relay.DSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Close() })
	ctx := as(writer.Login())
	a := newAssessment(t, writer, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	ops := []struct {
		name string
		read bool
		do   func(n int) error
	}{
		{"reading an assessment", true, func(int) error { _, err := reader.Assessment(ctx, a.ID); return err }},
		{"listing", true, func(int) error { _, err := reader.Assessments(ctx, assess.Filter{}); return err }},
		{"history", true, func(int) error { _, _, err := reader.AuditHistory(ctx, a.ID); return err }},
		{"export", true, func(int) error { _, err := reader.Export(ctx, a.ID); return err }},
		{"verify", true, func(int) error { _, err := reader.Verify(ctx, a.ID); return err }},
		{"saving an answer", false, func(n int) error {
			return writer.SaveAnswer(ctx, a.ID, choice("mfa", []string{"yes", "no"}[n%2]))
		}},
		{"saving a plan item", false, func(n int) error {
			owner := fmt.Sprint("IT Ops ", n)
			_, _, err := writer.ChangePlanItem(ctx, a.ID, "mfa", assess.PlanChange{Owner: &owner}, day("2026-03-02"))
			return err
		}},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			failed := 0
			check := func(moment string, err error) {
				t.Helper()
				if err == nil {
					return // cut after the operation had all it needed, or retried on a fresh connection
				}
				failed++
				checkLostWords(t, op.name+" "+moment, err, op.read)
			}
			// Enough answers to reach past the end of each operation:
			// the later ones let it through whole.
			for n := 1; n <= 16; n++ {
				relay.CutAtAnswer(n)
				err := op.do(n)
				relay.Disarm()
				check(fmt.Sprintf("cut at the server's answer %d", n), err)
			}
			relay.Down()
			check("with the server gone", op.do(0))
			relay.Up()
			if failed == 0 {
				t.Fatal("no cut failed the operation: the test cut nothing")
			}
		})
	}
}

// checkLostWords fails unless err is unavailable and says, in assay's
// words, that the team server was lost and what became of a read (read)
// or a write (pgtest.LostWordsWrong).
func checkLostWords(t *testing.T, what string, err error, read bool) {
	t.Helper()
	if code := assess.ErrorCode(err); code != assess.EUnavailable {
		t.Errorf("%s is a %q error, want %q: %s", what, code, assess.EUnavailable, err)
	}
	for _, wrong := range pgtest.LostWordsWrong(err.Error(), read) {
		t.Errorf("%s says %q: %s", what, err, wrong)
	}
}

// The system's words for a connection dropped under a query (reset by
// the peer, a write into a closed socket, pgx's "write failed" around
// it) were said as "cannot reach the team database …: write failed:
// write unix …: broken pipe". The relay cannot choose which of them a
// cut gives, so each is handed to the dialect as the driver gives it.
func TestADroppedConnectionsSystemErrorsSayItWasLost(t *testing.T) {
	d := &pgDialect{short: "ana@db.example.org/privacy"}
	opErr := func(op string, errno syscall.Errno) error {
		return &net.OpError{Op: op, Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 5), Port: 5432}, Err: os.NewSyscallError(op, errno)}
	}
	drops := map[string]error{
		"a reset under a read":   fmt.Errorf("failed to receive message: %w", opErr("read", syscall.ECONNRESET)),
		"a write into a closed":  fmt.Errorf("write failed: %w", opErr("write", syscall.EPIPE)),
		"a reset under a write":  fmt.Errorf("write failed: %w", opErr("write", syscall.ECONNRESET)),
		"an unexpected end":      fmt.Errorf("failed to receive message: %w", io.ErrUnexpectedEOF),
		"a reset at the connect": fmt.Errorf("failed to connect to `user=ana database=privacy`: %w", opErr("read", syscall.ECONNRESET)),
	}
	for name, err := range drops {
		for _, read := range []bool{true, false} {
			checkLostWords(t, fmt.Sprintf("%s (reading %v)", name, read), d.worded(d.short, err, read), read)
		}
	}
}
