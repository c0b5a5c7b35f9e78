package tui

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Others' changes to the plan: the plan screen shows them as they are
// saved (refreshed), and the status line says who changed which item's
// which fields, as it does for answers (othersNote). A plan edit does not
// carry who made it: who set each field last is read from the store
// (planStamper) by a command, and the line is said when it arrives.

// planItemChange is a plan item others changed, and which of its fields.
type planItemChange struct {
	key    string
	fields []assess.PlanField
}

// planWhoMsg is who set the fields of the plan items others changed, read
// after one refresh. answers is the line that refresh said about answers,
// which the plan's words join while it still shows.
type planWhoMsg struct {
	id      int64
	changes []planItemChange
	stamps  map[string]map[assess.PlanField]assess.FieldStamp
	answers string
	// err says why who changed them was not read: said with the change,
	// which is then put to no one rather than to nobody.
	err error
}

// planChanged lists, by key, the plan items whose edit differs between
// before and fresh, and the fields that differ. Items with a conflict to
// settle here are left out: the conflict says who changed them.
func planChanged(before, fresh map[string]assess.PlanEdit, conflicts map[string]planConflict) []planItemChange {
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range fresh {
		keys[k] = true
	}
	var out []planItemChange
	for k := range keys {
		if _, conflicted := conflicts[k]; conflicted {
			continue
		}
		was, now := before[k], fresh[k]
		if was.SameAs(now) {
			continue
		}
		c := planItemChange{key: k}
		for _, f := range assess.PlanFields {
			if was.Describe(f) != now.Describe(f) {
				c.fields = append(c.fields, f)
			}
		}
		if !sameMilestones(was.Milestones, now.Milestones) {
			c.fields = append(c.fields, assess.FieldMilestones)
		}
		if len(c.fields) > 0 {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func sameMilestones(a, b []assess.Milestone) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// readPlanWho reads who set each field of the changed items last, within
// a write's deadline (withinDeadline): a server that accepts and never
// answers left the change unsaid. A store that cannot say leaves them
// unnamed; a read that fails or goes unanswered is said (planWhoMsg.err).
func readPlanWho(d Deps, id int64, changes []planItemChange, answers string) tea.Cmd {
	return func() tea.Msg {
		msg := planWhoMsg{id: id, changes: changes, answers: answers, stamps: map[string]map[assess.PlanField]assess.FieldStamp{}}
		st, ok := d.Repo.(planStamper)
		if !ok {
			return msg
		}
		stamps, err := withinDeadline(d, func(ctx context.Context) (map[string]map[assess.PlanField]assess.FieldStamp, error) {
			read := map[string]map[assess.PlanField]assess.FieldStamp{}
			for _, c := range changes {
				stamps, err := st.PlanFieldStamps(ctx, id, c.key)
				if err != nil {
					return nil, err
				}
				read[c.key] = stamps
			}
			return read, nil
		})
		if err != nil {
			msg.err = err
			return msg
		}
		msg.stamps = stamps
		return msg
	}
}

// planWho says who changed the plan, on the assessment's views, joined to
// the refresh's line about answers while that still shows.
func (m Model) planWho(msg planWhoMsg) Model {
	if s := m.sh.sess; s == nil || s.a.ID != msg.id {
		return m
	}
	if _, inView := m.cur.(tabbed); !inView {
		return m
	}
	note := othersPlanNote(msg, m.sh.deps.Actor)
	if note == "" {
		return m
	}
	if msg.answers != "" && m.sh.flash == msg.answers {
		note = msg.answers + "; " + note
	}
	m.sh.flash, m.sh.othersSaid = note, note
	return m
}

// othersPlanNote says who changed which plan items' fields, as the store
// recorded each field's last change: the same person's own changes from
// another window are theirs, not others'.
func othersPlanNote(msg planWhoMsg, me string) string {
	if msg.err != nil {
		return unknownPlanAuthors(msg)
	}
	var order []string
	by := map[string][]string{}
	for _, c := range msg.changes {
		var whose []string // the people who set its changed fields, in order
		fields := map[string][]string{}
		for _, f := range c.fields {
			who := msg.stamps[c.key][f].By
			if _, ok := fields[who]; !ok {
				whose = append(whose, who)
			}
			fields[who] = append(fields[who], string(f))
		}
		for _, who := range whose {
			if _, ok := by[who]; !ok {
				order = append(order, who)
			}
			by[who] = append(by[who], c.key+" ("+strings.Join(fields[who], ", ")+")")
		}
	}
	return changedBy(order, by, me, "plan item")
}

// unknownPlanAuthors says which plan items' fields others changed when
// who changed them was not read, and why: "changed elsewhere", which a
// store that records no one says, would put them to nobody.
func unknownPlanAuthors(msg planWhoMsg) string {
	parts := make([]string, 0, len(msg.changes))
	for _, c := range msg.changes {
		fields := make([]string, len(c.fields))
		for i, f := range c.fields {
			fields[i] = string(f)
		}
		parts = append(parts, c.key+" ("+strings.Join(fields, ", ")+")")
	}
	items, it := "plan item ", "it"
	if len(parts) > 1 {
		items, it = "plan items ", "them"
	}
	return clean(items + strings.Join(parts, ", ") + " changed; who changed " + it + " was not read: " + said(msg.err))
}
