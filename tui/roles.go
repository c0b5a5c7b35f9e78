package tui

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Roles granted while the workspace is open. The workspace refuses a
// change the login's roles do not allow before it shows (readOnly), as
// the server would; the roles it knows were read when it opened. So a
// refusal for lack of a role has them read again (a command, after the
// update that refused): if an owner granted the role meanwhile, the
// workspace says so, and the next try goes through. Roles are read only
// then: a login that never meets a refusal costs nothing more.

// roleAsk notes a refusal for lack of a role, and a read of the roles on
// its way.
type roleAsk struct {
	refused, reading bool
}

// rolesReadMsg is the login's roles as the server now holds them.
type rolesReadMsg struct {
	roles []string
	err   error
}

// refuse is readOnly for a change the person asked for: a refusal has
// the roles read again.
func (d Deps) refuse() string {
	r := d.readOnly()
	if r != "" {
		d.refusedForRole()
	}
	return r
}

// refusedForRole notes that something the person asked for was refused
// for the login's roles (a change, a decision to sign): they are read
// again after this update. Only a key's handling, or a write's refusal
// coming back, calls it; never a view.
func (d Deps) refusedForRole() {
	if d.asked != nil && d.Roles != nil {
		d.asked.refused = true
	}
}

// readRoles reads the roles again after a refusal, one read at a time.
func (sh *shell) readRoles() tea.Cmd {
	a, read := sh.deps.asked, sh.deps.ReadRoles
	if a == nil || read == nil || !a.refused || a.reading {
		return nil
	}
	a.refused, a.reading = false, true
	d := sh.deps
	return func() tea.Msg {
		// Within a write's deadline, and a watchdog past it for a store
		// deaf to it (withinDeadline): a read that never returned kept
		// reading set, and no refusal read the roles again.
		roles, err := withinDeadline(d, func(ctx context.Context) ([]string, error) { return read(ctx) })
		return rolesReadMsg{roles: roles, err: err}
	}
}

// rolesRead takes the roles read; a role gained clears the refusal and
// says so (what it allows is tried again by the person, not replayed). A read that failed changes nothing:
// the refusal stands, and the next one reads again.
func (m Model) rolesRead(msg rolesReadMsg) (Model, tea.Cmd) {
	d := &m.sh.deps
	d.asked.reading = false
	if msg.err != nil || msg.roles == nil {
		return m, nil
	}
	gained := false
	for _, r := range msg.roles {
		gained = gained || !slices.Contains(d.Roles, r)
	}
	d.Roles = msg.roles
	if gained {
		m.sh.saves.refused = ""
		m.sh.flash = "your login " + d.Login + " now has " + assess.RoleWords(d.Roles) + ": try again"
	}
	return m, nil
}

// refusedByTheServer reports whether a write came back refused as not
// allowed (assess.EInvalid: a role's lack among others), rather than lost
// or in conflict: the roles may have changed since they were read.
func refusedByTheServer(err error) bool {
	var e *assess.Error
	return errors.As(err, &e) && e.Code == assess.EInvalid
}
