package render_test

import (
	"fmt"
	"image"
	"sync"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/render"
)

// Two renderers draw at once (the window and an export), both shaping
// text in scripts the Go fonts lack: each has faces of its own, which
// go-text's are not safe to share. Under the race detector (make race),
// faces shared between renderers fail this test.
func TestRenderersShapeConcurrently(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 480, 300)
	var wg sync.WaitGroup
	for k := range 2 {
		wg.Go(func() {
			r := render.NewRenderer(m)
			img := image.NewRGBA(image.Rect(0, 0, 480, 300))
			for i := range 6 {
				sc := storyScene(m)
				// A new text each time, so that no cache saves the shaping.
				sc.Title = fmt.Sprintf("القاهرة %d ירושלים %d", k, i)
				sc.Caption = fmt.Sprintf("Αθήνα — Москва %d", i)
				r.Render(img, vp, sc)
				if err := r.WriteSVG(&nopWriter{}, vp, sc, render.SVGOptions{Outlines: true}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

type nopWriter struct{}

func (*nopWriter) Write(p []byte) (int, error) { return len(p), nil }
