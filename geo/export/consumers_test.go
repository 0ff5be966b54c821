package export_test

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"sovmap/geo/export"
	"sovmap/geo/pixeltest"
)

// An SVG export with text as outlines, drawn by librsvg (rsvg-convert, as
// GNOME's viewers and many converters draw SVG), shows what the PNG export
// shows: the same map, labels, legend, title and attribution, in the same
// places. Anti-aliasing differs between the two rasterizers, so the test
// counts the pixels that differ clearly (by more than a fifth of the range
// in a channel), overall and in the furniture's corners. CI installs
// rsvg-convert; elsewhere the test is skipped without it.
func TestSVGMatchesPNGInLibrsvg(t *testing.T) {
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rsvg-convert is not installed (librsvg2-bin)")
		}
		t.Skip("rsvg-convert is not installed")
	}
	for _, size := range [][2]int{{1200, 800}, {800, 1000}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w, h := size[0], size[1]
			st := newState(t, float64(w), float64(h))
			o := export.DefaultOptions(st)
			o.Width, o.Height, o.Outlines = w, h, true
			o.Furniture.Caption = "Teocaltiche · 28 Apr 2025"
			dir := t.TempDir()
			pngPath, svgPath, rsvgPath := filepath.Join(dir, "map.png"), filepath.Join(dir, "map.svg"), filepath.Join(dir, "rsvg.png")
			for _, p := range []string{pngPath, svgPath} {
				if err := export.Map(p, st, o); err != nil {
					t.Fatal(err)
				}
			}
			if out, err := exec.Command("rsvg-convert", "-o", rsvgPath, svgPath).CombinedOutput(); err != nil {
				t.Fatalf("rsvg-convert: %v\n%s", err, out)
			}
			ours, theirs := pixeltest.DecodePNG(t, pngPath), pixeltest.DecodePNG(t, rsvgPath)
			if ours.Bounds() != theirs.Bounds() {
				t.Fatalf("librsvg drew %v, the PNG is %v", theirs.Bounds(), ours.Bounds())
			}
			all := ours.Bounds()
			corners := map[string]image.Rectangle{
				"title and legend (top left)": image.Rect(0, 0, w/3, h/3),
				"scale bar (bottom left)":     image.Rect(0, h*5/6, w/3, h),
				"attribution (bottom right)":  image.Rect(w*2/3, h*5/6, w, h),
				"whole map":                   all,
			}
			for name, r := range corners {
				n := pixeltest.DifferBeyond(ours, theirs, r, 51)
				share := float64(n) / float64(r.Dx()*r.Dy())
				t.Logf("%s: %.2f%% of pixels differ clearly", name, 100*share)
				if share > 0.01 {
					t.Errorf("%s: %.2f%% of pixels differ clearly between librsvg and the PNG, want at most 1%%", name, 100*share)
				}
			}
		})
	}
}
