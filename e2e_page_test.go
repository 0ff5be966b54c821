//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sovmap/geo/pixeltest"
)

// chromiumAndApp is Chromium's path and the app built for the page tests.
func chromiumAndApp(t *testing.T) (chromium, bin string) {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed (see .ci/setup)")
	}
	bin = filepath.Join("build", "e2e", "sovmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return chromium, bin
}

// TestE2EInteractivePage opens the interactive page (--export page.html)
// in headless Chromium, as a reader opening it from disk would: a link to
// a place (#place=…) clicks its marker, and the details must show that
// place's incident, the marker selected and its timeline row current. The
// Spanish page speaks Spanish; the English page switched to Spanish
// (#lang=es) speaks Spanish on its map too (legend, attribution, country
// names), its English words hidden. Chromium's network log must show no request
// made by the page (requests Chromium makes for itself, with no origin,
// are its own business).
func TestE2EInteractivePage(t *testing.T) {
	chromium, bin := chromiumAndApp(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		lang, place string
		args        []string // filters
		want        []string
		switchTo    string // the language the link asks for (#lang=)
	}{
		// The fields named as in the window; the undated group and each
		// row's place on the timeline.
		{"en", "huitzilac", nil, []string{"<h2>Huitzilac</h2>", "Shooting in Huitzilac", "Municipality: Huitzilac, Morelos",
			"<b>Category: </b>Not attributed in the report", "<b>Source: </b>Reuters", `<li class="group">Undated: the source gives no date</li>`,
			"Teocaltiche: Police chief shot dead"}, ""},
		{"es", "teocaltiche", nil, []string{"<h2>Teocaltiche</h2>", "Municipio: Teocaltiche, Jalisco", "Cronología", "<b>Categoría: </b>"}, ""},
		// A filtered page says so.
		{"en", "teocaltiche", []string{"--category", "Political violence"}, []string{`<p id="filters">Category: Political violence</p>`}, ""},
		// The English page in Spanish: the map's words too.
		{"en", "teocaltiche", nil, []string{"Municipio: Teocaltiche, Jalisco", `<g class="lang" data-lang="es" display="inline">`,
			`<g class="lang" data-lang="en" display="none">`, `class="marker selected" id="es-marker-teocaltiche"`, "Límites: INEGI"}, "es"},
	} {
		page := filepath.Join(dir, "story-"+tc.lang+strings.Join(tc.args, "")+tc.switchTo+".html")
		cmd := exec.Command(bin, append([]string{"--export", page, "--lang", tc.lang}, tc.args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("--export %s: %v\n%s", page, err, out)
		}
		netlog := filepath.Join(dir, "netlog-"+tc.lang+strings.Join(tc.args, "")+tc.switchTo+".json")
		hash := "#place=" + tc.place
		if tc.switchTo != "" {
			hash = "#lang=" + tc.switchTo + "&place=" + tc.place
		}
		run := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+filepath.Join(dir, "profile-"+tc.lang+strings.Join(tc.args, "")+tc.switchTo), "--log-net-log="+netlog,
			"--dump-dom", "file://"+page+hash)
		run.Env = append(os.Environ(), "HOME="+dir)
		dom, err := run.Output()
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		details := regexp.MustCompile(`(?s)<section id="details".*?</section>`).Find(dom)
		for _, want := range tc.want {
			if !strings.Contains(string(dom), want) {
				t.Errorf("%s page, #place=%s: no %q in the page as Chromium built it; details: %s", tc.lang, tc.place, want, details)
			}
		}
		if !regexp.MustCompile(`class="marker selected" id="marker-` + tc.place + `"`).Match(dom) {
			t.Errorf("%s page: the marker of %s is not selected", tc.lang, tc.place)
		}
		if !strings.Contains(string(dom), `aria-current="true"`) {
			t.Errorf("%s page: no timeline row is current", tc.lang)
		}
		log, err := os.ReadFile(netlog)
		if err != nil {
			t.Fatalf("no network log from Chromium: %v", err)
		}
		for _, m := range regexp.MustCompile(`"initiator":"([^"]*)"`).FindAllSubmatch(log, -1) {
			if string(m[1]) != "not an origin" {
				t.Errorf("%s page: Chromium logged a request made by %q", tc.lang, m[1])
			}
		}
	}
}

