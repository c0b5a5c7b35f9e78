package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

func decp(s string) *decimal.Decimal {
	d := decimal.MustParse(s)
	return &d
}

// A number question with min, max or whole refuses what lies outside
// them, and says what it takes in the words the scale uses; at the
// bounds, and with no bounds at all, any number is taken.
func TestNumberRangeValidate(t *testing.T) {
	people := &assess.Question{ID: "people", Type: assess.TypeNumber, Unit: "people", Min: decp("0"), Whole: true}
	share := &assess.Question{ID: "share", Type: assess.TypeNumber, Unit: "percent", Min: decp("0"), Max: decp("100")}
	capped := &assess.Question{ID: "capped", Type: assess.TypeNumber, Max: decp("2.5")}
	whole := &assess.Question{ID: "whole", Type: assess.TypeNumber, Whole: true}
	dice := &assess.Question{ID: "dice", Type: assess.TypeNumber, Min: decp("1"), Max: decp("6"), Whole: true}
	free := &assess.Question{ID: "free", Type: assess.TypeNumber}
	cases := []struct {
		q    *assess.Question
		n    string
		want string // "" when taken
	}{
		{people, "-5", "question people takes a whole number of 0 or more, not -5"},
		{people, "2.5", "question people takes a whole number of 0 or more, not 2.5"},
		{people, "-0.000001", "question people takes a whole number of 0 or more, not -0.000001"},
		{people, "0", ""},
		{people, "100000", ""},
		{people, "999999999999", ""},
		{share, "-0.1", "question share takes a number from 0 to 100, not -0.1"},
		{share, "100.000001", "question share takes a number from 0 to 100, not 100.000001"},
		{share, "0", ""},
		{share, "100", ""},
		{share, "33.3", ""},
		{capped, "2.6", "question capped takes a number of 2.5 or less, not 2.6"},
		{capped, "2.5", ""},
		{capped, "-1000", ""},
		{whole, "0.5", "question whole takes a whole number, not 0.5"},
		{whole, "-3", ""},
		{dice, "0", "question dice takes a whole number from 1 to 6, not 0"},
		{dice, "7", "question dice takes a whole number from 1 to 6, not 7"},
		{dice, "3.5", "question dice takes a whole number from 1 to 6, not 3.5"},
		{dice, "1", ""},
		{dice, "6", ""},
		{free, "-5", ""},
		{free, "2.5", ""},
	}
	for _, c := range cases {
		n := decimal.MustParse(c.n)
		err := c.q.Validate(assess.Value{Number: &n}, nil)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s = %s: refused: %v", c.q.ID, c.n, err)
		case c.want != "" && err == nil:
			t.Errorf("%s = %s: taken, want %q", c.q.ID, c.n, c.want)
		case c.want != "" && err.Error() != c.want:
			t.Errorf("%s = %s:\n got %v\nwant %s", c.q.ID, c.n, err, c.want)
		}
	}
	// An answer of the wrong shape says the range too.
	err := people.Validate(assess.Value{Text: "lots"}, nil)
	if want := "question people (number) takes a whole number of 0 or more"; err == nil || err.Error() != want {
		t.Errorf("text for a count: %v, want %s", err, want)
	}
}

// NumberRange is what a number question takes, in words every place
// that describes it shares (the TUI, assay send, the refusal).
func TestNumberRangeWords(t *testing.T) {
	for _, c := range []struct {
		q    assess.Question
		want string
	}{
		{assess.Question{Type: assess.TypeNumber}, "a number"},
		{assess.Question{Type: assess.TypeNumber, Whole: true}, "a whole number"},
		{assess.Question{Type: assess.TypeNumber, Min: decp("0"), Whole: true}, "a whole number of 0 or more"},
		{assess.Question{Type: assess.TypeNumber, Max: decp("100")}, "a number of 100 or less"},
		{assess.Question{Type: assess.TypeNumber, Min: decp("-1.5"), Max: decp("1.5")}, "a number from -1.5 to 1.5"},
	} {
		if got := c.q.NumberRange(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
