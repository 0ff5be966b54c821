package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand/v2"
	"testing"

	"golang.org/x/image/vector"

	"sovmap/geo/geotest"
)

// The coverage rasterizer agrees with x/image/vector's, the Go team's, on
// random closed paths of every kind it meets: small and large, inside the
// area and reaching beyond any of its sides, crossing themselves and with
// holes. The two sum areas in their own order, so a pixel may differ by a
// level of 255, never more.
func TestCoverageMatchesVector(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		w, h := 1+rng.IntN(120), 1+rng.IntN(80)
		var c coverage
		c.reset(w, h)
		z := vector.NewRasterizer(max(w, 513), h) // floating point, as the renderer used it
		spread := []float32{0.5, 1, 3}[rng.IntN(3)]
		for range 1 + rng.IntN(3) {
			n := 3 + rng.IntN(12)
			var first [2]float32
			for i := 0; i < n; i++ {
				x := (rng.Float32()*spread - (spread-1)/2) * float32(w)
				y := (rng.Float32()*spread - (spread-1)/2) * float32(h)
				if i == 0 {
					first = [2]float32{x, y}
					c.MoveTo(x, y)
					z.MoveTo(x, y)
					continue
				}
				c.LineTo(x, y)
				z.LineTo(x, y)
			}
			c.LineTo(first[0], first[1])
			z.ClosePath()
		}
		got := image.NewAlpha(image.Rect(0, 0, w, h))
		c.mask(got)
		want := image.NewAlpha(image.Rect(0, 0, max(w, 513), h))
		z.DrawOp = draw.Src
		z.Draw(want, want.Rect, image.Opaque, image.Point{})
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				g, v := int(got.AlphaAt(x, y).A), int(want.AlphaAt(x, y).A)
				if g-v > 1 || v-g > 1 {
					t.Fatalf("trial %d (%dx%d, spread %v): pixel (%d, %d) covered %d, vector says %d", trial, w, h, spread, x, y, g, v)
				}
			}
		}
		// The coverage is left clear for the next pass.
		for i, v := range c.cells {
			if v != 0 {
				t.Fatalf("trial %d: cell %d left at %v", trial, i, v)
			}
		}
	}
}

// Painting a coverage blends as composite does through the same mask.
func TestCoveragePaintsAsComposite(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 100; trial++ {
		w, h := 1+rng.IntN(60), 1+rng.IntN(40)
		path := func(c *coverage) {
			c.MoveTo(rng.Float32()*float32(w)*1.4-0.2*float32(w), rng.Float32()*float32(h))
			for range 5 {
				c.LineTo(rng.Float32()*float32(w)*1.4-0.2*float32(w), rng.Float32()*float32(h))
			}
		}
		col := color.RGBA{uint8(rng.IntN(128)), uint8(rng.IntN(128)), uint8(rng.IntN(128)), 128 + uint8(rng.IntN(128))}
		var a, b coverage
		a.reset(w, h)
		b.reset(w, h)
		path(&a)
		// b draws the very same path: copy a's cells.
		copy(b.cells, a.cells)
		copy(b.lo, a.lo)
		copy(b.hi, a.hi)
		dst1 := image.NewRGBA(image.Rect(0, 0, w+3, h+2))
		for i := range dst1.Pix {
			dst1.Pix[i] = uint8(rng.IntN(256))
		}
		dst2 := image.NewRGBA(dst1.Rect)
		copy(dst2.Pix, dst1.Pix)
		box := image.Rect(2, 1, 2+w, 1+h)
		a.paint(dst1, box, col)
		m := image.NewAlpha(image.Rect(0, 0, w, h))
		b.mask(m)
		compositeFrom(dst2, box, m, image.Point{}, col)
		for i := range dst1.Pix {
			if dst1.Pix[i] != dst2.Pix[i] {
				t.Fatalf("trial %d: byte %d painted %d, composite %d", trial, i, dst1.Pix[i], dst2.Pix[i])
			}
		}
	}
}

// Edges far outside the area, huge or not numbers at all, cost no more
// than the area's width and never write outside it.
func TestCoverageHostileEdges(t *testing.T) {
	var c coverage
	c.reset(16, 8)
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	for _, e := range [][4]float32{
		{-1e9, 0, 1e9, 7.5}, {1e9, 0, -1e9, 8}, {-1e30, 3, -1e30, 5}, {1e30, 0, 1e30, 8},
		{nan, 0, 3, 4}, {3, nan, 4, 5}, {0, 0, inf, 4}, {-inf, 0, 2, 8}, {2, -1e9, 3, 1e9},
	} {
		c.MoveTo(e[0], e[1])
		c.LineTo(e[2], e[3])
	}
	m := image.NewAlpha(image.Rect(0, 0, 16, 8))
	c.mask(m) // must not panic
}

// After a frame drawn on both goroutines, each painter has room for a
// whole band, whichever bands it drew: the helper may draw none of a
// frame's bands and all of the next one's, which must not allocate.
func TestBothPaintersHoldABand(t *testing.T) {
	m := geotest.Map(t)
	for _, size := range []image.Point{{640, 400}, {1920, 1080}, {300, 2000}} {
		r := NewRenderer(m)
		img := image.NewRGBA(image.Rectangle{Max: size})
		r.Render(img, geotest.WholeCountry(m, size.X, size.Y), &Scene{Style: LightStyle(1)})
		rows := bandRows(img.Rect)
		for name, p := range map[string]*painter{"caller": &r.main, "helper": &r.helper.p} {
			if cap(p.z.cells) < size.X*rows || cap(p.z.lo) < rows {
				t.Errorf("%v: the %s's painter holds %d cells and %d rows, a band needs %d and %d",
					size, name, cap(p.z.cells), cap(p.z.lo), size.X*rows, rows)
			}
		}
	}
}
