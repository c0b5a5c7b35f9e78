package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// noSuchCommand is the Args of a command that takes no argument but its
// subcommands' names: a word that names none of them is refused with the
// closest one, as a misspelt question in an answers file is. cobra's own
// NoArgs names no command to try instead.
func noSuchCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // what cobra takes when it suggests itself
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", near[0])
	}
	return fmt.Errorf("%s; %s --help lists its commands", msg, cmd.CommandPath())
}
