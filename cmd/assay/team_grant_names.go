package main

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// lookAlikeLogin warns of a login for assay team grant drawn like one
// that already holds a team role (assess.LoginLooksLike): "аna" with a
// Cyrillic а, or "Ana" beside "ana" (two logins to the server), signs,
// approves and shows in every trail as if it were ana. Login names are the server's (a DBA made it, and may have meant
// it), so the grant is not refused, as assay key trust refuses a name:
// the owner is told whom it looks like, and how to take the role back.
// "" when it looks like no holder.
//
// A login that holds a team role already is warned of at every grant,
// as the owner granting it more may not be the one who read the first
// warning; it is compared then with the holders recorded before it
// (store.TeamMember.FirstRecorded), so that ana, holding her role first,
// is not told to revoke the one she is given next. A login that is not
// plain text (assess.NameDoubt) is compared with every holder, each
// time: it is what a look-alike is made of.
func lookAlikeLogin(login string, roles []string, members []store.TeamMember) string {
	var own *store.TeamMember
	for i := range members {
		if members[i].Login == login {
			own = &members[i]
		}
	}
	plain := assess.NameDoubt(login) == ""
	var holders []string
	for _, m := range members {
		if m.Login == login {
			continue
		}
		if own != nil && plain && !recordedBefore(m, *own) {
			continue
		}
		holders = append(holders, m.Login)
	}
	like := assess.LoginLooksLike(login, holders...)
	if like == "" {
		return ""
	}
	because := ""
	if why := assess.LikenessWhy(login, like); why != "" {
		because = ": " + why
	}
	shown := safetext.OneLine(login)
	return fmt.Sprintf(`"%s" looks like %s, a login that holds a team role, and is not that login%s. `+
		`What it does will read as %s's wherever a name is shown; the role was granted, as login names are the server's: `+
		`if it was not meant, assay team revoke %s %s takes it back`,
		shown, safetext.OneLine(like), because, safetext.OneLine(like), shown, strings.Join(roles, " "))
}

// recordedBefore says whether m's first team role was recorded before
// own's: own, granted outside assay and recorded nowhere, comes after
// every recorded holder.
func recordedBefore(m, own store.TeamMember) bool {
	return m.FirstRecorded != 0 && (own.FirstRecorded == 0 || m.FirstRecorded < own.FirstRecorded)
}
