package scene

import (
	"fmt"
	"strings"

	"sovmap/assets/i18n"
	"sovmap/geo/appstate"
	"sovmap/geo/story"
)

// Line is one line of an item's details, as the details panel and the
// interactive page show them.
type Line struct {
	// Label names what the line gives ("Victims"), where it is a field.
	Label string `json:",omitempty"`
	Text  string
	Bold  bool `json:",omitempty"`
}

// Marked is t in lang. Where mark is set (the story is written in lang:
// appstate.Session.Writes), a text given only in another language says
// so after it: "Tiroteo (in Spanish)".
func Marked(t story.Text, lang string, mark bool) string {
	s := t.In(lang)
	if other := t.Lang(lang); mark && s != "" && other != lang {
		in := i18n.T(lang, "text.in."+other)
		if in == "" { // a language the interface does not speak
			in = i18n.T(lang, "text.in.other")
		}
		s += " (" + in + ")"
	}
	return s
}

// ItemLines are an item's details in lang: its date with its precision
// and title, what happened, the category, the victims, what is known of
// the date and of the place, the file's other fields, and the sources.
// Texts given only in another language are marked so where mark is set
// (see Marked).
func ItemLines(it *story.Item, lang string, mark bool) []Line {
	lines := []Line{
		{Text: it.Date.Format(lang) + " — " + Marked(it.Title, lang, mark), Bold: true},
	}
	if sum := Marked(it.Summary, lang, mark); sum != "" { // optional in a story written in the app
		lines = append(lines, Line{Text: sum})
	}
	if c := Marked(it.Category, lang, mark); c != "" {
		lines = append(lines, Line{Label: i18n.T(lang, "category"), Text: c})
	}
	if v := Marked(it.Victims, lang, mark); v != "" {
		lines = append(lines, Line{Label: i18n.T(lang, "victims"), Text: v})
	}
	if known := DateKnown(it.Date, lang); known != "" {
		lines = append(lines, Line{Label: i18n.T(lang, "date.known"), Text: known})
	}
	if note := Marked(it.DateNote, lang, mark); note != "" {
		lines = append(lines, Line{Label: i18n.T(lang, "date.note"), Text: note})
	}
	if it.Place != nil {
		where := i18n.T(lang, "prec."+it.LocationPrecision)
		if note := Marked(it.LocationNote, lang, mark); note != "" {
			where += ". " + note
		}
		lines = append(lines, Line{Label: i18n.T(lang, "place.precise"), Text: where})
	}
	for _, f := range it.Fields {
		lines = append(lines, Line{Label: FieldName(lang, f.Name), Text: f.Value})
	}
	if len(it.Sources) > 0 {
		names := make([]string, len(it.Sources))
		for i, s := range it.Sources {
			names[i] = s.Name.In(lang)
		}
		lines = append(lines, Line{Label: i18n.T(lang, "source"), Text: strings.Join(names, "; ")})
	}
	return lines
}

// DateKnown says in lang what is known of a date that is not an exact day,
// with the days the map, the filters and play take it to cover ("about
// that day: any day from 7 Apr 2025 to 21 Apr 2025"); "" for a day.
func DateKnown(d story.Date, lang string) string {
	first, last, ok := d.Days()
	switch {
	case d.Precision == story.Day:
		return ""
	case !ok:
		return i18n.T(lang, "known.undated")
	case d.Precision == story.Month || d.Precision == story.Year:
		return i18n.T(lang, "known."+string(d.Precision))
	}
	return fmt.Sprintf(i18n.T(lang, "known."+string(d.Precision)), story.DayString(first, lang), story.DayString(last, lang))
}

// FieldName names an item's field: conflict data's columns in words, in
// lang; any other file's names as the file gives them.
func FieldName(lang, name string) string {
	if key := "field." + name; i18n.Has("en", key) {
		return i18n.T(lang, key)
	}
	return name
}

// Where says, in lang, where a place is: by its point on the map once the
// map is known ("Municipality: Teuchitlán, Jalisco", "Off the coast of
// Puerto Vallarta, Jalisco", "Outside Mexico (Benin)"), else the state as
// the file says.
func Where(st *appstate.Session, p *story.Place, lang string) string {
	loc, known := st.LocationOf(p)
	switch {
	case known && loc.Offshore:
		return fmt.Sprintf(i18n.T(lang, "place.offshore"), loc.Municipality.Name+", "+loc.State.Name)
	case known && loc.Municipality != nil:
		return i18n.T(lang, "place.municipality") + ": " + loc.Municipality.Name + ", " + loc.State.Name
	case known && p.Country != "":
		return i18n.T(lang, "outside") + " (" + p.Country + ")"
	case known && loc.Country != nil:
		name := loc.Country.Name
		if lang == "es" {
			name = loc.Country.NameES
		}
		return i18n.T(lang, "outside") + " (" + name + ")"
	case known:
		return i18n.T(lang, "outside")
	case p.State != "":
		return i18n.T(lang, "place.state") + ": " + st.StateName(p.State)
	}
	return ""
}
