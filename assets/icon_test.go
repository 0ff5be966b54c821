package assets

import (
	"bytes"
	"image/png"
	"testing"
)

// The icons are square PNGs of the sizes their doc comments give: the
// window's is the small one, so that start-up does not decode and send a
// megapixel.
func TestIconSizes(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		side int
	}{
		{"Icon", Icon(), 1024},
		{"WindowIcon", WindowIcon(), 256},
	} {
		cfg, err := png.DecodeConfig(bytes.NewReader(c.data))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if cfg.Width != c.side || cfg.Height != c.side {
			t.Errorf("%s is %dx%d, want %dx%d", c.name, cfg.Width, cfg.Height, c.side, c.side)
		}
	}
}
