package pixeltest_test

import (
	"image"
	"image/color"
	"testing"

	"sovmap/geo/pixeltest"
)

func TestDiffer(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 4, 4))
	b := image.NewRGBA(image.Rect(0, 0, 4, 4))
	b.Set(1, 1, color.White)
	b.Set(3, 3, color.White)
	tests := []struct {
		r    image.Rectangle
		want int
	}{
		{a.Rect, 2}, {image.Rect(0, 0, 2, 2), 1}, {image.Rect(2, 0, 4, 2), 0},
	}
	for _, tt := range tests {
		if got := pixeltest.Differ(a, b, tt.r); got != tt.want {
			t.Errorf("Differ over %v = %d, want %d", tt.r, got, tt.want)
		}
	}
	if !pixeltest.SameRGB(color.NRGBA{10, 20, 30, 255}, color.RGBA{10, 20, 30, 255}) || pixeltest.SameRGB(color.White, color.RGBA{}) {
		t.Error("SameRGB")
	}
}
