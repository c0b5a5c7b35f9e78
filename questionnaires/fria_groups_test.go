package questionnaires_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The FRIA rates four risks to fundamental rights always and leaves the
// others to the analyst, since most deployments touch only some of them.
// A risk to the very group the deployment affects is not left to choice:
// a benefits service's FRIA that never rates access to social security, or
// a hiring tool's that never rates workers' rights, is not one a committee
// could sign, nor an exam proctoring system's that never rates the right
// to education, nor a police force's or a court's that never rates the
// presumption of innocence and the right of defence. Each is required
// when its group is affected (or, for essential services, when the
// deployer prices credit or insurance), and stays optional otherwise.
func TestFRIARisksToTheGroupsAffectedAreRequired(t *testing.T) {
	q, ok := biLibrary(t).Get("eu-ai-act-fria")
	if !ok {
		t.Fatal("no eu-ai-act-fria")
	}
	optional := []string{"risk-essential-services", "risk-workers", "risk-children", "risk-education", "risk-justice", "risk-expression", "risk-other"}
	for _, c := range []struct {
		name       string
		deployer   string
		categories []string
		required   []string // of the optional risks, those left unrated that must be rated
	}{
		{"consumers of a voluntary deployer", "voluntary", []string{"consumers"}, nil},
		{"students", "public-body", []string{"students"}, []string{"risk-education"}},
		{"benefit claimants", "public-body", []string{"claimants"}, []string{"risk-essential-services"}},
		{"patients", "public-service", []string{"patients"}, []string{"risk-essential-services"}},
		{"a credit-scoring deployer's consumers", "credit-insurance", []string{"consumers"}, []string{"risk-essential-services"}},
		{"job applicants", "voluntary", []string{"workers"}, []string{"risk-workers"}},
		{"claimants and their children", "public-body", []string{"claimants", "children"}, []string{"risk-essential-services", "risk-children"}},
		{"suspects and defendants", "public-body", []string{"police-courts"}, []string{"risk-justice"}},
		{"every group", "public-body", []string{"consumers", "workers", "students", "patients", "claimants", "children", "migrants", "police-courts"},
			[]string{"risk-essential-services", "risk-workers", "risk-children", "risk-education", "risk-justice"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			answers := biAnswers(t, q, false, map[string]assess.Value{
				"deployer-type": biChoice(c.deployer), "affected-categories": biChoices(c.categories...),
			})
			for _, id := range optional {
				delete(answers, id)
			}
			res := assess.Score(q, answers, biAssessedOn)
			unrated := stillToAnswer(res, optional...)
			if !slices.Equal(unrated, c.required) {
				t.Errorf("required and unrated: %v, want %v (all unanswered: %v)", unrated, c.required, res.Unanswered)
			}
			if res.Complete != (len(c.required) == 0) {
				t.Errorf("complete = %v with %v unrated", res.Complete, c.required)
			}
			// Rated, each counts like the four always rated: the best
			// rating leaves the result complete and its outcome low.
			for _, id := range c.required {
				answers[id] = biAnswers(t, q, false, nil)[id]
			}
			res = assess.Score(q, answers, biAssessedOn)
			if !res.Complete || res.Outcome == nil || res.Outcome.Level != "low" {
				t.Errorf("rated: complete %v, outcome %+v, unanswered %v", res.Complete, res.Outcome, res.Unanswered)
			}
		})
	}
}

// Article 27(3) asks the deployers Article 27(1) names to notify the
// results to the market surveillance authority; one that makes the
// assessment as good practice has nothing to notify. Its FRIA does not ask
// (and so never makes a finding asking it to notify), and its outcome does
// not tell it to.
func TestFRIANotificationOnlyWhereArticle27RequiresIt(t *testing.T) {
	q, ok := biLibrary(t).Get("eu-ai-act-fria")
	if !ok {
		t.Fatal("no eu-ai-act-fria")
	}
	for deployer, asked := range map[string]bool{"public-body": true, "public-service": true, "credit-insurance": true, "voluntary": false} {
		answers := biAnswers(t, q, false, map[string]assess.Value{"deployer-type": biChoice(deployer), "authority-notice": biChoice("no")})
		res := assess.Score(q, answers, biAssessedOn)
		qr, _ := res.Question("authority-notice")
		finding := strings.Contains(findingsOf(res), "authority-notice")
		if qr.Visible != asked || finding != asked {
			t.Errorf("%s: authority-notice asked %v, a finding %v; want %v", deployer, qr.Visible, finding, asked)
		}
	}
	outcome, _ := q.Level("outcome")
	if low := outcome.Meanings["low"]; !strings.Contains(low, "where Article 27 requires") {
		t.Errorf("the low outcome tells every deployer to notify: %s", low)
	}
}

// Article 27(1)(d) to (f) and Article 26(2) ask every deployer for the
// provider's information, competent oversight, the measures if a risk
// materialises, internal governance and a complaint route: none of them
// can be answered "not applicable" and so leave the score, as
// intended-purpose and oversight-measures cannot.
func TestFRIAArticle27MeasuresAreNeverNotApplicable(t *testing.T) {
	q, ok := biLibrary(t).Get("eu-ai-act-fria")
	if !ok {
		t.Fatal("no eu-ai-act-fria")
	}
	for _, id := range []string{"intended-purpose", "oversight-measures", "provider-information", "oversight-people",
		"oversight-authority", "incident-measures", "incident-decider", "internal-governance", "governance-reports",
		"complaints"} {
		qq, ok := q.Question(id)
		if !ok {
			t.Fatalf("no question %s", id)
		}
		if err := qq.Validate(biChoice("na"), q.RiskMatrix); err == nil {
			t.Errorf("%s takes not applicable", id)
		}
		if err := qq.Validate(biChoice("no"), q.RiskMatrix); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}

// TestFRIAPoliceAndCourtsCategoryKeepsTheMaximum: people dealing with
// the police or the courts (Annex III points 6 and 8) have a category of
// their own at 2 points, and the question is capped at the 11 points its
// options added up to before, so the reach maximum stays 23: a school's
// 7 of 23 (30.4%, wide) does not become 7 of 25 (28%, limited).
func TestFRIAPoliceAndCourtsCategoryKeepsTheMaximum(t *testing.T) {
	q, ok := biLibrary(t).Get("eu-ai-act-fria")
	if !ok {
		t.Fatal("no eu-ai-act-fria")
	}
	cats, _ := q.Question("affected-categories")
	if o := cats.Option("police-courts"); o == nil || o.Points != dec("2") {
		t.Fatalf("police-courts option %+v, want one at 2 points", o)
	}
	every := []string{"consumers", "workers", "students", "patients", "claimants", "children", "migrants", "police-courts"}
	for _, c := range []struct {
		cats []string
		want string
	}{
		{every, "23 of 23"},
		{[]string{"police-courts", "children"}, "16 of 23"},
	} {
		res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
			"affected-categories": biChoices(c.cats...), "use-frequency": biChoice("continuous"),
			"affected-count": biNumber(2000000),
		}), biAssessedOn)
		d := res.Dimension("exposure")
		if got := d.Value.String() + " of " + d.Max.String(); got != c.want {
			t.Errorf("%v: exposure %s, want %s", c.cats, got, c.want)
		}
	}
}