// TestE2ESVGInChromium draws the SVG exports in headless Chromium and
// compares them with the PNG export of the same map: with text as
// outlines they must agree but for anti-aliasing; with editable text,
// Chromium uses the Go fonts the SVG embeds, and only their hinting
// differs from the PNG's.
func TestE2ESVGInChromium(t *testing.T) {
	chromium, bin := chromiumAndApp(t)
	dir := t.TempDir()
	export := func(name string, args ...string) string {
		path := filepath.Join(dir, name)
		cmd := exec.Command(bin, append([]string{"--export", path, "--size", "1200x800", "--select", "teocaltiche"}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("--export %s: %v\n%s", name, err, out)
		}
		return path
	}
	png := pixeltest.DecodePNG(t, export("map.png"))
	for _, tc := range []struct {
		name     string
		args     []string
		maxShare float64
	}{
		{"outlines.svg", []string{"--outlines"}, 0.01},
		{"text.svg", nil, 0.03},
	} {
		svg := export(tc.name, tc.args...)
		shot := filepath.Join(dir, tc.name+".png")
		run := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
			"--force-device-scale-factor=1", "--window-size=1200,800", "--user-data-dir="+filepath.Join(dir, "profile"),
			"--screenshot="+shot, "file://"+svg)
		run.Env = append(os.Environ(), "HOME="+dir)
		if out, err := run.CombinedOutput(); err != nil {
			t.Fatalf("chromium: %v\n%s", err, out)
		}
		got := pixeltest.DecodePNG(t, shot)
		if got.Bounds() != png.Bounds() {
			t.Fatalf("%s: Chromium drew %v, the PNG is %v", tc.name, got.Bounds(), png.Bounds())
		}
		n := pixeltest.DifferBeyond(got, png, png.Bounds(), 51)
		share := float64(n) / float64(png.Bounds().Dx()*png.Bounds().Dy())
		t.Logf("%s in Chromium: %.2f%% of pixels differ clearly from the PNG export", tc.name, 100*share)
		if share > tc.maxShare {
			t.Errorf("%s in Chromium: %.2f%% of pixels differ clearly from the PNG export, want at most %.0f%%", tc.name, 100*share, 100*tc.maxShare)
		}
	}
}

// readablePx is the least height, in CSS pixels, of a place's name on
// the screen (its box: a 10 px font's) that a phone's reader can read
// without zooming.
const readablePx = 10.5

