package main

import (
	"github.com/spf13/cobra"
)

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "assay",
		Short: "Privacy, fairness and third-party risk assessments in the terminal",
		Long: `assay runs privacy impact, fairness and third-party risk questionnaires mapped
to ISO/IEC 27001:2022, NIST CSF 2.0 and SOC 2; scores the answers locally in
SQLite (or, for a team sharing one portfolio, on its PostgreSQL server: see
assay team), builds a remediation plan with owners and deadlines, and writes
the report for the committee that decides, in Markdown, HTML, PDF or Word.

Run assay with no arguments to open the interactive workspace.`,
		Args: noSuchCommand,
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			if cmd.Flags().Changed("db") {
				a.warnPassword("--db", a.dbPath)
			}
			a.chooseOpening(cmd)
			if a.dbPath == "" {
				a.dbPath = a.defaultDBPath()
			}
			a.questionnaireDirGiven = cmd.Flags().Changed("questionnaires")
			if a.questionnaireDir == "" {
				a.questionnaireDir = a.defaultQuestionnaireDir()
			}
		},
		// A command that built the database first puts it in place once
		// it has succeeded (db_first.go).
		PersistentPostRunE: func(*cobra.Command, []string) error { return a.finishFirst() },
		RunE:               func(cmd *cobra.Command, _ []string) error { return a.runTUI(cmd) },
	}
	f := root.PersistentFlags()
	f.StringVar(&a.dbPath, "db", "", "database file, or a team database's PostgreSQL connection string (default $ASSAY_DB or $XDG_DATA_HOME/assay/assay.db)")
	f.StringVar(&a.questionnaireDir, "questionnaires", "", "folder of your own questionnaires (default $XDG_CONFIG_HOME/assay/questionnaires)")
	f.StringVar(&a.reviewer, "reviewer", "", "your name, recorded with every change (default $ASSAY_REVIEWER, else reviewer: in the config file, else your login name; in team mode always your database login)")
	root.Flags().BoolVar(&a.accessible, "accessible", false, "plain line prompts without the full-screen interface, for screen readers")
	root.AddCommand(
		a.newCommand(),
		a.listCommand(),
		a.answerCommand(),
		a.scoreCommand(),
		a.reportCommand(),
		a.questionnairesCommand(),
		a.lintCommand(),
		a.convertCommand(),
		a.coverageCommand(),
		a.planCommand(),
		a.overdueCommand(),
		a.exportCommand(),
		a.importCommand(),
		a.sendCommand(),
		a.subjectCommand(),
		a.dueCommand(),
		a.reviewCommand(),
		a.explainCommand(),
		a.dpoCommand(),
		a.reviseCommand(),
		a.diffCommand(),
		a.verifyCommand(),
		a.historyCommand(),
		a.keyCommand(),
		a.teamCommand(),
		a.migrateCommand(),
		a.backupCommand(),
	)
	markCreators(root)
	usageOnArgs(root)
	flagsOnce(root)
	return root
}
