package fonts

import (
	"reflect"
	"testing"
)

// Every embedded face loads, and text falls back to the CJK face exactly
// for the characters the Latin faces lack.
func TestFacesLoadAndFallBack(t *testing.T) {
	for _, f := range Faces {
		if _, err := f.Font(); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range "AzÅÄöéŁłßΩЖ€–…×→" {
		if For(Sans, r) != Sans || For(SansBold, r) != SansBold {
			t.Errorf("%q does not come from DejaVu Sans", r)
		}
	}
	for _, r := range "株式会社テスト数据개인정보" {
		if For(Sans, r) != CJK || For(Mono, r) != CJK {
			t.Errorf("%q does not fall back to the CJK face", r)
		}
	}
	got := Split(SansBold, "Zoë 株式会社 ok")
	want := []Run{{SansBold, "Zoë "}, {CJK, "株式会社"}, {SansBold, " ok"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Split = %v, want %v", got, want)
	}
}
