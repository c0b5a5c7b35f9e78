package convert

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// What assay convert wrote and the loader refused were told apart only
// at load time, or, since the converter loads its output before writing
// it, as "a defect of assay convert" at a line of a file never written: a
// CAIQ file's version of 65 characters, a CISO Assistant choice whose
// text joins two Arabic letters with a zero-width joiner (kept in a
// label, refused in a value), an implementation group's ref_id of 101
// characters, a library, section or question named "null" (written as an
// ID that YAML reads as nothing), a question of a type assay does not
// know whose choices compute a result (given --severity as a free-text
// question, which cannot have one); in an OSCAL catalog, a control ID with
// a Cyrillic letter, a title past a control name's limit. Each hostile
// text is put in turn in every field of the invented CISO Assistant
// library, CAIQ files and OSCAL catalog: the conversion either loads or is
// refused as the source's problems, at the source's line and field, and
// never as the converter's defect.
func TestEveryLoaderRefusalIsTheSourcesAtItsLine(t *testing.T) {
	hostile := []string{
		strings.Repeat("9", 65), strings.Repeat("a", 101), strings.Repeat("word ", 700),
		"yes\u200b", "\ufeffyes", "soft\u00adhyphen", "\u0628\u200d\u0628", "\U0001F469\u200d\U0001F4BB",
		"\u202eevil", "\x1b[31mred", "a\nb", "  spaced  ", "\u200b", "null", "NULL", "true", "\u0410.5.1",
	}
	// A line "key: value" or "  "Key": "value"," whose value is a scalar.
	scalar := regexp.MustCompile(`^(\s*(?:- )?"?[A-Za-z_ ()/&]+"?:\s)(.+?)(,?)$`)
	for _, path := range []string{"testdata/invented/ciso-features.yaml", "testdata/invented/caiq-rows.json", "testdata/invented/caiq-nested.yaml", "testdata/invented/oscal-catalog.json"} {
		lines := strings.Split(string(read(t, path)), "\n")
		for i, l := range lines {
			m := scalar.FindStringSubmatch(l)
			if m == nil || strings.HasPrefix(strings.TrimSpace(l), "#") || m[2] == "[" || m[2] == "{" {
				continue
			}
			for _, h := range hostile {
				quoted, _ := json.Marshal(h)
				changed := append([]string{}, lines...)
				changed[i] = m[1] + string(quoted) + m[3]
				res, err := Convert("in.yaml", []byte(strings.Join(changed, "\n")), "out.yaml", Options{Severity: "medium"})
				var problems Problems
				switch {
				case err == nil:
					loaded := func() Problems {
						_, problems, _ := questionnaires.Lint("out.yaml", res.YAML, questionnaires.Catalog())
						return problems
					}
					if res.What == "catalog" {
						loaded = func() Problems { _, problems := questionnaires.ParseCatalog("out.yaml", res.YAML); return problems }
					}
					if problems := loaded(); len(problems) > 0 {
						t.Errorf("%s:%d = %.40q: converted, and does not load: %v", path, i+1, h, problems)
					}
				case !errors.As(err, &problems):
					t.Errorf("%s:%d = %.40q: refused, not at the source: %.300v", path, i+1, h, err)
				default:
					for _, p := range problems {
						if p.File != "in.yaml" || p.Line < 1 || p.Field == "" && p.Line != 1 {
							t.Errorf("%s:%d = %.40q: a problem not at a field of the source: %.300v", path, i+1, h, p)
						}
					}
				}
			}
		}
	}
}

// The refusals the loader makes of a converted file are the source's, at
// the field the converted text came from, and say what assay would
// refuse.
func TestLoaderRefusalsAreSaidAtTheSourcesField(t *testing.T) {
	caiq := string(read(t, "testdata/invented/caiq-rows.json"))
	ciso := string(read(t, "testdata/invented/ciso-features.yaml"))
	long := strings.Repeat("9", 65)
	for _, c := range []struct{ name, src, want string }{
		{"a CAIQ version of 65 characters", strings.Replace(caiq, `"version": "4.0.3"`, `"version": "`+long+`"`, 1),
			"in.yaml:3:14: version: as the converted questionnaire's version: version is 65 characters long; a version is at most 64"},
		{"a CISO Assistant version of 65 characters", strings.Replace(ciso, "version: 4\n", "version: "+long+"\n", 1),
			"in.yaml:10:10: version: as the converted questionnaire's version: version is 65 characters long; a version is at most 64"},
		{"an implementation group's ref_id of 101 characters", strings.Replace(ciso, "- ref_id: core\n", "- ref_id: "+strings.Repeat("c", 101)+"\n", 1),
			"in.yaml:27:15: objects.framework.implementation_groups_definition[0].ref_id: as the converted questionnaire's sections[scope].questions[implementation-groups].options[0].value: value is 101 characters long; an option's value is at most 100"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert("in.yaml", []byte(c.src), "out.yaml", Options{})
			var problems Problems
			if res != nil || !errors.As(err, &problems) || !strings.Contains(problems.Error(), c.want) {
				t.Errorf("got:\n%v\nwant: %s", err, c.want)
			}
		})
	}
}

// Of the texts above, these the converter can carry over as assay allows,
// and does: a choice's value is made from its text without the joiner
// (the label keeps it); a question of a type assay does not know is asked
// as free text, without the severity a free-text question cannot have;
// a section or question whose ref_id is "null" takes another ID, which
// YAML does not read as nothing.
func TestHostileTextsTheConverterCarriesOver(t *testing.T) {
	ciso := string(read(t, "testdata/invented/ciso-features.yaml"))
	for _, c := range []struct{ name, old, new, question, want string }{
		{"a choice joining Arabic letters", "value: Fewer than 50\n", "value: \"\u0628\u200d\u0628\"\n", "p.1-q1", "value \u0628\u0628, label \u0628\u200d\u0628"},
		{"a question of an unknown type that computes a result", "type: unique_choice\n          text: Are alerts", "type: \"null\"\n          text: Are alerts", "c.2-q1", "type text, no severity"},
		{"a section whose ref_id is null", "ref_id: P\n", "ref_id: \"null\"\n", "", "section snull"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(ciso, c.old) {
				t.Fatalf("no %q in the library", c.old)
			}
			res, err := Convert("in.yaml", []byte(strings.Replace(ciso, c.old, c.new, 1)), "out.yaml", Options{Severity: "medium"})
			if err != nil {
				t.Fatal(err)
			}
			q, problems, _ := questionnaires.Lint("out.yaml", res.YAML, questionnaires.Catalog())
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			var got []string
			for _, s := range q.Sections {
				if c.question == "" {
					got = append(got, "section "+s.ID)
				}
				for _, qq := range s.Questions {
					if qq.ID != c.question {
						continue
					}
					switch {
					case len(qq.Options) > 0 && qq.Options[0].Value != qq.Options[0].Label:
						got = append(got, "value "+qq.Options[0].Value+", label "+qq.Options[0].Label)
					case qq.Severity == 0:
						got = append(got, "type "+string(qq.Type)+", no severity")
					default:
						got = append(got, "type "+string(qq.Type)+", severity "+qq.Severity.String())
					}
				}
			}
			if !slices.Contains(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
