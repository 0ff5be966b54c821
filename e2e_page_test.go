//go:build e2e

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sovmap/geo/pixeltest"
)

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
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed (see .ci/setup)")
	}
	bin := filepath.Join("build", "e2e", "sovmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
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
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed (see .ci/setup)")
	}
	bin := filepath.Join("build", "e2e", "sovmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
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
