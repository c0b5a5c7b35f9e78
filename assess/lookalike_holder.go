package assess

import (
	"slices"

	"github.com/assay-dev/assay/assess/safetext"
)

// LooksLikeHolder says, to follow what is said of login, which other
// holder of a team role it is drawn like (LoginLooksLike) and why it is
// not what it shows (LikenessWhy): "it looks like ana, who holds the
// analyst role, and is not that login: it differs from it only in
// case". holders are the logins holding a team role, each with the
// roles it holds; login's own entry is passed over. "" when it looks
// like none of them.
func LooksLikeHolder(login string, holders map[string][]string) string {
	var others []string
	for h := range holders {
		if h != login {
			others = append(others, h)
		}
	}
	// Sorted, so that the same holder is named each time whatever order
	// the map gave them in.
	slices.Sort(others)
	like := LoginLooksLike(login, others...)
	if like == "" {
		return ""
	}
	roles := holders[like]
	held := "the " + JoinAnd(roles) + " role"
	if len(roles) > 1 {
		held += "s"
	}
	s := "it looks like " + safetext.OneLine(like) + ", who holds " + held + ", and is not that login"
	if why := LikenessWhy(login, like); why != "" {
		s += ": " + why
	}
	return s
}
