package questionnaires_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// briefThemes is the list "What the built-in questionnaires must cover" from
// the domain brief, word for word, each theme split into the topics that
// docs/coverage.md must map to at least one question.
var briefThemes = []struct {
	text   string
	topics []string
}{
	{
		"data mapping: data types, personal and sensitive data, de-identified vs anonymized vs pseudonymized, data maps and flows, processing inventories, segmentation of sensitive data",
		[]string{"data types", "personal and sensitive data", "de-identified vs anonymized vs pseudonymized", "data maps and flows", "processing inventories", "segmentation of sensitive data"},
	},
	{
		"scope of licensed assets (data sets, algorithms, models, derivative works), exclusivity, verticals, geographies, term; permitted and restricted purposes, resale, minimization",
		[]string{"scope of licensed assets (data sets, algorithms, models, derivative works)", "exclusivity", "verticals", "geographies", "term", "permitted and restricted purposes", "resale", "minimization"},
	},
	{
		"data protection addendum, incident response and breach notification timelines, escalation, regulators; liability, indemnities, cyber insurance; remedies, dispute resolution, choice of law and venue; suspension and termination rights",
		[]string{"data protection addendum", "incident response", "breach notification timelines", "escalation", "regulators", "liability", "indemnities", "cyber insurance", "remedies", "dispute resolution", "choice of law and venue", "suspension and termination rights"},
	},
	{
		"security controls: encryption at rest and in transit, penetration testing, personnel screening, access control, separation of duties, logging, anomaly detection, sub-processors",
		[]string{"encryption at rest and in transit", "penetration testing", "personnel screening", "access control", "separation of duties", "logging", "anomaly detection", "sub-processors"},
	},
	{
		"privacy-enhancing technologies: differential privacy, k-anonymity, secure multiparty computation, synthetic data; residual re-identification risk thresholds and revalidation",
		[]string{"differential privacy", "k-anonymity", "secure multiparty computation", "synthetic data", "residual re-identification risk thresholds", "revalidation"},
	},
	{
		"lineage and provenance, access logs, usage aggregates, audit rights, third-party audits",
		[]string{"lineage and provenance", "access logs", "usage aggregates", "audit rights", "third-party audits"},
	},
	{
		"IP: background and foreground IP, ownership of improvements, models and insights, redistribution of model weights or training data, no reverse engineering or reconstruction of inputs from outputs; export controls and sanctions",
		[]string{"background and foreground IP", "ownership of improvements, models and insights", "redistribution of model weights or training data", "no reverse engineering or reconstruction of inputs from outputs", "export controls and sanctions"},
	},
	{
		"output controls: no raw data, fingerprints or unique identifiers in models and dashboards; aggregation, masking, synthetic outputs; quality and accuracy benchmarks; monitoring of anomalous use and license counts",
		[]string{"no raw data, fingerprints or unique identifiers in models and dashboards", "aggregation, masking, synthetic outputs", "quality and accuracy benchmarks", "monitoring of anomalous use and license counts"},
	},
	{
		"consent: meaningful, opt-in where feasible, contextual, collective consent for sampled populations, withdrawal; data subject access, challenge and restriction; privacy notices, versioned notices, public summaries, license summaries",
		[]string{"meaningful consent", "opt-in where feasible", "contextual consent", "collective consent for sampled populations", "withdrawal", "data subject access", "challenge and restriction", "privacy notices", "versioned notices", "public summaries", "license summaries"},
	},
	{
		"retention, sunset and automatic deletion, periodic reauthorization, scope-creep review",
		[]string{"retention", "sunset and automatic deletion", "periodic reauthorization", "scope-creep review"},
	},
	{
		"fairness: disparate impact across demographic groups, bias testing, training-data audit, continual monitoring of model behaviour, remediation with metrics, vendor fairness commitments",
		[]string{"disparate impact across demographic groups", "bias testing", "training-data audit", "continual monitoring of model behaviour", "remediation with metrics", "vendor fairness commitments"},
	},
	{
		"sector-specific high-risk use (health, finance, education); cross-border transfers",
		[]string{"sector-specific high-risk use (health, finance, education)", "cross-border transfers"},
	},
	{
		"third-party diligence: ISO 27001 / NIST CSF / SOC 2 evidence, monitoring and assessment rights, remediation timelines; governance roles, training, incident simulations, red teaming",
		[]string{"ISO 27001 / NIST CSF / SOC 2 evidence", "monitoring and assessment rights", "remediation timelines", "governance roles", "training", "incident simulations", "red teaming"},
	},
}

