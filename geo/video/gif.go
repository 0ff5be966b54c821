package video

import (
	"bufio"
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"io"
	"sort"
	"sovmap/geo/phrase"
)

// gifSink writes an animated GIF as the frames come, so that a video of
// any length holds two frames, not all of them: one palette for the whole
// file, made of the first frame's commonest colours (a map is a few flat
// colours and their anti-aliased edges, so its text and lines keep their
// colours), every later colour drawn in its nearest; each frame only the
// box of pixels that changed, the rest transparent over the frame before;
// a held frame one frame with a longer delay.
type gifSink struct {
	out  *bufio.Writer
	w, h int

	pal   color.Palette
	index map[uint32]uint8 // an RGB colour → its palette index
	prev  []uint8          // the last frame written, as indices
	cur   []uint8

	pending      *image.Paletted // the frame waiting for its delay
	pendingShown int             // how many frames it is shown for
	frames       int             // frames of FPS written, for the delays
}

// NewGIF writes an animated GIF of w x h frames to out; Close finishes it
// (Write puts it in a file atomically).
func NewGIF(out io.Writer, w, h int) (Sink, error) {
	if w > 65535 || h > 65535 {
		return nil, phrase.Errorf("%dx%d is larger than a GIF can be", w, h)
	}
	return &gifSink{out: bufio.NewWriterSize(out, 1<<20), w: w, h: h,
		index: map[uint32]uint8{}, prev: make([]uint8, w*h), cur: make([]uint8, w*h)}, nil
}

// transparent is the palette's index for "as the frame before".
const transparent = 0

// The palette's parts: the first frame's commonest colours, and a cube of
// cube³ even colours (1 + 130 + 125 = 256).
const (
	commonColours = 130
	cube          = 5
)

func (s *gifSink) Frame(img *image.RGBA, n int) error {
	if img.Rect.Dx() != s.w || img.Rect.Dy() != s.h {
		return phrase.Errorf("a frame of %v in a video of %dx%d", img.Rect.Size(), s.w, s.h)
	}
	if s.pal == nil {
		s.pal = palette(img)
		if err := s.header(); err != nil {
			return err
		}
	}
	for y := 0; y < s.h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*s.w]
		for x := 0; x < s.w; x++ {
			s.cur[y*s.w+x] = s.nearest(row[4*x], row[4*x+1], row[4*x+2])
		}
	}
	box := image.Rect(0, 0, s.w, s.h)
	if s.pending != nil {
		box = changed(s.prev, s.cur, s.w, s.h)
		if box.Empty() { // the same picture: the frame before stays longer
			s.pendingShown += n
			return nil
		}
		if err := s.flush(); err != nil {
			return err
		}
	}
	frame := image.NewPaletted(box, s.pal)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			i := y*s.w + x
			c := s.cur[i]
			if s.pending != nil || s.frames > 0 {
				if c == s.prev[i] {
					c = transparent
				}
			}
			frame.Pix[(y-box.Min.Y)*frame.Stride+x-box.Min.X] = c
		}
	}
	s.pending, s.pendingShown = frame, n
	s.prev, s.cur = s.cur, s.prev
	return nil
}

// palette is the palette of a video: transparent first, then the first
// frame's commonColours commonest colours, then an even cube of colours
// for what later frames hold and the first did not (a zoomed view's
// lighter boundaries, a shaded area): no colour is then far from one of
// the palette's.
func palette(img *image.RGBA) color.Palette {
	counts := map[uint32]int{}
	for i := 0; i < len(img.Pix); i += 4 {
		counts[uint32(img.Pix[i])<<16|uint32(img.Pix[i+1])<<8|uint32(img.Pix[i+2])]++
	}
	colours := make([]uint32, 0, len(counts))
	for c := range counts {
		colours = append(colours, c)
	}
	sort.Slice(colours, func(a, b int) bool {
		if counts[colours[a]] != counts[colours[b]] {
			return counts[colours[a]] > counts[colours[b]]
		}
		return colours[a] < colours[b]
	})
	pal := color.Palette{color.RGBA{}}
	for _, c := range colours[:min(commonColours, len(colours))] {
		pal = append(pal, color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 0xff})
	}
	for r := range cube {
		for g := range cube {
			for b := range cube {
				pal = append(pal, color.RGBA{uint8(r * 255 / (cube - 1)), uint8(g * 255 / (cube - 1)), uint8(b * 255 / (cube - 1)), 0xff})
			}
		}
	}
	for len(pal) < 256 { // the GIF's table has 256 entries
		pal = append(pal, color.RGBA{0, 0, 0, 0xff})
	}
	return pal
}

