package report

import "unicode"

// inSentence is a title as it reads inside a sentence: its first letter
// in lower case, unless it starts an acronym ("Overall risk" reads
// "overall risk", "DPIA outcome" stays).
func inSentence(title string) string {
	r := []rune(title)
	if len(r) == 0 || len(r) > 1 && unicode.IsUpper(r[1]) {
		return title
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// asSentence is a clause as it starts a sentence of its own: its first
// letter in upper case ("the highest risk as found is …" after a level's
// name).
func asSentence(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
