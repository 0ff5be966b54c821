package storyfile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovmap/geo/storyfile"
)

// realFiles are public files nobody here wrote (see testdata/real/README.md
// at the top of the repository); they are not committed, so the test runs
// where they have been put.
const realFiles = "../../testdata/real"

// Every real file opens, with every row used: ACLED exports of 2015, 2016,
// 2020 and 2022 (each a different layout and date style) and a plain table.
func TestRealFiles(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(realFiles, "*.csv"))
	if len(paths) == 0 {
		t.Skip("no real files in " + realFiles + ": see the README's tests section")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rows := strings.Count(string(data), "\n") // at least the records, more with notes of several lines
			s, rep, err := storyfile.Read(t.Context(), path, storyfile.Options{Strict: true})
			if err != nil {
				t.Fatalf("%v", err)
			}
			t.Logf("%s; %d places; notes %v", rep.Summary(), len(s.Places), rep.Notes)
			if rep.Items == 0 || rep.Items > rows {
				t.Errorf("%d items from %d lines", rep.Items, rows)
			}
			for _, it := range s.Items {
				if it.Place == nil {
					t.Errorf("%s has no place", it.ID)
				}
				if !it.Date.Dated() {
					t.Errorf("%s has no date", it.ID)
				}
			}
		})
	}
}
