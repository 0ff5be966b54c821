package video

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"

	"sovmap/geo/atomicfile"
	"sovmap/geo/phrase"
)

// framesSink writes each frame as a PNG in a folder: frame-00001.png on,
// a held frame written once a frame it lasts (as a video editor expects
// of an image sequence at FPS frames a second).
type framesSink struct {
	dir     string
	n       int
	written []string
}

// NewFrames writes numbered PNG frames into dir, made if it is not there.
func NewFrames(dir string) (Sink, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, phrase.Errorf("%s: cannot make the folder: %w", dir, err)
	}
	return &framesSink{dir: dir}, nil
}

func (s *framesSink) Frame(img *image.RGBA, n int) error {
	first := ""
	for range n {
		s.n++
		path := filepath.Join(s.dir, fmt.Sprintf("frame-%05d.png", s.n))
		var err error
		if first == "" {
			enc := png.Encoder{CompressionLevel: png.BestSpeed}
			err = atomicfile.WriteFile(path, func(w io.Writer) error { return enc.Encode(w, img) })
			first = path
		} else {
			err = os.Link(first, path) // a held frame: the same bytes, no second encoding
			if err != nil {
				var data []byte
				if data, err = os.ReadFile(first); err == nil {
					err = os.WriteFile(path, data, 0o644)
				}
			}
		}
		if err != nil {
			return err
		}
		s.written = append(s.written, path)
	}
	return nil
}

func (s *framesSink) Close() error { return nil }

func (s *framesSink) Abort() {
	for _, p := range s.written {
		os.Remove(p)
	}
}
