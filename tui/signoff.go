package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/assay-dev/assay/assess"
)

// signOff is the form that moves the open assessment through its review
// (submit, approve, reject, withdraw), records a DPO's opinion, or starts
// a revision of an approved assessment. Every choice offered is one the
// lifecycle allows from the current state; the store checks again.
type signOff struct {
	sh      *shell
	form    *huh.Form
	signing bool
	failed  string // why the store refused, shown whole until a key is pressed
	// commentField is the comment's field, and refused why a paste into
	// it was not taken (until the next key).
	commentField *huh.Text
	refused      string
	// signingNote heads the comment's page: what is signed (signingText).
	signingNote *huh.Note
	opts        []huh.Option[string] // the decisions offered

	choice, comment string
	// acceptUnconfirmed is the reviewer's answer to whether the vendor's
	// answers nobody confirmed go forward as the vendor gave them.
	acceptUnconfirmed bool
	// seen is what the form showed when it opened: a colleague's save
	// after that makes the store refuse the approval or rejection, so
	// that nobody signs a change their screen never showed.
	seen assess.ReviewOption
	// typed is the comment as the form opened, for what ctrl+c names.
	typed []formValue
}

// commentLimit is how many characters a sign-off's comment may hold.
const commentLimit = 2000

// Choices that are not lifecycle actions.
const (
	choiceRevise = "revise"
	dpoPrefix    = "dpo:"
)

type signedMsg struct {
	id      int64 // the assessment signed, for words when a is not read
	a       *assess.Assessment
	revised bool
	err     error
}

func newSignOff(sh *shell) (screen, tea.Cmd) {
	a := sh.sess.a
	s := &signOff{sh: sh, seen: assess.SeenBySigner(a)}
	res := sh.sess.eval.Result
	opts := signChoices(a, res, sh.deps.decider())
	s.choice = opts[0].Value
	who := fmt.Sprintf("Assessment #%d, state: %s. You sign as %s on %s; the audit trail keeps the signature.",
		a.ID, a.Status.Words(), clean(sh.deps.Actor), sh.deps.Today())
	if withheld := withheldSaid(a, res, sh.deps.decider()); withheld != "" {
		who += " " + withheld
	}
	if moved := movedInReview(a, true); moved != "" {
		who += " Changed since the submission, and signed as changed: " + moved + "."
	}
	who += disagreeingSaid(sh.sess.eval.Result.Disagreements)
	// The comment has a page of its own: it says again what is signed,
	// the decision as chosen on the page before (set as the choice
	// changes, in Update: huh's DescriptionFunc draws it a frame late).
	s.opts = opts
	s.signingNote = huh.NewNote().Title("Sign off").Description(noteText(s.signingText()))
	s.commentField = huh.NewText().Title("Comment").Description("kept with the signature; a rejection or a reserved DPO opinion must say why").
		Value(&s.comment).CharLimit(commentLimit).Lines(3).Validate(s.commentOK)
	s.form = newForm(
		huh.NewGroup(
			huh.NewNote().Title("Sign off").Description(noteText(who)),
			huh.NewSelect[string]().Title("Decision").Options(opts...).Value(&s.choice),
		),
		s.unconfirmedStep(len(a.UnconfirmedVendorAnswers())),
		huh.NewGroup(
			s.signingNote,
			s.commentField,
		).WithHideFunc(func() bool { return s.choice == choiceRevise }),
	)
	s.form = fitForm(s.form, sh)
	s.typed = watch(formValue{what: "the comment being typed", v: &s.comment})
	return s, s.form.Init()
}

