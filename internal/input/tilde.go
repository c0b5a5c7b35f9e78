package input

import (
	"path/filepath"
	"strings"
)

// HomeRelative reports whether path begins with a ~ standing for the home
// folder (~ alone, or ~/…). A shell expands it; where it did not (in
// quotes, after --flag=, in an env file), taken as a name it is a file or
// folder called ~ in the current folder, which rm -r ~ later takes the
// home folder with.
func HomeRelative(path string) bool {
	return path == "~" || strings.HasPrefix(path, "~/") || strings.HasPrefix(path, "~"+string(filepath.Separator))
}
