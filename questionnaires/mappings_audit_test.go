package questionnaires_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// differentRequirement names the question IDs that two built-ins share but
// that ask different things there, so that their mappings may differ. Every
// other shared ID asks the same requirement and must map to the same
// controls: an auditor reading docs/mappings.md expects one requirement to
// carry one set of controls wherever it is asked.
var differentRequirement = map[string]string{
	"audit-rights":       "a licensee receives our data and is not a supplier (A.5.14, not A.5.20 and A.5.22)",
	"automatic-deletion": "our own dataset at its retention limit (anonymized-dataset), or the licensee's copy at the end of the licence (GV.SC-10, P4.3)",
	"breach-notice":      "a licensee receives our data and is not a supplier (A.5.14, not A.5.20)",
	"dpa":                "a licensee receives our data and is not a supplier (A.5.14, not A.5.20)",
	"backups":            "backups protected from tampering (due diligence) or restore-tested (vendor screen, A1.3)",
	"complaints":         "complaints about an AI system's use (FRIA) are not only privacy complaints (A.5.34)",
	"decision-logs":      "logs kept six months (FRIA) or each decision reconstructable (fairness, PI1.5)",
	"deletion":           "deletion at the end of a retention period (DPIA) or at the end of a vendor's contract (vendor screen)",
	"incident-plan":      "the vendor screen asks as well that the plan was exercised (ID.IM-02)",
	"least-privilege":    "the vendor screen's question also rules out shared accounts (A.5.16, A.8.2, PR.AA-01, CC6.1)",
	"minimization":       "data given to a licensee (P4.1, use) or data collected (P3.1, collection)",
	"segmentation":       "a separate licence schedule (data-licensing) or separate stores with their own access groups (DPIA)",
	"suspension":         "the deployer suspending an AI system (FRIA) or our right to suspend a licensee (data-licensing)",
}

// TestSharedQuestionIDsMapAlike: a question ID asked in two built-ins maps
// to the same controls in both, unless differentRequirement says why not.
// A question mapped in one and not in another counts: the fairness
// assessment's explanation mapped to nothing, the FRIA's to A.5.34. The
// FRIA's and the fairness assessment's dpia-link and the DPIA's and
// anonymized dataset's access-control did not map alike either.
func TestSharedQuestionIDsMapAlike(t *testing.T) {
	type asked struct {
		questionnaire string
		controls      string
	}
	byID := map[string][]asked{}
	for _, q := range biLibrary(t).All() {
		for _, qq := range q.Questions {
			byID[qq.ID] = append(byID[qq.ID], asked{q.ID, controlSet(qq.Controls)})
		}
	}
	for id, all := range byID {
		if len(all) < 2 {
			continue
		}
		differ := slices.ContainsFunc(all[1:], func(a asked) bool { return a.controls != all[0].controls })
		_, excused := differentRequirement[id]
		switch {
		case differ && !excused:
			var lines []string
			for _, a := range all {
				lines = append(lines, fmt.Sprintf("  %s: %s", a.questionnaire, a.controls))
			}
			t.Errorf("question %s maps differently where it is asked:\n%s", id, strings.Join(lines, "\n"))
		case !differ && excused:
			t.Errorf("question %s maps alike everywhere: drop it from differentRequirement", id)
		}
	}
	for id := range differentRequirement {
		if len(byID[id]) < 2 {
			t.Errorf("differentRequirement names %s, which fewer than two built-ins map", id)
		}
	}
}

// controlSet writes a question's controls framework by framework, each
// framework's IDs sorted, so that the order they are listed in does not
// count as a difference.
func controlSet(c assess.Controls) string {
	var parts []string
	for _, fw := range assess.Frameworks {
		ids := slices.Clone(c[fw])
		sort.Strings(ids)
		parts = append(parts, fmt.Sprintf("%s [%s]", fw, strings.Join(ids, " ")))
	}
	return strings.Join(parts, "; ")
}

