package appstate

import (
	"cmp"
	"slices"

	"sovmap/geo/story"
)

// CategoryColours is how many categories get a colour of their own; the
// rest share one more, "other".
const CategoryColours = 7

// Category is one kind of incident in the story (an item's Category) and
// the colour its markers get: 1 to CategoryColours, or CategoryColours+1
// for the rest. Colour 0 is for places with no category or several.
type Category struct {
	Name   story.Text
	Colour int
	Count  int // incidents of it in the whole story
}

// categories lists the story's categories in timeline order, each with
// its colour: the CategoryColours commonest get one each, in order of
// first appearance, the rest share "other". Colours depend on the whole
// story, not on the filter, so a marker keeps its colour as the date
// range moves.
func categories(s *story.Story) (list []Category, colour map[string]int) {
	index := map[string]int{}
	for _, it := range s.Items {
		key := it.Category.In("en")
		if it.Kind != story.Incident || key == "" {
			continue
		}
		i, ok := index[key]
		if !ok {
			i = len(list)
			index[key] = i
			list = append(list, Category{Name: it.Category})
		}
		list[i].Count++
	}
	// The commonest keep a colour; ties go to the first seen.
	byCount := make([]int, len(list))
	for i := range byCount {
		byCount[i] = i
	}
	slices.SortStableFunc(byCount, func(a, b int) int { return cmp.Compare(list[b].Count, list[a].Count) })
	coloured := map[int]bool{}
	for _, i := range byCount[:min(len(byCount), CategoryColours)] {
		coloured[i] = true
	}
	next := 1
	colour = map[string]int{}
	for i := range list {
		if coloured[i] {
			list[i].Colour = next
			next++
		} else {
			list[i].Colour = CategoryColours + 1
		}
		colour[list[i].Name.In("en")] = list[i].Colour
	}
	return list, colour
}

// Country is a country of the story's places and how many incidents it has.
type Country struct {
	Name  string
	Count int
}

// countries lists the countries the story's places give, commonest first.
func countries(s *story.Story) []Country {
	index := map[string]int{}
	var out []Country
	for _, p := range s.Places {
		if p.Country == "" {
			continue
		}
		i, ok := index[p.Country]
		if !ok {
			i = len(out)
			index[p.Country] = i
			out = append(out, Country{Name: p.Country})
		}
		out[i].Count += len(p.Items)
	}
	slices.SortStableFunc(out, func(a, b Country) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

// defaultFilter is a new story's filter: for data of several countries
// with Mexico among them, Mexico; else everything.
func defaultFilter(lands []Country) Filter {
	if len(lands) > 1 {
		for _, c := range lands {
			if c.Name == "Mexico" || c.Name == "México" {
				return Filter{Country: c.Name}
			}
		}
	}
	return Filter{}
}
