package assess

import (
	"fmt"
	"strings"
)

// SameVersionNote says that q's label (ID and version) also names the
// other content the assessments ids started with, or nothing when ids is
// empty. Each assessment keeps the questionnaire it started with.
func SameVersionNote(q *Questionnaire, ids []int64) string {
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("%s %s is not the questionnaire %s started with under that version: %s changed without a new version. "+
		"Each assessment keeps the questionnaire it started with; give the file a new version so that lists and reports tell the two apart",
		q.ID, q.Version, assessmentsWords(ids), q.SourceName)
}

// SameVersionShort is SameVersionNote in a line a screen's message has
// room for.
func SameVersionShort(q *Questionnaire, ids []int64) string {
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("%s %s differs from what %s started with under that version: give its file a new version",
		q.ID, q.Version, assessmentsWords(ids))
}

// assessmentsWords is "assessment 3", "assessments 1 and 2", or the first
// five and how many more.
func assessmentsWords(ids []int64) string {
	shown := ids
	if len(shown) > 5 {
		shown = shown[:5]
	}
	words := make([]string, len(shown))
	for i, id := range shown {
		words[i] = fmt.Sprint(id)
	}
	list := JoinAnd(words)
	if more := len(ids) - len(shown); more > 0 {
		list = fmt.Sprintf("%s and %d more", strings.Join(words, ", "), more)
	}
	if len(ids) == 1 {
		return "assessment " + list
	}
	return "assessments " + list
}

// JoinAnd is "1", "1 and 2", "1, 2 and 3": a list in a sentence.
func JoinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