// TestAuditedMappings: the mappings the ISO/IEC 27001 and NIST CSF 2.0
// audit of round 13 corrected stay corrected. Each case names the control
// the question's requirement is and, where one was there, the neighbouring
// control it had instead.
func TestAuditedMappings(t *testing.T) {
	cases := []mappingCase{
		// A written procedure is a plan (ID.IM-04); assessing a breach
		// is categorising it (RS.MA-03, CC7.3); RS.MA-04 is escalation.
		{"dpia", "breach-procedure", []string{"ID.IM-04", "RS.MA-03", "CC7.3"}, []string{"RS.MA-04"}},
		// RS.MA-01 executes a plan once an incident is declared; these
		// questions ask that a plan is set down or exercised.
		{"eu-ai-act-fria", "incident-measures", []string{"ID.IM-04"}, []string{"RS.MA-01"}},
		{"vendor-security-screen", "incident-plan", []string{"ID.IM-04", "ID.IM-02"}, []string{"RS.MA-01"}},
		// An exercised continuity plan is ID.IM-02 (exercises with
		// suppliers); PR.IR-03 is redundancy built into systems.
		{"vendor-security-screen", "continuity", []string{"ID.IM-04", "ID.IM-02"}, []string{"PR.IR-03"}},
		{"third-party-due-diligence", "continuity-plan", []string{"ID.IM-04"}, nil},
		// Sanitising media before disposal is ID.AM-08 (life cycle),
		// not PR.DS-01 (data at rest protected).
		{"third-party-due-diligence", "media-disposal", []string{"ID.AM-08"}, []string{"PR.DS-01"}},
		// A vendor's cooperation in incidents is GV.SC-08.
		{"third-party-due-diligence", "breach-cooperation", []string{"GV.SC-08"}, nil},
		{"third-party-due-diligence", "incident-updates", []string{"GV.SC-08"}, nil},
		{"third-party-due-diligence", "regulator-cooperation", []string{"GV.SC-08"}, nil},
		{"data-licensing", "notify-cooperation", []string{"GV.SC-08", "P6.6"}, nil},
		// A vendor's finances are a vendor risk (CC9.2).
		{"third-party-due-diligence", "financial-health", []string{"CC9.2"}, nil},
		// Where our data is held is a privacy question (A.5.34).
		{"third-party-due-diligence", "data-location", []string{"A.5.34"}, nil},
		// Use compatible with the notice is use limitation (P4.1), not
		// collection limitation (P3.1).
		{"anonymized-dataset", "original-basis", []string{"P4.1"}, []string{"P3.1"}},
		// The AI Act's duty to inform workers is a legal requirement.
		{"eu-ai-act-fria", "workers-informed", []string{"A.5.31", "GV.OC-03"}, nil},
		// The provider of a high-risk AI system is a vendor.
		{"eu-ai-act-fria", "provider-information", []string{"A.5.19", "GV.SC-07", "CC9.2"}, nil},
		// Deleting our data at the end of a contract is P4.3 as well.
		{"vendor-security-screen", "deletion", []string{"C1.2", "P4.3"}, nil},
		{"data-licensing", "automatic-deletion", []string{"GV.SC-10"}, nil},
		// Giving the people who oversee an AI system the competence,
		// training and authority to override it (AI Act Article 26(2)) is
		// developing competent people for the entity's objectives
		// (CC1.4); A.6.3 and PR.AT-02 train staff in information
		// security, which this is not, and no ISO/IEC 27001 or CSF
		// control asks for oversight of an AI system.
		{"eu-ai-act-fria", "oversight-people", []string{"CC1.4"}, []string{"A.6.3", "PR.AT-02"}},
		// Children's data licensed out (data-licensing 2.6.0): a parent's
		// consent to disclosure, and a minor's opt-in to sale, are consent
		// (P2.1) to disclosure to third parties (P6.1) that the law
		// requires (A.5.34, GV.OC-03), not collection (P3.1) nor vendor
		// management (CC9.2). The children's best interests (UK Age
		// Appropriate Design Code, standard 9) are a legal requirement on
		// privacy, with no consent in it. The ban on profiling children
		// is a privacy commitment the licensee gives us (P6.4), not a
		// consent we obtain (P6.1).
		{"data-licensing", "children-parental-consent", []string{"A.5.34", "GV.OC-03", "P2.1", "P6.1"}, []string{"P3.1", "CC9.2"}},
		{"data-licensing", "minors-sale", []string{"A.5.34", "GV.OC-03", "P2.1", "P6.1"}, []string{"P3.1", "CC9.2"}},
		{"data-licensing", "children-best-interests", []string{"A.5.34", "GV.OC-03"}, []string{"P2.1", "P6.1"}},
		{"data-licensing", "children-no-profiling", []string{"A.5.34", "P6.4"}, []string{"P6.1"}},
		// Pointing out the right to object is communicating the choices
		// people have and how to use them (P2.1).
		{"dpia", "objection-notice", []string{"A.5.34", "P2.1"}, nil},
		// An assessment made before the processing is a legal
		// requirement (A.5.34, GV.OC-03); no SOC 2 criterion asks when a
		// privacy assessment is made, and the information security of
		// projects (A.5.8) is not a data protection impact assessment.
		{"dpia", "processing-started", []string{"A.5.34", "GV.OC-03"}, []string{"A.5.8"}},
		// A duty in the contract to tell us of a change to the service is
		// an agreement term (A.5.20) and our management of changes to a
		// supplier's service (A.5.22, GV.SC-05), the vendor telling its
		// customers (CC2.3); the vendor's own change management (A.8.32,
		// CC8.1) is what change-sign-off asks, and a missing notice
		// clause is no gap in it.
		{"vendor-security-screen", "change-notice", []string{"A.5.20", "A.5.22", "GV.SC-05", "CC2.3"}, []string{"A.8.32", "CC8.1"}},
		// A production change approved by someone other than its author
		// is change management (A.8.32, CC8.1) as much as segregation of
		// duties (A.5.3): the screen's change-sign-off maps it so, and
		// the due diligence left it out.
		{"third-party-due-diligence", "separation-of-duties", []string{"A.5.3", "A.8.32", "CC8.1"}, nil},
	}
	checkMappingCases(t, cases)
}

