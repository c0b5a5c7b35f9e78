package assess

import "strconv"

// Count says a count with its noun: "1 record", "2 records".
func Count(n int, one, many string) string { return strconv.Itoa(n) + " " + Plural(n, one, many) }

// Plural is the noun for a count: one for 1, many for any other.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
