package video

import (
	"bytes"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"sovmap/geo/atomicfile"
	"sovmap/geo/phrase"
)

// ErrNoFFmpeg is why an MP4 or WebM cannot be written: ffmpeg is not
// installed. GIF and PNG frames need nothing.
var ErrNoFFmpeg = phrase.New("MP4 and WebM are encoded by ffmpeg, which is not installed (Debian: apt install ffmpeg); a .gif or a folder of PNG frames needs nothing")

// ffmpegSink streams raw RGBA frames to ffmpeg, which encodes them: H.264
// in MP4, or VP9 in WebM, at FPS frames a second. It writes to a
// temporary file beside path, renamed over it when done.
type ffmpegSink struct {
	path, tmp string
	cmd       *exec.Cmd
	in        io.WriteCloser
	stderr    bytes.Buffer
	w, h      int
	forget    func() // the temporary file's note for an interrupt
	yuv       []byte // the frame as I420
}

// NewFFmpeg starts ffmpeg to write path (MP4 or WebM) of w x h frames.
func NewFFmpeg(path string, k Kind, w, h int) (Sink, error) {
	bin, err := exec.LookPath("ffmpeg")
	if err != nil {
		return nil, ErrNoFFmpeg
	}
	if w%2 != 0 || h%2 != 0 {
		return nil, phrase.Errorf("%s: %dx%d: MP4 and WebM need an even width and height", path, w, h)
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".part"+filepath.Ext(path))
	codec := []string{"-c:v", "libx264", "-preset", "superfast", "-crf", "20", "-pix_fmt", "yuv420p", "-movflags", "+faststart"}
	if k == WebM {
		codec = []string{"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "0", "-crf", "32", "-pix_fmt", "yuv420p"}
	}
	// The frames go as YUV 4:2:0, converted here once a frame: a held
	// frame is then 3 bytes in 2 a pixel, not 4, through the pipe, and
	// ffmpeg converts nothing (it was half the time of a video).
	args := append([]string{"-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "yuv420p",
		"-s", strconv.Itoa(w) + "x" + strconv.Itoa(h), "-r", strconv.Itoa(FPS), "-i", "-"}, codec...)
	args = append(args, "-r", strconv.Itoa(FPS), tmp)
	s := &ffmpegSink{path: path, tmp: tmp, w: w, h: h, cmd: exec.Command(bin, args...)}
	s.cmd.Stderr = &s.stderr
	if s.in, err = s.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		return nil, phrase.Errorf("ffmpeg: %w", err)
	}
	s.forget = atomicfile.Temporary(tmp)
	return s, nil
}

func (s *ffmpegSink) Frame(img *image.RGBA, n int) error {
	if img.Rect.Dx() != s.w || img.Rect.Dy() != s.h {
		return phrase.Errorf("a frame of %v in a video of %dx%d", img.Rect.Size(), s.w, s.h)
	}
	s.yuv = toI420(s.yuv, img)
	for range n {
		if _, err := s.in.Write(s.yuv); err != nil {
			return s.failed(err)
		}
	}
	return nil
}

// toI420 converts an RGBA frame (even width and height) to planar YUV
// 4:2:0 in BT.601's limited range, as ffmpeg converts an untagged RGB
// input: Y a pixel, U and V the mean of each 2x2 block.
func toI420(dst []byte, img *image.RGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	n := w * h
	if cap(dst) < n*3/2 {
		dst = make([]byte, n*3/2)
	}
	dst = dst[:n*3/2]
	y, u, v := dst[:n], dst[n:n+n/4], dst[n+n/4:]
	for j := 0; j < h; j += 2 {
		for i := 0; i < w; i += 2 {
			var su, sv int
			for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				o := (j+d[1])*img.Stride + 4*(i+d[0])
				r, g, b := int(img.Pix[o]), int(img.Pix[o+1]), int(img.Pix[o+2])
				y[(j+d[1])*w+i+d[0]] = byte((66*r+129*g+25*b+128)>>8 + 16)
				su += -38*r - 74*g + 112*b
				sv += 112*r - 94*g - 18*b
			}
			k := (j/2)*(w/2) + i/2
			u[k] = byte((su/4+128)>>8 + 128)
			v[k] = byte((sv/4+128)>>8 + 128)
		}
	}
	return dst
}

// failed is ffmpeg's own word on what went wrong, where it gave one.
func (s *ffmpegSink) failed(err error) error {
	s.in.Close()
	s.cmd.Wait()
	if msg := bytes.TrimSpace(s.stderr.Bytes()); len(msg) > 0 {
		return phrase.Errorf("ffmpeg: %s", msg)
	}
	return phrase.Errorf("ffmpeg: %w", err)
}

func (s *ffmpegSink) Close() error {
	if err := s.in.Close(); err != nil {
		return s.failed(err)
	}
	if err := s.cmd.Wait(); err != nil {
		return s.failed(err)
	}
	if err := os.Rename(s.tmp, s.path); err != nil {
		return err
	}
	s.forget()
	return nil
}

func (s *ffmpegSink) Abort() {
	s.in.Close()
	if s.cmd.Process != nil {
		s.cmd.Process.Kill()
	}
	s.cmd.Wait()
	os.Remove(s.tmp)
	s.forget()
}