// TestLicenseeIsNotASupplier: in the licensing questionnaire we are the
// supplier and the licensee receives our data, so the terms it accepts are
// an agreement on information transfer (A.5.14), not one of ISO/IEC
// 27001's supplier controls (A.5.19 to A.5.22, on products and services we
// acquire). CSF's GV.SC subcategories and SOC 2 CC9.2 name other third
// parties and business partners beside suppliers, so they stay.
func TestLicenseeIsNotASupplier(t *testing.T) {
	q := biGet(t, "data-licensing")
	supplier := []string{"A.5.19", "A.5.20", "A.5.21", "A.5.22"}
	for _, qq := range q.Questions {
		for _, id := range qq.Controls[assess.ISO27001] {
			if slices.Contains(supplier, id) {
				t.Errorf("data-licensing/%s maps the supplier control %s: %v", qq.ID, id, qq.Controls[assess.ISO27001])
			}
		}
	}
	for _, id := range []string{"dpa", "licensee-encryption", "licensee-diligence", "breach-notice", "sub-processors", "audit-rights", "termination"} {
		qq, ok := q.Question(id)
		if !ok {
			t.Errorf("data-licensing has no question %s", id)
			continue
		}
		if !slices.Contains(qq.Controls[assess.ISO27001], "A.5.14") {
			t.Errorf("data-licensing/%s does not map A.5.14: %v", id, qq.Controls[assess.ISO27001])
		}
	}
}

// mappingCase: a built-in question that must map each of want and none of
// never, in any framework.
type mappingCase struct {
	questionnaire, question string
	want, never             []string
}

// checkMappingCases holds each case's question to its mappings.
func checkMappingCases(t *testing.T, cases []mappingCase) {
	t.Helper()
	for _, c := range cases {
		q := biGet(t, c.questionnaire)
		qq, ok := q.Question(c.question)
		if !ok {
			t.Errorf("%s has no question %s", c.questionnaire, c.question)
			continue
		}
		var all []string
		for _, fw := range assess.Frameworks {
			all = append(all, qq.Controls[fw]...)
		}
		for _, id := range c.want {
			if !slices.Contains(all, id) {
				t.Errorf("%s/%s does not map %s: %v", c.questionnaire, c.question, id, all)
			}
		}
		for _, id := range c.never {
			if slices.Contains(all, id) {
				t.Errorf("%s/%s maps %s again: %v", c.questionnaire, c.question, id, all)
			}
		}
	}
}
