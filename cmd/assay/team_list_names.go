package main

import (
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// lookAlikeNotes are assay team list's notes on logins drawn like
// another holder's (assess.LoginLooksLike), by index in members: both
// rows are marked, as the list cannot tell which of "ana" and "Ana" was
// meant, each naming the other and, when one is not what it shows,
// why (assess.LikenessWhy). The names are left raw: the table cleans
// every cell for one line.
func lookAlikeNotes(members []store.TeamMember) map[int]string {
	notes := map[int]string{}
	for i, m := range members {
		var likes []string
		for j, o := range members {
			if i == j || assess.LoginLooksLike(m.Login, o.Login) == "" {
				continue
			}
			like := "looks like " + o.Login + ", a holder too"
			if why := assess.LikenessWhy(m.Login, o.Login); why != "" {
				like += " (" + why + ")"
			}
			likes = append(likes, like)
		}
		if len(likes) > 0 {
			notes[i] = strings.Join(likes, "; ")
		}
	}
	return notes
}
