package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"sovmap/geo"
	"sovmap/geo/geotest"
)

// boxSurface records the box of everything drawn on it.
type boxSurface struct{ boxes []image.Rectangle }

func (s *boxSurface) panel(r image.Rectangle, c color.RGBA) {
	if c.A != 0 {
		s.boxes = append(s.boxes, r)
	}
}

func (s *boxSurface) disc(cx, cy, outer, _ float64, _ color.RGBA) {
	s.boxes = append(s.boxes, image.Rect(int(cx-outer), int(cy-outer), int(cx+outer)+1, int(cy+outer)+1))
}

func (s *boxSurface) text(g *glyphRun, at image.Point, _, _ color.RGBA, _ bool) {
	s.boxes = append(s.boxes, image.Rectangle{Min: at, Max: at.Add(g.Size())})
}

func (s *boxSurface) locator(box image.Rectangle, _ geo.Viewport, _ *Scene, _ image.Rectangle) {
	s.boxes = append(s.boxes, box)
}

func (s *boxSurface) outline(reg *geo.Region, vp geo.Viewport, _ float64, _ color.RGBA) {
	s.boxes = append(s.boxes, pixelBox(vp, reg.Bound, 0, image.Rect(-1<<20, -1<<20, 1<<20, 1<<20)))
}

func (s *boxSurface) area(reg *geo.Region, vp geo.Viewport, _, _ color.RGBA, _ float64) {
	s.boxes = append(s.boxes, pixelBox(vp, reg.Bound, 0, image.Rect(-1<<20, -1<<20, 1<<20, 1<<20)))
}

func (s *boxSurface) polygon(pts [][2]float64, _ color.RGBA) {
	b := image.Rect(int(pts[0][0]), int(pts[0][1]), int(pts[0][0])+1, int(pts[0][1])+1)
	for _, p := range pts[1:] {
		b = b.Union(image.Rect(int(p[0]), int(p[1]), int(p[0])+1, int(p[1])+1))
	}
	s.boxes = append(s.boxes, b)
}

// At any size and aspect ratio, a print layout's furniture stays off the
// map's frame and inside the image, and the frame it leaves is what
// PrintFrame says; only pictures too small for bands (the frame would be
// under half of the picture) are left to the window's floating layout.
func TestPrintLayoutNeverCoversTheMap(t *testing.T) {
	m := geotest.Map(t)
	long := "A long title about the 2025 dispute over US troops and Mexico's sovereignty, with every incident of the story"
	for _, size := range [][2]int{{1920, 1080}, {3508, 2480}, {2480, 3508}, {800, 600}, {600, 900}, {400, 400}, {4000, 900}, {900, 4000}, {1280, 720}, {300, 200}} {
		w, h := size[0], size[1]
		// The scale an export of that size stands at (export.ScaleFor), and
		// a smaller one, as a small window's view exported larger gives.
		full := math.Max(1, float64(min(w, h))/720)
		for _, scale := range []float64{full, full * 0.6} {
			t.Run(fmt.Sprintf("%dx%d@%g", w, h, scale), func(t *testing.T) {
				sc := &Scene{Style: LightStyle(scale), Title: long, Caption: "Teocaltiche · c. 14 Apr 2025, 28 Apr 2025",
					NorthArrow: true, ScaleBar: true, Inset: true, Attribution: "Boundaries: Natural Earth (public domain) · Story based on Reuters, early May 2025",
					Legend: []LegendEntry{{Symbol: LegendMarker, Text: "Not attributed in the report", Category: 1},
						{Symbol: LegendMarker, Text: "Drug cartel (the report's word)", Category: 2}, {Symbol: LegendCluster, Text: "Several incidents"},
						{Symbol: LegendHighlight, Text: "State with incidents"}}}
				vp := geotest.WholeCountry(m, w, h)
				frame := PrintFrame(sc, vp, w, h)
				r := NewRenderer(m)
				var rec boxSurface
				got := r.printLayout(&rec, w, h, geo.Viewport{Proj: vp.Proj, Center: vp.Center, Res: vp.Res, Width: frame.Dx(), Height: frame.Dy()}, sc)
				if got != frame {
					t.Fatalf("drawn, the frame is %v; laid out, %v", got, frame)
				}
				if frame.Dx() < w/2 || frame.Dy() < h/2 {
					if w >= 800 && h >= 600 {
						t.Fatalf("frame %v: a %dx%d picture leaves the map under half of it", frame, w, h)
					}
					t.Skipf("frame %v: too small a picture for bands", frame)
				}
				for _, b := range rec.boxes {
					if b.Overlaps(frame) {
						t.Errorf("furniture at %v covers the map's frame %v", b, frame)
					}
					if !b.In(image.Rect(0, 0, w, h)) {
						t.Errorf("furniture at %v leaves the %dx%d image", b, w, h)
					}
				}
				if len(rec.boxes) < 8 {
					t.Errorf("only %d things drawn: is the furniture there?", len(rec.boxes))
				}
			})
		}
	}
}
