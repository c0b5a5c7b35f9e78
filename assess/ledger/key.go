package ledger

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
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

// Public is the key's public half.
func (k *PrivateKey) Public() PublicKey { return PublicKey(k.key.Public().(ed25519.PublicKey)) }

// Sign signs an entry hash; the signature is base64.
func (k *PrivateKey) Sign(entryHash string) string {
	return base64.StdEncoding.EncodeToString(ed25519.Sign(k.key, signedMessage(entryHash)))
}

// MarshalPEM writes the key as PKCS #8 in PEM ("PRIVATE KEY"), the form
// OpenSSL reads.
func (k *PrivateKey) MarshalPEM() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// ParsePrivateKeyPEM reads a key MarshalPEM wrote.
func ParsePrivateKeyPEM(b []byte) (*PrivateKey, error) {
	block, rest := pem.Decode(b)
	if block == nil || block.Type != "PRIVATE KEY" || strings.TrimSpace(string(rest)) != "" {
		return nil, errors.New("not a signing key: expected one PEM block of type PRIVATE KEY")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("not a signing key: %v", err)
	}
	ed, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, errors.New("not a signing key: assay signs with Ed25519 keys only")
	}
	return &PrivateKey{key: ed}, nil
}
