package storyfile_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/storyfile"
)

// BenchmarkReadACLED reads a generated ACLED export of 200,000 rows (about
// 110 MB, the real column layout: a whole country's history) as the window
// does. It reports the peak memory of a process that only reads it (goal:
// under 3 s and under 600 MB).
func BenchmarkReadACLED(b *testing.B) {
	path := filepath.Join(b.TempDir(), "mexico.csv")
	data := geotest.ACLEDRows(200000)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	data = nil
	for b.Loop() {
		s, _, err := storyfile.Read(context.Background(), path, storyfile.Options{})
		if err != nil || len(s.Items) != 200000 {
			b.Fatalf("%v", err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(peakRSS(b, path))/(1<<20), "peak-MiB")
}

// peakRSS runs this test binary to read path once and returns the peak
// resident memory of that process, as the kernel counts it (VmHWM).
func peakRSS(tb testing.TB, path string) int64 {
	cmd := exec.Command(os.Args[0], "-test.run=^TestPeakRSSHelper$")
	cmd.Env = append(os.Environ(), "STORYFILE_PEAK_PATH="+path)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("peak helper: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "peak-kB "); ok {
			kb, _ := strconv.ParseInt(v, 10, 64)
			return kb << 10
		}
	}
	tb.Fatalf("peak helper said %q", out)
	return 0
}

// TestPeakRSSHelper is the process peakRSS measures; alone it does nothing.
func TestPeakRSSHelper(t *testing.T) {
	path := os.Getenv("STORYFILE_PEAK_PATH")
	if path == "" {
		return
	}
	if _, _, err := storyfile.Read(context.Background(), path, storyfile.Options{}); err != nil {
		t.Fatal(err)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc here")
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			os.Stdout.WriteString("peak-kB " + strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")) + "\n")
		}
	}
}

// BenchmarkCSVScan reads 200,000 rows of ACLED's layout, in memory, with
// Sovmap's scanner ("sovmap": its limits, line numbers and lenient quotes)
// and with encoding/csv reusing its records ("encoding-csv"), in the same
// run; the goal is within 1.5 × of encoding/csv.
func BenchmarkCSVScan(b *testing.B) {
	data := geotest.ACLEDRows(200000)
	b.Run("sovmap", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if n := storyfile.ScanRecords(bytes.NewReader(data)); n != 200001 {
				b.Fatalf("%d records", n)
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			cr := csv.NewReader(bufio.NewReaderSize(bytes.NewReader(data), 256<<10))
			cr.ReuseRecord, cr.FieldsPerRecord, cr.LazyQuotes = true, -1, true
			n := 0
			for {
				if _, err := cr.Read(); err == io.EOF {
					break
				}
				n++
			}
			if n != 200001 {
				b.Fatalf("%d records", n)
			}
		}
	})
}

// BenchmarkWriteGeoJSON200k saves a story of 200,000 ACLED rows in
// Sovmap's format, as Save and the autosave do, to a discarding writer;
// B/op is what it allocates on the way (it is written a feature at a
// time: the whole collection encoded at once held about 1 GB).
func BenchmarkWriteGeoJSON200k(b *testing.B) {
	s, _, err := storyfile.ParseBytes("mexico.csv", geotest.ACLEDRows(200_000), storyfile.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var n countingWriter
	b.ReportAllocs()
	for b.Loop() {
		n = 0
		if err := storyfile.WriteGeoJSON(&n, s); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n))
}

// countingWriter counts what is written to it, and keeps none of it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
