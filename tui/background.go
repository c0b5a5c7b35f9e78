package tui

import (
	"strconv"
	"strings"
)

// LightBackground reads COLORFGBG ("fg;bg", or "fg;x;bg": rxvt, Konsole
// and others set it) and reports whether it names a light background:
// colour 7 (white) or a bright colour from 9 to 15. Anything else,
// including an unset or unreadable value, counts as dark, as before.
func LightBackground(colorfgbg string) bool {
	i := strings.LastIndexByte(colorfgbg, ';')
	if i < 0 {
		return false
	}
	bg, err := strconv.Atoi(colorfgbg[i+1:])
	if err != nil {
		return false
	}
	return bg == 7 || (bg >= 9 && bg <= 15)
}
