package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) keyNewCommand() *cobra.Command {
	var compromised bool
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Replace your signing key with a new one; what the old one signed still verifies",
		Long: `Make a new signing key and sign your changes with it from now on: when your
key may have been copied, or when a team database has your key registered
under another name (the name your own file used, before it was moved there),
since a key belongs to one person.

The old key is kept beside the new one (signing-key-retired-TIME-ID.pem, mode
0600: delete it when you no longer want it) and added to your trusted keys
under your name, so that verify and import still accept what it signed. The
new key is registered in the open database. Colleagues who trust your old
key need the new one: give them its fingerprint to check.

If the old key may have been copied, give --compromised: it is then not
trusted, so that nothing signed with it verifies, what you signed before
included; check that against copies made before the leak (assay verify
--against), and ask colleagues to remove it from their trusted keys.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(a.keyPath()); errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("you have no signing key yet (%s): assay key makes one", a.keyPath())
			}
			// The database opens first: one that does not open (a team
			// server that is down) stops the command before anything
			// changes.
			db, err := a.store()
			if err != nil {
				return err
			}
			// One replacement at a time, each of the key the last one left.
			unlock, err := lockKeyFolder(a.keyPath())
			if err != nil {
				return fmt.Errorf("cannot replace your signing key: %w; nothing was changed", unwritablePlace(err, keyPlaceRemedy))
			}
			defer unlock()
			old, err := loadKey(a.keyPath())
			if err != nil {
				return err
			}
			name := a.actor()
			if err := ledger.CheckKeyName(name); err != nil {
				return fmt.Errorf("your name %q cannot name your old key among your trusted keys: %w", safetext.OneLine(name), err)
			}
			// Trusted before it is retired: whatever stops this command
			// later, what the old key signed still verifies.
			trusted, err := a.trustsOthersKey(old.Public())
			if err != nil {
				return err
			}
			if !trusted && !compromised {
				if err := a.addTrusted(old.Public(), name); err != nil {
					return err
				}
			}
			k, retired, err := replaceKey(a.keyPath(), old.Public(), time.Now())
			if err != nil {
				return err
			}
			switch {
			case compromised && trusted:
				fmt.Fprintf(a.stdout, "Your old key %s is retired: kept as %s. It is still in your trusted keys (%s), which you added it to: remove that line, so that nothing signed with it verifies.\n",
					old.Public().ID(), retired, a.trustedPath())
			case compromised:
				fmt.Fprintf(a.stdout, "Your old key %s is retired, kept as %s, and not trusted: nothing signed with it verifies for you now. "+
					"Check what it signed against copies made before the leak (assay verify --against).\n", old.Public().ID(), retired)
			default:
				fmt.Fprintf(a.stdout, "Your old key %s is retired: kept as %s, and trusted as %s, so what it signed still verifies.\n",
					old.Public().ID(), retired, safetext.OneLine(name))
			}
			fmt.Fprintf(a.stdout, "Your signing key: %s\nFingerprint: %s\nPublic key:  %s\n", a.keyPath(), k.Public().ID(), k.Public())
			colleagues := func() {
				fmt.Fprintf(a.stdout, "Colleagues who trust your old key need this one: give them the fingerprint to check, and the command:\n  assay key trust %q %s\n",
					safetext.OneLine(name), k.Public())
			}
			wait, err := notRegisteredYet(a, cmd, db)
			if err != nil {
				return fmt.Errorf("your new key %s is in place, but registering it in %s failed: %w (your next change registers it)",
					k.Public().ID(), safetext.OneLine(db.Where()), err)
			}
			if wait {
				colleagues()
				return nil
			}
			e, err := db.RegisterKey(a.ctx(cmd))
			if err != nil {
				return fmt.Errorf("your new key %s is in place, but registering it in %s failed: %w (your next change registers it)",
					k.Public().ID(), safetext.OneLine(db.Where()), err)
			}
			note, _, _ := e.KeyOf()
			fmt.Fprintf(a.stdout, "Registered in %s as %s, ledger entry %d (%s).\n", safetext.OneLine(db.Where()), safetext.OneLine(note.Name), e.Seq, e.At)
			colleagues()
			return nil
		},
	}
	cmd.Flags().BoolVar(&compromised, "compromised", false, "the old key may have been copied: do not trust it")
	return cmd
}

// trustsOthersKey reports whether the trusted-keys file (not the own key)
// holds k already.
func (a *app) trustsOthersKey(k ledger.PublicKey) (bool, error) {
	ring, err := a.trustedOthers()
	if err != nil {
		return false, err
	}
	_, ok := ring.Lookup(k.ID())
	return ok, nil
}