// unconfirmedStep asks, before a submit or an approval of an assessment
// holding n vendor answers nobody confirmed, whether to accept them as the
// vendor gave them. The store decides: declined, it refuses, as it refuses
// assay review without --accept-unconfirmed.
func (s *signOff) unconfirmedStep(n int) *huh.Group {
	them := "them"
	if n == 1 {
		them = "it"
	}
	return huh.NewGroup(
		huh.NewConfirm().Title(fmt.Sprintf("%d of the vendor's answers are unconfirmed", n)).
			Description(fmt.Sprintf("Nobody has confirmed or corrected %s (y in the interview). Accept %s as the vendor gave %s? "+
				"The audit trail records that you did, with the count.", them, them, them)).
			Affirmative("Accept them as given").Negative("No").Value(&s.acceptUnconfirmed),
	).WithHideFunc(func() bool {
		return n == 0 || (s.choice != string(assess.ActSubmit) && s.choice != string(assess.ActApprove))
	})
}

// actionLabels say what each lifecycle action does, in the order offered.
var actionLabels = []struct {
	action assess.Action
	label  string
}{
	{assess.ActSubmit, "Submit for review"},
	{assess.ActApprove, "Approve: it is then locked"},
	{assess.ActReject, "Reject: send it back, saying what must change"},
	{assess.ActWithdraw, "Withdraw to draft"},
}

// rejectForbiddenLabel offers Reject for an assessment whose answers
// describe a use the law forbids.
const rejectForbiddenLabel = "Reject: record that the system must not be used, saying why"

// nothingToSign says why a login has no decision to take on a, "" when
// it has one.
func nothingToSign(sh *shell, a *assess.Assessment) string {
	return nothingToSignFor(sh.deps, a, sh.sess.eval.Result)
}

// nothingToSignFor is nothingToSign for d's login; res is a's answers as
// already scored (nil: scored now).
func nothingToSignFor(d Deps, a *assess.Assessment, res *assess.Result) string {
	who := d.decider()
	if len(signChoices(a, res, who)) > 0 {
		return ""
	}
	if a.Archive.Archived() {
		return fmt.Sprintf("nothing to sign: #%d is archived (set aside as started by mistake); restore it first (a on it in the archived list)", a.ID)
	}
	why := fmt.Sprintf("nothing to sign: login %s has %s, and #%d is %s", clean(d.Login), assess.RoleWords(d.Roles), a.ID, a.Status.Words())
	if sub, ok := who.WithheldByFourEyes(a); ok {
		why += fmt.Sprintf(", which you submitted on %s: another approver decides (four eyes)", sub.On)
	}
	return why
}

// decider is who signs here, as the domain decides what they may do: on
// a team database (Roles not nil) four eyes always hold, the server
// enforcing them; on a file, when the config file sets four_eyes.
func (d Deps) decider() assess.Decider {
	return assess.Decider{Name: d.Actor, Roles: d.Roles, FourEyes: d.FourEyes || d.Roles != nil}
}

// withheldSaid says why Approve and Reject are not offered to who, the
// person who submitted a, or why Approve is not, a's answers describing a
// use the law forbids, before they choose or type anything; "" when
// they are not withheld. The store refuses them anyway (a team's server
// last); this spares the person a comment typed for a refusal. res is a's
// answers as already scored (nil: scored now).
func withheldSaid(a *assess.Assessment, res *assess.Result, who assess.Decider) string {
	if f, forbidden := who.ApprovalWithheldForUse(a, res); forbidden {
		return "Approve is not offered: " + clean(assess.ForbiddenUseWords(f)) + ". Reject it, saying so."
	}
	sub, ok := who.WithheldByFourEyes(a)
	if !ok {
		return ""
	}
	text := fmt.Sprintf("Approve and Reject are not offered: you submitted it for review on %s; another approver decides (four eyes)", sub.On)
	if who.MayTakeScored(a, res, assess.ActWithdraw) {
		text += ", or withdraw it to draft"
	}
	return text + "."
}

