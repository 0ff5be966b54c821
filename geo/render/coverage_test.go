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

// A hairline covers, in all, its width times its length, in the pixels
// along it: each within a pixel of the line as a quad of that width
// covers it, and none farther off. Lines reaching beyond the area add
// only what lies in it, and hostile numbers add nothing and never write
// outside it.
func TestHairlineCoversItsArea(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const w, h = 60, 40
	worst := 0.0
	for trial := 0; trial < 500; trial++ {
		width := []float32{0.5, 0.8, 1}[trial%3]
		ax, ay := 3+rng.Float32()*(w-6), 3+rng.Float32()*(h-6)
		bx, by := 3+rng.Float32()*(w-6), 3+rng.Float32()*(h-6)
		if trial%7 == 0 { // level and plumb lines, on and between pixel centres
			by = ay
		} else if trial%7 == 1 {
			bx = ax
		}
		var line coverage
		line.reset(w, h)
		line.lines = true
		line.hairline(ax, ay, bx, by, width)
		length := math.Hypot(float64(bx-ax), float64(by-ay))
		sum := 0.0
		for _, v := range line.cells {
			sum += float64(v)
		}
		if want := float64(width) * length; math.Abs(sum-want) > 1e-3*max(1, want) {
			t.Fatalf("trial %d: (%v,%v)-(%v,%v) %v wide covers %v in all, want %v", trial, ax, ay, bx, by, width, sum, want)
		}
		// The same line as a quad, its exact area, with no caps.
		var quad coverage
		quad.reset(w, h)
		dx, dy := float64(bx-ax)/length, float64(by-ay)/length
		nx, ny := float32(-dy*float64(width)/2), float32(dx*float64(width)/2)
		quad.MoveTo(ax+nx, ay+ny)
		quad.LineTo(bx+nx, by+ny)
		quad.LineTo(bx-nx, by-ny)
		quad.LineTo(ax-nx, ay-ny)
		quad.LineTo(ax+nx, ay+ny)
		exact := image.NewAlpha(image.Rect(0, 0, w, h))
		quad.mask(exact)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				got := float64(line.cells[y*w+x])
				want := float64(exact.AlphaAt(x, y).A) / 255
				// Away from the ends, where the quad's corners and the
				// hairline's last half pixel part, a pixel's coverage is
				// near the exact one.
				px, py := float64(x)+0.5, float64(y)+0.5
				along := (px-float64(ax))*dx + (py-float64(ay))*dy
				if along > 1.5 && along < length-1.5 {
					worst = max(worst, math.Abs(got-want))
				}
				if got > 0 && distanceToSegment(px, py, float64(ax), float64(ay), float64(bx), float64(by)) > float64(width)/2+1.5 {
					t.Fatalf("trial %d: pixel (%d, %d) covered %v, far from the line", trial, x, y, got)
				}
			}
		}
	}
	// The tent filter against the exact area: a third of the width at
	// most, in the worst pixel of 500 lines.
	if worst > 0.34 {
		t.Errorf("a hairline's pixel differs from the exact area by %.2f", worst)
	}
	t.Logf("the worst pixel differs from the exact area by %.3f", worst)

	// Reaching out of the area, or wholly outside it.
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	for _, e := range [][4]float32{
		{-1e9, 3, 1e9, 5}, {30, -1e9, 31, 1e9}, {-50, -50, -10, -1}, {70, 0, 90, 40},
		{nan, 0, 3, 4}, {3, nan, 4, 5}, {0, 0, inf, 4}, {-inf, 0, 2, 8}, {1e30, 1e30, -1e30, -1e30},
	} {
		var c coverage
		c.reset(w, h)
		c.lines = true
		c.hairline(e[0], e[1], e[2], e[3], 1)
		sum := 0.0
		for _, v := range c.cells {
			sum += float64(v)
		}
		if math.IsNaN(sum) || sum > w+h {
			t.Errorf("%v: covers %v", e, sum)
		}
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		c.paint(dst, dst.Rect, color.RGBA{0, 0, 0, 0xff}) // must not panic
	}
}

// A pass of hairlines paints each pixel by its own coverage alone (the
// pixels between lines are left as they were) and leaves the coverage
// clear for the next pass.
func TestHairlinesPaintOnlyTheirPixels(t *testing.T) {
	const w, h = 40, 20
	var c coverage
	c.reset(w, h)
	c.lines = true
	c.hairline(2, 5.5, 38, 5.5, 1)  // row 5, wholly
	c.hairline(10, 12, 10, 18, 0.5) // between columns 9 and 10, a quarter each
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	c.paint(dst, dst.Rect, color.RGBA{0, 0, 0xff, 0xff})
	for _, p := range []struct {
		x, y int
		want uint8
	}{{20, 5, 0xff}, {20, 4, 0}, {20, 6, 0}, {39, 5, 0}, {9, 15, 64}, {10, 15, 64}, {11, 15, 0}, {30, 15, 0}} {
		if got := dst.RGBAAt(p.x, p.y).B; got != p.want {
			t.Errorf("pixel (%d, %d) painted %d, want %d", p.x, p.y, got, p.want)
		}
	}
	for i, v := range c.cells {
		if v != 0 {
			t.Fatalf("cell %d left at %v", i, v)
		}
	}
}

func distanceToSegment(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	return math.Hypot(px-ax-t*dx, py-ay-t*dy)
}
