// Package export turns an evaluated assessment into the formats other
// tools read: the action plan as CSV, the whole assessment as JSON for
// another assay database, and an OSCAL plan of action and milestones. It
// does no I/O: callers write the bytes where they belong.
package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// CSVHeader names the action plan's columns.
var CSVHeader = []string{
	"Item", "Subject", "Finding", "Section", "Question", "Answer", "Severity",
	"ISO/IEC 27001:2022", "NIST CSF 2.0", "SOC 2",
	"Action", "Owner", "Due", "Default due", "Default due because", "Due moved because", "Status", "Overdue",
	"Accepted by", "Accepted on", "Acceptance reason", "Acceptance expires", "Milestones",
}

// PlanCSV writes the remediation plan as CSV (RFC 4180: comma-separated,
// fields with commas, quotes or line breaks quoted, CRLF line ends), one
// row per item in plan order, judged on day today. Every row names the
// subject, so that the plans of several vendors pasted into one sheet stay
// apart. It starts with a UTF-8
// byte order mark so that spreadsheet programs read accented names right.
// Cells that a spreadsheet would take for a formula are defused.
// acceptedOn is, by finding key, the day the audit trail recorded each
// accepted risk's acceptance; an item it lacks has an empty cell.
func PlanCSV(ev *assess.Evaluation, today assess.Date, acceptedOn map[string]assess.Date) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(CSVHeader)
	labels := ev.FindingLabels()
	for _, it := range ev.Plan {
		f := it.Finding
		overdue := "no"
		if it.Overdue(today) {
			overdue = "yes"
		}
		var accBy, accOn, accWhy, accUntil string
		if it.Status == assess.ItemAccepted && it.Acceptance != nil {
			accBy, accWhy, accUntil = it.Acceptance.Approver, it.Acceptance.Reason, it.Acceptance.Expires.String()
			if on := acceptedOn[it.Key()]; !on.IsZero() {
				accOn = on.String()
			}
		}
		status := string(it.EffectiveStatus())
		if it.Reopened {
			status += " (risk acceptance expired)"
		} else if after := AcceptedAfter(it, acceptedOn, today); after != "" {
			status += " (" + after + ")"
		}
		row := []string{
			labels[it.Key()], ev.Assessment.Subject, f.Key, f.Section, f.Question, f.Answer, f.Severity.String(),
			strings.Join(f.Controls[assess.ISO27001], "; "),
			strings.Join(f.Controls[assess.NISTCSF], "; "),
			strings.Join(f.Controls[assess.SOC2], "; "),
			it.Action, it.Owner, it.Due.String(), it.DefaultDue.String(), it.DefaultDueWhy(), it.DueReason, status, overdue,
			accBy, accOn, accWhy, accUntil, assess.MilestonesText(it.Milestones, func(s string) string { return s }),
		}
		for j := range row {
			row[j] = Cell(row[j])
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// Cell makes untrusted text safe in a spreadsheet cell: escape sequences
// and control characters go (line breaks stay; CSV quoting keeps them),
// and a cell that a spreadsheet program could run as a formula gets a
// leading apostrophe (OWASP's advice against CSV injection): one that
// starts with a tab or a line break (a carriage return is one after
// cleaning), or with =, +, -, @ or their full-width forms (＝ ＋ － ＠,
// formula starts in some locales), also behind leading white space, which
// LibreOffice Calc and Excel trim on some imports.
func Cell(s string) string {
	s = safetext.Clean(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '\t', '\r', '\n':
		return "'" + s
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace)); formulaStart(r) {
		return "'" + s
	}
	return s
}

// formulaStart reports whether a cell whose text starts with r is read
// as a formula: the ASCII signs, their full-width forms and the small
// forms that compatibility normalisation makes them.
func formulaStart(r rune) bool {
	switch r {
	case '=', '+', '-', '@',
		'\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', // ＝ ＋ － ＠
		'\uFE66', '\uFE62', '\uFE63', '\uFE6B': // small = + - @
		return true
	}
	return false
}

// AcceptedAfter says that the risk of item it, judged on today, was
// accepted on a later day, as acceptedOn dates it: "accepted on D, after
// today"; "" when it was not, or the day is not recorded. Judged on an
// earlier day (--as-of) than the acceptance was given, the plan counts it
// as the record stands, and says so beside the day it was given: the
// CSV's status, and assay plan's text, in these words.
func AcceptedAfter(it assess.PlanItem, acceptedOn map[string]assess.Date, today assess.Date) string {
	on := acceptedOn[it.Key()]
	if it.Reopened || it.Status != assess.ItemAccepted || !today.Before(on) {
		return ""
	}
	return "accepted on " + on.String() + ", after " + today.String()
}
