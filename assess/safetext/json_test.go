package safetext

import (
	"encoding/json"
	"strings"
	"testing"
)

// EscapeJSON leaves the data as it was (the same string decodes) but no
// C1 control or bidi override stays raw in the text.
func TestEscapeJSON(t *testing.T) {
	in := map[string]string{"s": "a\x1b[2J\u009b31m\u0085\u202eRTL\u202c\u2066x\u2069 Zürich – 東京 \u00a0ok"}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out := EscapeJSON(b)
	for _, r := range string(out) {
		if r >= 0x80 && r <= 0x9f || isBidiControl(r) || r == 0x1b {
			t.Errorf("%U left raw in %s", r, out)
		}
	}
	if !strings.Contains(string(out), `\u009b31m\u0085\u202eRTL`) || !strings.Contains(string(out), "Zürich – 東京 \u00a0ok") {
		t.Errorf("escaped %s", out)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["s"] != in["s"] {
		t.Errorf("round trip: %q, %v", back["s"], err)
	}
	plain := []byte(`{"a":"b"}`)
	if got := EscapeJSON(plain); &got[0] != &plain[0] {
		t.Error("plain JSON was copied")
	}
}
