package tui_test

import (
	"context"
	"sync"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// serverRoles stands for the team server's grants to a login that starts
// as an approver only: the workspace reads them through d.ReadRoles, and
// the test grants the analyst role meanwhile, as an owner would.
type serverRoles struct {
	mu    sync.Mutex
	held  []string
	reads int
}

// approverOnly makes d a login holding the approver role alone, whose
// roles are read again from the returned fake.
func approverOnly(d *tui.Deps) *serverRoles {
	r := &serverRoles{held: []string{assess.RoleApprover}}
	d.Actor, d.Login = "dee", "dee"
	d.Roles = []string{assess.RoleApprover}
	d.ReadRoles = func(context.Context) ([]string, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.reads++
		return append([]string{}, r.held...), nil
	}
	return r
}

// grantAnalyst gives the login the analyst role on the server.
func (r *serverRoles) grantAnalyst() {
	r.mu.Lock()
	r.held = []string{assess.RoleAnalyst, assess.RoleApprover}
	r.mu.Unlock()
}

// readCount is how many times the workspace read the roles.
func (r *serverRoles) readCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reads
}
