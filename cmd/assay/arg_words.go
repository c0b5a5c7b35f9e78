package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/assay-dev/assay/assess/safetext"
)

// cobra refuses a command given too few or too many arguments, or without
// a flag it needs, in its own words: "accepts 1 arg(s), received 0",
// "required flag(s) "file" not set". Each refusal is said here instead,
// for every command from one table of what its arguments and required
// flags are: what is missing, a command line that would work, and where to
// look up the value ("report needs the assessment's ID: assay report 3
// (assay list shows the assessments)").

// argWord says one positional argument, or one required flag, in assay's
// words.
type argWord struct {
	what    string // "the assessment's ID"
	example string // "3", or for a flag "--file answers.yaml"
	where   string // "assay list shows the assessments"; "" when nothing lists them
}

// argWords names each placeholder of the commands' usage lines. A key with
// the command's path ("subject add NAME") is for that command alone, where
// the same placeholder means something else elsewhere.
var argWords = map[string]argWord{
	"ID":                   {"the assessment's ID", "3", "assay list shows the assessments"},
	"diff A":               {"an assessment's ID (or the earlier and the later of two)", "3", "assay list shows the assessments"},
	"diff B":               {"the later assessment's ID", "7", ""},
	"CHECK-ID":             {"the consistency check's ID", "groups-tested-yet-none-compared", `assay score lists them under "Answers that disagree"`},
	"TEXT":                 {"the explanation, in quotes", `"The report tests groups one by one"`, ""},
	"NAME|ID":              {"the subject's name or ID", `"Acme Cloud"`, "assay subject list shows the subjects"},
	"subject add NAME":     {"the new subject's name, in quotes if it has spaces", `"Acme Cloud"`, ""},
	"key trust NAME":       {"your colleague's name", `"Rui Costa"`, ""},
	"key trust PUBLIC-KEY": {"their public key, as their assay key prints it", "ed25519:…", ""},
	"LOGIN":                {"the database login", "ana", "assay team list shows the logins holding a role"},
	"ROLE...":              {"one role or more (analyst, approver)", "analyst", ""},
	"convert FILE":         {"the file to convert", "caiq-v4.json", ""},
	"import FILE":          {"the file assay export wrote", "assessment-3.json", ""},
	"lint FILE...":         {"the questionnaire files to check", "my-questionnaire.yaml", ""},
	"backup FILE":          {"the backup file to write", "~/backups/portfolio.db", ""},
	"help command":         {"a command's name", "report", "assay --help lists the commands"},
	"flag:file":            {"the answers file", "--file answers.yaml", ""},
	"flag:questionnaire":   {"the questionnaire", "-q vendor-security-screen", "assay questionnaires lists the questionnaires"},
	"flag:subject":         {"what it assesses", `-s "Acme Cloud"`, ""},
	"flag:opinion":         {"the DPO's opinion", "--opinion favourable", "one of favourable, favourable-with-reservations, unfavourable"},
}

// wordFor is what key is in argWords: the command's own words first, then
// the placeholder's; a placeholder with neither is said as itself (a test
// walks every command so that none is).
func wordFor(c *cobra.Command, placeholder string) (argWord, bool) {
	placeholder = strings.Trim(placeholder, "[]") // "verify [ID]": optional, said alike
	if w, ok := argWords[commandName(c)+" "+placeholder]; ok {
		return w, true
	}
	w, ok := argWords[placeholder]
	if !ok {
		return argWord{what: placeholder, example: placeholder}, false
	}
	return w, true
}

// commandName is a command's path without "assay ": the lines it refuses
// with begin "assay: ".
func commandName(c *cobra.Command) string {
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}

// placeholders are the positional arguments a command's usage line names,
// in order: "report ID" gives ID, "answer ID --file FILE" gives ID (the
// rest is a flag), "verify [ID]" gives [ID].
func placeholders(c *cobra.Command) []string {
	fields := strings.Fields(c.Use)
	var out []string
	for _, f := range fields[1:] {
		if strings.HasPrefix(f, "-") {
			break
		}
		out = append(out, f)
	}
	return out
}

