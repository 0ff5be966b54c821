//go:build e2e

package main

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// keys sends key presses to the window, as xdotool names them.
func (s *session) keys(keys ...string) {
	s.t.Helper()
	if _, err := s.x("xdotool", append([]string{"key", "--window", s.wid, "--delay", "60"}, keys...)...); err != nil {
		s.t.Fatalf("xdotool key %v: %v", keys, err)
	}
}

// typeText types text into the window.
func (s *session) typeText(text string) {
	s.t.Helper()
	if _, err := s.x("xdotool", "type", "--window", s.wid, "--delay", "30", text); err != nil {
		s.t.Fatalf("xdotool type: %v", err)
	}
}

// title is the window's title.
func (s *session) title() string {
	out, _ := s.x("xdotool", "getwindowname", s.wid)
	return strings.TrimSpace(out)
}

// An edit made through the real window, the app killed with SIGKILL two
// seconds later: the next launch offers the work back, and it is restored
// as unsaved changes that save to a Sovmap story holding the edit.
func TestE2EKilledWorkIsRestored(t *testing.T) {
	rec := t.TempDir()
	t.Setenv("SOVMAP_RECOVERY_DIR", rec)
	const edited = "Edited before the kill"

	s := startApp(t)
	s.keys("Right")       // the story's first item
	s.keys("ctrl+Return") // its form, the title in the keyboard
	time.Sleep(500 * time.Millisecond)
	s.keys("ctrl+a")
	s.typeText(edited)
	s.keys("ctrl+Return") // apply
	waitFor(t, "the title to mark unsaved changes", func() bool { return strings.HasPrefix(s.title(), "Sovmap — *") })
	s.screenshot("edited")
	time.Sleep(2 * time.Second)
	if err := s.proc.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	s.proc.Wait()
	copies, _ := filepath.Glob(filepath.Join(rec, "*.geojson"))
	if len(copies) != 1 {
		t.Fatalf("recovery copies after the kill: %v", copies)
	}
	if b, _ := os.ReadFile(copies[0]); !strings.Contains(string(b), edited) {
		t.Fatal("the recovery copy does not hold the edit")
	}

	again := startApp(t)
	waitFor(t, "the offer to restore", func() bool {
		_, path := again.screenshot("offer")
		return strings.Contains(text(again.read(path, image.Rect(0, 0, 1280, 800))), "Restore")
	})
	again.keys("Return")
	waitFor(t, "the restored work, unsaved", func() bool { return strings.HasPrefix(again.title(), "Sovmap — *") })
	saved := filepath.Join(t.TempDir(), "restored.geojson")
	again.keys("ctrl+s")
	time.Sleep(700 * time.Millisecond)
	again.keys("ctrl+a")
	again.typeText(saved)
	again.keys("Return")
	waitFor(t, "the story to be saved", func() bool { _, err := os.Stat(saved); return err == nil })
	waitFor(t, "the title to be clean", func() bool { return !strings.HasPrefix(again.title(), "Sovmap — *") })
	got, err := storyfile.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	want := geotest.BuiltInStory(t)
	if len(got.Items) != len(want.Items) {
		t.Fatalf("restored %d items, want %d", len(got.Items), len(want.Items))
	}
	var it *story.Item
	for _, c := range got.Items {
		if c.Title["en"] == edited {
			it = c
		}
	}
	if it == nil {
		t.Fatal("the edit was not restored")
	}
	// Only the title changed: the item keeps its id and its other fields.
	orig := want.ItemByID(it.ID)
	if orig == nil || it.Title["es"] != orig.Title["es"] || it.Summary["en"] != orig.Summary["en"] || it.Date != orig.Date {
		t.Errorf("the edited item restored as %+v, from %+v", it, orig)
	}
	if left, _ := filepath.Glob(filepath.Join(rec, "*.geojson")); len(left) != 0 {
		t.Errorf("recovery copies left after saving: %v", left)
	}
}
