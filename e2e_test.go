//go:build e2e

// The end-to-end test runs the built app in a real X server (Xvfb), clicks
// it with xdotool, and reads the screen with tesseract as a person would.
// It needs Xvfb, xdotool, imagemagick and tesseract-ocr (see .ci/setup);
// `make test` runs it. Screenshots go to build/e2e/.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sovmap/geo/pixeltest"
	"sovmap/geo/render"
)

type session struct {
	t       *testing.T
	dir     string
	home    string // the app's HOME: its preferences, and where it saves
	display string
	wid     string
	shot    int
	stderr  lockedBuffer // what the app writes to stderr
	proc    *os.Process
}

// lockedBuffer is a buffer the app's stderr is copied into while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startXvfb starts an X server on a display number it picks itself (so
// stale locks or other servers never collide), with Xvfb's args, and
// returns ":N".
func startXvfb(t *testing.T, args ...string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	xvfb := exec.Command("Xvfb", append([]string{"-displayfd", "3", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"}, args...)...)
	xvfb.ExtraFiles = []*os.File{w}
	if err := xvfb.Start(); err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { xvfb.Process.Signal(os.Interrupt); xvfb.Wait() })
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		t.Fatalf("Xvfb did not say its display: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}

// startApp starts the app under a fresh Xvfb, with args, and waits for
// its window.
func startApp(t *testing.T, args ...string) *session {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("build", "e2e"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "sovmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	display := startXvfb(t)
	app := exec.Command(bin, args...)
	// A fresh home: no preferences from an earlier run; English.
	home := t.TempDir()
	app.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+home, "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8")
	s := &session{t: t, dir: dir, display: display, home: home}
	app.Stderr = &s.stderr
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	s.proc = app.Process
	t.Cleanup(func() {
		app.Process.Kill()
		app.Wait()
		if t.Failed() {
			t.Logf("app stderr:\n%s", s.stderr.String())
		}
	})
	waitFor(t, "the Sovmap window", func() bool {
		out, err := s.x("xdotool", "search", "--onlyvisible", "--name", "^Sovmap")
		if err != nil {
			return false
		}
		s.wid = strings.Fields(out)[0]
		return true
	})
	s.x("xdotool", "windowmove", s.wid, "0", "0")
	time.Sleep(1500 * time.Millisecond) // the first frames, and the full map
	return s
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func (s *session) x(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.display)
	out, err := cmd.Output()
	return string(out), err
}

// screenshot saves the window as the X server shows it, and decodes it.
func (s *session) screenshot(name string) (image.Image, string) {
	s.t.Helper()
	s.shot++
	path := filepath.Join(s.dir, fmt.Sprintf("%02d-%s.png", s.shot, name))
	if _, err := s.x("import", "-window", s.wid, path); err != nil {
		s.t.Fatalf("import: %v", err)
	}
	f, err := os.Open(path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		s.t.Fatal(err)
	}
	return img, path
}

func (s *session) click(x, y int) {
	s.t.Helper()
	if _, err := s.x("xdotool", "mousemove", "--window", s.wid, strconv.Itoa(x), strconv.Itoa(y), "click", "1"); err != nil {
		s.t.Fatalf("click: %v", err)
	}
	s.x("xdotool", "mousemove", "--window", s.wid, "5", "5")
	time.Sleep(600 * time.Millisecond)
}

// word is one word tesseract read, with its box.
type word struct {
	text       string
	x, y, w, h int
}

// read runs OCR over the part of a screenshot inside r.
func (s *session) read(path string, r image.Rectangle) []word {
	s.t.Helper()
	crop := strings.TrimSuffix(path, ".png") + "-ocr.png"
	geom := fmt.Sprintf("%dx%d+%d+%d", r.Dx(), r.Dy(), r.Min.X, r.Min.Y)
	// Enlarged and grey, tesseract reads small UI text reliably.
	if out, err := exec.Command("convert", path, "-crop", geom, "+repage", "-colorspace", "Gray", "-resize", "200%", "-bordercolor", "gray50", "-border", "12", crop).CombinedOutput(); err != nil {
		s.t.Fatalf("convert: %v\n%s", err, out)
	}
	out, err := exec.Command("tesseract", crop, "-", "tsv").Output()
	if err != nil {
		s.t.Fatalf("tesseract: %v", err)
	}
	var words []word
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || strings.TrimSpace(f[11]) == "" || f[0] == "level" {
			continue
		}
		n := make([]int, 4)
		for i := range n {
			n[i], _ = strconv.Atoi(f[6+i])
		}
		words = append(words, word{strings.TrimSpace(f[11]), r.Min.X + (n[0]-12)/2, r.Min.Y + (n[1]-12)/2, n[2] / 2, n[3] / 2})
	}
	return words
}

func text(words []word) string {
	var parts []string
	for _, w := range words {
		parts = append(parts, w.text)
	}
	return strings.Join(parts, " ")
}

// markerBlobs finds the centres of the map's markers: blobs of a marker
// colour (any category's, either theme's) outside the legend.
func markerBlobs(img image.Image, mapArea image.Rectangle) []image.Point {
	want := append(render.LightStyle(1).Categories, render.DarkStyle(1).Categories...)
	isMarker := func(c color.Color) bool {
		r, g, b, _ := c.RGBA()
		for _, w := range want {
			if uint8(r>>8) == w.R && uint8(g>>8) == w.G && uint8(b>>8) == w.B {
				return true
			}
		}
		return false
	}
	var blobs []image.Point
	var counts []int
	for y := mapArea.Min.Y; y < mapArea.Max.Y; y++ {
		for x := mapArea.Min.X; x < mapArea.Max.X; x++ {
			if !isMarker(img.At(x, y)) {
				continue
			}
			found := false
			for i, b := range blobs {
				if math.Hypot(float64(b.X-x), float64(b.Y-y)) < 12 {
					found = true
					counts[i]++
					break
				}
			}
			if !found {
				blobs = append(blobs, image.Pt(x, y+6)) // the first pixel is the top; the centre is lower
				counts = append(counts, 1)
			}
		}
	}
	var out []image.Point
	for i, b := range blobs {
		legend := b.X < mapArea.Min.X+260 && b.Y < mapArea.Min.Y+170
		if counts[i] > 40 && !legend {
			out = append(out, b)
		}
	}
	return out
}

func TestE2EClickMarkerAndTimeline(t *testing.T) {
	s := startApp(t)
	img, path := s.screenshot("start")
	b := img.Bounds()
	// The map at the top left, the timeline's list under it, the details
	// the whole height at the right.
	mapArea := image.Rect(0, 30, b.Dx()*62/100, b.Dy()*60/100)
	panel := image.Rect(b.Dx()*64/100+2, 30, b.Dx(), b.Dy())
	timeline := image.Rect(0, b.Dy()*74/100, b.Dx()*38/100, b.Dy())

	if got := text(s.read(path, panel)); !strings.Contains(got, "Sheinbaum rejects Trump") || !strings.Contains(got, "From 2023 to 3 May 2025") {
		t.Fatalf("details at start read %q, want the story's opening", got)
	}
	markers := markerBlobs(img, mapArea)
	if len(markers) != 4 {
		t.Fatalf("found %d markers on screen, want 4: %v (see %s)", len(markers), markers, path)
	}
	// Teocaltiche is the northernmost place: the marker highest up.
	teocaltiche := markers[0]
	for _, m := range markers {
		if m.Y < teocaltiche.Y {
			teocaltiche = m
		}
	}
	s.click(teocaltiche.X, teocaltiche.Y)
	_, path = s.screenshot("teocaltiche")
	got := text(s.read(path, panel))
	for _, want := range []string{"Teocaltiche", "Jalisco", "Police chief"} {
		if !strings.Contains(got, want) {
			t.Errorf("after clicking Teocaltiche the details read %q, want %q (see %s)", got, want, path)
		}
	}

	// Select Huitzilac's incident in the timeline; the map's selection moves.
	// The timeline followed Teocaltiche down: scroll it back to the top
	// with the wheel, which leaves the selection be.
	cx, cy := (timeline.Min.X+timeline.Max.X)/2, timeline.Min.Y+(timeline.Dy())/4
	s.x("xdotool", "mousemove", "--window", s.wid, strconv.Itoa(cx), strconv.Itoa(cy), "click", "--repeat", "15", "4")
	s.x("xdotool", "mousemove", "--window", s.wid, "5", "5")
	time.Sleep(600 * time.Millisecond)
	before, path := s.screenshot("before-timeline")
	var row *word
	for _, w := range s.read(path, timeline) {
		if strings.HasPrefix(w.text, "Huitzilac:") {
			row = &w
			break
		}
	}
	if row == nil {
		t.Fatalf("no Huitzilac row found in the timeline (see %s)", path)
	}
	s.click(row.x+row.w/2, row.y+row.h/2)
	after, path := s.screenshot("huitzilac")
	got = text(s.read(path, panel))
	if !strings.Contains(got, "Huitzilac") || !strings.Contains(got, "Shooting") {
		t.Errorf("after the timeline click the details read %q (see %s)", got, path)
	}
	// Huitzilac is the southernmost place: the lowest marker. Its
	// surroundings change (the selection ring), and Teocaltiche's too.
	huitzilac := markers[0]
	for _, m := range markers {
		if m.Y > huitzilac.Y {
			huitzilac = m
		}
	}
	for name, at := range map[string]image.Point{"Huitzilac": huitzilac, "Teocaltiche": teocaltiche} {
		if n := pixeltest.Differ(before, after, image.Rect(at.X-20, at.Y-20, at.X+20, at.Y+20)); n < 30 {
			t.Errorf("the map around %s changed in only %d pixels after the timeline selection", name, n)
		}
	}
}

// TestE2EScreenshotMatchesTheScreen saves a screenshot through the menu's
// shortcut and dialog, and compares it with the X server's own screenshot of
// the same window.
func TestE2EScreenshotMatchesTheScreen(t *testing.T) {
	s := startApp(t)
	if _, err := s.x("xdotool", "key", "--window", s.wid, "ctrl+shift+s"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(800 * time.Millisecond)
	// The dialog opens with the file name focused; Enter saves.
	s.screenshot("screenshot-dialog")
	if _, err := s.x("xdotool", "key", "--window", s.wid, "Return"); err != nil {
		t.Fatal(err)
	}
	home := s.home
	var saved string
	waitFor(t, "the screenshot file", func() bool {
		m, _ := filepath.Glob(filepath.Join(home, "sovmap-screenshot-*.png"))
		if len(m) == 1 {
			saved = m[0]
		}
		return saved != ""
	})
	time.Sleep(300 * time.Millisecond)
	screen, _ := s.screenshot("screen-after-save")
	f, err := os.Open(saved)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("the saved screenshot does not decode: %v", err)
	}
	if ours.Bounds().Size() != screen.Bounds().Size() {
		t.Fatalf("saved %v, the X server shows %v", ours.Bounds().Size(), screen.Bounds().Size())
	}
	total := ours.Bounds().Dx() * ours.Bounds().Dy()
	if n := pixeltest.Differ(ours, screen, ours.Bounds()); n > total/100 {
		t.Errorf("%d of %d pixels differ between the saved screenshot and the screen", n, total)
	}
	if dark := countDark(ours); dark > total*9/10 {
		t.Errorf("the screenshot is %d%% black", dark*100/total)
	}
}

func countDark(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r+g+bb < 0x300 {
				n += 4
			}
		}
	}
	return n
}

// TestE2ECommandLine runs the flags a script would: an export with no
// display at all, a screenshot of the window, and bad input.
func TestE2ECommandLine(t *testing.T) {
	bin := filepath.Join("build", "e2e", "sovmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	run := func(env []string, args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(env, "HOME="+dir, "LANG=en_US.UTF-8")
		out, _ := cmd.CombinedOutput()
		return cmd.ProcessState.ExitCode(), string(out)
	}
	noDisplay := []string{"PATH=" + os.Getenv("PATH")}
	for _, name := range []string{"map.png", "map.svg"} {
		path := filepath.Join(dir, name)
		if code, out := run(noDisplay, "--export", path, "--size", "800x600", "--select", "huitzilac"); code != 0 {
			t.Fatalf("--export %s: exit %d\n%s", name, code, out)
		}
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("--export wrote no %s", name)
		}
	}
	if img := pixeltest.DecodePNG(t, filepath.Join(dir, "map.png")); img.Bounds().Dx() != 800 || img.Bounds().Dy() != 600 {
		t.Errorf("exported %v, want 800x600", img.Bounds())
	}
	// Under LANG=C.UTF-8, a container's, nothing is said of locales (Fyne
	// took its C for a language, in three lines on every run).
	plain := exec.Command(bin, "--export", filepath.Join(dir, "c.png"), "--size", "400x300")
	plain.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LANG=C.UTF-8"}
	if out, err := plain.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("--export under LANG=C.UTF-8: %v, and it said:\n%s", err, out)
	}
	// --dpi: the PNG records 300 dpi, 11,811 pixels a metre (0x2e23).
	print := filepath.Join(dir, "print.png")
	if code, out := run(noDisplay, "--export", print, "--size", "700x500", "--dpi", "300"); code != 0 {
		t.Fatalf("--dpi 300: exit %d\n%s", code, out)
	}
	if b, err := os.ReadFile(print); err != nil || !bytes.Contains(b, []byte("pHYs\x00\x00\x2e\x23\x00\x00\x2e\x23\x01")) {
		t.Errorf("--dpi 300: no pHYs of 300 dpi in the PNG (%v)", err)
	}
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"--export", filepath.Join(dir, "x.png"), "--size", "0x600"}, "out of range"},
		{[]string{"--export", filepath.Join(dir, "x.png"), "--select", "atlantis"}, `no such place`},
		{[]string{"--nonsense"}, "there is no flag --nonsense"},
		{[]string{"--export", filepath.Join(dir, "x.tiff")}, "unknown file type"},
		{[]string{"--export", filepath.Join(dir, "x.png"), "--dpi", "0"}, "out of range"},
		{[]string{"--dpi", "300"}, "--dpi goes with --export"},
	}
	for _, b := range bad {
		code, out := run(noDisplay, b.args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		last := lines[len(lines)-1]
		if code != 2 || !strings.HasPrefix(last, "sovmap: ") || !strings.Contains(last, b.want) {
			t.Errorf("%v: exit %d, last line %q; want exit 2 and a line about %q", b.args, code, last, b.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
		t.Error("a failed export left a file")
	}

	// A story file as a plain argument, as a file manager's "Open with"
	// gives it; more than one is refused.
	csv := filepath.Join(dir, "story.csv")
	if err := os.WriteFile(csv, []byte("name,lat,lon,date\nZócalo,19.43,-99.13,2025-01-13\nnowhere,,north,2025-01-14\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out := run(noDisplay, csv, "--export", filepath.Join(dir, "story.png"), "--size", "640x400")
	if code != 0 || !strings.Contains(out, "story.csv: 1 item loaded, 1 row skipped (line 3: ") {
		t.Errorf("a story file with a bad row: exit %d, %q; want 0 and the report on one line", code, out)
	}
	// A story named in a script no bundled font has: the export is
	// written, and the characters drawn as boxes are named.
	beijing := filepath.Join(dir, "北京.csv")
	if err := os.WriteFile(beijing, []byte("name,lat,lon,date\nZócalo,19.43,-99.13,2025-01-13\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := run(noDisplay, beijing, "--export", filepath.Join(dir, "beijing.png")); code != 0 || !strings.Contains(out, "北 U+5317, 京 U+4EAC") {
		t.Errorf("a title with no font: exit %d, %q; want 0 and the characters named", code, out)
	}
	if code, out := run(noDisplay, csv, "--strict", "--export", filepath.Join(dir, "strict.png")); code != 1 || !strings.Contains(out, "line 3") {
		t.Errorf("--strict with a bad row: exit %d, %q; want 1 naming line 3", code, out)
	}
	if code, out := run(noDisplay, csv, csv); code != 2 || !strings.Contains(out, "one story file at a time") {
		t.Errorf("two story files: exit %d, %q", code, out)
	}
	// The story told as a GIF, with no display and no ffmpeg needed.
	gifPath := filepath.Join(dir, "story.gif")
	if code, out := run(noDisplay, "--export", gifPath, "--size", "320x180"); code != 0 {
		t.Errorf("--export story.gif: exit %d, %q", code, out)
	} else if f, err := os.Open(gifPath); err != nil {
		t.Error(err)
	} else {
		g, err := gif.DecodeAll(f)
		f.Close()
		if err != nil || g.Config.Width != 320 || len(g.Image) < 12 {
			t.Errorf("the GIF: %v, %d frames", err, len(g.Image))
		}
	}
	// Exporting over the story file itself is refused, the file intact;
	// a filter that matches nothing says so.
	before, _ := os.ReadFile(csv)
	svgStory := filepath.Join(dir, "story.svg") // a story is told by its content, whatever its name
	os.WriteFile(svgStory, before, 0o644)
	if code, out := run(noDisplay, svgStory, "--export", svgStory); code != 1 || !strings.Contains(out, "is the story file itself") {
		t.Errorf("--export over the story: exit %d, %q", code, out)
	}
	if after, _ := os.ReadFile(svgStory); !bytes.Equal(before, after) {
		t.Error("--export over the story changed it")
	}
	if code, out := run(noDisplay, csv, "--actor", "nobody at all", "--export", filepath.Join(dir, "none.png")); code != 0 || !strings.Contains(out, "matches the filter: the export shows none") {
		t.Errorf("a filter matching nothing: exit %d, %q", code, out)
	}
	// A named pipe is refused at once, not waited on.
	fifo := filepath.Join(dir, "pipe.geojson")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if code, out := run(noDisplay, "--story", fifo, "--export", filepath.Join(dir, "fifo.png")); code != 1 || !strings.Contains(out, "is not a regular file") {
			t.Errorf("a pipe as the story: exit %d, %q", code, out)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("reading a pipe blocked")
	}
	// A display that does not answer: one line and exit 1, no panic.
	for _, env := range [][]string{{"DISPLAY=:87"}, {"WAYLAND_DISPLAY=wayland-9"}} {
		code, out := run(append(noDisplay, env...))
		lines := strings.Split(strings.TrimSpace(out), "\n")
		last := lines[len(lines)-1]
		if code != 1 || strings.Contains(out, "panic") || !strings.HasPrefix(last, "sovmap: ") || !strings.Contains(last, "use --export") {
			t.Errorf("%v: exit %d, output %q", env, code, out)
		}
	}
	// A display with no OpenGL (an X server without GLX, as VNC servers
	// are): one line saying so and exit 1, for the window and for a
	// screenshot, never a hang or a panic.
	noGL := "DISPLAY=" + startXvfb(t, "-extension", "GLX")
	for _, args := range [][]string{nil, {"--screenshot", filepath.Join(dir, "nogl.png")}} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			code, out := run(append(noDisplay, noGL), args...)
			lines := strings.Split(strings.TrimSpace(out), "\n")
			last := lines[len(lines)-1]
			if code != 1 || strings.Contains(out, "panic") || !strings.Contains(last, "no OpenGL") || !strings.Contains(last, "use --export") {
				t.Errorf("no OpenGL, %v: exit %d, output %q", args, code, out)
			}
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("no OpenGL, %v: still running after 30 s", args)
		}
	}
	// An export stopped by SIGTERM half-way leaves nothing in its folder.
	stopDir := t.TempDir()
	cmd := exec.Command(bin, "--export", filepath.Join(stopDir, "big.png"), "--size", "12000x12000")
	cmd.Env = append(noDisplay, "HOME="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("the export stopped by SIGTERM exited %d, want 130", code)
	}
	if left, _ := os.ReadDir(stopDir); len(left) != 0 {
		t.Errorf("a stopped export left %d files", len(left))
	}

	// A corrupt preferences file: the app starts with its defaults.
	prefs := filepath.Join(dir, ".config", "fyne", "org.sovmap.Sovmap", "preferences.json")
	if err := os.MkdirAll(filepath.Dir(prefs), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(prefs, []byte("{\"window.width\": \"wide\", \x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	display := startXvfb(t)
	shot := filepath.Join(dir, "window.png")
	if code, out := run(append(noDisplay, "DISPLAY="+display), "--screenshot", shot, "--select", "teocaltiche"); code != 0 {
		t.Fatalf("--screenshot: exit %d\n%s", code, out)
	}
	img := pixeltest.DecodePNG(t, shot)
	if img.Bounds().Dx() < 640 || img.Bounds().Dy() < 400 {
		t.Errorf("screenshot is %v", img.Bounds())
	}
	if dark := countDark(img); dark > img.Bounds().Dx()*img.Bounds().Dy()*9/10 {
		t.Error("the --screenshot image is black")
	}
	os.Rename(shot, filepath.Join("build", "e2e", "cli-screenshot.png"))
}

// TestE2EDesktopBundle installs the Linux bundle (make package) as a
// distribution and as a user would, checks what it installs with the
// desktop's own validators, and does what a double-click on a story file
// does: it runs the entry's Exec line with the file for %F and waits for
// the window, whose class must be "Sovmap" (the entry's StartupWMClass)
// and whose title names the story.
func TestE2EDesktopBundle(t *testing.T) {
	bundle, err := filepath.Abs(filepath.Join("build", "Sovmap.tar.xz"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bundle); err != nil {
		t.Fatalf("no bundle at %s: run make package first (make test does)", bundle)
	}
	tmp := t.TempDir()
	if out, err := exec.Command("tar", "xJf", bundle, "-C", tmp).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	const id = "org.sovmap.Sovmap"
	root := filepath.Join(tmp, "root")
	if out, err := exec.Command("make", "-C", filepath.Join(tmp, "sovmap"), "install", "DESTDIR="+root, "PREFIX=/usr").CombinedOutput(); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}
	share := filepath.Join(root, "usr", "share")
	entryPath := filepath.Join(share, "applications", id+".desktop")
	entry := desktopEntry(t, entryPath)
	for k, want := range map[string]string{
		"Exec":           "sovmap %F",
		"Icon":           id,
		"MimeType":       "application/geo+json;text/csv;application/vnd.google-earth.kml+xml;application/vnd.google-earth.kmz;application/gpx+xml;",
		"StartupWMClass": "Sovmap",
		"Name[es]":       "Sovmap",
	} {
		if entry[k] != want {
			t.Errorf("desktop entry: %s=%q, want %q", k, entry[k], want)
		}
	}
	if entry["Comment[es]"] == "" || entry["GenericName[es]"] == "" {
		t.Error("desktop entry: no Spanish comment or generic name")
	}
	for _, size := range []int{48, 64, 128, 256, 512} {
		icon := filepath.Join(share, "icons", "hicolor", fmt.Sprintf("%dx%d", size, size), "apps", id+".png")
		if b := pixeltest.DecodePNG(t, icon).Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %v, want %dx%d", icon, b, size, size)
		}
	}
	svg, err := os.ReadFile(filepath.Join(share, "icons", "hicolor", "scalable", "apps", id+".svg"))
	if err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("no scalable icon: %v", err)
	}
	metainfo := filepath.Join(share, "metainfo", id+".metainfo.xml")
	// Both validators print nothing but success when there is no error,
	// warning or hint to give.
	if out, err := exec.Command("desktop-file-validate", entryPath).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate: %v\n%s", err, out)
	}
	out, err := exec.Command("appstreamcli", "validate", "--no-net", "--no-color", metainfo).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Validation was successful") || regexp.MustCompile(`(?m)^[EWI]: `).Match(out) {
		t.Errorf("appstreamcli validate: %v\n%s", err, out)
	}
	meta, err := os.ReadFile(metainfo)
	if err != nil {
		t.Fatal(err)
	}
	if v := fyneAppVersion(t); !bytes.Contains(meta, []byte(`<release version="`+v+`"`)) {
		t.Errorf("the metainfo has no release %s (FyneApp.toml's Version)", v)
	}

	// A user install, and the file types it claims, as xdg-open sees them.
	home := filepath.Join(tmp, "home")
	userEnv := append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"), "XDG_DATA_DIRS="+share, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	install := exec.Command("make", "-C", filepath.Join(tmp, "sovmap"), "user-install")
	install.Env = userEnv
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("make user-install: %v\n%s", err, out)
	}
	for _, mime := range []string{"application/geo+json", "text/csv", "application/vnd.google-earth.kml+xml", "application/gpx+xml"} {
		q := exec.Command("xdg-mime", "query", "default", mime)
		q.Env = userEnv
		out, err := q.Output()
		if got := strings.TrimSpace(string(out)); err != nil || got != id+".desktop" {
			t.Errorf("xdg-mime query default %s = %q, %v; want %s.desktop", mime, got, err, id)
		}
	}

	// A double-click on a story file: the Exec line with the file for %F,
	// run with the session's PATH, which holds the prefix.
	story := filepath.Join(tmp, "zocalo-story.csv")
	if err := os.WriteFile(story, []byte("name,lat,lon,date\nZócalo,19.43,-99.13,2025-01-13\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	display := startXvfb(t)
	cmd := exec.Command("sh", "-c", strings.ReplaceAll(entry["Exec"], "%F", "'"+story+"'"))
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+t.TempDir(), "LANG=en_US.UTF-8",
		"PATH="+filepath.Join(root, "usr", "bin")+":"+os.Getenv("PATH"))
	// Its own process group, so that stopping it stops the app the shell
	// started too, before the test removes the app's home.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		cmd.Wait()
		// Wait for the whole group, the app included, to be gone.
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			if syscall.Kill(-cmd.Process.Pid, 0) != nil {
				return
			}
		}
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	})
	s := &session{t: t, display: display}
	waitFor(t, "the window of the installed app, titled with the story", func() bool {
		out, err := s.x("xdotool", "search", "--onlyvisible", "--name", "^Sovmap.*zocalo-story")
		if err != nil || strings.TrimSpace(out) == "" {
			return false
		}
		s.wid = strings.Fields(out)[0]
		return true
	})
	class, err := s.x("xprop", "-id", s.wid, "WM_CLASS")
	if err != nil || strings.TrimSpace(class) != `WM_CLASS(STRING) = "Sovmap", "Sovmap"` {
		t.Errorf("window class: %q, %v; want \"Sovmap\", \"Sovmap\"\napp stderr:\n%s", class, err, stderr.String())
	}
}