// signChoices are the decisions who may take on a (assess.Decider
// decides: the lifecycle, a team login's roles, four eyes), in the order
// offered: the lifecycle's actions, a DPO opinion before approval, or a
// revision after it.
func signChoices(a *assess.Assessment, res *assess.Result, who assess.Decider) []huh.Option[string] {
	var opts []huh.Option[string]
	add := func(label, value string) { opts = append(opts, huh.NewOption(label, value)) }
	if who.MayRevise(a) {
		add("Start a revision: a new draft with these answers and plan", choiceRevise)
	}
	_, forbidden := who.ApprovalWithheldForUse(a, res)
	for _, al := range actionLabels {
		if !who.MayTakeScored(a, res, al.action) {
			continue
		}
		label := al.label
		if al.action == assess.ActReject && forbidden {
			// Nothing can be changed to make a prohibited use approvable:
			// the rejection is the committee's decision that it must not be used.
			label = rejectForbiddenLabel
		}
		add(label, string(al.action))
	}
	if who.MayGiveDPOOpinion(a) {
		add("DPO opinion: favourable", dpoPrefix+assess.DPOFavourable)
		add("DPO opinion: favourable with reservations", dpoPrefix+assess.DPOReservations)
		add("DPO opinion: unfavourable", dpoPrefix+assess.DPOUnfavourable)
	}
	return opts
}

// signingText says, over the comment, what is signed and by whom.
func (s *signOff) signingText() string {
	a := s.sh.sess.a
	return fmt.Sprintf("Assessment #%d, state: %s. Decision: %s. You sign as %s on %s.",
		a.ID, a.Status.Words(), choiceLabel(s.opts, s.choice), clean(s.sh.deps.Actor), s.sh.deps.Today())
}

// choiceLabel is the words the decision value was offered with.
func choiceLabel(opts []huh.Option[string], value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Key
		}
	}
	return value
}

// commentOK asks for the reasons the domain will insist on, in the form,
// where they can still be typed.
func (s *signOff) commentOK(c string) error {
	if err := assess.CheckText("comment", c); err != nil {
		return err
	}
	if needsComment(s.choice) && strings.TrimSpace(cleanBlock(c)) == "" { // as the store will read it
		return errors.New("say why: this decision needs a comment")
	}
	return nil
}

// needsComment reports whether a decision must say why: a rejection, or
// a DPO opinion other than favourable.
func needsComment(choice string) bool {
	return choice == string(assess.ActReject) ||
		(strings.HasPrefix(choice, dpoPrefix) && choice != dpoPrefix+assess.DPOFavourable)
}

func (s *signOff) Title() string   { return s.sh.sess.where() }
func (s *signOff) Capturing() bool { return !s.signing && s.failed == "" }
func (s *signOff) KeyMap() keyMap {
	if s.failed != "" {
		return refusedKeyMap
	}
	return formKeyMap
}

func (s *signOff) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case signedMsg:
		return s.signed(msg)
	case tea.KeyPressMsg:
		if s.signing {
			return s, nil
		}
		if s.failed != "" || msg.String() == "esc" {
			return newReview(s.sh), nil
		}
	}
	if s.signing {
		return s, nil
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		s.form = fitForm(s.form, s.sh)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		s.refused = ""
	case tea.PasteMsg:
		if s.form.GetFocusedField() == huh.Field(s.commentField) {
			if s.refused = pasteTooLong(s.commentField, msg, commentLimit); s.refused != "" {
				return s, nil
			}
		}
	}
	var cmd tea.Cmd
	before := s.form.State
	errsBefore := formErrors(s.form)
	s.form, cmd = stepForm(s.form, msg)
	if formErrors(s.form) != errsBefore {
		s.form = fitForm(s.form, s.sh) // room for the errors under it
	}
	s.signingNote.Description(noteText(s.signingText()))
	switch {
	case s.form.State == huh.StateCompleted && before == huh.StateNormal:
		// Signed when the form completes, and only then: it stays
		// completed under a refusal, and a message after it (a blink,
		// a resize) signed again, dropping the key meant to leave.
		s.signing = true
		return s, tea.Batch(cmd, s.sign())
	case s.form.State == huh.StateAborted:
		return newReview(s.sh), nil
	}
	return s, cmd
}

