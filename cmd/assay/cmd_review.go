package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

func (a *app) reviewCommand() *cobra.Command {
	var submit, approve, reject, withdraw, acceptUnconfirmed bool
	var comment, date string
	cmd := &cobra.Command{
		Use:   "review ID",
		Short: "Submit an assessment for review, or approve or reject it, signed with your name",
		Long: `Move an assessment through its review: draft -> in review -> approved or
rejected. Each step is a signature with your name (--reviewer, $ASSAY_REVIEWER,
reviewer in the config file, or your login name), the date and your comment,
recorded in the audit trail.

  --submit    a draft or a rejected assessment goes to review
  --approve   an assessment in review is approved, and locked: nothing in it
              can change again; use assay revise to start a revision
  --reject    an assessment in review goes back to its author; say why
  --withdraw  an assessment in review goes back to draft

An assessment can only be approved when every question is answered, and a
further risk the analyst adds (named in its note) is submitted or approved
only once its note names it. One that
holds answers from a vendor's file that nobody has confirmed (y in the
interview) or corrected is submitted or approved only with
--accept-unconfirmed: you accept them as the vendor gave them, and the audit
trail records that with their count. Answers the questionnaire's consistency
checks find disagreeing stop a submission until one of them is changed or
someone explains why both stand (assay explain); an approval stops only for
a disagreement whose answers changed after the submission. The report lists
each disagreement with its explanation before its appendix.

An assessment whose answers describe a use the law forbids (a practice the
EU AI Act prohibits) is never approved: reject it, saying the system must
not be used.`,
		Example: `  assay review 3 --submit --comment "Ready for the committee"
  assay --reviewer "Rui Costa" review 3 --approve \
    --comment "Plan agreed with the vendor"
  assay review 3 --reject \
    --comment "Evidence for the SOC 2 answers is missing"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var actions []assess.Action
			for flag, act := range map[*bool]assess.Action{&submit: assess.ActSubmit, &approve: assess.ActApprove, &reject: assess.ActReject, &withdraw: assess.ActWithdraw} {
				if *flag {
					actions = append(actions, act)
				}
			}
			if len(actions) != 1 {
				return fmt.Errorf("give one of --submit, --approve, --reject or --withdraw")
			}
			db, id, on, err := a.signing(args[0], date)
			if err != nil {
				return err
			}
			var opts []assess.ReviewOption
			if acceptUnconfirmed {
				opts = append(opts, assess.AcceptUnconfirmed)
			}
			asmt, err := db.Review(a.ctx(cmd), id, actions[0], on, comment, opts...)
			if err != nil {
				return err
			}
			if open := asmt.UnconfirmedVendorAnswers(); len(open) > 0 && (actions[0] == assess.ActSubmit || actions[0] == assess.ActApprove) {
				fmt.Fprintf(a.stdout, "Accepted %s nobody has confirmed, as the vendor gave them; the audit trail records it.\n", assess.Count(len(open), "vendor answer", "vendor answers"))
			}
			s := asmt.SignOffs[len(asmt.SignOffs)-1]
			fmt.Fprintf(a.stdout, "Assessment %d is now %s: %s by %s on %s.\n", asmt.ID, asmt.Status.Words(),
				s.Decision, safetext.OneLine(s.Name), s.On)
			if actions[0] == assess.ActSubmit || actions[0] == assess.ActApprove {
				a.warnDisagreements(asmt, on)
			}
			if asmt.Status == assess.Approved {
				if moved := asmt.ChangedInReviewWords(true); moved != "" {
					fmt.Fprintf(a.stdout, "Changed after it was submitted, and approved as changed: %s.\n", safetext.OneLine(moved))
				}
				fmt.Fprintf(a.stdout, "It is locked; to change it, start a revision: assay revise %d\n", asmt.ID)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&submit, "submit", false, "submit the assessment for review")
	f.BoolVar(&approve, "approve", false, "approve it (it is then locked)")
	f.BoolVar(&reject, "reject", false, "reject it, with a --comment saying what must change")
	f.BoolVar(&withdraw, "withdraw", false, "take it back from review to draft")
	f.BoolVar(&acceptUnconfirmed, "accept-unconfirmed", false, "submit or approve although some of the vendor's answers are unconfirmed, accepting them as given")
	f.StringVar(&comment, "comment", "", "your comment, kept with the signature")
	f.StringVar(&date, "date", "", "the date of the signature, YYYY-MM-DD (default today)")
	return cmd
}

func (a *app) dpoCommand() *cobra.Command {
	var opinion, comment, date string
	cmd := &cobra.Command{
		Use:   "dpo ID --opinion OPINION",
		Short: "Record the data protection officer's opinion on a privacy assessment",
		Long: `Record the data protection officer's opinion on a privacy assessment (a DPIA,
a pre-screen, a data licensing or dataset assessment), signed with your name
(--reviewer, $ASSAY_REVIEWER, the config file, or your login name). The
opinion is one of: favourable, favourable-with-reservations, unfavourable; the
last two need a --comment giving the reasons. The opinion is given before the
assessment is approved: an approved assessment is locked.`,
		Example: `  assay --reviewer "Dee Pio" dpo 4 \
    --opinion favourable-with-reservations \
    --comment "Shorten retention to 12 months"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, id, on, err := a.signing(args[0], date)
			if err != nil {
				return err
			}
			asmt, err := db.RecordDPOOpinion(a.ctx(cmd), id, on, opinion, comment)
			if err != nil {
				return err
			}
			op, _ := asmt.DPOOpinion()
			fmt.Fprintf(a.stdout, "DPO opinion on assessment %d: %s, by %s on %s.\n", asmt.ID, op.Decision, safetext.OneLine(op.Name), op.On)
			if qr, disagrees := assess.DPOOpinionNotAnswered(asmt, assess.Evaluate(asmt, on).Result); disagrees {
				inform(a.stderr, fmt.Sprintf("%s (assay answer %d, or the interview)", safetext.OneLine(assess.DPOOpinionNote(qr)), asmt.ID))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opinion, "opinion", "", "the opinion: favourable, favourable-with-reservations or unfavourable")
	cmd.Flags().StringVar(&comment, "comment", "", "the DPO's reasons and conditions")
	cmd.Flags().StringVar(&date, "date", "", "the date of the opinion, YYYY-MM-DD (default today)")
	_ = cmd.MarkFlagRequired("opinion")
	return cmd
}

