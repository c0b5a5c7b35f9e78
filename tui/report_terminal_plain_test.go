package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/tui"
)

// Our own words in the report (an empty side "none", an owner
// "unassigned") are set in italics, which a terminal without colour
// (NO_COLOR, TERM=dumb) may not draw: there they stand between ⟨ and ⟩,
// which a user's text shows as ( and ), so that an owner typed "none",
// or "⟨none⟩", reads as typed. With colour, italics alone mark them.
func TestOwnWordsAreMarkedInATerminalWithoutColour(t *testing.T) {
	ours := document.Span{Text: "none", Style: document.Emph}
	doc := &document.Document{Blocks: []document.Block{
		&document.Table{Header: []document.Text{{{Text: "Ours"}}, {{Text: "Typed"}}, {{Text: "Typed marks"}}},
			Rows: [][]document.Text{{{ours}, {{Text: "none"}}, {{Text: "⟨none⟩"}}}}},
		&document.Paragraph{Text: document.Text{{Text: "Owner "}, {Text: "unassigned", Style: document.Emph}, {Text: ", not ⟨unassigned⟩."}}},
	}}
	for _, profile := range []colorprofile.Profile{colorprofile.ASCII, colorprofile.NoTTY} {
		got := ansi.Strip(tui.RenderReportInProfileForTest(doc, 60, profile))
		for _, want := range []string{"⟨none⟩ │ none  │ (none)\n", "Owner ⟨unassigned⟩, not (unassigned).\n"} {
			if !strings.Contains(got, want) {
				t.Errorf("profile %v: %q missing from:\n%s", profile, want, got)
			}
		}
		// glamour's notty style wrote italics as *…*, read as typed.
		if strings.Contains(got, "*") {
			t.Errorf("profile %v: an asterisk drawn:\n%s", profile, got)
		}
	}
	got := ansi.Strip(tui.RenderReportInProfileForTest(doc, 60, colorprofile.ANSI))
	if want := "none │ none  │ ⟨none⟩\n"; !strings.Contains(got, want) {
		t.Errorf("with colour: %q missing from:\n%s", want, got)
	}
}

// A terminal without colour whose locale is not UTF-8 draws ⟨ and ⟩ as
// < and >: a owner typed "<none>" read there as our "none". Our words
// stand between < and > there, and in every other text a <, a > and a
// backslash take a backslash before them, as Go quotes a string, so that
// only our marks are bare; glyphs a C locale draws as < or > (≤, ≥, ←,
// →) are typed marks as well.
func TestOwnWordsCannotBeTypedInAnASCIITerminalWithoutColour(t *testing.T) {
	ours := document.Span{Text: "none", Style: document.Emph}
	doc := &document.Document{Blocks: []document.Block{
		&document.Table{Header: []document.Text{{{Text: "Ours"}}, {{Text: "Typed"}}, {{Text: "Typed <>"}}, {{Text: "Typed ⟨⟩"}}},
			Rows: [][]document.Text{{{ours}, {{Text: "none"}}, {{Text: "<none>"}}, {{Text: "⟨none⟩"}}}}},
		&document.Paragraph{Text: document.Text{{Text: "Owner "}, {Text: "unassigned", Style: document.Emph},
			{Text: `, not <unassigned>, \<unassigned>, ≤unassigned≥ or ←unassigned→; x > 5.`}}},
	}}
	for _, profile := range []colorprofile.Profile{colorprofile.ASCII, colorprofile.NoTTY} {
		got := ansi.Strip(tui.RenderReportInASCIIForTest(doc, 200, profile))
		for _, want := range []string{
			`Ours   | Typed | Typed \<\> | Typed (`,
			`<none> | none  | \<none\>   | (none)` + "\n",
			`Owner <unassigned>, not \<unassigned\>, \\\<unassigned\>, \<unassigned\> or \<unassigned\>; x \> 5.` + "\n",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("profile %v: %q missing from:\n%s", profile, want, got)
			}
		}
		// glamour's notty style wrote italics as *…*, which read as typed
		// asterisks: our words are marked only as above.
		if strings.Contains(got, "*") {
			t.Errorf("profile %v: an asterisk drawn:\n%s", profile, got)
		}
	}
}
