package storyfile

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// readXML reads the XML files journalists are given places in: KML, as
// Google My Maps and Google Earth write it, and GPX, as GPS units and
// phone apps write it. Any other XML is named and refused.
func readXML(br *bufio.Reader, src source, base string, o Options, rep *Report) (*story.Story, error) {
	dec := xml.NewDecoder(br) // memory bounded by MaxFileSize; depth by read
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, phrase.Errorf("the text encoding %q is not one Sovmap knows", clip(label, 40))
		}
		return enc.NewDecoder().Reader(in), nil
	}
	x := &xmlReader{b: newBuilder(src, o.Strict, rep), dec: dec, src: src, base: base}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, x.fail(err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(start.Name.Local) {
		case "kml":
			return x.read(start, "KML")
		case "gpx":
			return x.read(start, "GPX")
		}
		return nil, phrase.Errorf("%s: an XML file whose root is <%s>, not KML or GPX: Sovmap reads GeoJSON, CSV, KML and GPX", src.name(), clip(start.Name.Local, 40))
	}
}

// readKMZ reads a KMZ (a ZIP holding a KML, as Google Earth saves it): its
// doc.kml, else its first .kml. Any other ZIP is named and refused. The
// archive is held in memory (within MaxFileSize) and its KML read within
// the same limit, so a ZIP bomb cannot grow past it.
func readKMZ(br *bufio.Reader, src source, base string, o Options, rep *Report) (*story.Story, error) {
	data, err := io.ReadAll(io.LimitReader(br, MaxFileSize+1))
	if err != nil {
		return nil, phrase.Errorf("%s: reading failed: %w", src.name(), bare(err))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, phrase.Errorf("%s: a damaged ZIP archive: %v", src.name(), err)
	}
	var kml *zip.File
	for _, f := range zr.File {
		if strings.EqualFold(path.Ext(f.Name), ".kml") && (kml == nil || strings.EqualFold(f.Name, "doc.kml")) {
			kml = f
		}
	}
	if kml == nil {
		return nil, phrase.Errorf("%s: a ZIP archive with no KML in it: unpack it and open the story file inside", src.name())
	}
	rc, err := kml.Open()
	if err != nil {
		return nil, phrase.Errorf("%s: %s cannot be read: %v", src.name(), clip(kml.Name, 80), err)
	}
	defer rc.Close()
	// KML compresses about tenfold; a KML a hundred times its archive is a
	// ZIP bomb, refused before it fills memory.
	limit := min(int64(MaxFileSize), 100*int64(len(data))+1<<20)
	inner, err := io.ReadAll(io.LimitReader(rc, limit+1))
	switch {
	case err != nil:
		return nil, phrase.Errorf("%s: %s cannot be read: %v", src.name(), clip(kml.Name, 80), err)
	case int64(len(inner)) > limit:
		return nil, phrase.Errorf("%s: %s unpacks to more than %d MiB, over a hundred times the archive: not read", src.name(), clip(kml.Name, 80), limit>>20)
	}
	rep.Notes = append(rep.Notes, phrase.F("read %s from the KMZ archive", clip(kml.Name, 80)))
	s, err := readXML(bufio.NewReader(bytes.NewReader(inner)), &memSource{label: src.name() + " (" + clip(kml.Name, 80) + ")", data: inner}, base, o, rep)
	if err == nil {
		rep.Format = "KMZ"
	}
	return s, err
}

// xmlReader reads one KML or GPX document, element by element.
type xmlReader struct {
	b     *builder
	dec   *xml.Decoder
	src   source
	base  string
	dates dateReader
	index int // placemarks or waypoints read
}

// fail explains a decoding error in words, with its line.
func (x *xmlReader) fail(err error) error {
	var syn *xml.SyntaxError
	switch {
	case errors.As(err, &syn):
		return phrase.Errorf("%s: line %d: not valid XML: %s", x.src.name(), syn.Line, syn.Msg)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return phrase.Errorf("%s: the file ends in the middle of the document", x.src.name())
	}
	return phrase.Errorf("%s: %v", x.src.name(), bare(err))
}

