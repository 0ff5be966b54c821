// Command genicon draws Sovmap's icon (assets/icon.png, 1024x1024) with the
// app's own renderer: Mexico's states on a rounded tile of sea, with one
// story marker. It is run by `go generate ./assets`.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"

	"github.com/paulmach/orb"
	"golang.org/x/image/vector"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/atomicfile"
	"sovmap/geo/render"
)

const size = 1024

func main() {
	out := flag.String("out", "icon.png", "where to write the icon")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	m, err := geo.LoadMap(assets.Map(), geo.MexicoLCC)
	if err != nil {
		return err
	}
	st := render.LightStyle(size / 160.0)
	st.BorderWidth = 0.3
	st.MarkerSize = 7.5
	vp := geo.Fit(m.Proj, m.Bound, size, size, size*0.07)
	// A marker at Teocaltiche, the story's place with most incidents.
	at := m.Proj.Forward(orb.Point{-102.5833, 21.4333})
	sc := render.Scene{Style: st, Markers: []render.Marker{{ID: "m", At: at}}, Highlighted: []string{"MX-JAL"}}
	r := render.NewRenderer(m)
	mapImg := image.NewRGBA(image.Rect(0, 0, size, size))
	r.Render(mapImg, vp, &sc)

	// Cut the map to a rounded square, with a thin frame.
	icon := image.NewRGBA(mapImg.Rect)
	tile := roundedSquare(size, size*0.04, size*0.18)
	draw.DrawMask(icon, icon.Rect, mapImg, image.Point{}, tile, image.Point{}, draw.Over)
	frame := roundedSquare(size, size*0.04, size*0.18)
	inner := roundedSquare(size, size*0.04+size*0.012, size*0.18-size*0.012)
	for i := range frame.Pix {
		frame.Pix[i] = uint8(max(0, int(frame.Pix[i])-int(inner.Pix[i])))
	}
	draw.DrawMask(icon, icon.Rect, image.NewUniform(color.RGBA{0x1f, 0x4e, 0x9c, 0xff}), image.Point{}, frame, image.Point{}, draw.Over)
	return atomicfile.WriteFile(out, func(w io.Writer) error { return png.Encode(w, icon) })
}

// roundedSquare is the coverage of a square inset by pad with corners of
// radius rad.
func roundedSquare(n int, pad, rad float32) *image.Alpha {
	z := vector.NewRasterizer(n, n)
	lo, hi := pad, float32(n)-pad
	k := rad * 0.4477 // (1 - 0.5523): cubic Bézier approximation of a quarter circle
	z.MoveTo(lo+rad, lo)
	z.LineTo(hi-rad, lo)
	z.CubeTo(hi-k, lo, hi, lo+k, hi, lo+rad)
	z.LineTo(hi, hi-rad)
	z.CubeTo(hi, hi-k, hi-k, hi, hi-rad, hi)
	z.LineTo(lo+rad, hi)
	z.CubeTo(lo+k, hi, lo, hi-k, lo, hi-rad)
	z.LineTo(lo, lo+rad)
	z.CubeTo(lo, lo+k, lo+k, lo, lo+rad, lo)
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, n, n))
	z.DrawOp = draw.Src
	z.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	return mask
}