// signing is what every signature needs before the store: the
// assessment's ID, the day (--date, default today), a signer's name, and
// the database.
func (a *app) signing(arg, date string) (db *store.DB, id int64, on assess.Date, err error) {
	if id, err = assessmentID(arg); err != nil {
		return nil, 0, on, err
	}
	if on, err = signDate(date); err != nil {
		return nil, 0, on, err
	}
	if _, err = a.signer(); err != nil {
		return nil, 0, on, err
	}
	db, err = a.store()
	return db, id, on, err
}

func (a *app) reviseCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "revise ID",
		Short: "Start a revision of an approved assessment and print its ID",
		Long: `An approved assessment is locked. To change it, start a revision: a new draft
of the same subject and questionnaire version, with a copy of the answers,
notes, evidence and plan edits, numbered one more and linked to the approved
assessment, which stays as it was. Review and approve the revision as usual.
Prints the new ID alone on stdout, for scripts, and on stderr which revision of
which assessment it is.`,
		Example: `  assay revise 3`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := assessmentID(args[0])
			if err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			rev, err := db.Revise(a.ctx(cmd), id)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, rev.ID)
			// Information, on stderr so that stdout stays the ID alone for
			// scripts.
			inform(a.stderr, fmt.Sprintf("Assessment %d is revision %d of approved assessment %d, which stays as it was", rev.ID, rev.Revision, rev.RevisionOf))
			return nil
		},
	}
}

func assessmentID(arg string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(arg), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not an assessment ID (see assay list)", arg)
	}
	return id, nil
}

// signDate reads --date, or today.
func signDate(s string) (assess.Date, error) {
	if s == "" {
		return today("")
	}
	d, err := assess.ParseRecordDate(s)
	if err != nil {
		return assess.Date{}, fmt.Errorf("--date: %w", err)
	}
	return d, nil
}

// noteInReview tells whoever changes an assessment in review that the
// change is one its approver is shown: review does not stop the analysts.
func noteInReview(w io.Writer, a *assess.Assessment) {
	if a.Status == assess.InReview {
		inform(w, fmt.Sprintf("Assessment %d is in review: its approver is shown what changed since the submission", a.ID))
	}
}
