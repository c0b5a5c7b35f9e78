package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/input"
)

// Config is the user's settings file, $ASSAY_CONFIG or
// $XDG_CONFIG_HOME/assay/config.yaml (~/.config/assay/config.yaml). Every
// setting is optional; a missing file means the defaults. Unknown keys are
// an error, so a misspelt setting never goes silently unused.
//
// To add a setting, add a field with a yaml tag here (and a line to the
// README's "Configuration" section); check it in validate.
type Config struct {
	// Deadlines are the days to remediate a finding of each severity,
	// overriding the defaults (critical 15, high 30, medium 90, low 180).
	Deadlines map[string]wholeNumber `yaml:"deadlines"`
	// Questionnaires holds settings for one questionnaire, by its ID.
	Questionnaires map[string]QuestionnaireConfig `yaml:"questionnaires"`
	// Reviewer is your name for the audit trail and sign-offs, unless
	// --reviewer or $ASSAY_REVIEWER says otherwise (config_governance.go).
	Reviewer string `yaml:"reviewer"`
	// Cadence is the months between reassessments by tier, and "default".
	Cadence map[string]wholeNumber `yaml:"cadence"`
	// FourEyes: nobody may approve an assessment they submitted.
	FourEyes bool `yaml:"four_eyes"`

	path      string
	deadlines assess.Deadlines
	cadence   assess.CadencePolicy
}

// QuestionnaireConfig is the settings for one questionnaire.
type QuestionnaireConfig struct {
	// Deadlines override every other policy for this questionnaire.
	Deadlines map[string]wholeNumber `yaml:"deadlines"`

	deadlines assess.Deadlines
}

// configPath is $ASSAY_CONFIG, else $XDG_CONFIG_HOME/assay/config.yaml.
func (a *app) configPath() string {
	if p := a.getenv("ASSAY_CONFIG"); p != "" {
		return p
	}
	return filepath.Join(a.xdgDir("XDG_CONFIG_HOME", ".config"), "assay", "config.yaml")
}

// config loads the settings file once; a missing file is the defaults.
// Its settings for questionnaires must name ones assay has.
func (a *app) config() (*Config, error) {
	c, src, err := a.settings()
	if err != nil {
		return nil, err
	}
	if err := a.checkQuestionnaireIDs(c, src); err != nil {
		return nil, err
	}
	return c, nil
}

// settings is the settings file read and checked field by field, without
// looking up the questionnaires it names: what the commands that open the
// portfolio need (the reviewer, four_eyes), which must not load every
// questionnaire to start.
func (a *app) settings() (*Config, []byte, error) {
	if a.cfg != nil || a.cfgErr != nil {
		return a.cfg, a.cfgSrc, a.cfgErr
	}
	path := a.configPath()
	src, err := input.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.cfg = &Config{path: path}
	case err != nil:
		a.cfgErr = fmt.Errorf("the settings file (set ASSAY_CONFIG to use another): %w", err)
	default:
		a.cfg, a.cfgErr = parseConfig(path, src)
		a.cfgSrc = src
	}
	return a.cfg, a.cfgSrc, a.cfgErr
}

// parseConfig reads a settings file; errors name the file, line and field.
func parseConfig(path string, src []byte) (*Config, error) {
	c := &Config{path: path}
	if err := checkConfigSource(path, src); err != nil {
		return nil, err
	}
	if err := yaml.UnmarshalWithOptions(src, c, yaml.DisallowUnknownField()); err != nil {
		return nil, configYAMLError(path, err)
	}
	err := c.validate()
	if err == nil {
		err = c.reviewerGiven(src)
	}
	if err != nil {
		var fe *fieldError
		if errors.As(err, &fe) {
			return nil, fe.at(path, src)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// configYAMLError names the file, line and column of a YAML error the way
// every other file error does (FILE:LINE:COL: message).
func configYAMLError(path string, err error) error {
	if line, col, msg, ok := input.YAMLErrorAt(err); ok {
		var tk *token.Token
		if te, isTokenErr := err.(interface{ GetToken() *token.Token }); isTokenErr {
			tk = te.GetToken()
		}
		return fmt.Errorf("%s:%d:%d: %s", path, line, col, clipUnknownField(settingsWords(msg, tk)))
	}
	return fmt.Errorf("%s: %s", path, yaml.FormatError(err, false, false))
}

func (c *Config) validate() error {
	var err error
	if c.deadlines, err = deadlinesAt(c.Deadlines, "deadlines"); err != nil {
		return err
	}
	ids := make([]string, 0, len(c.Questionnaires))
	for id := range c.Questionnaires {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		qc := c.Questionnaires[id]
		if qc.deadlines, err = deadlinesAt(qc.Deadlines, "questionnaires", id, "deadlines"); err != nil {
			return err
		}
		c.Questionnaires[id] = qc
	}
	return c.validateGovernance()
}

// DeadlinesFor is the deadline policy a new assessment of q pins: the
// defaults, overridden by the config file's deadlines, then by the
// questionnaire's own, then by the config file's deadlines for q.
func (c *Config) DeadlinesFor(q *assess.Questionnaire) assess.Deadlines {
	return assess.ResolveDeadlines(c.deadlines, q.Deadlines, c.Questionnaires[q.ID].deadlines)
}
