package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// README's short tour is what a newcomer types first, on a fresh machine,
// in this order: every line but the workspace's runs as written and
// succeeds, with the answers file README gives, the first questionnaire of
// docs/questionnaire-format.md as my-questionnaire.yaml and CISO
// Assistant's CISA library as cisa-vendor-scrm.yaml. The backup's line
// failed there: ~/backups did not exist, and assay backup creates no
// folder. And the tour gave --reviewer to assay new alone, so the
// answers that followed were recorded under the login name.
func TestReadmeTourRunsAsWritten(t *testing.T) {
	readme := readDoc(t, "../../README.md")
	tour := codeBlock(t, docSection(t, readme, "## A short tour"), "```sh\n")
	answers := codeBlock(t, docSection(t, readme, "### Answers files"), "```yaml\n")
	first := codeBlock(t, docSection(t, readDoc(t, "../../docs/questionnaire-format.md"), "## A first questionnaire"), "```yaml\n")
	cisa, err := os.ReadFile(filepath.Join("..", "..", "questionnaires", "convert", "testdata", "ciso", "cisa-vendor-scrm.yaml"))
	if err != nil {
		t.Fatal(err)
	}

	s := newCLISession(t)
	home := s.env["HOME"]
	delete(s.env, "ASSAY_DB") // the default place, as on a fresh machine
	delete(s.env, "XDG_DATA_HOME")
	delete(s.env, "XDG_CONFIG_HOME")
	delete(s.env, "ASSAY_REVIEWER") // the login name, unless the tour says otherwise
	work := t.TempDir()
	t.Chdir(work)
	for name, text := range map[string][]byte{"answers.yaml": []byte(answers), "my-questionnaire.yaml": []byte(first), "cisa-vendor-scrm.yaml": cisa} {
		if err := os.WriteFile(filepath.Join(work, name), text, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ran := 0
	for _, line := range strings.Split(strings.TrimSpace(tour), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		words := shellWords(t, strings.TrimSpace(cmd))
		for i, w := range words {
			if rest, ok := strings.CutPrefix(w, "~/"); ok {
				words[i] = filepath.Join(home, rest)
			}
		}
		switch {
		case len(words) == 1 && words[0] == "assay":
			continue // the workspace: workspace_flows_test.go drives it
		case len(words) == 2 && words[0] == "export":
			name, value, _ := strings.Cut(words[1], "=")
			s.env[name] = value
			continue
		case len(words) == 3 && words[0] == "mkdir" && words[1] == "-p":
			if err := os.MkdirAll(words[2], 0o700); err != nil {
				t.Fatal(err)
			}
			continue
		case len(words) == 0 || words[0] != "assay":
			t.Fatalf("the tour's line %q is not an assay command this test knows", line)
		}
		code, out, errOut := s.run("", words[1:]...)
		if code != 0 {
			t.Errorf("%s\nexit %d\nstdout:\n%s\nstderr:\n%s", strings.TrimSpace(cmd), code, out, errOut)
		}
		ran++
	}
	if ran < 8 {
		t.Fatalf("ran %d of the tour's commands; the tour changed shape", ran)
	}
	// One person took the tour: every change is theirs, not some under
	// --reviewer given once and the rest under the login name.
	var export struct {
		Events []struct{ Actor, Kind, Target string }
	}
	if err := json.Unmarshal([]byte(s.ok("export", "1")), &export); err != nil {
		t.Fatal(err)
	}
	for _, e := range export.Events {
		if e.Actor != "Dana Reyes" {
			t.Errorf("the tour's %s %s was recorded under %q, not Dana Reyes", e.Kind, e.Target, e.Actor)
		}
	}
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// docSection is the text of doc from heading to the next heading (## or
// ###; a code block's comments start with one #).
func docSection(t *testing.T, doc, heading string) string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("no heading %q", heading)
	}
	for _, next := range []string{"\n## ", "\n### "} {
		rest, _, _ = strings.Cut(rest, next)
	}
	return rest
}

// codeBlock is the first code block of text opened by fence.
func codeBlock(t *testing.T, text, fence string) string {
	t.Helper()
	_, rest, ok := strings.Cut(text, fence)
	if !ok {
		t.Fatalf("no %q block", strings.TrimSpace(fence))
	}
	block, _, _ := strings.Cut(rest, "```\n")
	return block
}

// shellWords splits a command line as sh does for what the tour holds:
// words, and double-quoted strings.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var w strings.Builder
	in, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			in, started = !in, true
		case r == ' ' && !in:
			if started {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if in {
		t.Fatalf("unbalanced quote in %q", line)
	}
	if started {
		words = append(words, w.String())
	}
	return words
}
