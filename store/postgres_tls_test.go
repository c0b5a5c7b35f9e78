package store

import (
	"strings"
	"testing"
)

// A server on another machine is reached over TLS with its certificate
// checked against its name (sslmode=verify-full) unless the person chose
// another mode; one on this machine keeps libpq's default. No connection
// is made: the test reads the configuration pgx would connect with.
func TestRemoteServersGetVerifyFull(t *testing.T) {
	t.Setenv("PGSSLMODE", "")
	for _, tc := range []struct {
		dsn      string
		verified bool // TLS required, certificate and host name checked, no plain-text fallback
		plain    bool // plain text allowed
	}{
		{"postgres://ana@db.example.org/privacy", true, false},
		{"postgresql://db.example.org:5433/privacy?application_name=x", true, false},
		{"host=db.example.org dbname=privacy user=ana", true, false},
		{"postgres://ana@10.1.2.3/privacy", true, false},
		{"postgres://ana@db.example.org/privacy?sslmode=disable", false, true},
		{"host=db.example.org dbname=privacy sslmode=require", false, false},
		{"postgres://ana@localhost/privacy", false, true},
		{"postgres://ana@127.0.0.1/privacy", false, true},
		{"postgres:///privacy?host=/run/postgresql", false, true},
		{"host=/tmp dbname=privacy", false, true},
	} {
		cfg, err := teamConfig(tc.dsn)
		if err != nil {
			t.Fatalf("%s: %v", tc.dsn, err)
		}
		tlsOn := cfg.TLSConfig != nil
		checked := tlsOn && !cfg.TLSConfig.InsecureSkipVerify && cfg.TLSConfig.ServerName == cfg.Host
		plain := !tlsOn
		for _, fb := range cfg.Fallbacks {
			if fb.TLSConfig == nil {
				plain = true
			}
		}
		if tc.verified && (!checked || plain) {
			t.Errorf("%s: TLS %v, certificate checked %v, plain-text fallback %v; want verify-full", tc.dsn, tlsOn, checked, plain)
		}
		if !tc.verified && plain != tc.plain {
			t.Errorf("%s: plain text allowed %v, want %v (the person's choice, or libpq's default on this machine)", tc.dsn, plain, tc.plain)
		}
	}
	// PGSSLMODE is the person's choice too.
	t.Setenv("PGSSLMODE", "disable")
	cfg, err := teamConfig("postgres://ana@db.example.org/privacy")
	if err != nil || cfg.TLSConfig != nil {
		t.Errorf("PGSSLMODE=disable: TLS %v, %v", cfg.TLSConfig != nil, err)
	}
}

// An sslmode libpq does not know is refused, naming the modes it does,
// wherever the server is: pgx reads sslmode only for a server it reaches
// over TCP, so on a Unix socket a typing slip (sslmode=verfy-full) would
// be ignored, and the same string would then connect in plain text, or
// fail, once the server moved to another machine.
func TestUnknownSSLModeRefused(t *testing.T) {
	t.Setenv("PGSSLMODE", "")
	for _, dsn := range []string{
		"postgres:///privacy?host=/run/postgresql&sslmode=bogus",
		"host=/tmp dbname=privacy sslmode=verfy-full",
		"host=/tmp dbname=privacy sslmode='Require'",
		"postgres://ana@db.example.org/privacy?sslmode=bogus",
	} {
		_, err := teamConfig(dsn)
		if err == nil || !strings.Contains(err.Error(), "sslmode") || !strings.Contains(err.Error(), "verify-full") {
			t.Errorf("%s: %v, want the unknown sslmode refused and the known ones named", dsn, err)
		}
	}
	t.Setenv("PGSSLMODE", "verfy-full")
	if _, err := teamConfig("host=/tmp dbname=privacy"); err == nil || !strings.Contains(err.Error(), "PGSSLMODE") {
		t.Errorf("PGSSLMODE=verfy-full: %v, want it refused by name", err)
	}
	t.Setenv("PGSSLMODE", "")
	for _, mode := range []string{"disable", "allow", "prefer", "require", "verify-ca", "verify-full"} {
		if _, err := teamConfig("host=/tmp dbname=privacy sslmode=" + mode); err != nil {
			t.Errorf("sslmode=%s: %v", mode, err)
		}
	}
}
