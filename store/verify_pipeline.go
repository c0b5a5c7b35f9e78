package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/assay-dev/assay/assess"
)

// each checks every owner of chain c (only the assessment only, when it
// is not 0) in id order and returns the first break: one goroutine reads
// batches of owners on the store's connection while the others check the
// batches already read; the results are taken in batch order, so the
// break reported is the one the owners' order puts first, as if they
// were checked one after another. present collects the UUIDs seen. With
// every owner checked, a record of an owner that no longer exists is a
// break too.
func (v *verifier) each(parent context.Context, c chain, only int64, present map[string]bool) (*Break, error) {
	ctx, cancel := context.WithCancel(parent)
	batches := make(chan *ownerBatch, 2)
	results := make(chan *batchResult, 2)
	var readErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		readErr = v.readAll(ctx, c, only, batches)
	})
	var workers sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		workers.Go(func() {
			for b := range batches {
				res := &batchResult{batch: b, owners: make([]ownerResult, len(b.owners))}
				for i, o := range b.owners {
					if ctx.Err() != nil {
						break
					}
					res.owners[i] = v.checkOwner(c, o)
				}
				select {
				case results <- res:
				case <-ctx.Done():
				}
			}
		})
	}
	go func() { workers.Wait(); close(results) }()
	// Stop the reader and the workers, and wait for them: the caller uses
	// the transaction next.
	stop := func() {
		cancel()
		for range results {
		}
		wg.Wait()
	}
	var orphan *Break
	waiting := map[int]*batchResult{}
	next := 0
	for res := range results {
		waiting[res.batch.index] = res
		for waiting[next] != nil {
			r := waiting[next]
			delete(waiting, next)
			next++
			if b := r.batch.orphan; b != nil && (orphan == nil || b.EventID < orphan.EventID) {
				orphan = b
			}
			for _, o := range r.owners {
				v.res.Records += o.records
				if o.uuid != "" {
					present[o.uuid] = true
				}
				if v.latest != nil && o.latest != nil {
					v.latest[o.uuid] = *o.latest
				}
				if c == assessmentChain {
					v.res.Assessments++
				} else {
					v.res.Subjects++
				}
				if o.older {
					v.res.OlderScoring++
				}
				if o.brk != nil || o.err != nil {
					stop()
					return o.brk, o.err
				}
			}
			v.progress.add(len(r.owners))
		}
	}
	stop()
	if readErr != nil {
		return nil, readErr
	}
	if err := parent.Err(); err != nil {
		return nil, err
	}
	return orphan, nil
}

// batchResult is what checking one batch found, owner by owner.
type batchResult struct {
	batch  *ownerBatch
	owners []ownerResult
}

// readAll reads chain c's owners batch by batch into batches.
func (v *verifier) readAll(ctx context.Context, c chain, only int64, batches chan<- *ownerBatch) error {
	after := int64(math.MinInt64)
	if only != 0 {
		after = only - 1
	}
	for i := 0; ; i++ {
		b, err := v.readBatch(ctx, c, after, only != 0)
		if err != nil {
			return err
		}
		b.index = i
		select {
		case batches <- b:
		case <-ctx.Done():
			return nil
		}
		if only != 0 || len(b.owners) < verifyBatchSize {
			return nil
		}
		after = b.owners[len(b.owners)-1].id
	}
}

// assessmentOf decodes an assessment as read, with its questionnaire as
// verify decoded it from the snapshot's YAML.
func (v *verifier) assessmentOf(o *ownerRows) (*assess.Assessment, error) {
	r := o.a
	a, err := r.row.finish()
	if err != nil {
		return nil, err
	}
	if a.Questionnaire = v.qs[r.row.digest]; a.Questionnaire == nil {
		return nil, fmt.Errorf("questionnaire snapshot %s: not in the database", r.row.digest)
	}
	a.Answers = make(assess.Answers, len(r.answers))
	for _, raw := range r.answers {
		ans, err := raw.decode(a.ID)
		if err != nil {
			return nil, err
		}
		a.Answers[ans.QuestionID] = ans
	}
	a.PlanEdits = make(map[string]assess.PlanEdit, len(r.plan))
	for _, p := range r.plan {
		var e assess.PlanEdit
		if err := json.Unmarshal([]byte(p.edit), &e); err != nil {
			return nil, unreadable("assessment", a.ID, "plan edit of "+p.key, err)
		}
		a.PlanEdits[p.key] = e
	}
	for _, s := range r.signOffs {
		so := assess.SignOff{ID: s.id, Role: s.role, Name: s.name, Decision: s.decision, Comment: s.comment, Seq: s.seq, At: parseStamp(s.at)}
		if so.On, err = assess.ParseDate(s.on); err != nil {
			return nil, fmt.Errorf("sign-off %d: %w", s.id, err)
		}
		a.SignOffs = append(a.SignOffs, so)
	}
	return a, nil
}

// progress reports how many owners verify has checked, of how many.
type progress struct {
	fn          func(done, total int)
	done, total int
}

func (p *progress) start(total int) {
	p.total = total
	if p.fn != nil {
		p.fn(0, total)
	}
}

func (p *progress) add(n int) {
	p.done += n
	if p.fn != nil {
		p.fn(p.done, p.total)
	}
}
