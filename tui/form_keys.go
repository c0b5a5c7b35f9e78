package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
)

// newForm is a form of the workspace: huh's, without its own key help
// (the footer says the keys) or errors (formView draws them), in the
// plain theme, with formKeys.
func newForm(groups ...*huh.Group) *huh.Form {
	return huh.NewForm(groups...).WithShowHelp(false).WithShowErrors(false).WithTheme(huh.ThemeFunc(huh.ThemeBase)).WithKeyMap(formKeys())
}

// formKeys are huh's keys but one: ctrl+e in a multi-line field handed
// the terminal to $EDITOR (or nano), writing what was typed to a file in
// the temporary folder that any local user could read, and took back
// whatever the editor left, past the paste checks. ctrl+e is the end of
// the line there, as everywhere else in the workspace.
func formKeys() *huh.KeyMap {
	keys := huh.NewDefaultKeyMap()
	keys.Text.Editor = key.NewBinding(key.WithDisabled())
	return keys
}
