package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// exportTracker is the workspace's one export on its way, held by the
// shell rather than by the screen that started it: the report or trail
// screen left (esc, tab) and opened again is a new screen, which knew
// nothing of the export still being written. e on it opened a new file
// name prompt, and the first export's answer, asking whether to replace
// its file, then took the keys of the name being typed, or was lost on a
// screen that no longer showed. Now e anywhere waits for it
// (stillWriting), and its answer goes to the screen of the same export
// if that is showing (asking there whether to replace the file), or else
// to the status line.
type exportTracker struct {
	writing *exportJob // sent off: its answer has not come
	asking  *exportJob // found a file there: the screen showing asks whether to replace it
}

// exportKind is what an export writes.
type exportKind int

const (
	exportOfReport exportKind = iota
	exportOfTrail
)

// exportJob is one export: what it writes, of which assessment, where,
// and how to write it again over the file found there once y is said
// (the file asked for, as it was asked for: the trail's records as they
// were picked then, whatever the screen showing picks now).
type exportJob struct {
	kind  exportKind
	id    int64
	path  string
	count int // the trail's records written
	write func(replace bool) tea.Cmd
}

// start sends job off, replacing a file at its path only if replace.
func (t *exportTracker) start(job exportJob, replace bool) tea.Cmd {
	t.writing, t.asking = &job, nil
	return job.write(replace)
}

// answered is the export msg answers, no longer on its way; for an
// answer that a file is there, it is asked about until y or n.
func (t *exportTracker) answered(msg exportedMsg) exportJob {
	job := exportJob{path: msg.path}
	if t.writing != nil {
		job = *t.writing
	}
	t.writing = nil
	if msg.exists {
		t.asking = &job
	}
	return job
}

// replace writes the file asked about over the one there (y).
func (t *exportTracker) replace() tea.Cmd {
	if t.asking == nil {
		return nil
	}
	return t.start(*t.asking, true)
}

// keep gives up the file asked about (n): nothing is written.
func (t *exportTracker) keep() { t.asking = nil }

// exportAnswer is an export's answer, given to the screen showing it.
type exportAnswer struct {
	job exportJob
	exportedMsg
}

// exported gives an export's answer to the screen of that export if it
// shows (the one that started it, or the same opened again), or else
// says it on the status line: a file found there is then left as it is,
// as no screen asks whether to replace it.
func (m Model) exported(msg exportedMsg) (Model, tea.Cmd) {
	job := m.sh.exports.answered(msg)
	if s, ok := m.cur.(exportShower); ok && s.showsExport(job) {
		next, cmd := m.cur.Update(exportAnswer{job: job, exportedMsg: msg})
		m.cur = next
		return m, cmd
	}
	m.sh.exports.keep()
	m.sh.flash = exportedElsewhere(job, msg, msg.recorded && len(m.sh.saves.failed) > 0)
	return m, nil
}

// exportShower is a screen that says what becomes of its exports.
type exportShower interface {
	showsExport(job exportJob) bool
}

func (r *reportView) showsExport(job exportJob) bool {
	return job.kind == exportOfReport && r.sh.sess != nil && job.id == r.sh.sess.a.ID
}

func (s *trailScreen) showsExport(job exportJob) bool {
	return job.kind == exportOfTrail && job.id == s.id
}

// exportedElsewhere is what the status line says of an export whose
// answer came while another screen showed: written, failed, or not
// written because a file is there (nothing is replaced without a y said
// on the screen that asks).
func exportedElsewhere(job exportJob, msg exportedMsg, unsaved bool) string {
	what, again := fmt.Sprintf("the report of #%d", job.id), "e on its Report"
	if job.kind == exportOfTrail {
		what, again = fmt.Sprintf("the audit trail of #%d", job.id), "e on its audit trail"
	}
	switch {
	case msg.exists:
		return fmt.Sprintf("%s not exported: %s is already there, and was left as it is; %s asks for a file again", capitalised(what), clean(msg.path), again)
	case msg.err != nil:
		return capitalised(what) + " not exported: " + said(msg.err)
	case job.kind == exportOfTrail:
		return fmt.Sprintf("Exported %s (%s) to %s", what, assess.Count(job.count, "record", "records"), clean(msg.path))
	case unsaved:
		return "Exported " + what + " as the database holds it, without the changes not saved, to " + clean(msg.path)
	}
	return "Exported " + what + " to " + clean(msg.path)
}

// capitalised is s with its first letter a capital.
func capitalised(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
