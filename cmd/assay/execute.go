package main

import (
	"context"
	"io"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

// execute runs root with fang's help, version and man page, and prints a
// failure itself, as one line (oneLineError).
//
// fang.Execute is not called on root: on a failure it works out its
// colour scheme before calling an error handler, whatever the handler
// does with it, and on a terminal that means switching the terminal to
// raw mode and asking it for its background colour (OSC 11), then waiting
// up to two seconds, on stdin and then on stdout, for an answer a serial
// console, screen or some tmux set-ups never send. Every typed mistake
// stalled, and a terminal killed meanwhile was left in raw mode. The one
// line assay prints uses no colour, so it need not ask.
func execute(ctx context.Context, root *cobra.Command, stderr io.Writer, opts ...fang.Option) error {
	adoptFang(root, opts...)
	argsForBuiltins(root)
	err := root.ExecuteContext(ctx)
	if err != nil {
		oneLineError(stderr, err)
	}
	return err
}

// adoptFang gives root what fang.Execute would: its help (a function of
// the command asked about, not of the command fang set it on), its
// version flag and its hidden "man" command. fang sets them on a stand-in
// command that it runs to do nothing; the stand-in writes where root does,
// so that fang prepares those writers for colour as it would for root.
func adoptFang(root *cobra.Command, opts ...fang.Option) {
	standIn := &cobra.Command{Use: root.Name(), Run: func(*cobra.Command, []string) {}}
	standIn.SetArgs([]string{})
	standIn.SetOut(root.OutOrStdout())
	standIn.SetErr(root.ErrOrStderr())
	_ = fang.Execute(context.Background(), standIn, opts...) // runs nothing that can fail
	root.SetHelpFunc(standIn.HelpFunc())
	root.Version = standIn.Version
	root.SilenceUsage, root.SilenceErrors = true, true
	for _, c := range standIn.Commands() {
		if c.Name() == "man" { // its page is built from the command it hangs on: root
			standIn.RemoveCommand(c)
			root.AddCommand(c)
		}
	}
}