// desktopEntry reads the keys of a desktop entry file.
func desktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			keys[k] = v
		}
	}
	return keys
}

// fyneAppVersion is the Version in FyneApp.toml.
func fyneAppVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	return string(m[1])
}

// TestE2ENoNetwork proves the app needs and makes no network connection:
// the window and the export work in a network namespace with no interfaces
// at all, and under strace no IPv4 or IPv6 socket is ever opened or connected
// (local sockets, such as the X server's, are fine).
func TestE2ENoNetwork(t *testing.T) {
	bin, err := filepath.Abs(filepath.Join("build", "e2e", "sovmap"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	display := startXvfb(t)
	dir := t.TempDir()
	runs := []struct {
		name string
		args []string
	}{
		{"window", []string{"--screenshot", filepath.Join(dir, "window.png"), "--select", "coxquihui"}},
		{"export", []string{"--export", filepath.Join(dir, "map.svg"), "--size", "1200x800"}},
	}
	env := append(os.Environ(), "DISPLAY="+display, "HOME="+t.TempDir(), "LANG=en_US.UTF-8")
	for _, r := range runs {
		t.Run("unshare-"+r.name, func(t *testing.T) {
			if os.Geteuid() != 0 {
				t.Skip("unshare -n needs root")
			}
			cmd := exec.Command("unshare", append([]string{"-n", bin}, r.args...)...)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("in a namespace with no network: %v\n%s", err, out)
			}
			if st, err := os.Stat(r.args[1]); err != nil || st.Size() == 0 {
				t.Errorf("%s wrote nothing", r.name)
			}
			os.Remove(r.args[1])
		})
		t.Run("strace-"+r.name, func(t *testing.T) {
			log := filepath.Join(dir, r.name+".strace")
			cmd := exec.Command("strace", append([]string{"-f", "-e", "trace=socket,connect", "-o", log, bin}, r.args...)...)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("under strace: %v\n%s", err, out)
			}
			trace, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			calls := 0
			for _, line := range strings.Split(string(trace), "\n") {
				if strings.Contains(line, "socket(") || strings.Contains(line, "connect(") {
					calls++
				}
				if strings.Contains(line, "AF_INET") { // AF_INET and AF_INET6
					t.Errorf("a network socket: %s", line)
				}
			}
			if r.name == "window" && calls == 0 {
				t.Error("strace saw no socket at all, not even the X server's: the trace is not working")
			}
		})
	}
}

