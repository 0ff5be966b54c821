// Package pixeltest holds the image checks that Sovmap's tests share:
// comparing rendered frames, exports and screenshots pixel by pixel.
package pixeltest

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

// Differ counts the pixels inside r where a and b differ.
func Differ(a, b image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

// DifferBeyond counts the pixels inside r where a channel of a and b
// differs by more than tol levels of 255: what two rasterizers of the same
// drawing disagree on beyond anti-aliasing.
func DifferBeyond(a, b image.Image, r image.Rectangle, tol uint8) int {
	t := uint32(tol) << 8
	d := func(x, y uint32) uint32 {
		if x > y {
			return x - y
		}
		return y - x
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if d(r1, r2) > t || d(g1, g2) > t || d(b1, b2) > t {
				n++
			}
		}
	}
	return n
}

// SameRGB reports whether c has the red, green and blue of want.
func SameRGB(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	return uint8(r>>8) == want.R && uint8(g>>8) == want.G && uint8(b>>8) == want.B
}

// DecodePNG reads a PNG file, failing the test if it is not one.
func DecodePNG(t testing.TB, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
