package ui

import (
	"context"
	"errors"
	"image/gif"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sovmap/geo/video"
)

// File › Export video… writes the story told as a GIF from a state of its
// own (the window's view and selection untouched), and Cancel leaves no
// file.
func TestExportVideoFromTheWindow(t *testing.T) {
	w := newTestWindow(t)
	w.SelectPlace("teocaltiche")
	view := w.state.View()
	path := filepath.Join(t.TempDir(), "story.gif")
	select {
	case err := <-w.writeVideo(path, 320, 180, video.Narrative):
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the video was not written in 2 minutes")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(f)
	f.Close()
	if err != nil || g.Config.Width != 320 || g.Config.Height != 180 {
		t.Fatalf("the GIF: %v, %+v", err, g.Config)
	}
	if p := w.state.Place(); p == nil || p.ID != "teocaltiche" || w.state.View() != view {
		t.Errorf("the window's selection or view changed: %v, %+v", p, w.state.View())
	}

	cancelled := filepath.Join(t.TempDir(), "cancelled.gif")
	done := w.writeVideo(cancelled, 640, 360, video.Play)
	w.cancelOp()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Cancel did not stop the video")
	}
	if _, err := os.Stat(cancelled); err == nil {
		t.Error("a cancelled video left its file")
	}
}
