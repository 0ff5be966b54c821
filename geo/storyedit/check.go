package storyedit

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"sovmap/geo/story"
)

// Problem is what is wrong with one field of an item, in words for the
// person writing it.
type Problem struct {
	Field   string // "title", "date", "place", "sources", "source_url"
	Message string
}

// MaxText is the longest text a field may hold, in bytes: a summary is a
// paragraph, not a document.
const MaxText = 4000

// Check lists what keeps an item from being saved in a story: a title in
// no language, a source missing or whose address is not a web address, a
// range that ends before it starts, a place with no name, a field longer
// than MaxText. An empty list: the item can be saved.
func Check(it *story.Item) []Problem {
	var out []Problem
	add := func(field, format string, args ...any) {
		out = append(out, Problem{field, fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(it.Title.In("en")) == "" && strings.TrimSpace(it.Title.In("es")) == "" {
		add("title", "give the item a title, in English or Spanish")
	}
	for _, f := range []struct {
		name string
		t    story.Text
	}{{"title", it.Title}, {"summary", it.Summary}, {"victims", it.Victims}, {"date_note", it.DateNote}, {"location_note", it.LocationNote}, {"category", it.Category}} {
		for _, s := range f.t {
			if len(s) > MaxText {
				add(f.name, "this text is %d characters long; the most is %d", len(s), MaxText)
			}
		}
	}
	if d := it.Date; d.Precision == story.Range {
		if _, err := story.ParseDate(d.ISO(), story.Range); err != nil {
			add("date", "the range ends before it starts")
		}
	}
	if it.Kind == story.Event && it.Place != nil {
		add("place", "a timeline event has no place: make it an incident to put it on the map")
	}
	if p := it.Place; p != nil {
		if strings.TrimSpace(p.Name) == "" {
			add("place", "name the place")
		}
		if err := story.CheckLonLat(p.Point); err != nil {
			add("place", "%v", err)
		}
	}
	if len(it.Sources) == 0 {
		add("sources", "name the source: every item says where it comes from")
	}
	for _, src := range it.Sources {
		if strings.TrimSpace(src.Name.In("en")) == "" && strings.TrimSpace(src.Name.In("es")) == "" {
			add("sources", "name the source: every item says where it comes from")
		}
		if msg := CheckURL(src.URL); msg != "" {
			add("source_url", "%s", msg)
		}
	}
	if msg := CheckURL(it.SourceURL); msg != "" {
		add("source_url", "%s", msg)
	}
	return out
}

// CheckURL says what is wrong with a source's address: "" for none, or
// for an http or https address with a host.
func CheckURL(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Sprintf("%q is not a web address (https://…)", clip(s, 60))
	}
	return ""
}

// clip cuts s to about n bytes, at a character's start.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