// mark is one placemark or waypoint as the file gives it.
type mark struct {
	offset               int64 // where it starts, for the line of a problem
	name, desc           string
	when, begin, end     string
	coords, lat, lon     string
	geometry             string // what else it is drawn as: "a line", "an area"
	folder               string
	fields               []story.Field
	fieldName, fieldText string
}

// read reads the document under root: its name, and each placemark (KML)
// or waypoint (GPX), folders naming categories.
func (x *xmlReader) read(root xml.StartElement, format string) (*story.Story, error) {
	b := x.b
	b.s.Credit = story.Text{"en": "Data: " + x.base, "es": "Datos: " + x.base}
	src := b.sourceNamed(x.base)
	var (
		stack   []string // open elements, lower case
		folders []string // the names of the open folders
		text    strings.Builder
		m       *mark
		title   string
	)
	stack = append(stack, strings.ToLower(root.Name.Local))
	parent := func(n int) string {
		if len(stack) > n {
			return stack[len(stack)-1-n]
		}
		return ""
	}
	for len(stack) > 0 {
		off := x.dec.InputOffset()
		tok, err := x.dec.Token()
		if err != nil {
			return nil, x.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= MaxDepth {
				return nil, phrase.Errorf("%s: elements nested more than %d deep", x.src.name(), MaxDepth)
			}
			name := strings.ToLower(t.Name.Local)
			stack = append(stack, name)
			text.Reset()
			switch name {
			case "folder":
				folders = append(folders, "")
			case "placemark", "wpt":
				x.index++
				m = &mark{offset: off}
				if len(folders) > 0 {
					m.folder = folders[len(folders)-1]
				}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "lat":
						m.lat = a.Value
					case "lon":
						m.lon = a.Value
					}
				}
			case "linestring", "linearring", "trk", "rte":
				if m != nil && m.geometry == "" {
					m.geometry = "a line"
				}
			case "polygon":
				if m != nil {
					m.geometry = "an area"
				}
			case "data", "simpledata":
				if m != nil {
					for _, a := range t.Attr {
						if a.Name.Local == "name" {
							m.fieldName = clip(a.Value, 80)
						}
					}
				}
			}
		case xml.CharData:
			if text.Len()+len(t) > MaxFieldBytes {
				return nil, phrase.Errorf("%s: line %d: a text longer than %d MiB", x.src.name(), x.src.lines([]int64{off})[0], MaxFieldBytes>>20)
			}
			text.Write(t)
		case xml.EndElement:
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			v := strings.TrimSpace(b.clean(text.String()))
			up := parent(0)
			switch {
			case name == "name" && m != nil && (up == "placemark" || up == "wpt"):
				m.name = v
			case name == "name" && up == "folder" && len(folders) > 0:
				folders[len(folders)-1] = v
			case name == "name" && (up == "document" || up == "metadata" || up == "kml" || up == "gpx") && title == "":
				title = v
			case (name == "description" || name == "desc") && m != nil && (up == "placemark" || up == "wpt"):
				m.desc = plainText(v)
			case name == "when" && m != nil:
				m.when = v
			case name == "time" && m != nil && up == "wpt":
				m.when = v
			case name == "begin" && m != nil:
				m.begin = v
			case name == "end" && m != nil:
				m.end = v
			case name == "coordinates" && m != nil && up == "point" && m.coords == "":
				m.coords = v
			case (name == "value" && m != nil && up == "data") || (name == "simpledata" && m != nil):
				m.fieldText = v
			case name == "data" && m != nil:
			case name == "folder" && len(folders) > 0:
				folders = folders[:len(folders)-1]
			case (name == "placemark" || name == "wpt") && m != nil:
				it, err := x.item(m, src)
				if err == nil {
					err = b.add(it)
				}
				if err != nil {
					var what phrase.Text
					if m.name != "" {
						what = phrase.F("%q", clip(m.name, 60))
					}
					if err = b.skip(0, m.offset, what, err); err != nil {
						return nil, err
					}
				}
				m = nil
			}
			if m != nil && (name == "data" || name == "simpledata") && m.fieldName != "" && m.fieldText != "" && len(m.fields) < MaxFields {
				m.fields = append(m.fields, story.Field{Name: b.intern(m.fieldName), Value: b.intern(clip(m.fieldText, MaxFieldText))})
				m.fieldName, m.fieldText = "", ""
			}
			text.Reset()
		}
	}
	if title == "" {
		title = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(x.base, ".kml"), ".kmz"), ".gpx")
	}
	b.s.Title = story.Text{"en": clip(title, 300)}
	b.rep.Notes = append(b.rep.Notes, x.dates.notes("")...)
	return b.finish(format)
}

