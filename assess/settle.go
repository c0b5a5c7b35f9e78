package assess

// settle marks the levels that the questions still unanswered could
// change. An unanswered question counts as the worst answer, so a new
// assessment reads as the worst level before anyone has answered a
// thing; scored again with every unanswered question as the best answer,
// a level that comes out the same is settled (no answer still to come
// can change it), and one that differs is not rated yet, and lies between
// the two.
//
// Visibility is as the answers given make it: a question that only later
// answers would show is not part of either case.
func settle(res *Result, q *Questionnaire, answers Answers, asOf Date) {
	best := newScorer(q, answers, asOf)
	best.bestCase = true
	best.res = &Result{Questions: make([]QuestionResult, len(q.Questions))}
	best.questions()
	best.knockOuts()
	best.dimensions()
	best.rules()
	best.levels()
	for i := range res.Levels {
		l := &res.Levels[i]
		b, ok := best.res.Level(l.ID)
		if ok && b.Level != l.Level {
			l.Unsettled = true
			l.BestCase = b.Name()
		}
	}
}
