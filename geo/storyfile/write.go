package storyfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// The shape of Sovmap's own GeoJSON, as WriteGeoJSON writes it: the marker
// and the sources before the features, so that a reader knows both before
// the first feature. outHead is the collection but for its features, which
// follow it (featureJSON writes them).
type (
	outHead struct {
		Type        string          `json:"type"`
		Sovmap      int             `json:"sovmap"`
		Title       story.Text      `json:"title,omitempty"`
		Description story.Text      `json:"description,omitempty"`
		Credit      story.Text      `json:"credit,omitempty"`
		Sources     []*story.Source `json:"sources"`
		Steps       []string        `json:"steps,omitempty"`
	}
)

// OwnFormat's version.
const ownVersion = 1

// WriteGeoJSON writes the story in Sovmap's story format: opening the file
// again gives back the same story, whatever file it came from. It writes
// as it goes, a feature at a time, so that saving 200,000 items holds one
// item's text in memory, not the whole file twice over (over a gigabyte).
// The bytes are those of encoding/json indenting the whole collection.
func WriteGeoJSON(w io.Writer, s *story.Story) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	head := outHead{Type: "FeatureCollection", Sovmap: ownVersion, Title: s.Title, Description: s.Description,
		Credit: s.Credit, Sources: s.Sources, Steps: s.Steps}
	if err := enc.Encode(head); err != nil {
		return err
	}
	// The head is "{\n  ...\n}\n": the features go in before its "\n}".
	bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n}\n")))
	if len(s.Items) == 0 {
		bw.WriteString(",\n  \"features\": []\n}\n")
		return bw.Flush()
	}
	bw.WriteString(",\n  \"features\": [\n")
	fw := featureJSON{prefix: "    "}
	for i, it := range s.Items {
		if pl := it.Place; pl != nil && !finite(pl.Point) {
			return phrase.Errorf("item %q: its place's coordinates are not finite numbers", it.ID)
		}
		bw.WriteString("    ")
		bw.Write(fw.feature(it))
		if i < len(s.Items)-1 {
			bw.WriteByte(',')
		}
		if _, err := bw.WriteString("\n"); err != nil {
			return err // the writer failed: no use encoding the rest
		}
	}
	bw.WriteString("  ]\n}\n")
	return bw.Flush()
}

// ACLEDColumns are the columns WriteACLED writes, in ACLED's names.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "actor2", "admin1", "admin2", "location", "latitude", "longitude",
	"geo_precision", "source", "notes", "fatalities", "country",
	// Sovmap's own, after ACLED's: what its codes cannot say.
	"date_precision", "date_end", "date_note", "location_precision", "location_note",
}

// WriteACLED writes the story's items as CSV in ACLED's column layout,
// with columns of Sovmap's own after ACLED's for what its codes cannot say
// (a date's precision in words, a range's end, the notes on a date and a
// place), which Sovmap reads back. Each item is a row; one with no place
// has empty coordinates. What the layout has no column for (Spanish text,
// events' sides) is not written: GeoJSON keeps everything.
func WriteACLED(w io.Writer, s *story.Story) error {
	var b strings.Builder
	row := make([]string, len(ACLEDColumns))
	tp := map[story.Precision]string{story.Day: "1", story.Approximate: "2", story.Week: "2", story.Range: "2", story.Month: "3"}
	gp := map[string]string{"town": "1", "municipality": "2", "nearby": "2", "region": "3"}
	write := func(fields []string) error {
		b.Reset()
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(',')
			}
			f = formulaSafe(f)
			if strings.ContainsAny(f, ",\"\r\n") || strings.TrimSpace(f) != f {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			b.WriteString(f)
		}
		b.WriteByte('\n')
		_, err := io.WriteString(w, b.String())
		return err
	}
	if err := write(ACLEDColumns); err != nil {
		return err
	}
	for _, it := range s.Items {
		clear(row)
		row[0] = it.ID
		d := it.Date
		switch d.Precision {
		case story.Day, story.Approximate, story.Week:
			row[1] = d.ISO()
		case story.Range:
			row[1] = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
			row[18] = fmt.Sprintf("%04d-%02d-%02d", d.EndYear, d.EndMonth, d.EndDay)
		case story.Month:
			row[1] = fmt.Sprintf("%04d-%02d-01", d.Year, d.Month) // ACLED's way, time_precision 3 saying so
		case story.Year:
			row[1] = fmt.Sprintf("%04d", d.Year) // ACLED has no code for it; date_precision says so
		}
		row[17] = string(d.Precision)
		row[19] = it.DateNote.In("en")
		row[21] = it.LocationNote.In("en")
		row[2] = tp[it.Date.Precision]
		row[3], row[4] = it.Category.In("en"), it.Title.In("en")
		row[5], row[6], _ = strings.Cut(it.Actor, " / ")
		if p := it.Place; p != nil {
			row[7], row[8], row[9] = p.State, p.Municipality, p.Name
			row[10] = strconv.FormatFloat(p.Point[1], 'f', -1, 64)
			row[11] = strconv.FormatFloat(p.Point[0], 'f', -1, 64)
			row[12] = gp[it.LocationPrecision]
			row[16] = p.Country
			row[20] = it.LocationPrecision
		}
		names := make([]string, len(it.Sources))
		for i, src := range it.Sources {
			names[i] = src.Name.In("en")
		}
		row[13] = strings.Join(names, "; ")
		row[14] = it.Summary.In("en")
		if it.KilledOK {
			row[15] = strconv.Itoa(it.Killed)
		}
		if err := write(row); err != nil {
			return err
		}
	}
	return nil
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula.
var formulaStarts = []byte("=+-@\t\r")

// formulaSafe keeps a spreadsheet from running a cell as a formula (CSV
// injection): a text starting with =, +, -, @, a tab or a carriage return
// gets a leading apostrophe, as OWASP advises, so that a file's
// "=HYPERLINK(…)" note shows as text. Numbers ("-99.13") are left as they
// are.
func formulaSafe(f string) string {
	if f == "" || bytes.IndexByte(formulaStarts, f[0]) < 0 {
		return f
	}
	if _, err := strconv.ParseFloat(f, 64); err == nil {
		return f
	}
	return "'" + f
}

// sortFields orders fields by name, so that a file's properties (a map)
// come out the same on every reading.
func sortFields(f []story.Field) {
	slices.SortFunc(f, func(a, b story.Field) int { return strings.Compare(a.Name, b.Name) })
}

// finite reports whether both coordinates are finite numbers, as JSON
// can write them.
func finite(p orb.Point) bool {
	return !math.IsNaN(p[0]) && !math.IsInf(p[0], 0) && !math.IsNaN(p[1]) && !math.IsInf(p[1], 0)
}
