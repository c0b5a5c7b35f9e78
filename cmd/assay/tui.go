package main

import (
	"github.com/spf13/cobra"
)

func (a *app) runTUI(cmd *cobra.Command) error {
	return nil
}
