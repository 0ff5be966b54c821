package storyfile

import (
	"fmt"
	"strconv"
	"strings"

	"sovmap/geo/story"
)

// isUCDP reports whether a table's header is UCDP's Georeferenced Event
// Dataset (GED, and its candidate events): its date span and precision
// columns.
func (t *csvTable) isUCDP() bool {
	return t.has("date_start") && t.has("date_prec") && t.has("where_prec")
}

// ucdpViolence names UCDP's type_of_violence codes.
var ucdpViolence = map[string]string{"1": "State-based conflict", "2": "Non-state conflict", "3": "One-sided violence"}

// ucdpPlaces are UCDP's where_prec codes as Sovmap's location precision;
// 6 (the country only) is no place on the map.
var ucdpPlaces = map[string]string{"1": "town", "2": "nearby", "3": "municipality", "4": "region", "5": "region", "7": "region"}

// ucdpFields are the columns of UCDP's the details panel shows.
var ucdpFields = []string{"conflict_name", "where_description", "adm_1", "adm_2", "deaths_a", "deaths_b", "deaths_civilians",
	"deaths_unknown", "low", "high", "event_clarity", "number_of_sources", "source_office", "source_date"}

// readUCDP reads UCDP's GED: each row an event between side_a and side_b,
// dated by its span (date_start to date_end, with date_prec saying how
// well it is known) and placed as where_prec says; best is its deaths.
func (t *csvTable) readUCDP(base string) (*story.Story, error) {
	b := t.b
	b.s.Title = story.Text{"en": strings.TrimSuffix(base, ".csv")}
	b.s.Credit = story.Text{"en": "Data: UCDP Georeferenced Event Dataset, ucdp.uu.se", "es": "Datos: UCDP Georeferenced Event Dataset, ucdp.uu.se"}
	var dates dateReader
	countryOnly := 0
	c := t.column
	var (
		idCol, typeCol, dyadCol, sideA, sideB = c("id"), c("type_of_violence"), c("dyad_name"), c("side_a"), c("side_b")
		startCol, endCol, precCol, yearCol    = c("date_start"), c("date_end"), c("date_prec"), c("year")
		whereCol, placeCol, adm1, adm2        = c("where_prec"), c("where_coordinates"), c("adm_1"), c("adm_2")
		latCol, lonCol, countryCol, bestCol   = c("latitude"), c("longitude"), c("country"), c("best")
		officeCol                             = c("source_office")
		fieldCols                             []int
	)
	for _, name := range ucdpFields {
		fieldCols = append(fieldCols, c(name))
	}
	conflict := conflictColumns{dead: bestCol, deadName: "best", fields: fieldCols, names: ucdpFields, source: officeCol, data: "UCDP",
		victims: func(n int) story.Text {
			return story.Text{"en": strconv.Itoa(n) + " killed (UCDP's best estimate)", "es": strconv.Itoa(n) + " muertos (la mejor estimación de UCDP)"}
		}}
	err := t.rows(func() (*story.Item, error) {
		id := t.at(idCol)
		if id == "" {
			id = "line-" + strconv.Itoa(t.line)
		}
		it := &story.Item{ID: id, Kind: story.Incident}
		year := 0
		if y, err := strconv.Atoi(t.at(yearCol)); err == nil && y > 0 && y < 10000 {
			year = y
		}
		if err := t.ucdpDate(&dates, it, t.at(startCol), t.at(endCol), t.at(precCol), year); err != nil {
			return it, err
		}
		a, bSide := t.at(sideA), t.at(sideB)
		title := t.at(dyadCol)
		if title == "" {
			title = strings.Trim(a+" – "+bSide, " –")
		}
		if title == "" {
			title = "Event " + id
		}
		it.Title = b.text(title)
		it.Summary = it.Title
		it.Category = b.text(ucdpViolence[t.at(typeCol)])
		if a != "" || bSide != "" {
			it.Actor = b.intern(strings.Trim(a+" / "+bSide, " /"))
		}
		if err := t.conflictRow(it, conflict); err != nil {
			return it, err
		}
		wp := t.at(whereCol)
		if wp == "6" {
			countryOnly++
			return it, nil // the country only: on the timeline, not the map
		}
		prec, ok := ucdpPlaces[wp]
		if !ok && wp != "" {
			return it, skipf("where_prec %q is not 1 to 7", wp)
		}
		lat, lon := t.at(latCol), t.at(lonCol)
		if lat == "" && lon == "" {
			_, err := t.placeByName(it, t.at(adm1), t.at(adm2), t.at(countryCol))
			return it, err
		}
		y, okY := number(lat)
		x, okX := number(lon)
		if !okY || !okX {
			return it, skipf("latitude %q, longitude %q are not both numbers", lat, lon)
		}
		pt, ok, err := b.point(x, y)
		if !ok {
			return it, err
		}
		it.LocationPrecision = prec
		if prec == "" {
			it.LocationPrecision = Unstated
		}
		name, state, muni := t.at(placeCol), t.at(adm1), t.at(adm2)
		if name == "" {
			name = fmt.Sprintf("%.4f, %.4f", y, x)
		}
		it.Place, err = b.place(name+"\x00"+state+"\x00"+muni+"\x00"+lat+"\x00"+lon, "", name, state, muni, t.at(countryCol), pt)
		return it, err
	})
	if err != nil {
		return nil, err
	}
	b.rep.Notes = append(b.rep.Notes, dates.notes("")...)
	b.rep.Notes = append(b.rep.Notes, t.placeNotes()...)
	if countryOnly > 0 {
		b.rep.Notes = append(b.rep.Notes, count(countryOnly, "UCDP places %s event only in a country (where_prec 6); it is on the timeline, not the map",
			"UCDP places %s events only in a country (where_prec 6); they are on the timeline, not the map"))
	}
	return b.finish("UCDP GED CSV")
}

// ucdpDate dates an event by UCDP's span and its precision (date_prec: 1
// the day; 2 a span of two to six days; 3 the week; 4 the month; 5 the
// year or longer): one day is that day; a span within a month known only
// to the month is that month; any other span is that range. An event
// known only to its
// year is undated, the year in its note: Sovmap dates no item by its year
// alone.
func (t *csvTable) ucdpDate(dates *dateReader, it *story.Item, start, end, prec string, year int) error {
	if start == "" {
		it.Date = story.Date{Precision: story.Undated}
		return nil
	}
	var from, to story.Date
	if err := dates.set(&from, start, story.Day, 0, true); err != nil {
		return err
	}
	to = from
	if end != "" {
		if err := dates.set(&to, end, story.Day, 0, true); err != nil {
			return err
		}
	}
	switch {
	case prec == "5" && from.Year == to.Year:
		it.Date = story.Date{Year: from.Year, Precision: story.Year}
	case prec == "5" && year != 0:
		it.Date = story.Date{Year: year, Precision: story.Year}
	case from == to:
		it.Date = from
	case prec == "4" && from.Year == to.Year && from.Month == to.Month:
		it.Date = story.Date{Year: from.Year, Month: from.Month, Precision: story.Month}
	case to.Before(from):
		return skipf("date_end %q is before date_start %q", end, start)
	default:
		it.Date = story.NewRange(from.Year, from.Month, from.Day, to.Year, to.Month, to.Day)
	}
	return nil
}
