package recovery_test

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sovmap/geo/recovery"
)

func write(t *testing.T, f *recovery.File, text string) {
	t.Helper()
	if err := f.Write(recovery.Info{From: "/stories/a.geojson", Title: "A"}, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// A live window's copy is never offered; two claims never share a file.
func TestLiveWorkIsNotLeft(t *testing.T) {
	dir := t.TempDir()
	a, err := recovery.Claim(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := recovery.Claim(dir)
	if err != nil {
		t.Fatal(err)
	}
	write(t, a, "a")
	write(t, b, "b")
	left, err := recovery.Left(dir)
	if err != nil || len(left) != 0 {
		t.Fatalf("with both windows alive, left %v (%v)", left, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.geojson"))
	if len(files) != 2 {
		t.Errorf("two claims wrote %d files", len(files))
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Clear(); err != nil {
		t.Fatal(err)
	}
	if left, _ := recovery.Left(dir); len(left) != 0 {
		t.Errorf("closed and cleared, still left: %v", left)
	}
}

// The work of a process killed with SIGKILL is offered to the next, with
// what it was, and can be discarded.
func TestKilledWorkIsLeft(t *testing.T) {
	if os.Getenv("RECOVERY_CHILD") != "" {
		f, err := recovery.Claim(os.Getenv("RECOVERY_CHILD"))
		if err != nil {
			os.Exit(2)
		}
		write(t, f, "unsaved work")
		os.Stdout.WriteString("written\n")
		time.Sleep(time.Minute)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWorkIsLeft$")
	cmd.Env = append(os.Environ(), "RECOVERY_CHILD="+dir)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	if _, err := io.ReadFull(out, buf); err != nil || !strings.HasPrefix(string(buf), "written") {
		t.Fatalf("the child wrote %q (%v)", buf, err)
	}
	if left, _ := recovery.Left(dir); len(left) != 0 {
		t.Fatalf("offered while its window lives: %v", left)
	}
	cmd.Process.Kill()
	cmd.Wait()
	left, err := recovery.Left(dir)
	if err != nil || len(left) != 1 {
		t.Fatalf("after the kill, left %v (%v), want the child's work", left, err)
	}
	if l := left[0]; l.From != "/stories/a.geojson" || l.Title != "A" || time.Since(l.Written) > time.Minute {
		t.Errorf("left %+v", l)
	}
	if b, err := os.ReadFile(left[0].StoryPath(dir)); err != nil || string(b) != "unsaved work" {
		t.Errorf("the copy reads %q (%v)", b, err)
	}
	if err := recovery.Discard(dir, left[0]); err != nil {
		t.Fatal(err)
	}
	if rest, _ := os.ReadDir(dir); len(rest) != 0 {
		t.Errorf("discarded, yet %d files stay", len(rest))
	}
}