// pageDriver is a page of the test's own that opens the exported page in
// a frame of a given size and works it as a reader would: the zoom
// buttons, a pinch, a drag, the language switch and a marker. It writes
// what it saw, as JSON, in its body's data-result for --dump-dom.
const pageDriver = `<!DOCTYPE html><html><body>
<iframe id="f" src="page.html" width="%d" height="%d"></iframe>
<script>
var f = document.getElementById('f');
f.onload = function () { f.contentDocument.fonts.ready.then(drive); };
function drive() {
  var d = f.contentDocument, w = f.contentWindow, out = {};
  var fig = d.getElementById('page-map'), svg = fig.querySelector('svg');
  var zoom = function () { return +fig.dataset.zoom; };
  out.start = zoom();
  out.key = !d.getElementById('map-key').hidden;
  out.legend = d.querySelectorAll('#legend li').length;
  var box = svg.getBoundingClientRect();
  out.width = box.width; out.mapTop = box.top; out.mapLeft = box.left; out.mapHeight = box.height;
  // How high the places' names stand on the screen, the smallest.
  out.nameHeight = Math.min.apply(null, Array.prototype.map.call(
    d.querySelectorAll('#page-map g.lang[data-lang="en"] g.marker'), function (g) {
      return Math.max.apply(null, Array.prototype.map.call(g.querySelectorAll('text'), function (t) { return t.getBoundingClientRect().height; }));
    }));
  // The zoom buttons inside the map, where a thumb finds them.
  var t = d.getElementById('zoom-in').getBoundingClientRect(), sr = svg.getBoundingClientRect();
  out.buttonsOnMap = t.top >= sr.top && t.bottom <= sr.bottom && t.right <= sr.right && t.left >= sr.left;
  d.getElementById('zoom-in').click(); out.in = zoom();
  d.getElementById('zoom-out').click(); out.out = zoom();
  var r = svg.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  var pe = function (type, id, x, y) { svg.dispatchEvent(new w.PointerEvent(type, { pointerId: id, clientX: x, clientY: y, bubbles: true })); };
  pe('pointerdown', 1, cx - 20, cy); pe('pointerdown', 2, cx + 20, cy);
  pe('pointermove', 2, cx + 60, cy); pe('pointerup', 1, cx - 20, cy); pe('pointerup', 2, cx + 60, cy);
  out.pinched = zoom();
  var before = svg.getAttribute('viewBox');
  pe('pointerdown', 3, cx, cy); pe('pointermove', 3, cx + 40, cy + 30); pe('pointerup', 3, cx + 40, cy + 30);
  out.dragged = svg.getAttribute('viewBox') !== before;
  d.getElementById('zoom-all').click(); out.all = zoom();
  Array.prototype.forEach.call(d.querySelectorAll('#languages button'), function (b) { if (b.lang === 'es') { b.click(); } });
  out.legendES = ((d.querySelector('#legend li') || {}).textContent || '').trim();
  out.shownES = d.querySelector('#page-map g.lang[data-lang="es"]').getAttribute('display');
  var m = d.querySelector('#page-map g.lang[data-lang="es"] g.marker');
  ['pointerdown', 'pointerup'].forEach(function (type) { m.dispatchEvent(new w.PointerEvent(type, { pointerId: 5, bubbles: true })); });
  m.dispatchEvent(new w.MouseEvent('click', { bubbles: true }));
  out.details = (d.querySelector('#details h2') || {}).textContent;
  document.body.setAttribute('data-result', JSON.stringify(out));
}
</script></body></html>`

