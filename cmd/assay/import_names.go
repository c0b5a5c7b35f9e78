package main

import (
	"fmt"
	"io"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// sayStatedNameDoubts tells, as assay import finishes, that the name the
// file states as its exporter's looks like a name known here and is not
// it, or is not what it shows, and so do names its records are made
// under: the file's word, which the provenance shown later (assay diff,
// the report) marks too.
func sayStatedNameDoubts(w io.Writer, p *assess.Imported) {
	if p == nil || p.Altered {
		return
	}
	sayFileNamesAlike(w, p.Alike)
	if p.ExportedBy == "" {
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

// sayFileNamesAlike tells, one line each, of the names the file's
// records and sign-offs are made under that look like a name known here
// and are not it (assess.Imported.Alike): the file's word, which its
// provenance lists too.
func sayFileNamesAlike(w io.Writer, alike []assess.NameAlike) {
	for _, n := range alike {
		why := assess.LikenessWhy(n.Name, n.Like)
		if why != "" {
			why = ": " + why
		}
		fmt.Fprintf(w, "the file's records or sign-offs are made under \"%s\": that looks like %s, a name known here, and is not that name%s\n",
			safetext.OneLine(n.Name), safetext.OneLine(n.Like), why)
	}
}
