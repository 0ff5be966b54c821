// Command gen writes Sovmap's embedded map (assets/map/*.geojson.gz) from the
// Natural Earth 1:10m admin-1 and admin-0 data that github.com/sams96/rgeo
// ships in its module files. It is run by `go generate ./assets`; the app
// itself never needs it or rgeo.
//
// Output, one gzip-compressed GeoJSON FeatureCollection per level of detail:
// Mexico's 32 states (ISO 3166-2 code, current name, label point) and the
// neighbouring countries clipped to the area around Mexico. Level 0 keeps every
// vertex; each further level is Douglas-Peucker simplified, in the projected
// plane, with twice the tolerance of the one before. Running it again writes
// byte-identical files.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
	"github.com/sams96/rgeo"

	"sovmap/geo"
	"sovmap/geo/atomicfile"
)

// Tolerances of the levels of detail, in projected metres; level 0 is full detail.
var tolerances = []float64{0, 125, 250, 500, 1000, 2000, 4000}

// contextBound is the lon/lat area the neighbouring countries are clipped to.
var contextBound = orb.Bound{Min: orb.Point{-130, 3}, Max: orb.Point{-65, 45}}

// The Natural Earth sliver off Yucatán (Arrecife Alacranes) has no name or
// state; it is merged into Yucatán, the state it belongs to.
const (
	sliverCode   = "MX-X01~"
	sliverTarget = "MX-YUC"
)

// Renames for names and codes that have changed since the data was made.
var renames = map[string]struct{ code, name string }{
	"MX-DIF": {"MX-CMX", "Ciudad de México"},
}

// Shorter common names where Natural Earth's `name` is not the usual one.
var stateNames = map[string]string{
	"MX-MEX": "Estado de México",
}

func main() {
	out := flag.String("out", "map", "folder to write the levels into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	provinces, err := readCollection(rgeo.Provinces10())
	if err != nil {
		return fmt.Errorf("Provinces10: %w", err)
	}
	countries, err := readCollection(rgeo.Countries10())
	if err != nil {
		return fmt.Errorf("Countries10: %w", err)
	}
	features, err := mexicoStates(provinces)
	if err != nil {
		return err
	}
	features = append(features, neighbours(countries)...)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for level, tol := range tolerances {
		fc := simplified(features, tol)
		fc.ExtraMembers = geojson.Properties{
			"level":       level,
			"tolerance_m": tol,
			"source":      "Natural Earth 1:10m admin-1 states and provinces, admin-0 countries (public domain)",
		}
		name := filepath.Join(out, fmt.Sprintf("level%d.geojson.gz", level))
		if err := writeGzipJSON(name, fc); err != nil {
			return err
		}
	}
	return nil
}

func readCollection(gz []byte) (*geojson.FeatureCollection, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return geojson.UnmarshalFeatureCollection(raw)
}

func asMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

// mexicoStates picks Mexico's admin-1 features, merges the sliver and
// applies the renames. It checks that exactly 32 states come out.
func mexicoStates(fc *geojson.FeatureCollection) ([]*geojson.Feature, error) {
	byCode := map[string]*geojson.Feature{}
	var sliver orb.MultiPolygon
	for _, f := range fc.Features {
		if f.Properties["adm0_a3"] != "MEX" {
			continue
		}
		code, _ := f.Properties["iso_3166_2"].(string)
		mp := asMultiPolygon(f.Geometry)
		if code == sliverCode {
			sliver = append(sliver, mp...)
			continue
		}
		name, _ := f.Properties["name"].(string)
		if r, ok := renames[code]; ok {
			code, name = r.code, r.name
		}
		if n, ok := stateNames[code]; ok {
			name = n
		}
		lon, _ := f.Properties["longitude"].(float64)
		lat, _ := f.Properties["latitude"].(float64)
		out := geojson.NewFeature(mp)
		out.Properties = geojson.Properties{
			"kind":  "state",
			"id":    code,
			"name":  name,
			"label": []float64{lon, lat},
		}
		byCode[code] = out
	}
	target, ok := byCode[sliverTarget]
	if !ok {
		return nil, fmt.Errorf("no %s to merge %s into", sliverTarget, sliverCode)
	}
	target.Geometry = append(target.Geometry.(orb.MultiPolygon), sliver...)
	if len(byCode) != 32 {
		return nil, fmt.Errorf("found %d Mexican states, want 32", len(byCode))
	}
	return sortedFeatures(byCode), nil
}

// neighbours picks the countries other than Mexico that reach into
// contextBound, clipped to it.
func neighbours(fc *geojson.FeatureCollection) []*geojson.Feature {
	byCode := map[string]*geojson.Feature{}
	for _, f := range fc.Features {
		code, _ := f.Properties["ADM0_A3"].(string)
		if code == "MEX" || !f.Geometry.Bound().Intersects(contextBound) {
			continue
		}
		mp := clip.MultiPolygon(contextBound, asMultiPolygon(orb.Clone(f.Geometry)))
		if len(mp) == 0 {
			continue
		}
		nameEN, _ := f.Properties["NAME_EN"].(string)
		nameES, _ := f.Properties["NAME_ES"].(string)
		lon, _ := f.Properties["LABEL_X"].(float64)
		lat, _ := f.Properties["LABEL_Y"].(float64)
		out := geojson.NewFeature(mp)
		out.Properties = geojson.Properties{
			"kind":    "country",
			"id":      code,
			"name":    nameEN,
			"name_es": nameES,
			"label":   []float64{lon, lat},
			"clip":    []float64{contextBound.Min[0], contextBound.Min[1], contextBound.Max[0], contextBound.Max[1]},
		}
		byCode[code] = out
	}
	return sortedFeatures(byCode)
}

func sortedFeatures(m map[string]*geojson.Feature) []*geojson.Feature {
	codes := make([]string, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := make([]*geojson.Feature, len(codes))
	for i, c := range codes {
		out[i] = m[c]
	}
	return out
}

// simplified returns copies of the features simplified with tolerance tol
// (projected metres), with rings that collapse dropped and coordinates
// rounded to 1e-6 degrees (about 0.1 m, the source's own precision).
func simplified(features []*geojson.Feature, tol float64) *geojson.FeatureCollection {
	fc := geojson.NewFeatureCollection()
	for _, f := range features {
		mp := f.Geometry.(orb.MultiPolygon).Clone()
		if tol > 0 {
			projected := project.MultiPolygon(mp, geo.MexicoLCC.Forward)
			projected = simplify.DouglasPeucker(tol).MultiPolygon(projected)
			mp = project.MultiPolygon(projected, geo.MexicoLCC.Inverse)
		}
		mp = cleaned(mp)
		if len(mp) == 0 {
			continue
		}
		out := geojson.NewFeature(mp)
		out.Properties = f.Properties
		fc.Append(out)
	}
	return fc
}

// cleaned rounds coordinates and drops rings with fewer than four points
// (and polygons whose outer ring went).
func cleaned(mp orb.MultiPolygon) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, poly := range mp {
		var p orb.Polygon
		for i, ring := range poly {
			for j := range ring {
				ring[j] = orb.Point{round6(ring[j][0]), round6(ring[j][1])}
			}
			if len(ring) < 4 {
				if i == 0 {
					break
				}
				continue
			}
			p = append(p, ring)
		}
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// writeGzipJSON writes v as gzip-compressed JSON, atomically, with a fixed
// gzip header so reruns are byte-identical.
func writeGzipJSON(name string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(name, func(w io.Writer) error {
		zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := zw.Write(raw); err != nil {
			return err
		}
		return zw.Close()
	})
}
