package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// titleBlock is the report up to its executive summary: what the PDF,
// DOCX and printed HTML set alone on page one, words one space apart.
func titleBlock(t *testing.T, md string) string {
	t.Helper()
	end := strings.Index(md, "## Executive summary")
	if end < 0 {
		t.Fatalf("no executive summary:\n%s", md)
	}
	return oneSpaced(md[:end])
}

// privacyTiering is the vendor-tiering test questionnaire as a privacy
// assessment: one that takes a DPO's opinion.
func privacyTiering(t *testing.T) *assess.Questionnaire {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	pq := *q
	pq.Kind = assess.KindPrivacy
	return &pq
}

// A committee member reads page one to learn what is asked and on whose
// advice. The DPO's unfavourable opinion on a DPIA in review was only in
// "Review and revision", some 35 pages on: page one asked for a decision
// without a word of it. Page one now gives the opinion, who gave it and
// when, says where its reasons are, and the decision asked says that a
// decision against it records why (with reservations: how each is met); a
// favourable opinion asks nothing more.
func TestPageOneGivesTheDPOOpinion(t *testing.T) {
	opts := report.Options{Today: govDay("2026-03-10")}
	md := func(signOffs ...assess.SignOff) string {
		a := &assess.Assessment{ID: 6, UUID: "v", Subject: "Loyalty", Questionnaire: privacyTiering(t), AssessedOn: govDay("2026-03-01"),
			Answers: assess.Answers{}, Status: assess.InReview, Revision: 1, SignOffs: signOffs}
		return report.Markdown(assess.Evaluate(a, opts.Today), opts)
	}
	submitted := assess.SignOff{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-02"), Decision: "submitted"}

	page := titleBlock(t, md(assess.SignOff{Role: assess.RoleDPO, Name: "Dee | <b>Pio</b>", On: govDay("2026-03-03"),
		Decision: assess.DPOUnfavourable, Comment: "Special categories without an Article 9 condition"}, submitted))
	for _, want := range []string{
		"- **DPO opinion:** unfavourable, by Dee \\| &lt;b&gt;Pio&lt;/b&gt; on 2026-03-03; its reasons are under Review and revision. - **Decision requested:**",
		"The DPO's opinion is unfavourable: a decision against it records why.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page one of a DPIA with an unfavourable DPO opinion lacks\n%s\nin:\n%s", want, page)
		}
	}
	if n := strings.Count(page, "DPO's opinion is unfavourable"); n != 1 {
		t.Errorf("page one says the opinion is unfavourable %d times, want once (the decision line):\n%s", n, page)
	}

	page = titleBlock(t, md(assess.SignOff{Role: assess.RoleDPO, Name: "Dee", On: govDay("2026-03-03"),
		Decision: assess.DPOReservations, Comment: "Shorten retention."}, submitted))
	for _, want := range []string{
		"- **DPO opinion:** favourable with reservations, by Dee on 2026-03-03; its reasons are under Review and revision.",
		"The DPO's opinion has reservations: the decision records how each is met.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page one of a DPIA with reservations lacks\n%s\nin:\n%s", want, page)
		}
	}

	page = titleBlock(t, md(assess.SignOff{Role: assess.RoleDPO, Name: "Dee", On: govDay("2026-03-03"), Decision: assess.DPOFavourable}, submitted))
	if want := "- **DPO opinion:** favourable, by Dee on 2026-03-03. - **Decision requested:**"; !strings.Contains(page, want) {
		t.Errorf("page one of a DPIA with a favourable opinion lacks\n%s\nin:\n%s", want, page)
	}
	if strings.Contains(page, "records why") || strings.Contains(page, "records how") || strings.Contains(page, "its reasons") {
		t.Errorf("a favourable opinion without a comment asks for more:\n%s", page)
	}

	page = titleBlock(t, md(submitted))
	if want := "- **DPO opinion:** not yet given. - **Decision requested:**"; !strings.Contains(page, want) {
		t.Errorf("page one of a DPIA without an opinion lacks\n%s\nin:\n%s", want, page)
	}

	// A vendor's assessment takes no DPO opinion: page one does not ask for one.
	a := &assess.Assessment{ID: 7, UUID: "w", Subject: "Acme", Questionnaire: builtin(t, "vendor-security-screen"), AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{}}
	if page := titleBlock(t, report.Markdown(assess.Evaluate(a, opts.Today), opts)); strings.Contains(page, "DPO") {
		t.Errorf("page one of a vendor screen speaks of a DPO:\n%s", page)
	}
}