// item makes an incident of a placemark or waypoint: at its point, dated
// by its time stamp (or the span it gives, said in its date note), in the
// category of its folder.
func (x *xmlReader) item(m *mark, src *story.Source) (*story.Item, error) {
	b := x.b
	it := &story.Item{ID: "mark-" + strconv.Itoa(x.index), Kind: story.Incident, Sources: []*story.Source{src}, Fields: m.fields}
	sortFields(it.Fields)
	name := m.name
	if name == "" {
		name = "Place " + strconv.Itoa(x.index)
	}
	it.Title = b.text(clip(name, 300))
	it.Summary = it.Title
	if m.desc != "" {
		it.Summary = story.Text{"en": clip(m.desc, MaxFieldBytes)}
	}
	it.Category = b.text(clip(m.folder, 200))
	if err := x.date(m, it); err != nil {
		return it, err
	}
	lat, lon := m.lat, m.lon
	if m.coords != "" {
		// "lon,lat[,alt]": KML's order, the reverse of most tables.
		parts := strings.Split(strings.Fields(m.coords)[0], ",")
		if len(parts) < 2 {
			return it, skipf("coordinates %q are not longitude,latitude", clip(m.coords, 60))
		}
		lon, lat = parts[0], parts[1]
	}
	if lat == "" && lon == "" {
		if m.geometry != "" {
			return it, skipf("a placemark drawn as %s, not a point: Sovmap marks points", m.geometry)
		}
		return it, nil // no place: on the timeline only
	}
	y, okY := number(lat)
	xv, okX := number(lon)
	if !okY || !okX {
		return it, skipf("latitude %q, longitude %q are not both numbers", clip(lat, 40), clip(lon, 40))
	}
	pt, ok, err := b.point(xv, y)
	if !ok {
		return it, err
	}
	it.LocationPrecision = Unstated
	it.Place, err = b.place(name+"\x00"+lat+"\x00"+lon, "", clip(name, 300), "", "", "", pt)
	return it, err
}

// date reads a placemark's TimeStamp, or its TimeSpan: a span within one
// day is that day, within one month that month, and a longer one that
// range of days.
func (x *xmlReader) date(m *mark, it *story.Item) error {
	if m.when != "" || (m.begin == "" && m.end == "") {
		return x.set(&it.Date, m.when)
	}
	var from, to story.Date
	if err := x.set(&from, m.begin); err != nil {
		return err
	}
	if err := x.set(&to, m.end); err != nil {
		return err
	}
	switch {
	case !from.Dated() || !to.Dated():
		if !from.Dated() {
			from = to
		}
		it.Date = from
	case from == to:
		it.Date = from
	case from.Year == to.Year && from.Month == to.Month:
		it.Date = story.Date{Year: from.Year, Month: from.Month, Precision: story.Month}
	case from.Precision != story.Day || to.Precision != story.Day || to.Before(from):
		it.Date = from // a span of months, or backwards: its start, as known
	default:
		it.Date = story.NewRange(from.Year, from.Month, from.Day, to.Year, to.Month, to.Day)
	}
	return nil
}

// set reads one of the file's dates: strictly, an error; else a date that
// cannot be read leaves the item undated, counted for the report.
func (x *xmlReader) set(dst *story.Date, s string) error {
	if x.b.strict {
		return x.dates.set(dst, s, story.Day, 0, false)
	}
	x.dates.setOrUndated(dst, s)
	return nil
}

// plainText is a description as text: My Maps and Google Earth write HTML
// in them (line breaks, links, bold); tags become spaces or line breaks,
// entities their characters.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		tag := strings.ToLower(strings.Trim(s[i+1:i+j], "/ "))
		if strings.HasPrefix(tag, "br") || strings.HasPrefix(tag, "p") || strings.HasPrefix(tag, "div") {
			b.WriteByte('\n')
		}
		s = s[i+j+1:]
	}
	lines := strings.Split(html.UnescapeString(b.String()), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
