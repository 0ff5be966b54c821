package render

import (
	"encoding/binary"
	"image"
	"image/color"
)

// compositeFrom paints colour c (premultiplied) through the coverage mask
// onto dst over box, the mask's point mp at box.Min: a kept disc's coverage
// onto a frame. It skips empty coverage eight pixels at a time and stores
// fully covered opaque pixels directly.
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
			blend(d[4*x:4*x+4:4*x+4], m[x], c, solid, opaque)
		}
	}
}