// sign runs the decision in the store once every queued answer is
// written, so that what is signed is what was typed.
func (s *signOff) sign() tea.Cmd {
	d, id, today := s.sh.deps, s.sh.sess.a.ID, s.sh.deps.Today()
	choice, comment := s.choice, strings.TrimSpace(s.comment)
	opts := []assess.ReviewOption{s.seen}
	if s.acceptUnconfirmed {
		opts = append(opts, assess.AcceptUnconfirmed)
	}
	gov := d.Governance
	// Quitting waits for it, and says what became of it (saver).
	what := fmt.Sprintf("#%d %s: the sign-off (%s)", id, clean(s.sh.sess.a.Subject), choiceLabel(s.opts, choice))
	return s.sh.saves.signAfterWrites(what, func() tea.Msg {
		// Within a write's deadline (withinDeadline): a server that
		// accepts and never answers left the screen on "Signing…", and
		// quitting waiting, for as long.
		a, err := withinDeadline(d, func(ctx context.Context) (*assess.Assessment, error) {
			switch {
			case gov == nil:
				return nil, errors.New("signing is not available here")
			case choice == choiceRevise:
				return gov.Revise(ctx, id)
			case strings.HasPrefix(choice, dpoPrefix):
				return gov.RecordDPOOpinion(ctx, id, today, strings.TrimPrefix(choice, dpoPrefix), comment)
			}
			return gov.Review(ctx, id, assess.Action(choice), today, comment, opts...)
		})
		return signedMsg{id: id, a: a, revised: choice == choiceRevise, err: err}
	})
}

// signed opens the result: the review of the signed assessment, or the
// interview of a new revision.
func (s *signOff) signed(msg signedMsg) (screen, tea.Cmd) {
	if outcomeNotKnown(msg.err) {
		// Given up for want of an answer, it may have been recorded:
		// never "Not signed". The review reads it again, and shows the
		// sign-off if the server recorded it.
		s.signing = false
		s.failed = fmt.Sprintf("Not known whether the sign-off was recorded: %s. The review reads #%d again and shows it if it was; sign again only if it was not.",
			notKnownWhy(msg.err), msg.id)
		return s, s.sh.refresh()
	}
	if msg.err != nil {
		// A refusal can be long (who submitted, when, what the rule
		// is): it gets the screen rather than the one-line status.
		s.signing = false
		s.failed = "Not signed: " + said(msg.err)
		if assess.ErrorCode(msg.err) == assess.EConflict {
			// Changed meanwhile (by a colleague, or a save of this
			// window's that failed): the review shows it as stored.
			return s, s.sh.refresh()
		}
		return s, nil
	}
	// The plan's acceptances are dated as they were: a revision's
	// are those of the assessment it revises.
	s.sh.sess = newSessionDated(msg.a, s.sh.deps.Today(), s.sh.sess.stamps)
	if msg.revised {
		s.sh.flash = fmt.Sprintf("Revision %d started as assessment #%d: a draft, linked to #%d", msg.a.Revision, msg.a.ID, msg.a.RevisionOf)
		return newInterview(s.sh)
	}
	s.sh.flash = signedText(msg.a)
	return newReview(s.sh), nil
}

// signedText says what the last signature did.
func signedText(a *assess.Assessment) string {
	if len(a.SignOffs) == 0 {
		return ""
	}
	sig := a.SignOffs[len(a.SignOffs)-1]
	text := fmt.Sprintf("#%d is %s: %s by %s on %s", a.ID, a.Status.Words(), sig.Decision, clean(sig.Name), sig.On)
	if sig.Role == assess.RoleDPO {
		text = fmt.Sprintf("DPO opinion on #%d: %s, by %s on %s", a.ID, sig.Decision, clean(sig.Name), sig.On)
	}
	if a.Status == assess.Approved {
		text += "; it is locked"
	}
	return text
}

