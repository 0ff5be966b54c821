package storyfile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovmap/assets"
	"sovmap/geo/storyfile"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.geojson", assets.Story())
	if s, err := storyfile.ReadFile(good); err != nil || len(s.Places) != 4 {
		t.Fatalf("the built-in story from a file: %v", err)
	}
	huge := filepath.Join(dir, "huge.geojson")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// 100 MB, sparse: the reader must stop long before the end.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	nested := write("nested.geojson", []byte(strings.Repeat("[", 100000)+strings.Repeat("]", 100000)))
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "gone.geojson"), "gone.geojson: no such file"},
		{"folder", dir, "is a folder"},
		{"empty", write("empty.geojson", nil), "empty.geojson: file is empty"},
		{"huge", huge, "larger than the 32 MiB"},
		{"deeply nested", nested, "nested.geojson: not a valid story"},
		{"not utf-8", write("latin1.geojson", []byte("{\"title\": \"M\xe9xico\"}")), "not UTF-8"},
		{"number out of range", write("big.geojson", []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[1e400,1]}}]}`)), "big.geojson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := storyfile.ReadFile(tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
			if err != nil && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}
