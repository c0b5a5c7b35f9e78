package convert

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// CSA's Consensus Assessments Initiative Questionnaire v4 is published
// with the Cloud Controls Matrix as a spreadsheet and in machine-readable
// forms, after a sign-up whose terms forbid redistributing it: assay
// converts the file a user downloaded and ships none of it. The reader is
// tolerant of the layout, since the machine-readable files follow the
// spreadsheet's columns under more than one shape:
//
//   - a list of rows, each a question with its control and domain
//     ("Question ID", "Question", "CCM Control ID", "CCM Control Title",
//     "CCM Control Specification", "CCM Domain Title", and the CSP's answer
//     columns), at the top or under any key;
//   - nested domains, controls and questions, each level a list of
//     mappings with an id and a title, or a mapping keyed by ID.
//
// Keys are matched ignoring case, spaces and punctuation. A question is a
// mapping with a question ID such as A&A-01.1 (or keyed by one) and a
// text; its control and domain come from the same mapping or the nearest
// ones around it. docs/convert.md lists every key read.

var (
	// CCM domains are three letters (IAM) or two joined by & (A&A).
	caiqQuestionID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z]{2,4}|[A-Z]&[A-Z])-\d{1,2}\.\d{1,2}$`) })
	caiqControlID  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z]{2,4}|[A-Z]&[A-Z])-\d{1,2}$`) })
	caiqDomainID   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z]{2,4}|[A-Z]&[A-Z])$`) })
)

// The keys read, normalized (lower case, letters and digits only).
var (
	caiqQuestionIDKeys = []string{"questionid", "caiqquestionid", "qid", "id"}
	caiqQuestionKeys   = []string{"question", "questiontext", "caiqquestion", "text"}
	caiqControlIDKeys  = []string{"ccmcontrolid", "controlid", "id"}
	caiqControlTitle   = []string{"ccmcontroltitle", "controltitle", "title", "name"}
	caiqControlSpec    = []string{"ccmcontrolspecification", "controlspecification", "specification"}
	caiqDomainTitle    = []string{"ccmdomaintitle", "domaintitle", "domain", "domainname"}
	caiqDomainIDKeys   = []string{"domainid", "id"}
	caiqCopyrightKeys  = []string{"copyright", "license", "licence", "terms", "rights"}
	// The answer columns a CSP fills in: the vendor's answers, not the
	// questionnaire.
	caiqAnswerPrefixes = []string{"csp", "csc", "ssrm", "answer"}
)

type caiqQuestion struct {
	v                                          yamlx.Value
	id, text                                   string
	control, controlTitle, controlSpec, domain string
	answerColumns                              []string
}

type caiqContext struct{ control, controlTitle, controlSpec, domainID, domainTitle string }

type caiqReader struct {
	questions []*caiqQuestion
	seen      map[string]yamlx.Value
	unused    map[string]bool
	domains   map[string]string    // domain ID -> title
	controls  map[string][2]string // control ID -> title and specification
	found     bool                 // probing: a question ID was seen
}

func newCAIQReader() *caiqReader {
	return &caiqReader{seen: map[string]yamlx.Value{}, unused: map[string]bool{}, domains: map[string]string{}, controls: map[string][2]string{}}
}

func normKey(k string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(k) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// looksLikeCAIQ reports whether the file holds at least one CAIQ question.
func looksLikeCAIQ(root yamlx.Value) bool {
	r := newCAIQReader()
	r.walk(root, caiqContext{}, "", 0, true)
	return r.found
}

// walk visits v; key is the mapping key v was found under (a question or
// control ID, for files keyed by ID).
func (r *caiqReader) walk(v yamlx.Value, ctx caiqContext, key string, depth int, probe bool) {
	if depth > 64 || r.found {
		return
	}
	switch {
	case v.IsList():
		for _, e := range v.List() {
			r.walk(e, ctx, "", depth+1, probe)
		}
	case v.IsMap():
		entries := v.Entries()
		get := func(keys []string) (string, bool) {
			for _, want := range keys {
				for _, e := range entries {
					if normKey(e.Key) == want && e.Value.IsScalar() {
						return strings.TrimSpace(e.Value.Str()), true
					}
				}
			}
			return "", false
		}
		// This mapping's own control and domain, if it names them.
		if id, _ := get(caiqControlIDKeys); caiqControlID().MatchString(id) {
			ctx.control, ctx.controlTitle, ctx.controlSpec = id, "", ""
			ctx.controlTitle, _ = get(caiqControlTitle)
			ctx.controlSpec, _ = get(caiqControlSpec)
		} else if caiqControlID().MatchString(key) {
			ctx.control, ctx.controlTitle, ctx.controlSpec = key, "", ""
			ctx.controlTitle, _ = get(caiqControlTitle)
			ctx.controlSpec, _ = get(caiqControlSpec)
		}
		if id, _ := get(caiqDomainIDKeys); caiqDomainID().MatchString(id) {
			ctx.domainID = id
			ctx.domainTitle, _ = get([]string{"title", "name", "domaintitle"})
		} else if caiqDomainID().MatchString(key) {
			ctx.domainID = key
			ctx.domainTitle, _ = get([]string{"title", "name", "domaintitle"})
		}
		for _, k := range caiqDomainTitle {
			t, _ := get([]string{k})
			if caiqDomainID().MatchString(t) {
				// "Domain": "A&A" names the domain; its title, if any,
				// is under another key ("Domain Name").
				ctx.domainID = t
				continue
			}
			if t != "" {
				ctx.domainTitle = t
				break
			}
		}
		qid, _ := get(caiqQuestionIDKeys)
		if !caiqQuestionID().MatchString(qid) && caiqQuestionID().MatchString(key) {
			qid = key
		}
		if caiqQuestionID().MatchString(qid) {
			if probe {
				r.found = true
				return
			}
			text, _ := get(caiqQuestionKeys)
			for _, e := range entries {
				if text == "" && containsString(caiqQuestionKeys, normKey(e.Key)) && !e.Value.IsScalar() && e.Value.Exists() {
					// Said at the field, as what it is, not as a
					// question without text. A key with nothing after
					// it (null) is a question without text, said by add.
					e.Value.Str()
					if _, dup := r.seen[qid]; !dup {
						r.seen[qid] = v
					}
					return
				}
			}
			r.add(v, qid, text, entries, ctx)
			return
		}
		if !probe && r.unreadQuestionID(entries, get) {
			return
		}
		for _, e := range entries {
			if e.Value.IsScalar() {
				if caiqQuestionID().MatchString(e.Key) { // keyed by question ID, with the text as value
					if probe {
						r.found = true
						return
					}
					r.add(e.Value, e.Key, e.Value.Str(), nil, ctx)
				}
				continue
			}
			r.walk(e.Value, ctx, e.Key, depth+1, probe)
		}
	}
}

// loosePartID is a question ID as a hand or a spreadsheet may have
// written it, for unreadQuestionID: numbers joined by a dot.
var loosePartID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+\s*\.\s*\d+`) })

