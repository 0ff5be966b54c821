package atomicfile_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sovmap/geo/atomicfile"
)

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// bothWays runs a test with unnamed temporary files (where the system has
// them) and with named ones.
func bothWays(t *testing.T, test func(t *testing.T, named bool)) {
	t.Run("unnamed", func(t *testing.T) { test(t, false) })
	t.Run("named", func(t *testing.T) {
		defer atomicfile.NamedOnly()()
		test(t, true)
	})
}

func TestWriteFile(t *testing.T) { bothWays(t, testWriteFile) }

func testWriteFile(t *testing.T, _ bool) {
	dir := t.TempDir()
	long := strings.Repeat("n", 251) + ".png" // 255 bytes: the longest legal name
	tests := []struct {
		name string
		old  []byte // an existing file, or nil
	}{
		{"new.png", nil},
		{"replaced.png", []byte("old")},
		{long, nil},
		{"ñandú — mapa.svg", []byte("old")},
	}
	for _, tt := range tests {
		t.Run(tt.name[:min(len(tt.name), 20)], func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if tt.old != nil {
				if err := os.WriteFile(path, tt.old, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := atomicfile.WriteFile(path, func(w io.Writer) error {
				_, err := w.Write([]byte("new"))
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != "new" {
				t.Errorf("file holds %q", got)
			}
			if st, _ := os.Stat(path); st.Mode().Perm()&0o444 != 0o444 {
				t.Errorf("mode %v: not readable by all", st.Mode())
			}
		})
	}
	if n := len(entries(t, dir)); n != len(tests) {
		t.Errorf("folder holds %d entries, want %d: %v", n, len(tests), entries(t, dir))
	}
}

// A write that fails half-way (as on a full disk) leaves the old file whole
// and names the user's file, not the temporary one.
func TestWriteFileFailingMidway(t *testing.T) { bothWays(t, testWriteFileFailingMidway) }

func testWriteFileFailingMidway(t *testing.T, _ bool) {
	dir := t.TempDir()
	path := filepath.Join(dir, "map.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := atomicfile.WriteFile(path, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("new"), 1000))
		return &os.PathError{Op: "write", Path: "tmp", Err: syscall.ENOSPC}
	})
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != path+": no space left on device" {
		t.Fatalf("error %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old file now holds %q", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only the old file", names)
	}
}

func TestWriteFileRefusals(t *testing.T) {
	dir := t.TempDir()
	afile := filepath.Join(dir, "plain-file")
	os.WriteFile(afile, []byte("x"), 0o644)
	folder := filepath.Join(dir, "folder.png")
	os.Mkdir(folder, 0o755)
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "no", "such", "map.png"), "cannot write in " + filepath.Join(dir, "no", "such")},
		{filepath.Join(afile, "map.png"), "cannot write in " + afile},
		{folder, folder + " is a folder"},
	}
	for _, tt := range tests {
		err := atomicfile.WriteFile(tt.path, func(io.Writer) error { return nil })
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.path, err, tt.want)
		}
	}
}

// A temporary file that a killed process left behind is removed by the
// next write into the folder, once it is old enough not to be another
// process's write under way.
func TestStaleTemporaryFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".sovmap-0123456789abcdef.tmp")
	fresh := filepath.Join(dir, ".sovmap-fedcba9876543210.tmp")
	other := filepath.Join(dir, ".sovmap-notes.tmp") // not ours: another shape
	for _, p := range []string{stale, fresh, other} {
		os.WriteFile(p, []byte("x"), 0o644)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := atomicfile.WriteFile(filepath.Join(dir, "map.png"), func(io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{stale: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// A writer killed with SIGKILL in the middle of a write leaves nothing in
// the folder where the system has unnamed temporary files, and else one
// hidden file of the form the next write removes once stale (the helper
// process below is the writer).
func TestKilledWriterLeavesNothing(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_HELPER_DIR"); dir != "" {
		if os.Getenv("ATOMICFILE_HELPER_NAMED") != "" {
			atomicfile.NamedOnly()
		}
		atomicfile.WriteFile(filepath.Join(dir, "map.png"), func(w io.Writer) error {
			w.Write(bytes.Repeat([]byte("x"), 1<<20))
			os.WriteFile(filepath.Join(dir, "..", "writing"), nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		})
		return
	}
	bothWays(t, testKilledWriter)
}

func testKilledWriter(t *testing.T, named bool) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	os.Mkdir(dir, 0o755)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriterLeavesNothing$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER_DIR="+dir)
	if named {
		cmd.Env = append(cmd.Env, "ATOMICFILE_HELPER_NAMED=1")
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(root, "writing")); err == nil {
			break
		}
		if time.Now().After(end) {
			cmd.Process.Kill()
			t.Fatal("the helper never started writing")
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	names := entries(t, dir)
	switch {
	case !named && len(names) != 0:
		t.Errorf("a killed write left %v", names)
	case named && (len(names) != 1 || !strings.HasPrefix(names[0], ".sovmap-") || len(names[0]) != 28):
		t.Errorf("a killed named write left %v, want one .sovmap-<16 hex>.tmp", names)
	}
}

// RemoveTemporary removes the named temporary files of writes under way,
// as the command line's signal handler does before it exits.
func TestRemoveTemporary(t *testing.T) {
	defer atomicfile.NamedOnly()()
	dir := t.TempDir()
	done := make(chan error)
	started := make(chan struct{})
	release := make(chan struct{})
	go func() {
		done <- atomicfile.WriteFile(filepath.Join(dir, "map.png"), func(io.Writer) error {
			close(started)
			<-release
			return errors.New("interrupted")
		})
	}()
	<-started
	if names := entries(t, dir); len(names) != 1 {
		t.Fatalf("during the write the folder holds %v, want the temporary file", names)
	}
	atomicfile.RemoveTemporary()
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("after RemoveTemporary the folder holds %v", names)
	}
	close(release)
	if err := <-done; err == nil {
		t.Error("the interrupted write reported success")
	}
}

// A write whose context is cancelled stops, and leaves nothing.
func TestWriteFileCancelled(t *testing.T) {
	bothWays(t, func(t *testing.T, _ bool) {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		err := atomicfile.WriteFileContext(ctx, filepath.Join(dir, "map.png"), func(w io.Writer) error {
			if _, err := w.Write([]byte("part")); err != nil {
				return err
			}
			cancel()
			_, err := w.Write([]byte("rest"))
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want cancelled", err)
		}
		if names := entries(t, dir); len(names) != 0 {
			t.Errorf("a cancelled write left %v", names)
		}
	})
}