// The interactive page on a phone (390x844) and a desktop (1440x900), in
// headless Chromium. On the phone the map comes first, under the title,
// the whole screen wide, zoomed to the story's places so that their names
// stand readablePx or more high, with its legend and
// attribution written under it; the buttons, a pinch and a drag zoom and
// pan it; the language switch switches the legend too. On the desktop the
// whole map shows, its own legend in it. In screenshots the map fills its
// box across, the whole screen wide on the phone.
func TestE2EPageOnAPhoneAndADesktop(t *testing.T) {
	chromium, bin := chromiumAndApp(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	cmd := exec.Command(bin, "--export", page, "--lang", "en")
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("--export: %v\n%s", err, out)
	}
	chrome := func(args ...string) []byte {
		t.Helper()
		run := exec.Command(chromium, append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
			"--user-data-dir=" + filepath.Join(dir, "profile")}, args...)...)
		run.Env = append(os.Environ(), "HOME="+dir)
		out, err := run.Output()
		if err != nil {
			t.Fatalf("chromium %v: %v", args, err)
		}
		return out
	}
	for _, tc := range []struct {
		w, h  int
		phone bool
	}{
		{390, 844, true},
		{1440, 900, false},
	} {
		driver := filepath.Join(dir, fmt.Sprintf("drive-%d.html", tc.w))
		if err := os.WriteFile(driver, fmt.Appendf(nil, pageDriver, tc.w, tc.h), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := chrome("--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", "file://"+driver)
		m := regexp.MustCompile(`data-result="([^"]*)"`).FindSubmatch(dom)
		if m == nil {
			t.Fatalf("%dx%d: the driver page wrote no result", tc.w, tc.h)
		}
		var got struct {
			Start, In, Out, Pinched, All float64
			Key, Dragged, ButtonsOnMap   bool
			NameHeight                   float64
			MapTop, MapLeft, MapHeight   float64
			Legend                       int
			Width                        float64
			LegendES, ShownES, Details   string
		}
		if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
			t.Fatalf("%dx%d: %v in %s", tc.w, tc.h, err, m[1])
		}
		t.Logf("%dx%d: %+v", tc.w, tc.h, got)
		if tc.phone {
			if got.Start < 1.5 || !got.Key || got.Legend < 3 || got.Width < float64(tc.w)-40 {
				t.Errorf("phone: opens at zoom %.2f (want the places, over 1.5), legend under the map %v with %d entries, map %.0f px wide", got.Start, got.Key, got.Legend, got.Width)
			}
			if got.NameHeight < readablePx {
				t.Errorf("phone: the places' names are %.1f px high on the screen, want %g or more", got.NameHeight, readablePx)
			}
		} else if got.Start != 1 || got.Key {
			t.Errorf("desktop: opens at zoom %.2f (want 1, the whole map), legend under the map %v (want the map's own)", got.Start, got.Key)
		}
		if !got.ButtonsOnMap {
			t.Errorf("%dx%d: the zoom buttons are not on the map", tc.w, tc.h)
		}
		if !(got.In > got.Start && got.Out < got.In && got.Pinched > got.Out && got.Dragged && got.All == 1) {
			t.Errorf("%dx%d: zoom %.2f, in %.2f, out %.2f, pinched %.2f, dragged %v, whole map %.2f", tc.w, tc.h, got.Start, got.In, got.Out, got.Pinched, got.Dragged, got.All)
		}
		if got.ShownES != "inline" || !strings.Contains(got.LegendES, "nota") || got.Details == "" {
			t.Errorf("%dx%d: in Spanish the map's words show %q, the legend begins %q; a marker's click shows %q", tc.w, tc.h, got.ShownES, got.LegendES, got.Details)
		}

		// The screen as Chromium draws it: across the map's middle row,
		// the map (land and sea, not the page's white) the whole width of
		// the map's box, which on a phone is the screen's.
		// Through a frame of the screen's size at the window's corner: a
		// headless window is at least 500 px wide.
		shot := filepath.Join(dir, fmt.Sprintf("page-%dx%d.png", tc.w, tc.h))
		frame := filepath.Join(dir, fmt.Sprintf("frame-%d.html", tc.w))
		if err := os.WriteFile(frame, fmt.Appendf(nil, `<!DOCTYPE html><html><body style="margin:0"><iframe src="page.html" width="%d" height="%d" style="border:0;display:block"></iframe></body></html>`, tc.w, tc.h), 0o644); err != nil {
			t.Fatal(err)
		}
		chrome(fmt.Sprintf("--window-size=%d,%d", max(tc.w, 500), tc.h), "--allow-file-access-from-files", "--virtual-time-budget=3000", "--screenshot="+shot, "file://"+frame)
		if out, err := exec.Command("convert", shot, "-crop", fmt.Sprintf("%dx%d+0+0", tc.w, tc.h), "+repage", shot).CombinedOutput(); err != nil {
			t.Fatalf("convert: %v\n%s", err, out)
		}
		img := pixeltest.DecodePNG(t, shot)
		y := int(got.MapTop + got.MapHeight/2)
		mapped := 0
		for x := int(got.MapLeft) + 1; x < int(got.MapLeft+got.Width)-1; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r>>8 < 250 || g>>8 < 250 || b>>8 < 250 {
				mapped++
			}
		}
		if float64(mapped) < 0.97*(got.Width-2) || (tc.phone && (got.MapTop > 120 || got.Width < float64(tc.w)-30)) {
			t.Errorf("%dx%d: the map's middle row (y %d) is drawn over %d of %.0f px; the map is %.0f px wide, %.0f px from the top", tc.w, tc.h, y, mapped, got.Width-2, got.Width, got.MapTop)
		}
		keep := filepath.Join("build", "e2e", filepath.Base(shot))
		if b, err := os.ReadFile(shot); err == nil {
			os.WriteFile(keep, b, 0o644)
		}
	}
}