// unreadQuestionID says, at the field, that a mapping holds a question's
// text under an ID the reader does not take as a CAIQ question ID (lower
// case, a spreadsheet's text mark ', a full-width letter, a number of
// three digits): without it, the question was left out unsaid. An ID
// under a question ID key counts; one under "id", which nested files give
// controls and domains too, only where it has numbers joined by a dot.
func (r *caiqReader) unreadQuestionID(entries []yamlx.Entry, get func([]string) (string, bool)) bool {
	if text, _ := get(caiqQuestionKeys); clean(text) == "" {
		return false
	}
	for _, e := range entries {
		k := normKey(e.Key)
		if !containsString(caiqQuestionIDKeys, k) || !e.Value.IsScalar() {
			continue
		}
		id := strings.TrimSpace(e.Value.Str())
		switch {
		case id == "", caiqQuestionID().MatchString(id), caiqControlID().MatchString(id), caiqDomainID().MatchString(id):
			continue
		case k == "id" && !loosePartID().MatchString(id):
			continue
		}
		e.Value.Problem("a CAIQ question ID is its control's ID, a dot and a number of one or two digits, such as A&A-01.1, in capitals",
			"%q is not a CAIQ question ID, so its question cannot be converted", id)
		return true
	}
	return false
}

func (r *caiqReader) add(v yamlx.Value, qid, text string, entries []yamlx.Entry, ctx caiqContext) {
	if prev, dup := r.seen[qid]; dup {
		v.Problem(fmt.Sprintf("first at line %d", prev.Line()), "question %s is listed twice", qid)
		return
	}
	r.seen[qid] = v
	if clean(text) == "" { // only escape sequences or invisible characters count as none
		v.Problem("", "question %s has no text", qid)
		return
	}
	q := &caiqQuestion{v: v, id: qid, text: text, control: ctx.control, controlTitle: ctx.controlTitle, controlSpec: ctx.controlSpec}
	if q.control == "" {
		q.control = qid[:strings.LastIndex(qid, ".")]
	}
	domainID := ctx.domainID
	if domainID == "" {
		domainID = qid[:strings.Index(qid, "-")]
	}
	q.domain = domainID
	if ctx.domainTitle != "" && r.domains[domainID] == "" {
		r.domains[domainID] = ctx.domainTitle
	}
	// A spreadsheet exported as rows gives a control's cells (merged
	// across its questions) on its first question only.
	if known := r.controls[q.control]; known[0] == "" && known[1] == "" {
		r.controls[q.control] = [2]string{q.controlTitle, q.controlSpec}
	}
	read := append(append(append(append([]string{}, caiqQuestionIDKeys...), caiqQuestionKeys...), caiqControlIDKeys...), caiqControlTitle...)
	read = append(append(read, caiqControlSpec...), caiqDomainTitle...)
	for _, e := range entries {
		k := normKey(e.Key)
		switch {
		case containsString(read, k):
		case hasAnyPrefix(k, caiqAnswerPrefixes):
			if e.Value.IsScalar() && strings.TrimSpace(e.Value.Str()) != "" {
				q.answerColumns = append(q.answerColumns, oneLine(e.Key))
			}
		default:
			r.unused[oneLine(e.Key)] = true
		}
	}
	r.questions = append(r.questions, q)
}

