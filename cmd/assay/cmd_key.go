package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/store"
)

func (a *app) keyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "key",
		Short: "Your signing key: show it, register it, trust a colleague's",
		Long: `assay signs every change with your own Ed25519 key, kept outside the database in
$XDG_CONFIG_HOME/assay/signing-key.pem (mode 0600). It is created on your first
change; a database file alone is then not enough to rewrite what you signed.

assay key creates your key if you have none, shows its fingerprint and public
key, and registers it in the open database (a signed ledger entry). On a
database written by an assay from before signing, this signs a checkpoint of
everything in it as it is now. A team database that holds no portfolio yet
registers it with your first change there: its ledger begins with the
portfolio assay migrate --to carries in.

assay verify and assay import trust your own key and the keys you add with
assay key trust. Check a colleague's fingerprint with them (in person, on a
call) before you trust their key. See docs/security.md.`,
		Args: noSuchCommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			k, err := a.signingKey()
			if err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Your signing key: %s\nFingerprint: %s\nPublic key:  %s\n", a.keyPath(), k.Public().ID(), k.Public())
			if wait, err := notRegisteredYet(a, cmd, db); err != nil || wait {
				return err
			}
			e, err := db.RegisterKey(a.ctx(cmd))
			if err != nil {
				return err
			}
			note, _, _ := e.KeyOf()
			fmt.Fprintf(a.stdout, "Registered in %s as %s, ledger entry %d (%s).\n",
				safetext.OneLine(db.Where()), safetext.OneLine(note.Name), e.Seq, e.At)
			return nil
		},
	}
	cmd.AddCommand(a.keyNewCommand(), a.keyTrustCommand(), a.keyListCommand())
	return cmd
}

// notRegisteredYet says, and reports, that the key is not registered in
// db because db is a team database that holds no portfolio yet: its
// ledger begins with the portfolio assay migrate --to carries in, which
// copies only into a database whose ledger is empty, so a key
// registered first would leave the team stuck (set up keys, then move
// the portfolio in, is the natural order). The first change the person
// makes there registers it.
func notRegisteredYet(a *app, cmd *cobra.Command, db *store.DB) (bool, error) {
	if !db.Team() {
		return false, nil
	}
	started, err := db.LedgerStarted(a.ctx(cmd))
	if err != nil || started {
		return false, err
	}
	fmt.Fprintf(a.stdout, "Not registered in %s: it holds no portfolio yet, and its ledger begins with the one assay migrate --to carries in, or with the first change made there, which registers your key.\n",
		safetext.OneLine(db.Where()))
	return true, nil
}

func (a *app) keyTrustCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "trust NAME PUBLIC-KEY",
		Short: "Trust a colleague's key, after checking its fingerprint with them",
		Long: `Add a colleague's public key (as assay key shows it: ed25519:…) to your
trusted keys, $XDG_CONFIG_HOME/assay/trusted-keys. assay verify then accepts
what they signed, and assay import accepts files they exported.

Check the fingerprint assay prints with them first, by a channel you trust:
anyone can write a key into a database or a file under any name.`,
		Example: `  # KEY is the public key (ed25519:...) that Rui's "assay key" prints
  assay key trust "Rui Costa" KEY`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.TrimSpace(args[0])
			if err := ledger.CheckKeyName(name); err != nil {
				return err
			}
			k, err := ledger.ParsePublicKey(args[1])
			if err != nil {
				return fmt.Errorf("%q: %w", safetext.OneLine(args[1]), err)
			}
			// One change of the trusted keys at a time (as assay key new
			// makes them): the file is read, then written back whole with
			// the key added, so two at once would each drop the other's.
			unlock, err := lockKeyFolder(a.keyPath())
			if err != nil {
				return fmt.Errorf("cannot change the keys you trust: %w; nothing was changed", unwritablePlace(err, keyPlaceRemedy))
			}
			defer unlock()
			ring, err := a.keyring()
			if err != nil {
				return err
			}
			warning, err := checkTrustName(name, ring, a.actor())
			if err != nil {
				return err
			}
			if t, ok := ring.Lookup(k.ID()); ok {
				who := t.Name
				if t.Own {
					who = "your own key"
				}
				return fmt.Errorf("key %s is already trusted, as %s", k.ID(), safetext.OneLine(who))
			}
			if err := a.addTrusted(k, name); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Trusted %s, key %s.\n", safetext.OneLine(name), k.ID())
			if warning != "" {
				inform(a.stderr, warning)
			}
			return nil
		},
	}
}

// addTrusted appends a key and whose it is to the trusted-keys file,
// replacing the file whole (a crash leaves the old one). The caller holds
// lockKeyFolder, so that no other run writes the file between its read
// and its write.
func (a *app) addTrusted(k ledger.PublicKey, name string) error {
	path := a.trustedPath()
	old, err := input.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(old) == 0 {
		old = []byte("# Keys assay trusts, besides your own: the public key, then whose it is.\n")
	} else if old[len(old)-1] != '\n' {
		old = append(old, '\n')
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return a.writeOwnFile(path, append(old, ledger.TrustedLine(k, name)...))
}

func (a *app) keyListCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "The keys you trust, and the keys this database's ledger registers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ring, err := a.keyring()
			if err != nil {
				return err
			}
			// The database first: a mistyped --db is refused before any
			// line is printed, not after the keys you trust (kept outside
			// it), which would read as half an answer.
			db, err := a.store()
			if err != nil {
				return err
			}
			trusted := newTable("TRUSTED", "FINGERPRINT", "PUBLIC KEY")
			for _, t := range ring.Keys() {
				name := safetext.OneLine(t.Name)
				if t.Own {
					name = "you"
				}
				trusted.row(name, t.Key.ID(), t.Key.String())
			}
			if err := trusted.write(a.stdout); err != nil {
				return err
			}
			keys, err := db.RegisteredKeys(a.ctx(cmd))
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "\nRegistered in %s:\n", safetext.OneLine(db.Where()))
			registered := newTable("NAME", "FINGERPRINT", "ENTRY", "TRUST", "PUBLIC KEY")
			for _, e := range keys {
				note, k, ok := e.KeyOf()
				if !ok {
					continue
				}
				trust := "not trusted"
				if t, ok := ring.Lookup(k.ID()); ok {
					trust = "trusted as " + safetext.OneLine(t.Name)
					if t.Own {
						trust = "yours"
					}
				}
				registered.row(note.Name, k.ID(), fmt.Sprint(e.Seq), trust, k.String())
			}
			return registered.write(a.stdout)
		},
	}
}
