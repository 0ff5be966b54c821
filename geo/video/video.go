// Package video turns the story into motion, frame by frame, as the one
// scene draws it: the narrative (for each step, the flight to its place,
// then a hold with its text as the caption), or the time play (a range of
// dates sweeping the story), at FPS frames a second. The
// frames go to a Sink as they are drawn, never all held: an animated GIF
// written here (gif.go), MP4 or WebM through ffmpeg (ffmpeg.go), or a
// folder of numbered PNG frames (frames.go).
package video

import (
	"context"
	"image"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"

	"sovmap/geo/appstate"
	"sovmap/geo/atomicfile"
	"sovmap/geo/export"
	"sovmap/geo/phrase"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

// FPS is the frame rate of every video.
const FPS = 30

// The narrative's timing, in frames: a flight as long as the window's
// (0.9 s), then the step held for its text to be read.
const (
	FlyFrames  = 27
	HoldFrames = 75
)

// Sink takes a video's frames in order. Frame takes img (valid only during
// the call) shown for n frames; Close finishes the file; Abort removes
// whatever was written.
type Sink interface {
	Frame(img *image.RGBA, n int) error
	Close() error
	Abort()
}

// Kind is what a file name asks for: a GIF, an MP4, a WebM, or a folder
// of PNG frames.
type Kind string

// The kinds of video.
const (
	GIF    Kind = "gif"
	MP4    Kind = "mp4"
	WebM   Kind = "webm"
	Frames Kind = "frames"
)

// KindFor is the kind of video a path names: by its extension, or a
// folder (an existing one, or a name ending in a slash) of PNG frames.
// ok is false for anything else.
func KindFor(path string) (Kind, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".gif":
		return GIF, true
	case ".mp4":
		return MP4, true
	case ".webm":
		return WebM, true
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return Frames, true
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return Frames, true
	}
	return "", false
}

// Create opens the sink for path, of w x h frames: ffmpeg's, or a folder
// of frames (a GIF is written through Write).
func Create(path string, k Kind, w, h int) (Sink, error) {
	switch k {
	case MP4, WebM:
		return NewFFmpeg(path, k, w, h)
	case Frames:
		return NewFrames(path)
	}
	return nil, phrase.Errorf("%s: not a video Sovmap writes (.gif, .mp4, .webm, or a folder for PNG frames)", path)
}

// Count is how many frames the narrative of st's shown items takes.
func Count(st *appstate.Session) int {
	return len(st.Shown().Items) * (FlyFrames + HoldFrames)
}

// Narrative writes the story's narrative to sink: for each item shown, in
// the order the story is told (appstate.Shown.Steps), the flight from the view before to the step's view
// (appstate.StepView), eased in and out, the centre along a line and the
// scale evenly in its logarithm, then the step held with its date, title
// and summary as the caption. o gives the size and the furniture; the
// caption is each step's. progress, if set, hears frames done of the
// total. It leaves st's selection and view as they were. When ctx is done
// it stops within a frame and returns ctx's error.
func Narrative(ctx context.Context, st *appstate.Session, o export.Options, sink Sink, progress func(done, total int)) error {
	items := st.Shown().Steps
	if len(items) == 0 {
		return phrase.New("no item shows: the narrative would be empty (clear the filter)")
	}
	place, item, view := st.Place(), st.Item(), st.View()
	defer func() {
		st.SetView(view.Center, view.Res)
		if item != nil {
			st.SelectItem(item)
		} else if place != nil {
			st.SelectPlace(place)
		} else {
			st.ClearSelection()
		}
	}()
	r := render.NewRenderer(st.Map())
	var img *image.RGBA
	total, done := Count(st), 0
	lang := st.Lang()
	from := st.HomeView()
	for _, it := range items {
		st.SelectItem(it)
		to := st.StepView(it)
		caption := stepCaption(it, lang)
		for f := 1; f <= FlyFrames; f++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			hold := f == FlyFrames // the flight's last frame is held
			v := Between(from, to, float64(f)/FlyFrames)
			st.SetView(v.Center, v.Res)
			oo := o
			oo.Furniture.Caption = caption
			var err error
			if img, err = drawFrame(ctx, st, oo, r, img); err != nil {
				return err
			}
			n := 1
			if hold {
				n = 1 + HoldFrames
			}
			if err := sink.Frame(img, n); err != nil {
				return err
			}
			done += n
			if progress != nil {
				progress(min(done, total), total)
			}
		}
		from = to
	}
	return nil
}

// The time play's timing, in frames: the sweep as long as the window's
// (8 s), then its end held for a second.
const (
	PlayFrames    = 8 * FPS
	PlayEndFrames = FPS
)

// PlayCount is how many frames the time play takes.
func PlayCount() int { return PlayFrames + PlayEndFrames }