// issueThemes are the topics issue 15 added to the brief's checklist, each
// quoted from the issue and split into the topics docs/coverage.md must map.
var issueThemes = []struct {
	text   string
	topics []string
}{
	{
		"GDPR: the compatibility test for a new purpose (Art. 6(4)), the Art. 22(2) exceptions and safeguards, children's data (parental consent, age assurance), controller/processor and joint-controller roles, prior consultation (Art. 36), portability, codes of conduct and certification, risks the analyst adds to the register, a DPO opinion that can be not applicable",
		[]string{"compatibility test for a new purpose", "Art. 22(2) exceptions and safeguards", "parental consent", "age assurance", "controller/processor and joint-controller roles", "prior consultation", "portability", "codes of conduct and certification", "risks the analyst adds to the register", "a DPO opinion that can be not applicable"},
	},
	{
		"US privacy law: CCPA/CPRA sale and sharing opt-outs, Global Privacy Control, sensitive personal information limits, state data protection assessments, data-broker registration",
		[]string{"CCPA/CPRA sale and sharing opt-outs", "Global Privacy Control", "sensitive personal information limits", "state data protection assessments", "data-broker registration"},
	},
	{
		"Vendors: the SIG and CAIQ domains that are missing (physical, endpoint, network, configuration and change management, financial health and ownership), SOC 2 scope (which criteria categories, carve-outs of subservice organisations), ISO certificate validity over its three-year cycle with surveillance audits, one breach-notice policy across the two vendor questionnaires, tiering calibrated on realistic vendors",
		[]string{"physical", "endpoint", "network", "configuration and change management", "financial health and ownership", "SOC 2 criteria categories", "carve-outs of subservice organisations", "ISO certificate validity over its three-year cycle", "one breach-notice policy across the two vendor questionnaires", "tiering calibrated on realistic vendors"},
	},
	{
		"Datasets and licensing: sector rules for health, finance and education as real questions, secure multiparty computation treated as more than one option, re-identification risk bands relative to the threshold the organisation approved",
		[]string{"health rules", "finance rules", "education rules", "secure multiparty computation", "federated analysis and clean rooms", "re-identification risk bands relative to the approved threshold"},
	},
	{
		"AI: an EU AI Act fundamental-rights impact assessment (the elements of Art. 27(1)), and in the fairness questionnaire: AI Act risk class, drift monitoring, decision logs, stakeholder consultation, a link to the DPIA, model security (poisoning, inversion, membership inference)",
		[]string{"(a) processes and intended purpose", "(b) period and frequency of use", "(c) people and groups affected", "(d) specific risks of harm", "(e) human oversight", "(f) if the risks materialise: governance and complaints", "AI Act risk class", "drift monitoring", "decision logs", "stakeholder consultation", "a link to the DPIA", "poisoning", "inversion", "membership inference"},
	},
}

// allThemes is the brief's checklist followed by issue 15's topics.
func allThemes() []struct {
	text   string
	topics []string
} {
	return append(slices.Clone(briefThemes), issueThemes...)
}

// coverageSection is one "## " section of docs/coverage.md: the quoted theme
// and its table of topic → question references.
type coverageSection struct {
	heading string
	quote   string
	rows    map[string][]string
	order   []string
}

var questionRef = regexp.MustCompile("`([a-z0-9][a-z0-9.-]*)/([A-Za-z0-9][A-Za-z0-9_.-]*)`")

