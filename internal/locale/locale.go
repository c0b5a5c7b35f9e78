// Package locale says whether the terminal's locale draws UTF-8, so that
// a locale that does not (LANG=C, LC_ALL=POSIX, a Latin-1 locale) is
// drawn in ASCII instead of as garbage.
package locale

import "strings"

// UTF8 reports whether the locale getenv describes uses UTF-8, read as
// the C library and terminals (tmux, ncurses) read it: the first of
// LC_ALL, LC_CTYPE and LANG that is set and not empty decides; none set
// is the C locale, which is ASCII. A locale is UTF-8 when its codeset
// (after the dot, before any @modifier) is UTF-8, spelt with or without
// the hyphen in any case; macOS's LC_CTYPE=UTF-8 names the codeset alone.
func UTF8(getenv func(string) string) bool {
	var name string
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if name = getenv(k); name != "" {
			break
		}
	}
	codeset := name
	if i := strings.IndexByte(codeset, '.'); i >= 0 {
		codeset = codeset[i+1:]
	}
	if i := strings.IndexByte(codeset, '@'); i >= 0 {
		codeset = codeset[:i]
	}
	codeset = strings.ToLower(codeset)
	return codeset == "utf-8" || codeset == "utf8"
}
