package report

import (
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// blank is a line to sign or write on, in a printed report.
var blank = txt(strings.Repeat("_", 12))

// signOff writes the sign-off block: the signatures already recorded in
// assay (submission, review, the DPO's opinion), then the lines the
// committee fills in with its decision, unless the assessment is already
// approved or rejected.
func (r *reporter) signOff() {
	r.d.keepTogether(r.signOffBlock)
}

func (r *reporter) signOffBlock() {
	r.d.heading(2, txt("Sign-off"))
	if len(r.a.SignOffs) > 0 {
		var rows [][]document.Text
		for _, s := range r.a.SignOffs {
			rows = append(rows, []document.Text{txt(user(roleName(s.Role))), txt(user(s.Name)), txt(user(signOffWords(s))), txt(s.On.String()), txt(body(s.Comment))})
		}
		r.d.para(txt("Recorded in assay:"))
		r.d.table(cells("Role", "Name", "Decision", "Date", "Comment"), rows)
	}
	r.changedInReview()
	switch r.a.Status {
	case assess.Approved, assess.Rejected:
		return
	}
	r.d.para(txt("The committee records its decision: approve, approve with conditions, or reject, with the conditions or the reasons."))
	rows := [][]document.Text{
		{txt("Committee chair"), blank, blank, blank, blank},
	}
	if r.a.Reviewer != "" && !r.signed(assess.RoleAuthor) {
		rows = append([][]document.Text{{txt("Assessor"), txt(user(r.a.Reviewer)), txt("submitted for decision"), blank, blank}}, rows...)
	}
	if privacyKind(r.q.Kind) && !r.signed(assess.RoleDPO) {
		rows = append(rows, []document.Text{txt("Data protection officer (opinion)"), blank, blank, blank, blank})
	}
	r.d.table(cells("Role", "Name", "Decision", "Date", "Signature"), rows)
}

// changedInReview names the answers and plan items changed after the
// submission: review does not stop the analysts, and an approval covers
// them as changed.
func (r *reporter) changedInReview() {
	answers, items := r.a.QuestionsChangedInReview(), r.a.PlanEditedInReview()
	if len(answers)+len(items) == 0 {
		return
	}
	when := "since the submission"
	if r.a.Status == assess.Approved {
		when = "after the submission and before the approval"
	}
	var t document.Text
	for _, moved := range []struct {
		ids       []string
		one, many string
	}{{answers, "answer was", "answers were"}, {items, "plan item was", "plan items were"}} {
		if len(moved.ids) == 0 {
			continue
		}
		if len(t) > 0 {
			t = txt(t, " ")
		}
		t = txt(t, assess.Count(len(moved.ids), moved.one, moved.many)+" changed "+when+": ")
		for i, id := range moved.ids {
			if i > 0 {
				t = txt(t, ", ")
			}
			t = txt(t, code(id))
		}
		t = txt(t, ".")
	}
	r.d.para(t)
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

// signOffWords is a signature's decision as the report words it: the DPO's
// opinion as the rest of the report gives it ("favourable with
// reservations", not its identifier).
func signOffWords(s assess.SignOff) string {
	if s.Role == assess.RoleDPO {
		return dpoWords(s.Decision)
	}
	return s.Decision
}
