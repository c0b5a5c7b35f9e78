package store

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Opening the database while another handle writes and checkpoints it
// never calls it damaged: the check made before opening it for writing
// reads an assay file through a connection that honours the writer's
// locks, not an immutable one that could see a page half rewritten.
func TestOpenWhileAnotherWindowWrites(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	ctx := context.Background()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		vals := []string{"yes", "no", "partial"}
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			ans := choice("mfa", vals[i%3])
			// A long note grows the file with every save, so that each
			// checkpoint rewrites the header page as well as the rest.
			ans.Note = strings.Repeat(vals[i%3]+" ", 1500+i%700)
			if err := db.SaveAnswer(as("Writer"), a.ID, ans); err != nil {
				t.Errorf("save %d: %v", i, err)
				return
			}
			if i%2 == 0 {
				if _, err := db.sql.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
					t.Errorf("checkpoint: %v", err)
					return
				}
			}
		}
	}()
	for i := 0; i < 150 && !t.Failed(); i++ {
		other, err := Open(db.path, questionnaires.Decode)
		if err != nil {
			t.Errorf("open %d while another handle writes: %v", i, err)
			break
		}
		if _, err := other.Assessment(ctx, a.ID); err != nil {
			t.Errorf("read %d: %v", i, err)
		}
		other.Close()
	}
	close(stop)
	wg.Wait()
}
