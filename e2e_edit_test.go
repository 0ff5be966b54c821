//go:build e2e

package main

import (
	"fmt"
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

// A three-item story written through the real window, by keyboard only,
// as a user with xdotool's keys: a new story and its title; two incidents
// placed through the gazetteer (a day; a range, the place typed without
// its accent) and an undated event of the US side; an edit kept and one
// undone; saved. The saved file holds every field as typed.
func TestE2EWriteAStoryByKeyboard(t *testing.T) {
	t.Setenv("SOVMAP_RECOVERY_DIR", t.TempDir())
	s := startApp(t)
	pause := func() { time.Sleep(600 * time.Millisecond) }
	s.keys("ctrl+n")
	pause()
	s.typeText("Three places")
	s.keys("Tab")
	s.typeText("Tres lugares")
	s.keys("Return")
	waitFor(t, "the new story's title", func() bool { return s.title() == "Sovmap — *Three places" })

	// 1: an incident on a day, at Huitzilac found through the search.
	s.keys("ctrl+i")
	pause()
	s.typeText("Shooting in Huitzilac")
	s.keys("Tab", "Tab")
	s.typeText("A man was shot.")
	s.keys("Tab", "Tab", "Tab") // the Spanish summary, the date's precision, the date
	s.typeText("2025-01-13")
	s.keys("Tab", "Tab", "Tab") // the date's note in English and Spanish, the place
	s.typeText("Huitzilac")
	pause()
	s.keys("Return") // the first place found
	// Pick, No place, location, its note (2), category (2), victims.
	s.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
	s.typeText("1 killed")
	s.keys("Tab", "Tab", "Tab") // Spanish victims, actors, the source
	s.typeText("Reuters")
	s.keys("Tab", "Tab")
	s.typeText("https://www.reuters.com/")
	s.keys("ctrl+Return")
	pause()

	// 2: an incident between two days, the source kept from the first.
	s.keys("ctrl+i")
	pause()
	s.typeText("Camp found in Teuchitlan")
	s.keys("Tab")
	s.typeText("Hallazgo de un campo")
	s.keys("Tab")
	s.typeText("A camp was found.")
	s.keys("Tab", "Tab", "space")
	pause()
	s.keys("Down", "Down", "Down", "Down", "Down", "Down", "Return") // between two days
	s.keys("Tab")
	s.typeText("2025-03-01")
	s.keys("Tab")
	s.typeText("2025-03-05")
	s.keys("Tab", "Tab", "Tab")
	s.typeText("Teuchitlan")
	pause()
	s.keys("Return")
	s.keys("ctrl+Return")
	pause()

	// 3: an undated event of the US side.
	s.keys("ctrl+i")
	pause()
	s.typeText("Troops proposed")
	s.keys("shift+Tab", "shift+Tab", "space") // the kind
	pause()
	s.keys("Down", "Down", "Return") // a timeline event
	s.keys("Tab", "space")           // the side
	pause()
	s.keys("Down", "Down", "Return") // the US
	s.keys("Tab", "Tab")             // past the English title
	s.typeText("Propuesta de tropas")
	s.keys("Tab")
	s.typeText("Troops were proposed.")
	s.keys("Tab", "Tab", "space")
	pause()
	s.keys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Return") // undated
	s.keys("ctrl+Return")
	waitFor(t, "the third item", func() bool {
		_, path := s.screenshot("three")
		return strings.Contains(text(s.read(path, image.Rect(0, 0, 1280, 800))), "Troops proposed")
	})

	// An edit kept (the first item's Spanish title), then one undone.
	s.keys("Left", "Left") // the selection back to the first item
	s.keys("ctrl+Return")
	pause()
	s.keys("Tab")
	s.typeText("Tiroteo en Huitzilac")
	s.keys("ctrl+Return")
	pause()
	s.keys("ctrl+Return")
	pause()
	s.keys("ctrl+a")
	s.typeText("A wrong title")
	s.keys("ctrl+Return")
	pause()
	s.keys("ctrl+z")
	pause()

	saved := filepath.Join(t.TempDir(), "three.sovmap.geojson")
	s.keys("ctrl+s")
	pause()
	s.keys("ctrl+a")
	s.typeText(saved)
	s.keys("Return")
	waitFor(t, "the story to be saved", func() bool { _, err := os.Stat(saved); return err == nil })
	waitFor(t, "the title to be clean", func() bool { return s.title() == "Sovmap — Three places" })
	s.screenshot("saved")

	got, err := storyfile.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title["en"] != "Three places" || got.Title["es"] != "Tres lugares" || len(got.Items) != 3 {
		t.Fatalf("saved %q with %d items", got.Title, len(got.Items))
	}
	shooting, camp, troops := got.Items[0], got.Items[1], got.Items[2]
	for _, c := range []struct {
		what, got, want string
	}{
		{"1 title", shooting.Title["en"], "Shooting in Huitzilac"},
		{"1 Spanish title", shooting.Title["es"], "Tiroteo en Huitzilac"},
		{"1 summary", shooting.Summary["en"], "A man was shot."},
		{"1 kind", string(shooting.Kind), "incident"},
		{"1 date", shooting.Date.ISO() + " " + string(shooting.Date.Precision), "2025-01-13 day"},
		{"1 place", placeOf(shooting), "Huitzilac, Huitzilac, MX-MOR"},
		{"1 location", shooting.LocationPrecision, "municipality"},
		{"1 victims", shooting.Victims["en"], "1 killed"},
		{"1 source", sourceOf(shooting), "Reuters https://www.reuters.com/"},
		{"2 title", camp.Title["en"] + " / " + camp.Title["es"], "Camp found in Teuchitlan / Hallazgo de un campo"},
		{"2 summary", camp.Summary["en"], "A camp was found."},
		{"2 date", camp.Date.ISO() + " " + string(camp.Date.Precision), "2025-03-01/2025-03-05 range"},
		{"2 place", placeOf(camp), "Teuchitlán, Teuchitlán, MX-JAL"},
		{"2 source", sourceOf(camp), "Reuters https://www.reuters.com/"},
		{"3 title", troops.Title["en"] + " / " + troops.Title["es"], "Troops proposed / Propuesta de tropas"},
		{"3 summary", troops.Summary["en"], "Troops were proposed."},
		{"3 kind and side", string(troops.Kind) + " " + string(troops.Side), "event us"},
		{"3 date", string(troops.Date.Precision), "undated"},
		{"3 place", placeOf(troops), ""},
	} {
		if c.got != c.want {
			t.Errorf("%s: saved %q, want %q", c.what, c.got, c.want)
		}
	}
}

func placeOf(it *story.Item) string {
	if it.Place == nil {
		return ""
	}
	return it.Place.Name + ", " + it.Place.Municipality + ", " + it.Place.State
}

func sourceOf(it *story.Item) string {
	if len(it.Sources) != 1 {
		return fmt.Sprintf("%d sources", len(it.Sources))
	}
	return it.Sources[0].Name["en"] + " " + it.Sources[0].URL
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
