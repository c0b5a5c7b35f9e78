package store

import "github.com/assay-dev/assay/assess/ledger"

// testKey signs every test database's writes, as a person's key signs
// theirs; verify trusts it because the handle signs with it.
var testKey = func() *ledger.PrivateKey {
	k, err := ledger.GenerateKey()
	if err != nil {
		panic(err)
	}
	return k
}()
