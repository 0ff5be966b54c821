package video_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/geotest"
	"sovmap/geo/pixeltest"
	"sovmap/geo/render"
	"sovmap/geo/video"
)

// newState is the built-in story's state, for frames of w x h pixels.
func newState(t testing.TB, w, h int) *appstate.Session {
	k := export.ScaleFor(w, h)
	return geotest.State(t, nil, float64(w)/k, float64(h)/k)
}

// options are the export's, at w x h.
func options(st *appstate.Session, w, h int) export.Options {
	o := export.DefaultOptions(st)
	o.Width, o.Height = w, h
	return o
}

// step renders, as a PNG export would, the hold of the narrative's i-th
// step: what the video's frame of it must show.
func step(t *testing.T, st *appstate.Session, o export.Options, i int) *image.RGBA {
	t.Helper()
	it := st.Shown().Items[i]
	st.SelectItem(it)
	v := st.StepView(it)
	st.SetView(v.Center, v.Res)
	o.Furniture.Caption = it.Date.Format(st.Lang()) + " — " + it.Title.In(st.Lang()) + ". " + it.Summary.In(st.Lang())
	if r := []rune(o.Furniture.Caption); len(r) > 300 {
		o.Furniture.Caption = string(r[:299]) + "…"
	}
	plan, err := export.NewPlan(st, o)
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	if err := render.NewRenderer(st.Map()).RenderContext(context.Background(), img, plan.View, &plan.Scene); err != nil {
		t.Fatal(err)
	}
	st.ClearSelection()
	return img
}

// The GIF holds every step: as many frames' time as the narrative, each
// step's hold the PNG export of that step within the palette's error, and
// it loops. Its frames are only the pixels that changed.
func TestGIFNarrative(t *testing.T) {
	const w, h = 480, 270
	st := newState(t, w, h)
	o := options(st, w, h)
	path := filepath.Join(t.TempDir(), "story.gif")
	var done, total int
	if err := video.Write(context.Background(), path, st, o, func(d, n int) { done, total = d, n }); err != nil {
		t.Fatal(err)
	}
	if total != video.Count(st) || done != total {
		t.Errorf("progress %d of %d, want %d", done, total, video.Count(st))
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := gif.DecodeAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if g.Config.Width != w || g.Config.Height != h || g.LoopCount != 0 {
		t.Errorf("%dx%d, loop %d; want %dx%d looping", g.Config.Width, g.Config.Height, g.LoopCount, w, h)
	}
	cs := 0
	for _, d := range g.Delay {
		cs += d
	}
	if want := video.Count(st) * 100 / video.FPS; cs < want-2 || cs > want+2 {
		t.Errorf("%d hundredths of a second, want %d (%d frames at %d a second)", cs, want, video.Count(st), video.FPS)
	}
	// Composite the frames as a viewer does; the k-th frame shown for a
	// hold's time is step k's hold.
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	var holds []*image.RGBA
	deltas := 0 // frames that leave pixels as the frame before
	for i, p := range g.Image {
		draw.Draw(canvas, p.Bounds(), p, p.Bounds().Min, draw.Over)
		if i > 0 && (p.Bounds() != canvas.Bounds() || bytes.IndexByte(p.Pix, 0) >= 0) {
			deltas++
		}
		if g.Delay[i] >= (video.HoldFrames-2)*100/video.FPS {
			hold := image.NewRGBA(canvas.Bounds())
			draw.Draw(hold, canvas.Bounds(), canvas, image.Point{}, draw.Src)
			holds = append(holds, hold)
		}
	}
	if deltas < len(g.Image)/2 {
		t.Errorf("%d of %d frames are deltas of the one before", deltas, len(g.Image))
	}
	if len(holds) != len(st.Shown().Items) {
		t.Fatalf("%d holds for %d steps", len(holds), len(st.Shown().Items))
	}
	for k := range holds { // every step
		want := step(t, st, o, k)
		if n := pixeltest.DifferBeyond(holds[k], want, want.Bounds(), 48); float64(n) > 0.02*w*h {
			t.Errorf("step %d's hold differs from its PNG export in %d pixels of %d", k, n, w*h)
		}
	}
}

// An MP4 and a WebM, through ffmpeg: ffprobe reads the frames, the size
// and the duration asked for.
func TestFFmpegNarrative(t *testing.T) {
	if _, err := exec.LookPath("ffprobe"); err != nil {
		t.Skip("no ffmpeg here: MP4 and WebM are refused with a clear line (see TestNoFFmpeg)")
	}
	const w, h = 320, 180
	for _, ext := range []string{".mp4", ".webm"} {
		st := newState(t, w, h)
		path := filepath.Join(t.TempDir(), "story"+ext)
		if err := video.Write(context.Background(), path, st, options(st, w, h), nil); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
			"-show_entries", "stream=width,height,nb_read_frames,r_frame_rate", "-of", "json", path).Output()
		if err != nil {
			t.Fatalf("ffprobe %s: %v", path, err)
		}
		var probe struct {
			Streams []struct {
				Width, Height int
				Frames        string `json:"nb_read_frames"`
				Rate          string `json:"r_frame_rate"`
			}
		}
		if err := json.Unmarshal(out, &probe); err != nil || len(probe.Streams) != 1 {
			t.Fatalf("ffprobe: %v: %s", err, out)
		}
		s := probe.Streams[0]
		n, _ := strconv.Atoi(s.Frames)
		if s.Width != w || s.Height != h || n != video.Count(st) || s.Rate != "30/1" {
			t.Errorf("%s: %dx%d, %d frames at %s; want %dx%d, %d at 30/1", ext, s.Width, s.Height, n, s.Rate, w, h, video.Count(st))
		}
		// A frame in the middle of each step's hold is that step's PNG
		// export, within what 4:2:0 video blurs at edges.
		steps := len(st.Shown().Items)
		var pick []string
		for k := range steps {
			pick = append(pick, "eq(n\\,"+strconv.Itoa(k*(video.FlyFrames+video.HoldFrames)+video.FlyFrames+video.HoldFrames/2)+")")
		}
		dir := t.TempDir()
		if out, err := exec.Command("ffmpeg", "-loglevel", "error", "-y", "-i", path, "-vf", "select="+strings.Join(pick, "+"),
			"-vsync", "0", filepath.Join(dir, "hold-%02d.png")).CombinedOutput(); err != nil {
			t.Fatalf("ffmpeg: %v\n%s", err, out)
		}
		for k := range steps {
			got := pixeltest.DecodePNG(t, filepath.Join(dir, fmt.Sprintf("hold-%02d.png", k+1)))
			want := step(t, st, options(st, w, h), k)
			if n := pixeltest.DifferBeyond(got, want, want.Bounds(), 48); float64(n) > 0.05*w*h {
				t.Errorf("%s: step %d's hold differs from its PNG export in %d pixels of %d", ext, k, n, w*h)
			}
		}
	}
}

