package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/geojson"
	"github.com/sams96/rgeo"
)

// contextBound is the lon/lat area the neighbouring countries are cut to.
var contextBound = orb.Bound{Min: orb.Point{-130, 3}, Max: orb.Point{-65, 45}}

// country is a neighbouring country from Natural Earth, cut to
// contextBound.
type country struct {
	code, name, nameES string
	label              orb.Point // lon/lat
	shape              orb.MultiPolygon
}

// neighbours reads Natural Earth's countries (1:10m, from rgeo's module
// files) that reach into contextBound, Mexico among them (whose border the
// others share, point for point, in that data), cut to it, with the points
// where a ring meets the cut: where a border turns into the cut edge.
func neighbours() (countries []*country, mexico *country, cuts []orb.Point, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(rgeo.Countries10()))
	if err != nil {
		return nil, nil, nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, nil, nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("Countries10: %w", err)
	}
	for _, f := range fc.Features {
		code, _ := f.Properties["ADM0_A3"].(string)
		if !f.Geometry.Bound().Intersects(contextBound) {
			continue
		}
		mp := clip.MultiPolygon(contextBound, asMultiPolygon(orb.Clone(f.Geometry)))
		if len(mp) == 0 {
			continue
		}
		c := &country{code: code, shape: mp}
		c.name, _ = f.Properties["NAME_EN"].(string)
		c.nameES, _ = f.Properties["NAME_ES"].(string)
		lon, _ := f.Properties["LABEL_X"].(float64)
		lat, _ := f.Properties["LABEL_Y"].(float64)
		c.label = orb.Point{lon, lat}
		if code == "MEX" {
			mexico = c
			continue
		}
		countries = append(countries, c)
		cuts = append(cuts, cutPoints(mp)...)
	}
	if mexico == nil {
		return nil, nil, nil, fmt.Errorf("Countries10 has no Mexico")
	}
	sort.Slice(countries, func(i, j int) bool { return countries[i].code < countries[j].code })
	return countries, mexico, cuts, nil
}

// onEdge reports whether p lies on contextBound's edge.
func onEdge(p orb.Point) bool {
	b := contextBound
	return p[0] == b.Min[0] || p[0] == b.Max[0] || p[1] == b.Min[1] || p[1] == b.Max[1]
}

// alongEdge reports whether the segment a–b runs along contextBound's edge.
func alongEdge(a, b orb.Point) bool {
	e := contextBound
	return (a[0] == b[0] && (a[0] == e.Min[0] || a[0] == e.Max[0])) || (a[1] == b[1] && (a[1] == e.Min[1] || a[1] == e.Max[1]))
}

// cutPoints are the points of mp's rings where a segment along the cut
// edge meets one that is not.
func cutPoints(mp orb.MultiPolygon) []orb.Point {
	var out []orb.Point
	for _, poly := range mp {
		for _, r := range poly {
			pts := openRing(r)
			n := len(pts)
			for i, p := range pts {
				if !onEdge(p) {
					continue
				}
				prev, next := pts[(i+n-1)%n], pts[(i+1)%n]
				if alongEdge(prev, p) != alongEdge(p, next) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// spliceBorder puts INEGI's border in place of Natural Earth's in a
// neighbouring country's projected shape: the longest run of each ring's
// points that Natural Earth's Mexico has too (their shared border) is
// replaced by the part of INEGI's national outline (projected, mexico)
// between the points nearest the run's ends. The country then shares its
// border with Mexico's municipalities vertex for vertex, so that no sliver
// of sea or land opens between them at any level of detail. It reports
// whether it replaced a border.
func spliceBorder(shape orb.MultiPolygon, neMexico map[orb.Point]bool, mexico []orb.Point) bool {
	spliced := false
	for _, poly := range shape {
		for k, r := range poly {
			pts := openRing(r)
			shared := make([]bool, len(pts))
			for i, p := range pts {
				shared[i] = neMexico[p]
			}
			run := longestRun(pts, shared)
			if len(run) < 4 {
				continue
			}
			// The run's own points, without the point before and after.
			first, last := run[1], run[len(run)-2]
			border := shorterPath(mexico, nearest(mexico, first), nearest(mexico, last))
			var out []orb.Point
			// From the point after the run, around to the point before.
			start := indexOf(pts, run[len(run)-1])
			end := indexOf(pts, run[0])
			out = append(out, forwardPath(pts, start, end)...)
			out = append(out, border...)
			poly[k] = closeRing(out)
			spliced = true
		}
	}
	return spliced
}

func indexOf(pts []orb.Point, p orb.Point) int {
	for i, q := range pts {
		if q == p {
			return i
		}
	}
	return -1
}
