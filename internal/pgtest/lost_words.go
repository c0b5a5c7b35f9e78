package pgtest

import (
	"fmt"
	"strings"
)

// rawNetWords are the driver's and the system's words for a dropped
// connection, which no message of assay's carries: it says the
// connection to the team database was lost, or that the server cannot be
// reached, and what became of the read or the write.
var rawNetWords = []string{"EOF", "broken pipe", "reset by peer", "write failed", "failed to receive", "bad connection", "conn closed", ".s.PGSQL"}

// SaysServerLost reports whether msg says, in assay's words, that the
// connection to the team database was lost or that the server cannot be
// reached. Which of the two a cut gives depends on the pool (a pooled
// connection cut under a query, or a new one refused), so a test of a
// lost server takes either.
func SaysServerLost(msg string) bool {
	return strings.Contains(msg, "the connection to the team database") && strings.Contains(msg, "was lost") ||
		strings.Contains(msg, "cannot reach the team database")
}

// LostWordsWrong lists what is wrong with msg as assay's message for a
// lost team server: it must say the server was lost (SaysServerLost),
// what became of a read (read: nothing could be read) or a write
// (nothing was recorded, or assay cannot tell whether it was), and
// carry none of the driver's or the system's words. Empty when msg is
// right.
func LostWordsWrong(msg string, read bool) []string {
	var wrong []string
	if !SaysServerLost(msg) {
		wrong = append(wrong, "want that the connection was lost or the server cannot be reached")
	}
	switch {
	case read && !strings.Contains(msg, "nothing could be read"):
		wrong = append(wrong, "a read: want that nothing could be read")
	case !read && !strings.Contains(msg, "nothing was recorded") && !strings.Contains(msg, "cannot tell whether"):
		wrong = append(wrong, "a write: want that nothing was recorded, or that assay cannot tell")
	}
	for _, raw := range rawNetWords {
		if strings.Contains(msg, raw) {
			wrong = append(wrong, fmt.Sprintf("%q is the driver's or the system's word", raw))
		}
	}
	return wrong
}