func convertCAIQ(name string, root yamlx.Value, opts Options) (*draft, []string) {
	r := newCAIQReader()
	r.walk(root, caiqContext{}, "", 0, false)
	if len(root.Doc().Problems) > 0 {
		return nil, nil
	}
	d := newDraft()
	top := map[string]string{}
	if root.IsMap() {
		for _, e := range root.Entries() {
			if e.Value.IsScalar() {
				top[normKey(e.Key)] = strings.TrimSpace(e.Value.Str())
				d.At[normKey(e.Key)] = e.Value
			}
		}
	}
	d.ID = firstNonEmpty(opts.ID, "caiq-v4")
	d.ids[d.ID] = true
	d.Version = firstNonEmpty(oneLine(top["version"]), "4")
	d.Title = firstNonEmpty(oneLine(top["title"]), oneLine(top["name"]), "CSA Consensus Assessments Initiative Questionnaire v4")
	if oneLine(top["title"]) == "" {
		d.At["title"] = d.At["name"]
	}
	d.Kind = firstNonEmpty(opts.Kind, "third-party")
	for _, k := range caiqCopyrightKeys {
		if top[k] != "" {
			d.Copyright = clean(top[k])
			d.At["copyright"] = d.At[k]
			break
		}
	}
	if d.Copyright == "" {
		d.Copyright = "Cloud Security Alliance (CAIQ v4), under the terms on which this file was downloaded."
	}
	d.Description = fmt.Sprintf("Converted by assay from %s (%s).", oneLine(name), formatCAIQ)
	d.Header = []string{d.Description, "CSA's terms forbid redistributing the CAIQ: keep this file to yourself.",
		"What is not carried over, or carried differently, is said above the question it concerns (convert:)."}
	d.Dimensions = []draftDimension{{ID: dimGaps, Title: "Controls not in place", Higher: "worse"}}

	var notes []string
	notes = append(notes, "CAIQ answers are Yes, No or NA: assay's control questions add Partly, for a control partly in place")
	if len(r.unused) > 0 {
		notes = append(notes, "the fields "+strings.Join(sortedKeys(r.unused), ", "))
	}
	// The questions' IDs first, so that no section takes one: each is the
	// CAIQ ID in its own right (caiqRef), and none is renamed.
	ids := make([]string, len(r.questions))
	for i, cq := range r.questions {
		ids[i] = caiqRef(cq.id)
		if d.ids[ids[i]] {
			cq.v.Problem("give the questionnaire another ID with --id", "question %s would take the ID %s, the questionnaire's own", cq.id, ids[i])
		}
		d.ids[ids[i]] = true
	}
	sections := map[string]*draftSection{}
	for i, cq := range r.questions {
		s, ok := sections[cq.domain]
		if !ok {
			title := cq.domain
			if t := r.domains[cq.domain]; t != "" {
				title = oneLine(t) + " (" + cq.domain + ")"
			}
			s = &draftSection{ID: d.uniqueID(caiqRef(cq.domain), "s"), Title: title, At: cq.v}
			sections[cq.domain] = s
			d.Sections = append(d.Sections, s)
		}
		if cq.controlTitle == "" && cq.controlSpec == "" {
			cq.controlTitle, cq.controlSpec = r.controls[cq.control][0], r.controls[cq.control][1]
		}
		control := cq.control
		if cq.controlTitle != "" {
			control += " " + oneLine(cq.controlTitle)
		}
		q := &draftQuestion{ID: ids[i], Type: "control", Text: clean(cq.text), Dimension: dimGaps, Source: "CAIQ " + cq.id,
			Help: joinParagraphs("CCM control "+control+".", cq.controlSpec), At: cq.v}
		if opts.Severity != "" {
			q.Severity, q.Action = opts.Severity, "Put CCM control "+control+" in place."
		}
		if len(cq.answerColumns) > 0 {
			q.Notes = append(q.Notes, "the file's answer columns for this question ("+strings.Join(cq.answerColumns, ", ")+"): they hold a provider's answers, not the questionnaire")
		}
		s.Questions = append(s.Questions, q)
	}
	return d, notes
}

// caiqRef is the assay ID of a CAIQ question (or domain) ID: lower case,
// with "&", which IDs do not allow, read as "and" between dashes, so that
// A&A-01.1 is a-and-a-01.1. The question IDs the reader takes (two to
// four capital letters, or two joined by "&", a dash and numbers) map one
// to one: only a CAIQ ID with "&" gives dashes before its number.
func caiqRef(id string) string {
	return strings.ToLower(strings.ReplaceAll(id, "&", "-and-"))
}

func containsString(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
