package locale

import "testing"

// The locale is read as the C library and terminals read it: the first
// of LC_ALL, LC_CTYPE and LANG that is set decides, and only a codeset
// of UTF-8 (however it is spelt) draws beyond ASCII. Nothing set is the
// C locale.
func TestUTF8ReadsTheLocaleAsTerminalsDo(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		utf8 bool
	}{
		{map[string]string{}, false}, // the C locale
		{map[string]string{"LANG": "C"}, false},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LANG": "en_US.UTF-8"}, true},
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "de_DE.utf8"}, true},
		{map[string]string{"LANG": "sr_RS.UTF-8@latin"}, true},
		{map[string]string{"LANG": "en_US"}, false}, // ISO 8859-1 in glibc
		{map[string]string{"LANG": "en_US.ISO-8859-15"}, false},
		{map[string]string{"LC_CTYPE": "C", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_CTYPE": "UTF-8", "LANG": "C"}, true}, // macOS sets LC_CTYPE=UTF-8 alone
		{map[string]string{"LC_ALL": "", "LC_CTYPE": "", "LANG": "ja_JP.UTF-8"}, true},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LC_CTYPE": "C"}, true},
		{map[string]string{"LANG": "ja_JP.eucJP"}, false},
		{map[string]string{"LANG": "en_US.UTF8x"}, false},
	} {
		if got := UTF8(func(k string) string { return c.env[k] }); got != c.utf8 {
			t.Errorf("%v: UTF8 %v, want %v", c.env, got, c.utf8)
		}
	}
}
