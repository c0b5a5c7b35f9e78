package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/internal/fileformat"
	"github.com/assay-dev/assay/internal/render"
)

// planCSV writes the plan of assessment id as CSV to a file, as assay
// plan --csv -o does: the same rows (export.PlanCSV, with the days the
// audit trail dates each accepted risk), a name for another format
// refused, and a file already there written over only when the person
// says so. False when the input ended.
func (p *prompter) planCSV(id int64) bool {
	if p.d.WriteFile == nil {
		p.say("Writing files is not available here; assay plan --csv writes the plan on the command line.")
		return true
	}
	a, err := p.readAssessment(id)
	if err != nil {
		p.say(fullStop("Not read: " + refusal(err)))
		return true
	}
	def := strings.TrimSuffix(defaultReportPath(p.d, a), "-report"+render.Markdown.Extension()) + "-plan.csv"
	for {
		path, ok := p.ask(fmt.Sprintf("File name for the plan as CSV: type a path%s, press Enter alone for %s, or type b alone to go back to the plan:",
			wherePathsGo(p.d), clean(def)))
		switch {
		case !ok:
			return false
		case isCommand(path, "b"):
			return true
		case path == "":
			path = def
		}
		if err := assess.CheckLine("the file name", path); err != nil {
			p.say(fullStop("Not written: " + refusal(err)))
			continue
		}
		if named := fileformat.Of(path); named != "" && named != "csv" {
			p.say(fullStop("Not written: " + fileformat.PlanNotCSV(path).Error()))
			continue
		}
		full, err := exportTarget(p.d, path)
		if err != nil {
			p.say(fullStop("Not written: " + refusal(err)))
			continue
		}
		content, err := p.planCSVContent(id)
		if err != nil {
			p.say(fullStop("Not written: " + refusal(err)))
			return true
		}
		written, ok := p.put(full, content, fmt.Sprintf("the plan of assessment %d as CSV", id))
		if !ok || written {
			return ok
		}
	}
}

// planCSVContent is the plan as the store holds it now, as CSV, with the
// days its risks were accepted when the store dates them. Judged as the
// report made the same minute is (report.Build): made today, on no day
// before the newest acceptance it shows, which a colleague whose calendar
// is ahead may have given on a day that has not begun here.
func (p *prompter) planCSVContent(id int64) ([]byte, error) {
	a, stamps, err := p.withStamps(id)
	if err != nil {
		return nil, err
	}
	ev, accepted := assess.JudgedAsReported(assess.Evaluate(a, p.d.Today()), stamps)
	return export.PlanCSV(ev, ev.Today, accepted), nil
}

// withStamps reads assessment id with the stamps of its accepted plan
// items, in one read where the store pins a record line, from the trail
// otherwise (acceptedStamps): whichever store, each assessment exported
// is dated by its own acceptances.
func (p *prompter) withStamps(id int64) (*assess.Assessment, assess.PlanStamps, error) {
	if p.d.PinnedAssessment != nil {
		type pinned struct {
			a      *assess.Assessment
			stamps assess.PlanStamps
		}
		r, err := inTime(p, func(ctx context.Context) (pinned, error) {
			a, _, stamps, err := p.d.PinnedAssessment(ctx, id)
			return pinned{a, stamps}, err
		})
		return r.a, r.stamps, err
	}
	a, err := p.readAssessment(id)
	if err != nil {
		return nil, nil, err
	}
	return a, p.acceptedStampsSaid(assess.Evaluate(a, p.d.Today())), nil
}