// Play writes the time play to sink, as the window's play button plays
// it: a range of dates (the brushed one's width, or a sixth of the
// story's span) sweeping from the story's start to its end, eased in and
// out, over the whole view; each frame's caption says the range shown.
// It leaves st's filter as it was. When ctx is done it stops within a
// frame and returns ctx's error.
func Play(ctx context.Context, st *appstate.Session, o export.Options, sink Sink, progress func(done, total int)) error {
	sp := st.TimeSpan()
	if !sp.OK || sp.Last <= sp.First {
		return phrase.New("the story has no span of dates to play")
	}
	saved := st.Filter()
	defer st.SetFilter(saved)
	days := sp.Days()
	width := max(1, days/6)
	if saved.Dates && saved.To-saved.From+1 < days {
		width = saved.To - saved.From + 1
	}
	travel := days - width
	r := render.NewRenderer(st.Map())
	var img *image.RGBA
	total := PlayCount()
	for f := 0; f < PlayFrames; f++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		t := float64(f) / float64(PlayFrames-1)
		e := t * t * (3 - 2*t)
		from := sp.First + int(e*float64(travel)+0.5)
		flt := saved
		flt.Dates, flt.From, flt.To = true, from, from+width-1
		st.SetFilter(flt)
		oo := o
		oo.Furniture.Caption = scene.Caption(st)
		var err error
		if img, err = drawFrame(ctx, st, oo, r, img); err != nil {
			return err
		}
		n := 1
		if f == PlayFrames-1 {
			n += PlayEndFrames
		}
		if err := sink.Frame(img, n); err != nil {
			return err
		}
		if progress != nil {
			progress(min(f+n, total), total)
		}
	}
	return nil
}

// drawFrame draws what st shows with o's size and furniture into img
// (made, or remade at another size, where needed).
func drawFrame(ctx context.Context, st *appstate.Session, o export.Options, r *render.Renderer, img *image.RGBA) (*image.RGBA, error) {
	plan, err := export.NewPlan(st, o)
	if err != nil {
		return img, err
	}
	size := image.Pt(plan.View.Width, plan.View.Height)
	if !plan.Scene.MapFrame.Empty() {
		size = plan.Scene.Page
	}
	if img == nil || img.Rect.Size() != size {
		img = image.NewRGBA(image.Rectangle{Max: size})
	}
	return img, r.RenderContext(ctx, img, plan.View, &plan.Scene)
}

// stepCaption is what a step shows under the map: its date as it is
// known, its title and its summary, shortened to fit a caption.
func stepCaption(it *story.Item, lang string) string {
	s := it.Date.Format(lang) + " — " + it.Title.In(lang)
	if sum := it.Summary.In(lang); sum != "" {
		s += ". " + sum
	}
	if r := []rune(s); len(r) > 300 {
		s = string(r[:299]) + "…"
	}
	return s
}

// Between is the view t of the way from a to b (t from 0 to 1), eased in
// and out: the centre along a straight line, the scale evenly in its
// logarithm, as the window's flights go.
func Between(a, b appstate.View, t float64) appstate.View {
	t = max(0, min(1, t))
	e := t * t * (3 - 2*t) // smoothstep
	v := b
	v.Center = orb.Point{a.Center[0] + (b.Center[0]-a.Center[0])*e, a.Center[1] + (b.Center[1]-a.Center[1])*e}
	if a.Res > 0 && b.Res > 0 {
		v.Res = math.Exp(math.Log(a.Res) + (math.Log(b.Res)-math.Log(a.Res))*e)
	}
	return v
}

// Motion is what a video shows: Narrative or Play.
type Motion func(ctx context.Context, st *appstate.Session, o export.Options, sink Sink, progress func(done, total int)) error

// Write writes the narrative of st to path: the kind its name asks for, of
// o's size. No file is left when it fails or ctx is done.
func Write(ctx context.Context, path string, st *appstate.Session, o export.Options, progress func(done, total int)) error {
	return WriteMotion(ctx, path, st, o, Narrative, progress)
}

// WriteMotion writes a motion of st (Narrative or Play) to path, as Write.
func WriteMotion(ctx context.Context, path string, st *appstate.Session, o export.Options, motion Motion, progress func(done, total int)) error {
	k, ok := KindFor(path)
	if !ok {
		return phrase.Errorf("%s: not a video Sovmap writes (.gif, .mp4, .webm, or a folder for PNG frames)", path)
	}
	if st.Map() == nil {
		return phrase.New("the map has not loaded yet")
	}
	if k == GIF {
		// Atomically, as every export: no partial file, even on a kill.
		return atomicfile.WriteFileContext(ctx, path, func(w io.Writer) error {
			sink, err := NewGIF(w, o.Width, o.Height)
			if err != nil {
				return err
			}
			if err := motion(ctx, st, o, sink, progress); err != nil {
				return err
			}
			return sink.Close()
		})
	}
	// The frames are the plans' size: a print layout's page is o's size.
	sink, err := Create(path, k, o.Width, o.Height)
	if err != nil {
		return err
	}
	if err := motion(ctx, st, o, sink, progress); err != nil {
		sink.Abort()
		return err
	}
	if err := sink.Close(); err != nil {
		sink.Abort()
		return err
	}
	return nil
}
