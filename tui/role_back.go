package tui

// A read refused for want of a role (an owner revoked this login's team
// roles while the workspace was open) says so on the status line, which
// stayed after the roles came back and the home list was read whole
// again, until a key was pressed: the person read that they no longer
// saw the portfolio above the portfolio they saw. Now the first list
// read whole after it takes that line away, says the portfolio is seen
// again, and has the roles read, so that the line then says which role
// came back (rolesRead).

// refusedRead notes that a read the person asked for was refused as not
// allowed, with what the status line now says of it: the roles are read
// again, as after a write refused so.
func (sh *shell) refusedRead(err error) {
	if !refusedByTheServer(err) {
		return
	}
	sh.unseeing = sh.flash
	sh.deps.refusedForRole()
}

// listReadAgain is a list read whole: a refused read's line still shown
// is no longer true of it.
func (sh *shell) listReadAgain() {
	if sh.unseeing == "" {
		return
	}
	if sh.flash == sh.unseeing {
		sh.flash = "the portfolio is read again"
		if sh.deps.Login != "" {
			sh.flash = "your login " + clean(sh.deps.Login) + " sees the portfolio again"
		}
		sh.deps.refusedForRole()
	}
	sh.unseeing = ""
}
