package main

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// validateGovernance checks the reviewer and cadence settings:
//
//	reviewer: Dana Reyes
//	cadence:            # months between reassessments, by tier
//	  critical: 12
//	  high: 12
//	  moderate: 24
//	  default: 36       # low, and subjects with no tier
func (c *Config) validateGovernance() error {
	// A name, checked as one: as free text, a reviewer with an escape
	// sequence loaded, and was refused only when a command signed with
	// it, without a word of the settings file it came from.
	var err error
	if c.Reviewer, err = assess.CleanName("reviewer", c.Reviewer); err != nil {
		return &fieldError{keys: []string{"reviewer"}, err: err}
	}
	if c.cadence, err = assess.DefaultCadence().Merge(wholeNumbers(c.Cadence)); err != nil {
		merge := func(m map[string]int) error {
			_, err := assess.DefaultCadence().Merge(m)
			return err
		}
		return entryError(c.Cadence, merge, err, "cadence")
	}
	return nil
}

// reviewerGiven refuses a reviewer line left empty (reviewer: "", or no
// value at all): it fell back to the login name without a word, so the
// changes were recorded as someone the settings file did not name. With
// no reviewer line the login name is meant, and taken.
func (c *Config) reviewerGiven(src []byte) error {
	if strings.TrimSpace(c.Reviewer) != "" {
		return nil
	}
	if _, _, present := settingPosition(src, []string{"reviewer"}, true); !present {
		return nil
	}
	return &fieldError{keys: []string{"reviewer"}, atKey: true,
		err: fmt.Errorf("reviewer is empty: give the name changes are recorded as, or remove the line to use your login name")}
}

// CadencePolicy is the reassessment policy: the defaults with the config
// file's months.
func (c *Config) CadencePolicy() assess.CadencePolicy {
	if c.cadence.Months == nil {
		return assess.DefaultCadence()
	}
	return c.cadence
}

// configReviewer is the config file's reviewer, or "" if there is none or
// the file cannot be read (every command that opens the portfolio stops
// on that first: app.store).
func (a *app) configReviewer() string {
	c, _, err := a.settings()
	if err != nil {
		return ""
	}
	return c.Reviewer
}

// signer is the name a sign-off is made in: the actor, unless none could
// be found at all.
func (a *app) signer() (string, error) {
	if _, err := a.config(); err != nil {
		return "", err
	}
	if a.isTeam() {
		// The login is the name; opening the team database first says
		// why there is none (a --reviewer naming another, a refused
		// login) instead of asking for the name the team refuses.
		if _, err := a.store(); err != nil {
			return "", err
		}
	}
	name := strings.TrimSpace(a.actor())
	if name == "" || name == "unknown" {
		return "", fmt.Errorf("signing needs a name: pass --reviewer NAME, set $ASSAY_REVIEWER, or put reviewer: NAME in %s", a.configPath())
	}
	return name, nil
}
