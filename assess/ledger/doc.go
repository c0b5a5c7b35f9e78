// Package ledger is assay's tamper evidence, apart from any database: the
// hash of an audit record, the database-wide ledger of signed entries
// that commit to every audit chain's head and its owner's state, signing
// keys and the keys a verifier trusts, the checks a verifier runs over a
// ledger, and the proofs and pins that exports and reports carry.
//
// A store feeds it rows and acts on what it finds; nothing here speaks
// SQL, reads a file or knows SQLite, so a second store (PostgreSQL) reuses
// every check. docs/security.md says what it detects and what it cannot.
//
// # The structure
//
// Every assessment and every subject has its own audit chain: records
// (Record) hash-linked one to the next. The ledger is one more chain, of
// entries (Entry), each written in the same transaction as the changes it
// covers. An entry lists leaves (Leaf): for each chain the transaction
// touched, the chain's length and head hash and the hash of its owner's
// state (AssessmentState, SubjectState): the fields of the row that are
// not derived from the chain. The entry's hash covers its fields, its
// leaves and the previous entry's hash, and is signed with the writer's
// Ed25519 key.
//
// So an attacker who edits rows and recomputes the unkeyed hashes still
// cannot produce a signature over the new heads; one who deletes an
// assessment leaves a ledger that names it; one who rolls an assessment
// back leaves a signed head its chain no longer reaches.
package ledger
