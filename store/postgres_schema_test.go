package store

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateSchema = flag.Bool("update-schema", false, "write migrations_postgres/schema.txt from what the migrations make")

// The schema verify expects on PostgreSQL (schema.txt) is the one the
// migrations make, on a real server: neither can change without the other.
func TestPostgresSchemaAsWritten(t *testing.T) {
	dsn := teamSchema(t)
	raw := rawTeam(t, dsn)
	got, err := schemaLines(context.Background(), raw)
	if err != nil {
		t.Fatal(err)
	}
	if *updateSchema {
		body := "# The team schema as the server describes it once migrations_postgres/*.sql\n" +
			"# are applied; assay verify compares the live schema with it. Written by\n" +
			"# go test ./store -run TestPostgresSchemaAsWritten -update-schema\n" + strings.Join(got, "\n") + "\n"
		if err := os.WriteFile(filepath.Join("migrations_postgres", "schema.txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := writtenSchema()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the migrations make another schema than schema.txt says; run go test ./store -run TestPostgresSchemaAsWritten -update-schema\ngot:\n%s", strings.Join(got, "\n"))
	}
}
