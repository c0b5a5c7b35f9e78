package convert

import (
	"fmt"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
)

// cutLongText cuts every text of the draft longer than the limit on any
// text of a questionnaire (assess.MaxTextLength bytes) to it, ending in
// "…", and says which were cut: the source's text, written whole, made a
// file assay refuses.
func cutLongText(d *draft) []Note {
	var notes []Note
	cut := func(question, what string, s *string) {
		if len(*s) <= assess.MaxTextLength {
			return
		}
		n := len(*s)
		end := assess.MaxTextLength - len("…")
		for end > 0 && !utf8.RuneStart((*s)[end]) {
			end--
		}
		*s = (*s)[:end] + "…"
		notes = append(notes, Note{Question: question, Text: fmt.Sprintf("the %s, %d bytes long, cut to the %s-byte limit", what, n, "20,000")})
	}
	cut("", "title", &d.Title)
	cut("", "description", &d.Description)
	cut("", "copyright", &d.Copyright)
	for _, s := range d.Sections {
		cut("", "title of section "+s.ID, &s.Title)
		cut("", "guidance of section "+s.ID, &s.Help)
		for _, q := range s.Questions {
			cut(q.ID, "question", &q.Text)
			cut(q.ID, "guidance", &q.Help)
			cut(q.ID, "action", &q.Action)
			for i := range q.Options {
				cut(q.ID, "label of option "+q.Options[i].Value, &q.Options[i].Label)
			}
		}
	}
	return notes
}
