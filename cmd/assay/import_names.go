package main

import (
	"fmt"
	"io"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// sayStatedNameDoubts tells, as assay import finishes, that the name the
// file states as its exporter's looks like a name known here and is not
// it, or is not what it shows: the file's word, which the provenance
// shown later (assay diff, the report) marks too.
func sayStatedNameDoubts(w io.Writer, p *assess.Imported) {
	if p == nil || p.Altered || p.ExportedBy == "" {
		return
	}
	why := assess.NameDoubt(p.ExportedBy)
	if why != "" {
		why = ": " + why
	}
	quoted := `"` + safetext.OneLine(p.ExportedBy) + `"`
	switch {
	case p.LooksLike != "":
		fmt.Fprintf(w, "the file states it was exported by %s: that looks like %s, a name known here, and is not that name%s\n",
			quoted, safetext.OneLine(p.LooksLike), why)
	case why != "":
		fmt.Fprintf(w, "the file states it was exported by %s%s\n", quoted, why)
	}
}