// argCounts are the fewest and the most arguments check takes (most -1:
// no limit), found by asking it: cobra's checks are functions, and say
// nothing of their bounds otherwise.
func argCounts(c *cobra.Command, check cobra.PositionalArgs) (fewest, most int) {
	const probe = 8
	fewest, most = -1, -1
	for n := 0; n <= probe; n++ {
		if check(c, make([]string, n)) != nil {
			continue
		}
		if fewest < 0 {
			fewest = n
		}
		most = n
	}
	if most == probe {
		most = -1
	}
	return fewest, most
}

// argsInWords wraps a command's argument check so that its refusal, and
// a required flag not given, are said in assay's words.
func argsInWords(_ *cobra.Command, check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			fewest, most := argCounts(c, check)
			switch {
			case len(args) < fewest:
				return tooFewArgs(c, args, fewest)
			case most >= 0 && len(args) > most:
				return tooManyArgs(c, args, fewest, most)
			}
			return err
		}
		return requiredFlagsGiven(c, args)
	}
}

func tooFewArgs(c *cobra.Command, args []string, fewest int) error {
	names := placeholders(c)
	var missing []string
	where := ""
	for i := len(args); i < fewest && i < len(names); i++ {
		w, _ := wordFor(c, names[i])
		missing = append(missing, w.what)
		if where == "" {
			where = w.where
		}
	}
	return fmt.Errorf("%s needs %s: %s%s", commandName(c), andList(missing), exampleLine(c, args, fewest), aside(where))
}

func tooManyArgs(c *cobra.Command, args []string, fewest, most int) error {
	takes := countWord(most) + " " + plural(most, "argument", "arguments")
	switch {
	case most == 0:
		takes = "no argument"
	case fewest == 0:
		takes = "at most " + takes
	case fewest < most:
		takes = countWord(fewest) + " or " + takes
	default: // exactly these: say which
		names := placeholders(c)
		var whats []string
		for i := 0; i < most && i < len(names); i++ {
			w, _ := wordFor(c, names[i])
			whats = append(whats, w.what)
		}
		takes += " (" + andList(whats) + ")"
	}
	given := make([]string, len(args))
	for i, a := range args {
		given[i] = fmt.Sprintf("%q", safetext.OneLine(a))
	}
	// The example is the table's, not what was given: "subject add Acme
	// Cloud" is shown a name in quotes, not "Acme" alone.
	return fmt.Errorf("%s takes %s and was given %d (%s): %s", commandName(c), takes, len(args), strings.Join(given, ", "), exampleLine(c, nil, most))
}

// requiredFlagsGiven refuses a command run without a flag it needs (cobra
// marks them; its own check runs after this one, so never speaks).
func requiredFlagsGiven(c *cobra.Command, args []string) error {
	var missing []string
	where := ""
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !isRequired(f) || f.Changed {
			return
		}
		w, _ := wordFor(c, "flag:"+f.Name)
		names := "--" + f.Name
		if f.Shorthand != "" {
			names += ", -" + f.Shorthand
		}
		missing = append(missing, w.what+" ("+names+")")
		if where == "" {
			where = w.where
		}
	})
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("%s needs %s: %s%s", commandName(c), andList(missing), exampleLine(c, args, len(args)), aside(where))
}

func isRequired(f *pflag.Flag) bool {
	v := f.Annotations[cobra.BashCompOneRequiredFlag]
	return len(v) > 0 && v[0] == "true"
}

// exampleLine is a command line that would be taken: the arguments given
// where they read safely, examples for the rest up to n, and the
// required flags with examples.
func exampleLine(c *cobra.Command, args []string, n int) string {
	names := placeholders(c)
	parts := []string{c.CommandPath()}
	for i := 0; i < n && i < len(names); i++ {
		w, _ := wordFor(c, names[i])
		if i < len(args) && plainWord.MatchString(args[i]) {
			parts = append(parts, args[i])
			continue
		}
		parts = append(parts, w.example)
	}
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if isRequired(f) {
			w, _ := wordFor(c, "flag:"+f.Name)
			parts = append(parts, w.example)
		}
	})
	return strings.Join(parts, " ")
}

// plainWord is an argument given that can be shown back as it is: no
// spaces, quotes or terminal controls to make the line misread.
var plainWord = regexp.MustCompile(`^[A-Za-z0-9._:/@~+-]{1,64}$`)

func aside(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func countWord(n int) string {
	if n >= 0 && n < 5 {
		return []string{"no", "one", "two", "three", "four"}[n]
	}
	return fmt.Sprint(n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
