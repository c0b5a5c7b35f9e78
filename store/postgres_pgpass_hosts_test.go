package store

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgproto3"
)

// Several hosts in one connection string are each looked up in the
// password file as they are tried, as libpq does: with the first host
// down, the second is sent the password of its own line. pgx looked the
// first host up only and sent its password to every host, so a standby
// with a password of its own refused the login, and was handed the
// primary's password on the way. The servers here are stand-ins that ask
// for the password in clear and keep what they are sent: what pgx is
// given to send is what is checked, no multi-host cluster needed.
func TestPassFileLineOfEachHostTried(t *testing.T) {
	down, up := t.TempDir(), t.TempDir() // socket folders: nobody listens in down
	sent := passwordServer(t, "unix", filepath.Join(up, ".s.PGSQL.5999"))
	tcpSent := passwordServer(t, "tcp", "127.0.0.1:0")
	port := strconv.Itoa(tcpSent.port)
	passFile(t, 0o600,
		down+":5999:*:ana:for-the-first-host",
		up+":5999:*:ana:for-the-second-host",
		"127.0.0.2:"+port+":*:ana:for-the-first-address",
		"127.0.0.1:"+port+":*:ana:for-the-second-address",
	)
	for _, c := range []struct {
		dsn  string
		got  *sentPasswords
		want string
	}{
		{"host=" + down + "," + up + " port=5999 dbname=privacy user=ana", sent, "for-the-second-host"},
		{"host=" + up + "," + down + " port=5999 dbname=privacy user=ana", sent, "for-the-second-host"},
		{"postgres://127.0.0.2:" + port + ",127.0.0.1:" + port + "/privacy?user=ana", tcpSent, "for-the-second-address"},
		{"host=127.0.0.2,127.0.0.1 port=" + port + " dbname=privacy user=ana", tcpSent, "for-the-second-address"},
	} {
		cfg, err := teamConfig(c.dsn)
		if err != nil {
			t.Fatalf("%s: %v", c.dsn, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		conn, err := pgx.ConnectConfig(ctx, cfg)
		cancel()
		if err == nil {
			conn.Close(context.Background())
			t.Fatalf("%s: the stand-in server let the login in", c.dsn)
		}
		select {
		case got := <-c.got.ch:
			if got != c.want {
				t.Errorf("%s: the host that answered was sent %q, want %q (its own line)", c.dsn, got, c.want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: no password reached the server that answers: %v", c.dsn, err)
		}
	}
}

// sentPasswords are the passwords a stand-in server was sent, one a
// login, and the port it listens on (TCP).
type sentPasswords struct {
	ch   chan string
	port int
}

// passwordServer listens at address as a PostgreSQL server that
// declines TLS, asks every login for its password in clear, notes the
// password and refuses the login as a wrong password.
func passwordServer(t *testing.T, network, address string) *sentPasswords {
	t.Helper()
	l, err := net.Listen(network, address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	s := &sentPasswords{ch: make(chan string, 16)}
	if a, ok := l.Addr().(*net.TCPAddr); ok {
		s.port = a.Port
	}
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				if p, err := askPassword(conn); err == nil {
					s.ch <- p
				}
			}()
		}
	}()
	return s
}

// askPassword plays the server's side of one login up to the password.
func askPassword(conn net.Conn) (string, error) {
	_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
	be := pgproto3.NewBackend(conn, conn)
	msg, err := be.ReceiveStartupMessage()
	if err != nil {
		return "", err
	}
	if _, ok := msg.(*pgproto3.SSLRequest); ok {
		if _, err := conn.Write([]byte("N")); err != nil {
			return "", err
		}
		if msg, err = be.ReceiveStartupMessage(); err != nil {
			return "", err
		}
	}
	if _, ok := msg.(*pgproto3.StartupMessage); !ok {
		return "", errors.New("no startup message")
	}
	be.Send(&pgproto3.AuthenticationCleartextPassword{})
	if err := be.Flush(); err != nil {
		return "", err
	}
	if err := be.SetAuthType(pgproto3.AuthTypeCleartextPassword); err != nil {
		return "", err
	}
	reply, err := be.Receive()
	if err != nil {
		return "", err
	}
	pw, ok := reply.(*pgproto3.PasswordMessage)
	if !ok {
		return "", errors.New("no password message")
	}
	be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", Code: "28P01", Message: "password authentication failed"})
	_ = be.Flush()
	return pw.Password, nil
}
