package pdfdoc

import (
	"strings"
	"unicode"
)

// A PDF draws glyphs where it is told, left to right; it knows nothing of
// Hebrew and Arabic, which read right to left. visual puts a laid-out line
// in the order it is seen, by the Unicode bidirectional algorithm for a
// left-to-right paragraph reduced to what a report's text needs: a run of
// right-to-left words (with the spaces and punctuation between them, and
// numbers inside it) is drawn in reverse, each word's letters reversed
// with their marks kept on them and brackets mirrored, while numbers
// still read left to right.

// direction is how a character orders: strong left to right, strong right
// to left, a number, or neutral (spaces, punctuation) taking its
// neighbours' direction.
type direction uint8

const (
	neutral direction = iota
	leftToRight
	rightToLeft
	number
)

func directionOf(r rune) direction {
	switch {
	case r >= '0' && r <= '9', r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return number
	case (r >= 0x0590 && r <= 0x08FF) || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE):
		return rightToLeft
	case unicode.IsLetter(r):
		return leftToRight
	}
	return neutral
}

// hasRightToLeft reports whether any piece of the line reads right to left.
func hasRightToLeft(l line) bool {
	for _, pc := range l {
		if strings.ContainsFunc(pc.text, func(r rune) bool { return directionOf(r) == rightToLeft }) {
			return true
		}
	}
	return false
}

// atom is a piece, or part of one, of one direction.
type atom struct {
	piece
	dir   direction
	level int
}

// visual is the line in the order it is drawn, left to right.
func (p *pdf) visual(l line) line {
	if !hasRightToLeft(l) {
		return l
	}
	atoms := p.atoms(l)
	resolve(atoms)
	// Reverse every run at or above each level, highest first (rule L2).
	for level := 2; level >= 1; level-- {
		for i := 0; i < len(atoms); {
			if atoms[i].level < level {
				i++
				continue
			}
			j := i
			for j < len(atoms) && atoms[j].level >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				atoms[a], atoms[b] = atoms[b], atoms[a]
			}
			i = j
		}
	}
	out := make(line, len(atoms))
	for i, a := range atoms {
		if a.level == 1 {
			a.text = reverseClusters(a.text)
		}
		out[i] = a.piece
	}
	return out
}

// atoms cuts the line's pieces where the direction changes; a mark takes
// the direction of the letter it sits on.
func (p *pdf) atoms(l line) []atom {
	var out []atom
	for _, pc := range l {
		start, cur := 0, direction(255)
		for i, r := range pc.text {
			d := directionOf(r)
			if unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200D {
				if cur != 255 {
					continue
				}
				d = neutral
			}
			if d != cur {
				if cur != 255 {
					out = append(out, p.atom(pc, pc.text[start:i], cur))
				}
				start, cur = i, d
			}
		}
		if cur != 255 {
			out = append(out, p.atom(pc, pc.text[start:], cur))
		}
	}
	return out
}

func (p *pdf) atom(pc piece, text string, d direction) atom {
	if text != pc.text {
		pc.text = text
		pc.width = p.measure(text, pc.size, pc.face)
	}
	return atom{piece: pc, dir: d}
}

// resolve gives each atom its level: 0 left to right, 1 right to left, 2 a
// number inside right-to-left text. A number after right-to-left text
// belongs to it (rules W2, W7); neutrals between right-to-left text and
// such numbers read right to left, all others left to right (N1, N2).
func resolve(atoms []atom) {
	strong := leftToRight
	for i := range atoms {
		switch atoms[i].dir {
		case leftToRight, rightToLeft:
			strong = atoms[i].dir
		case number:
			if strong == leftToRight {
				atoms[i].dir = leftToRight
			}
		}
	}
	side := func(i, step int) direction {
		for j := i + step; j >= 0 && j < len(atoms); j += step {
			switch atoms[j].dir {
			case leftToRight:
				return leftToRight
			case rightToLeft, number:
				return rightToLeft
			}
		}
		return leftToRight
	}
	for i := range atoms {
		switch atoms[i].dir {
		case rightToLeft:
			atoms[i].level = 1
		case number:
			atoms[i].level = 2
		case neutral:
			if side(i, -1) == rightToLeft && side(i, 1) == rightToLeft {
				atoms[i].level = 1
			}
		}
	}
}

// mirrored are the characters drawn as their mirror image in
// right-to-left text (rule L4).
var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// reverseClusters reverses text letter by letter, each letter with the
// marks that follow it (drawn after it, they sit on it), and mirrors
// brackets.
func reverseClusters(s string) string {
	var clusters []string
	for i, r := range s {
		if len(clusters) > 0 && (unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200D) {
			clusters[len(clusters)-1] += string(r)
			continue
		}
		if m, ok := mirrored[r]; ok {
			clusters = append(clusters, string(m))
			continue
		}
		clusters = append(clusters, s[i:i+len(string(r))])
	}
	var b strings.Builder
	for i := len(clusters) - 1; i >= 0; i-- {
		b.WriteString(clusters[i])
	}
	return b.String()
}
