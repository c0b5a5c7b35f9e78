package main

import (
	"fmt"
	"strings"

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
	// assay 1 score: the command is there, after what it takes.
	for i, a := range args[1:] {
		for _, sub := range cmd.Commands() {
			if sub.Name() == a || sub.HasAlias(a) {
				order := append([]string{a}, args[:i+1]...)
				order = append(order, args[i+2:]...)
				return fmt.Errorf("%s (the command comes first: %s %s)", msg, cmd.CommandPath(), strings.Join(order, " "))
			}
		}
	}
	if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
		quoted := make([]string, len(near))
		for i, n := range near {
			quoted[i] = fmt.Sprintf("%q", n)
		}
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(quoted, " or "))
	}
	return fmt.Errorf("%s; %s --help lists its commands", msg, cmd.CommandPath())
}

// usageOnArgs makes every command that takes no subcommands refuse
// arguments it cannot take, and a required flag not given, in assay's
// words (argsInWords): cobra alone says "accepts 1 arg(s), received 2"
// without naming the command, and calls a word given to assay new without
// -q an unknown command of a command that has none.
func usageOnArgs(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		usageOnArgs(c)
	}
	if cmd.HasSubCommands() {
		return // noSuchCommand names the subcommands
	}
	check := cmd.Args
	if check == nil {
		check = cobra.ArbitraryArgs
	}
	cmd.Args = argsInWords(cmd, check)
}
