// Command gencatalog builds the embedded control catalogs from the reference
// files in ../shared/reference, under their licence rules: ISO 27001 IDs and
// short control names only; NIST CSF 2.0 subcategory text verbatim (public
// domain); SOC 2 IDs and series from the reference with our own short
// descriptions (catalogs/soc2-descriptions.tsv), never AICPA text.
//
// Run from the questionnaires directory: go generate ./...
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type control struct {
	Framework string `json:"framework"`
	ID        string `json:"id"`
	Name      string `json:"name"`
	Group     string `json:"group"`
}

type catalogFile struct {
	Framework string    `json:"framework"`
	Source    string    `json:"source"`
	Licence   string    `json:"licence"`
	Controls  []control `json:"controls"`
}

func main() {
	ref := "../../shared/reference"
	if len(os.Args) > 1 {
		ref = os.Args[1]
	}
	if err := run(ref, "catalogs"); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}

func run(ref, out string) error {
	iso, err := buildISO(filepath.Join(ref, "iso27001-2022-annexA.json"))
	if err != nil {
		return err
	}
	csf, err := buildCSF(filepath.Join(ref, "nist-csf-2.0.json"))
	if err != nil {
		return err
	}
	soc, err := buildSOC2(filepath.Join(ref, "soc2-tsc.json"), filepath.Join(out, "soc2-descriptions.tsv"))
	if err != nil {
		return err
	}
	for name, c := range map[string]catalogFile{"iso27001.json": iso, "nist-csf.json": csf, "soc2.json": soc} {
		b, err := json.MarshalIndent(c, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func buildISO(path string) (catalogFile, error) {
	var src struct {
		Controls []struct {
			AnnexRef string `json:"annex_ref"`
			Theme    string `json:"theme"`
			Title    string `json:"title"`
		} `json:"controls"`
	}
	if err := readJSON(path, &src); err != nil {
		return catalogFile{}, err
	}
	c := catalogFile{
		Framework: "iso27001",
		Source:    "ISO/IEC 27001:2022 Annex A, Table A.1",
		Licence:   "(c) ISO/IEC. Control identifiers and short control names only; the control text is not reproduced.",
	}
	for _, x := range src.Controls {
		c.Controls = append(c.Controls, control{"iso27001", x.AnnexRef, x.Title, x.Theme})
	}
	if len(c.Controls) != 93 {
		return c, fmt.Errorf("ISO 27001: %d controls, want 93", len(c.Controls))
	}
	return c, nil
}

func buildCSF(path string) (catalogFile, error) {
	var src struct {
		Functions []struct {
			ID, Name   string
			Categories []struct {
				ID, Name      string
				Subcategories []struct{ ID, Text string }
			}
		}
	}
	if err := readJSON(path, &src); err != nil {
		return catalogFile{}, err
	}
	c := catalogFile{
		Framework: "nist-csf",
		Source:    "NIST Cybersecurity Framework 2.0 (NIST CSWP 29), subcategories",
		Licence:   "NIST, public domain in the US; CC0 1.0 worldwide.",
	}
	for _, f := range src.Functions {
		for _, cat := range f.Categories {
			for _, s := range cat.Subcategories {
				group := fmt.Sprintf("%s (%s) / %s", titleCase(f.Name), f.ID, cat.Name)
				c.Controls = append(c.Controls, control{"nist-csf", s.ID, s.Text, group})
			}
		}
	}
	if len(c.Controls) != 106 {
		return c, fmt.Errorf("NIST CSF: %d subcategories, want 106", len(c.Controls))
	}
	return c, nil
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return s[:1] + strings.ToLower(s[1:])
}

func buildSOC2(path, descPath string) (catalogFile, error) {
	var src struct {
		Criteria []struct {
			ID            string `json:"id"`
			SeriesHeading string `json:"series_heading"`
		} `json:"criteria"`
	}
	if err := readJSON(path, &src); err != nil {
		return catalogFile{}, err
	}
	desc, err := readTSV(descPath)
	if err != nil {
		return catalogFile{}, err
	}
	c := catalogFile{
		Framework: "soc2",
		Source:    "AICPA Trust Services Criteria (2017, points of focus revised 2022): criterion IDs",
		Licence:   "Criterion IDs are facts; the short descriptions are assay's own words. AICPA text is not reproduced.",
	}
	for _, x := range src.Criteria {
		d, ok := desc[x.ID]
		if !ok {
			return c, fmt.Errorf("SOC 2: no description of our own for %s in %s", x.ID, descPath)
		}
		c.Controls = append(c.Controls, control{"soc2", x.ID, d, x.SeriesHeading})
		delete(desc, x.ID)
	}
	if len(desc) > 0 || len(c.Controls) != 61 {
		return c, fmt.Errorf("SOC 2: %d criteria, %d descriptions left over; want 61 and 0", len(c.Controls), len(desc))
	}
	return c, nil
}

func readTSV(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		id, text, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			out[id] = text
		}
	}
	return out, sc.Err()
}
