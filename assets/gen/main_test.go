package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedMapIsUpToDate runs the generator and checks that it writes
// exactly the committed files: the embedded map is reproducible from
// Natural Earth, and nobody edited it by hand.
func TestGeneratedMapIsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("reads all of Natural Earth's admin-1 data")
	}
	out := t.TempDir()
	if err := run(out); err != nil {
		t.Fatal(err)
	}
	made, err := filepath.Glob(filepath.Join(out, "*.geojson.gz"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := filepath.Glob(filepath.Join("..", "map", "*.geojson.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(made) == 0 || len(made) != len(committed) {
		t.Fatalf("generator wrote %d files, %d are committed", len(made), len(committed))
	}
	total := 0
	for _, f := range made {
		want, err := os.ReadFile(filepath.Join("..", "map", filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: run `go generate ./assets`", filepath.Base(f))
		}
		total += len(want)
	}
	if total > 2<<20 {
		t.Errorf("embedded map is %d bytes, want under 2 MB", total)
	}
}
