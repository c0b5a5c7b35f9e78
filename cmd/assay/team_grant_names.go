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
// A login that holds a team role already, and is plain text
// (assess.NameDoubt), is not warned of again: it is the one the
// look-alike was warned of when that was granted, and ana given the
// approver role is not told to revoke it. One not plain text is warned
// of each time, as a look-alike given its first role in psql would
// otherwise never be.
func lookAlikeLogin(login string, roles []string, members []store.TeamMember) string {
	var holders []string
	holds := false
	for _, m := range members {
		if m.Login == login {
			holds = true
		} else {
			holders = append(holders, m.Login)
		}
	}
	why := assess.NameDoubt(login)
	if holds && why == "" {
		return ""
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
