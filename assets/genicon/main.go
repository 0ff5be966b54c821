// Command genicon draws Sovmap's icon with the app's own renderer: Mexico's
// states on a rounded tile of sea, with one story marker. `go generate
// ./assets` runs it for assets/icon.png (1024x1024); the Linux bundle runs
// it for the hicolor sizes (-size 48 … 512) and the scalable icon (-svg).
// The icon is drawn at 1024 pixels, where borders and marker keep their
// proportions, and smaller sizes are resampled from it (Catmull-Rom).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"
	"strings"

	"github.com/paulmach/orb"
	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/atomicfile"
	"sovmap/geo/render"
)

// The icon's proportions, as fractions of its side.
const (
	pad    = 0.04  // sea tile inset from the edge
	radius = 0.18  // corner radius of the tile
	frame  = 0.012 // width of the frame around the tile
)

// frameColor is the tile's frame.
var frameColor = color.RGBA{0x1f, 0x4e, 0x9c, 0xff}

func main() {
	out := flag.String("out", "icon.png", "where to write the icon")
	size := flag.Int("size", 1024, "the icon's width and height in pixels (16 to 4096)")
	svg := flag.Bool("svg", false, "write a scalable SVG icon (of nominal size -size) instead of a PNG")
	flag.Parse()
	if *size < 16 || *size > 4096 {
		fmt.Fprintf(os.Stderr, "genicon: -size %d is out of range (16 to 4096)\n", *size)
		os.Exit(2)
	}
	if err := run(*out, *size, *svg); err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
}

func run(out string, size int, svg bool) error {
	m, err := geo.LoadMap(assets.Map(), 0)
	if err != nil {
		return err
	}
	st := render.LightStyle(drawSize / 160)
	st.BorderWidth = 0.3
	st.MarkerSize = 7.5
	vp := geo.Fit(m.Proj, m.Bound, drawSize, drawSize, drawSize*0.07)
	// A marker at Teocaltiche, the story's place with most incidents.
	at := m.Proj.Forward(orb.Point{-102.5702778, 21.4344444})
	sc := render.Scene{Style: st, Markers: []render.Marker{{ID: "m", At: at}}, Highlighted: []string{"MX-JAL"}}
	r := render.NewRenderer(m)
	if svg {
		return atomicfile.WriteFile(out, func(w io.Writer) error { return writeSVG(w, r, vp, &sc, size) })
	}
	icon := drawPNG(r, vp, &sc, drawSize)
	if size != drawSize {
		small := image.NewRGBA(image.Rect(0, 0, size, size))
		xdraw.CatmullRom.Scale(small, small.Rect, icon, icon.Rect, xdraw.Src, nil)
		icon = small
	}
	return atomicfile.WriteFile(out, func(w io.Writer) error { return png.Encode(w, icon) })
}

// drawSize is the side in pixels the icon is drawn at.
const drawSize = 1024

// drawPNG renders the map and cuts it to a rounded square with a frame.
func drawPNG(r *render.Renderer, vp geo.Viewport, sc *render.Scene, size int) *image.RGBA {
	mapImg := image.NewRGBA(image.Rect(0, 0, size, size))
	r.Render(mapImg, vp, sc)
	n := float32(size)
	icon := image.NewRGBA(mapImg.Rect)
	tile := roundedSquare(size, n*pad, n*radius)
	draw.DrawMask(icon, icon.Rect, mapImg, image.Point{}, tile, image.Point{}, draw.Over)
	ring := roundedSquare(size, n*pad, n*radius)
	inner := roundedSquare(size, n*(pad+frame), n*(radius-frame))
	for i := range ring.Pix {
		ring.Pix[i] = uint8(max(0, int(ring.Pix[i])-int(inner.Pix[i])))
	}
	draw.DrawMask(icon, icon.Rect, image.NewUniform(frameColor), image.Point{}, ring, image.Point{}, draw.Over)
	return icon
}

// writeSVG writes the same icon as vectors: the renderer's SVG of the map,
// clipped to the rounded tile, and the frame as a stroked rounded square,
// in a document of nominal size width and height.
func writeSVG(w io.Writer, r *render.Renderer, vp geo.Viewport, sc *render.Scene, size int) error {
	var mapSVG bytes.Buffer
	if err := r.WriteSVG(&mapSVG, vp, sc, render.SVGOptions{Outlines: true}); err != nil {
		return err
	}
	// The map document becomes a nested <svg> element: drop its prolog.
	body := mapSVG.String()
	if i := strings.Index(body, "<svg"); i >= 0 {
		body = body[i:]
	}
	// The frame's stroke is centred on the path, so the path runs along
	// the middle of the frame band.
	n := float64(drawSize)
	mid, midR := n*(pad+frame/2), n*(radius-frame/2)
	_, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %g %g">
<title>Sovmap</title>
<defs><clipPath id="tile"><rect x="%g" y="%g" width="%g" height="%g" rx="%g"/></clipPath></defs>
<g clip-path="url(#tile)">
%s</g>
<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="none" stroke="#%02x%02x%02x" stroke-width="%g"/>
</svg>
`, size, size, n, n,
		n*pad, n*pad, n*(1-2*pad), n*(1-2*pad), n*radius,
		body,
		mid, mid, n-2*mid, n-2*mid, midR, frameColor.R, frameColor.G, frameColor.B, n*frame)
	return err
}

// roundedSquare is the coverage of a square of side n inset by pad with
// corners of radius rad.
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