// A file given to the window as a double click gives it (`sovmap FILE`)
// says what happened in the window, where its user looks: a file that is
// no story, in a dialog (and on stderr, for a terminal), over the window;
// a file that opens with rows it could not use, in the notice beside the
// map. Both read off the screen.
func TestE2EOpenFileSaysWhy(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n1 0 obj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "events.csv")
	if err := os.WriteFile(csv, []byte("name,lat,lon,date\nZócalo,19.43,-99.13,2025-01-13\nnowhere,,north,2025-01-14\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file   string
		stderr string   // what stderr must say, if anything
		screen []string // words read off the window
	}{
		{pdf, "report.pdf: a PDF document, not a table", []string{"PDF document"}},
		{csv, "", []string{"item loaded", "row skipped"}},
	} {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			s := startApp(t, tt.file)
			var seen string
			waitFor(t, "the window to say "+strings.Join(tt.screen, " "), func() bool {
				_, path := s.screenshot("opened-" + filepath.Base(tt.file))
				seen = text(s.read(path, image.Rect(0, 0, 1280, 800)))
				for _, w := range tt.screen {
					if !strings.Contains(seen, w) {
						return false
					}
				}
				return true
			})
			if !strings.Contains(s.stderr.String(), tt.stderr) {
				t.Errorf("stderr %q, want it to say %q", s.stderr.String(), tt.stderr)
			}
		})
	}
}