func parseCoverageDoc(t *testing.T, src string) []*coverageSection {
	t.Helper()
	var out []*coverageSection
	var cur *coverageSection
	var quote []string
	for _, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			if cur != nil {
				cur.quote = strings.Join(quote, " ")
			}
			cur = &coverageSection{heading: strings.TrimPrefix(line, "## "), rows: map[string][]string{}}
			quote = nil
			out = append(out, cur)
		case cur == nil:
		case strings.HasPrefix(line, ">"):
			quote = append(quote, strings.TrimSpace(strings.TrimPrefix(line, ">")))
		case strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
			if len(cells) != 2 {
				t.Errorf("%s: table row with %d cells: %s", cur.heading, len(cells), line)
				continue
			}
			topic := strings.TrimSpace(cells[0])
			if topic == "Topic" || strings.Trim(topic, "- ") == "" {
				continue
			}
			if _, dup := cur.rows[topic]; dup {
				t.Errorf("%s: topic %q listed twice", cur.heading, topic)
			}
			var refs []string
			for _, m := range questionRef.FindAllStringSubmatch(cells[1], -1) {
				refs = append(refs, m[1]+"/"+m[2])
			}
			cur.rows[topic] = refs
			cur.order = append(cur.order, topic)
		}
	}
	if cur != nil {
		cur.quote = strings.Join(quote, " ")
	}
	return out
}

func readCoverageDoc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../docs/coverage.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCoverageDocCoversEveryTheme(t *testing.T) {
	sections := parseCoverageDoc(t, readCoverageDoc(t))
	for _, theme := range allThemes() {
		i := slices.IndexFunc(sections, func(s *coverageSection) bool { return s.quote == theme.text })
		if i < 0 {
			t.Errorf("docs/coverage.md does not quote the theme %q", theme.text)
			continue
		}
		sec := sections[i]
		for _, topic := range theme.topics {
			if len(sec.rows[topic]) == 0 {
				t.Errorf("%s: topic %q has no question", sec.heading, topic)
			}
		}
		for _, topic := range sec.order {
			if !slices.Contains(theme.topics, topic) {
				t.Errorf("%s: topic %q is not one of the brief's topics for this theme", sec.heading, topic)
			}
		}
	}
	if len(sections) != len(allThemes()) {
		t.Errorf("docs/coverage.md has %d sections, the brief and issue 15 %d themes", len(sections), len(allThemes()))
	}
}

func TestCoverageDocQuestionsExist(t *testing.T) {
	lib := biLibrary(t)
	n := 0
	for _, sec := range parseCoverageDoc(t, readCoverageDoc(t)) {
		for _, topic := range sec.order {
			for _, ref := range sec.rows[topic] {
				n++
				qid, question, _ := strings.Cut(ref, "/")
				q, ok := lib.Get(qid)
				if !ok {
					t.Errorf("%s / %s: questionnaire %q is not built in", sec.heading, topic, qid)
					continue
				}
				if _, ok := q.Question(question); !ok {
					t.Errorf("%s / %s: %s does not exist", sec.heading, topic, ref)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d question references found; are they written as `questionnaire/question`?", n)
	}
}

// TestCoverageDocParser guards the test itself: a doc that drops a topic, a
// theme or names a missing question must fail.
func TestCoverageDocParser(t *testing.T) {
	doc := "## 1. X\n\n> lineage and provenance, access logs,\n> usage aggregates\n\n| Topic | Questions |\n| --- | --- |\n| access logs | `dpia/logging`, `dpia/nope` |\n| usage aggregates | none yet |\n"
	secs := parseCoverageDoc(t, doc)
	if len(secs) != 1 || secs[0].quote != "lineage and provenance, access logs, usage aggregates" {
		t.Fatalf("parsed %+v", secs)
	}
	if got := secs[0].rows["access logs"]; !slices.Equal(got, []string{"dpia/logging", "dpia/nope"}) {
		t.Errorf("access logs refs = %v", got)
	}
	if got := secs[0].rows["usage aggregates"]; len(got) != 0 {
		t.Errorf("a row without backticked references should have none, got %v", got)
	}
}