// lifecycleLine is the review's line on where the assessment stands and
// what S does next for a login with roles (nil: a person's own file, who
// takes every decision). res is a's answers as its session scored them:
// the line is drawn at every frame, and scoring them again each time
// would cost a frame a whole score.
func lifecycleLine(a *assess.Assessment, res *assess.Result, who assess.Decider) string {
	roles := who.Roles
	text := "State: " + a.Status.Words()
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		sig := a.SignOffs[i]
		if sig.Role == assess.RoleDPO {
			continue // an opinion, not a change of state
		}
		if sig.Decision != string(a.Status) {
			text += ", " + sig.Decision
		}
		text += fmt.Sprintf(" by %s on %s", clean(sig.Name), sig.On)
		break
	}
	if moved := movedInReview(a, false); moved != "" {
		text += " · " + moved + " changed since"
	}
	if a.Archive.Archived() && a.Status != assess.Approved {
		return text + " · archived: restore it to sign it"
	}
	if roles != nil {
		return text + teamNextStep(a, res, who)
	}
	if _, withheld := who.WithheldByFourEyes(a); withheld {
		return text + " · you submitted it: another approver decides; S withdraws it to draft"
	}
	switch a.Status {
	case assess.Approved:
		return text + " · locked; S starts a revision"
	case assess.InReview:
		if _, forbidden := who.ApprovalWithheldForUse(a, res); forbidden {
			return text + " · S rejects: it must not be used"
		}
		return text + " · S approves or rejects"
	}
	return text + " · S submits it for review"
}

// movedInReview counts, and with ids names, the answers and plan items of
// an assessment in review changed since its submission
// (Assessment.ChangedInReviewWords), "" for one not in review. Review does
// not stop the analysts, so the approver is told before signing.
func movedInReview(a *assess.Assessment, ids bool) string {
	if a.Status != assess.InReview {
		return ""
	}
	return clean(a.ChangedInReviewWords(ids))
}

// nextStepWords say what each decision of the sign-off does, as S's hint.
var nextStepWords = map[string]string{
	string(assess.ActSubmit): "submits it for review", string(assess.ActApprove): "approves",
	string(assess.ActReject): "rejects", string(assess.ActWithdraw): "withdraws it to draft",
	choiceRevise: "starts a revision",
}

// teamNextStep is what S does for a team login: the decisions its roles
// allow (signChoices), not those of another role, which the server
// refuses.
func teamNextStep(a *assess.Assessment, res *assess.Result, who assess.Decider) string {
	var does []string
	opinion := false
	for _, o := range signChoices(a, res, who) {
		if strings.HasPrefix(o.Value, dpoPrefix) {
			opinion = true
		} else {
			does = append(does, nextStepWords[o.Value])
		}
	}
	if opinion {
		does = append(does, "records the DPO's opinion")
	}
	locked := ""
	if a.Status == assess.Approved {
		locked = " · locked"
	}
	switch len(does) {
	case 0:
		return locked + " · nothing for you to sign"
	case 1:
		return locked + " · S " + does[0]
	}
	return locked + " · S " + strings.Join(does[:len(does)-1], ", ") + " or " + does[len(does)-1]
}

func (s *signOff) View(width, height int) string {
	if s.signing {
		return s.sh.st.muted.Render("Signing…")
	}
	if s.failed != "" {
		return lines(s.sh.st.error.Render(wrap(s.failed, width)), "", s.sh.st.muted.Render("Any key goes back to the review."))
	}
	if s.refused != "" {
		return formAbove(strings.Split(s.sh.st.error.Render(wrap(s.refused, width)), "\n"), formView(s.form, s.sh.st, min(width, 78)), height)
	}
	return formAbove(nil, formView(s.form, s.sh.st, min(width, 78)), height)
}

// Governance is what signing off needs from the store.
type Governance interface {
	Review(ctx context.Context, id int64, action assess.Action, on assess.Date, comment string, opts ...assess.ReviewOption) (*assess.Assessment, error)
	RecordDPOOpinion(ctx context.Context, id int64, on assess.Date, opinion, comment string) (*assess.Assessment, error)
	Revise(ctx context.Context, id int64) (*assess.Assessment, error)
}

// untyped names a comment typed and not signed with.
func (s *signOff) untyped() []Untyped {
	if s.form == nil || s.signing {
		return nil
	}
	return changedValues(s.typed, "for the sign-off of "+s.sh.sess.where(), "quit before it was signed")
}
