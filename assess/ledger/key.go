package ledger

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// PublicKey is a signer's Ed25519 public key.
type PublicKey ed25519.PublicKey

// keyPrefix starts a public key's text form, as trusted_keys and exports
// write it.
const keyPrefix = "ed25519:"

// String is the key's text form: "ed25519:" and the key in base64.
func (k PublicKey) String() string { return keyPrefix + base64.StdEncoding.EncodeToString(k) }

// ID is the key's fingerprint, "SHA256:" and the base64 of the SHA-256 of
// the key's 32 bytes: what two people read to each other to check a key.
func (k PublicKey) ID() string {
	sum := sha256.Sum256(k)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// ParsePublicKey reads a key's text form.
func ParsePublicKey(s string) (PublicKey, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), keyPrefix)
	if !ok {
		return nil, fmt.Errorf("a public key starts with %q", keyPrefix)
	}
	b, err := base64.StdEncoding.DecodeString(rest)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("not an Ed25519 public key: after \"ed25519:\" come 32 bytes in base64 (44 characters)")
	}
	return PublicKey(b), nil
}

// Verify reports whether sig is this key's signature of the entry hash.
func (k PublicKey) Verify(entryHash, sig string) bool {
	raw, err := base64.StdEncoding.DecodeString(sig)
	if err != nil || len(raw) != ed25519.SignatureSize || len(k) != ed25519.PublicKeySize {
		return false
	}
	return ed25519.Verify(ed25519.PublicKey(k), signedMessage(entryHash), raw)
}

// signedMessage is what a signature covers: the entry's hash under a
// domain tag, so that a signature made for a ledger entry means nothing
// anywhere else.
func signedMessage(entryHash string) []byte {
	return []byte("assay ledger entry signature v1\n" + entryHash)
}

// PrivateKey is a person's signing key. It never enters the database.
type PrivateKey struct {
	key ed25519.PrivateKey
}

// GenerateKey makes a new signing key.
func GenerateKey() (*PrivateKey, error) {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &PrivateKey{key: k}, nil
}

// KeyFromSeed makes the key of a 32-byte seed: the same seed, the same
// key. A seed anyone knows makes a key anyone can sign with: for
// synthetic data only (store/synth).
func KeyFromSeed(seed []byte) (*PrivateKey, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("a seed is %d bytes", ed25519.SeedSize)
	}
	return &PrivateKey{key: ed25519.NewKeyFromSeed(seed)}, nil
}

// Public is the key's public half.
func (k *PrivateKey) Public() PublicKey { return PublicKey(k.key.Public().(ed25519.PublicKey)) }

// Sign signs an entry hash; the signature is base64.
func (k *PrivateKey) Sign(entryHash string) string {
	return base64.StdEncoding.EncodeToString(ed25519.Sign(k.key, signedMessage(entryHash)))
}

// pkcs8Ed25519 starts the DER of an Ed25519 key in PKCS #8 (RFC 8410):
// version 0, the algorithm 1.3.101.112, and the 32-byte seed as an octet
// string in an octet string. It is the whole encoding but the seed, so
// the key is written and read here without crypto/x509, which would link
// the network code into assay (cmd/assay/network_test.go).
var pkcs8Ed25519 = []byte{0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20}

// MarshalPEM writes the key as PKCS #8 in PEM ("PRIVATE KEY"), the form
// OpenSSL writes and reads.
func (k *PrivateKey) MarshalPEM() ([]byte, error) {
	der := append(append([]byte{}, pkcs8Ed25519...), k.key.Seed()...)
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// ParsePrivateKeyPEM reads a key MarshalPEM (or OpenSSL) wrote.
func ParsePrivateKeyPEM(b []byte) (*PrivateKey, error) {
	block, rest := pem.Decode(b)
	if block == nil || block.Type != "PRIVATE KEY" || strings.TrimSpace(string(rest)) != "" {
		return nil, errors.New("not a signing key: expected one PEM block of type PRIVATE KEY")
	}
	seed, ok := bytes.CutPrefix(block.Bytes, pkcs8Ed25519)
	if !ok || len(seed) != ed25519.SeedSize {
		return nil, errors.New("not a signing key: assay signs with Ed25519 keys in PKCS #8")
	}
	return &PrivateKey{key: ed25519.NewKeyFromSeed(seed)}, nil
}
