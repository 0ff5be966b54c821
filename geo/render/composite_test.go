package render

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// compositeFrom is a fast path for image/draw's DrawMask with a uniform source
// and draw.Over: on random images, masks and colours (opaque and
// translucent, premultiplied) the two agree to within rounding.
func TestCompositeMatchesDrawMask(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		w, h := 1+rng.IntN(40), 1+rng.IntN(20)
		dst := image.NewRGBA(image.Rect(0, 0, w+7, h+5))
		for i := range dst.Pix {
			dst.Pix[i] = uint8(rng.IntN(256))
		}
		for i := 3; i < len(dst.Pix); i += 4 { // valid premultiplied pixels
			a := dst.Pix[i]
			dst.Pix[i-3], dst.Pix[i-2], dst.Pix[i-1] = min(dst.Pix[i-3], a), min(dst.Pix[i-2], a), min(dst.Pix[i-1], a)
		}
		mask := image.NewAlpha(image.Rect(0, 0, w, h))
		for i := range mask.Pix {
			switch rng.IntN(4) { // runs of empty and full coverage, as shapes give
			case 0:
				mask.Pix[i] = 0
			case 1:
				mask.Pix[i] = 0xff
			default:
				mask.Pix[i] = uint8(rng.IntN(256))
			}
		}
		a := uint8(rng.IntN(256))
		if trial%2 == 0 {
			a = 0xff
		}
		c := color.RGBA{uint8(rng.IntN(int(a) + 1)), uint8(rng.IntN(int(a) + 1)), uint8(rng.IntN(int(a) + 1)), a}
		box := image.Rect(rng.IntN(7), rng.IntN(5), 0, 0)
		box.Max = box.Min.Add(image.Pt(w, h))
		want := image.NewRGBA(dst.Rect)
		copy(want.Pix, dst.Pix)
		draw.DrawMask(want, box, image.NewUniform(c), image.Point{}, mask, image.Point{}, draw.Over)
		compositeFrom(dst, box, mask, image.Point{}, c)
		for i := range dst.Pix {
			if d := int(dst.Pix[i]) - int(want.Pix[i]); d < -1 || d > 1 {
				t.Fatalf("trial %d: byte %d is %d, image/draw gives %d (colour %v)", trial, i, dst.Pix[i], want.Pix[i], c)
			}
		}
	}
}
