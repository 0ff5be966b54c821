package storyfile_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sovmap/assets"
	"sovmap/geo/geotest"
	"sovmap/geo/storyfile"
)

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.geojson")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse, past the limit: the reader must refuse it unread.
	if err := f.Truncate(storyfile.MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "gone.geojson"), "gone.geojson: no such file"},
		{"folder", dir, "is a folder"},
		{"pipe", fifo, "pipe.csv: is not a regular file"},
		{"empty", write("empty.geojson", nil), "empty.geojson: file is empty"},
		{"blank", write("blank.csv", []byte(" \n\n ")), "blank.csv: file is empty"},
		{"huge", huge, "larger than the 512 MiB"},
		{"number out of range", write("big.geojson", []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[1e400,1]}}]}`)), "big.geojson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := storyfile.ReadFile(tt.path); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
					t.Errorf("error %v, want one line containing %q", err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("reading blocked")
			}
		})
	}
	good := write("good.geojson", assets.Story())
	if s, err := storyfile.ReadFile(good); err != nil || len(s.Places) != 4 {
		t.Fatalf("the built-in story from a file: %v", err)
	}
}

// Reading reports its progress and stops when cancelled, keeping nothing.
func TestReadProgressAndCancel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, geotest.ACLEDRows(20000), 0o644); err != nil {
		t.Fatal(err)
	}
	var last, total int64
	if _, _, err := storyfile.Read(context.Background(), path, storyfile.Options{Progress: func(r, t int64) { last, total = r, t }}); err != nil {
		t.Fatal(err)
	}
	if last == 0 || last != total {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, _, err := storyfile.Read(ctx, path, storyfile.Options{Progress: func(int64, int64) {
		if calls++; calls == 2 {
			cancel()
		}
	}})
	if err == nil || !strings.Contains(err.Error(), "big.csv: reading was cancelled") {
		t.Errorf("cancelled reading gave %v", err)
	}
}

// The worst shapes of input for their size: each is refused or read in
// bounded time (the test's deadline) and memory (see the benchmarks).
func TestHostileInputs(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // an error, or "" for a story read
	}{
		{"geometry collections nested 5,000 deep", []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":` +
			strings.Repeat(`{"type":"GeometryCollection","geometries":[`, 5000)), "nested more than 64 deep"},
		{"a header of commas", []byte(strings.Repeat(",", 4<<20) + "\n"), "the header line has more than 1024 columns"},
		{"a row of commas", append([]byte("latitude,longitude\n"), []byte(strings.Repeat(",", 4<<20)+"\n1,2\n")...), ""},
		{"a title of a million characters", []byte(`{"type":"FeatureCollection","title":"` + strings.Repeat("x", 1_000_000) +
			`","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-99,19]},"properties":{"name":"a"}}]}`), ""},
		{"a text over the limit", []byte(`{"type":"FeatureCollection","title":"` + strings.Repeat("x", 2<<20) + `"}`), "a text longer than 1 MiB"},
		{"a quote never closed", []byte("latitude,longitude,name\n19,-99,\"" + strings.Repeat("x", 5<<20)), "a quote opened in this row is never closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			s, rep, err := storyfile.ParseBytes("hostile", tt.data, storyfile.Options{})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want a story", err)
			case tt.want == "" && len(s.Items) == 0:
				t.Errorf("no items (report %+v)", rep)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
