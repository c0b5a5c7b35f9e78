package tui

import (
	"context"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// refusedForRole is why the login may not make the change it asked for
// (an answer, a note, a confirmation, a new assessment), "" when it may.
// As in the workspace (roles.go), a refusal reads the login's roles from
// the server again: a role granted since they were read says so in one
// line, and the change goes through. Read here, at the refusal, since
// accessible mode waits for the person anyway; roles are not read while
// nothing is refused. A failed read leaves the roles and the refusal as
// they were.
func (p *prompter) refusedForRole() string {
	r := p.d.readOnly()
	if r == "" || p.d.ReadRoles == nil {
		return r
	}
	roles, err := inTime(p, func(ctx context.Context) ([]string, error) { return p.d.ReadRoles(ctx) })
	if err != nil || roles == nil {
		return r
	}
	gained := false
	for _, role := range roles {
		gained = gained || !slices.Contains(p.d.Roles, role)
	}
	p.d.Roles = roles
	if gained {
		p.say("Your login " + clean(p.d.Login) + " now has " + assess.RoleWords(roles) + ".")
	}
	return p.d.readOnly()
}

// sentence is a message as a sentence of its own: capital first, full
// stop last.
func sentence(msg string) string {
	if msg == "" {
		return ""
	}
	return fullStop(strings.ToUpper(msg[:1]) + msg[1:])
}
