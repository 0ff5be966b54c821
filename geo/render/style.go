package render

import "image/color"

// Style holds the colours and sizes of a rendering. Sizes are given at
// scale 1 (one pixel per point) and multiplied by Scale, so the same style
// serves a HiDPI window and a 300 dpi export.
type Style struct {
	Sea, Neighbour, Land           color.RGBA
	Highlight, Hover, SelectedLand color.RGBA
	StateBorder, CountryBorder     color.RGBA
	MunicipalBorder                color.RGBA
	Marker, MarkerRing, Selection  color.RGBA
	Badge, BadgeText               color.RGBA
	Label, CountryLabel, Halo      color.RGBA
	MunicipalLabel                 color.RGBA
	Panel, PanelText               color.RGBA
	// Categories colour the markers of each category of incident: index 0
	// is Marker (no category, or several), then one per category.
	Categories []color.RGBA

	Scale       float64 // pixels per point
	BorderWidth float64 // state borders, points
	// MunicipalBorderWidth is the municipalities' boundaries, points:
	// thinner, as they are lighter, than the states'.
	MunicipalBorderWidth float64
	MarkerSize           float64 // marker radius, points
	LabelSize            float64 // state labels, points
}

// LightStyle is the map's look on a light theme.
func LightStyle(scale float64) Style {
	return Style{
		Sea:                  rgb(0xc6, 0xdb, 0xea),
		Neighbour:            rgb(0xe4, 0xe1, 0xda),
		Land:                 rgb(0xfa, 0xf6, 0xec),
		Highlight:            rgb(0xf3, 0xd6, 0xa4),
		Hover:                rgb(0xec, 0xe4, 0xcc),
		SelectedLand:         rgb(0xec, 0xb8, 0x6e),
		StateBorder:          rgb(0x8e, 0x85, 0x75),
		CountryBorder:        rgb(0xa9, 0xa4, 0x9a),
		MunicipalBorder:      rgba(0x8e, 0x85, 0x75, 0x78),
		MunicipalLabel:       rgb(0x6e, 0x67, 0x5c),
		Marker:               rgb(0xc0, 0x2b, 0x25),
		MarkerRing:           rgb(0xff, 0xff, 0xff),
		Selection:            rgb(0x1f, 0x4e, 0x9c),
		Badge:                rgb(0x22, 0x22, 0x22),
		BadgeText:            rgb(0xff, 0xff, 0xff),
		Label:                rgb(0x3a, 0x36, 0x30),
		CountryLabel:         rgb(0x7a, 0x76, 0x6e),
		Halo:                 rgba(0xff, 0xff, 0xff, 0xd0),
		Panel:                rgba(0xff, 0xff, 0xff, 0xe0),
		PanelText:            rgb(0x22, 0x22, 0x22),
		Categories:           lightCategories[:],
		Scale:                scale,
		BorderWidth:          0.8,
		MunicipalBorderWidth: 0.5,
		MarkerSize:           7,
		LabelSize:            11,
	}
}

// DarkStyle is the map's look on a dark theme.
func DarkStyle(scale float64) Style {
	s := LightStyle(scale)
	s.Sea = rgb(0x16, 0x22, 0x2e)
	s.Neighbour = rgb(0x2b, 0x2f, 0x35)
	s.Land = rgb(0x3b, 0x40, 0x48)
	s.Highlight = rgb(0x6e, 0x5a, 0x36)
	s.Hover = rgb(0x4a, 0x51, 0x5c)
	s.SelectedLand = rgb(0x96, 0x70, 0x30)
	s.StateBorder = rgb(0x8a, 0x92, 0x9e)
	s.CountryBorder = rgb(0x5a, 0x60, 0x68)
	s.MunicipalBorder = rgba(0x8a, 0x92, 0x9e, 0x60)
	s.MunicipalLabel = rgb(0xb4, 0xb8, 0xbe)
	s.Marker = rgb(0xff, 0x5e, 0x4d)
	s.MarkerRing = rgb(0x10, 0x10, 0x10)
	s.Selection = rgb(0x8c, 0xc4, 0xff)
	s.Badge = rgb(0xf0, 0xf0, 0xf0)
	s.BadgeText = rgb(0x10, 0x10, 0x10)
	s.Label = rgb(0xee, 0xee, 0xee)
	s.CountryLabel = rgb(0xa0, 0xa4, 0xaa)
	s.Halo = rgba(0x10, 0x14, 0x18, 0xc0)
	s.Panel = rgba(0x20, 0x24, 0x2a, 0xe0)
	s.PanelText = rgb(0xee, 0xee, 0xee)
	s.Categories = darkCategories[:]
	return s
}

// Category colours, chosen to tell apart on the land and for most colour
// vision; the first is the plain marker's, for no category or several.
var (
	lightCategories = [...]color.RGBA{
		rgb(0xc0, 0x2b, 0x25), // red: the plain marker
		rgb(0x1f, 0x6f, 0xb4), // blue
		rgb(0xd9, 0x7a, 0x00), // amber
		rgb(0x21, 0x8c, 0x57), // green
		rgb(0x8e, 0x44, 0xad), // purple
		rgb(0x0f, 0x8b, 0x8d), // teal
		rgb(0xd6, 0x33, 0x6c), // pink
		rgb(0x7f, 0x55, 0x39), // brown
		rgb(0x6b, 0x6b, 0x6b), // grey: the other categories
	}
	darkCategories = [...]color.RGBA{
		rgb(0xff, 0x5e, 0x4d),
		rgb(0x5a, 0xa9, 0xf0),
		rgb(0xf5, 0xa6, 0x23),
		rgb(0x4c, 0xc9, 0x86),
		rgb(0xc3, 0x8b, 0xe6),
		rgb(0x3c, 0xc8, 0xc8),
		rgb(0xff, 0x7a, 0xa8),
		rgb(0xc9, 0x9a, 0x72),
		rgb(0xa8, 0xa8, 0xa8),
	}
)

// CategoryColor is the colour of category k (0: the plain marker's).
func (s *Style) CategoryColor(k int) color.RGBA {
	if k <= 0 || len(s.Categories) == 0 {
		return s.Marker
	}
	return s.Categories[min(k, len(s.Categories)-1)]
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// rgba makes a translucent colour; color.RGBA holds premultiplied values.
func rgba(r, g, b, a uint8) color.RGBA {
	return color.RGBAModel.Convert(color.NRGBA{r, g, b, a}).(color.RGBA)
}
