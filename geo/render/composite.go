package render

import (
	"encoding/binary"
	"image"
	"image/color"
)

// composite paints colour c (premultiplied) through the coverage mask onto
// dst over box; mask's origin maps to box.Min. It is the hot loop of every
// fill and stroke, so it skips empty coverage eight pixels at a time and
// stores fully covered opaque pixels directly.
func composite(dst *image.RGBA, box image.Rectangle, mask *image.Alpha, c color.RGBA) {
	compositeFrom(dst, box, mask, image.Point{}, c)
}

// compositeFrom is composite with the mask's point mp mapping to box.Min.
func compositeFrom(dst *image.RGBA, box image.Rectangle, mask *image.Alpha, mp image.Point, c color.RGBA) {
	solid := binary.LittleEndian.Uint32([]byte{c.R, c.G, c.B, c.A})
	opaque := c.A == 0xff
	w := box.Dx()
	for y := 0; y < box.Dy(); y++ {
		row := (mp.Y+y)*mask.Stride + mp.X
		m := mask.Pix[row : row+w]
		d := dst.Pix[dst.PixOffset(box.Min.X, box.Min.Y+y):]
		for x := 0; x < w; x++ {
			if x+8 <= w {
				switch binary.LittleEndian.Uint64(m[x:]) {
				case 0:
					x += 7
					continue
				case ^uint64(0):
					if opaque {
						run := d[4*x : 4*x+32]
						for i := 0; i < 32; i += 4 {
							binary.LittleEndian.PutUint32(run[i:], solid)
						}
						x += 7
						continue
					}
				}
			}
			a := uint32(m[x])
			switch {
			case a == 0:
				continue
			case a == 0xff && opaque:
				binary.LittleEndian.PutUint32(d[4*x:], solid)
				continue
			}
			// Porter-Duff over with coverage a: out = src·a + dst·(1 − srcA·a).
			p := d[4*x : 4*x+4 : 4*x+4]
			ia := 0xff*0xff - uint32(c.A)*a
			p[0] = uint8((uint32(c.R)*a*0xff + uint32(p[0])*ia) / (0xff * 0xff))
			p[1] = uint8((uint32(c.G)*a*0xff + uint32(p[1])*ia) / (0xff * 0xff))
			p[2] = uint8((uint32(c.B)*a*0xff + uint32(p[2])*ia) / (0xff * 0xff))
			p[3] = uint8((uint32(c.A)*a*0xff + uint32(p[3])*ia) / (0xff * 0xff))
		}
	}
}
