package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// A flag that takes one value, given twice, took the last one silently:
// assay subject edit Acme --tier high --tier low recorded low, and
// --db a.db --db b.db opened b.db, where the person may have meant
// either. Each such flag now refuses a second value (flagsOnce), and the
// command says so in one line, nothing done. A switch given twice the
// same way is taken once (onceValue). Flags that take several (--contact,
// repeated for several) are left as they are.

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
	root.SetFlagErrorFunc(flagMistake)
}

// flagMistake is a flag given wrong, in assay's words: pflag's named the
// letter of a short flag in quotes ("unknown shorthand flag: '1' in -1",
// "flag needs an argument: 'o' in -o") and not the command.
func flagMistake(c *cobra.Command, err error) error {
	name := strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
	var twice errFlagTwice
	var unknown *pflag.NotExistError
	var noValue *pflag.ValueRequiredError
	switch {
	case errors.As(err, &twice):
		return twice
	case errors.As(err, &unknown):
		given := "--" + unknown.GetSpecifiedName()
		if unknown.GetSpecifiedShortnames() != "" {
			given = "-" + unknown.GetSpecifiedName()[:1]
		}
		return fmt.Errorf("%s has no flag %s (%s --help lists its flags)", name, given, c.CommandPath())
	case errors.As(err, &noValue):
		return fmt.Errorf("%s needs a value; usage: %s", flagAsGiven(noValue.GetFlag(), noValue.GetSpecifiedShortnames() != ""), c.UseLine())
	}
	return err
}

// flagAsGiven names a flag as it was given, short or long, with its other
// name after it: "-o (--output)".
func flagAsGiven(f *pflag.Flag, short bool) string {
	switch {
	case f.Shorthand == "":
		return "--" + f.Name
	case short:
		return "-" + f.Shorthand + " (--" + f.Name + ")"
	}
	return "--" + f.Name + " (-" + f.Shorthand + ")"
}

// takesSeveral reports whether a flag's value is one that each giving
// adds to (a list, a count).
func takesSeveral(v pflag.Value) bool {
	t := v.Type()
	return strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array") || t == "count" || t == "stringToString"
}

// onceValue is a flag's value that takes one setting from the command
// line. A switch (--json) given twice the same way is taken once: a
// script that adds its own --json to the flags it is passed means nothing
// else by it; on and off is refused.
type onceValue struct {
	pflag.Value
	flag  *pflag.Flag
	set   bool
	first string
}

func (v *onceValue) Set(s string) error {
	if !v.set {
		v.set, v.first = true, s
		return v.Value.Set(s)
	}
	if v.Value.Type() != "bool" {
		return errFlagTwice{flag: v.flag}
	}
	was, err1 := strconv.ParseBool(v.first)
	now, err2 := strconv.ParseBool(s)
	if err1 != nil || err2 != nil || was != now {
		return errFlagTwice{flag: v.flag, onAndOff: true}
	}
	return nil
}

// errFlagTwice is a single-value flag given a second time, or a switch
// given on and off.
type errFlagTwice struct {
	flag     *pflag.Flag
	onAndOff bool
}

func (e errFlagTwice) Error() string {
	if e.onAndOff {
		return fmt.Sprintf("%s is given twice, once on and once off: give it once (nothing was done)", flagAsGiven(e.flag, false))
	}
	return fmt.Sprintf("%s is given twice: it takes one value; give it once (nothing was done)", flagAsGiven(e.flag, false))
}
