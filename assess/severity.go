package assess

import (
	"fmt"
	"strings"
)

// Severity ranks a finding; it sets the remediation deadline.
type Severity int

// Severities from least to most urgent. The zero value means "none".
const (
	SeverityNone Severity = iota
	Low
	Medium
	High
	Critical
)

// Severities lists the real severities, most urgent first, as reports show them.
var Severities = []Severity{Critical, High, Medium, Low}

var severityNames = [...]string{"none", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < SeverityNone || s > Critical {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// Title is the capitalised name used in reports.
func (s Severity) Title() string {
	n := s.String()
	return strings.ToUpper(n[:1]) + n[1:]
}

// ParseSeverity reads "low", "medium", "high" or "critical".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if i > 0 && strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return SeverityNone, fmt.Errorf("unknown severity %q (use low, medium, high or critical)", s)
}

// Raise moves s up by steps, never past Critical nor below Low.
func (s Severity) Raise(steps int) Severity {
	r := s + Severity(steps)
	if r > Critical {
		r = Critical
	}
	if r < Low {
		r = Low
	}
	return r
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	if string(b) == "none" {
		*s = SeverityNone
		return nil
	}
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
