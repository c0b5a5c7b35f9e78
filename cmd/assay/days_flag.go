package main

import (
	"fmt"
	"strconv"
)

// daysFlag is a flag that takes a whole number of days, 0 or more
// (assay due --within). pflag's own int flag refused "2.5" in its words
// (invalid argument ... strconv.ParseInt: ... invalid syntax) while -5 got
// ours; this one keeps the text as given, and days reads it, so that every
// value it cannot take is refused in one wording that says what it takes.
type daysFlag struct {
	name string // the flag's name for messages: "--within"
	text string
}

func newDaysFlag(name string, days int) *daysFlag {
	return &daysFlag{name: name, text: strconv.Itoa(days)}
}

func (f *daysFlag) String() string { return f.text }

// Set keeps the text; days says what is wrong with it, once the command runs.
func (f *daysFlag) Set(s string) error {
	f.text = s
	return nil
}

// Type names the value in help: "--within days".
func (f *daysFlag) Type() string { return "days" }

// days is the number of days the flag was given.
func (f *daysFlag) days() (int, error) {
	const takes = "give a whole number of days, 0 or more"
	n, err := strconv.Atoi(f.text)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a whole number of days: %s", f.name, f.text, takes)
	}
	if n < 0 {
		return 0, fmt.Errorf("%s: %d is before today: %s", f.name, n, takes)
	}
	return n, nil
}
