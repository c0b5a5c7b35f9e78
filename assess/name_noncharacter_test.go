package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A noncharacter (U+FDD0 to U+FDEF, and the last two code points of every
// plane) is no text: a viewer shows a box or nothing, and every output
// drops it. safetext.FirstControl does not report one, so a name given
// with one was accepted, stored, and shown without it: "Ac<U+FDD0>me"
// listed as "Acme" while it is another name. A name given anew refuses
// it at its field, naming the character and where it is; a name as
// recorded (CheckStoredName, KeepName with the recorded name) stands, so
// that what an older assay stored still opens and imports.
func TestCleanNameRefusesNoncharacters(t *testing.T) {
	for _, tc := range []struct{ name, says string }{
		{"Ac\ufdd0me", "owner holds a noncharacter (U+FDD0) at character 3: a name holds only text"},
		{"Acme\ufdef", "owner holds a noncharacter (U+FDEF) at character 5: a name holds only text"},
		{"\ufffeAcme", "owner holds a noncharacter (U+FFFE) at character 1: a name holds only text"},
		{"Ac me\uffff", "owner holds a noncharacter (U+FFFF) at character 6: a name holds only text"},
		{"Ac\U0001fffeme", "owner holds a noncharacter (U+1FFFE) at character 3: a name holds only text"},
		{"Acme \U0010ffff", "owner holds a noncharacter (U+10FFFF) at character 6: a name holds only text"},
	} {
		if _, err := assess.CleanName("owner", tc.name); err == nil || err.Error() != tc.says {
			t.Errorf("%+q: %v\nwant %s", tc.name, err, tc.says)
		}
		if err := assess.CheckStoredName("owner", tc.name); err != nil {
			t.Errorf("%+q as recorded: %v", tc.name, err)
		}
		if got, err := assess.KeepName("owner", tc.name, tc.name); err != nil || got != tc.name {
			t.Errorf("%+q kept as recorded: %q, %v", tc.name, got, err)
		}
		if _, err := assess.KeepName("owner", tc.name+" Ltd", tc.name); err == nil {
			t.Errorf("%+q renamed keeping the noncharacter was accepted", tc.name)
		}
	}
	// Their neighbours are characters: the last before U+FDD0, the first
	// after U+FDEF, and the replacement character.
	for _, ok := range []string{"Acme\ufdcf", "Acme\ufdf0", "Acme\ufffd"} {
		if got, err := assess.CleanName("owner", ok); err != nil || got != ok {
			t.Errorf("%+q: %q, %v", ok, got, err)
		}
	}
}