// The DPO's comment ended without a full stop ran into the sentence after
// it: "Do not proceed until fixed The answer to dpo-opinion ...". It now
// comes last, after our "Comment:" in italics, and still ends.
func TestDPOCommentEndsItsSentence(t *testing.T) {
	a := &assess.Assessment{ID: 6, UUID: "v", Subject: "Loyalty", Questionnaire: builtin(t, "dpia"), AssessedOn: govDay("2026-03-01"),
		Answers: assess.Answers{}, Revision: 1, SignOffs: []assess.SignOff{
			{Role: assess.RoleDPO, Name: "Dee", On: govDay("2026-03-03"), Decision: assess.DPOUnfavourable, Comment: "Do not proceed | until fixed"},
		}}
	opts := report.Options{Today: govDay("2026-03-10")}
	got := oneSpaced(section(t, report.Markdown(assess.Evaluate(a, opts.Today), opts)))
	want := "- **DPO opinion:** unfavourable, by Dee on 2026-03-03. The answer to `dpo-opinion`, which asks whether the DPO has given an opinion, is not given. *Comment:* Do not proceed \\| until fixed."
	if !strings.Contains(got, want) {
		t.Errorf("want\n%s\nin:\n%s", want, got)
	}
}

// Page one called the person who ran the assessment "Reviewer", and the
// sign-off table called them "Assessor" and the one who approved it
// "Reviewer": a committee member read that Dana, who wrote it, had
// reviewed it. Page one says "Assessor" as the sign-off table does.
func TestPageOneNamesTheAssessorAsTheSignOffDoes(t *testing.T) {
	a := &assess.Assessment{ID: 6, UUID: "v", Subject: "Loyalty", Reviewer: "Dana", Questionnaire: builtin(t, "vendor-security-screen"),
		AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{}, Status: assess.Approved, Revision: 1, SignOffs: []assess.SignOff{
			{Role: assess.RoleAuthor, Name: "Dana", On: govDay("2026-03-02"), Decision: "submitted"},
			{Role: assess.RoleReviewer, Name: "Rui", On: govDay("2026-03-03"), Decision: "approved"},
		}}
	opts := report.Options{Today: govDay("2026-03-10")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	page := titleBlock(t, md)
	if !strings.Contains(page, "- **Assessor:** Dana -") || strings.Contains(page, "**Reviewer:** Dana") {
		t.Errorf("page one does not name Dana the assessor:\n%s", page)
	}
	if !strings.Contains(md, "| Assessor | Dana | submitted |") || !strings.Contains(md, "| Reviewer | Rui | approved |") {
		t.Errorf("the sign-off table names them otherwise:\n%s", md)
	}
}

// Page one said "Status: in review" and no more: who submitted it and
// when, and that the reviewer had rejected it once before, were only in
// the sign-off table near the end. Page one now says both.
func TestPageOneSaysWhoSubmittedAndAnEarlierRejection(t *testing.T) {
	opts := report.Options{Today: govDay("2026-03-10")}
	status := func(signOffs ...assess.SignOff) string {
		a := &assess.Assessment{ID: 6, UUID: "v", Subject: "Loyalty", Reviewer: "Ana", Questionnaire: builtin(t, "vendor-security-screen"),
			AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{}, Status: assess.InReview, Revision: 1, SignOffs: signOffs}
		page := titleBlock(t, report.Markdown(assess.Evaluate(a, opts.Today), opts))
		start := strings.Index(page, "- **Status:**")
		end := strings.Index(page, "- **Scoring:**")
		if start < 0 || end < start {
			t.Fatalf("no status line:\n%s", page)
		}
		return page[start:end]
	}
	got := status(
		assess.SignOff{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-02"), Decision: "submitted"},
		assess.SignOff{Role: assess.RoleReviewer, Name: "Rui | <i>R</i>", On: govDay("2026-03-03"), Decision: "rejected", Comment: "Add the safeguards."},
		assess.SignOff{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-04"), Decision: "submitted"},
	)
	want := "- **Status:** in review, submitted by Ana on 2026-03-04 after a rejection by Rui \\| &lt;i&gt;R&lt;/i&gt; on 2026-03-03 (see Sign-off); incomplete:"
	if !strings.HasPrefix(got, want) {
		t.Errorf("status line\n%s\nwant it to begin\n%s", got, want)
	}
	got = status(assess.SignOff{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-02"), Decision: "submitted"})
	if want := "- **Status:** in review, submitted by Ana on 2026-03-02; incomplete:"; !strings.HasPrefix(got, want) {
		t.Errorf("status line\n%s\nwant it to begin\n%s", got, want)
	}
}
