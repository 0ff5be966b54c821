package export_test

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sovmap/geo/export"
	"sovmap/geo/render"
)

// A cancelled export stops drawing: with the context done before it
// starts, not one band of the land is drawn; cancelled while it draws, it
// returns the context's error and leaves no file, for a screen's size and
// a print's, PNG and SVG alike.
func TestCancelledExportStops(t *testing.T) {
	st := newState(t, 1000, 700)
	o := export.DefaultOptions(st)
	o.Width, o.Height = 2000, 1400
	plan, err := export.NewPlan(st, o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	size := image.Pt(plan.View.Width, plan.View.Height)
	if !plan.Scene.MapFrame.Empty() {
		size = plan.Scene.Page
	}
	img := image.NewRGBA(image.Rectangle{Max: size})
	if err := render.NewRenderer(st.Map()).RenderContext(ctx, img, plan.View, &plan.Scene); !errors.Is(err, context.Canceled) {
		t.Errorf("RenderContext after cancel: %v", err)
	}
	for i, p := range img.Pix {
		if p != 0 {
			t.Fatalf("pixel byte %d drawn after the cancel", i)
		}
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name  string
		print bool
	}{{"screen.png", false}, {"print.png", true}, {"screen.svg", false}} {
		o := export.DefaultOptions(st)
		o.Width, o.Height, o.Print = 4000, 3000, tt.print
		plan, err := export.NewPlan(st, o)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(20*time.Millisecond, cancel)
		path := filepath.Join(dir, tt.name)
		if err := plan.Write(ctx, path, st.Map()); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: cancelled export returned %v", tt.name, err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s: a cancelled export left a file (%v)", tt.name, err)
		}
		cancel()
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}

// BenchmarkCancelExport8K is how long an 8192x8192 PNG export takes to
// return once cancelled 50 ms in (goal: under 200 ms; before, the render
// ran to its end, seconds).
func BenchmarkCancelExport8K(b *testing.B) {
	st := newState(b, 1000, 1000)
	o := export.DefaultOptions(st)
	o.Width, o.Height = 8192, 8192
	plan, err := export.NewPlan(st, o)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.png")
	var worst time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		var at time.Time
		time.AfterFunc(50*time.Millisecond, func() { at = time.Now(); cancel() })
		if err := plan.Write(ctx, path, st.Map()); !errors.Is(err, context.Canceled) {
			b.Fatalf("cancelled export returned %v", err)
		}
		worst = max(worst, time.Since(at))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms-after-cancel")
}