// nearest is the palette index of the colour nearest r, g, b, remembered.
func (s *gifSink) nearest(r, g, b uint8) uint8 {
	key := uint32(r)<<16 | uint32(g)<<8 | uint32(b)
	if i, ok := s.index[key]; ok {
		return i
	}
	best, bestD := 1, int(^uint(0)>>1)
	for i, c := range s.pal[1:] {
		p := c.(color.RGBA)
		dr, dg, db := int(p.R)-int(r), int(p.G)-int(g), int(p.B)-int(b)
		// Weighted as the eye weighs them (green most, blue least).
		if d := 3*dr*dr + 4*dg*dg + 2*db*db; d < bestD {
			best, bestD = i+1, d
		}
	}
	s.index[key] = uint8(best)
	return uint8(best)
}

// changed is the box of pixels that differ between two frames.
func changed(a, b []uint8, w, h int) image.Rectangle {
	box := image.Rectangle{}
	for y := 0; y < h; y++ {
		ra, rb := a[y*w:(y+1)*w], b[y*w:(y+1)*w]
		if bytes.Equal(ra, rb) {
			continue
		}
		x0 := 0
		for ra[x0] == rb[x0] {
			x0++
		}
		x1 := w
		for ra[x1-1] == rb[x1-1] {
			x1--
		}
		box = box.Union(image.Rect(x0, y, x1, y+1))
	}
	return box
}

// header writes the file's start: the screen, the palette and the loop.
func (s *gifSink) header() error {
	b := s.out
	b.WriteString("GIF89a")
	b.Write([]byte{byte(s.w), byte(s.w >> 8), byte(s.h), byte(s.h >> 8), 0xf7, 0, 0})
	for _, c := range s.pal {
		p := c.(color.RGBA)
		b.Write([]byte{p.R, p.G, p.B})
	}
	b.Write([]byte{0x21, 0xff, 0x0b})
	b.WriteString("NETSCAPE2.0")
	_, err := b.Write([]byte{3, 1, 0, 0, 0}) // loop for ever
	return err
}

// flush writes the pending frame with its delay: the frames it is shown
// for at FPS, in the hundredths of a second GIF counts in.
func (s *gifSink) flush() error {
	start := s.frames * 100 / FPS
	s.frames += s.pendingShown
	delay := max(2, s.frames*100/FPS-start)
	var buf bytes.Buffer
	g := &gif.GIF{Image: []*image.Paletted{s.pending}, Delay: []int{delay}, Disposal: []byte{gif.DisposalNone},
		Config: image.Config{ColorModel: s.pal, Width: s.w, Height: s.h}}
	if err := gif.EncodeAll(&buf, g); err != nil {
		return err
	}
	// The encoder writes a whole file of one frame: keep the frame, from
	// after its screen and palette to before its trailer.
	data := buf.Bytes()
	start = 6 + 7 + 3*256
	if len(data) < start+1 || data[len(data)-1] != 0x3b {
		return phrase.New("the GIF encoder wrote an unexpected layout")
	}
	_, err := s.out.Write(data[start : len(data)-1])
	s.pending = nil
	return err
}

func (s *gifSink) Close() error {
	if s.pending != nil {
		if err := s.flush(); err != nil {
			return err
		}
	}
	s.out.WriteByte(0x3b)
	return s.out.Flush()
}

// Abort leaves the file to its writer, which removes it.
func (s *gifSink) Abort() {}
