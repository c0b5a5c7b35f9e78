package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// The commands assay does not write itself (cobra's help and completion,
// fang's man) refused arguments in cobra's words, or not at all: assay
// completion printed its help and exited 0, assay help nosuch printed
// assay's and exited 0, assay completion fish extra said "unknown command
// "extra"". argsForBuiltins gives them the refusals the others have.

// argsForBuiltins adds cobra's help and completion commands to root now
// (cobra adds them as it runs, too late to change) and gives them, and
// fang's man once adoptFang has put it there, assay's argument checks.
func argsForBuiltins(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Args = helpTopic
		case "completion":
			c.Args = noSuchCommand
			c.RunE = func(c *cobra.Command, _ []string) error {
				return fmt.Errorf("completion needs the shell: assay completion bash (one of %s)", shellNames(c))
			}
			usageOnArgs(c)
		case "man":
			usageOnArgs(c)
		}
	}
}

// shellNames are the shells completion writes a script for: "bash, fish,
// powershell or zsh".
func shellNames(c *cobra.Command) string {
	var names []string
	for _, sub := range c.Commands() {
		names = append(names, sub.Name())
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// helpTopic refuses assay help naming no command: cobra said "Unknown
// help topic" above assay's own help, and exited 0.
func helpTopic(c *cobra.Command, args []string) error {
	at := c.Root()
	for i, a := range args {
		var next *cobra.Command
		for _, sub := range at.Commands() {
			if sub.Name() == a || sub.HasAlias(a) {
				next = sub
			}
		}
		if next != nil {
			at = next
			continue
		}
		if !at.HasSubCommands() {
			return fmt.Errorf("help takes a command's name, and %s has no command %q: %s",
				at.CommandPath(), a, strings.Join(append([]string{c.CommandPath()}, args[:i]...), " "))
		}
		if at.SuggestionsMinimumDistance <= 0 {
			at.SuggestionsMinimumDistance = 2 // what cobra takes when it suggests itself
		}
		msg := fmt.Sprintf("help finds no command %q in %s", a, at.CommandPath())
		if near := at.SuggestionsFor(a); len(near) > 0 {
			quoted := make([]string, len(near))
			for i, n := range near {
				quoted[i] = fmt.Sprintf("%q", n)
			}
			msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(quoted, " or "))
		}
		return errors.New(msg + "; " + at.CommandPath() + " --help lists its commands")
	}
	return nil
}
