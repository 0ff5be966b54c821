package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// inegiDir is INEGI's raw data for the test: $INEGI, or the copy beside
// the project where the developers keep it.
func inegiDir() string {
	if d := os.Getenv("INEGI"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "data", "inegi-mg2025")
}

// TestGeneratedMapIsUpToDate runs the generator on INEGI's data and
// checks that it writes exactly the committed files: the embedded map is
// reproducible from its sources, and nobody edited it by hand. The raw
// data is not in the repository; without it the test is skipped.
func TestGeneratedMapIsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the topology of 2,475 municipalities (minutes)")
	}
	src := inegiDir()
	if _, err := os.Stat(filepath.Join(src, "municipios.geojsonl.xz")); err != nil {
		t.Skipf("INEGI's data is not here (%v): set INEGI to its folder", err)
	}
	out := t.TempDir()
	if err := run(src, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	made, err := filepath.Glob(filepath.Join(out, "*.gz"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := filepath.Glob(filepath.Join("..", "map", "*.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(made) == 0 || len(made) != len(committed) {
		t.Fatalf("generator wrote %d files, %d are committed", len(made), len(committed))
	}
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
			t.Errorf("%s differs from the committed file: run `make generate`", filepath.Base(f))
		}
	}
}
