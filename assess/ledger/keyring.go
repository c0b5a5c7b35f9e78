package ledger

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Keyring is the keys a verifier trusts, from outside the database: its
// own key and the keys of colleagues it has checked. A database can name
// any key it likes, so only this decides whose signatures count.
type Keyring struct {
	keys []Trusted
}

// Trusted is a key a verifier trusts, under the name the verifier gave it.
type Trusted struct {
	Key  PublicKey
	Name string
	Own  bool // the verifier's own key
}

// Add trusts key under name. A key already trusted keeps its first name.
func (r *Keyring) Add(t Trusted) {
	if _, ok := r.Lookup(t.Key.ID()); ok {
		return
	}
	r.keys = append(r.keys, t)
}

// Lookup finds a trusted key by its ID.
func (r *Keyring) Lookup(id string) (Trusted, bool) {
	if r == nil {
		return Trusted{}, false
	}
	for _, t := range r.keys {
		if t.Key.ID() == id {
			return t, true
		}
	}
	return Trusted{}, false
}

// Keys lists the trusted keys in the order they were added.
func (r *Keyring) Keys() []Trusted {
	if r == nil {
		return nil
	}
	return append([]Trusted(nil), r.keys...)
}

// ParseTrusted reads a trusted-keys file: one key a line, its text form
// then the name it is trusted under; blank lines and lines starting with
// # are left out. Errors name the file and line.
func ParseTrusted(name string, b []byte) (*Keyring, error) {
	r := &Keyring{}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not UTF-8 text", name)
	}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		keyText, who, _ := strings.Cut(line, " ")
		k, err := ParsePublicKey(keyText)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, i+1, err)
		}
		who = strings.TrimSpace(who)
		if err := CheckKeyName(who); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, i+1, err)
		}
		if t, ok := r.Lookup(k.ID()); ok {
			return nil, fmt.Errorf("%s:%d: the key of %s is already on line for %s", name, i+1, who, t.Name)
		}
		r.Add(Trusted{Key: k, Name: who})
	}
	return r, nil
}

// TrustedLine is a key's line in a trusted-keys file.
func TrustedLine(k PublicKey, name string) string { return k.String() + " " + name + "\n" }

// CheckKeyName refuses a name that would not read back from a
// trusted-keys file as it was written, or could not be shown safely.
func CheckKeyName(name string) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("a trusted key needs the name of the person it belongs to")
	}
	if len(name) > 200 {
		return fmt.Errorf("the name is over 200 bytes")
	}
	for _, c := range name {
		if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) {
			return fmt.Errorf("the name holds a control character")
		}
	}
	return nil
}
