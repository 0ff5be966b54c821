package render_test

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sovmap/geo"
	"sovmap/geo/geotest"
	"sovmap/geo/render"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// mapnikPython is a Python that has Debian's python3-mapnik, or "".
var mapnikPython = sync.OnceValue(func() string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import mapnik").Run() == nil {
			return py
		}
	}
	return ""
})

// BenchmarkMapnik draws the whole country at 1920x1080 from scratch and
// times Mapnik (python3-mapnik) drawing the same boundaries (the level of
// detail the renderer picks), view and size in the same run, reporting
// both medians (Mapnik's of forty frames, Sovmap's of every frame of the
// loop) and their ratio. It is skipped where Mapnik is not
// installed.
func BenchmarkMapnik(b *testing.B) {
	py := mapnikPython()
	if py == "" {
		b.Skip("python3-mapnik is not installed")
	}
	const w, h, frames = 1920, 1080, 40
	m := geotest.Map(b)
	vp := geotest.WholeCountry(m, w, h)
	level := m.Level(vp.Res)
	geojson := filepath.Join(b.TempDir(), fmt.Sprintf("level%d.geojson", level))
	if err := writeLevel(geojson, m, level); err != nil {
		b.Fatal(err)
	}
	box := vp.Bound()
	args := []string{filepath.Join("testdata", "mapnik_bench.py"), geojson, strconv.Itoa(w), strconv.Itoa(h)}
	for _, v := range []float64{box.Min[0], box.Min[1], box.Max[0], box.Max[1]} {
		args = append(args, strconv.FormatFloat(v, 'f', 3, 64))
	}
	out, err := exec.Command(py, append(args, strconv.Itoa(frames))...).CombinedOutput()
	if err != nil {
		b.Fatalf("mapnik: %v\n%s", err, out)
	}
	mapnikMS, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatalf("mapnik said %q", out)
	}
	r := render.NewRenderer(m)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sc := storyScene(m)
	// Every frame of the benchmark's loop is timed, and the median taken:
	// the first few frames after Mapnik's process exits ran up to a
	// third slower than the rest, and forty of them made the ratio swing
	// from 0.33 to 0.46 between runs.
	var times []float64
	for b.Loop() {
		start := time.Now()
		r.Render(img, vp, sc)
		times = append(times, float64(time.Since(start).Microseconds())/1000)
	}
	slices.Sort(times)
	ours := times[len(times)/2]
	b.ReportMetric(mapnikMS, "mapnik-ms")
	b.ReportMetric(ours, "sovmap-ms")
	b.ReportMetric(ours/mapnikMS, "ratio")
}

// writeLevel writes, as GeoJSON in longitude and latitude, the states and
// the neighbouring countries of one of the map's levels: the boundaries
// the renderer draws at that level, for Mapnik to draw too.
func writeLevel(path string, m *geo.Map, level int) error {
	fc := geojson.NewFeatureCollection()
	for _, r := range slices.Concat(m.States, m.Countries) {
		var mp orb.MultiPolygon
		for _, poly := range m.Geometry(r, level) {
			var out orb.Polygon
			for _, ring := range poly {
				ll := make(orb.Ring, len(ring))
				for i, pt := range ring {
					ll[i] = m.Proj.Inverse(pt)
				}
				out = append(out, ll)
			}
			mp = append(mp, out)
		}
		if len(mp) == 0 {
			continue // a reef too small for the level
		}
		f := geojson.NewFeature(mp)
		f.Properties["code"] = r.Code
		fc.Append(f)
	}
	data, err := fc.MarshalJSON()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
