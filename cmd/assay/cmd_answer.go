package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
)

func (a *app) answerCommand() *cobra.Command {
	var file string
	var overwrite, vendor, own bool
	cmd := &cobra.Command{
		Use:   "answer ID --file FILE",
		Short: "Record answers from a file, all or nothing",
		Long: `Record answers from a YAML file. Every answer is checked against the
assessment's questionnaire first; if any is wrong, nothing is recorded and each
problem is printed with its line and field.

  answers:
    mfa: yes
    policy:
      answer: partial
      note: Last reviewed in 2023.
      evidence: [Information security policy v3.2]

What a file leaves out of an answer is kept: "mfa: yes" changes the value
and keeps the question's note and evidence; a note given alone keeps the
value; "evidence: []" or "note: ''" beside an answer clears them. An
answer given as it is recorded already changes nothing and is not recorded
again.

An answer someone else last saved is not replaced unless --overwrite is
given: assay says who saved it, when, and what it says, and records
nothing.

Answers from the vendor are recorded as theirs and unreviewed until you
confirm or correct each one: those of a file assay send wrote (whatever its
source line says), of a file saying "source: vendor", and of any file read
with --vendor. Once a file has been sent for the assessment (assay send
records each sending), a file that does not say it is the vendor's is read
only with --vendor (it came back from them: the vendor can delete the lines
assay send wrote) or --own (the answers are yours); and a file of the
vendor's, --vendor or not, only with the sent line assay send wrote, which
tells the answers they left as sent from those they gave.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			asmt, err := a.assessment(cmd, args[0])
			if err != nil {
				return err
			}
			src, err := input.ReadFile(file)
			if err != nil {
				return err
			}
			parsed, problems := questionnaires.ParseAnswers(file, src, asmt.Questionnaire)
			if len(problems) > 0 {
				for _, p := range problems {
					// The field path holds the file's own keys: untrusted text.
					fmt.Fprintln(a.stderr, messageLine(p.String()))
				}
				return exitError{code: 1, msg: fmt.Sprintf("%s: %s; nothing was recorded", file, assess.Count(len(problems), "problem", "problems"))}
			}
			revised, err := a.revisedChain(cmd, asmt)
			if err != nil {
				return err
			}
			var uuids []string
			for _, r := range revised {
				uuids = append(uuids, r.UUID)
			}
			// What the file says of itself, before --vendor makes it theirs.
			saysVendor := parsed.Source == assess.ByVendor
			if err := a.settleOrigin(cmd, file, parsed, vendor, own, append([]*assess.Assessment{asmt}, revised...)); err != nil {
				return err
			}
			err = checkSubjectFor(file, parsed, asmt)
			if err == nil {
				err = checkAnswersFor(file, src, parsed, asmt.UUID, uuids...)
			}
			if err != nil {
				// The file's name is the vendor's as much as its lines.
				fmt.Fprintln(a.stderr, messageLine(err.Error()))
				return exitError{code: 1, msg: fmt.Sprintf("%s: 1 problem; nothing was recorded", file)}
			}
			sentFor := asmt
			for _, r := range revised {
				if r.UUID == parsed.Assessment {
					// Sent before the assessment it answers was approved,
					// and come back after: the revision carries on its work.
					inform(a.stderr, fmt.Sprintf("File %s was sent for assessment %d, which assessment %d revises: it is read into %d",
						safetext.OneLine(file), r.ID, asmt.ID, asmt.ID))
					sentFor = r
				}
			}
			// --vendor says the file came back from the vendor, who can
			// delete the source line with the sent line: held to the same.
			if (saysVendor || vendor) && parsed.Sent.IsZero() {
				if err := a.checkSentLineKept(cmd, file, parsed, sentFor); err != nil {
					return err
				}
			}
			var atSend assess.Answers
			if !parsed.Sent.IsZero() {
				if atSend, err = a.answersWhenSent(cmd, file, sentFor, parsed); err != nil {
					return err
				}
			}
			// Asked of us about the vendor (how critical it is, how hard
			// to replace), never sent, and our risk ratings: the vendor's
			// answer is not theirs to give. A file sent before assay left them out holds ours,
			// which come back as we recorded them and are let be.
			ignored, internal := parsed.OurOwn(asmt.Answers, atSend)
			if len(internal) > 0 {
				for _, p := range internal {
					fmt.Fprintln(a.stderr, messageLine(p.String()))
				}
				return exitError{code: 1, msg: fmt.Sprintf("%s: %s; nothing was recorded", file, assess.Count(len(internal), "problem", "problems"))}
			}
			// No assay ever sent a risk rating: one that says what we
			// rated was written back by hand, and is named as what it is.
			var ignoredQuestions, ignoredRisks []string
			for _, qid := range ignored {
				if qq, ok := asmt.Questionnaire.Question(qid); ok && qq.Type == assess.TypeRisk {
					ignoredRisks = append(ignoredRisks, qid)
				} else {
					ignoredQuestions = append(ignoredQuestions, qid)
				}
			}
			if len(ignoredQuestions) > 0 {
				inform(a.stderr, fmt.Sprintf("File %s holds %s we answer ourselves, as an older assay sent them (%s): %s what we recorded, and %s ignored",
					safetext.OneLine(file), assess.Count(len(ignoredQuestions), "question", "questions"), strings.Join(ignoredQuestions, ", "),
					assess.Plural(len(ignoredQuestions), "it says", "they say"), assess.Plural(len(ignoredQuestions), "was", "were")))
			}
			if len(ignoredRisks) > 0 {
				inform(a.stderr, fmt.Sprintf("File %s rates %s we rate ourselves (%s): %s what we recorded, and %s ignored",
					safetext.OneLine(file), assess.Count(len(ignoredRisks), "risk", "risks"), strings.Join(ignoredRisks, ", "),
					assess.Plural(len(ignoredRisks), "it says", "they say"), assess.Plural(len(ignoredRisks), "was", "were")))
			}
			ctx := a.ctx(cmd)
			// What the file leaves out of an answer (the note and evidence
			// of "mfa: yes") stays as the assessment has it.
			answers, kept, leftAsSent := parsed.Changes(asmt.Answers, atSend)
			if overwrite {
				err = a.db.SaveAnswers(ctx, asmt.ID, answers)
			} else {
				err = a.db.SaveOwnAnswers(ctx, asmt.ID, answers)
			}
			var conflict *assess.ConflictError
			if errors.As(err, &conflict) {
				for _, theirs := range conflict.Theirs {
					fmt.Fprintln(a.stderr, messageLine(othersAnswer(file, theirs)))
				}
				return exitError{code: 1, msg: fmt.Sprintf("%s: nothing was recorded; --overwrite replaces answers others saved", file)}
			}
			if err != nil {
				return leftUnchanged(fmt.Errorf("%s: %w", file, err), "nothing was recorded")
			}
			var also []string
			for _, k := range []struct {
				n         int
				one, many string
			}{
				{kept, "as already recorded, kept as it was", "as already recorded, kept as they were"},
				{leftAsSent, "left as it was sent, kept as changed here since", "left as they were sent, kept as changed here since"},
			} {
				if k.n > 0 {
					also = append(also, assess.Count(k.n, k.one, k.many))
				}
			}
			suffix := ""
			if len(also) > 0 {
				suffix = " (" + strings.Join(also, "; ") + ")"
			}
			fmt.Fprintf(a.stdout, "recorded %s in assessment %d%s\n", assess.Count(len(answers), "answer", "answers"), asmt.ID, suffix)
			warnRaisedRisks(a.stderr, file, asmt, answers)
			if len(answers) > 0 {
				noteInReview(a.stderr, asmt)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "answers file (YAML)")
	cmd.Flags().BoolVar(&overwrite, "overwrite", false, "replace answers someone else saved")
	cmd.Flags().BoolVar(&vendor, "vendor", false, "the file came from the vendor: record its answers as theirs, unreviewed, whatever it says")
	cmd.Flags().BoolVar(&own, "own", false, "the answers are yours, though a file was sent to the vendor for this assessment")
	_ = cmd.MarkFlagRequired("file")
	return cmd
}

// warnRaisedRisks says, on w, which risks of the recorded answers are
// rated higher after the planned measures than as found: they are
// recorded as given, and want a check (measures do not raise a risk).
func warnRaisedRisks(w io.Writer, file string, asmt *assess.Assessment, recorded []assess.Answer) {
	given := map[string]bool{}
	for _, ans := range recorded {
		if ans.Value.Risk.HigherAfter() {
			given[ans.QuestionID] = true
		}
	}
	if len(given) == 0 {
		return
	}
	for _, ans := range recorded {
		asmt.Answers[ans.QuestionID] = ans
	}
	day, _ := today("")
	for _, rr := range assess.Evaluate(asmt, day).Result.Risks {
		if rose := rr.RaisedByMeasures(); given[rr.QuestionID] && len(rose) > 0 {
			fmt.Fprintln(w, messageLine(fmt.Sprintf("%s: %s is rated higher after the planned measures than as found (%s): recorded as given; check its ratings",
				file, rr.QuestionID, strings.Join(rose, "; "))))
		}
	}
}

// othersAnswer says whose answer a file would have replaced.
func othersAnswer(file string, theirs assess.Answer) string {
	return fmt.Sprintf("%s: question %s: %s saved it at %s: it says %s", file, theirs.QuestionID,
		theirs.UpdatedBy, theirs.UpdatedAt.UTC().Format("2006-01-02 15:04:05 UTC"), theirs.Describe())
}

// revisedChain lists the assessments a revises, the nearest first: a file
// sent for one of them is read into a.
func (a *app) revisedChain(cmd *cobra.Command, asmt *assess.Assessment) ([]*assess.Assessment, error) {
	var out []*assess.Assessment
	for id := asmt.RevisionOf; id != 0 && len(out) < 1000; {
		r, err := a.db.Assessment(a.ctx(cmd), id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
		id = r.RevisionOf
	}
	return out, nil
}

// sendingsRecordedSince is when assay send began recording each sending
// in the assessment's audit trail: an assay from before wrote sent lines
// it kept no record of.
var sendingsRecordedSince = time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)

// answersWhenSent is what asmt's answers were when assay send filled them
// into the file (ledger.AnswersAt, from its trail). The file's sent line
// must name a sending the trail records, when it records any: the vendor
// holds the file, and a later time would make answers changed here since
// read as left as they were sent. A trail with no sending is taken at the
// file's word only for a time before sendingsRecordedSince (a file an
// older assay sent): a later one names a sending that never was.
func (a *app) answersWhenSent(cmd *cobra.Command, file string, asmt *assess.Assessment, parsed *questionnaires.AnswersFile) (assess.Answers, error) {
	events, err := a.db.Events(a.ctx(cmd), asmt.ID)
	if err != nil {
		return nil, err
	}
	trail := make([]ledger.Record, len(events))
	for i, e := range events {
		trail[i] = e.Event
	}
	sendings := ledger.Sendings(trail)
	if len(sendings) > 0 && !slices.ContainsFunc(sendings, parsed.Sent.Equal) {
		return nil, exitError{code: 1, msg: fmt.Sprintf("%s:%d: sent: no file was sent for assessment %d at %s (assay send recorded %s): the line was changed; nothing was recorded",
			safetext.OneLine(file), parsed.SentLine, asmt.ID, safetext.OneLine(parsed.SentText), sendingTimes(sendings))}
	}
	if len(sendings) == 0 && !parsed.Sent.Before(sendingsRecordedSince) {
		return nil, exitError{code: 1, msg: fmt.Sprintf("%s:%d: sent: no file was sent for assessment %d at %s: no sending is on record for it, and assay has recorded each sending since %s; the line was changed; nothing was recorded",
			safetext.OneLine(file), parsed.SentLine, asmt.ID, safetext.OneLine(parsed.SentText), sendingsRecordedSince.Format("2006-01-02"))}
	}
	return ledger.AnswersAt(asmt.Answers, trail, parsed.Sent), nil
}

// checkSentLineKept refuses a file that says it is the vendor's, or is
// read with --vendor, but has no sent line, when a sending is on record
// for the assessment it names:
// assay send wrote the line, and without it nothing tells an answer the
// vendor left as it was sent from one they gave, so an answer corrected
// here after sending would be overwritten by the vendor's stale copy. A
// file for an assessment with no sending on record (kept before sendings
// were recorded, or written by hand) is read as it has always been.
func (a *app) checkSentLineKept(cmd *cobra.Command, file string, parsed *questionnaires.AnswersFile, asmt *assess.Assessment) error {
	events, err := a.db.Events(a.ctx(cmd), asmt.ID)
	if err != nil {
		return err
	}
	trail := make([]ledger.Record, len(events))
	for i, e := range events {
		trail[i] = e.Event
	}
	sendings := ledger.Sendings(trail)
	if len(sendings) == 0 {
		return nil
	}
	line := parsed.SourceLine
	if line == 0 {
		line = 1
	}
	// The times as a sent line gives them: a file the vendor wrote
	// themselves, read with --vendor, takes the line of the sending it
	// answers.
	return exitError{code: 1, msg: fmt.Sprintf("%s:%d: sent: missing; a file from assay send has a sent: line above its answers, saying when it was sent, "+
		"and a file was sent to the vendor for assessment %d (last on %s): put the line back as it was sent (the sendings on record: %s); nothing was recorded",
		safetext.OneLine(file), line, asmt.ID, sendings[len(sendings)-1].UTC().Format("2006-01-02 15:04 UTC"), sendingTimes(sendings))}
}

// sendingTimes lists the times of the sendings on record, the last three
// at most.
func sendingTimes(at []time.Time) string {
	if len(at) > 3 {
		at = at[len(at)-3:]
	}
	out := make([]string, len(at))
	for i, t := range at {
		out[i] = t.UTC().Format(time.RFC3339Nano)
	}
	return strings.Join(out, ", ")
}

// settleOrigin decides whose answers the file holds, or refuses it. A
// file that says it is the vendor's (assay send wrote it, or its source
// line says so) is theirs, and --own cannot make it the analyst's;
// --vendor makes any file theirs. A file that says neither is refused once
// a file was sent to the vendor for the assessment, or for the approved
// assessment it revises (sent, the assessment first): the vendor can
// delete the lines that say so, and only the analyst knows where the file
// came from, --vendor or --own.
func (a *app) settleOrigin(cmd *cobra.Command, file string, parsed *questionnaires.AnswersFile, vendor, own bool, sent []*assess.Assessment) error {
	switch {
	case vendor && own:
		return fmt.Errorf("give --vendor or --own, not both; nothing was recorded")
	case own && parsed.Source == assess.ByVendor:
		return fmt.Errorf("%s says it came from the vendor (assay send wrote it, or its source line says so): --own cannot make its answers yours; nothing was recorded", safetext.OneLine(file))
	case vendor:
		parsed.FromVendor()
		return nil
	case own || parsed.Source == assess.ByVendor:
		return nil
	}
	for _, s := range sent {
		at, found, err := a.db.LastSending(a.ctx(cmd), s.ID)
		if err != nil {
			return err
		}
		if found {
			return exitError{code: 1, msg: fmt.Sprintf("%s does not say it came from the vendor, but a file was sent to the vendor for assessment %d on %s (assay send): "+
				"read it with --vendor if it came back from them (with its sent: line as assay send wrote it), or --own if the answers are yours; nothing was recorded",
				safetext.OneLine(file), s.ID, at.UTC().Format("2006-01-02 15:04 UTC"))}
		}
	}
	return nil
}
