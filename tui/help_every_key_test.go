package tui_test

import "testing"

// README: "? lists every key of the screen you are on", and q or ctrl+c
// quit at any time. The home screen's list had ctrl+c; the assessment's
// views left it out, and the interview's left out shift+tab too.
func TestHelpOfEveryViewListsQuittingAndTheViews(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	for _, view := range []string{"[Interview]", "[Review]", "[Plan]", "[Report]"} {
		f.waitFor(view)
		f.press("?")
		f.waitFor("Keys on this screen", "ctrl+c", "shift+tab", "previous view")
		f.press("esc")
		f.waitGone("Keys on this screen")
		f.press("tab")
	}
	f.quit()
}
