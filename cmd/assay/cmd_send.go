package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/questionnaires"
)

func (a *app) sendCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "send ID",
		Short: "Write a fill-in answers file for the vendor",
		Long: `Write a YAML answers file for the vendor to fill in offline: every question
with its help and, as comments, the options it takes; room for a note and
evidence under each. The answers recorded so far (on the onboarding call,
say) are filled in, with their notes and evidence, for the vendor to confirm
or correct. Read it back with assay answer ID --file FILE: every answer is
checked first (nothing is recorded if any is wrong); an answer the vendor left
as it was stays as recorded, and the others are recorded as given by the
vendor and unreviewed until you confirm or correct each one. Risk ratings are
left to the analyst and not sent, nor are the questions we answer ourselves
(internal: true, such as how hard the vendor would be to replace), with their
answers; a file from the vendor that answers one is refused (one sent by an
older assay, which held them, may give them back as we recorded them: they
are ignored).

The file ends with the assessment's UUID: a file for another assessment, or
one cut short, is refused. Each sending is recorded in the assessment's audit
trail: from then on, a file that does not say it came from the vendor is read
only with --vendor or --own (the vendor holds the file, and can delete the
lines that say so). An approved assessment is locked, so no file is
sent for it: send its revision's. A file sent before the assessment was
approved is read into its revision.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			asmt, err := a.assessment(cmd, args[0])
			if err != nil {
				return err
			}
			// The vendor's answers to a locked assessment could never be
			// read back, nor into its revision (another UUID).
			if asmt.Status == assess.Approved {
				return fmt.Errorf("assessment %d is approved and locked: a file sent for it could not be read back; start a revision (assay revise %d) and send that", asmt.ID, asmt.ID)
			}
			if out != "" && out != "-" {
				// What no file may be (the database, a pipe) is refused
				// before the sending is recorded.
				if err := a.checkWrittenAs("send", out, "YAML (.yaml or .yml)", "yaml"); err != nil {
					return err
				}
				if err := keepQuestionnaireAt(out, "", "", "the vendor's answers file"); err != nil {
					return err
				}
			}
			// Recorded first: a sending on record and no file costs the
			// analyst a flag when reading a file back; a file and no
			// record would let its vendor pass their answers off as ours.
			now := time.Now()
			if err := a.db.RecordSending(a.ctx(cmd), asmt.ID, now); err != nil {
				return leftUnchanged(err, "nothing was sent")
			}
			return a.writeOutput(out, []byte(sendFile(asmt, now)))
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

// comment writes text as YAML comment lines of at most 78 characters.
// The text is made one line first, so nothing in it can end the comment
// and become YAML.
func comment(b *strings.Builder, indent, text string) {
	words := strings.Fields(safetext.OneLine(text))
	line := indent + "#"
	for _, w := range words {
		if len(line)+1+len(w) > 78 && line != indent+"#" {
			b.WriteString(line + "\n")
			line = indent + "#"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

// sendFile is the fill-in file for an assessment's vendor, sent at now:
// the answers it fills in are the assessment's then, which reading it back
// tells from changes made here since.
func sendFile(asmt *assess.Assessment, now time.Time) string {
	q := asmt.Questionnaire
	var b strings.Builder
	comment(&b, "", fmt.Sprintf("%s (%s %s), for %s.", q.Title, q.ID, q.Version, asmt.Subject))
	comment(&b, "", "Please answer each question after \"answer:\", using one of the values listed above it. Add a note where it helps, and list your evidence (reports, certificates, policy names and versions). Leave an answer empty if you cannot answer it. Answers we have already recorded are filled in: correct any that is wrong, and leave the others as they are; emptying one does not remove it, so if one does not apply, say why in its note. Do not change the question IDs, the lines at the top, or the last line.")
	if hasInternal(q) {
		// Said without counts or titles: which questions we keep to
		// ourselves, and how many, is itself what we keep.
		comment(&b, "", "Questions we answer ourselves are not included.")
	}
	b.WriteString("questionnaire: " + q.ID + "\n")
	b.WriteString("version: " + strconv.Quote(q.Version) + "\n")
	b.WriteString("source: vendor\n")
	b.WriteString("sent: " + strconv.Quote(now.UTC().Format(time.RFC3339Nano)) + "\n")
	b.WriteString("answers:\n")
	for si, s := range q.Sections {
		b.WriteString("\n")
		heading := fmt.Sprintf("%d. %s", si+1, strings.ToUpper(s.Title))
		// Risk ratings are the analyst's and are not sent; a section's
		// help beside them tells whoever rates them how, which is not
		// the vendor. Its number stays, as the report numbers it.
		switch risks, asked := sectionRisks(s); {
		case asked == 0 && risks == 0:
			continue // all ours: not even its title is sent
		case asked == 0 && risks > 0:
			comment(&b, "  ", heading+": rated by us, not part of this file.")
			continue
		case risks > 0:
			comment(&b, "  ", heading)
			comment(&b, "  ", "Its risks are rated by us and are not part of this file; answer "+
				assess.Plural(asked, "the question below", "the questions below")+".")
		default:
			comment(&b, "  ", heading)
			if s.Help != "" {
				comment(&b, "  ", s.Help)
			}
		}
		for qi, qq := range s.Questions {
			if !sendable(qq) {
				continue
			}
			b.WriteString("\n")
			comment(&b, "  ", fmt.Sprintf("%d.%d %s", si+1, qi+1, qq.Text))
			if qq.Help != "" {
				comment(&b, "  ", qq.Help)
			}
			if qq.When != nil || s.When != nil {
				comment(&b, "  ", "Answer only if it applies to you; otherwise leave it empty.")
			}
			comment(&b, "  ", howToAnswer(qq))
			known := asmt.Answers[qq.ID]
			b.WriteString("  " + qq.ID + ":\n")
			b.WriteString("    answer:" + sentValue(qq, known.Value) + "\n")
			b.WriteString("    note: " + safetext.QuoteYAML(known.Note) + "\n")
			evidence := make([]string, len(known.Evidence))
			for i, e := range known.Evidence {
				evidence[i] = safetext.QuoteYAML(e)
			}
			b.WriteString("    evidence: [" + strings.Join(evidence, ", ") + "]\n")
		}
	}
	b.WriteString("\n")
	comment(&b, "", "The assessment this file answers; keep this line last.")
	b.WriteString("assessment: " + asmt.UUID + "\n")
	return b.String()
}

// sectionRisks counts a section's risks, which are not sent, and the
// questions that are. Internal questions are neither: the file says
// nothing of them.
func sectionRisks(s *assess.Section) (risks, asked int) {
	for _, qq := range s.Questions {
		switch {
		case qq.Internal:
		case qq.Type == assess.TypeRisk:
			risks++
		default:
			asked++
		}
	}
	return risks, asked
}

// sendable reports whether the vendor's file asks qq: risk ratings are
// the analyst's, and internal questions (how critical the vendor is to
// us, our exit plan) ours, with their answers, notes and evidence.
func sendable(qq *assess.Question) bool {
	return qq.Type != assess.TypeRisk && !qq.Internal
}

func hasInternal(q *assess.Questionnaire) bool {
	return slices.ContainsFunc(q.Questions, func(qq *assess.Question) bool { return qq.Internal })
}

// sentValue is the answer a sent file carries for a question, after
// "answer:": what the assessment records so far, for the vendor to confirm
// or correct, or nothing (an empty list for a multiple choice). Every
// value is written as a double-quoted string (a JSON string, which YAML
// reads as written), so that no text, "no" or date is read as anything
// else.
func sentValue(qq *assess.Question, v assess.Value) string {
	switch {
	case qq.Type == assess.TypeMulti:
		choices := make([]string, len(v.Choices))
		for i, c := range v.Choices {
			choices[i] = safetext.QuoteYAML(c)
		}
		return " [" + strings.Join(choices, ", ") + "]"
	case len(v.Choices) == 1:
		return " " + safetext.QuoteYAML(v.Choices[0])
	case v.Number != nil:
		return " " + safetext.QuoteYAML(v.Number.String())
	case !v.Date.IsZero():
		return " " + safetext.QuoteYAML(v.Date.String())
	case v.Text != "":
		return " " + safetext.QuoteYAML(v.Text)
	}
	return ""
}

func howToAnswer(qq *assess.Question) string {
	options := func() string {
		var parts []string
		for _, o := range qq.Options {
			parts = append(parts, fmt.Sprintf("%s (%s)", o.Value, o.Label))
		}
		return strings.Join(parts, "; ")
	}
	switch qq.Type {
	case assess.TypeControl, assess.TypeSingle:
		return "One of: " + options()
	case assess.TypeMulti:
		return "A list, such as [a, b], of any of: " + options()
	case assess.TypeScale:
		return fmt.Sprintf("A whole number from %d to %d", qq.Scale.From, qq.Scale.To)
	case assess.TypeNumber:
		return numberHowTo(qq)
	case assess.TypeDate:
		return "A date, YYYY-MM-DD"
	}
	return "Free text; quote it if it contains a colon or starts with a symbol"
}

// numberHowTo says what a number question takes: "A number of
// records", and its range if it has one ("A whole number of people, 0
// or more"; "A number of percent, from 0 to 100").
func numberHowTo(qq *assess.Question) string {
	s := "A number"
	if qq.Whole {
		s = "A whole number"
	}
	if qq.Unit != "" {
		s += " of " + qq.Unit
	}
	if b := qq.NumberBounds(); b != "" {
		s += ", " + b
	}
	return s
}

// checkSubjectFor refuses an answers file that names another subject than
// the assessment's (subject:): its answers are about someone else. The
// same name in other case or spacing is the same subject.
func checkSubjectFor(name string, f *questionnaires.AnswersFile, asmt *assess.Assessment) error {
	if strings.TrimSpace(f.Subject) == "" {
		return nil
	}
	said := strings.Join(strings.Fields(safetext.OneLine(f.Subject)), " ")
	if strings.EqualFold(said, strings.Join(strings.Fields(safetext.OneLine(asmt.Subject)), " ")) {
		return nil
	}
	return fmt.Errorf("%s:%d: subject: this file answers for %s, but assessment %d is of %s", name, f.SubjectLine, said, asmt.ID, safetext.OneLine(asmt.Subject))
}

// checkAnswersFor refuses an answers file meant for another assessment,
// and a vendor's file without the assessment line that assay send writes
// last: it was cut short, or was not sent for this assessment.
func checkAnswersFor(name string, src []byte, f *questionnaires.AnswersFile, uuid string, revised ...string) error {
	if f.Assessment != "" && f.Assessment != uuid && !slices.Contains(revised, f.Assessment) {
		// Cleaned, an altered line could read as the right ID: one that
		// holds what cannot be shown is shown written out and quoted.
		named := f.Assessment
		if safetext.OneLine(named) != named {
			named = strconv.Quote(named)
		}
		return fmt.Errorf("%s:%d: assessment: this file answers assessment %s, not %s", name, f.AssessmentLine, named, uuid)
	}
	if f.Source == assess.ByVendor && f.Assessment == "" {
		last := strings.Count(string(src), "\n")
		if len(src) > 0 && src[len(src)-1] != '\n' {
			last++
		}
		return fmt.Errorf("%s:%d: assessment: missing; a file from assay send ends with the assessment's ID, so this one was cut short or not sent for this assessment", name, last)
	}
	return nil
}
