package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// snapshots checks each questionnaire snapshot against its SHA-256: the
// snapshot is what scored the assessments that pin it, so an edited one
// changes their findings, severities and due dates. The questionnaire's
// ID and version kept beside it must be those its file says.
func (v *verifier) snapshots(ctx context.Context) (*Break, error) {
	rows, err := v.tx.QueryContext(ctx, `SELECT digest, questionnaire_id, version, source_name, source FROM questionnaire_snapshots ORDER BY digest`)
	if err != nil {
		return nil, err
	}
	type snap struct {
		digest, id, version, name string
		src                       []byte
	}
	var ok []snap
	for rows.Next() {
		var s snap
		if err := rows.Scan(&s.digest, &s.id, &s.version, &s.name, &s.src); err != nil {
			rows.Close()
			return nil, err
		}
		sum := sha256.Sum256(s.src)
		if got := hex.EncodeToString(sum[:]); got != s.digest {
			rows.Close()
			return &Break{Chain: "questionnaire snapshot", Name: short(s.digest),
				Reason: fmt.Sprintf("its SHA-256 is %s: the questionnaire's file was changed outside assay", short(got))}, nil
		}
		ok = append(ok, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	v.qs = map[string]*assess.Questionnaire{}
	for _, s := range ok {
		// Decoded from the YAML the digest covers, never from a compiled
		// form in the user's cache folder: that is checked for damage,
		// not for forgery (questionnaires/cache.go).
		q, err := v.db.verifyDecoder()(s.name, s.src)
		if err != nil {
			return &Break{Chain: "questionnaire snapshot", Name: short(s.digest), Reason: fmt.Sprintf("questionnaire snapshot %s no longer loads: %v", s.name, err)}, nil
		}
		if q.ID != s.id || q.Version != s.version {
			return &Break{Chain: "questionnaire snapshot", Name: short(s.digest),
				Reason: fmt.Sprintf("it is kept as %s %s but its file is %s %s: changed outside assay", s.id, s.version, q.ID, q.Version)}, nil
		}
		v.qs[s.digest] = q
	}
	return nil, nil
}

// checkCaches compares the summary and list summary stored with an
// assessment with scoring it again: the home screen, lists and due dates
// read those, so an edited one shows a level or a deadline the answers do
// not give. Neither depends on the day it is computed. Summaries stored
// by an assay with other scoring rules (both saying so) cannot be scored
// again as they were: they are not compared, and older is true.
func (v *verifier) checkCaches(a *assess.Assessment, o *ownerRows) (older bool, b *Break) {
	stored, list := o.a.row.s, o.a.list
	want := v.scores.score(o, a)
	if stored == want.summary && (list == "" || list == want.list) {
		return false, nil // written as scoring writes it: the common case, without decoding
	}
	if _, ok := olderScoring(stored, list); ok {
		return true, nil
	}
	brk := func(what string) *Break {
		return &Break{Chain: "assessment", OwnerID: a.ID, Reason: fmt.Sprintf("its stored %s is not what its answers score (level %s, %s): it was changed outside assay",
			what, want.s.Level, assess.Count(want.s.Findings, "finding", "findings"))}
	}
	got, err := decodeSummary(stored)
	if err != nil || !sameJSON(got, want.s) {
		return false, brk("summary")
	}
	if list == "" {
		return false, nil // a row from before migration 004 with a summary that was not JSON
	}
	gotList, err := decodeList(list)
	wantList, _ := decodeList(want.list)
	if err != nil || !sameJSON(gotList, wantList) {
		return false, brk("list summary")
	}
	return false, nil
}

// olderScoring reports the scoring version of a summary and list summary
// that both name the same version, not this assay's.
func olderScoring(summary, list string) (string, bool) {
	s, err := decodeSummary(summary)
	if err != nil || s.ScoringVersion == assess.ScoringVersion || s.ScoringVersion == "" {
		return "", false
	}
	if list != "" {
		l, err := decodeList(list)
		if err != nil || l.ScoringVersion != s.ScoringVersion {
			return "", false
		}
	}
	return s.ScoringVersion, true
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}
