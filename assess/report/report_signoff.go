package report

import (
	"strings"

	"github.com/assay-dev/assay/assess"
)

// blank is a line to sign or write on, in a printed report.
var blank = strings.Repeat(`\_`, 12)

// signOff writes the sign-off block: the signatures already recorded in
// assay (submission, review, the DPO's opinion), then the lines the
// committee fills in with its decision, unless the assessment is already
// approved or rejected.
func (r *reporter) signOff() {
	r.d.heading(2, "Sign-off")
	if len(r.a.SignOffs) > 0 {
		var rows [][]string
		for _, s := range r.a.SignOffs {
			rows = append(rows, []string{Inline(roleName(s.Role)), Inline(s.Name), Inline(s.Decision), s.On.String(), Inline(s.Comment)})
		}
		r.d.para("Recorded in assay:")
		r.d.table([]string{"Role", "Name", "Decision", "Date", "Comment"}, rows)
	}
	switch r.a.Status {
	case assess.Approved, assess.Rejected:
		return
	}
	r.d.para("The committee records its decision: approve, approve with conditions, or reject, with the conditions or the reasons.")
	rows := [][]string{
		{"Committee chair", blank, blank, blank, blank},
	}
	if r.a.Reviewer != "" && !r.signed(assess.RoleAuthor) {
		rows = append([][]string{{"Assessor", Inline(r.a.Reviewer), "submitted for decision", blank, blank}}, rows...)
	}
	if privacyKind(r.q.Kind) && !r.signed(assess.RoleDPO) {
		rows = append(rows, []string{"Data protection officer (opinion)", blank, blank, blank, blank})
	}
	r.d.table([]string{"Role", "Name", "Decision", "Date", "Signature"}, rows)
}

func (r *reporter) signed(role string) bool {
	for _, s := range r.a.SignOffs {
		if s.Role == role {
			return true
		}
	}
	return false
}

func roleName(role string) string {
	switch role {
	case assess.RoleAuthor:
		return "Assessor"
	case assess.RoleReviewer:
		return "Reviewer"
	case assess.RoleDPO:
		return "Data protection officer"
	}
	return role
}

// privacyKind reports whether assessments of this kind take a data
// protection officer's opinion.
func privacyKind(k assess.Kind) bool {
	switch k {
	case assess.KindPrivacy, assess.KindLicensing, assess.KindDataset, assess.KindPrescreen:
		return true
	}
	return false
}
