package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The server's four-eyes refusal (assay_signoff) reached the person as
// the server's own text, with the command line's remedy in it ("(assay
// review N --withdraw)"): the workspace and accessible mode, which name
// a key or a menu choice for it, pointed to a shell. The store now
// gives the domain's refusal with its remedy named as a value, found by
// the rule's mark on the server's error (its SQLSTATE and constraint),
// not by its English, so that each surface says it in its own words.
// Two logins, both analyst and approver: the one who submitted may not
// reject it; the other may.
func TestTeamFourEyesRefusalNamesTheRemedy(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	danaLogin := uniqueName("foureyes dana")
	dana, a := openAnswered(t, teamLogin(t, schema, danaLogin, "analyst", "approver"))
	sam, err := OpenTeam(teamLogin(t, schema, uniqueName("foureyes sam"), "analyst", "approver"), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer sam.Close()
	useTestKeys(sam)
	ctx := context.Background()
	today := assess.DateOf(time.Now())
	if _, err := dana.Review(ctx, a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}

	_, err = dana.Review(ctx, a.ID, assess.ActReject, today, "not ready after all")
	var refusal *assess.Error
	if !errors.As(err, &refusal) {
		t.Fatalf("the submitter's own rejection: %v (%T), want the domain's refusal", err, err)
	}
	if refusal.Code != assess.EConflict || refusal.Remedy != assess.RemedyWithdraw || refusal.RemedyOn != a.ID {
		t.Errorf("refusal %+v: want a conflict whose remedy is withdrawing assessment %d", *refusal, a.ID)
	}
	msg, remedy := assess.RefusalOf(err)
	for _, want := range []string{"cannot reject assessment " + itoa(a.ID), danaLogin + " submitted it", "four eyes", "nothing was recorded", danaLogin + " can withdraw it"} {
		if !strings.Contains(msg, want) {
			t.Errorf("refusal %q does not say %q", msg, want)
		}
	}
	if remedy != assess.RemedyWithdraw || strings.Contains(msg, "assay review") {
		t.Errorf("refusal without its remedy %q (%v): still names a command", msg, remedy)
	}
	if cli := err.Error(); strings.Count(cli, "--withdraw") != 1 || !strings.HasSuffix(cli, "(assay review "+itoa(a.ID)+" --withdraw)") {
		t.Errorf("the command line's words: %q, want the withdrawal named once, at the end", cli)
	}

	if _, err := sam.Review(ctx, a.ID, assess.ActReject, today, "not ready"); err != nil {
		t.Errorf("another approver's rejection: %v", err)
	}
}
