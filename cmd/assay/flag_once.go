package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// A flag that takes one value, given twice, took the last one silently:
// assay subject edit Acme --tier high --tier low recorded low, and
// --db a.db --db b.db opened b.db, where the person may have meant
// either. Each such flag now refuses a second value (flagsOnce), and the
// command says so in one line, nothing done. Flags that take several
// (--contact, repeated for several) are left as they are.

// flagsOnce makes every single-value flag of root and the commands under
// it refuse to be given twice.
func flagsOnce(root *cobra.Command) {
	wrap := func(f *pflag.Flag) {
		if _, done := f.Value.(*onceValue); done || takesSeveral(f.Value) {
			return
		}
		f.Value = &onceValue{Value: f.Value, flag: f}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(wrap)
		c.PersistentFlags().VisitAll(wrap)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		var twice errFlagTwice
		if errors.As(err, &twice) {
			return twice
		}
		return err
	})
}

// takesSeveral reports whether a flag's value is one that each giving
// adds to (a list, a count).
func takesSeveral(v pflag.Value) bool {
	t := v.Type()
	return strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array") || t == "count" || t == "stringToString"
}

// onceValue is a flag's value that takes one setting from the command
// line.
type onceValue struct {
	pflag.Value
	flag *pflag.Flag
	set  bool
}

func (v *onceValue) Set(s string) error {
	if v.set {
		return errFlagTwice{flag: v.flag}
	}
	v.set = true
	return v.Value.Set(s)
}

// errFlagTwice is a single-value flag given a second time.
type errFlagTwice struct{ flag *pflag.Flag }

func (e errFlagTwice) Error() string {
	name := "--" + e.flag.Name
	if e.flag.Shorthand != "" {
		name += " (-" + e.flag.Shorthand + ")"
	}
	return fmt.Sprintf("%s is given twice: it takes one value; give it once (nothing was done)", name)
}
