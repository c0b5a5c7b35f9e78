package yamlx

import (
	"fmt"

	"github.com/goccy/go-yaml/token"
)

// unsupportedDirective finds the first directive other than %YAML. %TAG
// only declares tags, which assay refuses (see resolve), and the parser
// either let it pass, when --- followed, or said "unexpected directive
// value. document not started", which tells an author nothing of why;
// an unknown directive (%FOO) was passed over. %YAML, which editors and
// generators write, changes nothing assay reads and still loads.
func unsupportedDirective(file string, tokens token.Tokens) (Problem, bool) {
	for i, tk := range tokens {
		if tk.Type != token.DirectiveType {
			continue
		}
		name := ""
		if i+1 < len(tokens) && tokens[i+1].Position.Line == tk.Position.Line {
			name = tokens[i+1].Value
		}
		if name == "YAML" {
			continue
		}
		return Problem{File: file, Line: tk.Position.Line, Column: tk.Position.Column,
			Message: fmt.Sprintf("the %s directive is not supported", QuoteCut("%"+name)),
			Hint:    "remove the line: assay does not use YAML tags or directives other than %YAML"}, true
	}
	return Problem{}, false
}
