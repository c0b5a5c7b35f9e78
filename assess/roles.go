package assess

import "strings"

// The team roles a team database grants a login (store/postgres_team.go
// sets them up; the server enforces them). A person's own file has none:
// they may do everything.
const (
	RoleAnalyst  = "analyst"
	RoleApprover = "approver"
	RoleAuditor  = "auditor"
	RoleOwner    = "owner"
)

// RoleWords names a login's roles inside a sentence: "the role approver",
// "the role analyst and approver", "no assay role".
func RoleWords(roles []string) string {
	if len(roles) == 0 {
		return "no assay role"
	}
	return "the role " + strings.Join(roles, " and ")
}