// Without ffmpeg, MP4 is refused in one line naming the package, and no
// file is left.
func TestNoFFmpeg(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	st := newState(t, 320, 180)
	path := filepath.Join(t.TempDir(), "story.mp4")
	err := video.Write(context.Background(), path, st, options(st, 320, 180), nil)
	if err == nil || !strings.Contains(err.Error(), "apt install ffmpeg") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %v, want one line naming ffmpeg's package", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was left")
	}
}

// A folder of PNG frames: one a frame, numbered.
func TestFramesNarrative(t *testing.T) {
	st := newState(t, 160, 90)
	dir := filepath.Join(t.TempDir(), "frames") + "/"
	if err := video.Write(context.Background(), dir, st, options(st, 160, 90), nil); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "frame-*.png"))
	if len(files) != video.Count(st) {
		t.Errorf("%d frames, want %d", len(files), video.Count(st))
	}
	if img := pixeltest.DecodePNG(t, files[len(files)-1]); img.Bounds().Dx() != 160 {
		t.Errorf("frame of %v", img.Bounds())
	}
}

// Cancelling stops within a frame and leaves no file.
func TestCancelLeavesNothing(t *testing.T) {
	st := newState(t, 640, 360)
	path := filepath.Join(t.TempDir(), "story.gif")
	ctx, cancel := context.WithCancel(context.Background())
	var at time.Time
	err := video.Write(ctx, path, st, options(st, 640, 360), func(done, total int) {
		if done > 40 && at.IsZero() {
			at = time.Now()
			cancel()
		}
	})
	if err == nil || time.Since(at) > 200*time.Millisecond {
		t.Errorf("cancelled: %v, %v after the cancel", err, time.Since(at))
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a cancelled video left its file")
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(matches) > 0 {
		t.Errorf("left %v", matches)
	}
}

// The built-in story's narrative as a 1080x1080 GIF, frames drawn and
// encoded (goal: under 40 s at 1920x1080, the file under 15 MB at
// 1080x1080; see the README for the command line's figures).
func BenchmarkNarrativeGIF1080(b *testing.B) {
	const w, h = 1080, 1080
	st := newState(b, w, h)
	o := options(st, w, h)
	for b.Loop() {
		var n countingWriter
		sink, err := video.NewGIF(&n, w, h)
		if err != nil {
			b.Fatal(err)
		}
		if err := video.Narrative(context.Background(), st, o, sink, nil); err != nil {
			b.Fatal(err)
		}
		if err := sink.Close(); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n)/(1<<20), "MiB")
	}
}

// countingWriter counts what is written to it.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// The time play: a range sweeping the story from its start to its end,
// as many frames as PlayCount, the filter as it was afterwards.
func TestPlay(t *testing.T) {
	const w, h = 320, 180
	st := newState(t, w, h)
	dir := filepath.Join(t.TempDir(), "play") + "/"
	var ranges []appstate.Filter
	sink := &recording{st: st, ranges: &ranges}
	if err := video.Play(context.Background(), st, options(st, w, h), sink, nil); err != nil {
		t.Fatal(err)
	}
	if sink.frames != video.PlayCount() {
		t.Errorf("%d frames, want %d", sink.frames, video.PlayCount())
	}
	sp := st.TimeSpan()
	first, last := ranges[0], ranges[len(ranges)-1]
	if first.From != sp.First || last.To != sp.Last || first.To-first.From != last.To-last.From {
		t.Errorf("the range went from %d-%d to %d-%d, want from the span's start %d to its end %d, its width kept",
			first.From, first.To, last.From, last.To, sp.First, sp.Last)
	}
	for i := 1; i < len(ranges); i++ {
		if ranges[i].From < ranges[i-1].From {
			t.Fatalf("the range went back at frame %d", i)
		}
	}
	if st.Filter().Dates {
		t.Error("the play left its range as the filter")
	}
	// Written as frames, through WriteMotion.
	if err := video.WriteMotion(context.Background(), dir, st, options(st, w, h), video.Play, nil); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.png")); len(files) != video.PlayCount() {
		t.Errorf("%d PNG frames, want %d", len(files), video.PlayCount())
	}
}

// recording is a sink that notes each frame's filter.
type recording struct {
	st     *appstate.Session
	ranges *[]appstate.Filter
	frames int
}

func (r *recording) Frame(img *image.RGBA, n int) error {
	*r.ranges = append(*r.ranges, r.st.Filter())
	r.frames += n
	return nil
}
func (r *recording) Close() error { return nil }
func (r *recording) Abort()       {}
