package questionnaires_test

import (
	"strings"
	"testing"
)

// The vendor screen tiers the vendor by the data it holds
// (data-sensitivity, 2.10.0): with special-category, financial-account or
// children's data, or keys to our systems, the overall risk is at least
// medium once the control risk is above 12.5%, and the gaps that expose
// the data take a higher severity; with business contacts or ordinary
// personal data nothing moves. Every control yes, then the gaps each case
// names; nothing n/a, so the maximum is 96 and 12.5% is 12 points.
func tieredScreen(data string, gaps ...string) string {
	ids := strings.Fields(`attestation policy personnel confidentiality security-training mfa least-privilege
		access-review leavers encryption-rest encryption-transit deletion own-use vulnerabilities patching supported-software
		pentest logging monitoring backups continuity change-sign-off change-testing
		change-rollback change-notice breach-notice incident-record incident-plan subprocessors
		subprocessor-terms transfer-tools subprocessor-notice`)
	answer := map[string]string{}
	for _, g := range gaps {
		id, a, _ := strings.Cut(g, "=")
		answer[id] = a
	}
	var b strings.Builder
	b.WriteString("data-sensitivity: " + data + "\n")
	for _, id := range ids {
		a, ok := answer[id]
		if !ok {
			a = "yes"
		}
		b.WriteString(id + ": " + a + "\n")
	}
	return b.String()
}

func TestVendorScreenFloorForSensitiveData(t *testing.T) {
	q := vendorScreen(t)
	// incident-plan no 4, policy, personnel, confidentiality, access-review
	// no 2 each: 12 of 96, exactly 12.5%. None of them has a knock-out.
	twelve := []string{"incident-plan=no", "policy=no", "personnel=no", "confidentiality=no", "access-review=no"}
	// leavers partial as well: 13 of 96, 13.5%.
	thirteen := append(append([]string{}, twelve...), "leavers=partial")
	for _, c := range []struct {
		name, data string
		gaps       []string
		points     string
		level, ko  string
	}{
		{"special at 12.5%: not above it", "special", twelve, "12", "low", ""},
		{"special above 12.5%", "special", thirteen, "13", "medium", "data-sensitivity"},
		{"keys to our systems above 12.5%", "access", thirteen, "13", "medium", "data-sensitivity"},
		{"ordinary personal data above 12.5%", "personal", thirteen, "13", "low", ""},
		{"business contacts above 12.5%", "business-contacts", thirteen, "13", "low", ""},
	} {
		res := scoreOf(t, q, tieredScreen(c.data, c.gaps...))
		checkDim(t, res, "risk", c.points, c.points, "96")
		if got := levelOf(t, res, "overall"); got != c.level || !res.Complete {
			t.Errorf("%s: %s (complete %v), want %s", c.name, got, res.Complete, c.level)
		}
		ko, ok := res.Outcome.Knockout()
		if c.ko == "" && ok || c.ko != "" && (!ok || ko.Question != c.ko) {
			t.Errorf("%s: knock-out %+v (%v), want %q", c.name, ko, ok, c.ko)
		}
	}
}

func TestVendorScreenSeverityForSensitiveData(t *testing.T) {
	q := vendorScreen(t)
	gaps := []string{"mfa=no", "least-privilege=partial", "encryption-rest=no", "encryption-transit=no",
		"breach-notice=partial", "incident-record=no", "logging=no"}
	for _, c := range []struct{ data, want string }{
		// The question's own severities; logging is not among the raised.
		{"business-contacts", "mfa:high encryption-rest:high encryption-transit:high incident-record:high logging:medium breach-notice:medium least-privilege:low"},
		{"personal", "mfa:high encryption-rest:high encryption-transit:high incident-record:high logging:medium breach-notice:medium least-privilege:low"},
		// Critical for mfa, encryption, breach-notice and incident-record
		// (breach-notice's partial one step below: high), high for
		// least-privilege (its partial: medium); logging unchanged.
		{"special", "mfa:critical encryption-rest:critical encryption-transit:critical incident-record:critical breach-notice:high least-privilege:medium logging:medium"},
		{"access", "mfa:critical encryption-rest:critical encryption-transit:critical incident-record:critical breach-notice:high least-privilege:medium logging:medium"},
	} {
		res := scoreOf(t, q, tieredScreen(c.data, gaps...))
		if got := findingsOf(res); got != c.want {
			t.Errorf("%s: findings %s\nwant %s", c.data, got, c.want)
		}
	}
	// An option's own severity still decides: encryption-rest partly (a
	// store left unencrypted) is critical, a high finding, whatever the data;
	// least-privilege's shared accounts stay high.
	for _, data := range []string{"personal", "special"} {
		res := scoreOf(t, q, tieredScreen(data, "encryption-rest=partial", "least-privilege=shared"))
		if got := findingsOf(res); got != "least-privilege:high encryption-rest:high" {
			t.Errorf("%s: findings %s", data, got)
		}
	}
}
