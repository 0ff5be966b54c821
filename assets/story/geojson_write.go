package story

import (
	"encoding/json"
	"io"
)

// WriteGeoJSON writes the story in Sovmap's story format (the one Parse
// reads): opening the file again gives back the same story.
func WriteGeoJSON(w io.Writer, s *Story) error {
	type geometry struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	}
	type props struct {
		Kind              Kind      `json:"kind"`
		Side              Side      `json:"side,omitempty"`
		Place             string    `json:"place,omitempty"`
		PlaceName         string    `json:"place_name,omitempty"`
		State             string    `json:"state,omitempty"`
		Municipality      string    `json:"municipality,omitempty"`
		LocationPrecision string    `json:"location_precision,omitempty"`
		LocationNote      Text      `json:"location_note,omitempty"`
		Date              string    `json:"date,omitempty"`
		DatePrecision     Precision `json:"date_precision"`
		DateNote          Text      `json:"date_note,omitempty"`
		Title             Text      `json:"title"`
		Summary           Text      `json:"summary"`
		Victims           Text      `json:"victims,omitempty"`
		Killed            *int      `json:"killed,omitempty"`
		Actor             string    `json:"actor,omitempty"`
		Source            string    `json:"source"`
		SourceURL         string    `json:"source_url,omitempty"`
	}
	type feature struct {
		Type       string    `json:"type"`
		ID         string    `json:"id"`
		Geometry   *geometry `json:"geometry"`
		Properties props     `json:"properties"`
	}
	type collection struct {
		Type        string    `json:"type"`
		Title       Text      `json:"title,omitempty"`
		Description Text      `json:"description,omitempty"`
		Sources     []*Source `json:"sources"`
		Features    []feature `json:"features"`
	}
	out := collection{Type: "FeatureCollection", Title: s.Title, Description: s.Description, Sources: s.Sources}
	for _, it := range s.Items {
		f := feature{Type: "Feature", ID: it.ID, Properties: props{
			Kind: it.Kind, Side: it.Side, LocationPrecision: it.LocationPrecision, LocationNote: it.LocationNote,
			Date: it.Date.ISO(), DatePrecision: it.Date.Precision, DateNote: it.DateNote,
			Title: it.Title, Summary: it.Summary, Victims: it.Victims, Actor: it.Actor, SourceURL: it.SourceURL,
		}}
		if it.KilledOK {
			k := it.Killed
			f.Properties.Killed = &k
		}
		if it.Source != nil {
			f.Properties.Source = it.Source.ID
		}
		if p := it.Place; p != nil {
			f.Geometry = &geometry{Type: "Point", Coordinates: [2]float64{p.Point[0], p.Point[1]}}
			f.Properties.Place, f.Properties.PlaceName, f.Properties.State, f.Properties.Municipality = p.ID, p.Name, p.State, p.Municipality
		}
		out.Features = append(out.Features, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
