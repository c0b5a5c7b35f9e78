// Package condition is the small expression language that decides whether a
// question or section is shown. It is deliberately tiny and safe: it reads
// answers and compares them with literals; it cannot call code, loop or
// touch anything outside the answers it is given.
//
// Grammar (keywords are lower case):
//
//	expr       = or
//	or         = and { "or" and }
//	and        = unary { "and" unary }
//	unary      = "not" unary | primary
//	primary    = "(" expr ")" | "true" | "false" | "answered(" ref ")" | comparison
//	comparison = operand op literal | operand "in" list | ref "contains" string
//	operand    = ref | "count(" ref ")"
//	op         = "==" | "!=" | "<" | "<=" | ">" | ">="
//	list       = "[" literal { "," literal } "]"
//	literal    = string | number
//	ref        = a question id: a letter, then letters, digits, "_", "-" or "."
//
// Strings are quoted with ' or ". Numbers are plain decimals.
//
// Semantics: a question that is unanswered or hidden has no value, and every
// comparison with no value is false (so is !=). answered(q) tests for a
// value. count(q) is the number of options chosen in a multiple-choice
// answer. Dates compare as text in YYYY-MM-DD form, which orders correctly.
package condition
