package tui

import tea "charm.land/bubbletea/v2"

// OpenForTest loads an assessment's interview as the home screen's enter
// key does; benchmarks use it to skip the portfolio.
func OpenForTest(d Deps, id int64) tea.Cmd { return loadAssessment(d, id, viewInterview) }
