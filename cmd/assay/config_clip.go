package main

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxQuotedKey is the most of an unknown key a settings file's refusal
// quotes: enough to find it, and a key of 66,000 letters is not printed
// back whole (it filled the screen, and the line and column already say
// where it is).
const maxQuotedKey = 80

// clipUnknownField shortens the key the YAML decoder's "unknown field
// "…"" quotes whole to maxQuotedKey characters, marked with "…".
func clipUnknownField(msg string) string {
	const prefix = "unknown field "
	rest, ok := strings.CutPrefix(msg, prefix)
	if !ok {
		return msg
	}
	key, err := strconv.Unquote(rest)
	if err != nil || utf8.RuneCountInString(key) <= maxQuotedKey {
		return msg
	}
	cut := 0
	for range maxQuotedKey {
		_, size := utf8.DecodeRuneInString(key[cut:])
		cut += size
	}
	return prefix + `"` + strings.Trim(strconv.Quote(key[:cut]), `"`) + `…"`
}
