package storyfile

import (
	"encoding/json"
	"io"

	"sovmap/geo/story"

	"github.com/paulmach/orb/geojson"
)

// WriteGeoJSON writes the story in Sovmap's story format, with the same
// file types Parse reads: opening the file again gives back the same story.
func WriteGeoJSON(w io.Writer, s *story.Story) error {
	out := fileCollection{Type: "FeatureCollection", Title: s.Title, Description: s.Description, Sources: s.Sources}
	for _, it := range s.Items {
		f := fileFeature{Type: "Feature", ID: it.ID, Properties: fileProperties{
			Kind: it.Kind, Side: it.Side, Actor: it.Actor, SourceURL: it.SourceURL, Category: it.Category,
			LocationPrecision: it.LocationPrecision, LocationNote: it.LocationNote,
			Date: it.Date.ISO(), DatePrecision: it.Date.Precision, DateNote: it.DateNote,
			Title: it.Title, Summary: it.Summary, Victims: it.Victims,
		}}
		if it.KilledOK {
			k := float64(it.Killed)
			f.Properties.Killed = &k
		}
		if it.Source != nil {
			f.Properties.Source = it.Source.ID
		}
		if p := it.Place; p != nil {
			f.Geometry = geojson.NewGeometry(p.Point)
			f.Properties.Place, f.Properties.PlaceName = p.ID, p.Name
			f.Properties.State, f.Properties.Municipality = p.State, p.Municipality
		}
		out.Features = append(out.Features, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
